extension ClaimScanner {
    // MARK: - Pieces of formulas

    // What makes a relation no claim though it reads as one: a side that goes on past what the reader could read
    // ("x mod 3 = 2", "10c − 5", "5!"), a digit sum written as an equation, a relation the answer denies.

    /// Whether the math run starting at token i goes on from something before it that the reader cannot read, so
    /// that the run's first left side is only the end of an expression: a modulus ("x mod 3 = 2" says nothing about
    /// 3), or a binary operator after an operand that is not math ("n + 1 = 5", "(x − 1) − 1 = 3").
    func continuesBefore(_ i: Int) -> Bool {
        guard i > 0 else { return false }
        if isModulo(i - 1) { return true }
        // The minutes of a time or the second term of a ratio: "12:00 - 3", "3:4".
        if stream.kind(i - 1) == .colon, stream.adjacent(i - 1), stream.kind(i - 2) == .number, stream.adjacent(i - 2) {
            return true
        }
        // Written against a bracket or an ellipsis before it: "C(5, 4)2(5^4)", "2^{3m}(1 + 3)", "22...22".
        if stream.adjacent(i - 1),
            stream.kind(i - 1) == .closeParen || stream.kind(i - 1) == .closeBracket || isDigitPattern(ellipsis: i - 1)
        {
            return true
        }
        switch stream.kind(i) {
        case .plus, .times, .divide, .power:
            // An operand before these is never part of the run here, or the run would have started there.
            return true
        case .minus:
            // A sign after prose starts a value ("we get −1 = …"); after a bracket, a letter or a name written against
            // a number ("839 - 2x4 - 6") it subtracts.
            let before = stream.kind(i - 1)
            let letter = stream[i - 1].end - stream[i - 1].start == 1
            return before == .closeParen || before == .closeBracket || before == .other
                || (before == .word && (letter || (stream.kind(i - 2) == .number && stream.adjacent(i - 2))))
        default:
            return false
        }
    }

    /// Whether the math run ending before token i goes on past it in something the reader cannot read, so that the
    /// run's last right side is cut short: a modulus ("2 mod 3", "729 = 1 (mod 7)"), or a letter or a bracket
    /// written against it ("10c − 5", "12(n+m)").
    func continuesAfter(_ i: Int) -> Bool {
        guard i < stream.count else { return false }
        if isModulo(i) || (stream.kind(i) == .openParen && isModulo(i + 1)) { return true }
        // "999...999", "(5^25+15)\cdots(5^25+254)"; but "0.4291…" only marks the digits cut off.
        if stream.kind(i) == .ellipsis && stream.adjacent(i - 1) {
            return !(stream.kind(i - 1) == .number && stream[i - 1].hasPoint)
        }
        return isWrittenAgainst(i)
    }

    /// Whether token i is written against the one before it so that the two read as one thing: a letter or a
    /// bracket ("10c", "12(n+m)"), a mark, or a factorial ("5!").
    func isWrittenAgainst(_ i: Int) -> Bool {
        guard let kind = stream.kind(i), stream.adjacent(i - 1) else { return false }
        return kind == .word || kind == .openParen || kind == .openBracket || kind == .other || kind == .exclamation
    }

    /// Whether tokens sum.0..<sum.1 add up the digits of the lone number at single.0, in order, one digit a term
    /// ("1977" and "1 + 9 + 7 + 7"): how answers write a digit sum.
    func isDigitSum(single: (Int, Int), sum: (Int, Int)) -> Bool {
        guard single.1 - single.0 == 1, stream.kind(single.0) == .number else { return false }
        let n = stream[single.0]
        guard !n.hasSeparators, !n.hasPoint, n.end - n.start >= 2, sum.1 - sum.0 == 2 * (n.end - n.start) - 1
        else { return false }
        for k in 0..<(n.end - n.start) {
            let term = sum.0 + 2 * k
            guard stream.kind(term) == .number, stream[term].end - stream[term].start == 1,
                stream.bytes[stream[term].start] == stream.bytes[n.start + k],
                k == 0 || stream.kind(term - 1) == .plus
            else { return false }
        }
        return true
    }

