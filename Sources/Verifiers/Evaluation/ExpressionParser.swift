/// Parses the calculator's expression language into an ``Expression``.
///
/// Grammar (loosest first):
/// ```
/// sum      = product { ("+" | "-" | "−") product }
/// product  = unary { ("*" | "×" | "·" | "⋅" | "x" | "/" | "÷" | implicit) unary }
/// unary    = ("-" | "−" | "+") unary | power
/// power    = postfix [ ("^" | "**") unary ]
/// postfix  = primary { "°" | "deg" | "degrees" | "rad" | "radians" | "²" | "³" }
/// primary  = number | "π" | "pi" | "e" | "(" sum ")" | "[" sum "]" | function "(" sum ")" | function unary
///          | ("√" | "sqrt") postfix
/// ```
/// Numbers are decimal with an optional exponent: `3532`, `0.413`, `1e22`, `1.2E-7`. Implicit multiplication
/// binds like `×` ("2π/3" is (2π)/3). `log` is the natural logarithm, like `ln`.
public struct ExpressionParser {
    private var scalars: [Unicode.Scalar]
    private var position = 0
    private var depth = 0
    private let bounds: Bounds
    private let source: String

    /// Parses `text`.
    /// - Throws: `invalid_expression` naming the position and what was expected; `too_large` for inputs past the
    ///   length, nesting or exponent bounds.
    public static func parse(_ text: String, bounds: Bounds = .standard) throws(VerifierError) -> Expression {
        guard text.unicodeScalars.count <= bounds.maxExpressionLength else {
            throw VerifierError(
                .tooLarge, "the expression has \(text.count) characters; the limit is \(bounds.maxExpressionLength)")
        }
        var parser = ExpressionParser(text: text, bounds: bounds)
        parser.skipSpace()
        guard !parser.atEnd else { throw VerifierError(.invalidExpression, "the expression is empty") }
        let expression = try parser.parseSum()
        parser.skipSpace()
        if let extra = parser.current { throw parser.failure("unexpected '\(extra)'") }
        return expression
    }

    private init(text: String, bounds: Bounds) {
        self.scalars = Array(text.unicodeScalars)
        self.bounds = bounds
        self.source = text
    }

    // MARK: - Grammar

    private mutating func parseSum() throws(VerifierError) -> Expression {
        var left = try parseProduct()
        while true {
            skipSpace()
            if take("+") {
                left = .add(left, try parseProduct())
            } else if take("-") || take("−") || take("–") {
                left = .subtract(left, try parseProduct())
            } else {
                return left
            }
        }
    }

    private mutating func parseProduct() throws(VerifierError) -> Expression {
        var left = try parseUnary()
        while true {
            skipSpace()
            if take("*") || take("×") || take("·") || take("⋅") || take("∙") || takeWord("x") || takeWord("times") {
                left = .multiply(left, try parseUnary())
            } else if take("/") || take("÷") || take("∕") {
                left = .divide(left, try parseUnary())
            } else if startsPrimary {
                left = .multiply(left, try parseUnary())
            } else {
                return left
            }
        }
    }

    private mutating func parseUnary() throws(VerifierError) -> Expression {
        try enter()
        defer { depth -= 1 }
        skipSpace()
        if take("-") || take("−") || take("–") { return .negate(try parseUnary()) }
        if take("+") { return try parseUnary() }
        let base = try parsePostfix()
        skipSpace()
        if take("^") || take("**") {
            return .power(base, try parseUnary())
        }
        return base
    }

    private mutating func parsePostfix() throws(VerifierError) -> Expression {
        var value = try parsePrimary()
        while true {
            skipSpace()
            if take("°") || take("º") || takeWord("degrees") || takeWord("degree") || takeWord("deg") {
                value = .degrees(value)
            } else if takeWord("radians") || takeWord("radian") || takeWord("rad") {
                value = .radians(value)
            } else if take("²") {
                value = .power(value, .number(DecimalLiteral(digits: "2", fractionDigits: 0, exponent: 0)))
            } else if take("³") {
                value = .power(value, .number(DecimalLiteral(digits: "3", fractionDigits: 0, exponent: 0)))
            } else {
                return value
            }
        }
    }

    private mutating func parsePrimary() throws(VerifierError) -> Expression {
        try enter()
        defer { depth -= 1 }
        skipSpace()
        guard let c = current else { throw failure("expected a number, a constant, a function or '('") }
        if c == "(" || c == "[" || c == "{" {
            position += 1
            let inner = try parseSum()
            skipSpace()
            let close: Unicode.Scalar = c == "(" ? ")" : c == "[" ? "]" : "}"
            guard take(close) else { throw failure("expected '\(close)'") }
            return inner
        }
        if take("π") || take("𝜋") { return .pi }
        if take("√") {
            return .function(.sqrt, try parsePostfix())
        }
        if isDigit(c) || (c == "." && position + 1 < scalars.count && isDigit(scalars[position + 1])) {
            return .number(try parseNumber())
        }
        if isLetter(c) {
            let start = position
            while let s = current, isLetter(s) || isDigit(s) { position += 1 }
            var name = String(String.UnicodeScalarView(scalars[start..<position])).lowercased()
            // "log10", "log2" are names; "e2" or "pi2" would be a constant times 2: split digits off constants.
            if name.hasPrefix("pi"), name.dropFirst(2).allSatisfy(\.isNumber), name.count > 2 {
                position = start + 2
                name = "pi"
            }
            switch name {
            case "pi": return .pi
            case "e": return .e
            default: break
            }
            guard let function = Self.functions[name] else {
                position = start
                throw failure("unknown name '\(name)'; known: pi, e, " + Self.functionNames)
            }
            skipSpace()
            if current == "(" {
                position += 1
                let argument = try parseSum()
                skipSpace()
                guard take(")") else { throw failure("expected ')' after the argument of \(name)") }
                return .function(function, argument)
            }
            return .function(function, try parseUnary())
        }
        throw failure("unexpected '\(c)'")
    }

