import Verifiers

/// Reads a math expression from tokens, for equations found in prose ("19 × 94 = 1786", "cos(3532) ≈ 0.66",
/// "$\sqrt{286225} = 535$", "(90 − 7)(90 + 7)").
///
/// Unlike ``ExpressionParser`` it never multiplies two numbers that are merely next to each other ("Step 3 19"),
/// and it records what the expression contains so the scanner can classify the claim.
struct ExpressionReader {
    let stream: TokenStream
    var position: Int
    let end: Int
    var depth = 0
    /// Whether operations in words are read too ("-3.5 plus 2", "the absolute value of -12.5"): for questions
    /// (``readWhole(_:from:)``), never for equations in answers.
    var words = false

    /// What the expression read contains.
    struct Shape {
        var integerOnly = true
        var hasFunction = false
        var hasDivision = false
        var hasDegrees = false
        var hasRadians = false
        var isSingleNumber = false
        /// Whether the expression may be read as a product of factors (``factors(of:)``): true for an expression as
        /// read, false for one rebuilt from words around a run ("12 times 5").
        var mayBeProduct = true

        /// The factors when `e`, the expression of this shape, is a product of integers or integer powers
        /// ("5 × 7² × 2383"; ``ExpressionReader/productFactors(_:)``), and the shape allows it.
        ///
        /// Worked out when asked, not when the expression is read (most are never asked), so that the shape holds
        /// no list and is copied as plain bytes.
        func factors(of e: Expression) -> [(BigInteger, BigInteger)]? {
            mayBeProduct ? ExpressionReader.productFactors(e) : nil
        }
    }
    var shape = Shape()

    init(_ stream: TokenStream, from: Int, to: Int) {
        self.stream = stream
        self.position = from
        self.end = to
    }

    /// The most tokens an expression may have to be read at all. Longer runs ("1+1+…+1" with 200,000 terms) are
    /// not read, so no claim comes from them: reading them whole would cost time quadratic in their length in the
    /// callers that shorten a run until it reads (``longest(_:from:accept:)``), and their trees depth linear in it.
    /// Real expressions in answers and questions are a few dozen tokens.
    static let maxTokens = 256

    /// Reads the tokens from..<to as one expression; nil unless they form exactly one.
    static func read(_ stream: TokenStream, _ from: Int, _ to: Int) -> (Expression, Shape)? {
        guard from < to, to - from <= maxTokens else { return nil }
        var reader = ExpressionReader(stream, from: from, to: to)
        guard let e = reader.sum(), reader.position == to else { return nil }
        var shape = reader.shape
        shape.isSingleNumber = to - from == 1 && stream.kind(from) == .number
        return (e, shape)
    }

    /// The longest expression starting at token `from` that stops before any relation ("=", "≈") and that
    /// `accept` takes: the run of math tokens is shortened from its end until one reads.
    static func longest(
        _ stream: TokenStream, from: Int, accept: (Expression, Shape) -> Bool = { _, _ in true }
    ) -> (Expression, Shape, end: Int)? {
        var end = from
        // One token past the bound is enough to know the run is too long: then nothing of it is read (a prefix
        // read instead would be half an expression).
        let limit = min(stream.count, from + maxTokens + 1)
        while end < limit, ClaimScanner.isMathToken(stream, end), stream.kind(end) != .equals,
            stream.kind(end) != .approx
        {
            end += 1
        }
        guard end - from <= maxTokens, stream.budget.spend(end - from) else { return nil }
        while end > from {
            if let (e, shape) = read(stream, from, end), accept(e, shape) { return (e, shape, end) }
            end -= 1
        }
        return nil
    }

    var current: Token.Kind? { position < end ? stream.kind(position) : nil }

    mutating func sum() -> Expression? {
        guard var left = product() else { return nil }
        while let k = current {
            if k == .plus || k == .minus {
                position += 1
                guard let right = product() else { return nil }
                left = k == .plus ? .add(left, right) : .subtract(left, right)
            } else if words, let make = wordSumOperator() {
                guard let right = product() else { return nil }
                left = make(left, right)
            } else {
                return left
            }
        }
        return left
    }

