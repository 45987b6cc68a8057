public import Verifiers

/// Finds and verifies every checkable claim in one answer to one prompt.
///
/// An auditor keeps its token buffers, the questions it has read and its claim checker (with the factorizations it
/// has shown) between answers, so auditing a corpus allocates little per record; use one auditor per thread.
public struct ResponseAuditor: Sendable {
    public var bounds: Bounds {
        didSet { checker = ClaimChecker(bounds: bounds) }
    }
    /// The most claims checked in one answer; the rest are reported as not checked, never dropped silently.
    public static let maxClaims = 2_000
    /// How often the CPU budget is looked at, in claims.
    static let claimsPerClockRead = 8
    private var promptTokens: [Token] = []
    /// Questions already read: corpora ask the same prompt of several models.
    private var questions = QuestionCache(limit: questionCacheSize)
    /// Corpora ask each prompt of several models, often a thousand prompts apart: the cache holds that many.
    static let questionCacheSize = 4096
    private var responseTokens: [Token] = []
    /// The most CPU time one answer may take; claims not checked when it runs out are `unverified` with reason
    /// `budget`. Nil means no limit. The size bounds keep every single claim far below a second, so with the
    /// default of a second only pathological answers (thousands of expensive claims) ever reach it.
    public var budget: Duration?
    /// Kept between answers: its caches hold pure functions of the numbers (the same output, computed once).
    private var checker: ClaimChecker
    /// Where the budgets of the next answers start from (see ``CPUBudget``).
    private var cpuBaseline = CPUBaseline()
    /// The reading steps of the answer being read, reset for each one (``ReadingBudget``). Shared by copies of the
    /// auditor, which, like the auditor, must stay on one thread.
    private let reading = ReadingBudget(tokens: 0)

    public init(bounds: Bounds = .standard) {
        self.bounds = bounds
        checker = ClaimChecker(bounds: bounds)
        promptTokens.reserveCapacity(256)
        responseTokens.reserveCapacity(2048)
    }

    /// Audits `response`, the answer to `prompt`.
    public mutating func audit(prompt: String, response: String) -> AuditResult {
        var prompt = prompt
        return prompt.withUTF8 { audit(prompt: $0, response: response, answerOnly: false) }
    }

    /// Audits `response`, the answer to the prompt given as UTF-8 bytes (questions are cached by those bytes, so a
    /// corpus reader need not make a String of each prompt).
    public mutating func audit(prompt: UnsafeBufferPointer<UInt8>, response: String) -> AuditResult {
        audit(prompt: prompt, response: response, answerOnly: false)
    }

    /// Finds the claim that answers the question and checks only it: what grading against a reference needs.
    /// The verdict is the answer's (`no_claims` without one); steps are neither checked nor returned.
    public mutating func auditAnswer(prompt: String, response: String) -> AuditResult {
        var prompt = prompt
        return prompt.withUTF8 { audit(prompt: $0, response: response, answerOnly: true) }
    }

    /// Finds the claim that answers the question and checks only it, from the prompt's and response's UTF-8 bytes:
    /// what grading a corpus against references needs, without making Strings of them.
    ///
    /// The same result as ``auditAnswer(prompt:response:)`` on the same texts, except that with `explain` off a
    /// composite's `expected` names the factor found ("composite: 2 × 8698208") instead of the full factorization,
    /// which is worked out only to be shown; the verdict is the same either way.
    public mutating func auditAnswer(
        prompt: UnsafeBufferPointer<UInt8>, response: UnsafeBufferPointer<UInt8>, explain: Bool = true
    ) -> AuditResult {
        let deadline = budget.map { CPUBudget($0, baseline: &cpuBaseline) }
        let question = questions.question(prompt, tokens: &promptTokens)
        if question.bracketAnswers, let answer = lastBracketedAnswer(response, question) {
            return checkedAnswer(answer, response, deadline: deadline, explain: explain)
        }
        if let found = answerWithoutEquations(response, question) {
            guard let answer = found else { return AuditResult(verdict: .noClaims, answerIndex: nil, claims: []) }
            return checkedAnswer(answer, response, deadline: deadline, explain: explain)
        }
        return audit(prompt: prompt, response: String(decoding: response, as: UTF8.self), answerOnly: true)
    }

