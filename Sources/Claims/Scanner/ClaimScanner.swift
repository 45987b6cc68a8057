import Verifiers

/// Finds the checkable claims in a model's answer: equations and approximations, and statements in words about
/// primality, divisibility, factorizations and function values.
///
/// It works on ``Token``s, never on regular expressions, and it is conservative: questions, conditionals
/// ("if 91 were prime"), plans ("let's check whether") and hedges ("might be prime") are not claims, because a
/// correct answer flagged as wrong is the worst mistake an auditor can make.
struct ClaimScanner {
    let stream: TokenStream
    let question: Question
    var claims: [Claim] = []
    /// Whether the passes skip at once the tokens that start nothing (true but in the tests that hold the skips
    /// equal to looking at every token).
    var skipsTokens = true

    /// The indices of the tokens that end sentences, in order (see ``sentence(_:)``).
    private let boundaries: [Int]
    /// The index into `boundaries` of the first boundary at or after the token ``nearSentence(_:)`` was last asked
    /// about (`boundaries.count` when none is).
    private var sentenceCursor = 0

    init(_ stream: TokenStream, question: Question) {
        self.stream = stream
        self.question = question
        // Written through a pointer into room for every token (no capacity check or regrowth per boundary).
        self.boundaries = stream.tokens.withUnsafeBufferPointer { tokens in
            [Int](unsafeUninitializedCapacity: tokens.count) { out, count in
                var n = 0
                for i in tokens.indices where Self.boundaryKinds & (1 &<< UInt64(tokens[i].kind.rawValue)) != 0 {
                    out[n] = i
                    n += 1
                }
                count = n
            }
        }
    }

    mutating func scan() -> [Claim] {
        claims.reserveCapacity(16)  // most answers have fewer: one allocation instead of five as the list grows
        scanEquations()
        scanPhrases()
        scanYesNo()
        scanValueAnswer()
        scanComparisonAnswer()
        applyQuestionRule()
        // Whole or nothing: a claim that read part of an expression is dropped (``coversWhole(_:)``).
        var kept = 0
        for i in claims.indices where coversWhole(claims[i]) {
            if kept != i { claims.swapAt(kept, i) }
            kept += 1
        }
        claims.removeLast(claims.count - kept)
        // Word-problem lines ("12 apples * 1/3 = 4 apples"), where no claim above stands.
        scanWordProblemLines()
        claims.sort { $0.bytes.lowerBound < $1.bytes.lowerBound }
        return claims
    }

    // MARK: - Equations

    /// Whether token i can be part of an equation.
    ///
    /// Asked of every token, often more than once, so the common answers are decided inline from the token alone:
    /// its kind, and for a word whether the tokenizer marked it as one that can be math at all (a function name, a
    /// unit, "x" or "e"; ``WordTraits/mathWord``).
    @inline(__always)
    static func isMathToken(_ s: TokenStream, _ i: Int) -> Bool {
        guard i >= 0 && i < s.count else { return false }
        let t = s[i]
        if mathKinds & (1 << UInt64(t.kind.rawValue)) != 0 { return true }
        guard t.kind == .word, t.traits.contains(.mathWord) else { return false }
        return isMathWord(s, i)
    }

    /// The kinds that are always part of an equation, as a bit set over `Token.Kind.rawValue` (computed, so that
    /// it folds to a constant where it is used).
    static var mathKinds: UInt64 {
        @inline(__always) get {
            func bit(_ k: Token.Kind) -> UInt64 { 1 << UInt64(k.rawValue) }
            return bit(.number) | bit(.plus) | bit(.minus) | bit(.times) | bit(.divide) | bit(.power) | bit(.equals)
                | bit(.approx) | bit(.notEqual) | bit(.sqrt) | bit(.pi) | bit(.degree) | bit(.fraction)
                | bit(.openParen) | bit(.closeParen)
        }
    }

    /// Whether word token i can be part of an equation: a function name (not "sine of"), a unit, "x" between
    /// numbers, or "e" raised to a power.
    private static func isMathWord(_ s: TokenStream, _ i: Int) -> Bool {
        if functionWord(s, i) != nil && !s.isWord(i + 1, "of") { return true }
        if s.isWord(i, in: Self.unitWords) { return true }
        if ExpressionReader.function(s, i) != nil { return true }
        // "12 x 5", "$12 x (6 x 2)", "(3 + 4) x 2".
        if s.isWord(i, "x") {
            return (s.kind(i - 1) == .number || s.kind(i - 1) == .closeParen)
                && (s.kind(i + 1) == .number || s.kind(i + 1) == .openParen)
        }
        return s.isWord(i, "e") && s.kind(i + 1) == .power
    }

