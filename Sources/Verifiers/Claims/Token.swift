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
    /// For words: ``Token/key(_:count:)`` of the word, for ``WordSet`` lookups (0 for other tokens).
    var key: UInt64 = 0
}
