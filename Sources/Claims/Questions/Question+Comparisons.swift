import Verifiers

/// Comparisons asked in words: "Is A greater than B?", "True or false: A is at most B.", both sides read whole.
extension Question {
    // MARK: - Comparisons

    /// Reads "Is A REL B?" (optionally followed by "Answer yes or no.", "Answer true or false.", "(yes/no)") or
    /// "True or false: A is REL B" into ``comparison``, where REL is "greater / larger / bigger / more than", "less /
    /// smaller / fewer than", "greater than or equal to", "less than or equal to", "at least", "at most". A and B
    /// must each read whole (``readSpan(_:_:_:)``: words mode, over exactly their tokens), or nothing is read.
    mutating func readComparison(_ s: TokenStream) {
        // Where A starts, and whether A ends with "is" before the relation (the "true or false" form).
        var start: Int
        var copula: Bool
        if s.isWord(0, "is") {
            start = 1
            copula = false
        } else if s.isWord(0, "true"), s.isWord(1, "or"), s.isWord(2, "false"), s.kind(3) == .colon {
            start = 4
            copula = true
        } else {
            return
        }
        if s.isWord(start, "it"), s.isWord(start + 1, "true"), s.isWord(start + 2, "that") {
            start += 3
            copula = true
        }
        // The first relation phrase after A.
        var r = start + 1
        var found: (Comparison, Int)? = nil
        while r < s.count, r < start + ExpressionReader.maxTokens + 2 {
            if let k = s.kind(r), k == .question || k == .period || k == .newline { return }
            if let hit = Self.relation(s, r) {
                found = hit
                break
            }
            r += 1
        }
        guard let (relation, afterRelation) = found else { return }
        let aEnd = copula ? r - 1 : r
        if copula { guard s.isWord(r - 1, "is") else { return } }
        // B runs to the end of the sentence.
        var bEnd = afterRelation
        while bEnd < s.count, let k = s.kind(bEnd), k != .question, k != .period, k != .newline { bEnd += 1 }
        guard aEnd > start, bEnd > afterRelation, Self.endsComparison(s, bEnd),
            let a = Self.readSpan(s, start, aEnd), let b = Self.readSpan(s, afterRelation, bEnd),
            !Self.dropsStar(s, aEnd), !Self.dropsStar(s, bEnd)
        else { return }
        comparison = (a, relation, b)
    }

    /// The expression in words over exactly tokens from..<to, or nil when it does not read to its end.
    static func readSpan(_ s: TokenStream, _ from: Int, _ to: Int) -> Expression? {
        guard from < to, to - from <= ExpressionReader.maxTokens else { return nil }
        var reader = ExpressionReader(s, from: from, to: to)
        reader.words = true
        guard let e = reader.sum(), reader.position == to else { return nil }
        return e
    }

    /// Whether a relation phrase ends just before token k ("… at least 81 × 95", "… greater than 50"): what follows
    /// is one side of a comparison, not a value asked for.
    static func followsRelation(_ s: TokenStream, _ k: Int) -> Bool {
        for r in max(0, k - 5)..<k {
            if let (_, after) = relation(s, r), after == k { return true }
        }
        return false
    }

    /// The relation phrase at token i and the token after it.
    static func relation(_ s: TokenStream, _ i: Int) -> (Comparison, Int)? {
        if s.isWord(i, "at"), s.isWord(i + 1, "least") { return (.greaterOrEqual, i + 2) }
        if s.isWord(i, "at"), s.isWord(i + 1, "most") { return (.lessOrEqual, i + 2) }
        let greater = s.isWord(i, "greater") || s.isWord(i, "larger") || s.isWord(i, "bigger") || s.isWord(i, "more")
        let less = s.isWord(i, "less") || s.isWord(i, "smaller") || s.isWord(i, "fewer")
        guard greater || less, s.isWord(i + 1, "than") else { return nil }
        if s.isWord(i + 2, "or"), s.isWord(i + 3, "equal"), s.isWord(i + 4, "to") {
            return (greater ? .greaterOrEqual : .lessOrEqual, i + 5)
        }
        return (greater ? .greater : .less, i + 2)
    }

    /// After B: the end, or "?" / "." followed only by how to answer ("Answer yes or no.", "(yes/no)").
    static func endsComparison(_ s: TokenStream, _ i: Int) -> Bool {
        var k = i + 1
        guard i < s.count else { return true }
        while k < s.count {
            let kind = s.kind(k)
            if kind == .word {
                guard s.isWord(k, "answer") || s.isWord(k, "yes") || s.isWord(k, "no") || s.isWord(k, "or")
                    || s.isWord(k, "true") || s.isWord(k, "false") || s.isWord(k, "with") || s.isWord(k, "please")
                else { return false }
            } else if kind != .period && kind != .openParen && kind != .closeParen && kind != .divide
                && kind != .question && kind != .newline && kind != .colon
            {
                return false
            }
            k += 1
        }
        return true
    }
}