    private mutating func scanEquations() {
        var i = 0
        while i < stream.count {
            if skipsTokens { i = nextRunStart(from: i) }
            guard i < stream.count else { return }
            guard Self.isMathToken(stream, i), stream.kind(i) != .closeParen else {
                i += 1
                continue
            }
            // Extend the run; a parenthesis belongs to it only if its content is math without a relation.
            var j = i
            var depth = 0
            var hasRelation = false
            while j < stream.count, Self.isMathToken(stream, j) {
                let k = stream.kind(j)
                if k == .openParen {
                    if !parenthesisIsExpression(j) { break }
                    depth += 1
                } else if k == .closeParen {
                    if depth == 0 { break }
                    depth -= 1
                } else if k == .equals || k == .approx || k == .notEqual {
                    hasRelation = true
                }
                j += 1
            }
            // A run without a relation is a claim only when "is" follows it (``statedInWords(_:_:)``): most runs
            // are a lone number in prose, decided here without the call.
            if j > i && (hasRelation || stream.isWord(j, "is") || !skipsTokens) { processRun(i, j) }
            // "5651 ≡ 1 (mod 25)": a congruence after the run.
            if j > i && stream.kind(j) == .otherRelation && isCongruenceSign(j) { congruence(i, j) }
            i = max(j, i + 1)
        }
    }

    /// The first token at or after i that may start a run worth reading, through a pointer. Passed over: a closing
    /// parenthesis, a token that is neither of a math kind nor a word marked as possibly math (for those
    /// ``isMathToken(_:_:)`` is false without looking further), and a number or an opening parenthesis followed by a
    /// token that is surely not math and not a relation ("5651 ≡ 1 (mod 25)" starts at its number).
    ///
    /// Such a number is a run of one token, which makes a claim only through ``statedInWords(_:_:)``, and that needs
    /// a left side that is not a lone number. Such a parenthesis does not hold an expression
    /// (``parenthesisIsExpression(_:)`` is false at the token after it), so the run stops before it, empty.
    private func nextRunStart(from i: Int) -> Int {
        stream.tokens.withUnsafeBufferPointer { tokens in
            @inline(__always) func mayBeMath(_ t: Token) -> Bool {
                Self.mathKinds & t.kind.bit != 0 || (t.kind == .word && t.traits.contains(.mathWord))
            }
            var k = i
            while k < tokens.count {
                let t = tokens[k]
                if mayBeMath(t) && t.kind != .closeParen {
                    guard t.kind == .number || t.kind == .openParen, k + 1 < tokens.count else { break }
                    // Before a relation such as "≡" a lone number may start a congruence.
                    if mayBeMath(tokens[k + 1]) || tokens[k + 1].kind == .otherRelation { break }
                }
                k += 1
            }
            return k
        }
    }

    private func parenthesisIsExpression(_ open: Int) -> Bool {
        var depth = 0
        var j = open
        while j < stream.count && j < open + 80 {
            let k = stream.kind(j)
            if k == .openParen { depth += 1 }
            if k == .closeParen {
                depth -= 1
                if depth == 0 { return true }
            }
            if k == .equals || k == .approx || k == .notEqual || !Self.isMathToken(stream, j) { return false }
            j += 1
        }
        return false
    }

    private mutating func processRun(_ from: Int, _ to: Int) {
        // The relations split the run into segments; each relation joins the segment before it to the one after.
        // They are found one ahead of the other instead of listed first (no array per run).
        guard var relation = nextRelation(from, to) else {
            statedInWords(from, to)
            return
        }
        var leftExpression: (Expression, ExpressionReader.Shape, Int, Int)? = nil
        var segmentStart = from
        var index = 0
        // "3^105 = (3^3)^35 = 1^35 = 1 mod 13": a chain that ends in a modulus works modulo it throughout.
        let chainModulus = stream.kind(to - 1) == .number ? modulusAfter(to) : nil
        while true {
            let following = nextRelation(relation + 1, to)
            if let (m, end) = chainModulus, following != nil {
                // A link before the last: a congruence when its right side is a lone integer, else not read.
                relateModulo(
                    index: index, runStart: from, left: (segmentStart, relation), relation: relation,
                    right: (relation + 1, following!), modulus: m, end: end, leftExpression: &leftExpression)
            } else {
                relate(
                    index: index, runStart: from, left: (segmentStart, relation), relation: relation,
                    right: (relation + 1, following ?? to), leftExpression: &leftExpression)
            }
            guard let next = following else { return }
            segmentStart = relation + 1
            relation = next
            index += 1
        }
    }

