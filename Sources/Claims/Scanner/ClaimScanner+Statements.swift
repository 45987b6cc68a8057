import Verifiers

/// Statements in words about a number or a list of numbers: "91 is prime", "2, 3 and 5 are prime",
/// "12 and 18 are divisible by 3", "2^31 - 1 is prime"; their subjects, predicates and what takes them back.
extension ClaimScanner {
    // MARK: - Statements in words

    mutating func scanPhrases() {
        let verbs = Self.verbs
        let dividesStarts = Self.dividesStarts
        precondition(verbs.isInVocabulary && dividesStarts.isInVocabulary, "verbs are vocabulary words")
        var i = 0
        while i < stream.count {
            // Every statement in words starts with a number or with one of a few words (``WordTraits/phraseStart``:
            // a pronoun before a verb, "prime", "factorization", a function word): skip the rest at once.
            if skipsTokens { i = nextPhraseStart(from: i, verbs: verbs, dividesStarts: dividesStarts) }
            guard i < stream.count else { break }
            let t = stream[i]
            if t.kind == .number {
                // "N is …" (a subject before a verb) or "d divides N" (``dividesPhrase(at:)``; the other phrases
                // start with words).
                if stream.isWord(i + 1, in: verbs), let (n, next) = subject(at: i),
                    let end = predicate(subject: n, from: i, at: next)
                {
                    i = end
                    continue
                }
                // "2^31 - 1 is prime", "7 × 13 is composite": the subject is the expression the number ends.
                if stream.isWord(i + 1, in: verbs), let (n, start) = expressionSubject(endingAt: i),
                    let end = predicate(subject: n, from: start, at: i + 1)
                {
                    i = end
                    continue
                }
                if stream.isWord(i + 1, in: dividesStarts), let end = dividesPhrase(at: i) {
                    i = end
                    continue
                }
                if stream.isWord(i + 1, in: Self.are), let end = listPhrase(endingAt: i) {
                    i = end
                    continue
                }
                i += 1
                continue
            }
            guard t.kind == .word, t.traits.contains(.phraseStart) else {
                i += 1
                continue
            }
            // A pronoun followed by a verb ("it's" holds its verb, "it" is followed by it, "this number" and
            // "the number" two words on).
            let length = t.end - t.start
            let verbAt = t.key == Self.itsKey && length == 4 ? i : t.key == Self.itKey && length == 2 ? i + 1 : i + 2
            if stream.isWord(verbAt, in: verbs), let (n, next) = subject(at: i),
                let end = predicate(subject: n, from: i, at: next)
            {
                i = end
                continue
            }
            if let end = valuePhrase(at: i) ?? primeFactorsPhrase(at: i) ?? factorizationPhrase(at: i) {
                i = end
                continue
            }
            i += 1
        }
    }

    /// The first token at or after i that may start a statement in words, through a pointer: a word marked
    /// ``WordTraits/phraseStart``, or a number before a verb or a word of "divides" (both sets are vocabulary words,
    /// so a word is in them exactly when its number is).
    func nextPhraseStart(from i: Int, verbs: WordSet, dividesStarts: WordSet) -> Int {
        stream.tokens.withUnsafeBufferPointer { tokens in
            var k = i
            while k < tokens.count {
                let kind = tokens[k].kind
                if kind == .word && tokens[k].traits.contains(.phraseStart) { break }
                if kind == .number, k + 1 < tokens.count, tokens[k + 1].kind == .word {
                    let next = tokens[k + 1].word
                    if verbs.contains(number: next) || dividesStarts.contains(number: next) { break }
                }
                k += 1
            }
            return k
        }
    }

    /// ``Token/key`` of "it's" and "it".
    static var itsKey: UInt64 { 0x73_27_74_69 }
    static var itKey: UInt64 { 0x74_69 }

    /// The kinds before a number that make it the tail of an expression, as a bit set over `Token.Kind.rawValue`.
    static var operatorKinds: UInt64 {
        @inline(__always) get {
            func bit(_ k: Token.Kind) -> UInt64 { 1 << UInt64(k.rawValue) }
            return bit(.times) | bit(.divide) | bit(.plus) | bit(.minus) | bit(.power) | bit(.equals) | bit(.approx)
        }
    }

