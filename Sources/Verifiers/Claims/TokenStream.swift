/// The tokens of one text with the bytes they point into, and the small queries the scanner asks of them.
struct TokenStream {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [Token]

    var count: Int { tokens.count }
    subscript(i: Int) -> Token { tokens[i] }

    func kind(_ i: Int) -> Token.Kind? { i >= 0 && i < tokens.count ? tokens[i].kind : nil }

    /// Whether token i is the word `w` (ASCII, case-insensitive; `w` must be lower case).
    func isWord(_ i: Int, _ w: StaticString) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .word else { return false }
        let t = tokens[i]
        guard t.end - t.start == w.utf8CodeUnitCount else { return false }
        let p = w.utf8Start
        for k in 0..<(t.end - t.start) where bytes[t.start + k] | 0x20 != p[k] { return false }
        return true
    }

    /// Whether token i is one of the words.
    func isWord(_ i: Int, in words: [StaticString]) -> Bool {
        for w in words where isWord(i, w) { return true }
        return false
    }

    /// The lower-cased text of word token i.
    func word(_ i: Int) -> String {
        let t = tokens[i]
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[t.start..<t.end]), as: UTF8.self).lowercased()
    }

    /// The digits of number token i, separators removed ("34,792,834" → "34792834", "0.66" → "0.66").
    func numberText(_ i: Int) -> String {
        let t = tokens[i]
        var out = ""
        out.reserveCapacity(t.end - t.start)
        var k = t.start
        while k < t.end {
            let b = bytes[k]
            if (b >= 48 && b <= 57) || b == 46 {
                out.unicodeScalars.append(Unicode.Scalar(b))
            }
            k += 1
        }
        // A thin space written as "\," leaves a "," behind; both are dropped above.
        return out
    }

    /// Number token i as an integer (nil for decimals).
    func integer(_ i: Int) -> BigInteger? {
        guard kind(i) == .number, !tokens[i].hasPoint else { return nil }
        return try? BigInteger(parsing: numberText(i))
    }

    /// The source text of tokens i..<j.
    func text(_ i: Int, _ j: Int) -> String {
        guard i < j else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens[i].start..<tokens[j - 1].end]), as: UTF8.self)
    }

    /// The superscript digit a power token stands for ("²" → 2), or nil for "^".
    func superscript(_ i: Int) -> Int? {
        let t = tokens[i]
        guard t.kind == .power, t.end - t.start == 2, bytes[t.start] == 0xC2 else { return nil }
        switch bytes[t.start + 1] {
        case 0xB2: return 2
        case 0xB3: return 3
        case 0xB9: return 1
        default: return nil
        }
    }
}
