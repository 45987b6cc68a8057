/// A fixed set of lower-case words, matched against word tokens without touching the text.
///
/// The scanner asks "is this token one of these words?" for nearly every token (the conditional words of a
/// sentence, the verbs after a subject, "yes"/"no"). Comparing a token with each word byte by byte was the largest
/// single cost of the scan; here each word is reduced once to its length and its first eight bytes packed into an
/// integer (``Token/key``), so a test is a length check against a bit set and integer compares.
struct WordSet: Sendable {
    private let words: [StaticString]
    private let keys: [UInt64]
    /// Bit n is set when some word is n bytes long (words are shorter than 64 bytes).
    private let lengthMask: UInt64

    init(_ words: [StaticString]) {
        self.words = words
        keys = words.map { Token.key($0.utf8Start, count: $0.utf8CodeUnitCount) }
        var mask: UInt64 = 0
        for w in words {
            precondition(w.utf8CodeUnitCount > 0 && w.utf8CodeUnitCount < 64, "a word set holds words of 1 to 63 bytes")
            mask |= 1 << UInt64(w.utf8CodeUnitCount)
        }
        lengthMask = mask
    }

    /// Whether word token `t` of `bytes` is one of the words (ASCII letters compared case-insensitively).
    @inline(__always)
    func contains(_ t: Token, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = t.end - t.start
        guard length < 64, lengthMask & (1 << UInt64(length)) != 0 else { return false }
        for k in keys.indices where keys[k] == t.key && words[k].utf8CodeUnitCount == length {
            // The first eight bytes agree: compare the rest, if any.
            let p = words[k].utf8Start
            var same = true
            var m = 8
            while m < length {
                let b = bytes[t.start + m]
                if (b >= 65 && b <= 90 ? b | 0x20 : b) != p[m] {
                    same = false
                    break
                }
                m += 1
            }
            if same { return true }
        }
        return false
    }
}

extension Token {
    /// The first eight bytes of a word, ASCII capitals lower-cased, packed first byte lowest and zero-padded: two
    /// words of the same length up to eight bytes are equal exactly when their keys are.
    static func key(_ p: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var key: UInt64 = 0
        for k in 0..<min(count, 8) {
            let b = p[k]
            key |= UInt64(b >= 65 && b <= 90 ? b | 0x20 : b) << UInt64(8 * k)
        }
        return key
    }
}
