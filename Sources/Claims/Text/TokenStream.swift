import Verifiers

/// The tokens of one text with the bytes they point into, and the small queries the scanner asks of them.
struct TokenStream {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    /// The steps every reader of this text spends from (shared by the stream's copies).
    let budget: ReadingBudget

    /// The tokens of `bytes`, read within `budget`, which the caller resets for this text (an auditor keeps one
    /// for all its answers); without one, a new budget sized for the tokens.
    init(bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], budget: ReadingBudget? = nil) {
        self.bytes = bytes
        self.tokens = tokens
        self.budget = budget ?? ReadingBudget(tokens: tokens.count)
    }

    var count: Int { tokens.count }
    subscript(i: Int) -> Token { tokens[i] }

    func kind(_ i: Int) -> Token.Kind? { i >= 0 && i < tokens.count ? tokens[i].kind : nil }

    /// Whether token i is the word `w` (ASCII, case-insensitive; `w` must be lower case).
    ///
    /// Inlined: with `w` a literal, the length test and the key of `w` fold to constants, so a word of up to
    /// eight bytes is two compares against the token (its ``Token/key`` holds the same eight bytes, lower-cased).
    @inline(__always)
    func isWord(_ i: Int, _ w: StaticString) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        let t = tokens[i]
        let count = w.utf8CodeUnitCount
        guard t.kind == .word, t.end - t.start == count else { return false }
        if count <= 8 { return t.key == Token.key(w.utf8Start, count: count) }
        return matches(t, w)
    }

    /// Whether the bytes between tokens a and b hold a mark the tokenizer made no token of: a "*" taken for
    /// emphasis ("12 apples * 1/3", "2 * $40") or a "$" ("$40").
    func skipsMark(between a: Int, _ b: Int) -> Bool {
        guard a >= 0, b < tokens.count, a < b else { return false }
        for k in tokens[a].end..<tokens[b].start where bytes[k] == 0x2A || bytes[k] == 0x24 { return true }
        return false
    }

    /// Whether token i is a modulo operator: "mod", "modulo", "\mod", "\bmod", "\pmod", or "%" between numbers.
    func isModulo(_ i: Int) -> Bool {
        guard let kind = kind(i) else { return false }
        if kind == .percent {  // 7927 % 17, but not "20% * $300" (the "*" is dropped as emphasis)
            return self.kind(i - 1) == .number && self.kind(i + 1) == .number && !skipsMark(between: i, i + 1)
        }
        if kind == .word { return isWord(i, "mod") || isWord(i, "modulo") }
        guard kind == .otherRelation else { return false }
        let t = tokens[i]
        let length = t.end - t.start
        guard length >= 4, bytes[t.start] == 0x5C else { return false }
        let p = bytes.baseAddress! + t.end - 3
        return p[0] == 0x6D && p[1] == 0x6F && p[2] == 0x64  // "mod", at the end of \mod, \bmod, \pmod
    }

    /// Whether token i is the vocabulary word numbered `number` (never 0): a word has a vocabulary word's number
    /// exactly when it is that word, whatever its length.
    @inline(__always)
    func isWord(_ i: Int, _ number: UInt8) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .word && tokens[i].word == number
    }

    /// Whether word token `t`, of the same length as `w`, is `w`.
    private func matches(_ t: Token, _ w: StaticString) -> Bool {
        let p = w.utf8Start
        for k in 0..<(t.end - t.start) {
            let b = bytes[t.start + k]
            if (b >= 65 && b <= 90 ? b | 0x20 : b) != p[k] { return false }
        }
        return true
    }

    /// The value a table gives for word token i, comparing bytes (no string is made).
    func lookup<T>(_ i: Int, _ table: [(StaticString, T)]) -> T? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .word else { return nil }
        return Self.lookup(bytes, tokens[i].start, tokens[i].end, table)
    }

    /// The value a table gives for the word in bytes[start..<end] (ASCII letters compared case-insensitively).
    static func lookup<T>(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ table: [(StaticString, T)])
        -> T?
    {
        let length = end - start
        let first = bytes[start] | 0x20
        entries: for (w, value) in table where w.utf8CodeUnitCount == length && w.utf8Start[0] == first {
            let p = w.utf8Start
            for k in 0..<length {
                let b = bytes[start + k]
                if (b >= 65 && b <= 90 ? b | 0x20 : b) != p[k] { continue entries }
            }
            return value
        }
        return nil
    }

    /// Whether token i is one of the words of `set` (inlined: the scanner asks this of nearly every token).
    @inline(__always)
    func isWord(_ i: Int, in set: WordSet) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .word else { return false }
        return set.contains(tokens[i], in: bytes)
    }

    /// Whether token i is one of the words.
    func isWord(_ i: Int, in words: [StaticString]) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .word else { return false }
        let length = tokens[i].end - tokens[i].start
        let first = bytes[tokens[i].start] | 0x20
        for w in words where w.utf8CodeUnitCount == length && w.utf8Start[0] == first && isWord(i, w) { return true }
        return false
    }

    /// The lower-cased text of word token i.
    func word(_ i: Int) -> String {
        let t = tokens[i]
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[t.start..<t.end]), as: UTF8.self).lowercased()
    }

    /// The digits of number token i, separators removed ("34,792,834" → "34792834", "0.66" → "0.66"): its digits,
    /// points and signs, with an exponent's "E" written "e", written in one pass into a string of at most the
    /// token's length.
    func numberText(_ i: Int) -> String {
        let t = tokens[i]
        return String(unsafeUninitializedCapacity: t.end - t.start) { out in
            var count = 0
            for k in t.start..<t.end {
                let b = bytes[k]
                if (b >= 48 && b <= 57) || b == 46 || b == 0x2D || b == 0x2B {
                    out[count] = b
                    count += 1
                } else if b | 0x20 == 0x65 {
                    out[count] = 0x65
                    count += 1
                }
            }
            // A thin space written as "\," leaves a "," behind; both are dropped above.
            return count
        }
    }

    /// Number token i as an integer (nil for decimals).
    ///
    /// An integer token holds only digits and separators (a point or an exponent sets `hasPoint`), so its value is
    /// its digits. Up to 18 digits always fit in an Int: those are read straight from the bytes, without the text
    /// and the validation ``BigInteger/init(parsing:bounds:)`` needs for longer numbers (the same value either way).
    func integer(_ i: Int) -> BigInteger? {
        guard kind(i) == .number, !tokens[i].hasPoint else { return nil }
        let t = tokens[i]
        var value = 0
        var digits = 0
        for k in t.start..<t.end {
            let b = bytes[k]
            guard b >= 48 && b <= 57 else { continue }
            digits += 1
            if digits > 18 { return try? BigInteger(parsing: numberText(i)) }
            value = value * 10 + Int(b - 48)
        }
        return BigInteger(value)
    }

    /// Whether ``integer(_:)`` is not nil for token i, without reading the number when it cannot fail: an integer
    /// token of at most 18 bytes has at most 18 digits, which ``integer(_:)`` always reads.
    func isInteger(_ i: Int) -> Bool {
        guard kind(i) == .number, !tokens[i].hasPoint else { return false }
        return tokens[i].end - tokens[i].start <= 18 || integer(i) != nil
    }

    /// The source text of tokens i..<j.
    func text(_ i: Int, _ j: Int) -> String {
        guard i < j else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens[i].start..<tokens[j - 1].end]), as: UTF8.self)
    }

    /// The superscript digit a power token stands for ("²" → 2, "⁴" → 4), or nil for "^".
    func superscript(_ i: Int) -> Int? {
        guard i >= 0, i < tokens.count else { return nil }
        let t = tokens[i]
        guard t.kind == .power else { return nil }
        if t.end - t.start == 2 && bytes[t.start] == 0xC2 {
            switch bytes[t.start + 1] {
            case 0xB2: return 2
            case 0xB3: return 3
            case 0xB9: return 1
            default: return nil
            }
        }
        if t.end - t.start == 3 && bytes[t.start] == 0xE2 && bytes[t.start + 1] == 0x81 {
            let low = bytes[t.start + 2]
            if low == 0xB0 { return 0 }
            if low >= 0xB4 && low <= 0xB9 { return Int(low - 0xB0) }
        }
        return nil
    }

    /// Superscript digits from token i on ("¹⁰" → 10) and the index after them.
    func superscriptNumber(_ i: Int) -> (Int, Int)? {
        guard var value = superscript(i) else { return nil }
        var j = i + 1
        while let d = superscript(j), tokens[j].start == tokens[j - 1].end, value < 100_000 {
            value = value * 10 + d
            j += 1
        }
        return (value, j)
    }

    /// Whether tokens i and i + 1 touch (no space between them).
    func adjacent(_ i: Int) -> Bool {
        i >= 0 && i + 1 < tokens.count && tokens[i].end == tokens[i + 1].start
    }
}