    private mutating func audit(prompt: UnsafeBufferPointer<UInt8>, response: String, answerOnly: Bool)
        -> AuditResult
    {
        let deadline = budget.map { CPUBudget($0, baseline: &cpuBaseline) }
        // Contiguous UTF-8 (already so for any string read from JSON), so claims can be slices of it at byte offsets.
        var responseText = response
        responseText.makeContiguousUTF8()
        let answer = responseText
        promptTokens.removeAll(keepingCapacity: true)
        responseTokens.removeAll(keepingCapacity: true)
        let question = questions.question(prompt, tokens: &promptTokens)
        return answer.utf8.withContiguousStorageIfAvailable { bytes in
            if answerOnly, question.bracketAnswers, let claim = lastBracketedAnswer(bytes, question) {
                return checkedAnswer(claim, bytes, deadline: deadline)
            }
            responseTokens.removeAll(keepingCapacity: true)
            Tokenizer.tokenize(bytes, into: &responseTokens)
            reading.reset(tokens: responseTokens.count)
            InnerModuli.drop(from: &responseTokens, bytes: bytes, budget: reading)
            let stream = TokenStream(bytes: bytes, tokens: responseTokens, budget: reading)
            var scanner = ClaimScanner(stream, question: question)
            var note: String? = nil
            var claims = Self.deduplicated(scanner.scan())
            scanner.claims = []  // its reference would make the first write below copy every claim
            // Whole or nothing: reads cut short by the budget may have judged a claim whole that was not.
            if reading.isExhausted { return unreadResult(tokens: stream.count) }
            if claims.count > Self.maxClaims {
                note = "only the first \(Self.maxClaims) of \(claims.count) claims were checked"
                claims.removeSubrange(Self.maxClaims...)
            }
            // In an answer-only audit, every claim found and the answer's place among them: whether the answer is
            // meant modulo an implicit modulus depends on the claims around it
            // (``ClaimScanner/impliedModulus(of:in:)``).
            var scanned: [Claim] = []
            var answerPosition = 0
            if answerOnly {
                let found = Self.answer(claims, question: question, stream: stream)
                if reading.isExhausted { return unreadResult(tokens: stream.count) }
                guard let index = found else {
                    return AuditResult(verdict: .noClaims, answerIndex: nil, claims: [])
                }
                scanned = claims
                answerPosition = index
                claims = [claims[index]]
            }
            var checked = 0
            var spent = false
            var anyWrong = false
            var checkedWrong = false
            var anyUnverified = false
            let answerIndex: Int?
            // Through the buffer, each claim is changed in place with no uniqueness check per access.
            answerIndex = claims.withUnsafeMutableBufferPointer { claims in
                for index in claims.indices {
                    // The clock is read before every eighth claim: the size bounds keep each claim short, so the
                    // budget is overrun by at most a few claims' time.
                    if let deadline, !spent, index % Self.claimsPerClockRead == 0 { spent = deadline.isExhausted() }
                    if spent {
                        claims[index].verdict = .unverified
                        claims[index].reason = "budget"
                        continue
                    }
                    checker.check(&claims[index])
                    checkedWrong = checkedWrong || claims[index].verdict == .wrong
                    checked += 1
                }
                // A wrong claim the answer likely means modulo a modulus it leaves implicit (an entry of a table of
                // last digits, a step of a computation mod m) is unverified, with the reason; its truth for integers
                // stays in `expected`. Looked for only when a claim came out wrong.
                if checkedWrong {
                    for index in claims.indices where claims[index].verdict == .wrong {
                        let reason =
                            answerOnly
                            ? scanned.withUnsafeBufferPointer { scanner.impliedModulus(of: answerPosition, in: $0) }
                            : scanner.impliedModulus(of: index, in: UnsafeBufferPointer(claims))
                        guard let reason = reason ?? scanner.otherReading(of: claims[index]) else { continue }
                        claims[index].verdict = .unverified
                        claims[index].reason = reason
                    }
                }
                let answerIndex = answerOnly ? 0 : Self.answer(claims, question: question, stream: stream)
                // Claims are sorted by their start, so each cursor moves forward (the ends almost always).
                let asciiPrefix = bytes.firstNonASCIIIndex()
                var starts = ScalarOffsets(bytes, asciiPrefix: asciiPrefix)
                var ends = ScalarOffsets(bytes, asciiPrefix: asciiPrefix)
                for index in claims.indices {
                    claims[index].role = index == answerIndex ? .answer : .step
                    let range = claims[index].bytes
                    claims[index].answer = answer
                    claims[index].textBytes = range
                    claims[index].span = starts.scalarOffset(range.lowerBound)..<ends.scalarOffset(range.upperBound)
                    anyWrong = anyWrong || claims[index].verdict == .wrong
                    anyUnverified = anyUnverified || claims[index].verdict == .unverified
                }
                return answerIndex
            }
            if checked < claims.count, let budget {
                let limit = "the budget of \(CPUClock.seconds(budget)) s of CPU time ran out"
                note = (note.map { $0 + "; " } ?? "") + "\(limit) after \(checked) of \(claims.count) claims"
            }
            let verdict: RecordVerdict =
                claims.isEmpty
                ? .noClaims : anyWrong ? .wrong : anyUnverified || note != nil ? .unverified : .correct
            return AuditResult(
                verdict: verdict, answerIndex: answerIndex, claims: claims, note: note)
        }!
    }


