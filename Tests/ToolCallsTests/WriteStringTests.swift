import Testing

@testable import ToolCalls

/// `JSONValue.writeString` looks at eight bytes at a time; it must write exactly what a byte-by-byte escaper writes.
@Suite("JSON string writing")
struct WriteStringTests {
    /// The reference: every byte looked at on its own.
    static func escaped(_ s: String) -> [UInt8] {
        var out: [UInt8] = [0x22]
        for b in s.utf8 {
            switch b {
            case 0x22: out += Array(#"\""#.utf8)
            case 0x5C: out += Array(#"\\"#.utf8)
            case 0x0A: out += Array(#"\n"#.utf8)
            case 0x0D: out += Array(#"\r"#.utf8)
            case 0x09: out += Array(#"\t"#.utf8)
            case 0x08: out += Array(#"\b"#.utf8)
            case 0x0C: out += Array(#"\f"#.utf8)
            case 0..<0x20: out += Array(#"\u00"#.utf8) + Array("0123456789abcdef".utf8)[Int(b >> 4)...Int(b >> 4)]
                + Array("0123456789abcdef".utf8)[Int(b & 0xF)...Int(b & 0xF)]
            default: out.append(b)
            }
        }
        out.append(0x22)
        return out
    }

    @Test("escapes as the byte-by-byte reference does", arguments: [
        "", "a", "abcdefgh", "abcdefghi", "\"", "\\", "1234567\"", "12345678\"", "\u{1}", "\u{1F}", " ", "\u{7F}",
        "tab\there", "line\nbreak and more text after it", "34,792,834 is not prime: 2 × 17396417 ≈ 1.7e16",
        "é€𝜋 \" \\ \u{0} \u{8} \u{C} \r", String(repeating: "x", count: 64) + "\"", "\u{2028}\u{2029}",
    ])
    func matchesReference(text: String) {
        var out: [UInt8] = []
        JSONValue.writeString(text, into: &out)
        #expect(out == Self.escaped(text))
    }

    @Test("the eight-byte test never misses a byte to escape")
    func wordTest() {
        var generator = SystemRandomNumberGenerator()
        let special: [UInt8] = [0x00, 0x01, 0x1F, 0x22, 0x5C, 0x0A]
        let plain: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xE2, 0xFF, 0x41]
        for _ in 0..<20_000 {
            var bytes = (0..<8).map { _ in plain.randomElement(using: &generator) ?? 0x41 }
            let hasSpecial = Bool.random(using: &generator)
            if hasSpecial {
                bytes[Int.random(in: 0..<8, using: &generator)] = special.randomElement(using: &generator) ?? 0
            }
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            if hasSpecial { #expect(JSONValue.mayNeedEscape(word), "\(bytes)") }
        }
        // Every single byte value in every position.
        for position in 0..<8 {
            for value in 0...255 {
                var bytes = [UInt8](repeating: 0x41, count: 8)
                bytes[position] = UInt8(value)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let needs = value < 0x20 || value == 0x22 || value == 0x5C
                if needs { #expect(JSONValue.mayNeedEscape(word)) }
                if !needs { #expect(!JSONValue.mayNeedEscape(word), "byte \(value) at \(position)") }
            }
        }
    }
}
