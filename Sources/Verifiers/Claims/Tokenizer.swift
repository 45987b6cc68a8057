/// Splits a model's answer into ``Token``s, reading UTF-8 bytes directly.
///
/// It understands the notations models write math in: plain text, Unicode (× · ÷ − ≈ ≠ √ π ° ² ³), Markdown
/// (`**bold**`, `*`, `#`, backticks) and LaTeX (`$…$`, `\(…\)`, `\times`, `\cdot`, `\div`, `\frac{a}{b}`,
/// `\sqrt{x}`, `^\circ`, `\boxed{}`, `\text{}`). Markup that carries no meaning is dropped; thousands separators
/// ("34,792,834", "34 792 834", "34\,792\,834") stay inside the number token.
///
/// Speed: the tokenizer is one pass over the bytes that writes each token through a pointer into a scratch chunk,
/// appended to the caller's array a chunk at a time (`Array.append` checks uniqueness and capacity for every
/// token). Letters are scanned eight bytes at a time (``letterRunEnd(_:)``), and each word is looked up once in
/// the ``Vocabulary``'s slot table. The tokenizer is a local value whose mutating methods are all inlined into
/// one loop, so that its position, line-start flag and chunk count stay in registers: a method that took `self`'s
/// address without being inlined would send every one of them back to memory after each token. The rare work
/// (a LaTeX command's name, a non-ASCII character, appending a chunk) is in static functions that return what to
/// do.
struct Tokenizer {
    private let text: UnsafePointer<UInt8>
    private let n: Int
    private let slots: UnsafeBufferPointer<Vocabulary.Slot>
    private let chunk: UnsafeMutablePointer<Token>
    private let chunkCapacity: Int
    private var used = 0
    private var i = 0
    private var lineStart = true

    /// The most tokens written between two appends to the caller's array: 25 tokens are 1000 bytes, which
    /// `withUnsafeTemporaryAllocation` takes from the stack without asking the runtime (it does above 1024 bytes).
    static let chunkSize = 25

    /// Appends the tokens of `text` to `tokens` (which the caller reuses between answers).
    static func tokenize(_ text: UnsafeBufferPointer<UInt8>, into tokens: inout [Token]) {
        guard let base = text.baseAddress, text.count > 0 else { return }
        withUnsafeTemporaryAllocation(of: Token.self, capacity: chunkSize) { chunk in
            guard let chunkBase = chunk.baseAddress else {
                preconditionFailure("a temporary allocation has an address")
            }
            Vocabulary.shared.withSlots { slots in
                var tokenizer = Tokenizer(
                    text: base, n: text.count, slots: slots, chunk: chunkBase, chunkCapacity: chunk.count)
                tokenizer.run(&tokens)
                if tokenizer.used > 0 { Self.append(chunkBase, tokenizer.used, to: &tokens) }
            }
        }
    }

    private init(
        text: UnsafePointer<UInt8>, n: Int, slots: UnsafeBufferPointer<Vocabulary.Slot>,
        chunk: UnsafeMutablePointer<Token>, chunkCapacity: Int
    ) {
        self.text = text
        self.n = n
        self.slots = slots
        self.chunk = chunk
        self.chunkCapacity = chunkCapacity
    }

    // MARK: - Bytes

