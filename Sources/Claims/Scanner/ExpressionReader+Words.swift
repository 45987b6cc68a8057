import Verifiers

/// Operations in words, for the expression a question asks for: "-3.5 plus 2", "-8 times -2", "the absolute value
/// of -12.5", "the result of dividing 1 by -8", "the base-2 logarithm of 64", "20% of 80", "the mean of 3, 5 and 10".
///
/// The same recursive descent as the symbols (``ExpressionReader``, depth-bounded), with words at each level: a
/// sum's "plus", "minus", "more than", "less than"; a product's "times", "multiplied by", "divided by", "over"; a
/// power's "squared", "cubed", "to the power of"; and phrases that are operands ("the sum of a and b", "the square
/// root of x", "add a to b"). What no rule reads (a remainder, a gcd, a factorial, "mod") ends the expression, and
/// the question reader then takes nothing (``Question/endsQuestion(_:_:)``).
extension ExpressionReader {
    /// The expression starting at token `from`, with operations in words, read as far as it goes: the expression,
    /// its shape and the index of the token after it.
    static func readWhole(_ stream: TokenStream, from: Int) -> (Expression, Shape, end: Int)? {
        // Read within the token bound; an expression that reaches it is not read whole, so it is not read.
        let bound = min(stream.count, from + maxTokens)
        var reader = ExpressionReader(stream, from: from, to: bound)
        reader.words = true
        guard let e = reader.sum(), reader.position < bound || bound == stream.count else { return nil }
        var shape = reader.shape
        shape.isSingleNumber = reader.position - from == 1 && stream.kind(from) == .number
        shape.mayBeProduct = false
        return (e, shape, reader.position)
    }

    func isWord(_ w: StaticString, at offset: Int = 0) -> Bool {
        position + offset < end && stream.isWord(position + offset, w)
    }

    /// "plus", "minus", "more than", "less than", "added to", "subtracted from" at the position: passes it and
    /// returns how it joins the two sides.
    mutating func wordSumOperator() -> ((Expression, Expression) -> Expression)? {
        if isWord("plus") {
            position += 1
            return { .add($0, $1) }
        }
        if isWord("minus") {
            position += 1
            return { .subtract($0, $1) }
        }
        if isWord("added") && isWord("to", at: 1) {
            position += 2
            return { .add($0, $1) }
        }
        if (isWord("more") || isWord("greater")) && isWord("than", at: 1) {  // "5 more than 3" is 3 + 5
            position += 2
            return { .add($1, $0) }
        }
        if (isWord("less") || isWord("fewer")) && isWord("than", at: 1) {  // "5 less than 3" is 3 − 5
            position += 2
            return { .subtract($1, $0) }
        }
        if isWord("subtracted") && isWord("from", at: 1) {
            position += 2
            return { .subtract($1, $0) }
        }
        return nil
    }

    /// "times", "multiplied by", "divided by", "over" at the position.
    mutating func wordProductOperator() -> ((Expression, Expression) -> Expression)? {
        if isWord("times") {
            position += 1
            return { .multiply($0, $1) }
        }
        if isWord("multiplied") && isWord("by", at: 1) {
            position += 2
            return { .multiply($0, $1) }
        }
        if (isWord("divided") && isWord("by", at: 1)) || isWord("over") {
            position += isWord("over") ? 1 : 2
            shape.hasDivision = true
            return { .divide($0, $1) }
        }
        return nil
    }

    /// "squared", "cubed", "to the power of 3", "raised to the power 3/4", "raised to 3" after `base`: nil when
    /// there is no power in words, `.some(nil)` when there is one whose exponent does not read.
    mutating func wordPower(_ base: Expression) -> Expression?? {
        if isWord("squared") {
            position += 1
            return .power(base, integerLiteral("2"))
        }
        if isWord("cubed") {
            position += 1
            return .power(base, integerLiteral("3"))
        }
        let start = position
        if isWord("raised") { position += 1 }
        guard isWord("to") else {
            position = start
            return nil
        }
        position += 1
        if isWord("the") && isWord("power", at: 1) {
            position += 2
            if isWord("of") { position += 1 }
        } else if position == start + 1 {
            position = start  // "to" alone does not raise
            return nil
        }
        // The exponent in words is all that follows it ("e raised to the power 8/11" is e^(8/11)).
        return .some(phraseOperand().map { .power(base, $0) })
    }