    /// A number, or a pronoun for the question's number ("it", "this number", "the number"), starting at i.
    mutating func subject(at i: Int) -> (BigInteger, Int)? {
        if stream.kind(i) == .number {
            // Not part of a name or an ordinal ("F5", "5th").
            if (stream.kind(i + 1) == .word && stream.adjacent(i)) || (stream.kind(i - 1) == .word && stream.adjacent(i - 1)) {
                return nil
            }
            // Not the tail of an expression ("7 × 13 is …" is about 91, not 13).
            if let k = stream.kind(i - 1), Self.operatorKinds & (1 << UInt64(k.rawValue)) != 0 { return nil }
            // Not the object of a comparison or a noun ("a prime greater than 2 is odd", "2 more than a multiple of 5
            // is never a multiple of 5"), nor the end of a pattern of digits ("22...22 is").
            if stream.isWord(i - 1, in: Self.objectBefore) || (stream.kind(i - 1) == .ellipsis && stream.adjacent(i - 1)) {
                return nil
            }
            // Nor the last of a list of objects ("a number divisible by 4 and 6 is …"; after a comma alone it starts a
            // clause: "Since 870 is divisible by 13, 8741 is not prime").
            if stream.isWord(i - 1, "and"), stream.kind(i - 2) == .number, let head = listHead(before: i),
                stream.isWord(head - 1, in: Self.objectBefore)
            {
                return nil
            }
            if stream.kind(i + 1) == .power || stream.kind(i + 1) == .times { return nil }
            // The checks first: reading the number may allocate. A decimal is no subject (nor is it a pronoun).
            guard let n = stream.integer(i) else { return nil }
            return (n, i + 1)
        }
        // A pronoun means the question's number only when the question is about that number ("Is 17077 prime?").
        guard let n = question.subject,
            question.asksPrimality || question.divisor != nil || question.asksFactorization || question.asksParity
        else { return nil }
        // The pronoun first: it is cheap to test, and most words are not one.
        let next: Int
        if stream.isWord(i, "it") {
            next = i + 1
        } else if stream.isWord(i, "it's") {
            next = i  // the copula is inside the word
        } else if stream.isWord(i, in: Self.thisOrThe), stream.isWord(i + 1, "number"), stream.kind(i + 2) != .number {
            next = i + 2
        } else {
            return nil
        }
        return otherSubjectBefore(i, than: n) ? nil : (n, next)
    }

    /// The index of the last place from token i on that withdraws an earlier answer: "I must correct my previous
    /// answer", "I apologize for my previous answer", "I made a mistake. The correct answer is [Yes]", "I was
    /// wrong". Nil when there is none. ("We made a mistake in step 7", which goes on to support the answer, is not
    /// one.)
    static func lastRetraction(_ s: TokenStream, from i: Int) -> Int? {
        func isEarlier(_ k: Int) -> Bool { s.isWord(k, "previous") || s.isWord(k, "initial") || s.isWord(k, "earlier") }
        var last: Int? = nil
        var k = max(i, 0)
        while k < s.count {
            defer { k += 1 }
            guard s.kind(k) == .word else { continue }
            // Only words of 1, 4, 7 or 9 letters starting with i, m, c or a can open a withdrawal: most words are
            // passed over on their length and first letter.
            let t = s[k]
            let length = t.end - t.start
            let first = s.bytes[t.start] | 0x20
            switch (length, first) {
            case (1, 0x69), (4, 0x6D), (7, 0x63), (9, 0x61): break
            default: continue
            }
            if s.isWord(k, "apologize") || s.isWord(k, "apologise") || s.isWord(k, "apologies") {
                if (k + 1...k + 4).contains(where: isEarlier) { last = k }
            } else if s.isWord(k, "correct"), s.isWord(k + 1, "my") || s.isWord(k + 1, "the"), isEarlier(k + 2) {
                last = k
            } else if s.isWord(k, "made"), s.isWord(k + 1, "a") || s.isWord(k + 1, "an"),
                s.isWord(k + 2, "mistake") || s.isWord(k + 2, "error"),
                (k + 3..<min(k + 16, s.count)).contains(where: { s.isWord($0, "correct") && s.isWord($0 + 1, "answer") })
            {
                last = k
            } else if s.isWord(k, "i"), s.isWord(k + 1, "was"), s.isWord(k + 2, "wrong") {
                last = k
            }
        }
        return last
    }

