import Verifiers

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

    /// "d divides N", "d does not divide N", "d doesn't divide N".
    mutating func dividesPhrase(at i: Int) -> Int? {
        // The words first: parsing a number costs an allocation, and most numbers are not followed by "divides".
        guard stream.kind(i) == .number, stream.isWord(i + 1, in: Self.dividesStarts), !continuesBefore(number: i),
            !stream.isWord(i - 1, in: Self.objectBefore), let d = stream.integer(i)
        else {
            return nil
        }
        var j = i + 1
        var negated = false
        if stream.isWord(j, in: Self.doesOrDo), stream.isWord(j + 1, "not") {
            negated = true
            j += 2
        } else if stream.isWord(j, in: Self.doesNot) {
            negated = true
            j += 1
        }
        if stream.isWord(j, in: Self.evenlyOrExactly) { j += 1 }
        guard stream.isWord(j, negated ? "divide" : "divides"), isWholeOperand(j + 1), let n = stream.integer(j + 1)
        else { return nil }
        if isHypothetical(i) { return nil }
        add(.divisibility, .divisibility(n, divisor: d, divides: !negated), i, j + 2)
        return j + 2
    }

    /// "The prime factorization of N is 5 × 7² × 2383" (or ":" or "=").
    mutating func factorizationPhrase(at i: Int) -> Int? {
        guard stream.isWord(i, in: Self.factorizationWords) else { return nil }
        var n: BigInteger
        var k: Int
        if stream.isWord(i + 1, "of"), let m = stream.integer(i + 2) {
            n = m
            k = i + 3
        } else if stream.isWord(i - 1, "its") || stream.isWord(i - 2, "its"), let m = question.subject {
            n = m  // "Its prime factorization is …"
            k = i + 1
        } else {
            return nil
        }
        guard stream.isWord(k, "is") || stream.kind(k) == .colon else { return nil }
        guard
            let (product, shape, end) = ExpressionReader.longest(
                stream, from: k + 1, accept: { !$1.hasDivision && $1.factors(of: $0) != nil }),
            let factors = shape.factors(of: product), !isHypothetical(i)
        else { return nil }
        let primes = stream.isWord(i - 1, "prime")
        add(.factorization, .factorization(n, factors: factors, primes: primes), i - (primes ? 1 : 0), end)
        return end
    }

    /// "The prime factors of N are p, q and r".
    mutating func primeFactorsPhrase(at i: Int) -> Int? {
        guard stream.isWord(i, "prime"), stream.isWord(i + 1, "factors"), stream.isWord(i + 2, "of"),
            let n = stream.integer(i + 3), stream.isWord(i + 4, "are")
        else { return nil }
        let (list, end) = numberList(from: i + 5)
        guard !list.isEmpty, !isHypothetical(i) else { return nil }
        add(.factorization, .primeFactors(n, list), i, end)
        return end
    }

    // MARK: - Function values in words

    /// The function a word names ("sine", "cos", "arctangent", "square root"), if any.
    static func functionWord(_ s: TokenStream, _ i: Int) -> Expression.Function? {
        guard i >= 0, i < s.count, let f = s[i].proseFunction else { return nil }
        if f == .sqrt { return s.isWord(i + 1, "root") ? .sqrt : nil }
        if f == .ln { return s.isWord(i + 1, "logarithm") || s.isWord(i + 1, "log") ? .ln : nil }
        return f
    }

    /// Words that name functions; "square" and "natural" need the word after them ("root", "logarithm").
    static let functionWords: [(StaticString, Expression.Function)] = [
        ("sin", .sin), ("sine", .sin), ("cos", .cos), ("cosine", .cos), ("tan", .tan), ("tangent", .tan),
        ("cot", .cot), ("cotangent", .cot), ("sec", .sec), ("secant", .sec), ("csc", .csc), ("cosecant", .csc),
        ("arcsin", .asin), ("arcsine", .asin), ("asin", .asin), ("arccos", .acos), ("arccosine", .acos),
        ("acos", .acos), ("arctan", .atan), ("arctangent", .atan), ("atan", .atan), ("square", .sqrt),
        ("natural", .ln),
    ]

    /// "the sine of -0.413 radians", "cos of 30 degrees", "the square root of 5492", "23500 divided by 5":
    /// the expression, advancing `j` past it.
    static func phraseExpression(_ s: TokenStream, _ j: inout Int, unit: AngleUnit?) -> (Expression, Bool)? {
        var k = j
        if s.isWord(k, "the") { k += 1 }
        if let f = functionWord(s, k) {
            k += f == .sqrt || f == .ln ? 2 : 1
            guard s.isWord(k, "of") else { return nil }
            k += 1
            // The argument: a number (with sign), π-multiples, then an optional unit.
            guard let (argument, _, end) = ExpressionReader.longest(s, from: k) else { return nil }
            j = end
            return (.function(f, argument), true)
        }
        // "e raised to the power 2.6", "e to the power of 2".
        if s.isWord(k, "e") {
            var m = k + 1
            if s.isWord(m, "raised") { m += 1 }
            guard s.isWord(m, "to"), s.isWord(m + 1, "the"), s.isWord(m + 2, "power") else { return nil }
            m += 3
            if s.isWord(m, "of") { m += 1 }
            guard let (argument, _, end) = ExpressionReader.longest(s, from: m) else { return nil }
            j = end
            return (.function(.exp, argument), true)
        }
        // "X divided by Y", "X times Y", "X plus Y", "X minus Y", "X to the power of Y", "X squared".
        guard let x = s.integer(k) ?? nil else { return nil }
        let a = Expression.number(DecimalLiteral(digits: x.description, fractionDigits: 0, exponent: 0))
        func operand(_ i: Int) -> Expression? {
            s.integer(i).map { .number(DecimalLiteral(digits: $0.description, fractionDigits: 0, exponent: 0)) }
        }
        if s.isWord(k + 1, "divided"), s.isWord(k + 2, "by"), let b = operand(k + 3) {
            j = k + 4
            return (.divide(a, b), false)
        }
        if s.isWord(k + 1, in: Self.arithmeticWords), let b = operand(k + 2) {
            j = k + 3
            if s.isWord(k + 1, "times") { return (.multiply(a, b), false) }
            return (s.isWord(k + 1, "plus") ? .add(a, b) : .subtract(a, b), false)
        }
        if s.isWord(k + 1, "multiplied"), s.isWord(k + 2, "by"), let b = operand(k + 3) {
            j = k + 4
            return (.multiply(a, b), false)
        }
        if s.isWord(k + 1, "squared") {
            j = k + 2
            return (.power(a, .number(DecimalLiteral(digits: "2", fractionDigits: 0, exponent: 0))), false)
        }
        return nil
    }

    /// "the cosine of 3532 radians is approximately -0.99", "the square root of 5492 (which is approximately 74.1)".
    mutating func valuePhrase(at i: Int) -> Int? {
        guard Self.functionWord(stream, i) != nil || (stream.isWord(i, "the") && Self.functionWord(stream, i + 1) != nil)
        else { return nil }
        guard Self.mayStateValue(stream, functionPhraseAt: i) else { return nil }
        var j = i
        guard let (expression, _) = Self.phraseExpression(stream, &j, unit: question.unit) else { return nil }
        var k = j
        if stream.kind(k) == .openParen { k += 1 }
        if stream.isWord(k, "which") { k += 1 }
        guard stream.isWord(k, "is") || stream.kind(k) == .equals || stream.kind(k) == .approx else { return nil }
        k += 1
        var approximate = stream.kind(k - 1) == .approx
        while stream.isWord(k, in: Self.valueLinks)
            || stream.kind(k) == .approx || stream.kind(k) == .equals
        {
            if !stream.isWord(k, "exactly") && !stream.isWord(k, "equal") && !stream.isWord(k, "to") { approximate = true }
            k += 1
        }
        var negative = false
        if stream.kind(k) == .minus {
            negative = true
            k += 1
        }
        guard stream.kind(k) == .number, !isHypothetical(i) else { return nil }
        let stated = (negative ? "-" : "") + stream.numberText(k)
        let rule: StatedValueRule = Self.hasPoint(stated) || approximate ? .asWritten : .exact
        var explicit: AngleUnit? = Self.degreeMeasured(expression) ? .degrees : nil
        // "The arcsine of 0.5 is 30°": a unit after the value is the unit of the angle the function gives.
        var end = k + 1
        if let statedUnit = angleUnit(at: end) {
            guard ClaimChecker.yieldsAngle(expression) else { return nil }
            explicit = statedUnit
            end += 1
        }
        let kind: Claim.Kind = .function
        add(
            kind,
            .value(expression, stated: stated, statedExpression: nil, rule: rule, unit: explicit ?? question.unit ?? .radians,
                negated: false), i, end)
        return end
    }

    /// The angle unit written at token i: "°", "degrees", "radians" (and their short forms), or nil.
    func angleUnit(at i: Int) -> AngleUnit? {
        if stream.kind(i) == .degree || stream.isWord(i, "degrees") || stream.isWord(i, "degree")
            || stream.isWord(i, "deg")
        {
            return .degrees
        }
        if stream.isWord(i, "radians") || stream.isWord(i, "radian") || stream.isWord(i, "rad") { return .radians }
        return nil
    }

    /// Whether the function phrase at i ("the sine of …", "cos of …") can be followed by a stated value: false when
    /// ``valuePhrase(at:)`` surely finds none, decided without reading the argument (most function phrases in
    /// answers state no value, and reading one builds an expression only to drop it).
    ///
    /// The argument is read by ``ExpressionReader/longest(_:from:accept:)`` from the token after "of": it ends at
    /// some e with start < e ≤ E, where E ends the run of math tokens that stops before "=" and "≈". A value needs,
    /// at e (after an optional "(" and "which"), "is", "=" or "≈". Every token before E is a math token other than
    /// "=" and "≈", and none of "is" and "which" is a math token, so e < E works only when e = E − 1 is "(";
    /// either way the words after the optional "which" start at E. So when "is", "=" or "≈" is not at E (or after a
    /// "which" there), no value is stated. A phrase without "of" after its function word reads nothing either.
    static func mayStateValue(_ s: TokenStream, functionPhraseAt i: Int) -> Bool {
        var k = s.isWord(i, "the") ? i + 1 : i
        guard let f = functionWord(s, k) else { return false }
        k += f == .sqrt || f == .ln ? 2 : 1
        guard s.isWord(k, "of") else { return false }
        var end = k + 1
        while end < s.count, isMathToken(s, end), s.kind(end) != .equals, s.kind(end) != .approx { end += 1 }
        if s.isWord(end, "which") { end += 1 }
        return s.isWord(end, "is") || s.kind(end) == .equals || s.kind(end) == .approx
    }

    static func degreeMeasured(_ e: Expression) -> Bool {
        switch e {
        case .degrees: return true
        case .function(_, let a), .negate(let a): return degreeMeasured(a)
        default: return false
        }
    }

    // MARK: - Yes / no answers

    mutating func scanYesNo() {
        guard let n = question.subject, question.asksPrimality || question.divisor != nil else { return }
        func statement(_ yes: Bool) -> (Claim.Kind, Statement) {
            if let d = question.divisor, !question.asksPrimality {
                return (.divisibility, .divisibility(n, divisor: d, divides: yes))
            }
            return (.primality, .primality(n, isPrime: yes))
        }
        var firstWordSeen = false
        var retraction: Int? = nil
        var retractionSought = false
        // "yes" and "no" by their vocabulary numbers, read through a pointer: this loop looks at every token of
        // every answer. (A word has a vocabulary word's number exactly when it is that word.)
        let yesNumber = Self.yesNumber
        let noNumber = Self.noNumber
        let count = stream.count
        var next = 0
        while next < count {
            // The next "yes" or "no" at or after `next`, and whether another word comes before it (asked only until
            // the first one: every "yes" or "no" found marks the first word seen). Only words have a vocabulary
            // number, so the search compares numbers alone.
            let (i, sawWord) = stream.tokens.withUnsafeBufferPointer { tokens -> (Int, Bool) in
                var k = next
                while k < tokens.count {
                    let number = tokens[k].word
                    if number == yesNumber || number == noNumber { break }
                    k += 1
                }
                let sawWord = !firstWordSeen && tokens[next..<k].contains { $0.kind == .word }
                return (k, sawWord)
            }
            if sawWord { firstWordSeen = true }
            guard i < count else { break }
            next = i + 1
            let yes = stream[i].word == yesNumber
            let bracketed = stream.kind(i - 1) == .openBracket && stream.kind(i + 1) == .closeBracket
            let boxed = (1...3).contains { stream.kind(i - $0) == .boxed }
            let labelled =
                (stream.kind(i - 1) == .colon && stream.isWord(i - 2, "answer"))
                || (stream.isWord(i - 1, "is") && stream.isWord(i - 2, "answer"))
            let leading = !firstWordSeen && (stream.kind(i + 1).map { $0.bit & Self.afterLeadingYesNo != 0 } ?? true)
            firstWordSeen = true
            guard bracketed || boxed || labelled || leading else { continue }
            // (The sentence by binary search: a yes or no that needs it is rare, and a call that may change the
            // scanner costs this loop more than the search.)
            if !bracketed && !boxed && !labelled && stream.kind(sentence(i).1) == .question { continue }
            // "[Yes]" if N is prime or "[No]" if it is not: no answer is given; "the answer is [No] is incorrect":
            // one is taken back.
            let after = bracketed ? i + 2 : i + 1
            if stream.isWord(after, in: Self.conditionsAfter) && !stream.isWord(after, "because") { continue }
            if isTakenBack(after: after) { continue }
            // "[Yes] or [No] are not appropriate answers": both forms named, neither given.
            if bracketed
                && ((stream.isWord(after, "or") && stream.kind(after + 1) == .openBracket)
                    || (stream.isWord(i - 2, "or") && stream.kind(i - 3) == .closeBracket))
            {
                continue
            }
            // "[No] … I must correct my previous answer. 1171 is actually a prime number.": an answer the text
            // later withdraws. (Looked for once, from the first answer on.)
            if !retractionSought {
                retraction = Self.lastRetraction(stream, from: i)
                retractionSought = true
            }
            if let retraction, retraction > i { continue }
            // "Yes, 91 is divisible by 7, so it is not prime": the sentence answers the other way, so the leading
            // "Yes" agrees with something else.
            if !bracketed && !boxed && !labelled && answeredOtherwise(afterYesNo: i, n, yes: yes) { continue }
            let (kind, s) = statement(yes)
            let bytes = bracketed ? stream[i - 1].start..<stream[i + 1].end : stream[i].start..<stream[i].end
            claims.append(Claim(kind: kind, statement: s, bytes: bytes))
            claims[claims.count - 1].role = .answer
        }
    }

    /// Whether the rest of the sentence of the "yes" or "no" at token i states the question's answer the other way:
    /// a claim found there that N is prime (or divisible by the question's divisor) when the word says it is not,
    /// or the reverse.
    func answeredOtherwise(afterYesNo i: Int, _ n: BigInteger, yes: Bool) -> Bool {
        let end = sentence(i).1
        let from = stream[i].end
        let limit = end < stream.count ? stream[end].start : Int.max
        return claims.contains { claim in
            guard claim.bytes.lowerBound >= from && claim.bytes.lowerBound < limit else { return false }
            switch claim.statement {
            case .primality(let m, let isPrime):
                return question.asksPrimality && m == n && isPrime != yes
            case .divisibility(let m, let d, let divides):
                return !question.asksPrimality && m == n && d == question.divisor && divides != yes
            default:
                return false
            }
        }
    }

    // MARK: - Sets of token kinds (bits over `Token.Kind.rawValue`; computed, so that they fold to constants)

    /// After a number in a list: an operator, so the number is the start of an expression, not a list item.
    static var operatorsAfterListNumber: UInt64 {
        @inline(__always) get {
            Token.Kind.times.bit | Token.Kind.power.bit | Token.Kind.divide.bit | Token.Kind.plus.bit
                | Token.Kind.minus.bit
        }
    }
    /// After the next number of a list: it ends there, so it continues the list.
    static var listNumberEnds: UInt64 {
        @inline(__always) get {
            Token.Kind.comma.bit | Token.Kind.period.bit | Token.Kind.closeParen.bit | Token.Kind.newline.bit
                | Token.Kind.semicolon.bit | Token.Kind.colon.bit
        }
    }
    /// After a leading "yes" / "no": it stands alone.
    static var afterLeadingYesNo: UInt64 {
        @inline(__always) get {
            Token.Kind.comma.bit | Token.Kind.period.bit | Token.Kind.exclamation.bit | Token.Kind.newline.bit
                | Token.Kind.closeParen.bit | Token.Kind.closeBracket.bit | Token.Kind.colon.bit
                | Token.Kind.semicolon.bit
        }
    }
    /// Before a bare value answer: markup and links that are skipped.
    static var beforeValueAnswer: UInt64 {
        @inline(__always) get {
            Token.Kind.newline.bit | Token.Kind.approx.bit | Token.Kind.equals.bit | Token.Kind.colon.bit
                | Token.Kind.boxed.bit | Token.Kind.openParen.bit
        }
    }
    /// After a bare value answer: trailing punctuation that is skipped.
    static var afterValueAnswer: UInt64 {
        @inline(__always) get { Token.Kind.newline.bit | Token.Kind.period.bit | Token.Kind.closeParen.bit }
    }

    /// The vocabulary number of "divisible".
    static let divisibleNumber = vocabularyNumber("divisible")

    /// Whether a stated value has a decimal point, read from its bytes in place.
    static func hasPoint(_ stated: String) -> Bool {
        var stated = stated
        return stated.withUTF8 { $0.contains(UInt8(ascii: ".")) }
    }

    /// The vocabulary numbers of "yes" and "no".
    static let yesNumber = vocabularyNumber("yes")
    static let noNumber = vocabularyNumber("no")

    /// The number of a word the scanner needs in the vocabulary (never 0, which every other word has).
    static func vocabularyNumber(_ word: StaticString) -> UInt8 {
        guard let number = Vocabulary.shared.number(of: word) else {
            preconditionFailure("\(word) is in the vocabulary")
        }
        return number
    }

    // MARK: - A bare value as the answer

    /// "-0.4" (or "≈ -0.4", "The answer is 0.66") answering "What is the sine of -0.413 radians?".
    mutating func scanValueAnswer() {
        guard let target = question.target else { return }
        // The answer's meaningful tokens, without markup and trailing punctuation.
        var first = 0
        var last = stream.count
        while first < last,
            stream.kind(first).map { $0.bit & Self.beforeValueAnswer != 0 } == true
                || stream.isWord(first, in: Self.answerPreambles)
        {
            first += 1
        }
        while last > first, stream.kind(last - 1).map({ $0.bit & Self.afterValueAnswer != 0 }) == true {
            last -= 1
        }
        guard first < last, last - first <= 3 else { return }
        var k = first
        var negative = false
        if stream.kind(k) == .minus {
            negative = true
            k += 1
        }
        guard stream.kind(k) == .number else { return }
        var end = k + 1
        if stream.isWord(end, in: Self.unitNames) || stream.kind(end) == .degree { end += 1 }
        guard end == last else { return }
        let stated = (negative ? "-" : "") + stream.numberText(k)
        let rule = question.rule ?? (Self.hasPoint(stated) ? .asWritten : .exact)
        claims.append(
            Claim(
                kind: question.targetIsFunction ? .function : .arithmetic,
                statement: .value(target, stated: stated, statedExpression: nil, rule: rule, unit: question.unit ?? .radians,
                    negated: false),
                bytes: stream[first].start..<stream[last - 1].end))
        claims[claims.count - 1].role = .answer
    }

    // MARK: - Helpers

    mutating func add(_ kind: Claim.Kind, _ statement: Statement, _ from: Int, _ to: Int, highlight: Range<Int>? = nil) {
        let end = min(to, stream.count)
        guard from < end else { return }
        claims.append(Claim(kind: kind, statement: statement, bytes: stream[from].start..<stream[end - 1].end))
    }

    /// The classes of the words between a verb and its predicate, as bits of ``predicateWordClasses``.
    enum PredicateWord {
        static let negation: UInt8 = 1 << 0
        static let hedge: UInt8 = 1 << 1
        static let article: UInt8 = 1 << 2
        static let the: UInt8 = 1 << 3
        static let adverb: UInt8 = 1 << 4
        static let superlative: UInt8 = 1 << 5
    }

    /// For each vocabulary number, its ``PredicateWord`` classes: membership in ``negations``, ``hedgeWords``,
    /// ``articles``, "the", ``adverbs`` and ``superlatives`` (number 0, no vocabulary word, is in none).
    static let predicateWordClasses = wordClasses(
        [
            (negations, PredicateWord.negation), (hedgeWords, PredicateWord.hedge), (articles, PredicateWord.article),
            (WordSet(["the"]), PredicateWord.the), (adverbs, PredicateWord.adverb),
            (superlatives, PredicateWord.superlative),
        ], "the words between a verb and its predicate")

    /// A table from vocabulary number to the bits of the sets that hold the word (number 0, no vocabulary word, is in
    /// none), so that a pass asks one load per word instead of a test per set. Every word of the sets must be in the
    /// vocabulary.
    static func wordClasses(_ sets: [(WordSet, UInt8)], _ what: String) -> [UInt8] {
        precondition(sets.allSatisfy(\.0.isInVocabulary), "\(what) are vocabulary words")
        return (0..<256).map { n in
            guard n != 0 else { return 0 }
            var c: UInt8 = 0
            for (set, bit) in sets where set.contains(number: UInt8(n)) { c |= bit }
            return c
        }
    }

    static let adverbs = WordSet([
        "also", "indeed", "therefore", "thus", "hence", "definitely", "certainly", "clearly", "actually", "in", "fact",
        "then", "so", "now", "still", "really", "obviously", "itself", "evidently", "truly", "always", "exactly",
        "evenly", "both", "surely", "undoubtedly",
    ])

    static let verbs = WordSet(["is", "isn't", "isnt", "it's", "can", "cannot", "can't", "are", "aren't"])

    static let factorizationWords = WordSet(["factorization", "factorisation"])

    static let negations = WordSet(["not", "never"])

    static let articles = WordSet(["a", "an"])

    static let dividesStarts = WordSet(["does", "do", "doesn't", "don't", "evenly", "exactly", "divides"])

    static let superlatives = WordSet([
        "only", "smallest", "largest", "first", "next", "biggest", "last", "even", "odd", "greatest", "least",
    ])
}