    /// The first relation ("=", "≈", "≠") in tokens from..<to.
    private func nextRelation(_ from: Int, _ to: Int) -> Int? {
        var j = from
        while j < to {
            let k = stream.kind(j)
            if k == .equals || k == .approx || k == .notEqual { return j }
            j += 1
        }
        return nil
    }

    /// The claim of relation number `index` of the run starting at `runStart`, between the segments `left` and
    /// `right`; `leftExpression` carries the right side of one relation over as the left side of the next.
    private mutating func relate(
        index: Int, runStart from: Int, left: (Int, Int), relation r: Int, right: (Int, Int),
        leftExpression: inout (Expression, ExpressionReader.Shape, Int, Int)?
    ) {
        let (ls, le) = left
        let (rs, re) = right
        var readInWords = false
        if index == 0, let (phrase, start) = operatorPhrase(before: from, segmentEnd: le) {
            // "4654 divided by 61 = 70.96": the left side began in words.
            leftExpression = phrase.map { ($0.0, $0.1, start, le) }
            if leftExpression == nil { return }
            readInWords = true
        } else if index == 0 && gluedToName(from) {
            // "log(2) = …", "\log_{10}(2)": the run is the argument of a name the reader does not know.
            leftExpression = nil
            return
        } else if index == 0 && isModulo(from - 1) {
            // "4489 mod 30 = 19": the run starts with the modulus of a remainder.
            addResidue(valueEnd: from - 1, modulus: (ls, le), residue: (rs, re), relation: r)
            leftExpression = nil
            return
        } else if index == 0 && continuesBefore(from) {
            // "x mod 3 = 2", "n + 1 = 5": the first left side is the end of an expression the reader cannot see.
            leftExpression = nil
            return
        }
        if !readInWords && (leftExpression == nil || index == 0) {
            leftExpression = readTrimmingFront(ls, le)
        }
        guard let left = leftExpression, let right = readTrimmingBack(rs, re) else {
            leftExpression = nil
            return
        }
        // "2 mod 3", "10c − 5", "729 = 1 (mod 7)": the last right side goes on past the run; "3^y", "1^5 + C(5, 1)":
        // it goes on in an operation the reader could not read.
        if right.2 == re ? continuesAfter(re) : hasOperator(right.2, re) {
            // "2^2 = 4 (mod 5)", "a = 2 \pmod{3}": a congruence written with "=".
            if right.2 == re, stream.kind(r) == .equals, let (m, end) = modulusAfter(re) {
                addCongruence(left, residue: (rs, re), modulus: m, end: end, relation: r)
            }
            return
        }
        addEquation(left, relation: r, right: (right.0, right.1, rs, right.2))
        leftExpression = (right.0, right.1, rs, right.2)
    }

    /// "cos(3532 radians) is approximately -0.99", "7 × 13 is 91": an expression followed by "is" and a value.
    private mutating func statedInWords(_ from: Int, _ to: Int) {
        guard stream.isWord(to, "is") else { return }
        var k = to + 1
        var approximate = false
        while stream.isWord(k, in: Self.valueLinks)
            || stream.kind(k) == .approx
        {
            if !stream.isWord(k, in: Self.exactLinks) { approximate = true }
            k += 1
        }
        var negative = false
        if stream.kind(k) == .minus {
            negative = true
            k += 1
        }
        // "$15n-3$ is 4 modulo 9": the left side goes on from a letter, the value is a residue.
        if continuesBefore(from) || isModulo(k + 1) { return }
        guard stream.kind(k) == .number, stream.kind(k + 1) != .times, stream.kind(k + 1) != .power,
            let (left, shape, ls, _) = readTrimmingFront(from, to), !shape.isSingleNumber, !isHypothetical(ls),
            !stream.isWord(ls - 1, "of"), Self.hasOperation(left), !ExpressionReader.isSignedNumber(left)
        else { return }
        let stated = (negative ? "-" : "") + stream.numberText(k)
        let rule: StatedValueRule = Self.hasPoint(stated) ? .asWritten : approximate ? Self.approximateRule(stated) : .exact
        let explicitUnit: AngleUnit? = shape.hasDegrees ? .degrees : (shape.hasRadians ? .radians : nil)
        let ambiguous = explicitUnit == nil && question.unitAmbiguous && Self.hasTrigonometry(left)
        // Made in the list, not in a local appended after: an append of a local copies the claim, then destroys it.
        claims.append(
            Claim(
                kind: shape.hasFunction ? .function : .arithmetic,
                statement: .value(
                    left, stated: stated, statedExpression: nil, rule: rule,
                    unit: explicitUnit ?? question.unit ?? .radians, negated: false),
                bytes: stream[ls].start..<stream[k].end))
        if ambiguous { claims[claims.count - 1].reason = Self.ambiguousUnit }
    }