    /// The final value a response states, read without a question: what grading against a known answer needs
    /// when the prompt asks nothing the audit reads ("Compute this." answered "The answer is 0.5").
    ///
    /// Looked for, in order: the whole response as a dressed value ("0.3", "**42**", "The answer is 12.5.",
    /// "≈ 1.414", "0.52 (radians)"), the last `\boxed{…}`, what follows the last "answer is" or "answer:" on its line, and
    /// what follows a one-line response's only relation ("The gcd of 60 and 160 is 20."). Each must be a value read whole (a number, a fraction, an exact form such as "3π/4" or "√2/2"), or there
    /// is none. The claim returned states the value only (``Claim/statedAnswer``): it is never checked, since there is
    /// no question to check it against; its verdict stays `unverified`.
    public mutating func statedFinalValue(response: UnsafeBufferPointer<UInt8>) -> Claim? {
        var question = Question()
        question.target = .number(DecimalLiteral(digits: "0", fractionDigits: 0, exponent: 0))
        func valueAnswer(_ range: Range<Int>) -> Claim? {
            responseTokens.removeAll(keepingCapacity: true)
            Tokenizer.tokenize(UnsafeBufferPointer(rebasing: response[range]), into: &responseTokens)
            for k in responseTokens.indices {
                responseTokens[k].start += range.lowerBound
                responseTokens[k].end += range.lowerBound
            }
            reading.reset(tokens: responseTokens.count)
            var scanner = ClaimScanner(
                TokenStream(bytes: response, tokens: responseTokens, budget: reading), question: question)
            scanner.scanValueAnswer()
            guard !reading.isExhausted, var claim = scanner.claims.last else { return nil }
            claim.verdict = .unverified
            claim.reason = "no question to check it against"
            claim.setText(String(decoding: UnsafeBufferPointer(rebasing: response[claim.bytes]), as: UTF8.self))
            return claim
        }
        if let claim = valueAnswer(0..<response.count) { return claim }
        if let boxed = Self.lastBoxed(response), let claim = valueAnswer(boxed) { return claim }
        if let tail = Self.afterLastAnswerWord(response), let claim = valueAnswer(tail) { return claim }
        if let tail = Self.afterSoleRelation(response), let claim = valueAnswer(tail) { return claim }
        return nil
    }

