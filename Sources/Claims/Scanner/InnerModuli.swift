/// Reductions inside a bracket that is itself reduced by the same modulus: in
///
///     (400 mod 323 + 256 mod 323 - 9 mod 323) mod 323 = (77 + 87 - 9) mod 323
///
/// each inner "x mod 323" is congruent to x modulo 323, whichever way "mod" binds, and sums, differences and
/// products of congruent numbers are congruent: the bracket is (400 + 256 − 9) modulo 323. ``drop(from:bytes:)``
/// removes the inner "mod 323" tokens so that the bracket reads as that expression; the claims' texts still come
/// from the bytes, with the inner reductions in them.
///
/// Only a reduction directly in the bracket (not in a bracket within it, which may be an exponent, where reducing
/// changes the value), after an operand, by the bracket's own modulus written the same way, is removed.
enum InnerModuli {
    /// Removes the inner reductions of `tokens` (over `bytes`). Most answers reduce no bracket: one pass over the
    /// tokens, through a pointer, finds that.
    static func drop(from tokens: inout [Token], bytes: UnsafeBufferPointer<UInt8>, budget: ReadingBudget) {
        let stream = TokenStream(bytes: bytes, tokens: tokens, budget: budget)
        let reducesBracket = tokens.withUnsafeBufferPointer { t in
            var i = 1
            while i < t.count {
                if t[i &- 1].kind == .closeParen && (t[i].kind == .word || t[i].kind == .otherRelation)
                    && stream.isModulo(i)
                {
                    return true
                }
                i &+= 1
            }
            return false
        }
        guard reducesBracket else { return }
        var removed = [Bool](repeating: false, count: tokens.count)
        var opens: [Int] = []
        var any = false
        for close in tokens.indices {
            switch tokens[close].kind {
            case .openParen:
                opens.append(close)
            case .closeParen:
                guard let open = opens.popLast() else { continue }
                guard let modulus = reductionModulus(after: close, stream) else { continue }
                var depth = 0
                var k = open + 1
                while k < close {
                    let kind = tokens[k].kind
                    if kind == .openParen { depth += 1 }
                    if kind == .closeParen { depth -= 1 }
                    if depth == 0, stream.isModulo(k), stream.kind(k) != .percent,
                        stream.kind(k - 1) == .number || stream.kind(k - 1) == .closeParen,
                        k + 1 < close, sameNumber(k + 1, modulus, stream)
                    {
                        removed[k] = true
                        removed[k + 1] = true
                        any = true
                        k += 2
                        continue
                    }
                    k += 1
                }
            default:
                continue
            }
        }
        guard any else { return }
        var kept = 0
        for i in tokens.indices where !removed[i] {
            tokens[kept] = tokens[i]
            kept += 1
        }
        tokens.removeSubrange(kept...)
    }

    /// The modulus token after a closing bracket at `close` that is reduced by it ("(…) mod 323", "(…) \bmod 7"),
    /// or nil.
    private static func reductionModulus(after close: Int, _ stream: TokenStream) -> Int? {
        guard stream.isModulo(close + 1), stream.kind(close + 1) != .percent, stream.kind(close + 2) == .number,
            stream.isInteger(close + 2)
        else { return nil }
        return close + 2
    }

    /// Whether the number token i is written exactly as the number token j.
    private static func sameNumber(_ i: Int, _ j: Int, _ stream: TokenStream) -> Bool {
        guard stream.kind(i) == .number else { return false }
        let a = stream[i]
        let b = stream[j]
        guard a.end - a.start == b.end - b.start else { return false }
        for k in 0..<(a.end - a.start) where stream.bytes[a.start + k] != stream.bytes[b.start + k] { return false }
        return true
    }
}