    /// When the run at `from` continues words ("N divided by d", "N times d", "the square of"), the whole left
    /// side: (expression, shape) when it can be rebuilt ("N divided by / times / plus / minus / multiplied by d"),
    /// nil when it cannot (the first relation is then skipped), and the index where it starts. Returns nil
    /// (no opinion) when no operator word precedes the run.
    func operatorPhrase(before from: Int, segmentEnd: Int) -> ((Expression, ExpressionReader.Shape)?, Int)? {
        guard from > 0, stream.kind(from - 1) == .word,
            stream.isWord(from - 1, in: Self.operatorWords)
        else { return nil }
        // "…, and 91 = 7 × 12" joins two statements: only "5 and 7 = 12" ("the sum of 5 and 7") leaves one open.
        if stream.isWord(from - 1, "and") && stream.kind(from - 2) != .number { return nil }
        guard let (right, rightShape) = ExpressionReader.read(stream, from, segmentEnd) else { return (nil, from) }
        guard rightShape.isSingleNumber else { return nil }  // "and 331936064 + 49 = …" is complete
        var k = from - 1
        var make: ((Expression, Expression) -> Expression)? = nil
        if stream.isWord(k, "by"), stream.isWord(k - 1, "divided") {
            make = { .divide($0, $1) }
            k -= 2
        } else if stream.isWord(k, "by"), stream.isWord(k - 1, "multiplied") {
            make = { .multiply($0, $1) }
            k -= 2
        } else if stream.isWord(k, "times") {
            make = { .multiply($0, $1) }
            k -= 1
        } else if stream.isWord(k, "plus") {
            make = { .add($0, $1) }
            k -= 1
        } else if stream.isWord(k, "minus") {
            make = { .subtract($0, $1) }
            k -= 1
        }
        guard let make, stream.kind(k) == .number, let (left, leftShape) = ExpressionReader.read(stream, k, k + 1) else {
            return (nil, from)
        }
        var shape = leftShape
        shape.isSingleNumber = false
        shape.integerOnly = leftShape.integerOnly && rightShape.integerOnly
        shape.hasDivision = stream.isWord(from - 1, "by") && stream.isWord(from - 2, "divided")
        shape.mayBeProduct = false
        return ((make(left, right), shape), k)
    }

    /// Whether the run starting at token i touches a word or a mark before it ("f(2)", "log_{10}(2)").
    func gluedToName(_ i: Int) -> Bool {
        guard i > 0 else { return false }
        if stream.kind(i - 1) == .other { return true }
        return stream.kind(i - 1) == .word && stream.adjacent(i - 1) && !Self.isMathToken(stream, i - 1)
    }

    /// Reads the left side of a relation, dropping at most a few leading numbers that are not part of it
    /// ("3. 1786 + 25 = 1811" after a list number); never drops an operator or a name.
    func readTrimmingFront(_ s: Int, _ e: Int) -> (Expression, ExpressionReader.Shape, Int, Int)? {
        var start = s
        while start < e && start < s + 4 {
            // Two numbers in a row never read as one expression (the reader never multiplies them): those are
            // trimmed without the reading.
            let twoNumbers = stream.kind(start) == .number && stream.kind(start + 1) == .number
            if !(twoNumbers && start + 1 < e), let (x, shape) = ExpressionReader.read(stream, start, e) {
                return (x, shape, start, e)
            }
            // "3 1/2 = 3.5": a mixed number, not a list number before a fraction.
            guard twoNumbers, stream.kind(start + 2) != .divide else { return nil }
            start += 1
        }
        return nil
    }

