/// A bare value answering a question about a function value.
extension ClaimScanner {
    // MARK: - A bare value as the answer

    /// "-0.4" (or "≈ -0.4", "The answer is 0.66") answering "What is the sine of -0.413 radians?".
    mutating func scanValueAnswer() {
        guard let target = question.target else { return }
        // The answer's meaningful tokens, without markup and trailing punctuation.
        var first = 0
        var last = stream.count
        while first < last,
            stream.kind(first).map({ $0.bit & Self.beforeValueAnswer != 0 }) == true
                || stream.isWord(first, in: Self.answerPreambles)
        {
            first += 1
        }
        while last > first, stream.kind(last - 1).map({ $0.bit & Self.afterValueAnswer != 0 }) == true {
            last -= 1
        }
        guard first < last, last - first <= 3 else { return }
        var k = first
        var negative = false
        if stream.kind(k) == .minus {
            negative = true
            k += 1
        }
        guard stream.kind(k) == .number else { return }
        var end = k + 1
        if stream.isWord(end, in: Self.unitNames) || stream.kind(end) == .degree { end += 1 }
        guard end == last else { return }
        let stated = (negative ? "-" : "") + stream.numberText(k)
        let rule = question.rule ?? (Self.hasPoint(stated) ? .asWritten : .exact)
        claims.append(
            Claim(
                kind: question.targetIsFunction ? .function : .arithmetic,
                statement: .value(target, stated: stated, statedExpression: nil, rule: rule, unit: question.unit ?? .radians,
                    negated: false),
                bytes: stream[first].start..<stream[last - 1].end))
        claims[claims.count - 1].role = .answer
    }
}