    /// Whether the words right after a yes or no answer ending before token i take it back: "[No] is incorrect",
    /// "[No], this is incorrect", "[No]. This is likely a mistake". (Not "[No] (Step 8 is incorrect …)", which keeps
    /// the answer and takes back a step.)
    func isTakenBack(after i: Int) -> Bool {
        var k = i
        if let kind = stream.kind(k), kind == .comma || kind == .period { k += 1 }
        if stream.isWord(k, in: Self.backReferences) { k += 1 }
        guard stream.isWord(k, "is") || stream.isWord(k, "was") else { return false }
        k += 1
        var skipped = 0
        while skipped < 3, stream.isWord(k, in: Self.softeners) {
            k += 1
            skipped += 1
        }
        return stream.isWord(k, in: Self.rejectionWords)
    }

    /// Words between "is" and a word that takes an answer back: "is likely a mistake", "is actually incorrect".
    static let softeners = WordSet(["likely", "probably", "actually", "a", "an", "clearly", "obviously"])

    /// Whether the number at token i is a whole operand: not the start of an expression ("10^{3922} + 1", "10 minus
    /// 5", "2s − 2") nor the end of one ("n+2"), and not part of a name or an ordinal ("5th").
    func isWholeOperand(_ i: Int) -> Bool {
        guard stream.kind(i) == .number, !continuesBefore(number: i) else { return false }
        if let after = stream.kind(i + 1) {
            if after.bit & Self.operatorsAfterListNumber != 0 || after == .exclamation { return false }
            if after == .word && stream.adjacent(i) { return false }
            if stream.isWord(i + 1, in: Self.operationWords) { return false }
        }
        return true
    }

    /// Whether the number at token i ends an expression or a name written before it ("n+2", "x2").
    func continuesBefore(number i: Int) -> Bool {
        guard let before = stream.kind(i - 1) else { return false }
        if before.bit & Self.operatorsAfterListNumber != 0 { return true }
        return (before == .word || before == .closeParen) && stream.adjacent(i - 1)
    }

    /// Words that make the number after them the object of a phrase, not the subject of what follows.
    /// ("every third power of 10 after 10^3 is a multiple of 18" is not about 10^3, "a number divisible by 4 and 6 is
    /// divisible by 12" not about 6, "neither 4 nor 6 is prime" not that 6 is.)
    static let objectBefore = WordSet([
        "than", "of", "after", "before", "beyond", "past", "until", "below", "above", "under", "over", "except",
        "exceeding", "by", "nor", "or",
    ])

    /// Words that make a number after them an operand of an operation ("10 minus 5", "3 mod 7").
    static let operationWords = WordSet(["minus", "plus", "times", "divided", "mod", "modulo", "squared", "cubed"])

    /// Whether the sentence before a pronoun at i has another number as a subject ("Since 20 is divisible by 3,
    /// it …"), in which case "it" may not mean the question's number and the pronoun is left unresolved.
    ///
    /// A sentence that opens with "Yes" or "No" answers the one before it ("Check if 335 is divisible by 2. No, it
    /// is not divisible by 2."), so that one is read too.
    mutating func otherSubjectBefore(_ i: Int, than n: BigInteger) -> Bool {
        let (s, _) = nearSentence(i)
        func hasOtherSubject(_ from: Int, _ to: Int) -> Bool {
            for j in max(from, 0)..<to where stream.kind(j) == .number {
                if stream.isWord(j + 1, in: Self.subjectVerbs), stream.integer(j) != n { return true }
            }
            return false
        }
        if hasOtherSubject(s, i) { return true }
        guard s > 0, stream.isWord(s, Self.yesNumber) || stream.isWord(s, Self.noNumber) else { return false }
        let (previous, _) = sentence(s - 1)
        return hasOtherSubject(previous, s)
    }

