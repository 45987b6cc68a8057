import Verifiers

/// A bare value answering a question whose expression was read whole.
extension ClaimScanner {
    // MARK: - A bare value as the answer

    /// "-1.5", "**16**", "The answer is 12.5.", "≈ -0.4", "0.52 (radians)", "$\boxed{-\frac{1}{2}}$" answering a
    /// question whose target was read whole ("What is -3.5 plus 2?", "What is the sine of -0.413 radians?").
    mutating func scanValueAnswer() {
        guard let target = question.target else { return }
        // The answer's meaningful tokens, without markup and trailing punctuation.
        var first = 0
        var last = stream.count
        while first < last,
            stream.kind(first).map({ $0.bit & Self.beforeValueAnswer != 0 }) == true
                || stream.isWord(first, in: Self.answerPreambles) || stream.isWord(first, in: Self.answerLeadWords)
        {
            first += 1
        }
        while last > first, stream.kind(last - 1).map({ $0.bit & Self.afterValueAnswer != 0 }) == true {
            last -= 1
        }
        guard first < last, last - first <= 12 else { return }
        // A unit after the value: "30 degrees", "0.52 (radians)".
        var valueEnd = last
        // The claim's text ends where the answer does: with the bracket of "0.52 (radians)" trimmed above.
        var textEnd = last
        if stream.isWord(last - 1, in: Self.unitNames) || stream.kind(last - 1) == .degree {
            valueEnd = last - 1
            if stream.kind(valueEnd - 1) == .openParen {
                valueEnd -= 1
                if stream.kind(last) == .closeParen { textEnd = last + 1 }
            }
        }
        // The value is read whole, with the closing brackets trimmed above given back ("\frac{1}{2}}").
        var value: (Expression, Int)? = nil
        var end = min(valueEnd == last ? stream.count : valueEnd, valueEnd + 4)
        while end >= valueEnd {
            if let (e, _) = ExpressionReader.read(stream, first, end), Self.isStatedValue(e) {
                value = (e, end)
                break
            }
            end -= 1
        }
        guard let (stated, _) = value else { return }
        let text: String
        let statedExpression: Expression?
        switch stated {
        case .number(let literal):
            text = literal.description
            statedExpression = nil
        case .negate(.number(let literal)):
            text = "-" + literal.description
            statedExpression = nil
        default:
            text = stream.text(first, valueEnd)
            statedExpression = stated
        }
        let rule = question.rule ?? (statedExpression == nil && Self.hasPoint(text) ? .asWritten : .exact)
        claims.append(
            Claim(
                kind: question.targetIsFunction ? .function : .arithmetic,
                statement: .value(target, stated: text, statedExpression: statedExpression, rule: rule,
                    unit: question.unit ?? .radians, negated: false),
                bytes: stream[first].start..<stream[textEnd - 1].end))
        claims[claims.count - 1].role = .answer
    }

    /// More words that lead into a bare answer and state nothing themselves: "So the answer is **46**.", "Result:
    /// 22", "It is approximately 3.03.", "That gives 12." (read once per answer, so outside the vocabulary).
    static let answerLeadWords = WordSet([
        "so", "result", "it", "it's", "that", "thus", "hence", "therefore", "roughly", "around", "approx", "equals",
        "gives", "value", "we", "get", "this", "here", "final", "solution", "comes", "out", "to", "of",
    ])

    /// Whether `e` is a value as an answer states one: a number, a negated one, or a fraction of them ("-1/2").
    static func isStatedValue(_ e: Expression) -> Bool {
        switch e {
        case .number: return true
        case .negate(let a): return isStatedValue(a)
        case .divide(let a, let b):
            if case .number = a, case .number = b { return true }
            if case .negate(.number) = a, case .number = b { return true }
            return false
        default: return false
        }
    }
}