    /// An operand of a phrase: an operand that no binary operation follows ("the sum of 3 and 4 times 2" could
    /// mean two things, and is read as neither).
    mutating func phraseOperand() -> Expression? {
        // The operand is read with symbols only ("3π/2", "-√3/2", "14/11", "(12/7)"), then nothing may join it to
        // more ("the square root of 16 plus 9" could mean two things, and is read as neither).
        let wasWords = words
        words = false
        let operand = product()
        words = wasWords
        guard let e = operand else { return nil }
        if let k = current, k == .plus || k == .minus || k == .times || k == .divide || k == .power { return nil }
        for w: StaticString in ["plus", "minus", "times", "multiplied", "divided", "over", "more", "less", "added",
            "subtracted", "squared", "cubed", "raised"]
        where isWord(w) {
            return nil
        }
        if isWord("to") && isWord("the", at: 1) && isWord("power", at: 2) { return nil }
        return e
    }

    /// Operands joined by "and" ("3 and 4"), or listed ("3, 5, and 10"; at most 64).
    mutating func phraseList() -> [Expression]? {
        var list: [Expression] = []
        while list.count < 64 {
            guard let e = phraseOperand() else { return nil }
            list.append(e)
            if current == .comma {
                position += 1
                if isWord("and") { position += 1 }
                continue
            }
            if isWord("and") {
                position += 1
                continue
            }
            break
        }
        return list.count >= 2 ? list : nil
    }

    /// A phrase that is an operand, read from the position: "the sum of 3 and 4", "the absolute value of -12.5",
    /// "the result of dividing 1 by -8", "add 3 to 5", "the sine of 30 degrees", "log base 2 of 64". Nil (the
    /// position wherever it stopped) when none is there.
    mutating func wordPhrase() -> Expression? {
        if isWord("the") { position += 1 }
        if isWord("result") && isWord("of", at: 1) { position += 2 }
        if isWord("value") && isWord("of", at: 1) { position += 2 }
        // Verbs: "add 3 to 5", "subtracting 4 from 10", "multiply 6 by 7", "dividing 1 by -8".
        if isWord("add") || isWord("adding") {
            position += 1
            guard let a = phraseOperand(), isWord("to") || isWord("and") else { return nil }
            position += 1
            guard let b = phraseOperand() else { return nil }
            return .add(a, b)
        }
        if isWord("subtract") || isWord("subtracting") {
            position += 1
            guard let a = phraseOperand(), isWord("from") else { return nil }
            position += 1
            guard let b = phraseOperand() else { return nil }
            return .subtract(b, a)
        }
        if isWord("multiply") || isWord("multiplying") {
            position += 1
            guard let a = phraseOperand(), isWord("by") || isWord("and") else { return nil }
            position += 1
            guard let b = phraseOperand() else { return nil }
            return .multiply(a, b)
        }
        if isWord("divide") || isWord("dividing") {
            position += 1
            guard let a = phraseOperand(), isWord("by") else { return nil }
            position += 1
            guard let b = phraseOperand() else { return nil }
            shape.hasDivision = true
            return .divide(a, b)
        }
        // Nouns of two operands: "the sum of 3 and 4", "the difference between 10 and 4".
        if isWord("sum") || isWord("product"), isWord("of", at: 1) {
            let isSum = isWord("sum")
            position += 2
            guard let list = phraseList() else { return nil }
            return list.dropFirst().reduce(list[0]) { isSum ? .add($0, $1) : .multiply($0, $1) }
        }
        if isWord("difference") || isWord("quotient"), isWord("of", at: 1) || isWord("between", at: 1) {
            let isDifference = isWord("difference")
            position += 2
            guard let list = phraseList(), list.count == 2 else { return nil }
            if !isDifference { shape.hasDivision = true }
            return isDifference ? .subtract(list[0], list[1]) : .divide(list[0], list[1])
        }
        // "the mean of 3, 5 and 10", "the average of …", "the arithmetic mean of …".
        if isWord("arithmetic") { position += 1 }
        // "the average value of …", "the mean of the numbers …".
        if isWord("mean") || isWord("average"), isWord("of", at: 1) || isWord("value", at: 1) && isWord("of", at: 2) {
            position += isWord("value", at: 1) ? 3 : 2
            if isWord("the") && isWord("numbers", at: 1) { position += 2 }
            guard let list = phraseList() else { return nil }
            shape.hasDivision = true
            shape.integerOnly = false
            let total = list.dropFirst().reduce(list[0]) { .add($0, $1) }
            return .divide(total, integerLiteral(String(list.count)))
        }
        // Functions of one operand in words.
        if isWord("absolute") && isWord("value", at: 1) && isWord("of", at: 2) {
            position += 3
            return phraseOperand().map { .function(.abs, $0) }
        }
        if (isWord("square") || isWord("cube")) && isWord("of", at: 1) {
            let exponent = isWord("square") ? "2" : "3"
            position += 2
            return phraseOperand().map { .power($0, integerLiteral(exponent)) }
        }
        if isWord("cube") && isWord("root", at: 1) && isWord("of", at: 2) {
            position += 3
            shape.integerOnly = false
            return phraseOperand().map { .power($0, .divide(integerLiteral("1"), integerLiteral("3"))) }
        }
        if let e = logarithmPhrase() { return e }
        // "the sine of 30 degrees", "the arc sine of 0.5", "the inverse cosine of -1", "the square root of 2".
        var inverse = false
        if isWord("arc") || isWord("inverse") {
            inverse = true
            position += 1
        }
        if let f = ClaimScanner.functionWord(stream, position), position < end {
            guard let g = inverse ? Self.inverse(f) : f else { return nil }
            position += f == .sqrt || f == .ln ? 2 : 1
            let of = isWord("of")
            if of { position += 1 }
            // Without "of" only a formula name reads ("sin 30 degrees"), which the formula rules read already.
            guard of || inverse else { return nil }
            shape.integerOnly = false
            shape.hasFunction = true
            guard let argument = phraseOperand() else { return nil }
            return .function(g, argument)
        }
        return nil
    }