    /// Whether the words after a relation ending before token i deny it: "50 = 504, which is not true", "…, which
    /// is false", "(not true)", "…, a contradiction". Such a relation is a candidate being tested, not a claim.
    func isRejected(after i: Int) -> Bool {
        var k = i
        var end = min(stream.count, i + 8)
        var crossed = false
        while k < end {
            switch stream.kind(k) {
            case .period, .newline:
                // The next sentence may still deny it: "1 − 1 ≡ 2 (mod 3)\nThis is not possible since …".
                var next = k + 1
                while stream.kind(next) == .newline || stream.kind(next) == .period { next += 1 }
                if stream.isWord(next, in: Self.sentenceOpeners) {
                    next += 1
                    if stream.kind(next) == .comma { next += 1 }
                }
                guard !crossed, stream.isWord(next, in: Self.backReferences) else { return false }
                // "This is not possible", "This is not a valid solution" about the line before.
                if stream.isWord(next + 1, "is") && stream.isWord(next + 2, "not") {
                    let k = stream.isWord(next + 3, "a") ? next + 4 : next + 3
                    if stream.isWord(k, "possible") || stream.isWord(k, "valid") || stream.isWord(k, "true") {
                        return true
                    }
                }
                crossed = true
                k = next + 1
                end = min(stream.count, k + 6)
                continue
            case .question, .semicolon, .colon: return false
            case .word:
                // Every word of these sets is in the vocabulary (a test checks it): one bit test each.
                let number = stream[k].word
                if number != 0 {
                    if Self.rejectionWords.contains(number: number) { return true }
                    // "which is not true", "this does not hold", "However, this is not the case for 5459".
                    if Self.denyingNot.contains(number: number),
                        stream.kind(k + 1) == .word && Self.truthWords.contains(number: stream[k + 1].word)
                            || stream.isWord(k + 1, "the") && stream.isWord(k + 2, "case")
                    {
                        return true
                    }
                }
            default: break
            }
            k += 1
        }
        return false
    }

    /// "not", "isn't": before a word of ``truthWords`` they deny the relation before them.
    static let denyingNot = WordSet(["not", "isn't", "isnt"])

    /// Drops the claims of the lines of bare formulas just before token i, the one a denied relation ends
    /// ("10A = 56B\n\n10*5 = 56*9\n\n50 = 504, which is not true."): they are the steps of the same test.
    mutating func dropDerivation(before i: Int) {
        var k = i - 1
        // Looked at no further back than this: a text of one long line would make each denial walk all of it.
        let floor = max(-1, i - Self.derivationReach)
        // The start of the denied relation's line.
        while k > floor && stream.kind(k) != .newline { k -= 1 }
        var earliest = Int.max
        var lines = 0
        while k > floor && lines < Self.derivationLines {
            lines += 1
            while k > floor && stream.kind(k) == .newline { k -= 1 }
            var lineStart = k
            var bare = k > floor
            while lineStart >= 0 && stream.kind(lineStart) != .newline {
                // A line reaching past the bound is not taken as a step of the test.
                guard lineStart > floor else {
                    bare = false
                    break
                }
                let isLetter = stream.kind(lineStart) == .word && stream[lineStart].end - stream[lineStart].start == 1
                if !Self.isMathToken(stream, lineStart) && !isLetter { bare = false }
                lineStart -= 1
            }
            guard bare else { break }
            earliest = stream[lineStart + 1].start
            k = lineStart
        }
        while let last = claims.last, last.bytes.lowerBound >= earliest, last.bytes.upperBound <= stream[i].start {
            claims.removeLast()
        }
    }

    /// The most lines of bare formulas before a denied relation that ``dropDerivation(before:)`` takes as its test.
    static let derivationLines = 5
    /// The most tokens before a denied relation that ``dropDerivation(before:)`` looks at: its lines of bare
    /// formulas are each an expression, at most ``ExpressionReader/maxTokens`` long (and the line breaks between).
    static let derivationReach = (derivationLines + 1) * (ExpressionReader.maxTokens + 1) + 64

