/// The pieces of JSON's grammar (RFC 8259) that both readers of a line use: ``JSONParser``, which builds values, and
/// ``RecordFieldScan``, which only validates and notes where a record's fields are. Written once, so the two accept
/// exactly the same lines.
///
/// Each function reads `bytes` from `position` and advances it as far as the grammar allows; on failure, `position`
/// is where the parser reports the error.
package enum JSONGrammar {
    /// Why a number is not one (the parser's error messages).
    package enum NumberError: Error {
        case noDigits, leadingZero, noFractionDigits, noExponentDigits

        package var message: String {
            switch self {
            case .noDigits: "a number needs digits"
            case .leadingZero: "a number must not have leading zeros"
            case .noFractionDigits: "a decimal point must be followed by digits"
            case .noExponentDigits: "an exponent needs digits"
            }
        }
    }

    /// Skips a number, `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, from its first byte.
    @inline(__always)
    package static func skipNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int) throws(NumberError) {
        @inline(__always) func digit() -> Bool { position < bytes.count && bytes[position] &- UInt8(ascii: "0") < 10 }
        if position < bytes.count && bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard digit() else { throw .noDigits }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if digit() { throw .leadingZero }
        } else {
            while digit() { position += 1 }
        }
        if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digit() else { throw .noFractionDigits }
            while digit() { position += 1 }
        }
        if position < bytes.count && (bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")) {
            position += 1
            if position < bytes.count && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-"))
            {
                position += 1
            }
            guard digit() else { throw .noExponentDigits }
            while digit() { position += 1 }
        }
    }

    /// Skips insignificant whitespace: space, tab, line feed, carriage return.
    @inline(__always)
    package static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int) {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Whether `word` (`true`, `false` or `null`) is at `position`; advances past it when it is.
    @inline(__always)
    package static func skipLiteral(_ word: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int)
        -> Bool
    {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for i in 0..<count where bytes[position + i] != word.utf8Start[i] { return false }
        position += count
        return true
    }

    /// The byte a one-character escape stands for (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`), or nil for `\u`
    /// and every other byte.
    @inline(__always)
    package static func escaped(_ e: UInt8) -> UInt8? {
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): e
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }

    /// 0–15 for a hex digit, 16 otherwise.
    @inline(__always)
    package static func hexValue(_ b: UInt8) -> UInt8 {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: 16
        }
    }

    /// The four hex digits of a `\u` escape at `position`, advancing past them; nil when they are not four hex digits.
    @inline(__always)
    package static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int) -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let digit = hexValue(bytes[position])
            guard digit < 16 else { return nil }
            value = value * 16 + UInt32(digit)
            position += 1
        }
        return value
    }

    /// Why a `\u` escape is not one (the parser's error messages).
    package enum EscapeError: Error {
        case notHex, noLowSurrogate, badLowSurrogate, loneLowSurrogate

        package var message: String {
            switch self {
            case .notHex: "a \\u escape needs four hex digits"
            case .noLowSurrogate: "a high surrogate \\u escape must be followed by a low one"
            case .badLowSurrogate: "invalid low surrogate"
            case .loneLowSurrogate: "a lone low surrogate in a \\u escape"
            }
        }
    }

    /// The scalar of a `\u` escape whose four digits start at `position` (past the `u`), a surrogate pair read
    /// whole; advances past it.
    @inline(__always)
    package static func unicodeEscape(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int)
        throws(EscapeError) -> UInt32
    {
        guard let code = hex4(bytes, &position) else { throw .notHex }
        if (0xD800...0xDBFF).contains(code) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u")
            else { throw .noLowSurrogate }
            position += 2
            guard let low = hex4(bytes, &position) else { throw .notHex }
            guard (0xDC00...0xDFFF).contains(low) else { throw .badLowSurrogate }
            return 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        if (0xDC00...0xDFFF).contains(code) { throw .loneLowSurrogate }
        return code
    }

    /// Writes the UTF-8 form of a scalar value (at most U+10FFFF, not a surrogate) at `p`; returns its length.
    @inline(__always)
    package static func writeUTF8(_ code: UInt32, to p: UnsafeMutablePointer<UInt8>) -> Int {
        switch code {
        case ..<0x80:
            p[0] = UInt8(code)
            return 1
        case ..<0x800:
            p[0] = UInt8(0xC0 | code >> 6)
            p[1] = UInt8(0x80 | code & 0x3F)
            return 2
        case ..<0x10000:
            p[0] = UInt8(0xE0 | code >> 12)
            p[1] = UInt8(0x80 | code >> 6 & 0x3F)
            p[2] = UInt8(0x80 | code & 0x3F)
            return 3
        default:
            p[0] = UInt8(0xF0 | code >> 18)
            p[1] = UInt8(0x80 | code >> 12 & 0x3F)
            p[2] = UInt8(0x80 | code >> 6 & 0x3F)
            p[3] = UInt8(0x80 | code & 0x3F)
            return 4
        }
    }

    /// Whether the bytes are well-formed UTF-8 (Unicode table 3-7: no overlong forms, no surrogates, nothing past
    /// U+10FFFF), the rule `String(validating:as:)` applies.
    package static func isValidUTF8(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = s.count
        func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            k < n && s[k] >= low && s[k] <= high
        }
        while i < n {
            let b = s[i]
            switch b {
            case 0x00...0x7F: i += 1
            case 0xC2...0xDF:
                guard continuation(i + 1) else { return false }
                i += 2
            case 0xE0...0xEF:
                let (low, high): (UInt8, UInt8) = b == 0xE0 ? (0xA0, 0xBF) : b == 0xED ? (0x80, 0x9F) : (0x80, 0xBF)
                guard continuation(i + 1, low, high), continuation(i + 2) else { return false }
                i += 3
            case 0xF0...0xF4:
                let (low, high): (UInt8, UInt8) = b == 0xF0 ? (0x90, 0xBF) : b == 0xF4 ? (0x80, 0x8F) : (0x80, 0xBF)
                guard continuation(i + 1, low, high), continuation(i + 2), continuation(i + 3) else { return false }
                i += 4
            default: return false  // a continuation byte first, C0/C1 (overlong) or F5–FF
            }
        }
        return true
    }
}
