import Verifiers

/// The answer to a comparison question: "true", "**No**", "Yes, it is.", "ANSWER: False".
extension ClaimScanner {
    // MARK: - Comparison answers

    /// A yes/no/true/false answer to a question that compares two values read whole (``Question/comparison``): the
    /// first word of the answer (after markup and "Answer:"), followed by nothing, a period, "!" or a comma. An
    /// answer that says yes, no, true or false more than once is read as no answer (it may take one back).
    mutating func scanComparisonAnswer() {
        guard let (a, relation, b) = question.comparison else { return }
        var first = 0
        while first < stream.count,
            stream.kind(first).map({ $0.bit & Self.beforeValueAnswer != 0 }) == true
                || stream.isWord(first, "answer") || stream.isWord(first, "final")
        {
            first += 1
        }
        guard first < stream.count else { return }
        let yes = stream.isWord(first, "yes") || stream.isWord(first, "true")
        let no = stream.isWord(first, "no") || stream.isWord(first, "false")
        guard yes || no else { return }
        if let next = stream.kind(first + 1) {
            guard next == .period || next == .exclamation || next == .comma || next == .newline
                || next == .closeParen || next == .closeBracket
            else { return }
        }
        for k in (first + 1)..<stream.count {
            if stream.isWord(k, "yes") || stream.isWord(k, "no") || stream.isWord(k, "true") || stream.isWord(k, "false") {
                return
            }
            // "Yes, it is not.": said both ways.
            if yes && stream.isWord(k, "not") { return }
        }
        claims.append(
            Claim(
                kind: .arithmetic, statement: .comparison(a, relation, b, holds: yes),
                bytes: stream[first].start..<stream[first].end))
        claims[claims.count - 1].role = .answer
    }
}
