import Verifiers

/// What the prompt asks, as far as the claim scanner needs to know: the number a yes/no question is about, the
/// value a "what is" question wants, the unit of its angles and the rounding it asks for.
struct Question {
    /// The number the question is about ("Is 17077 a prime number?").
    var subject: BigInteger?
    var asksPrimality = false
    /// "Is N divisible by d?"
    var divisor: BigInteger?
    var asksFactorization = false
    /// "Is N even or odd?"
    var asksParity = false
    /// The prompt asks for the answer as "[Yes]" or "[No]".
    var bracketAnswers = false
    /// The unit the prompt's angles are in, when it says.
    var unit: AngleUnit?
    /// The prompt mentions both degrees and radians.
    var unitAmbiguous = false
    /// The value a "what is" question asks for.
    var target: Expression?
    var targetIsFunction = false
    /// The rounding the prompt asks for ("rounded to one decimal place").
    var rule: StatedValueRule?

    init() {}

    init(_ stream: TokenStream) {
        var sawDegrees = false
        var sawRadians = false
        // The sets are read once, not through their lazy initializers on every token.
        let degreeWords = ExpressionReader.degreeWords
        let radianWords = ExpressionReader.radianWords
        let primalityWords = Self.primalityWords
        let factorNouns = Self.factorNouns
        let factorWords = Self.factorWords
        let divisible = ClaimScanner.divisibleNumber
        for i in 0..<stream.count {
            let k = stream[i].kind
            if k == .degree { sawDegrees = true }
            if k == .openBracket, stream.isWord(i + 1, in: Self.yesOrNo), stream.kind(i + 2) == .closeBracket {
                bracketAnswers = true
            }
            // The rest are questions about words.
            guard k == .word else { continue }
            if stream.isWord(i, in: degreeWords) { sawDegrees = true }
            if stream.isWord(i, in: radianWords) { sawRadians = true }
            if stream.isWord(i, in: primalityWords) {
                if stream.isWord(i + 1, in: factorNouns) {
                    asksFactorization = true
                } else {
                    asksPrimality = true
                }
            }
            if stream.isWord(i, in: factorWords) {
                asksFactorization = true
            }
            if stream.isWord(i, "even") || stream.isWord(i, "odd") { asksParity = true }
            if stream.isWord(i, divisible), stream.isWord(i + 1, "by"), let d = stream.integer(i + 2),
                let n = Self.integerEnding(stream, at: i)
            {
                divisor = d
                subject = n
            }
        }
        if sawDegrees && sawRadians {
            unitAmbiguous = true
        } else if sawDegrees {
            unit = .degrees
        } else if sawRadians {
            unit = .radians
        }
        // "How often does the factor 2 occur in …": a number named by its role in something else is not what the
        // question is about ("Factor 583835" is).
        if subject == nil, let first = (0..<stream.count).first(where: { stream.kind($0) == .number }),
            Self.standsAlone(stream, at: first),
            !(stream.isWord(first - 1, in: Self.roleNouns) && stream.isWord(first - 2, in: ClaimScanner.articlesAndThe))
        {
            subject = Self.integerStarting(stream, at: first)
        }
        readTarget(stream)
        rule = Self.rounding(stream)
    }

    /// Nouns that name a number's role in another one ("the factor 2", "the digit 7", "base 10").
    static let roleNouns = WordSet(["factor", "divisor", "digit", "base", "exponent", "modulus", "power"])

    /// The expression a "what is / compute / find" question asks for.
    private mutating func readTarget(_ stream: TokenStream) {
        var i = 0
        while i < stream.count {
            let trigger =
                stream.isWord(i, in: Self.targetTriggers)
                || (stream.isWord(i, "what") && stream.isWord(i + 1, "is"))
            if !trigger {
                i += 1
                continue
            }
            var j = i + (stream.isWord(i, "what") ? 2 : 1)
            while stream.isWord(j, in: Self.targetPreambles) && !isPhraseStart(stream, j) {
                j += 1
            }
            if let (e, isFunction) = ClaimScanner.phraseExpression(stream, &j, unit: nil) {
                target = e
                targetIsFunction = isFunction
                return
            }
            // A math run: "cos(3532 radians)", "19 × 94 + 50 ÷ 2".
            if let (e, shape, _) = ExpressionReader.longest(stream, from: j, accept: { !$1.isSingleNumber }) {
                target = e
                targetIsFunction = shape.hasFunction
                return
            }
            i += 1
        }
        // No "what is": the first expression that computes something ("cos(49) = ?", "Quick: sqrt(44)"). A number
        // that no math follows (but "=" or "≈", where the expression stops) reads as a lone number, which computes
        // nothing: it is passed over without the reading.
        var k = 0
        while k < stream.count {
            guard ClaimScanner.isMathToken(stream, k), stream.kind(k) != .closeParen,
                stream.kind(k) != .number || ClaimScanner.isMathToken(stream, k + 1) && stream.kind(k + 1) != .equals
                    && stream.kind(k + 1) != .approx
            else {
                k += 1
                continue
            }
            if let (e, shape, _) = ExpressionReader.longest(
                stream, from: k, accept: { !$1.isSingleNumber && ClaimScanner.hasOperation($0) })
            {
                target = e
                targetIsFunction = shape.hasFunction
                return
            }
            k += 1
        }
    }