    private func readTrimmingBack(_ s: Int, _ e: Int) -> (Expression, ExpressionReader.Shape, Int)? {
        var end = e
        while end > s && end > e - 6 {
            if let (x, shape) = ExpressionReader.read(stream, s, end) { return (x, shape, end) }
            end -= 1
        }
        return nil
    }

    mutating func addEquation(
        _ left: (Expression, ExpressionReader.Shape, Int, Int), relation r: Int,
        right: (Expression, ExpressionReader.Shape, Int, Int)
    ) {
        var (la, sa, ls, le) = left
        var (rb, sb, rs, re) = right
        let relation = stream.kind(r)!
        // Two lone numbers ("641 = 177" from "x ≡ 177 (mod 641)", "120 = 5!") state no computation: the relation is a
        // label, a cut or a test, never a step to check. A denied relation ("50 = 504, which is not true") and two
        // different lone numbers ("974 = 0", "238327 ≠ 123") end a test: the bare formulas just before go with them.
        let lone = sa.isSingleNumber && sb.isSingleNumber
        if isRejected(after: re) || (lone && stream.integer(ls) != stream.integer(rs)) {
            dropDerivation(before: ls)
            return
        }
        if lone { return }
        // "1977 = 1 + 9 + 7 + 7 = 24": the digits of a number summed, written as if equal to it.
        if isDigitSum(single: (ls, le), sum: (rs, re)) || isDigitSum(single: (rs, re), sum: (ls, le)) { return }
        if isQuestion(at: r) { return }
        let bytes = stream[ls].start..<stream[re - 1].end

        if sa.integerOnly && sb.integerOnly && relation != .notEqual {
            // N = a × b × c: a factorization.
            if relation == .equals, sa.isSingleNumber != sb.isSingleNumber {
                let (single, product, productExpression) = sa.isSingleNumber ? (la, sb, rb) : (rb, sa, la)
                if !product.hasDivision, let factors = product.factors(of: productExpression),
                    let n = ExpressionReader.integer(single)
                {
                    let primes = mentionsPrimeFactorization(near: ls)
                    claims.append(
                        Claim(kind: .factorization, statement: .factorization(n, factors: factors, primes: primes), bytes: bytes))
                    return
                }
            }
            // N ÷ d = q remainder r (the quotient and the words first: most quotients stated are decimals, and most
            // integer ones state no remainder).
            if sb.isSingleNumber, case .divide(let a, let b) = la, let q = ExpressionReader.integer(rb),
                let (rem, last) = remainder(after: re), let n = ExpressionReader.integer(a),
                let d = ExpressionReader.integer(b)
            {
                claims.append(
                    Claim(
                        kind: .divisibility, statement: .division(n, divisor: d, quotient: q, remainder: rem),
                        bytes: stream[ls].start..<stream[last].end))
                return
            }
            // "17077 ÷ 13 = 1313 (not divisible)", "2270 ÷ 3 = 756 R2": an integer quotient the answer says is not
            // exact is the quotient of a division with a remainder.
            if sb.isSingleNumber, case .divide(let a, let b) = la, let q = ExpressionReader.integer(rb),
                let last = statesRemainder(after: re), let n = ExpressionReader.integer(a),
                let d = ExpressionReader.integer(b)
            {
                claims.append(
                    Claim(
                        kind: .divisibility, statement: .division(n, divisor: d, quotient: q, remainder: nil),
                        bytes: bytes.lowerBound..<stream[last].end))
                return
            }
        }
        // A value claim: the right side is the stated value (swap "0.5 = sin(30°)").
        if sa.isSingleNumber && !sb.isSingleNumber && !isNegatedNumber(rb) {
            swap(&la, &rb)
            swap(&sa, &sb)
            swap(&ls, &rs)
            swap(&le, &re)
        }
        let kind: Claim.Kind = sa.hasFunction || sb.hasFunction ? .function : .arithmetic
        let stated = statedText(rb)
        let rule: StatedValueRule
        if let stated, Self.hasPoint(stated) {
            rule = .asWritten
        } else if relation == .approx {
            rule = stated.map { Self.approximateRule($0) } ?? .exact
        } else if stated != nil, Self.mayRound(la), statesRounding(before: ls, after: re) {
            // "7/2 = 3 (rounded down)", "in integer division, 7 / 2 = 3": a whole number as written.
            rule = .asWritten
        } else {
            rule = .exact
        }
        let explicitUnit: AngleUnit? = sa.hasDegrees || sb.hasDegrees ? .degrees : (sa.hasRadians || sb.hasRadians ? .radians : nil)
        let ambiguous = explicitUnit == nil && question.unitAmbiguous && Self.hasTrigonometry(la)
        claims.append(
            Claim(
                kind: kind,
                statement: .value(
                    la, stated: stated ?? stream.text(rs, re), statedExpression: rb, rule: rule,
                    unit: explicitUnit ?? question.unit ?? .radians, negated: relation == .notEqual),
                bytes: bytes))
        if ambiguous { claims[claims.count - 1].reason = Self.ambiguousUnit }
    }