    /// The yes/no or true/false a response states as its whole answer, read without a question: the response is that
    /// word alone, dressed ("Yes.", "**False**", "ANSWER: No", "The answer is no.", "The statement is true."), or nil.
    public static func statedFinalYesNo(response: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard response.count <= 64 else { return nil }
        var text = String(decoding: response, as: UTF8.self).lowercased()
        let dressing: Set<Character> = [" ", "\t", "\n", "\r", ".", "*", "!", "$", ":"]
        func trimmed(_ t: Substring) -> String {
            String(t.drop(while: { dressing.contains($0) }).reversed().drop(while: { dressing.contains($0) }).reversed())
        }
        text = trimmed(Substring(text))
        for words in ["the final answer is", "the answer is", "answer:", "answer is", "the statement is", "it is"]
        where text.hasPrefix(words) {
            text = trimmed(text.dropFirst(words.count))
            break
        }
        switch text {
        case "yes", "true", "\\text{yes}", "\\text{true}", "\\boxed{yes}", "\\boxed{true}": return true
        case "no", "false", "\\text{no}", "\\text{false}", "\\boxed{no}", "\\boxed{false}": return false
        default: return nil
        }
    }

    /// The rest of a one-line response after its only relation ("8/7 times 532 is 608.", "The gcd of 60 and 160
    /// is approximately 17.", "gcd(960, 660) ≈ 10560", "75% of $683 is 512.250 dollars."): the value a statement of
    /// the answer ends with. "is" in "is divided by", "is multiplied by", "is raised to" belongs to the subject. With
    /// two relations or more ("x is 5 and y is 3", "a = 2 = b") there is none: which one states the answer is not
    /// known.
    static func afterSoleRelation(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var end = bytes.count
        while end > 0 && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        guard end > 0, end <= 512, !bytes[0..<end].contains(0x0A) else { return nil }
        let subjectVerbs = ["divided", "multiplied", "raised", "added", "subtracted", "taken", "rounded"]
        func word(_ w: String, at k: Int) -> Bool {
            let u = Array(w.utf8)
            guard k + u.count <= end else { return false }
            return (0..<u.count).allSatisfy {
                let b = bytes[k + $0]
                return (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) == u[$0]
            }
        }
        var found: Int? = nil
        var relations = 0
        var k = 0
        while k < end {
            var after: Int? = nil
            if bytes[k] == 0x3D {  // =
                after = k + 1
            } else if bytes[k] == 0xE2, k + 2 < end, bytes[k + 1] == 0x89, bytes[k + 2] == 0x88 {  // ≈
                after = k + 3
            } else if bytes[k] == 0x5C, word("\\approx", at: k) {
                after = k + 7
            } else if bytes[k] == 0x20, word(" is ", at: k) {
                let next = k + 4
                if !subjectVerbs.contains(where: { word($0, at: next) }) { after = k + 3 }
            } else if bytes[k] == 0x20, word(" equals ", at: k) {
                after = k + 7
            } else if bytes[k] == 0x3C || bytes[k] == 0x3E || (bytes[k] == 0xE2 && k + 1 < end && bytes[k + 1] == 0x89) {
                relations += 2  // <, >, ≠, ≤, ≥: a comparison, not a value stated
            }
            if let a = after {
                relations += 1
                found = a
                k = a
            } else {
                k += 1
            }
        }
        guard relations == 1, let from = found else { return nil }
        // The closing math delimiter of "$\gcd(60, 312) \approx 1560$" or "\(x = 2\)" is not the value's.
        while end > from, bytes[end - 1] == 0x24 || bytes[end - 1] == 0x20 { end -= 1 }
        if end - from >= 2, bytes[end - 2] == 0x5C, bytes[end - 1] == 0x29 || bytes[end - 1] == 0x5D { end -= 2 }
        return from < end ? from..<end : nil
    }

    /// The bytes inside the last `\boxed{…}` (braces balanced), if there is one.
    static func lastBoxed(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let key: [UInt8] = Array("\\boxed{".utf8)
        var start: Int? = nil
        var k = 0
        while k + key.count <= bytes.count {
            if bytes[k] == 0x5C, (0..<key.count).allSatisfy({ bytes[k + $0] == key[$0] }) { start = k + key.count }
            k += 1
        }
        guard let open = start else { return nil }
        var depth = 1
        var end = open
        while end < bytes.count {
            if bytes[end] == 0x7B { depth += 1 }
            if bytes[end] == 0x7D {
                depth -= 1
                if depth == 0 { return open..<end }
            }
            end += 1
        }
        return nil
    }