    private func isPhraseStart(_ stream: TokenStream, _ j: Int) -> Bool {
        stream.isWord(j, "the") && ClaimScanner.functionWord(stream, j + 1) != nil
    }

    /// The integer value of the expression starting at token i ("2^10 − 1" → 1023, "17077" → 17077).
    ///
    /// A lone integer literal (most questions) is its own value: ``Rational/init(_:)`` of it is the parsed digits
    /// over 1, or nil when they are wider than ``Rational/maxBits``, so that is what is returned without the
    /// fraction's arithmetic.
    static func integerStarting(_ stream: TokenStream, at i: Int) -> BigInteger? {
        guard let (e, _, _) = ExpressionReader.longest(stream, from: i, accept: { $1.integerOnly }) else { return nil }
        if let n = ExpressionReader.integer(e) { return n.bitWidth <= Rational.maxBits ? n : nil }
        return Rational(e).flatMap { $0.den == 1 ? $0.num : nil }
    }

    /// Whether the expression starting with the number at token i is a number of its own, not part of a formula
    /// with letters ("x^3 + 3"), a name ("F5"), a pattern of digits ("1000...0001", "22...22") or a list ("{1, 2, ...,
    /// 99}"): only then can the question be about it.
    static func standsAlone(_ stream: TokenStream, at i: Int) -> Bool {
        if let before = stream.kind(i - 1) {
            if before == .power || before == .times || before == .divide || before == .plus || before == .minus {
                return false
            }
            if (before == .word || before == .other) && stream.adjacent(i - 1) { return false }
            // The first of a set or a list: "n in {1, 2, ..., 99}".
            if before == .openParen || before == .openBracket { return false }
        }
        guard let (_, _, end) = ExpressionReader.longest(stream, from: i) else { return false }
        guard let after = stream.kind(end) else { return true }
        if after == .ellipsis || after == .comma || after == .period && stream.kind(end + 1) == .period { return false }
        return !((after == .word || after == .other) && stream.adjacent(end - 1))
    }

    /// The integer value of the expression that ends just before token i ("Is 2^10 − 1 divisible by 3").
    static func integerEnding(_ stream: TokenStream, at i: Int) -> BigInteger? {
        var j = i - 1
        if stream.isWord(j, in: ClaimScanner.evenlyOrExactly) { j -= 1 }
        var start = j
        while start > 0, ClaimScanner.isMathToken(stream, start - 1), stream.kind(start - 1) != .equals { start -= 1 }
        while start <= j {
            if let (e, shape) = ExpressionReader.read(stream, start, j + 1), shape.integerOnly {
                return Rational(e).flatMap { $0.den == 1 ? $0.num : nil }
            }
            start += 1
        }
        return nil
    }

    /// "rounded to one decimal place", "to 3 decimal places", "4 significant figures".
    static func rounding(_ stream: TokenStream) -> StatedValueRule? {
        for i in 0..<stream.count where stream.isWord(i, in: Self.precisionWords) {
            guard let n = count(stream, i - 1) else { continue }
            if stream.isWord(i, "decimal") { return .decimalPlaces(n) }
            if stream.isWord(i + 1, in: Self.figureWords) { return .significantFigures(n) }
        }
        return nil
    }

    static func count(_ stream: TokenStream, _ i: Int) -> Int? {
        if let n = stream.integer(i)?.intValue { return n }
        let words: [StaticString] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        for (value, w) in words.enumerated() where stream.isWord(i, w) { return value }
        return nil
    }

    // MARK: - Word sets (built once; a test holds them equal to the word lists they replace)

    static let primalityWords = WordSet(["prime", "composite", "primality"])
    static let factorNouns = WordSet(["factorization", "factorisation", "factors", "factor", "decomposition"])
    static let factorWords = WordSet(["factor", "factorize", "factorise", "factorization", "factorisation"])
    static let yesOrNo = WordSet(["yes", "no"])
    static let targetTriggers = WordSet([
        "what's", "compute", "calculate", "evaluate", "find", "determine", "approximate",
    ])
    static let targetPreambles = WordSet(["the", "value", "of", "exact", "approximate", "numerical"])
    static let precisionWords = WordSet(["decimal", "significant"])
    static let figureWords = WordSet(["figures", "figure", "digits", "digit"])
}
