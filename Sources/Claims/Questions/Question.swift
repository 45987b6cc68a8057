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
    /// The expression a question is about when it is no value asked for whole: "Compute 3^100 mod 7" → 3^100 (the
    /// reader computes no remainder as a value), "Is 4^545 + 545^4 a prime number?" → 4^545 + 545^4. Never judged:
    /// it only tells which of the answer's steps is its answer.
    var stem: Expression?
    /// The rounding the prompt asks for ("rounded to one decimal place").
    var rule: StatedValueRule?
    /// The prompt used up its reading budget (``ReadingBudget``): it asks for no value, whatever it holds.
    var unread = false

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
        // A prompt whose reading ran out of steps (``ReadingBudget``) was not read whole: it asks for no value.
        if stream.budget.isExhausted {
            target = nil
            targetIsFunction = false
            stem = nil
            unread = true
        }
    }

    /// Nouns that name a number's role in another one ("the factor 2", "the digit 7", "base 10").
    static let roleNouns = WordSet(["factor", "divisor", "digit", "base", "exponent", "modulus", "power"])

    /// The expression a "what is / compute / find" question asks for, read whole or not at all: after the
    /// expression only the end of the question may follow (``endsQuestion(_:_:)``): "What is -3.5 plus 2?" asks
    /// for -1.5, never for -3.5, and "What is 7 mod 3?" (which the reader does not read) asks for nothing it knows.
    private mutating func readTarget(_ stream: TokenStream) {
        var i = 0
        var asked = false
        while i < stream.count {
            let trigger =
                stream.isWord(i, in: Self.targetTriggers) || stream.isWord(i, in: Self.verbTriggers)
                || (stream.isWord(i, "what") && stream.isWord(i + 1, "is"))
            if !trigger {
                i += 1
                continue
            }
            asked = true
            var j = stream.isWord(i, in: Self.verbTriggers) ? i : i + (stream.isWord(i, "what") ? 2 : 1)
            // "the value of", "the exact value of" (but "the sum of" is the expression's own).
            while stream.isWord(j, in: Self.targetPreambles),
                !stream.isWord(j, "the") || stream.isWord(j + 1, in: Self.targetPreambles)
            {
                j += 1
            }
            if let (e, shape, end) = ExpressionReader.readWhole(stream, from: j),
                ClaimScanner.hasOperation(e) || !shape.isSingleNumber
            {
                if Self.endsQuestion(stream, end) {
                    target = e
                    targetIsFunction = shape.hasFunction
                    return
                }
                // "Compute 5 × (5^2)^2 modulo 11": no value the reader computes, but the step that computes the
                // expression before "modulo" is the one that answers.
                if stream.isModulo(end), stream.integer(end + 1) != nil, Self.endsQuestion(stream, end + 2) {
                    stem = e
                    return
                }
            }
            var k = j
            if let (e, isFunction) = ClaimScanner.phraseExpression(stream, &k, unit: nil), Self.endsQuestion(stream, k) {
                target = e
                targetIsFunction = isFunction
                return
            }
            i += 1
        }
        // A question that asks in words but not in a way read whole asks for no value: what follows finds at most
        // its stem.
        // No "what is": the first expression that computes something ("cos(49) = ?", "Quick: sqrt(44)"). A number
        // that no math follows (but "=" or "≈", where the expression stops) reads as a lone number, which computes
        // nothing: it is passed over without the reading. For a value question, it must be the whole of it.
        let valueQuestion = !asksPrimality && !asksFactorization && !asksParity && divisor == nil
        var k = 0
        while k < stream.count {
            guard ClaimScanner.isMathToken(stream, k), stream.kind(k) != .closeParen,
                stream.kind(k) != .number || ClaimScanner.isMathToken(stream, k + 1) && stream.kind(k + 1) != .equals
                    && stream.kind(k + 1) != .approx
            else {
                k += 1
                continue
            }
            if let (e, shape, end) = ExpressionReader.longest(
                stream, from: k, accept: { !$1.isSingleNumber && ClaimScanner.hasOperation($0) })
            {
                // Whole: the question ends after it, and nothing before it is an operand or a relation it belongs
                // to ("Solve for x: 4x + 17 = -15" asks for no value, least of all -15).
                if !valueQuestion || asked || !Self.endsQuestion(stream, end)
                    || stream.isWord(k - 1, in: ClaimScanner.operatorWords) || ClaimScanner.isMathToken(stream, k - 1)
                    || stream.kind(k - 1) == .otherRelation || ExpressionReader.isSignedNumber(e)
                {
                    if stem == nil { stem = e }
                    return
                }
                target = e
                targetIsFunction = shape.hasFunction
                return
            }
            k += 1
        }
    }

    /// Whether the question's expression, ending before token i, is all it asks: the question ends there ("?",
    /// ".", the end), or goes on only with how to give the answer: a rounding ("rounded to 2 decimal places", "to
    /// the nearest tenth", ", correct to 3 significant figures"), a unit or a form ("in radians", "as a
    /// decimal"), "= ?". Anything else ("plus", "mod 7", "prime") means the expression was not read whole.
    static func endsQuestion(_ s: TokenStream, _ i: Int) -> Bool {
        var k = i
        guard let kind = s.kind(k) else { return true }
        switch kind {
        case .question, .period, .exclamation, .newline, .semicolon:
            return true
        case .equals, .approx:
            guard let next = s.kind(k + 1) else { return true }
            return next == .question || next == .newline || next == .period
        case .comma, .openParen:
            k += 1
        case .word:
            break
        default:
            return false
        }
        if s.isWord(k, in: Self.answerFormWords) { return true }
        if s.isWord(k, "to") {
            // "to 2 decimal places", "to the nearest tenth", "to three significant figures".
            if s.isWord(k + 1, "the") && s.isWord(k + 2, "nearest") { return true }
            return count(s, k + 1) != nil && (s.isWord(k + 2, in: Self.precisionWords) || s.isWord(k + 2, "d")
                || s.isWord(k + 2, "s") || s.isWord(k + 2, "dp") || s.isWord(k + 2, "sf"))
        }
        if s.isWord(k, "in") || s.isWord(k, "as") {
            var m = k + 1
            if s.isWord(m, "a") || s.isWord(m, "an") || s.isWord(m, "the") { m += 1 }
            return s.isWord(m, in: Self.answerForms)
        }
        // A unit after the number: "… 3532 radians" is read with it; "(radians)".
        return kind == .openParen && s.isWord(k, in: ClaimScanner.unitWords)
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
        for i in 0..<stream.count where stream.isWord(i, "nearest") {
            // "to the nearest whole number", "nearest integer", "nearest tenth".
            let k = stream.isWord(i + 1, "whole") ? i + 2 : i + 1
            if stream.isWord(k, in: Self.wholeWords) { return .decimalPlaces(0) }
            for (n, w) in Self.placeWords.enumerated() where stream.isWord(k, w) { return .decimalPlaces(n + 1) }
        }
        for i in 0..<stream.count where stream.isWord(i, "d") || stream.isWord(i, "s") || stream.isWord(i, "dp")
            || stream.isWord(i, "sf")
        {
            // "to 3 d.p.", "1 s.f.", "2 dp".
            guard let n = count(stream, i - 1) else { continue }
            let decimal = stream.isWord(i, "d") || stream.isWord(i, "dp")
            if stream.isWord(i, "dp") || stream.isWord(i, "sf") {
                return decimal ? .decimalPlaces(n) : .significantFigures(n)
            }
            guard stream.kind(i + 1) == .period, stream.isWord(i + 2, decimal ? "p" : "f") else { continue }
            return decimal ? .decimalPlaces(n) : .significantFigures(n)
        }
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
    /// Verbs that ask for a value and are part of its expression ("Add 886 to -941,277", "Divide 1 by -8").
    static let verbTriggers = WordSet(["add", "subtract", "multiply", "divide"])
    static let targetPreambles = WordSet(["the", "value", "of", "exact", "approximate", "numerical"])
    /// Words that start a clause about how to give the answer ("rounded to …", ", give your answer in …").
    static let answerFormWords = WordSet([
        "rounded", "round", "rounding", "correct", "accurate", "give", "giving", "answer", "express", "expressed",
        "please", "approximately", "exactly", "using",
    ])
    /// What "in" or "as" may ask the answer in: a unit or a form.
    static let answerForms = WordSet([
        "radians", "radian", "degrees", "degree", "decimal", "decimals", "fraction", "simplest", "lowest", "exact",
        "scientific",
    ])
    static let wholeWords = WordSet(["number", "integer", "unit", "one"])
    static let placeWords: [StaticString] = ["tenth", "hundredth", "thousandth"]
    static let precisionWords = WordSet(["decimal", "significant"])
    static let figureWords = WordSet(["figures", "figure", "digits", "digit"])
}