    /// Whether the value of `e` may be a fraction of integers that an answer rounds: it has a division or a function.
    static func mayRound(_ e: Expression) -> Bool {
        switch e {
        case .divide, .function: return true
        case .negate(let a), .degrees(let a), .radians(let a): return mayRound(a)
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .power(let a, let b):
            return mayRound(a) || mayRound(b)
        case .number, .pi, .e: return false
        }
    }

    /// Whether the sentence around a claim over tokens from..<to says its value is rounded: a word of
    /// ``roundingWords`` or "integer division" within eight tokens before it or after it, with no sentence end
    /// between. ("2439 is an integer" says the opposite: that word alone is not enough.)
    func statesRounding(before from: Int, after to: Int) -> Bool {
        wordNear(from, to) { k in
            stream.isWord(k, in: Self.roundingWords) || (stream.isWord(k, "integer") && stream.isWord(k + 1, "division"))
        } != nil
    }

    /// The first token within eight tokens after tokens from..<to, else the nearest within eight before them, that
    /// `matches`, with no sentence end between; nil when there is none.
    func wordNear(_ from: Int, _ to: Int, _ matches: (Int) -> Bool) -> Int? {
        var k = to
        while k < min(to + 8, stream.count), Self.boundaryKinds & stream[k].kind.bit == 0 {
            if matches(k) { return k }
            k += 1
        }
        k = from - 1
        while k >= max(from - 8, 0), Self.boundaryKinds & stream[k].kind.bit == 0 {
            if matches(k) { return k }
            k -= 1
        }
        return nil
    }

    /// Words that say a value is rounded: "rounded", "rounding", "nearest", "floor", "truncated".
    static let roundingWords = WordSet(["rounded", "rounding", "round", "nearest", "floor", "truncated", "truncating"])

    /// Why a value claim about angles without a unit mark is unverified when the question names both units.
    static let ambiguousUnit = "ambiguous unit: the question mentions both degrees and radians"

    /// "… = 5692 remainder 1", ", remainder 1", "R 1", "with a remainder of 1", "with a remainder": the remainder
    /// (nil when only its existence is stated) and the index of the last token.
    private func remainder(after i: Int) -> (BigInteger?, Int)? {
        var j = i
        if stream.kind(j) == .comma { j += 1 }
        let with = stream.isWord(j, "with")
        if with { j += 1 }
        if stream.isWord(j, in: Self.articlesAndThe) { j += 1 }
        guard stream.isWord(j, in: Self.remainderWords) else { return nil }
        let word = j
        j += 1
        if stream.isWord(j, "of") || stream.kind(j) == .colon { j += 1 }
        if let r = stream.integer(j) { return (r, j) }
        return with && stream.isWord(word, "remainder") ? (nil, word) : nil
    }

    private func statedText(_ e: Expression) -> String? {
        switch e {
        case .radians(let inner), .degrees(let inner): return statedText(inner)
        case .number(let literal): return literal.description
        case .negate(.number(let literal)): return "-" + literal.description
        // "≈ -1.15 radians": the sign applies to the marked number.
        case .negate(.radians(.number(let literal))), .negate(.degrees(.number(let literal))):
            return "-" + literal.description
        default: return nil
        }
    }

    private func isNegatedNumber(_ e: Expression) -> Bool {
        if case .negate(.number) = e { return true }
        return false
    }

    /// Whether the expression computes something (not just a number with a unit mark).
    static func hasOperation(_ e: Expression) -> Bool {
        switch e {
        case .number, .pi, .e: return false
        case .degrees(let a), .radians(let a): return hasOperation(a)
        default: return true
        }
    }

