/// Splits a model's answer into ``Token``s, reading UTF-8 bytes directly.
///
/// It understands the notations models write math in: plain text, Unicode (× · ÷ − ≈ ≠ √ π ° ² ³), Markdown
/// (`**bold**`, `*`, `#`, backticks) and LaTeX (`$…$`, `\(…\)`, `\times`, `\cdot`, `\div`, `\frac{a}{b}`,
/// `\sqrt{x}`, `^\circ`, `\boxed{}`, `\text{}`). Markup that carries no meaning is dropped; thousands separators
/// ("34,792,834", "34 792 834", "34\,792\,834") stay inside the number token.
///
/// Speed: the tokenizer is one pass over the bytes that writes each token through a pointer into a scratch chunk,
/// appended to the caller's array a chunk at a time (`Array.append` checks uniqueness and capacity for every
/// token). The pass keeps its state (position, line start, tokens in the chunk) in local variables, and reads
/// each word, number or symbol with a function that takes what it needs as arguments and returns where the pass
/// goes on: no state of the pass has its address taken, so it stays in registers. Letters are scanned eight bytes
/// at a time (``Bytes/letterRunEnd(_:)``), the first eight of a word also giving its key, and each word is looked
/// up once in the ``Vocabulary``'s slot table.
enum Tokenizer {
    /// The most tokens written between two appends to the caller's array: 25 tokens are 1000 bytes, which
    /// `withUnsafeTemporaryAllocation` takes from the stack without asking the runtime (above 1024 bytes it asks,
    /// and here allocates on the heap: a larger chunk costs more than the appends it saves).
    static let chunkSize = 25

    /// Appends the tokens of `text` to `tokens` (which the caller reuses between answers).
    static func tokenize(_ text: UnsafeBufferPointer<UInt8>, into tokens: inout [Token]) {
        guard let base = text.baseAddress, text.count > 0 else { return }
        withUnsafeTemporaryAllocation(of: Token.self, capacity: chunkSize) { chunk in
            guard let chunkBase = chunk.baseAddress else {
                preconditionFailure("a temporary allocation has an address")
            }
            Vocabulary.shared.withSlots { slots in
                let used = run(Bytes(base: base, count: text.count), slots, chunkBase, chunk.count, &tokens)
                if used > 0 { append(chunkBase, used, to: &tokens) }
            }
        }
    }

    /// Appends the first `count` tokens of `chunk` to `tokens`.
    @inline(never)
    private static func append(_ chunk: UnsafeMutablePointer<Token>, _ count: Int, to tokens: inout [Token]) {
        tokens.append(contentsOf: UnsafeBufferPointer(start: chunk, count: count))
    }

    // MARK: - Bytes

    /// The text being tokenized, with the reads the passes share. (Two words: passed in registers.)
    private struct Bytes {
        let base: UnsafePointer<UInt8>
        let count: Int

        /// The byte at k, 0 past the end.
        @inline(__always) func byte(_ k: Int) -> UInt8 { k < count ? base[k] : 0 }

        /// The eight bytes at k (k + 8 ≤ count), the first lowest.
        @inline(__always)
        func eightBytes(at k: Int) -> UInt64 {
            UInt64(littleEndian: UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self))
        }

        /// The index of the first byte at or after k that is not an ASCII letter (count at the end).
        @inline(__always)
        func letterRunEnd(_ k: Int) -> Int {
            var k = k
            while k &+ 8 <= count {
                let others = nonLetterLanes(eightBytes(at: k))
                if others != 0 { return k &+ others.trailingZeroBitCount &>> 3 }
                k &+= 8
            }
            while k < count && isLetter(base[k]) { k += 1 }
            return k
        }

        /// The length of a thin-space-like separator at k ("\,", U+2009, U+202F, U+00A0), or 0.
        func thinSpace(at k: Int) -> Int {
            if byte(k) == 0x5C && (byte(k + 1) == 0x2C || byte(k + 1) == 0x3B) { return 2 }  // \, \;
            if byte(k) == 0xE2 && byte(k + 1) == 0x80 && (byte(k + 2) == 0x89 || byte(k + 2) == 0xAF) { return 3 }
            if byte(k) == 0xC2 && byte(k + 1) == 0xA0 { return 2 }
            return 0
        }

