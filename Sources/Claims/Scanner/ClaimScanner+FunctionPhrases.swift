import Verifiers

/// Function values in words: "the cosine of 3532 radians is approximately 0.66", with the angle unit they are in.
extension ClaimScanner {
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

    /// "the cosine of 3532 radians is approximately -0.99", "the square root of 5492 (which is approximately 74.1)",
    /// "the square root of 4927, which is approximately 70.24".
    mutating func valuePhrase(at i: Int) -> Int? {
        guard Self.functionWord(stream, i) != nil || (stream.isWord(i, "the") && Self.functionWord(stream, i + 1) != nil)
        else { return nil }
        guard Self.mayStateValue(stream, functionPhraseAt: i) else { return nil }
        var j = i
        guard let (expression, _) = Self.phraseExpression(stream, &j, unit: question.unit) else { return nil }
        var k = j
        if stream.kind(k) == .openParen || (stream.kind(k) == .comma && stream.isWord(k + 1, "which")) { k += 1 }
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
        let rule: StatedValueRule = Self.hasPoint(stated) ? .asWritten : approximate ? Self.approximateRule(stated) : .exact
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
    /// at e (after an optional "(" and "which", or ", which"), "is", "=" or "≈". Every token before E is a math token other than
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
        if s.kind(end) == .comma && s.isWord(end + 1, "which") { end += 1 }
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
}