    static func hasTrigonometry(_ e: Expression) -> Bool {
        switch e {
        case .function(let f, let a): return f.isTrigonometric || hasTrigonometry(a)
        case .number, .pi, .e: return false
        case .negate(let a), .degrees(let a), .radians(let a): return hasTrigonometry(a)
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b),
            .power(let a, let b):
            return hasTrigonometry(a) || hasTrigonometry(b)
        }
    }

    /// Whether the sentence around token i, or a line ending in ":" just before it, speaks of a prime factorization.
    private func mentionsPrimeFactorization(near i: Int) -> Bool {
        var j = i
        var lines = 0
        while j > 0 && lines < 2 {
            j -= 1
            let k = stream.kind(j)
            if k == .newline {
                // Look past one line break only when the previous line ends with a colon.
                var p = j - 1
                while p >= 0 && stream.kind(p) == .newline { p -= 1 }
                if stream.kind(p) != .colon { break }
                lines += 1
            }
            if k == .period || k == .question { break }
            if stream.isWord(j, "prime"),
                stream.isWord(j + 1, in: Self.factorizationNouns)
            {
                return true
            }
        }
        return false
    }

    // MARK: - Sentences

    /// The most tokens a sentence reaches on either side of a claim: longer runs without punctuation are cut
    /// there, which keeps the scan linear on hostile input.
    static let sentenceReach = 256

    /// Token indices [start, end) of the sentence holding token i: from the token after the last boundary before
    /// i (or the start) to the first boundary at or after i (or the end), each at most ``sentenceReach`` tokens
    /// from i. The boundaries are found by binary search in the list made when the scanner was created (the
    /// scanner asks for the sentence of nearly every claim).
    func sentence(_ i: Int) -> (Int, Int) {
        guard i >= 0 && i < stream.count else { return walkedSentence(i) }
        return sentence(i, firstBoundaryAtOrAfter: firstBoundary(atOrAfter: i))
    }

    /// ``sentence(_:)``, found by stepping from the sentence last asked about when token i is in it or a few
    /// sentences after it (each pass asks about tokens in increasing order, often twice about one sentence), else by
    /// binary search.
    mutating func nearSentence(_ i: Int) -> (Int, Int) {
        guard i >= 0 && i < stream.count else { return walkedSentence(i) }
        var low = sentenceCursor
        if low < boundaries.count && boundaries[low] < i {
            // Every boundary up to `low` is before i: the first at or after it is further on.
            let stop = min(low + 8, boundaries.count)
            while low < stop && boundaries[low] < i { low += 1 }
            if low < boundaries.count && boundaries[low] < i { low = firstBoundary(atOrAfter: i, from: low) }
        } else if low > 0 && boundaries[low - 1] >= i {
            // Boundary `low` is at or after i, and so is the one before it: the first is further back.
            low = firstBoundary(atOrAfter: i, from: 0)
        }
        sentenceCursor = low
        return sentence(i, firstBoundaryAtOrAfter: low)
    }

    /// The index into `boundaries` of the first boundary at or after token i (`boundaries.count` if none), by
    /// binary search over the boundaries from index `start` on (every one before `start` must be before i).
    private func firstBoundary(atOrAfter i: Int, from start: Int = 0) -> Int {
        var low = start
        var high = boundaries.count
        while low < high {
            let middle = (low + high) / 2
            if boundaries[middle] < i { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The sentence of token i (in the stream) when boundary `low` is the first at or after it.
    private func sentence(_ i: Int, firstBoundaryAtOrAfter low: Int) -> (Int, Int) {
        let previous = low > 0 ? boundaries[low - 1] : -1
        let next = low < boundaries.count ? boundaries[low] : stream.count
        return (max(previous + 1, i - Self.sentenceReach, 0), min(next, i + Self.sentenceReach))
    }

    /// ``sentence(_:)`` found by walking the tokens (for an index outside the stream).
    func walkedSentence(_ i: Int) -> (Int, Int) {
        var s = i
        while s > 0, s > i - Self.sentenceReach, !isBoundary(s - 1) { s -= 1 }
        var e = i
        while e < stream.count, e < i + Self.sentenceReach, !isBoundary(e) { e += 1 }
        return (s, e)
    }

    @inline(__always)
    private func isBoundary(_ i: Int) -> Bool {
        guard let k = stream.kind(i) else { return false }
        return Self.boundaryKinds & (1 << UInt64(k.rawValue)) != 0
    }

    /// The kinds that end a sentence, as a bit set over `Token.Kind.rawValue`.
    static var boundaryKinds: UInt64 {
        @inline(__always) get {
            func bit(_ k: Token.Kind) -> UInt64 { 1 << UInt64(k.rawValue) }
            return bit(.period) | bit(.question) | bit(.exclamation) | bit(.newline) | bit(.semicolon)
        }
    }

    mutating func isQuestion(at i: Int) -> Bool {
        let (_, e) = nearSentence(i)
        return stream.kind(e) == .question
    }

    /// Whether the sentence before token i makes what follows hypothetical, a plan, or a question.
    mutating func isHypothetical(_ i: Int) -> Bool {
        let (s, e) = nearSentence(i)
        if stream.kind(e) == .question { return true }
        let conditionalWords = Self.conditionalWords
        guard conditionalWords.isInVocabulary else {
            for j in s..<i where stream.isWord(j, in: conditionalWords) { return true }
            return false
        }
        // Every conditional word is in the vocabulary (a test checks it), so a word is one exactly when its number
        // is in the set: read through a pointer, without the text.
        let classes = Self.clauseWordClasses
        return stream.tokens.withUnsafeBufferPointer { tokens in
            var denied = -8
            for j in s..<i where j >= 0 && j < tokens.count && tokens[j].kind == .word {
                let c = classes[Int(tokens[j].word)]
                if c == 0 { continue }
                if c & ClauseWord.conditional != 0 { return true }
                // "the values of n such that 20 ≡ 0 (mod 323)": a condition ("such a tool" is none).
                if c & ClauseWord.such != 0 && j + 1 < tokens.count && tokens[j + 1].word == Self.thatNumber {
                    return true
                }
                // "we cannot conclude that it is prime", "this is not enough to prove that it is prime".
                if c & ClauseWord.denial != 0 { denied = j }
                if c & ClauseWord.conclusion != 0 && j - denied <= 4 { return true }
            }
            return false
        }
    }

    /// The classes of words that make a sentence no claim, as bits of ``clauseWordClasses``.
    enum ClauseWord {
        /// A word of ``conditionalWords`` or ``clauseHedges``.
        static let conditional: UInt8 = 1 << 0
        static let denial: UInt8 = 1 << 1
        static let conclusion: UInt8 = 1 << 2
        /// "such", a condition before "that".
        static let such: UInt8 = 1 << 3
    }

    /// The vocabulary number of "that".
    static let thatNumber = vocabularyNumber("that")

    /// For each vocabulary number, its ``ClauseWord`` classes (``wordClasses(_:_:)``).
    static let clauseWordClasses = wordClasses(
        [
            (conditionalWords, ClauseWord.conditional), (clauseHedges, ClauseWord.conditional),
            (denials, ClauseWord.denial), (conclusionVerbs, ClauseWord.conclusion), (WordSet(["such"]), ClauseWord.such),
        ], "the words that make a sentence no claim")

    /// Words that make the rest of their sentence a guess: "this does not necessarily mean that it is prime", "it is
    /// highly likely that 8921 is prime".
    static let clauseHedges = WordSet(["necessarily", "likely", "unlikely", "probably", "possibly", "perhaps", "maybe"])
    /// A denial, and the verbs of a conclusion it takes back when it comes at most four words before one.
    static let denials = WordSet(["not", "cannot", "can't", "never"])
    static let conclusionVerbs = WordSet([
        "conclude", "prove", "proves", "determine", "confirm", "guarantee", "guarantees", "say", "sure", "certain",
    ])

    static let unitWords = WordSet(["degrees", "degree", "deg", "radians", "radian", "rad"])

    static let conditionalWords = WordSet([
        "if", "suppose", "supposing", "assume", "assuming", "whether", "unless", "were", "would", "could", "should",
        "might", "may", "let", "let's", "hypothetically", "otherwise", "asked", "ask", "asking", "question",
    ])

    static let hedgeWords = WordSet([
        "probably", "likely", "possibly", "perhaps", "maybe", "might", "may", "could", "seems", "appears", "seem",
        "appear", "believe", "think", "guess", "suspect", "unlikely", "potentially", "necessarily",
    ])
}