        /// Whether exactly three digits start at k and no digit follows them.
        func threeDigits(at k: Int) -> Bool {
            isDigit(byte(k)) && isDigit(byte(k + 1)) && isDigit(byte(k + 2)) && !isDigit(byte(k + 3))
        }
    }

    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    @inline(__always) private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }

    /// 0x80 in each byte lane of `x` (eight bytes of text, the first lowest) that is not an ASCII letter, 0 in the
    /// others.
    ///
    /// In each lane, f = (b & 0x7F) | 0x20 folds capitals to lower case; f + 0x1F has its top bit set exactly when
    /// f ≥ "a" (0x61) and f + 0x05 exactly when f > "z" (0x7A); neither sum carries into the next lane (f ≤ 0x7F).
    /// A lane is a letter when the first bit is set, the second is not and b < 0x80.
    @inline(__always)
    private static func nonLetterLanes(_ x: UInt64) -> UInt64 {
        let folded = (x & 0x7F7F_7F7F_7F7F_7F7F) | 0x2020_2020_2020_2020
        let atLeastA = folded &+ 0x1F1F_1F1F_1F1F_1F1F
        let beyondZ = folded &+ 0x0505_0505_0505_0505
        let letters = atLeastA & ~beyondZ & ~x & 0x8080_8080_8080_8080
        return ~letters & 0x8080_8080_8080_8080
    }

    // MARK: - The pass

    /// Writes the tokens of `text`, appending the chunk to `tokens` when it is full, and returns how many are left
    /// in the chunk.
    private static func run(
        _ text: Bytes, _ slots: UnsafeBufferPointer<Vocabulary.Slot>, _ chunk: UnsafeMutablePointer<Token>,
        _ capacity: Int, _ tokens: inout [Token]
    ) -> Int {
        let n = text.count
        var i = 0
        var used = 0
        // The next token starts a line: true at the start and after a newline token, and kept across bytes that
        // make no token.
        var lineStart = true
        while i < n {
            let b = text.base[i]
            // A space makes no token and changes no state.
            if b == 0x20 {
                i &+= 1
                continue
            }
            // Every other step writes at most one token.
            if used == capacity {
                append(chunk, used, to: &tokens)
                used = 0
            }
            let out = chunk + used
            if isLetter(b) {
                i = word(text, i, slots, lineStart, into: out)
                used &+= 1
                lineStart = false
                continue
            }
            if isDigit(b) {
                i = number(text, i, lineStart, into: out)
                used &+= 1
                lineStart = false
                continue
            }
            // A byte that is always a token of its own (a comma, a line break, a bracket, …) and a period not of
            // "..." are written here, with a space that follows them.
            if let kind = b == 0x2E ? (text.byte(i &+ 1) != 0x2E ? .period : nil) : Self.oneByteKind(b) {
                if kind == .newline && Self.mayContinueLine(text.byte(i &+ 1))
                    && Self.continuesWithRelation(text, i &+ 1, afterLaTeXBreak: false)
                {
                    i &+= 1
                    continue
                }
                out.initialize(to: Token(kind: kind, start: i, end: i &+ 1, afterLineStart: lineStart))
                used &+= 1
                lineStart = kind == .newline
                i &+= text.byte(i &+ 1) == 0x20 ? 2 : 1
                continue
            }
            let symbol = Self.symbol(text, i, lineStart)
            i = symbol.end
            guard let kind = symbol.kind else { continue }
            if kind == .newline && Self.continuesWithRelation(text, i, afterLaTeXBreak: true) { continue }
            if b == 0x2A {
                // A single * before an operand is multiplication after one, emphasis otherwise.
                let previous = used > 0 ? chunk[used - 1].kind : tokens.last?.kind
                guard previous == .number || previous == .closeParen else { continue }
            }
            if kind == .word {
                writeWord(text, symbol.start, symbol.end, slots, lineStart, into: out)
            } else {
                out.initialize(to: Token(kind: kind, start: symbol.start, end: symbol.end, afterLineStart: lineStart))
            }
            used &+= 1
            lineStart = kind == .newline
        }
        return used
    }

    // MARK: - Words

    /// Writes the word that starts at `start` (a letter) to `out` and returns where the pass goes on: after the
    /// word, and after one space that follows a word of letters only (a space makes no token and changes no state,
    /// so skipping it here saves the pass a turn).
    ///
    /// A word is letters, apostrophes (' or ’) between letters, and the digits or subscript of a name. The common
    /// case, letters only with eight bytes of text from the start, is inlined into the pass; the rest is
    /// ``wordWithTail(_:_:_:_:into:)``.
    @inline(__always)
    private static func word(
        _ text: Bytes, _ start: Int, _ slots: UnsafeBufferPointer<Vocabulary.Slot>, _ lineStart: Bool,
        into out: UnsafeMutablePointer<Token>
    ) -> Int {
        guard start &+ 8 <= text.count else { return wordWithTail(text, start, slots, lineStart, into: out) }
        // The first eight bytes give both the end of the letters (as in ``Bytes/letterRunEnd(_:)``, whose first
        // step this is) and the word's key; for a word of eight letters or more, the next eight give its end and
        // the ``Vocabulary/Slot/tail`` key. A letter lower-cased is the letter with the case bit (0x20) set, so the
        // key of letters is their bytes with that bit set in each, and zeros past the word's end.
        let x = text.eightBytes(at: start)
        let nonLetters = nonLetterLanes(x)
        let end: Int
        let key: UInt64
        let tail: UInt64
        if nonLetters != 0 {
            end = start &+ nonLetters.trailingZeroBitCount &>> 3
            key = (x | 0x2020_2020_2020_2020) & Self.lowBytes(end &- start)
            tail = 0
        } else {
            guard start &+ 16 <= text.count else { return wordWithTail(text, start, slots, lineStart, into: out) }
            let y = text.eightBytes(at: start &+ 8)
            let moreNonLetters = nonLetterLanes(y)
            guard moreNonLetters != 0 else { return wordWithTail(text, start, slots, lineStart, into: out) }
            end = start &+ 8 &+ moreNonLetters.trailingZeroBitCount &>> 3
            key = x | 0x2020_2020_2020_2020
            tail = (y | 0x2020_2020_2020_2020) & Self.lowBytes(end &- start &- 8)
        }
        // Most words end at a byte that cannot continue them (an apostrophe, a UTF-8 lead byte for "’" or a
        // subscript, a digit, "_"): then the loops of ``wordEnd(_:_:)`` would change nothing. That byte is one of
        // the bytes read (end < start + 8 or end < start + 16, and those were in the text).
        let next = text.base[end]
        guard !mayContinueWord(next) else { return wordWithTail(text, start, slots, lineStart, into: out) }
        let entry = Vocabulary.lookup(slots, key: key, tail: tail, count: end &- start)
        writeWord(start, end, key: key, entry, lineStart, into: out)
        return next == 0x20 ? end &+ 1 : end
    }

    /// The mask of the low `count` bytes of a 64-bit integer, 0 ≤ `count` < 8.
    @inline(__always)
    private static func lowBytes(_ count: Int) -> UInt64 {
        (1 &<< UInt64(truncatingIfNeeded: 8 &* count)) &- 1
    }

    /// ``word(_:_:_:_:into:)`` for the other words: sixteen letters or more, near the end of the text, or
    /// followed by an apostrophe, a digit or a subscript.
    @inline(never)
    private static func wordWithTail(
        _ text: Bytes, _ start: Int, _ slots: UnsafeBufferPointer<Vocabulary.Slot>, _ lineStart: Bool,
        into out: UnsafeMutablePointer<Token>
    ) -> Int {
        let end = wordEnd(text, text.letterRunEnd(start))
        writeWord(text, start, end, slots, lineStart, into: out)
        return end
    }

    /// Whether byte `b`, after the letters of a word, may continue it: an apostrophe, the lead byte of "’" or of a
    /// subscript digit, a digit, "_". (Bytes below 64 are tested as bits of one constant.)
    @inline(__always)
    private static func mayContinueWord(_ b: UInt8) -> Bool {
        let belowSixtyFour: UInt64 = 1 << 0x27 | 0x03FF << 0x30
        return b < 64 ? belowSixtyFour &>> UInt64(b) & 1 != 0 : b == 0x5F || b == 0xE2
    }

    /// The end of a word of `text` whose first letters end at `i`: apostrophes between letters, then the digits or
    /// subscript of a name.
    @inline(never)
    private static func wordEnd(_ text: Bytes, _ i: Int) -> Int {
        var i = i
        while true {
            i = text.letterRunEnd(i)
            if text.byte(i) == 0x27 && isLetter(text.byte(i + 1)) {
                i += 1
            } else if text.byte(i) == 0xE2 && text.byte(i + 1) == 0x80 && text.byte(i + 2) == 0x99
                && isLetter(text.byte(i + 3))
            {
                i += 3
            } else {
                break
            }
        }
        // "F5", "x2", "log10", "log₁₀", "log_{10}", "log_2": digits right after letters belong to the name.
        while isDigit(text.byte(i)) { i += 1 }
        while text.byte(i) == 0xE2 && text.byte(i + 1) == 0x82 && text.byte(i + 2) >= 0x80 && text.byte(i + 2) <= 0x89 {
            i += 3
        }
        if text.byte(i) == 0x5F {
            var k = i + 1
            let braced = text.byte(k) == 0x7B
            if braced { k += 1 }
            if isDigit(text.byte(k)) {
                while isDigit(text.byte(k)) { k += 1 }
                if !braced || text.byte(k) == 0x7D { i = braced ? k + 1 : k }
            }
        }
        return i
    }

    /// Writes the word text[start..<end] with what the vocabulary knows of it.
    @inline(never)
    private static func writeWord(
        _ text: Bytes, _ start: Int, _ end: Int, _ slots: UnsafeBufferPointer<Vocabulary.Slot>, _ lineStart: Bool,
        into out: UnsafeMutablePointer<Token>
    ) {
        let bytes = UnsafeBufferPointer(start: text.base, count: text.count)
        let key = Token.key(bytes, start, end)
        writeWord(start, end, key: key, Vocabulary.lookup(slots, bytes, start, end &- start, key: key), lineStart,
            into: out)
    }

    /// Writes the word over start..<end whose ``Token/key`` is `key` and whose vocabulary entry is `entry`.
    @inline(__always)
    private static func writeWord(
        _ start: Int, _ end: Int, key: UInt64, _ entry: Vocabulary.Entry?, _ lineStart: Bool,
        into out: UnsafeMutablePointer<Token>
    ) {
        var token = Token(kind: .word, start: start, end: end, afterLineStart: lineStart)
        token.key = key
        if let entry {
            token.formulaFunction = entry.formula
            token.proseFunction = entry.prose
            token.word = entry.number
            token.traits = entry.traits
        }
        out.initialize(to: token)
    }

    // MARK: - Numbers

    /// Writes the number that starts at `start` (a digit) to `out` and returns where the pass goes on: after the
    /// number and a space that follows it. A number is digits, thousands separators, a decimal fraction, an
    /// exponent.
    ///
    /// Most numbers are digits followed by a byte that cannot continue them; those are written here, inlined into
    /// the pass, and the others by ``numberWithSeparators(_:_:_:into:)``. After the digits, that function would
    /// change nothing when the next byte starts no separator (",", "{,}", "\,", a thin or no-break space, a
    /// space), no decimal point and no exponent ("e", "E"); nor after a space, a comma or a period that no digit
    /// follows, since every separator or fraction it reads there continues with a digit.
    @inline(__always)
    private static func number(
        _ text: Bytes, _ start: Int, _ lineStart: Bool, into out: UnsafeMutablePointer<Token>
    ) -> Int {
        var i = start &+ 1
        while isDigit(text.byte(i)) { i &+= 1 }
        let next = text.byte(i)
        let mayContinue =
            next == 0x20 || next == 0x2C || next == 0x2E
            ? isDigit(text.byte(i &+ 1))
            : next == 0x7B || next == 0x5C || next == 0xE2 || next == 0xC2 || next | 0x20 == 0x65
        guard !mayContinue else { return numberWithSeparators(text, start, lineStart, into: out) }
        out.initialize(to: Token(kind: .number, start: start, end: i, afterLineStart: lineStart))
        return next == 0x20 ? i &+ 1 : i
    }

    /// ``number(_:_:_:into:)`` for every number.
    @inline(never)
    private static func numberWithSeparators(
        _ text: Bytes, _ start: Int, _ lineStart: Bool, into out: UnsafeMutablePointer<Token>
    ) -> Int {
        var i = start
        var token = Token(kind: .number, start: start, end: start, afterLineStart: lineStart)
        var group = 0
        while isDigit(text.byte(i)) {
            i += 1
            group += 1
        }
        // Thousands separators: ",ddd", thin spaces, or plain spaces between 3-digit groups ("34 792 834"). Each
        // starts with one of six bytes: after any other byte there is none (most numbers end so).
        var firstGroup = group
        switch text.byte(i) {
        case 0x7B, 0x2C, 0x5C, 0xE2, 0xC2, 0x20:
            while true {
                if text.byte(i) == 0x7B && text.byte(i + 1) == 0x2C && text.byte(i + 2) == 0x7D && firstGroup <= 3
                    && text.threeDigits(at: i + 3)
                {  // LaTeX "{,}"
                    i += 6
                    token.hasSeparators = true
                    firstGroup = 0
                    continue
                }
                if text.byte(i) == 0x2C && firstGroup <= 3 && text.threeDigits(at: i + 1) {
                    i += 4
                    token.hasSeparators = true
                    firstGroup = 0
                    continue
                }
                let thin = text.thinSpace(at: i)
                if thin > 0 && text.threeDigits(at: i + thin) && firstGroup <= 3 {
                    i += thin + 3
                    token.hasSeparators = true
                    firstGroup = 0
                    continue
                }
                if text.byte(i) == 0x20 && firstGroup <= 3 && firstGroup > 0 && isDigit(text.byte(i + 1))
                    && isDigit(text.byte(i + 2)) && isDigit(text.byte(i + 3)) && text.byte(i + 4) == 0x20
                    && text.threeDigits(at: i + 5) && !token.hasSeparators
                {
                    // At least two space-separated groups: "34 792 834".
                    i += 8
                    token.hasSeparators = true
                    firstGroup = 0
                    while text.byte(i) == 0x20 && text.threeDigits(at: i + 1) { i += 4 }
                    continue
                }
                break
            }
        default:
            break
        }
        if text.byte(i) == 0x2E && isDigit(text.byte(i + 1)) {
            i += 1
            token.hasPoint = true
            while isDigit(text.byte(i)) { i += 1 }
        }
        // Scientific notation written without spaces: "1e22", "1.2E-7".
        if text.byte(i) | 0x20 == 0x65 {
            var k = i + 1
            if text.byte(k) == 0x2B || text.byte(k) == 0x2D { k += 1 }
            if isDigit(text.byte(k)) && !isLetter(text.byte(k - 1)) || (isDigit(text.byte(k)) && k == i + 1) {
                while isDigit(text.byte(k)) { k += 1 }
                if !isLetter(text.byte(k)) {
                    i = k
                    token.hasPoint = true
                }
            }
        }
        token.end = i
        out.initialize(to: token)
        return text.byte(i) == 0x20 ? i + 1 : i
    }

    // MARK: - Continuation lines

    /// Whether the line break that ends before k is followed by a line that goes on with a relation: spaces, an
    /// optional LaTeX alignment mark "&", then "=", "≈", "≡" or a LaTeX relation ("\approx", "\equiv"). Models
    /// write a long computation one step a line,
    ///
    ///     3 × 4 + 5
    ///     = 12 + 5
    ///     = 17
    ///
    /// and in LaTeX `… \\ &= 12 + 5 \\ &= 17`: such a break is read as a space, so the lines are one chain.
    /// After a LaTeX break "\\" one newline may come first. A rule of equals signs (a Markdown heading's
    /// underline, "=====") goes on with nothing.
    private static func continuesWithRelation(_ text: Bytes, _ k: Int, afterLaTeXBreak: Bool) -> Bool {
        var k = k
        var newlines = afterLaTeXBreak ? 1 : 0
        while true {
            let b = text.byte(k)
            if b == 0x20 || b == 0x09 || b == 0x0D {
                k += 1
            } else if b == 0x0A && newlines > 0 {
                newlines -= 1
                k += 1
            } else {
                break
            }
        }
        if text.byte(k) == 0x26 {
            k += 1
            while text.byte(k) == 0x20 { k += 1 }
        }
        return relationStarts(text, k)
    }

    /// Whether a line that starts with byte `b` may go on with a relation: b is a blank, "&", "=", "\\" or the lead
    /// byte of "≈" and "≡" (most lines start with a letter, a digit or a list marker: one test of a constant's bit).
    @inline(__always)
    private static func mayContinueLine(_ b: UInt8) -> Bool {
        let belowSixtyFour: UInt64 = 1 << 0x20 | 1 << 0x09 | 1 << 0x0D | 1 << 0x26 | 1 << 0x3D
        return b < 64 ? belowSixtyFour &>> UInt64(b) & 1 != 0 : b == 0x5C || b == 0xE2
    }

    /// Whether a relation that goes on a chain starts at k: one "=", "≈", "≡", "\approx", "\equiv", "\simeq".
    private static func relationStarts(_ text: Bytes, _ k: Int) -> Bool {
        switch text.byte(k) {
        case 0x3D:
            return text.byte(k + 1) != 0x3D
        case 0xE2:
            return text.byte(k + 1) == 0x89 && (text.byte(k + 2) == 0x88 || text.byte(k + 2) == 0xA1)
        case 0x5C:
            guard isLetter(text.byte(k + 1)) else { return false }
            let nameEnd = text.letterRunEnd(k + 1)
            let name = UnsafeBufferPointer(start: text.base + k + 1, count: nameEnd - k - 1)
            return memcmpEqualName("approx", name) || memcmpEqualName("equiv", name) || memcmpEqualName("simeq", name)
        default:
            return false
        }
    }

    /// Whether `name` is the letters of `s`.
    private static func memcmpEqualName(_ s: StaticString, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        s.utf8CodeUnitCount == name.count && memcmpEqual(s, name)
    }

    // MARK: - Symbols

    /// The kind of the token that byte `b` always is by itself, whatever surrounds it, or nil. (A switch that the
    /// compiler turns into a table.)
    @inline(__always)
    private static func oneByteKind(_ b: UInt8) -> Token.Kind? {
        switch b {
        case 0x0A: return .newline
        case 0x2C: return .comma
        case 0x28, 0x7B: return .openParen
        case 0x29, 0x7D: return .closeParen
        case 0x5B: return .openBracket
        case 0x5D: return .closeBracket
        case 0x3A: return .colon
        case 0x3B: return .semicolon
        case 0x3F: return .question
        case 0x25: return .percent
        case 0x2F: return .divide
        case 0x5E: return .power
        case 0x7E: return .approx
        case 0x5F: return .other
        default: return nil
        }
    }

    /// What the bytes at a position that starts neither a word, a number nor a space stand for: a token of `kind`
    /// over start..<end, or (kind nil) nothing, the pass going on at `end`.
    private struct Symbol {
        let kind: Token.Kind?
        let start: Int
        let end: Int
    }

    /// The symbol at i, a byte that ``oneByteKind(_:)`` does not know. A single "*" before an operand comes back as
    /// `.times`; the pass keeps it only after an operand. A LaTeX function name ("\sin") comes back as `.word` over
    /// the name.
    @inline(never)
    private static func symbol(_ text: Bytes, _ i: Int, _ lineStart: Bool) -> Symbol {
        let b = text.base[i]
        func token(_ kind: Token.Kind, _ length: Int) -> Symbol { Symbol(kind: kind, start: i, end: i + length) }
        func skip(_ length: Int) -> Symbol { Symbol(kind: nil, start: i, end: i + length) }
        switch b {
        case 0x09, 0x0D:
            return skip(1)
        case 0x5C:  // backslash: LaTeX
            let nameStart = i + 1
            if isLetter(text.byte(nameStart)) {
                let nameEnd = text.letterRunEnd(nameStart)
                switch latexCommand(UnsafeBufferPointer(start: text.base + nameStart, count: nameEnd - nameStart)) {
                case .token(let kind): return Symbol(kind: kind, start: i, end: nameEnd)
                case .function: return Symbol(kind: .word, start: nameStart, end: nameEnd)
                case .markup: return Symbol(kind: nil, start: i, end: nameEnd)
                }
            }
            // \\ is a line break; \{ \} and the rest are dropped.
            // "\%" is a percent sign (LaTeX escapes it).
            if text.byte(nameStart) == 0x25 { return token(.percent, 2) }
            return text.byte(nameStart) == 0x5C ? token(.newline, 2) : skip(2)
        case 0x24, 0x60, 0x23, 0x22:  // $ ` # "
            return skip(1)
        case 0x26:  // &: LaTeX's alignment mark before a relation ("&= 12 + 5") is dropped
            var k = i + 1
            while text.byte(k) == 0x20 { k += 1 }
            return relationStarts(text, k) ? skip(1) : token(.other, 1)
        case 0x2A where lineStart && text.byte(i + 1) == 0x20:
            return skip(1)  // a Markdown list marker
        case 0x2A:  // *
            if text.byte(i + 1) == 0x2A { return skip(2) }
            var k = i + 1
            while text.byte(k) == 0x20 { k += 1 }
            // "2 * $40": a dollar sign before digits starts an operand too; so does a sign before one ("138 * -35":
            // dropped as emphasis, the line read as 138 - 35) and a point before digits ("8 * .75").
            var c = text.byte(k)
            if c == 0x2D || c == 0x2B || c == 0x2E, isDigit(text.byte(k + 1)) || (c != 0x2E && text.byte(k + 1) == 0x28) {
                c = 0x30
            }
            let operand = isDigit(c) || c == 0x28 || (c == 0x24 && isDigit(text.byte(k + 1)))
            return operand ? token(.times, 1) : skip(1)
        case 0x2B where lineStart && (text.byte(i + 1) == 0x20 || text.byte(i + 1) == 0x09):
            return skip(1)  // a Markdown list marker, not a sign
        case 0x2D where lineStart && (text.byte(i + 1) == 0x20 || text.byte(i + 1) == 0x09):
            return skip(1)
        case 0x2B: return token(.plus, 1)
        case 0x2D: return token(.minus, 1)
        case 0x3D: return token(.equals, text.byte(i + 1) == 0x3D ? 2 : 1)
        case 0x2E: return text.byte(i + 1) == 0x2E && text.byte(i + 2) == 0x2E ? token(.ellipsis, 3) : token(.period, 1)
        case 0x21: return text.byte(i + 1) == 0x3D ? token(.notEqual, 2) : token(.exclamation, 1)
        case 0x3C, 0x3E:
            return lineStart && b == 0x3E ? skip(1) : token(.otherRelation, 1)  // "> " is a quote marker
        case 0x80...0xFF:
            let (kind, length) = unicode(UnsafeBufferPointer(start: text.base, count: text.count), i)
            return Symbol(kind: kind, start: i, end: i + length)
        default:
            return token(.other, 1)
        }
    }

    /// What a LaTeX command stands for.
    private enum LaTeXCommand {
        /// A token of this kind, from the backslash to the end of the name.
        case token(Token.Kind)
        /// A function name ("\sin", "\log"): a word token of the name.
        case function
        /// Markup (``latexMarkup``), dropped.
        case markup
    }

    /// What the LaTeX command `name` (without its backslash) stands for.
    @inline(never)
    private static func latexCommand(_ name: UnsafeBufferPointer<UInt8>) -> LaTeXCommand {
        func named(_ s: StaticString) -> Bool { memcmpEqualName(s, name) }
        if named("times") || named("cdot") || named("ast") { return .token(.times) }
        if named("div") { return .token(.divide) }
        if named("approx") || named("simeq") || named("sim") || named("thickapprox") { return .token(.approx) }
        if named("neq") || named("ne") { return .token(.notEqual) }
        if named("le") || named("leq") || named("ge") || named("geq") || named("lt") || named("gt")
            || named("equiv") || named("pmod") || named("bmod") || named("mod")
        { return .token(.otherRelation) }
        if named("sqrt") { return .token(.sqrt) }
        if named("pi") { return .token(.pi) }
        if named("circ") || named("degree") { return .token(.degree) }
        if named("frac") || named("dfrac") || named("tfrac") { return .token(.fraction) }
        if named("cdots") || named("ldots") || named("dots") { return .token(.ellipsis) }
        if named("boxed") || named("fbox") { return .token(.boxed) }
        if named("sin") || named("cos") || named("tan") || named("cot") || named("sec") || named("csc")
            || named("arcsin") || named("arccos") || named("arctan") || named("ln") || named("log") || named("exp")
        {
            return .function
        }
        if latexMarkup.contains(where: named) { return .markup }
        if latexConnectives.contains(where: named) { return .token(.comma) }
        // Everything else is a symbol or an operator the scanner does not read (\binom, \lfloor, \overline, \phi,
        // \gcd, \sum, \pm, …): it ends an expression and, like a name, is written against what follows it, so
        // "\binom{6}{2} = 15" and "\phi(12) = 4" are no products or lone brackets.
        return .token(.other)
    }

    /// LaTeX commands that are only markup, dropped with their backslash (their arguments stay): text and font
    /// styles, bracket sizes, spacing, environments, labels.
    static let latexMarkup: [StaticString] = [
        "text", "textbf", "textit", "textrm", "textsf", "texttt", "textnormal", "mathrm", "mathbf", "mathit", "mathsf",
        "mathtt", "mathbb", "mathcal", "mathfrak", "mathnormal", "boldsymbol", "bm", "operatorname", "mbox", "hbox",
        "emph", "underline", "cancel", "bcancel", "xcancel", "color", "textcolor", "colorbox", "left", "right",
        "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr",
        "quad", "qquad", "enspace", "thinspace", "medspace", "thickspace", "negthinspace", "space", "hspace",
        "vspace", "hfill", "kern", "mkern", "phantom", "hphantom", "vphantom", "strut", "mathstrut", "displaystyle",
        "textstyle", "scriptstyle", "limits", "nolimits", "begin", "end", "hline", "label", "tag", "nonumber",
        "notag", "item", "newline", "noindent", "centering", "it", "bf", "rm", "sf", "tt", "small", "large", "Large",
    ]

    /// LaTeX commands that join statements ("\therefore 91 = 7 \cdot 13"): a break between clauses, like a comma.
    static let latexConnectives: [StaticString] = [
        "therefore", "because", "implies", "impliedby", "iff", "Rightarrow", "Leftarrow", "Leftrightarrow",
        "rightarrow", "leftarrow", "leftrightarrow", "Longrightarrow", "Longleftrightarrow", "longrightarrow",
        "to", "mapsto",
    ]

    static func memcmpEqual(_ s: StaticString, _ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let p = s.utf8Start
        for k in 0..<buffer.count where p[k] != buffer[k] { return false }
        return true
    }

    /// The token for the non-ASCII character at i (nil for characters to skip) and its length in bytes.
    static func unicode(_ text: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Token.Kind?, Int) {
        let b0 = text[i]
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1
        guard i + length <= text.count else { return (.other, text.count - i) }
        var value: UInt32 = length == 1 ? UInt32(b0) : UInt32(b0) & (0xFF >> (length + 1))
        for k in 1..<max(length, 1) { value = value << 6 | UInt32(text[i + k] & 0x3F) }
        switch value {
        case 0xD7, 0xB7, 0x22C5, 0x2219, 0x2A2F: return (.times, length)  // × · ⋅ ∙ ⨯
        case 0xF7: return (.divide, length)  // ÷
        case 0x2212, 0x2013: return (.minus, length)  // − –
        case 0x2014: return (.comma, length)  // — (a dash between clauses)
        case 0x2248, 0x2245, 0x2243: return (.approx, length)  // ≈ ≅ ≃
        case 0x2260: return (.notEqual, length)  // ≠
        case 0x2264, 0x2265, 0x2261, 0x226A, 0x226B: return (.otherRelation, length)  // ≤ ≥ ≡ ≪ ≫
        case 0x221A: return (.sqrt, length)  // √
        case 0x3C0, 0x1D70B: return (.pi, length)  // π 𝜋
        case 0xB0, 0xBA: return (.degree, length)  // ° º
        case 0xB2, 0xB3, 0xB9, 0x2070, 0x2074...0x2079: return (.power, length)  // ² ³ ¹ ⁰ ⁴…⁹ (digit read later)
        case 0x2022, 0x25CF, 0x25E6: return (nil, length)  // bullets
        case 0x20AC, 0xA3, 0xA5: return (nil, length)  // € £ ¥, dropped as "$" is: "€42 + €60 = €92"
        case 0x2026: return (.ellipsis, length)  // …
        case 0xA0, 0x2009, 0x202F, 0x2002, 0x2003, 0x200B, 0x201C, 0x201D, 0x2018, 0x2019, 0xFEFF:
            return (nil, length)  // spaces and quotes
        default: return (.other, length)
        }
    }
}