    mutating func product() -> Expression? {
        guard var left = unary() else { return nil }
        var lastDivisionWasSlash = false
        while let k = current {
            if words, let make = wordProductOperator() {
                guard let right = unary() else { return nil }
                left = make(left, right)
            } else if k == .times || (k == .word && stream.isWord(position, "x")) {
                position += 1
                guard let right = unary() else { return nil }
                left = .multiply(left, right)
            } else if k == .divide {
                // "63.95 ÷ 4/5" is read two ways (left to right, or over the fraction): neither. (So are two
                // divisions in a row in a question.)
                let slash = stream.bytes[stream[position].start] == 0x2F
                if case .divide = left, words || slash != lastDivisionWasSlash { return nil }
                lastDivisionWasSlash = slash
                position += 1
                shape.hasDivision = true
                guard var right = unary() else { return nil }
                // "619 ÷ 9.5 × 10^{4}": a number in scientific notation is one divisor.
                guard scientific(&right) else { return nil }
                left = .divide(left, right)
            } else if k == .openParen || k == .pi || k == .sqrt || (k == .word && function(at: position) != nil) {
                // Implicit multiplication: "2π", "(90 − 7)(90 + 7)", "2√3" — never number after number.
                guard let right = unary() else { return nil }
                left = .multiply(left, right)
            } else {
                return left
            }
        }
        return left
    }

    mutating func unary() -> Expression? {
        depth += 1
        defer { depth -= 1 }
        guard depth < 60 else { return nil }
        if current == .minus || words && (isWord("negative") || isWord("minus")) {
            position += 1
            return unary().map { .negate($0) }
        }
        if current == .plus {
            position += 1
            return unary()
        }
        guard let base = postfix() else { return nil }
        if words, let power = wordPower(base) { return power }
        if current == .power {
            if let (digits, next) = stream.superscriptNumber(position) {
                position = min(next, end)
                return .power(base, integerLiteral(String(digits)))
            }
            if degreeMark() { return .degrees(base) }
            position += 1
            guard let exponent = unary() else { return nil }
            return .power(base, exponent)
        }
        return base
    }

    mutating func postfix() -> Expression? {
        guard var value = primary() else { return nil }
        while let k = current {
            if words, k == .percent || isWord("percent") || isWord("per") && isWord("cent", at: 1) {
                // "20% of 80", "15 percent of 200": a percent is a hundredth.
                position += isWord("per") ? 2 : 1
                value = .divide(value, integerLiteral("100"))
                shape.hasDivision = true
                if isWord("of") {
                    position += 1
                    guard let whole = unary() else { return nil }
                    value = .multiply(value, whole)
                }
            } else if k == .degree || (k == .word && stream.isWord(position, in: Self.degreeWords)) {
                position += 1
                shape.hasDegrees = true
                value = .degrees(value)
            } else if k == .word && stream.isWord(position, in: Self.radianWords) {
                position += 1
                shape.hasRadians = true
                value = .radians(value)
            } else if k == .power, let (digits, next) = stream.superscriptNumber(position) {
                position = min(next, end)
                value = .power(value, integerLiteral(String(digits)))
            } else {
                return value
            }
        }
        return value
    }

