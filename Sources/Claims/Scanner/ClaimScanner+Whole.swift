/// Whole or nothing: a claim about an expression stands only when it covers the whole expression it was read from.
extension ClaimScanner {
    // MARK: - Whole or nothing

    // Every pass decides the extent of its sides its own way (a run of math tokens, a phrase, trimming list numbers
    // off the front); this is the one check they all go through (``scan()`` applies it to every claim about
    // expressions): the tokens just outside a claim must not go on with the expression it read. "She pays .75*8 = $6"
    // read as "75*8 = 6", "12 apples * 1/3 = 4" read as "1/3 = 4", "125 x 8 = 1 000" read as "125 x 8 = 1" state
    // nothing about the half that was read, so they are no claims.

    /// Whether the claim covers the whole expression around it (always true for claims that are not about an
    /// expression: primality, divisibility, prime factors in words).
    func coversWhole(_ claim: Claim) -> Bool {
        switch claim.statement {
        case .primality, .divisibility, .primeFactors, .comparison: return true
        case .division, .factorization, .residue, .congruent, .value: break
        }
        guard let first = tokenIndex(startingAt: claim.bytes.lowerBound),
            let last = tokenIndex(endingAt: claim.bytes.upperBound)
        else { return true }
        return !goesOnBefore(first) && !goesOnAfter(last + 1)
    }

    /// The index of the token that ends at byte b, if one does.
    func tokenIndex(endingAt b: Int) -> Int? {
        var low = 0
        var high = stream.count
        while low < high {
            let middle = (low + high) / 2
            if stream[middle].end < b { low = middle + 1 } else { high = middle }
        }
        return low < stream.count && stream[low].end == b ? low : nil
    }

    /// Whether the expression of a claim starting at token f goes on before it.
    func goesOnBefore(_ f: Int) -> Bool {
        let p = f - 1
        guard let before = stream.kind(p) else { return false }
        // A statement in words ("The square root of 1543 is approximately 39.27") starts a clause: only a word that
        // makes its function another goes on before it ("the inverse sine of …").
        // But a statement in words can itself be an operand: "the sine of the sine of 2 is 0.79", "twice the
        // square root of 16 is 8", "2 + the square root of 16 is 6", "the sum of 2 and the square root of 16": then
        // the claim would judge half of what was said.
        if stream.kind(f) == .word && !Self.isMathToken(stream, f) {
            // An operator with an operand before it ("2 + the square root …"; a "- " bullet is none).
            if before == .plus || before == .minus || before == .times || before == .divide || before == .power,
                stream.kind(p - 1) == .number || stream.kind(p - 1) == .closeParen
            {
                return true
            }
            if before == .number { return true }
            if stream.isWord(p, in: Self.operandMakingWords) { return true }
            // "2 more than the cube root of 27 is 5" (but "primes less than the square root of 14639" compares).
            if stream.isWord(p, "than"), stream.isWord(p - 1, "more") || stream.isWord(p - 1, "less"),
                stream.kind(p - 2) == .number
            {
                return true
            }
            if stream.isWord(p, "and") || stream.isWord(p, "to") || stream.isWord(p, "from") {
                return joinsOperands(before: p)
            }
            return false
        }
        // A word joining it to an operand before it: "adding 53.548 and 3/10 is …" read from "3/10".
        if joinsOperand(before: p) { return true }
        // A "*" the tokenizer dropped: "12 apples * 1/3 = 4", "2 * $40 - $15 = …" read from "40".
        if hasDroppedTimes(p, f) { return true }
        // An operator the claim left out: "2 * $40 - $15 = …" read from "40", "$12 x (6 x 2)" read from "(".
        if Self.expressionOperators & before.bit != 0 || before == .percent { return true }
        if stream.isWord(p, in: Self.continuingWords) { return true }
        // "the sum of 3 and 4 * 2 = 11", "multiply 4 and 1/2 = 2": the claim read from the second operand.
        // ("1^2 = 1 and 2^2 = 4" joins two statements: the number before "and" ends a relation.)
        if stream.isWord(p, "and"), stream.kind(p - 1) == .number, stream.kind(f) == .number,
            !endsRelationSide(before: p)
        {
            return true
        }
        // "divided by 2 + 3 = …" (but "divisible by 17 x 19 = 323" is whole).
        if stream.isWord(p, "by"), stream.isWord(p - 1, "divided") || stream.isWord(p - 1, "multiplied") { return true }
        // A bracket before a bracket: "\operatorname{arccot}\left(7.88\right)" read from "(7.88".
        if before == .closeParen && stream.kind(f) == .openParen { return true }
        // Written against a name or a bracket before it: "\operatorname{arccot}\left(7.88\right)", "f(2)".
        if stream.adjacent(p), before == .closeParen || before == .closeBracket || before == .other
            || (before == .word && !Self.isMathToken(stream, p))
        {
            return true
        }
        if stream.kind(f) == .number {
            // A decimal written without its leading zero: ".75*8".
            if before == .period && stream.adjacent(p) && !(stream.kind(p - 1) == .number && stream.adjacent(p - 1)) {
                return true
            }
            // Thousands written with a space: "1 000" read from "000".
            if before == .number && isSpacedGroup(f) { return true }
        }
        // A noun between an operand and an operator: "90 marbles - 25 = 65" read from "- 25", "$300 * …".
        if let k = stream.kind(f), Self.expressionOperators & k.bit != 0, before == .word,
            stream.kind(p - 1) == .number
        {
            return true
        }
        return false
    }