    private mutating func parseNumber() throws(VerifierError) -> DecimalLiteral {
        var digits = ""
        var fractionDigits = 0
        while let c = current, isDigit(c) {
            digits.unicodeScalars.append(c)
            position += 1
        }
        if current == ".", position + 1 < scalars.count, isDigit(scalars[position + 1]) {
            position += 1
            while let c = current, isDigit(c) {
                digits.unicodeScalars.append(c)
                fractionDigits += 1
                position += 1
            }
        } else if current == ".", position + 1 >= scalars.count || !isLetter(scalars[position + 1]) {
            position += 1  // "3." is 3
        }
        var exponent = 0
        if current == "e" || current == "E" {
            var look = position + 1
            var negative = false
            if look < scalars.count, scalars[look] == "+" || scalars[look] == "-" || scalars[look] == "−" {
                negative = scalars[look] != "+"
                look += 1
            }
            if look < scalars.count, isDigit(scalars[look]) {
                var text = ""
                while look < scalars.count, isDigit(scalars[look]) {
                    text.unicodeScalars.append(scalars[look])
                    look += 1
                }
                guard text.count <= 9, let value = Int(text) else {
                    throw failure("the exponent \(abbreviated(text)) is too large")
                }
                exponent = negative ? -value : value
                position = look
            }
        }
        let trimmed = digits.drop { $0 == "0" }
        let literal = DecimalLiteral(
            digits: trimmed.isEmpty ? "0" : String(trimmed), fractionDigits: fractionDigits, exponent: exponent)
        guard literal.isZero || abs(literal.magnitude) <= bounds.maxDecimalExponent else {
            throw VerifierError(
                .tooLarge,
                "the number \(abbreviated(literal.description)) is about 10^\(literal.magnitude - 1); "
                    + "the calculator works with magnitudes up to 10^\(bounds.maxDecimalExponent)")
        }
        return literal
    }

    // MARK: - Lexical helpers

    static let functions: [String: Expression.Function] = [
        "sin": .sin, "cos": .cos, "tan": .tan, "tg": .tan, "cot": .cot, "cotan": .cot, "sec": .sec, "csc": .csc,
        "cosec": .csc, "asin": .asin, "arcsin": .asin, "acos": .acos, "arccos": .acos, "atan": .atan,
        "arctan": .atan, "sqrt": .sqrt, "exp": .exp, "ln": .ln, "log": .ln, "log10": .log10, "lg": .log10,
        "log2": .log2, "lb": .log2, "abs": .abs,
    ]
    static let functionNames = functions.keys.sorted().joined(separator: ", ")

    private var atEnd: Bool { position >= scalars.count }
    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    /// Whether the next token can begin a factor, for implicit multiplication ("2π", "2 sqrt(3)", "3(4)").
    private var startsPrimary: Bool {
        guard let c = current else { return false }
        if c == "(" || c == "π" || c == "√" || isDigit(c) { return true }
        if isLetter(c) {
            // A word that is an operator or a unit is not a factor.
            for word in ["x", "times", "deg", "degree", "degrees", "rad", "radian", "radians"] where peekWord(word) {
                return false
            }
            return true
        }
        return false
    }

    private mutating func enter() throws(VerifierError) {
        depth += 1
        guard depth <= bounds.maxNesting else {
            throw VerifierError(.tooLarge, "the expression nests deeper than \(bounds.maxNesting) levels")
        }
    }

    private mutating func skipSpace() {
        while let c = current, c.properties.isWhitespace { position += 1 }
    }

    private mutating func take(_ text: String) -> Bool {
        let pattern = Array(text.unicodeScalars)
        guard position + pattern.count <= scalars.count,
            Array(scalars[position..<position + pattern.count]) == pattern
        else { return false }
        position += pattern.count
        return true
    }

    private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard current == scalar else { return false }
        position += 1
        return true
    }

    /// Whether `word` comes next as a whole word (not followed by a letter).
    private func peekWord(_ word: String) -> Bool {
        let pattern = Array(word.unicodeScalars)
        guard position + pattern.count <= scalars.count else { return false }
        for (i, p) in pattern.enumerated() where scalars[position + i].properties.lowercaseMapping != String(p) {
            return false
        }
        let after = position + pattern.count
        return after >= scalars.count || !isLetter(scalars[after])
    }

    private mutating func takeWord(_ word: String) -> Bool {
        guard peekWord(word) else { return false }
        position += word.unicodeScalars.count
        return true
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
    private func isLetter(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122)
    }

    private func failure(_ message: String) -> VerifierError {
        VerifierError(.invalidExpression, "\(message) at character \(position + 1) of '\(abbreviated(source, limit: 60))'")
    }
}