    /// "log base 2 of 64", "the logarithm base 10 of 1000", "the base-2 logarithm of 64", "the base 10 log of 5",
    /// "the logarithm of 64 to base 2", "log_2 of 64" is a formula name. Only bases 2, 10 and e are read.
    mutating func logarithmPhrase() -> Expression? {
        func logBase() -> Expression.Function? {
            guard isWord("base") else { return nil }
            position += 1
            if current == .minus { position += 1 }  // "base-2"
            if isWord("e") {
                position += 1
                return .ln
            }
            guard current == .number, let n = stream.integer(position) else { return nil }
            position += 1
            return n == 2 ? .log2 : n == 10 ? .log10 : nil
        }
        var f: Expression.Function? = nil
        if isWord("base") {
            guard let b = logBase(), isWord("logarithm") || isWord("log") else { return nil }
            position += 1
            f = b
        } else if isWord("logarithm") || isWord("log") {
            position += 1
            if isWord("base") {
                guard let b = logBase() else { return nil }
                f = b
            }
        } else {
            return nil
        }
        if isWord("of") { position += 1 } else if f == nil { return nil }
        shape.integerOnly = false
        shape.hasFunction = true
        guard let argument = phraseOperand() else { return nil }
        if f == nil {
            // "the logarithm of 64 to base 2", "in base 2", "with base 2".
            guard isWord("to") || isWord("in") || isWord("with") else { return nil }
            position += 1
            if isWord("the") { position += 1 }
            f = logBase()
        }
        return f.map { .function($0, argument) }
    }

    /// A number, signed or not: it computes nothing.
    static func isSignedNumber(_ e: Expression) -> Bool {
        switch e {
        case .number: return true
        case .negate(let a), .degrees(let a), .radians(let a): return isSignedNumber(a)
        default: return false
        }
    }

    static func inverse(_ f: Expression.Function) -> Expression.Function? {
        switch f {
        case .sin: return .asin
        case .cos: return .acos
        case .tan: return .atan
        default: return nil
        }
    }
}