    mutating func primary() -> Expression? {
        depth += 1
        defer { depth -= 1 }
        guard depth < 60, stream.budget.spend(), let k = current else { return nil }
        if words, k == .word {
            let start = position
            if let e = wordPhrase() { return e }
            position = start
            if isWord("pi") {
                position += 1
                shape.integerOnly = false
                shape.hasFunction = true
                return .pi
            }
        }
        switch k {
        case .number:
            let t = stream[position]
            let value = literal(at: position)
            position += 1
            if t.hasPoint { shape.integerOnly = false }
            return value
        case .pi:
            position += 1
            shape.integerOnly = false
            shape.hasFunction = true
            return .pi
        case .openParen:
            position += 1
            guard let inner = sum(), current == .closeParen else { return nil }
            position += 1
            return inner
        case .sqrt:
            position += 1
            shape.integerOnly = false
            shape.hasFunction = true
            let bare = current == .number
            guard let argument = postfix() else { return nil }
            // In a question, "√3/2" is read two ways (√3 over 2, or the root of 3/2): neither.
            if words && bare && current == .divide { return nil }
            return .function(.sqrt, argument)
        case .fraction:
            position += 1
            guard current == .openParen else { return nil }
            guard let numerator = primary(), current == .openParen, let denominator = primary() else { return nil }
            shape.hasDivision = true
            return .divide(numerator, denominator)
        case .word:
            if stream.isWord(position, "e"),
                stream.kind(position + 1) == .power
                    || words && (stream.isWord(position + 1, "to") || stream.isWord(position + 1, "raised"))
            {
                position += 1
                shape.integerOnly = false
                shape.hasFunction = true
                return .e
            }
            guard let f = function(at: position) else { return nil }
            position += 1
            shape.integerOnly = false
            shape.hasFunction = true
            if current == .power, stream.superscript(position) == nil {
                return nil  // sin^2(x): not supported
            }
            let parenthesized = current == .openParen
            guard var argument = parenthesized ? primary() : postfix() else { return nil }
            // "\ln 7.64 \times 10^{-2}": the argument is the number in scientific notation.
            if !parenthesized { guard scientific(&argument) else { return nil } }
            // "\sin 30^\circ": the degree sign marks the angle, not the sine.
            if !parenthesized, degreeMark() { argument = .degrees(argument) }
            return .function(f, argument)
        default:
            return nil
        }
    }

    private func function(at i: Int) -> Expression.Function? { Self.function(stream, i) }

    /// When the number `e` is followed by "× 10^k", reads that too and makes `e` the number in scientific notation;
    /// false when the power does not read.
    mutating func scientific(_ e: inout Expression) -> Bool {
        guard case .number = e, current == .times, stream.kind(position + 1) == .number,
            stream.kind(position + 2) == .power, position + 2 < end, stream.numberText(position + 1) == "10"
        else { return true }
        position += 1
        guard let scale = unary() else { return false }
        e = .multiply(e, scale)
        return true
    }

    /// Reads a degree mark written as a power at the position, "^\circ" or "^{\circ}", and passes it.
    mutating func degreeMark() -> Bool {
        guard current == .power else { return false }
        if stream.kind(position + 1) == .degree, position + 1 < end {  // 30^\circ
            position += 2
            shape.hasDegrees = true
            return true
        }
        if stream.kind(position + 1) == .openParen, stream.kind(position + 2) == .degree,
            stream.kind(position + 3) == .closeParen, position + 3 < end
        {  // 30^{\circ}
            position += 4
            shape.hasDegrees = true
            return true
        }
        return false
    }

    static let degreeWords = WordSet(["degrees", "degree", "deg"])
    static let radianWords = WordSet(["radians", "radian", "rad"])

    /// The function word token i names ("sin", "arccos", "log₁₀"), if any.
    static func function(_ s: TokenStream, _ i: Int) -> Expression.Function? {
        i >= 0 && i < s.count ? s[i].formulaFunction : nil
    }

    static let functionNames: [(StaticString, Expression.Function)] = [
        ("sin", .sin), ("cos", .cos), ("tan", .tan), ("tg", .tan), ("cot", .cot), ("sec", .sec), ("csc", .csc),
        ("cosec", .csc), ("arcsin", .asin), ("asin", .asin), ("arccos", .acos), ("acos", .acos), ("arctan", .atan),
        ("atan", .atan), ("sqrt", .sqrt), ("ln", .ln), ("exp", .exp), ("log10", .log10), ("log₁₀", .log10),
        ("log_10", .log10), ("log_{10}", .log10), ("lg", .log10), ("log2", .log2), ("log₂", .log2), ("log_2", .log2),
        ("log_{2}", .log2), ("lb", .log2),
    ]