    /// Whether the expression of a claim ending before token n goes on after it.
    func goesOnAfter(_ n: Int) -> Bool {
        guard let after = stream.kind(n) else { return false }
        if hasDroppedTimes(n - 1, n) || (after == .word && hasDroppedTimes(n, n + 1)) { return true }
        if Self.expressionOperators & after.bit != 0 || after == .percent { return true }
        // "= 1 000 grams" read as "= 1".
        if after == .number { return isSpacedGroup(n) || stream.kind(n - 1) == .number }
        if after == .exclamation && stream.adjacent(n - 1) { return true }
        if after == .word {
            // "x" as a times sign, or a noun between two factors: "12 apples * 1/3".
            if stream.isWord(n, in: Self.continuingWords) || stream.isWord(n, "divided") || stream.isWord(n, "multiplied") {
                return true
            }
            if let k = stream.kind(n + 1), Self.expressionOperators & k.bit != 0, stream.kind(n - 1) == .number {
                return true
            }
        }
        return false
    }

    /// Whether the math before token p is the side of a relation: going back over its math tokens, a relation
    /// ("=", "≈", "≠", "≡", "mod") comes before anything else. "1^2 = 1 and 2^2 = 4", "275 = 11*25 and 2^5 + …",
    /// "\(20 \equiv 1 \mod 19\) and \(16 \equiv …" join two statements; "the sum of 3 and 4 * 2" joins operands.
    func endsRelationSide(before p: Int) -> Bool {
        var k = p - 1
        while k >= 0 && k >= p - 64, let kind = stream.kind(k) {
            switch kind {
            case .equals, .approx, .notEqual, .otherRelation: return true
            default: break
            }
            if stream.isModulo(k) { return true }
            guard Self.isMathToken(stream, k) || kind == .openParen || kind == .closeParen else { return false }
            k -= 1
        }
        return false
    }

    /// Whether a "*" stands between tokens a and b that the tokenizer dropped (it keeps one only after a number or
    /// a bracket).
    ///
    /// Only a single "*" before an operand (a digit, "$", "(" or "." after spaces) counts: "**" is bold, and "*so*"
    /// emphasis.
    func hasDroppedTimes(_ a: Int, _ b: Int) -> Bool {
        guard a >= 0, b < stream.count, a < b else { return false }
        let bytes = stream.bytes
        let end = stream[b].start
        var k = stream[a].end
        while k < end {
            if bytes[k] == 0x2A && bytes[k - 1] != 0x2A && (k + 1 >= bytes.count || bytes[k + 1] != 0x2A) {
                var m = k + 1
                while m < bytes.count && bytes[m] == 0x20 { m += 1 }
                if m < bytes.count {
                    let c = bytes[m]
                    if (c >= 0x30 && c <= 0x39) || c == 0x24 || c == 0x28 || c == 0x2E { return true }
                }
            }
            k += 1
        }
        return false
    }

    /// Words after which a phrase in words is an operand of something larger ("the sine of the sine of 2",
    /// "twice the square root of 16", "divided by the square root of 4").
    static let operandMakingWords = WordSet([
        "of", "twice", "thrice", "double", "triple", "half", "times", "plus", "minus", "over", "by", "inverse",
        "arc",
    ])

    /// Words that make an "and" after them join two operands: "the sum of 2 and …", "the product of … and …".
    static let andJoiningWords = WordSet([
        "sum", "product", "difference", "quotient", "mean", "average", "between", "gcd", "lcm", "adding",
        "multiplying", "both",
    ])

    /// Whether the "and", "to" or "from" at token p joins two operands ("the sum of 2 and …", "adding 2 to …",
    /// "subtracting 3 from …"): the word that asks for two operands comes before it in the same clause (no comma or
    /// sentence end between, at most 16 tokens back). "From 2 to the square root of 3373" is a range, no operand.
    func joinsOperands(before p: Int) -> Bool {
        var k = p - 1
        while k >= 0 && k >= p - 16 {
            switch stream.kind(k) {
            case .comma, .period, .semicolon, .colon, .newline, .question, .exclamation: return false
            default: break
            }
            if stream.isWord(p, "and") {
                if stream.isWord(k, in: Self.andJoiningWords) { return true }
            } else if stream.isWord(p, "to") {
                if stream.isWord(k, "add") || stream.isWord(k, "adding") || stream.isWord(k, "added") { return true }
            } else if stream.isWord(k, "subtract") || stream.isWord(k, "subtracting") || stream.isWord(k, "subtracted") {
                return true
            }
            k -= 1
        }
        return false
    }

    /// Words that join an operand to the expression: "times", "x", "plus", "minus", "over", "to the power".
    /// "inverse" and "arc" before a function word make it another function: "the inverse sine of 1/2".
    static let continuingWords = WordSet(["times", "x", "plus", "minus", "over", "power", "inverse", "arc"])

    /// Whether number token i is a group of three digits written one space after a number of at most three digits
    /// (the tokenizer joins "34 792 834" but leaves "1 000" as two numbers).
    func isSpacedGroup(_ i: Int) -> Bool {
        guard stream.kind(i) == .number, stream.kind(i - 1) == .number else { return false }
        let t = stream[i]
        let p = stream[i - 1]
        guard t.end - t.start == 3, !t.hasPoint, !t.hasSeparators, !p.hasPoint, p.end - p.start <= 3,
            t.start == p.end + 1, stream.bytes[p.end] == 0x20
        else { return false }
        return true
    }
}