    /// "is (not) (a) prime (number)", "is divisible by 3, 5 and 7", "is a multiple of 7", "is even",
    /// "is a (prime) factor of N": adds the claims and returns the index after the phrase.
    mutating func predicate(subject n: BigInteger, from start: Int, at i: Int, plural: Bool = false) -> Int? {
        var j = i
        var negated = false
        var canBe = false
        if plural {
            // "3, 5 and 7 are prime", "4 and 6 aren't prime".
            guard stream.isWord(j, in: Self.are) else { return nil }
            negated = !stream.isWord(j, "are")
            j += 1
        } else if stream.isWord(j, "it's") {
            j += 1
        } else if stream.isWord(j, in: Self.isNot) {
            negated = true
            j += 1
        } else if stream.isWord(j, "is") {
            j += 1
        } else if stream.isWord(j, "can"), stream.isWord(j + 1, "be"), stream.isWord(j + 2, "divided") {
            j += 2
            canBe = true
        } else if stream.isWord(j, in: Self.cannot), stream.isWord(j + 1, "be"), stream.isWord(j + 2, "divided") {
            negated = true
            j += 2
            canBe = true
        } else {
            return nil
        }
        var article = false
        var the = false
        // What each word between the verb and the predicate is, looked up once by its vocabulary number (every
        // word of these sets is in the vocabulary, so a word outside it is none of them).
        let classes = Self.predicateWordClasses
        while j < stream.count {
            let t = stream[j]
            let c = t.kind == .word ? classes[Int(t.word)] : 0
            if c & PredicateWord.negation != 0 {
                negated.toggle()
                j += 1
            } else if c & PredicateWord.hedge != 0 {
                return nil
            } else if c & PredicateWord.article != 0 {
                article = true
                j += 1
            } else if c & PredicateWord.the != 0 {
                the = true
                j += 1
            } else if c & PredicateWord.adverb != 0 || (the && c & PredicateWord.superlative != 0) {
                // "4 and 9 are not both prime" says nothing of each.
                if plural && negated && stream.isWord(j, "both") { return nil }
                j += 1
            } else if plural, stream.isWord(j, "all") {
                if negated { return nil }
                j += 1
            } else if t.kind == .comma, stream.isWord(j + 1, in: Self.adverbs), stream.kind(j + 2) == .comma {
                j += 3
            } else {
                break
            }
        }
        if isHypothetical(start) { return nil }
        let key = j
        // prime / composite
        if stream.isWord(key, in: Self.primeOrComposite) || (plural && stream.isWord(key, "primes")) {
            let prime = !stream.isWord(key, "composite") != negated
            var end = key + 1
            if stream.isWord(end, in: Self.numberNouns) { end += 1 }
            if stream.isWord(end, in: Self.conditionsAfter) && !stream.isWord(end, "because") {
                return nil
            }
            if stream.isWord(end, in: Self.factorOrDivisor), stream.isWord(end + 1, "of"), isWholeOperand(end + 2),
                let m = stream.integer(end + 2)
            {
                // "7 is a prime factor of 91": 7 is prime and divides 91.
                add(.primality, .primality(n, isPrime: !negated), start, end + 3)
                add(.divisibility, .divisibility(m, divisor: n, divides: !negated), start, end + 3)
                return end + 3
            }
            if stream.isWord(end, in: Self.notPrimalityNouns) { return nil }
            if the && stream.isWord(key, "composite") { return nil }
            // "it is a prime number. However, this is not the case for 5459".
            if isRejected(after: end) { return nil }
            add(.primality, .primality(n, isPrime: prime), start, end)
            return end
        }
        // divisible by a, b and c
        // "divisible" by its vocabulary number: a word of more than eight bytes is otherwise compared byte by byte.
        // "N can be divided by d" states divisibility; "(when) N is divided by d" only names a division.
        if stream.isWord(key, Self.divisibleNumber) || (canBe && stream.isWord(key, "divided")) {
            var k = key + 1
            if stream.isWord(k, in: Self.evenlyOrExactly) { k += 1 }
            guard stream.isWord(k, "by") else { return nil }
            // The list is walked twice, to count it and then to add its claims, instead of being gathered in an array.
            let (count, end) = Self.numberListExtent(stream, from: k + 1)
            guard count > 0 else { return nil }
            var index = 0
            Self.walkNumberList(stream, from: k + 1) { j in
                // Each divisor is its own claim, from the subject to that divisor (just the divisor in lists over 64,
                // so that the texts stay linear in the answer's length).
                let from = count <= 64 || index == 0 ? start : j
                if let d = stream.integer(j) { add(.divisibility, .divisibility(n, divisor: d, divides: !negated), from, j + 1) }
                index += 1
            }
            return end
        }
        // a multiple of d
        if stream.isWord(key, "multiple"), stream.isWord(key + 1, "of"), isWholeOperand(key + 2),
            let d = stream.integer(key + 2)
        {
            add(.divisibility, .divisibility(n, divisor: d, divides: !negated), start, key + 3)
            return key + 3
        }
        // a divisor / factor of N
        if stream.isWord(key, in: Self.divisorOrFactor), article, stream.isWord(key + 1, "of"), isWholeOperand(key + 2),
            let m = stream.integer(key + 2)
        {
            add(.divisibility, .divisibility(m, divisor: n, divides: !negated), start, key + 3)
            return key + 3
        }
        // even / odd
        if stream.isWord(key, in: Self.evenOrOdd), !stream.isWord(key + 1, in: Self.notParityAfter) {
            var end = key + 1
            if stream.isWord(end, in: Self.numberOrInteger) { end += 1 }
            let even = stream.isWord(key, "even") != negated
            add(.divisibility, .divisibility(n, divisor: 2, divides: even), start, end)
            return end
        }
        return nil
    }