    /// The rest of the line after the last "answer is", "answer:" or "answer =" (any case), if the response has one.
    static func afterLastAnswerWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let word: [UInt8] = Array("answer".utf8)
        var found: Int? = nil
        var k = 0
        while k + word.count <= bytes.count {
            if (0..<word.count).allSatisfy({ bytes[k + $0] | 0x20 == word[$0] }) {
                var m = k + word.count
                while m < bytes.count && (bytes[m] == 0x20 || bytes[m] == 0x2A) { m += 1 }  // spaces, bold marks
                if m < bytes.count && (bytes[m] == 0x3A || bytes[m] == 0x3D) {
                    found = m + 1
                } else if m + 1 < bytes.count && bytes[m] | 0x20 == 0x69 && bytes[m + 1] | 0x20 == 0x73 {
                    found = m + 2
                }
            }
            k += 1
        }
        guard let from = found else { return nil }
        var end = from
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        return from < end ? from..<end : nil
    }

    /// The result for an answer whose reading ran out of steps (``ReadingBudget``): not read whole, so no claim of
    /// it is judged; `unverified`, with the reason.
    private func unreadResult(tokens: Int) -> AuditResult {
        AuditResult(
            verdict: .unverified, answerIndex: nil, claims: [],
            note: "unread: the answer was not read whole (its reading took more than the \(reading.limit) steps "
                + "allowed for \(tokens) tokens)")
    }

    /// The answer to a prompt that asked for "[Yes]" or "[No]": the last bracketed yes or no, the claim the full
    /// audit chooses, found by tokenizing only lines that hold a "[", from the last one back.
    ///
    /// A bracketed answer is three tokens on one line ("[", the word, "]"), and no token crosses a line break, so a
    /// line tokenized alone gives the same tokens as the whole answer does there (the only context the tokenizer
    /// carries into a line, whether it starts one and the kind of the token before, decides list markers and "*",
    /// never these three tokens). The yes/no pass of the scanner then reads the line. Nil when no line holds one.
    private mutating func lastBracketedAnswer(_ bytes: UnsafeBufferPointer<UInt8>, _ question: Question) -> Claim? {
        var end = bytes.count
        while end > 0 {
            guard let bracket = bytes.lastIndex(of: 0x5B, before: end) else { return nil }
            var lineStart = bracket
            while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
            var lineEnd = bracket
            while lineEnd < end && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            responseTokens.removeAll(keepingCapacity: true)
            Tokenizer.tokenize(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), into: &responseTokens)
            for k in responseTokens.indices {
                responseTokens[k].start += lineStart
                responseTokens[k].end += lineStart
            }
            reading.reset(tokens: responseTokens.count)
            var scanner = ClaimScanner(
                TokenStream(bytes: bytes, tokens: responseTokens, budget: reading), question: question)
            scanner.scanYesNo()
            if reading.isExhausted { return nil }  // the full audit says so
            if let answer = scanner.claims.last(where: { $0.role == .answer && bytes[$0.bytes.lowerBound] == 0x5B }) {
                // An answer withdrawn later ("I must correct my previous answer") is seen only by the scan of the
                // whole text: when the rest may hold such words, the full scan decides.
                return Self.mayWithdraw(bytes, after: answer.bytes.upperBound) ? nil : answer
            }
            end = lineStart
        }
        return nil
    }

    /// Whether bytes from `start` on hold a word that every withdrawal of an answer needs
    /// (``ClaimScanner/lastRetraction(_:from:)``: "previous", "initial", "earlier", "mistake", "error", "wrong"),
    /// compared without case.
    static func mayWithdraw(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int) -> Bool {
        let words: [StaticString] = ["previous", "initial", "earlier", "mistake", "error", "wrong"]
        var k = start
        while k < bytes.count {
            let b = bytes[k] | 0x20
            for w in words where w.utf8Start[0] == b && k + w.utf8CodeUnitCount <= bytes.count {
                var same = true
                for j in 1..<w.utf8CodeUnitCount where bytes[k + j] | 0x20 != w.utf8Start[j] {
                    same = false
                    break
                }
                if same { return true }
            }
            k += 1
        }
        return false
    }

    /// The answer the full audit chooses, found without the equation scan when the question is one no equation can
    /// answer; `.some(nil)` when there is none, and nil when the full audit must decide.
    ///
    /// Only a primality claim about the subject answers a question with no value, divisor or factorization asked for
    /// ("Is 17077 prime?"), and the equation scan makes none: its claims are values, factorizations and divisions,
    /// never marked as answers, and the other scans do not read them. Dropping them changes neither which primality
    /// claims survive deduplication (which only drops a repeat of the same kind) nor their order (a stable sort by
    /// their first byte). The one way they could matter is the cut at ``maxClaims``: the equation scan adds at most
    /// one claim per token (one per relation in a run of math tokens, or one for a run without), so with the other
    /// claims and the token count together within the limit, no cut happens.
    private mutating func answerWithoutEquations(_ bytes: UnsafeBufferPointer<UInt8>, _ question: Question) -> Claim?? {
        guard question.target == nil, question.stem == nil, question.divisor == nil, !question.asksFactorization
        else { return nil }
        responseTokens.removeAll(keepingCapacity: true)
        Tokenizer.tokenize(bytes, into: &responseTokens)
        reading.reset(tokens: responseTokens.count)
        let stream = TokenStream(bytes: bytes, tokens: responseTokens, budget: reading)
        var scanner = ClaimScanner(stream, question: question)
        scanner.scanPhrases()
        scanner.scanYesNo()
        scanner.scanValueAnswer()
        scanner.scanComparisonAnswer()
        guard scanner.claims.count + stream.count <= Self.maxClaims, !reading.isExhausted else { return nil }
        scanner.claims.sort { $0.bytes.lowerBound < $1.bytes.lowerBound }
        let claims = Self.deduplicated(scanner.claims)
        return .some(Self.answer(claims, question: question, stream: stream).map { claims[$0] })
    }

    /// Checks the answer alone and returns it as an answer-only result.
    private mutating func checkedAnswer(
        _ answer: consuming Claim, _ bytes: UnsafeBufferPointer<UInt8>, deadline: CPUBudget?, explain: Bool = true
    ) -> AuditResult {
        var claim = answer
        if let deadline, deadline.isExhausted() {
            claim.verdict = .unverified
            claim.reason = "budget"
        } else {
            checker.check(&claim, explain: explain)
        }
        claim.role = .answer
        let text = UnsafeBufferPointer(rebasing: bytes[claim.bytes])
        claim.setText(String(decoding: text, as: UTF8.self))
        let start = UnsafeBufferPointer(rebasing: bytes[..<claim.bytes.lowerBound]).unicodeScalarCount()
        claim.span = start..<(start + text.unicodeScalarCount())
        let verdict: RecordVerdict =
            claim.verdict == .wrong ? .wrong : claim.verdict == .unverified ? .unverified : .correct
        return AuditResult(verdict: verdict, answerIndex: 0, claims: [claim])
    }

    /// Drops a claim that repeats another one over the same bytes (the first one stays).
    ///
    /// The claims come sorted by their first byte, so a repeat can only be among the claims that start at the same
    /// byte: those are compared directly, with no hashing, and an answer without repeats is returned as it is.
    private static func deduplicated(_ claims: [Claim]) -> [Claim] {
        func isRepeat(_ i: Int) -> Bool {
            var k = i - 1
            while k >= 0 && claims[k].bytes.lowerBound == claims[i].bytes.lowerBound {
                if claims[k].bytes.upperBound == claims[i].bytes.upperBound && claims[k].kind == claims[i].kind {
                    return true
                }
                k -= 1
            }
            return false
        }
        guard let first = claims.indices.first(where: isRepeat) else { return claims }
        var kept = Array(claims[..<first])
        for i in (first + 1)..<claims.count where !isRepeat(i) { kept.append(claims[i]) }
        return kept
    }

    /// The claim that answers the question: in the form the prompt asked for ("[Yes]"), the last one; otherwise
    /// the last conclusive statement about the question.
    private static func answer(_ claims: [Claim], question: Question, stream: TokenStream) -> Int? {
        claims.withUnsafeBufferPointer { answer($0, question: question, stream: stream) }
    }

    private static func answer(_ claims: UnsafeMutableBufferPointer<Claim>, question: Question, stream: TokenStream)
        -> Int?
    {
        answer(UnsafeBufferPointer(claims), question: question, stream: stream)
    }

    private static func answer(_ claims: UnsafeBufferPointer<Claim>, question: Question, stream: TokenStream) -> Int? {
        if question.bracketAnswers {
            for i in claims.indices.reversed()
            where claims[i].role == .answer && stream.bytes[claims[i].bytes.lowerBound] == 0x5B {
                return i
            }
        }
        // Read field by field, in place: a closure over whole claims would copy each one.
        func answers(_ i: Int) -> Bool {
            switch claims[i].statement {
            case .primality(let n, _):
                return question.asksPrimality && n == question.subject
            case .divisibility(let n, let d, _):
                return question.divisor == d && n == question.subject
            case .factorization(let n, _, _), .primeFactors(let n, _):
                return question.asksFactorization && n == question.subject
            case .value(let e, _, _, _, _, _):
                guard let target = question.target ?? question.stem else { return false }
                return claims[i].role == .answer || comparable(e) == comparable(target)
            case .comparison:
                return question.comparison != nil && claims[i].role == .answer
            case .division, .residue, .congruent:
                return false
            }
        }
        return claims.indices.reversed().first(where: answers)
    }

    /// An expression with radian marks removed, for comparing a claim's left side with the question's target.
    private static func comparable(_ e: Expression) -> Expression {
        switch e {
        case .radians(let a): return comparable(a)
        case .negate(let a): return .negate(comparable(a))
        case .function(let f, let a): return .function(f, comparable(a))
        case .degrees(let a): return .degrees(comparable(a))
        case .add(let a, let b): return .add(comparable(a), comparable(b))
        case .subtract(let a, let b): return .subtract(comparable(a), comparable(b))
        case .multiply(let a, let b): return .multiply(comparable(a), comparable(b))
        case .divide(let a, let b): return .divide(comparable(a), comparable(b))
        case .power(let a, let b): return .power(comparable(a), comparable(b))
        case .number, .pi, .e: return e
        }
    }
}