    /// Words that may open a sentence about the one before: "However, this is not the case", "Again, this is not".
    static let sentenceOpeners = WordSet(["however", "again", "but", "unfortunately"])

    /// Words that start a sentence about the one before ("This is not possible", "That is false").
    static let backReferences = WordSet(["this", "that", "which", "it"])
    /// Words that deny the relation before them (``isRejected(after:)``).
    static let rejectionWords = WordSet(["false", "incorrect", "contradiction", "impossible", "wrong", "mistake"])
    /// What "not" denies when it follows a relation: "not true", "not correct", "does not hold" ("not valid" and
    /// "not possible" are left out: "≈ −11.702 (not valid since n > 11)" rejects a solution, not the arithmetic).
    static let truthWords = WordSet(["true", "correct", "satisfied", "hold"])

    /// Whether tokens from..<to hold an operator (what a right side read short of its segment leaves behind).
    func hasOperator(_ from: Int, _ to: Int) -> Bool {
        let operators = Self.expressionOperators
        for k in from..<to where operators & stream[k].kind.bit != 0 { return true }
        return false
    }

    /// The kinds of the operators of an expression, as a bit set over `Token.Kind.rawValue`.
    static var expressionOperators: UInt64 {
        @inline(__always) get {
            func bit(_ k: Token.Kind) -> UInt64 { 1 << UInt64(k.rawValue) }
            return bit(.plus) | bit(.minus) | bit(.times) | bit(.divide) | bit(.power) | bit(.sqrt) | bit(.fraction)
        }
    }

    /// Whether the ellipsis at token i stands for digits left out of one number ("22...22", "1000...0001"): numbers
    /// are written against it on both sides. (After a decimal alone, "0.4291…" only marks the digits cut off.)
    func isDigitPattern(ellipsis i: Int) -> Bool {
        stream.kind(i) == .ellipsis && stream.kind(i - 1) == .number && stream.kind(i + 1) == .number
            && stream.adjacent(i - 1) && stream.adjacent(i)
    }

    /// The last token of the words after an integer quotient ending before token i that say the division is not
    /// exact: "(not divisible)", "(not a whole number)", ", which is not an integer", ". This is not a whole
    /// number", "R2"; nil when there are none. The claim's text runs to it: the words are part of what it states.
    func statesRemainder(after i: Int) -> Int? {
        var k = i
        // "756 R2", whether "R2" is read as one word or as "R" against a number.
        if stream.kind(k) == .word, stream.bytes[stream[k].start] | 0x20 == 0x72 {
            let t = stream[k]
            let digits = (t.start + 1..<t.end).allSatisfy { stream.bytes[$0] >= 0x30 && stream.bytes[$0] <= 0x39 }
            if t.end - t.start > 1 && digits { return k }
            if t.end - t.start == 1 && stream.adjacent(k) && stream.kind(k + 1) == .number { return k + 1 }
        }
        if let kind = stream.kind(k), kind == .openParen || kind == .comma || kind == .period { k += 1 }
        if stream.isWord(k, in: Self.backReferences) && stream.isWord(k + 1, "is") { k += 2 }
        guard stream.isWord(k, "not") else { return nil }
        k += 1
        if stream.isWord(k, "a") || stream.isWord(k, "an") || stream.isWord(k, "evenly") { k += 1 }
        guard stream.isWord(k, in: Self.inexactWords) else { return nil }
        if stream.isWord(k + 1, in: Self.numberNouns) { k += 1 }  // "whole number"
        if stream.kind(i) == .openParen, stream.kind(k + 1) == .closeParen { k += 1 }
        return k
    }

    /// After "not": the division is not exact ("not divisible", "not a whole number", "not an integer").
    static let inexactWords = WordSet(["divisible", "whole", "integer", "factor", "exact"])

    /// Whether token i is a modulo operator: "mod", "modulo", "\mod", "\bmod", "\pmod", or "%" between numbers.
    func isModulo(_ i: Int) -> Bool { stream.isModulo(i) }
}