    /// The integer value and first token of the expression that the number at token i ends ("2^31 - 1" before "is
    /// prime"): the math tokens before it back to a relation or a word, read whole as an integer expression without
    /// functions or letters, of at most ``Rational/maxBits`` bits. Nil when the number ends no operation.
    func expressionSubject(endingAt i: Int) -> (BigInteger, Int)? {
        guard let k = stream.kind(i - 1), Self.operatorKinds & k.bit != 0, k != .equals, k != .approx else { return nil }
        var start = i
        while start > 0, Self.isMathToken(stream, start - 1) {
            let kind = stream.kind(start - 1)
            if kind == .equals || kind == .approx || kind == .notEqual { break }
            start -= 1
        }
        guard start < i, !continuesBefore(start), !gluedToName(start), !stream.isWord(start - 1, in: Self.objectBefore),
            let (e, shape) = ExpressionReader.read(stream, start, i + 1), shape.integerOnly, !shape.hasFunction,
            !Self.hasNegatedPower(e), let value = Rational(e), value.den == 1
        else { return nil }
        return (value.num, start)
    }

    /// "2, 3 and 5 are prime", "17 and 19 are both prime numbers", "12 and 18 are divisible by 3": the statement
    /// whose subject is a list of numbers ending at token i (before "are"), one claim for each number, from that
    /// number to the end of the statement. Nil, and no claim, unless every number is a subject (``subject(at:)``)
    /// and the list is not the object of a word before it ("between 2 and 5", "of 12 and 18").
    mutating func listPhrase(endingAt i: Int) -> Int? {
        guard let first = listHead(before: i), !stream.isWord(first - 1, in: Self.listObjectBefore) else { return nil }
        // Every number a subject first, then a claim for each.
        var k = first
        while k <= i {
            guard subject(at: k) != nil else { return nil }
            k += 1
            while k <= i && stream.kind(k) != .number { k += 1 }
        }
        k = first
        var end: Int? = nil
        while k <= i {
            guard let (n, _) = subject(at: k), let e = predicate(subject: n, from: k, at: i + 1, plural: true) else {
                return end
            }
            end = e
            k += 1
            while k <= i && stream.kind(k) != .number { k += 1 }
        }
        return end
    }

