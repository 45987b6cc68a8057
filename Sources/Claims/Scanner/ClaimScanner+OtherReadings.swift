import Verifiers

extension ClaimScanner {
    // MARK: - Other readings of a claim that is false as read

    /// Why `claim`, false as the scanner read it, is true in a reading its sentence names, or nil: it is
    /// written in another base ("1 + 1 = 10 in binary"), or it is the result of binary floating point
    /// ("0.1 + 0.2 = 0.30000000000000004"). Asked only of claims that came out wrong.
    func otherReading(of claim: Claim) -> String? {
        guard claim.kind == .arithmetic, case .value(let expression, let stated, _, _, _, let negated) = claim.statement,
            !negated
        else { return nil }
        if let word = baseWord(around: claim) {
            return "another base: the sentence says \"\(word)\", and the claim is read in base 10"
        }
        // A double printed differently from the exact value has 16 or 17 significant digits.
        if stated.utf8.count >= 16, let value = Self.doubleValue(expression), value.isFinite, "\(value)" == stated {
            return "binary floating point: \(stated) is the IEEE 754 double result, not the exact one"
        }
        return nil
    }

    /// A word naming a base ("binary", "base", "octal", "hexadecimal") within eight tokens of the claim, in its
    /// sentence.
    private func baseWord(around claim: Claim) -> String? {
        guard let first = tokenIndex(startingAt: claim.bytes.lowerBound) else { return nil }
        var last = first
        while last + 1 < stream.count && stream[last + 1].start < claim.bytes.upperBound { last += 1 }
        // (The words by their keys, inlined: this is asked of every wrong claim.)
        func namesBase(_ k: Int) -> Bool {
            stream.kind(k) == .word
                && (stream.isWord(k, "binary") || stream.isWord(k, "base") || stream.isWord(k, "octal")
                    || stream.isWord(k, "hex") || stream.isWord(k, "ternary") || stream.isWord(k, "hexadecimal"))
        }
        return wordNear(first, last + 1, namesBase).map { stream.word($0) }
    }

    /// The value of `e` computed in Double, the way a program would: literals rounded to Double, +, −, × and ÷.
    static func doubleValue(_ e: Expression) -> Double? {
        switch e {
        case .number(let literal): return Double(literal.description)
        case .negate(let a): return doubleValue(a).map { -$0 }
        case .add(let a, let b): return op(a, b, +)
        case .subtract(let a, let b): return op(a, b, -)
        case .multiply(let a, let b): return op(a, b, *)
        case .divide(let a, let b): return op(a, b, /)
        default: return nil
        }
    }

    private static func op(_ a: Expression, _ b: Expression, _ f: (Double, Double) -> Double) -> Double? {
        guard let x = doubleValue(a), let y = doubleValue(b) else { return nil }
        return f(x, y)
    }
}
