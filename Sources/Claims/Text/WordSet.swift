/// A fixed set of lower-case words, matched against word tokens without touching the text.
///
/// The scanner asks "is this token one of these words?" for nearly every token (the conditional words of a
/// sentence, the verbs after a subject, "yes"/"no"). The tokenizer labels each word with its number in the
/// ``Vocabulary``, so for the words of the vocabulary a test is one bit of a 256-bit set. A set may also hold words
/// outside the vocabulary: those are matched by their length, their first eight bytes packed into an integer
/// (``Token/key``) and the bytes after.
struct WordSet: Sendable {
    /// Bit n of the 256 is set when vocabulary word n is in the set.
    private let bits: SIMD4<UInt64>
    /// The words outside the vocabulary, with their keys.
    private let others: [StaticString]
    private let otherKeys: [UInt64]

    init(_ words: [StaticString]) {
        var bits = SIMD4<UInt64>(repeating: 0)
        var others: [StaticString] = []
        for w in words {
            precondition(w.utf8CodeUnitCount > 0 && w.utf8CodeUnitCount < 64, "a word set holds words of 1 to 63 bytes")
            if let n = Vocabulary.shared.number(of: w) {
                bits[Int(n >> 6)] |= 1 << UInt64(n & 63)
            } else {
                others.append(w)
            }
        }
        self.bits = bits
        self.others = others
        otherKeys = others.map { Token.key($0.utf8Start, count: $0.utf8CodeUnitCount) }
    }

    /// Whether every word of the set is in the vocabulary (then a test never reads the text).
    var isInVocabulary: Bool { others.isEmpty }

    /// Whether vocabulary word `number` is in the set (false for 0, "no vocabulary word").
    @inline(__always)
    func contains(number: UInt8) -> Bool {
        bits[Int(number >> 6)] & (1 << UInt64(number & 63)) != 0
    }

    /// Whether word token `t` of `bytes` is one of the words (ASCII letters compared case-insensitively).
    @inline(__always)
    func contains(_ t: Token, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // A vocabulary word is in the set exactly when its bit is; another word can only be one of the others.
        if t.word != 0 { return contains(number: t.word) }
        return !others.isEmpty && containsOther(t, in: bytes)
    }

    private func containsOther(_ t: Token, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = t.end - t.start
        for k in others.indices where otherKeys[k] == t.key && others[k].utf8CodeUnitCount == length {
            // The first eight bytes agree: compare the rest, if any.
            let p = others[k].utf8Start
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
    @inline(__always)
    static func key(_ p: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var key: UInt64 = 0
        for k in 0..<min(count, 8) {
            let b = p[k]
            key |= UInt64(b >= 65 && b <= 90 ? b | 0x20 : b) &<< UInt64(8 &* k)
        }
        return key
    }

    /// ``key(_:count:)`` of text[start..<end], reading the eight bytes at once when the text has them.
    ///
    /// The capitals are lower-cased in all eight lanes together: in a lane holding byte b < 0x80, b + 0x3F has
    /// its top bit set exactly when b ≥ "A" (0x41) and b + 0x25 exactly when b > "Z" (0x5A); no lane carries into
    /// the next, and bytes ≥ 0x80 (UTF-8 sequences) are left alone. The flag bit 0x80 shifted right twice is
    /// 0x20, the case bit.
    @inline(__always)
    static func key(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        guard let base = text.baseAddress else { return 0 }
        let count = end - start
        guard start + 8 <= text.count else { return key(base + start, count: count) }
        var x = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
        if count < 8 { x &= (1 &<< UInt64(8 &* count)) &- 1 }
        let low = x & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastA = low &+ 0x3F3F_3F3F_3F3F_3F3F
        let beyondZ = low &+ 0x2525_2525_2525_2525
        let capitals = atLeastA & ~beyondZ & ~x & 0x8080_8080_8080_8080
        return x | capitals >> 2
    }
}
