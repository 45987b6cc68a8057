/// Whole or nothing in words: an operand joined by a word to the one before it belongs to the same expression.
extension ClaimScanner {
    // MARK: - Operands joined in words

    /// Whether the word at token p joins the claim starting after it to an operand before it, so that the claim
    /// read only the last operand of an expression in words: "The result of adding 53.548 and 3/10 is 53.848" is
    /// no claim that 3/10 is 53.848, nor "82.2 added to 16/9 is 83.98" one about 16/9, nor "(-568) subtracted from
    /// -3/2 is 566.5" one about -3/2, nor "dividing -9/8 by 4/7 is …" one about 4/7.
    ///
    /// A conjunction between two claims ("3 × 5 = 15 and 15 × 2 = 30") joins nothing: "and" joins operands only
    /// after a word that takes two or a list ("the product of 405,370 and 11/9", "the mean of 3, 5 and 10").
    func joinsOperand(before p: Int) -> Bool {
        guard stream.kind(p) == .word else { return false }
        // "added to", "subtracted from", "divided by", "more than", "raised to", "the square root of".
        if stream.isWord(p, in: Self.joiningPrepositions) {
            if stream.isWord(p - 1, in: Self.operandJoiningWords) { return true }
            // "dividing -9/8 by 4/7", "add 886 to -941,277": the operand before ends in a number or a bracket,
            // and a word of operation heads it.
            if let head = operandHead(before: p), stream.isWord(head, in: Self.operandJoiningWords) { return true }
            return false
        }
        // "5/4 take away 19/9 is …"
        if stream.isWord(p, "away") { return stream.isWord(p - 1, "take") || stream.isWord(p - 1, "taken") }
        if stream.isWord(p, "and"), let head = operandHead(before: p) {
            return stream.isWord(head, in: Self.listHeads)
        }
        return false
    }

    /// The token before the operand or the list of operands that ends just before token p ("of" in "the product of
    /// 405,370 and", "mean" in "the mean of -3, 5 and"), when such an operand ends there; nil otherwise.
    func operandHead(before p: Int) -> Int? {
        var k = p - 1
        guard let last = stream.kind(k), last == .number || last == .closeParen || last == .pi else { return nil }
        var steps = 0
        while k >= 0, steps < 64, let kind = stream.kind(k), Self.operandKinds & kind.bit != 0 {
            k -= 1
            steps += 1
        }
        return k >= 0 && stream.kind(k) == .word ? k : nil
    }

    /// The kinds an operand or a list of them is written with ("-9/8", "(-3)", "3, 5", "√2/2").
    static var operandKinds: UInt64 {
        func bit(_ k: Token.Kind) -> UInt64 { 1 << UInt64(k.rawValue) }
        return bit(.number) | bit(.minus) | bit(.divide) | bit(.openParen) | bit(.closeParen) | bit(.comma)
            | bit(.pi) | bit(.sqrt) | bit(.power) | bit(.percent)
    }

    static let joiningPrepositions = WordSet(["to", "from", "by", "than", "of"])
    /// Words of an operation on the operand after "to", "from", "by", "than" or "of".
    /// (Not "remainder" or "mod": "a remainder of 1 + 0 = 1 mod 8" is a whole congruence.)
    static let operandJoiningWords = WordSet([
        "added", "add", "adding", "subtracted", "subtract", "subtracting", "divided", "divide", "dividing",
        "multiplied", "multiply", "multiplying", "more", "less", "greater", "fewer", "raised", "power", "root",
        "sum", "difference", "product", "quotient", "mean", "average", "logarithm", "log", "value", "sine",
        "cosine", "tangent", "secant", "cosecant", "cotangent", "factorial",
        "gcd", "lcm", "divisor", "multiple", "percent", "square", "cube", "reciprocal", "negative", "opposite",
        "arcsine", "arccosine", "arctangent", "magnitude", "exponential",
    ])
    /// Words after which "and" joins operands: "the sum of 3 and 4", "adding 53.548 and 3/10", "between 5 and 9".
    static let listHeads = WordSet([
        "of", "adding", "add", "multiplying", "multiply", "subtracting", "dividing", "between", "sum", "product",
        "difference", "quotient", "averaging",
    ])
}