    /// The literal of number token i. Tokens without an exponent hold digits, at most one point and separators:
    /// those are read from the bytes in one pass. Exponents ("1e22", "1.2E-7") go through the text.
    func literal(at i: Int) -> Expression {
        let t = stream[i]
        var fractionDigits = 0
        var hasExponent = false
        // Digits without the point, leading zeros dropped (at least "0"), written straight into the string.
        let digits = String(unsafeUninitializedCapacity: max(t.end - t.start, 1)) { out in
            var count = 0
            var inFraction = false
            for k in t.start..<t.end {
                let b = stream.bytes[k]
                if b >= 48 && b <= 57 {
                    if count > 0 || b != 48 {
                        out[count] = b
                        count += 1
                    }
                    if inFraction { fractionDigits += 1 }
                } else if b == 46 {
                    inFraction = true
                } else if b | 0x20 == 0x65 || b == 0x2B || b == 0x2D {
                    hasExponent = true
                    return 0
                }
            }
            if count == 0 {
                out[0] = 48
                count = 1
            }
            return count
        }
        if hasExponent { return literal(stream.numberText(i)) }
        return .number(DecimalLiteral(digits: digits, fractionDigits: fractionDigits, exponent: 0))
    }

    func literal(_ text: String) -> Expression {
        var exponent = 0
        var text = Substring(text)
        if let e = text.firstIndex(of: "e") {
            exponent = Int(text[text.index(after: e)...].replacing("+", with: "")) ?? 0
            text = text[..<e]
        }
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = parts.first.map(String.init) ?? "0"
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        let digits = (whole + fraction).drop { $0 == "0" }
        return .number(
            DecimalLiteral(
                digits: digits.isEmpty ? "0" : String(digits), fractionDigits: fraction.count, exponent: exponent))
    }

    func integerLiteral(_ text: String) -> Expression {
        .number(DecimalLiteral(digits: text, fractionDigits: 0, exponent: 0))
    }

    /// The integer factors (base, exponent) of a product of integers and integer powers with at least two factors.
    static func productFactors(_ e: Expression) -> [(BigInteger, BigInteger)]? {
        // Anything but a product or a power is at most one factor with exponent 1: not a product (decided before
        // any list is built, since every expression read asks).
        switch e {
        case .multiply, .power: break
        default: return nil
        }
        func factors(_ e: Expression) -> [(BigInteger, BigInteger)]? {
            switch e {
            case .multiply(let a, let b):
                guard let x = factors(a), let y = factors(b) else { return nil }
                return x + y
            case .power(let base, let exponent):
                guard let b = integer(base), let x = integer(exponent), x.signum > 0 else { return nil }
                return [(b, x)]
            default:
                guard let n = integer(e) else { return nil }
                return [(n, 1)]
            }
        }
        guard let list = factors(e), list.count >= 2 || (list.count == 1 && list[0].1 > 1) else { return nil }
        return list
    }

    /// The value of an integer literal (no fraction, no exponent), nil for anything else.
    ///
    /// A literal's digits are ASCII digits (``literal(at:)``), so up to 18 of them are read straight from the
    /// string's bytes into an Int: the value ``BigInteger/init(parsing:bounds:)`` gives them, without its generic
    /// walk over the text. Longer ones go through it.
    static func integer(_ e: Expression) -> BigInteger? {
        guard case .number(let literal) = e, literal.fractionDigits == 0, literal.exponent == 0 else { return nil }
        var digits = literal.digits
        let short = digits.withUTF8 { bytes -> Int? in
            guard !bytes.isEmpty && bytes.count <= 18 else { return nil }
            var value = 0
            for b in bytes {
                guard b >= 48 && b <= 57 else { return nil }
                value = value &* 10 &+ Int(b &- 48)
            }
            return value
        }
        if let short { return BigInteger(short) }
        return try? BigInteger(parsing: literal.digits)
    }
}
