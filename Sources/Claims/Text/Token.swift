import Verifiers

/// One lexical unit of a model's answer, as the claim scanner sees it: positions are UTF-8 byte offsets into the
/// text, and nothing is copied (the scanner's hot path allocates nothing per token).
struct Token: Equatable {
    enum Kind: UInt8, Equatable {
        /// Digits, possibly with thousands separators and a decimal fraction ("34,792,834", "0.66").
        case number
        /// ASCII letters and apostrophes ("prime", "isn't"), lower-cased on comparison.
        case word
        case plus, minus, times, divide, power
        /// "=", "≈", "≠" (and their LaTeX forms).
        case equals, approx, notEqual
        /// "<", "≤", "≡" and other relations that end an equation.
        case otherRelation
        case openParen, closeParen, openBracket, closeBracket
        case sqrt, pi, degree, percent
        /// "\frac": the next two brace groups are a numerator and a denominator.
        case fraction
        case comma, period, colon, semicolon, question, exclamation
        /// A line break; two in a row end a paragraph.
        case newline
        case ellipsis
        /// LaTeX's \boxed: the final-answer box.
        case boxed
        /// Anything else that breaks an expression or a phrase.
        case other
    }

    var kind: Kind
    var start: Int
    var end: Int
    /// For numbers: the number has separators (commas, thin spaces) to drop, or a decimal point.
    var hasSeparators = false
    var hasPoint = false
    /// The token starts a line (after a newline or at the start).
    var afterLineStart = false
    /// For words: the function the word names in formulas ("sin", "log₁₀") and in prose ("sine", "square" of
    /// "square root"), looked up once when the text is tokenized.
    var formulaFunction: Expression.Function? = nil
    var proseFunction: Expression.Function? = nil
    /// For words: the word's number in the ``Vocabulary`` (0 when it has none, and for other tokens), for
    /// ``WordSet`` lookups, and what the scanner may do with it. Set by the tokenizer. (Declared before `key` so
    /// that they fill the padding after the flags: a token stays 40 bytes.)
    var word: UInt8 = 0
    var traits: WordTraits = []
    /// For words: ``Token/key(_:count:)`` of the word (0 for other tokens).
    var key: UInt64 = 0
}

/// What the scanner may do with a word, decided once per word when the text is tokenized, so that the passes of
/// the scanner skip the words that can start nothing with one bit test.
struct WordTraits: OptionSet, Sendable {
    let rawValue: UInt8

    /// A word ``ClaimScanner/isMathToken(_:_:)`` may take: a function name in formulas or in prose, a unit, "x" or
    /// "e". Every other word is not part of an equation.
    static let mathWord = WordTraits(rawValue: 1 << 0)
    /// A word a statement in words may start with (``ClaimScanner/scanPhrases()``): a function word in prose, a
    /// pronoun for the question's number ("it", "it's", "this", "the"), "prime", "factorization".
    static let phraseStart = WordTraits(rawValue: 1 << 1)
}

extension Token.Kind {
    /// This kind's bit in a set of kinds held in 64 bits (there are fewer than 64 kinds).
    @inline(__always)
    var bit: UInt64 { 1 &<< UInt64(rawValue) }
}