/// Converts UTF-8 byte offsets into Unicode scalar offsets with a cursor that moves from the last offset asked for.
struct ScalarOffsets {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The length of the text's all-ASCII start: up to there, a byte offset is its scalar offset.
    let asciiPrefix: Int
    var byte = 0
    var scalar = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.init(bytes, asciiPrefix: bytes.firstNonASCIIIndex()) }

    /// `asciiPrefix` must be `bytes.firstNonASCIIIndex()` (given when several cursors read the same text).
    init(_ bytes: UnsafeBufferPointer<UInt8>, asciiPrefix: Int) {
        self.bytes = bytes
        self.asciiPrefix = asciiPrefix
    }

    /// The number of scalars that start in bytes[0..<target] (`scalar` counts those in bytes[0..<byte]).
    mutating func scalarOffset(_ target: Int) -> Int {
        let target = min(target, bytes.count)
        // In the ASCII start every byte is a scalar (answers in plain ASCII never get past this line).
        if target <= asciiPrefix { return target }
        while byte > target {
            byte -= 1
            if bytes[byte] & 0xC0 != 0x80 { scalar -= 1 }
        }
        if byte < target {
            // Eight bytes at a time; continuation bytes after a lead byte belong to the same scalar.
            scalar += UnsafeBufferPointer(rebasing: bytes[byte..<target]).unicodeScalarCount()
            byte = target
        }
        return scalar
    }
}
