import Verifiers

/// Questions about whole numbers that the expression reader has no operator for: the factorial, the greatest
/// common divisor, the least common multiple and the remainder of non-negative integers, read whole or not at all.
extension Question {
    // MARK: - Integer functions in words

    /// The value of the integer question starting at token j and the token after it: "the factorial of 6", "13
    /// factorial", "8!", "the gcd of 912 and 576", "gcd(18, 60)", "the highest common factor of 72 and 648", "the
    /// least common multiple of 159 and 57", "lcm(490, 70)", "the remainder when 23579 is divided by 6", "the
    /// remainder on dividing 9333 by 7", "the remainder of 8668 divided by 25", "14811 modulo 86", "25695 mod 98".
    /// Nil unless every word and operand of the pattern is there (the caller requires the question to end after).
    ///
    /// The value is computed exactly (GMP) from the operands; operands are bounded (a factorial of at most
    /// ``maxFactorial``, operands of at most ``maxOperandBits`` bits).
    static func integerQuestion(_ s: TokenStream, from start: Int) -> (BigInteger, end: Int)? {
        var j = start
        if s.isWord(j, "the") { j += 1 }
        // "the factorial of 6"
        if s.isWord(j, "factorial"), s.isWord(j + 1, "of"), let n = operand(s, j + 2) {
            return factorial(n).map { ($0, j + 3) }
        }
        // "the gcd of 12 and 18", "gcd(12, 18)"
        if let (name, next) = functionName(s, j) {
            let pair: (BigInteger, BigInteger, Int)?
            if s.isWord(next, "of") {
                var k = next + 1
                if s.isWord(k, "the"), s.isWord(k + 1, "numbers") { k += 2 }
                if let a = operand(s, k), s.isWord(k + 1, "and"), let b = operand(s, k + 2) {
                    pair = (a, b, k + 3)
                } else {
                    pair = nil
                }
            } else if s.kind(next) == .openParen, let a = operand(s, next + 1), s.kind(next + 2) == .comma,
                let b = operand(s, next + 3), s.kind(next + 4) == .closeParen
            {
                pair = (a, b, next + 5)
            } else {
                pair = nil
            }
            guard let (a, b, end) = pair, a.signum > 0, b.signum > 0 else { return nil }
            let g = BigInteger.gcd(a, b)
            if name == .gcd { return (g, end) }
            guard let (q, _) = try? (a * b).quotientAndRemainder(dividingBy: g) else { return nil }
            return (q, end)
        }
        // "the remainder when 23579 is divided by 6", "the remainder on/of/after dividing 9333 by 7",
        // "the remainder of 8668 divided by 25"
        if s.isWord(j, "remainder") {
            var k = j + 1
            let a: BigInteger
            if s.isWord(k, "when"), let n = operand(s, k + 1), s.isWord(k + 2, "is"), s.isWord(k + 3, "divided"),
                s.isWord(k + 4, "by")
            {
                a = n
                k += 5
            } else if s.isWord(k, "on") || s.isWord(k, "of") || s.isWord(k, "after") || s.isWord(k, "from"),
                s.isWord(k + 1, "dividing"), let n = operand(s, k + 2), s.isWord(k + 3, "by")
            {
                a = n
                k += 4
            } else if s.isWord(k, "of"), let n = operand(s, k + 1), s.isWord(k + 2, "divided"), s.isWord(k + 3, "by") {
                a = n
                k += 4
            } else {
                return nil
            }
            guard let b = operand(s, k) else { return nil }
            return remainder(a: a, b).map { ($0, k + 1) }
        }
        guard let n = operand(s, j) else { return nil }
        // "13 factorial", "8!"
        if s.isWord(j + 1, "factorial") { return factorial(n).map { ($0, j + 2) } }
        if s.kind(j + 1) == .exclamation, s.adjacent(j), s.kind(j + 2) != .exclamation {
            return factorial(n).map { ($0, j + 2) }
        }
        // "14811 modulo 86", "25695 mod 98"
        if s.isWord(j + 1, "mod") || s.isWord(j + 1, "modulo"), let b = operand(s, j + 2) {
            return remainder(a: n, b).map { ($0, j + 3) }
        }
        return nil
    }

    enum IntegerFunction { case gcd, lcm }

    /// "gcd", "GCD", "hcf", "gcf", "greatest/highest common divisor/factor"; "lcm", "least/lowest/smallest common
    /// multiple": the function and the token after its name.
    static func functionName(_ s: TokenStream, _ j: Int) -> (IntegerFunction, Int)? {
        if s.isWord(j, "gcd") || s.isWord(j, "hcf") || s.isWord(j, "gcf") { return (.gcd, j + 1) }
        if s.isWord(j, "lcm") { return (.lcm, j + 1) }
        if s.isWord(j + 1, "common") {
            if s.isWord(j, "greatest") || s.isWord(j, "highest") || s.isWord(j, "largest") {
                if s.isWord(j + 2, "divisor") || s.isWord(j + 2, "factor") { return (.gcd, j + 3) }
            }
            if s.isWord(j, "least") || s.isWord(j, "lowest") || s.isWord(j, "smallest"), s.isWord(j + 2, "multiple") {
                return (.lcm, j + 3)
            }
        }
        return nil
    }

    static let maxFactorial = 300
    static let maxOperandBits = 256

    /// A non-negative integer written alone at token i: no sign, point, power, percent or other operator against
    /// it ("6", "405,370"; not "-6", "6.5", "2^10", "6%").
    static func operand(_ s: TokenStream, _ i: Int) -> BigInteger? {
        guard s.kind(i) == .number, let n = s.integer(i), n.bitWidth <= maxOperandBits else { return nil }
        if let before = s.kind(i - 1), before == .minus || before == .plus || before == .divide || before == .power {
            return nil
        }
        if let after = s.kind(i + 1), after == .power || after == .divide || after == .percent || after == .times
            || after == .plus || after == .minus
        {
            return nil
        }
        return n
    }

    static func factorial(_ n: BigInteger) -> BigInteger? {
        guard let k = n.intValue, k >= 0, k <= maxFactorial else { return nil }
        var f = BigInteger(1)
        if k >= 2 { for m in 2...k { f *= BigInteger(m) } }
        return f
    }

    static func remainder(a: BigInteger, _ b: BigInteger) -> BigInteger? {
        guard b.signum > 0, !a.isNegative, let (_, r) = try? a.quotientAndRemainder(dividingBy: b) else { return nil }
        return r
    }

    /// An integer as the literal of an expression.
    static func literal(_ n: BigInteger) -> Expression {
        .number(DecimalLiteral(digits: n.description, fractionDigits: 0, exponent: 0))
    }
}