    /// The first number of the list of numbers that ends at number token i ("4 and 6", "4, 6 and 9", "2, 3, 5, 7"),
    /// or nil when no number is listed before i. Two numbers joined by ", and" are two clauses ("… divisible by 7,
    /// and 3881 is …"), not a list.
    func listHead(before i: Int) -> Int? {
        if stream.isWord(i - 1, "and"), stream.kind(i - 2) == .comma,
            !(stream.kind(i - 3) == .number && stream.kind(i - 4) == .comma && stream.kind(i - 5) == .number)
        {
            return nil
        }
        var first = i
        while true {
            var p = first - 1
            var linked = false
            if stream.isWord(p, "and") {
                p -= 1
                linked = true
            }
            if stream.kind(p) == .comma {
                p -= 1
                linked = true
            }
            guard linked, stream.kind(p) == .number, i - p < 256 else { break }
            first = p
        }
        return first < i ? first : nil
    }

    /// "are", "aren't".
    static let are = WordSet(["are", "aren't"])

    /// Words that make a list of numbers after them an object, not the subject of what follows.
    static let listObjectBefore = WordSet(["of", "than", "between", "from", "and", "or", "nor", "by", "to"])

    /// "3, 5, 7, 11, or 13", "5 and 116767", "2 and 4 …, as well as by 7, 11": the numbers, and the end. Empty for
    /// a universal or vague list ("any other number", "… and itself", "only").
    func numberList(from i: Int) -> ([BigInteger], Int) {
        let (count, end) = Self.numberListExtent(stream, from: i)
        var list: [BigInteger] = []
        guard count > 0 else { return (list, end) }
        list.reserveCapacity(count)
        Self.walkNumberList(stream, from: i) { j in
            if let d = stream.integer(j) { list.append(d) }
        }
        return (list, end)
    }

    /// How many numbers the list at token i has (0 for none, or for a universal or vague list), and the index
    /// after it: ``walkNumberList(_:from:_:)`` without a visit.
    static func numberListExtent(_ stream: TokenStream, from i: Int) -> (count: Int, end: Int) {
        var count = 0
        let (end, vague) = walkNumberList(stream, from: i) { _ in count += 1 }
        return (vague ? 0 : count, end)
    }

    /// Walks the list of numbers at token i ("3, 5, 7, 11, or 13", "5 and 116767", "2 and 4 …, as well as by 7,
    /// 11"), calling `visit` with the index of each, in order; returns the index after the list and whether the list
    /// is universal or vague ("any", "all", "… and itself", "or more", "only"), when it states nothing checkable.
    ///
    /// Each number is an integer (``TokenStream/integer(_:)`` is not nil for it) that does not start an expression.
    @discardableResult
    static func walkNumberList(_ stream: TokenStream, from i: Int, _ visit: (Int) -> Void) -> (end: Int, vague: Bool) {
        var j = i
        while j < stream.count {
            if stream.isWord(j, in: Self.vagueQuantifiers) {
                return (j, true)  // a universal or vague claim: not checked
            }
            guard stream.isInteger(j),
                !(stream.kind(j + 1).map { $0.bit & Self.operatorsAfterListNumber != 0 } ?? false)
            else { break }
            visit(j)
            j += 1
            var k = j
            if stream.kind(k) == .comma { k += 1 }
            if stream.isWord(k, in: Self.conjunctions) { k += 1 }
            if stream.isWord(k, "by") { k += 1 }
            // The next number continues the list only if it ends there too ("3, 5 and 7", not "…by 3, 3 is a").
            guard stream.kind(k) == .number else { break }
            let after = stream.kind(k + 1)
            let continues =
                after.map { $0.bit & Self.listNumberEnds != 0 } ?? true
                || stream.isWord(k + 1, in: Self.listContinuations)
            guard continues else { break }
            j = k
        }
        if stream.isWord(j, in: Self.andOr), stream.isWord(j + 1, in: Self.vagueListEnds) { return (j, true) }
        if stream.isWord(j, "only") { return (j, true) }
        return (j, false)
    }
}
