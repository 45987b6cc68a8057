@testable import Claims
@testable import Verifiers

/// The tokenizer as it was before its main loop was rewritten for speed (commit 79bc395), kept as the
/// definition the fast tokenizer must agree with token for token. The helpers the rewrite left as they were (the
/// reading of a non-ASCII character, literal comparison) are shared with it rather than copied.
struct ReferenceTokenizer {
    /// Appends the tokens of `text` to `tokens` (which the caller reuses between answers).
    static func tokenize(_ text: UnsafeBufferPointer<UInt8>, into tokens: inout [Token]) {
        var i = 0
        let n = text.count
        var lineStart = true
        @inline(__always) func byte(_ k: Int) -> UInt8 { k < n ? text[k] : 0 }
        @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        @inline(__always) func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
        func add(_ kind: Token.Kind, _ start: Int, _ end: Int) {
            tokens.append(Token(kind: kind, start: start, end: end, afterLineStart: lineStart))
            lineStart = kind == .newline
        }
        func addWord(_ start: Int, _ end: Int) {
            tokens.append(wordToken(text, start, end, afterLineStart: lineStart))
            lineStart = false
        }
        /// Whether a relation that continues a chain starts at k: one "=", "≈", "≡", "\\approx", "\\equiv", "\\simeq".
        func relationStarts(_ k: Int) -> Bool {
            if byte(k) == 0x3D { return byte(k + 1) != 0x3D }
            if byte(k) == 0xE2 && byte(k + 1) == 0x89 { return byte(k + 2) == 0x88 || byte(k + 2) == 0xA1 }
            guard byte(k) == 0x5C else { return false }
            var end = k + 1
            while isLetter(byte(end)) { end += 1 }
            let name = String(decoding: UnsafeBufferPointer(rebasing: text[(k + 1)..<end]), as: UTF8.self)
            return ["approx", "equiv", "simeq"].contains(name)
        }
        /// Whether the line after a break goes on a chain: blanks (and up to `newlines` line feeds), an optional "&",
        /// then a relation. Such a break is no token.
        func goesOnWithRelation(_ k: Int, newlines: Int) -> Bool {
            var k = k
            var newlines = newlines
            while [0x20, 0x09, 0x0D].contains(byte(k)) || (byte(k) == 0x0A && newlines > 0) {
                if byte(k) == 0x0A { newlines -= 1 }
                k += 1
            }
            if byte(k) == 0x26 {
                k += 1
                while byte(k) == 0x20 { k += 1 }
            }
            return relationStarts(k)
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

        while i < n {
            let b = text[i]
            let start = i
            switch b {
            case 0x20, 0x09, 0x0D:
                i += 1
            case 0x0A:
                if !goesOnWithRelation(i + 1, newlines: 0) { add(.newline, i, i + 1) }
                i += 1
            case 0x26:  // & before a relation (LaTeX alignment) is dropped
                var k = i + 1
                while byte(k) == 0x20 { k += 1 }
                if !relationStarts(k) { add(.other, i, i + 1) }
                i += 1
            case 0x30...0x39:
                var token = Token(kind: .number, start: start, end: start, afterLineStart: lineStart)
                var group = 0
                while isDigit(byte(i)) {
                    i += 1
                    group += 1
                }
                // Thousands separators: ",ddd", thin spaces, or plain spaces between 3-digit groups ("34 792 834").
                var firstGroup = group
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
                    if byte(i) == 0x20 && firstGroup <= 3 && firstGroup > 0 && isDigit(byte(i + 1))
                        && isDigit(byte(i + 2)) && isDigit(byte(i + 3)) && byte(i + 4) == 0x20
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
                if byte(i) == 0x2E && isDigit(byte(i + 1)) {
                    i += 1
                    token.hasPoint = true
                    while isDigit(byte(i)) { i += 1 }
                }
                // Scientific notation written without spaces: "1e22", "1.2E-7".
                if byte(i) | 0x20 == 0x65 {
                    var k = i + 1
                    if byte(k) == 0x2B || byte(k) == 0x2D { k += 1 }
                    if isDigit(byte(k)) && !isLetter(byte(k - 1)) || (isDigit(byte(k)) && k == i + 1) {
                        while isDigit(byte(k)) { k += 1 }
                        if !isLetter(byte(k)) {
                            i = k
                            token.hasPoint = true
                        }
                    }
                }
                token.end = i
                tokens.append(token)
                lineStart = false
            case 0x41...0x5A, 0x61...0x7A:
                // Letters, and apostrophes (' or ’) between letters.
                while true {
                    while isLetter(byte(i)) { i += 1 }
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
                addWord(start, i)
            case 0x5C:  // backslash: LaTeX
                i += 1
                if isLetter(byte(i)) {
                    let nameStart = i
                    while isLetter(byte(i)) { i += 1 }
                    latexCommand(text, nameStart, i, start, &tokens, &lineStart)
                } else {
                    let c = byte(i)
                    i += 1
                    if c == 0x5C && !goesOnWithRelation(i, newlines: 1) { add(.newline, start, i) }  // \\ line break
                    else if c == 0x7B || c == 0x7D { /* \{ \} */ }
                }
            case 0x24, 0x60, 0x23, 0x22:  // $ ` # "
                i += 1
            case 0x5F:  // _ (Markdown emphasis or a subscript): breaks an expression
                add(.other, i, i + 1)
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
                    let previous = tokens.last?.kind
                    let c = byte(k)
                    let signed = (c == 0x2D || c == 0x2B) && (isDigit(byte(k + 1)) || byte(k + 1) == 0x28)
                    let point = c == 0x2E && isDigit(byte(k + 1))
                    let operand =
                        isDigit(c) || c == 0x28 || (c == 0x24 && isDigit(byte(k + 1))) || signed || point
                    if (previous == .number || previous == .closeParen) && operand {
                        add(.times, start, i)
                    }
                }
            case 0x2B where lineStart && (byte(i + 1) == 0x20 || byte(i + 1) == 0x09):
                i += 1  // a Markdown list marker, not a sign
            case 0x2D where lineStart && (byte(i + 1) == 0x20 || byte(i + 1) == 0x09):
                i += 1
            case 0x2B: add(.plus, i, i + 1); i += 1
            case 0x2D: add(.minus, i, i + 1); i += 1
            case 0x2F: add(.divide, i, i + 1); i += 1
            case 0x5E: add(.power, i, i + 1); i += 1
            case 0x3D:
                i += 1
                if byte(i) == 0x3D { i += 1 }
                add(.equals, start, i)
            case 0x7E: add(.approx, i, i + 1); i += 1
            case 0x28, 0x7B: add(.openParen, i, i + 1); i += 1
            case 0x29, 0x7D: add(.closeParen, i, i + 1); i += 1
            case 0x5B: add(.openBracket, i, i + 1); i += 1
            case 0x5D: add(.closeBracket, i, i + 1); i += 1
            case 0x25: add(.percent, i, i + 1); i += 1
            case 0x2C: add(.comma, i, i + 1); i += 1
            case 0x2E:
                if byte(i + 1) == 0x2E && byte(i + 2) == 0x2E {
                    add(.ellipsis, i, i + 3)
                    i += 3
                } else {
                    add(.period, i, i + 1)
                    i += 1
                }
            case 0x3A: add(.colon, i, i + 1); i += 1
            case 0x3B: add(.semicolon, i, i + 1); i += 1
            case 0x3F: add(.question, i, i + 1); i += 1
            case 0x21:
                if byte(i + 1) == 0x3D {
                    add(.notEqual, i, i + 2)
                    i += 2
                } else {
                    add(.exclamation, i, i + 1)
                    i += 1
                }
            case 0x3C, 0x3E:
                if lineStart && b == 0x3E {  // "> " quote marker
                    i += 1
                } else {
                    add(.otherRelation, i, i + 1)
                    i += 1
                }
            case 0x80...0xFF:
                let (kind, length) = Tokenizer.unicode(text, i)
                i += length
                if let kind { add(kind, start, i) }
            default:
                add(.other, i, i + 1)
                i += 1
            }
        }
    }

    /// A word token with its key and what the vocabulary says of it.
    private static func wordToken(
        _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, afterLineStart: Bool
    ) -> Token {
        var token = Token(kind: .word, start: start, end: end, afterLineStart: afterLineStart)
        token.key = Token.key(text, start, end)
        if let entry = Vocabulary.shared.lookup(text, start, end, key: token.key) {
            token.word = entry.number
            token.formulaFunction = entry.formula
            token.proseFunction = entry.prose
            token.traits = entry.traits
        }
        return token
    }

    /// Maps a LaTeX command to a token (or to nothing, for markup).
    private static func latexCommand(
        _ text: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ start: Int, _ tokens: inout [Token],
        _ lineStart: inout Bool
    ) {
        var kind: Token.Kind? = nil
        let name = UnsafeBufferPointer(rebasing: text[from..<to])
        func named(_ s: StaticString) -> Bool {
            s.utf8CodeUnitCount == name.count && Tokenizer.memcmpEqual(s, name)
        }
        if named("times") || named("cdot") || named("ast") { kind = .times }
        else if named("div") { kind = .divide }
        else if named("approx") || named("simeq") || named("sim") || named("thickapprox") { kind = .approx }
        else if named("neq") || named("ne") { kind = .notEqual }
        else if named("le") || named("leq") || named("ge") || named("geq") || named("lt") || named("gt")
            || named("equiv") || named("pmod") || named("bmod") || named("mod")
        { kind = .otherRelation }
        else if named("sqrt") { kind = .sqrt }
        else if named("pi") { kind = .pi }
        else if named("circ") || named("degree") { kind = .degree }
        else if named("frac") || named("dfrac") || named("tfrac") { kind = .fraction }
        else if named("cdots") || named("ldots") || named("dots") { kind = .ellipsis }
        else if named("boxed") || named("fbox") { kind = .boxed }
        else if named("sin") || named("cos") || named("tan") || named("cot") || named("sec") || named("csc")
            || named("arcsin") || named("arccos") || named("arctan") || named("ln") || named("log") || named("exp")
        {
            tokens.append(wordToken(text, from, to, afterLineStart: lineStart))
            lineStart = false
            return
        }
        else if Tokenizer.latexMarkup.contains(where: named) { kind = nil }
        else if Tokenizer.latexConnectives.contains(where: named) { kind = .comma }
        else { kind = .other }
        if let kind {
            tokens.append(Token(kind: kind, start: start, end: to, afterLineStart: lineStart))
            lineStart = false
        }
        // Markup (\text, \left, \right, \mathrm, \quad, …) is dropped.
    }
}