    /// The byte at k, 0 past the end.
    @inline(__always) private func byte(_ k: Int) -> UInt8 { k < n ? text[k] : 0 }
    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    @inline(__always) private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }

    /// The length of a thin-space-like separator at k ("\,", U+2009, U+202F, U+00A0), or 0.
    private func thinSpace(at k: Int) -> Int {
        if byte(k) == 0x5C && (byte(k + 1) == 0x2C || byte(k + 1) == 0x3B) { return 2 }  // \, \;
        if byte(k) == 0xE2 && byte(k + 1) == 0x80 && (byte(k + 2) == 0x89 || byte(k + 2) == 0xAF) { return 3 }
        if byte(k) == 0xC2 && byte(k + 1) == 0xA0 { return 2 }
        return 0
    }

    /// Whether exactly three digits start at k and no digit follows them.
    private func threeDigits(at k: Int) -> Bool {
        Self.isDigit(byte(k)) && Self.isDigit(byte(k + 1)) && Self.isDigit(byte(k + 2)) && !Self.isDigit(byte(k + 3))
    }

    /// The index of the first byte at or after k that is not an ASCII letter (n at the end).
    ///
    /// Eight bytes at a time: in each lane, f = (b & 0x7F) | 0x20 folds capitals to lower case; f + 0x1F has its top
    /// bit set exactly when f ≥ "a" (0x61) and f + 0x05 exactly when f > "z" (0x7A); neither sum carries into the
    /// next lane (f ≤ 0x7F). A lane is a letter when the first bit is set, the second is not and b < 0x80.
    @inline(__always)
    private func letterRunEnd(_ k: Int) -> Int { Self.letterRunEnd(text, n, k) }

    /// ``letterRunEnd(_:)`` in the n bytes at `text`.
    @inline(__always)
    private static func letterRunEnd(_ text: UnsafePointer<UInt8>, _ n: Int, _ k: Int) -> Int {
        var k = k
        while k &+ 8 <= n {
            let x = UInt64(littleEndian: UnsafeRawPointer(text + k).loadUnaligned(as: UInt64.self))
            let others = nonLetterLanes(x)
            if others != 0 { return k &+ others.trailingZeroBitCount &>> 3 }
            k &+= 8
        }
        while k < n && isLetter(text[k]) { k += 1 }
        return k
    }

    /// 0x80 in each byte lane of `x` (eight bytes of text, the first lowest) that is not an ASCII letter, 0 in the
    /// others (the arithmetic of ``letterRunEnd(_:)``).
    @inline(__always)
    private static func nonLetterLanes(_ x: UInt64) -> UInt64 {
        let folded = (x & 0x7F7F_7F7F_7F7F_7F7F) | 0x2020_2020_2020_2020
        let atLeastA = folded &+ 0x1F1F_1F1F_1F1F_1F1F
        let beyondZ = folded &+ 0x0505_0505_0505_0505
        let letters = atLeastA & ~beyondZ & ~x & 0x8080_8080_8080_8080
        return ~letters & 0x8080_8080_8080_8080
    }

    // MARK: - Writing tokens

    @inline(__always)
    private mutating func emit(_ token: Token, _ tokens: inout [Token]) {
        if used == chunkCapacity {
            Self.append(chunk, used, to: &tokens)
            used = 0
        }
        (chunk + used).initialize(to: token)
        used &+= 1
    }

    /// Appends the first `count` tokens of `chunk` to `tokens`.
    @inline(never)
    private static func append(_ chunk: UnsafeMutablePointer<Token>, _ count: Int, to tokens: inout [Token]) {
        tokens.append(contentsOf: UnsafeBufferPointer(start: chunk, count: count))
    }

    /// Adds a token of `kind`; only a newline leaves the next token at a line start.
    @inline(__always)
    private mutating func add(_ kind: Token.Kind, _ start: Int, _ end: Int, _ tokens: inout [Token]) {
        emit(Token(kind: kind, start: start, end: end, afterLineStart: lineStart), &tokens)
        lineStart = kind == .newline
    }

    /// Adds the word text[start..<end] with what the vocabulary knows of it.
    @inline(__always)
    private mutating func addWord(_ start: Int, _ end: Int, _ tokens: inout [Token]) {
        addWord(start, end, key: Self.key(UnsafeBufferPointer(start: text, count: n), start, end), &tokens)
    }

    /// ``Token/key(_:_:_:)`` out of line, for the words that are not plain letters (the fast path computes the key
    /// from the bytes it has already read).
    @inline(never)
    private static func key(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        Token.key(text, start, end)
    }

    /// Adds the word text[start..<end] whose ``Token/key`` is `key`.
    @inline(__always)
    private mutating func addWord(_ start: Int, _ end: Int, key: UInt64, _ tokens: inout [Token]) {
        var token = Token(kind: .word, start: start, end: end, afterLineStart: lineStart)
        token.key = key
        let bytes = UnsafeBufferPointer(start: text, count: n)
        if let entry = Vocabulary.lookup(slots, bytes, start, end &- start, key: key) {
            token.word = entry.number
            token.formulaFunction = entry.formula
            token.proseFunction = entry.prose
            token.traits = entry.traits
        }
        emit(token, &tokens)
        lineStart = false
    }

    /// The kind of the last token written (of the caller's array when none was written yet).
    private func lastKind(_ tokens: [Token]) -> Token.Kind? {
        used > 0 ? chunk[used - 1].kind : tokens.last?.kind
    }

    // MARK: - The pass

    /// Writes the tokens of the text, the last ones left in the chunk (`used` of them).
    @inline(__always)
    private mutating func run(_ tokens: inout [Token]) {
        while i < n {
            let b = text[i]
            // Words, spaces and numbers first: they are most of the text.
            if Self.isLetter(b) {
                if used == chunkCapacity {
                    Self.append(chunk, used, to: &tokens)
                    used = 0
                }
                i = Self.word(text, n, i, slots, lineStart, into: chunk + used)
                used &+= 1
                lineStart = false
                continue
            }
            if b == 0x20 {
                i &+= 1
                continue
            }
            if Self.isDigit(b) {
                number(&tokens)
                continue
            }
            let start = i
            switch b {
            case 0x09, 0x0D:
                i += 1
            case 0x0A:
                add(.newline, i, i + 1, &tokens)
                i += 1
            case 0x5C:  // backslash: LaTeX
                i += 1
                if Self.isLetter(byte(i)) {
                    let nameStart = i
                    i = letterRunEnd(i)
                    switch Self.latexCommand(UnsafeBufferPointer(start: text + nameStart, count: i - nameStart)) {
                    case .token(let kind):
                        emit(Token(kind: kind, start: start, end: i, afterLineStart: lineStart), &tokens)
                        lineStart = false
                    case .function:
                        addWord(nameStart, i, &tokens)
                    case .markup:
                        break
                    }
                } else {
                    let c = byte(i)
                    i += 1
                    if c == 0x5C { add(.newline, start, i, &tokens) }  // \\ line break
                    // \{ \} and the rest: dropped
                }
            case 0x24, 0x60, 0x23, 0x22:  // $ ` # "
                i += 1
            case 0x5F:  // _ (Markdown emphasis or a subscript): breaks an expression
                add(.other, i, i + 1, &tokens)
                i += 1
            case 0x2A where lineStart && byte(i + 1) == 0x20:
                i += 1  // a Markdown list marker
            case 0x2A:  // *
                if byte(i + 1) == 0x2A {
                    i += 2
                } else {
                    i += 1
                    // A single * is multiplication between operands, emphasis otherwise.
                    var k = i
                    while byte(k) == 0x20 { k += 1 }
                    let previous = lastKind(tokens)
                    if (previous == .number || previous == .closeParen) && (Self.isDigit(byte(k)) || byte(k) == 0x28) {
                        add(.times, start, i, &tokens)
                    }
                }
            case 0x2B where lineStart && (byte(i + 1) == 0x20 || byte(i + 1) == 0x09):
                i += 1  // a Markdown list marker, not a sign
            case 0x2D where lineStart && (byte(i + 1) == 0x20 || byte(i + 1) == 0x09):
                i += 1
            case 0x2B: add(.plus, i, i + 1, &tokens); i += 1
            case 0x2D: add(.minus, i, i + 1, &tokens); i += 1
            case 0x2F: add(.divide, i, i + 1, &tokens); i += 1
            case 0x5E: add(.power, i, i + 1, &tokens); i += 1
            case 0x3D:
                i += 1
                if byte(i) == 0x3D { i += 1 }
                add(.equals, start, i, &tokens)
            case 0x7E: add(.approx, i, i + 1, &tokens); i += 1
            case 0x28, 0x7B: add(.openParen, i, i + 1, &tokens); i += 1
            case 0x29, 0x7D: add(.closeParen, i, i + 1, &tokens); i += 1
            case 0x5B: add(.openBracket, i, i + 1, &tokens); i += 1
            case 0x5D: add(.closeBracket, i, i + 1, &tokens); i += 1
            case 0x25: add(.percent, i, i + 1, &tokens); i += 1
            case 0x2C: add(.comma, i, i + 1, &tokens); i += 1
            case 0x2E:
                if byte(i + 1) == 0x2E && byte(i + 2) == 0x2E {
                    add(.ellipsis, i, i + 3, &tokens)
                    i += 3
                } else {
                    add(.period, i, i + 1, &tokens)
                    i += 1
                }
            case 0x3A: add(.colon, i, i + 1, &tokens); i += 1
            case 0x3B: add(.semicolon, i, i + 1, &tokens); i += 1
            case 0x3F: add(.question, i, i + 1, &tokens); i += 1
            case 0x21:
                if byte(i + 1) == 0x3D {
                    add(.notEqual, i, i + 2, &tokens)
                    i += 2
                } else {
                    add(.exclamation, i, i + 1, &tokens)
                    i += 1
                }
            case 0x3C, 0x3E:
                if lineStart && b == 0x3E {  // "> " quote marker
                    i += 1
                } else {
                    add(.otherRelation, i, i + 1, &tokens)
                    i += 1
                }
            case 0x80...0xFF:
                let (kind, length) = Self.unicode(UnsafeBufferPointer(start: text, count: n), i)
                i += length
                if let kind { add(kind, start, i, &tokens) }
            default:
                add(.other, i, i + 1, &tokens)
                i += 1
            }
        }
    }

    /// A number at i: digits, thousands separators, a decimal fraction, an exponent.
    @inline(__always)
    private mutating func number(_ tokens: inout [Token]) {
        let start = i
        var token = Token(kind: .number, start: start, end: start, afterLineStart: lineStart)
        var group = 0
        while Self.isDigit(byte(i)) {
            i += 1
            group += 1
        }
        // Thousands separators: ",ddd", thin spaces, or plain spaces between 3-digit groups ("34 792 834"). Each
        // starts with one of six bytes: after any other byte there is none (most numbers end so).
        var firstGroup = group
        switch byte(i) {
        case 0x7B, 0x2C, 0x5C, 0xE2, 0xC2, 0x20:
            while true {
                if byte(i) == 0x7B && byte(i + 1) == 0x2C && byte(i + 2) == 0x7D && firstGroup <= 3
                    && threeDigits(at: i + 3)
                {  // LaTeX "{,}"
                    i += 6
                    token.hasSeparators = true
                    firstGroup = 0
                    continue
                }
                if byte(i) == 0x2C && firstGroup <= 3 && threeDigits(at: i + 1) {
                    i += 4
                    token.hasSeparators = true
                    firstGroup = 0
                    continue
                }
                let thin = thinSpace(at: i)
                if thin > 0 && threeDigits(at: i + thin) && firstGroup <= 3 {
                    i += thin + 3
                    token.hasSeparators = true
                    firstGroup = 0
                    continue
                }
                if byte(i) == 0x20 && firstGroup <= 3 && firstGroup > 0 && Self.isDigit(byte(i + 1))
                    && Self.isDigit(byte(i + 2)) && Self.isDigit(byte(i + 3)) && byte(i + 4) == 0x20
                    && threeDigits(at: i + 5) && !token.hasSeparators
                {
                    // At least two space-separated groups: "34 792 834".
                    i += 8
                    token.hasSeparators = true
                    firstGroup = 0
                    while byte(i) == 0x20 && threeDigits(at: i + 1) { i += 4 }
                    continue
                }
                break
            }
        default:
            break
        }
        if byte(i) == 0x2E && Self.isDigit(byte(i + 1)) {
            i += 1
            token.hasPoint = true
            while Self.isDigit(byte(i)) { i += 1 }
        }
        // Scientific notation written without spaces: "1e22", "1.2E-7".
        if byte(i) | 0x20 == 0x65 {
            var k = i + 1
            if byte(k) == 0x2B || byte(k) == 0x2D { k += 1 }
            if Self.isDigit(byte(k)) && !Self.isLetter(byte(k - 1)) || (Self.isDigit(byte(k)) && k == i + 1) {
                while Self.isDigit(byte(k)) { k += 1 }
                if !Self.isLetter(byte(k)) {
                    i = k
                    token.hasPoint = true
                }
            }
        }
        token.end = i
        emit(token, &tokens)
        lineStart = false
    }

    /// Writes the word that starts at `start` (a letter) to `out` and returns where the main loop goes on: after
    /// the word, and after one space that follows a word of letters only (a space makes no token and changes no
    /// state, so skipping it here saves the main loop a turn).
    ///
    /// A word is letters, apostrophes (' or ’) between letters, and the digits or subscript of a name. Out of
    /// line, with everything it needs as arguments, so that it keeps its few values in registers and the main
    /// loop's state is not reloaded around it.
    @inline(never)
    private static func word(
        _ text: UnsafePointer<UInt8>, _ n: Int, _ start: Int, _ slots: UnsafeBufferPointer<Vocabulary.Slot>,
        _ lineStart: Bool, into out: UnsafeMutablePointer<Token>
    ) -> Int {
        let bytes = UnsafeBufferPointer(start: text, count: n)
        var end: Int
        var key: UInt64 = 0
        var resume = -1
        if start &+ 8 <= n {
            // The first eight bytes give both the end of the letters (as in ``letterRunEnd(_:)``, whose first step
            // this is) and the word's key.
            let x = UInt64(littleEndian: UnsafeRawPointer(text + start).loadUnaligned(as: UInt64.self))
            let nonLetters = nonLetterLanes(x)
            end = nonLetters != 0 ? start &+ nonLetters.trailingZeroBitCount &>> 3 : letterRunEnd(text, n, start &+ 8)
            // Most words end at a byte that cannot continue them (an apostrophe, a UTF-8 lead byte for "’" or a
            // subscript, a digit, "_"): then the loops of ``wordEnd(_:_:)`` would change nothing.
            let next = end < n ? text[end] : 0
            if !mayContinueWord(next) {
                // Letters only. A letter lower-cased is the letter with the case bit (0x20) set, so the word's key
                // is its first eight bytes with that bit set in each, and zeros past its end.
                let count = end &- start
                let lowered = x | 0x2020_2020_2020_2020
                key = count < 8 ? lowered & ((1 &<< UInt64(truncatingIfNeeded: 8 &* count)) &- 1) : lowered
                resume = next == 0x20 ? end &+ 1 : end
            }
        } else {
            end = letterRunEnd(text, n, start)
        }
        if resume < 0 {
            end = wordEnd(bytes, end)
            key = Self.key(bytes, start, end)
            resume = end
        }
        var token = Token(kind: .word, start: start, end: end, afterLineStart: lineStart)
        token.key = key
        if let entry = Vocabulary.lookup(slots, bytes, start, end &- start, key: key) {
            token.word = entry.number
            token.formulaFunction = entry.formula
            token.proseFunction = entry.prose
            token.traits = entry.traits
        }
        out.initialize(to: token)
        return resume
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
    private static func wordEnd(_ text: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let n = text.count
        func byte(_ k: Int) -> UInt8 { k < n ? text[k] : 0 }
        guard let base = text.baseAddress else { return i }
        var i = i
        while true {
            i = letterRunEnd(base, n, i)
            if byte(i) == 0x27 && isLetter(byte(i + 1)) {
                i += 1
            } else if byte(i) == 0xE2 && byte(i + 1) == 0x80 && byte(i + 2) == 0x99 && isLetter(byte(i + 3)) {
                i += 3
            } else {
                break
            }
        }
        // "F5", "x2", "log10", "log₁₀", "log_{10}", "log_2": digits right after letters belong to the name.
        while isDigit(byte(i)) { i += 1 }
        while byte(i) == 0xE2 && byte(i + 1) == 0x82 && byte(i + 2) >= 0x80 && byte(i + 2) <= 0x89 { i += 3 }
        if byte(i) == 0x5F {
            var k = i + 1
            let braced = byte(k) == 0x7B
            if braced { k += 1 }
            if isDigit(byte(k)) {
                while isDigit(byte(k)) { k += 1 }
                if !braced || byte(k) == 0x7D { i = braced ? k + 1 : k }
            }
        }
        return i
    }

    /// What a LaTeX command stands for.
    private enum LaTeXCommand {
        /// A token of this kind, from the backslash to the end of the name.
        case token(Token.Kind)
        /// A function name ("\sin", "\log"): a word token of the name.
        case function
        /// Markup, dropped.
        case markup
    }

    /// What the LaTeX command `name` (without its backslash) stands for.
    @inline(never)
    private static func latexCommand(_ name: UnsafeBufferPointer<UInt8>) -> LaTeXCommand {
        func named(_ s: StaticString) -> Bool {
            s.utf8CodeUnitCount == name.count && Self.memcmpEqual(s, name)
        }
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
        // Everything else (\text, \boxed, \left, \right, \mathrm, \quad, …) is markup: dropped.
        return .markup
    }

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
        case 0x2026: return (.ellipsis, length)  // …
        case 0xA0, 0x2009, 0x202F, 0x2002, 0x2003, 0x200B, 0x201C, 0x201D, 0x2018, 0x2019, 0xFEFF:
            return (nil, length)  // spaces and quotes
        default: return (.other, length)
        }
    }
}
