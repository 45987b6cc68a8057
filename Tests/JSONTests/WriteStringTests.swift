import Testing

@testable import JSON

/// `JSONValue.writeString` looks at eight bytes at a time and copies clean strings in one append; it must write
/// exactly what a byte-by-byte escaper writes, into either sink.
@Suite("JSON string writing")
struct WriteStringTests {
    /// The reference: every byte looked at on its own.
    static func escaped(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x22]
        for b in bytes { out += escapes[Int(b)] }
        out.append(0x22)
        return out
    }

    /// What each byte value is written as, inside a JSON string.
    static let escapes: [[UInt8]] = (0...255).map { (value: Int) -> [UInt8] in
        let hex = Array("0123456789abcdef".utf8)
        switch value {
        case 0x22: return Array(#"\""#.utf8)
        case 0x5C: return Array(#"\\"#.utf8)
        case 0x0A: return Array(#"\n"#.utf8)
        case 0x0D: return Array(#"\r"#.utf8)
        case 0x09: return Array(#"\t"#.utf8)
        case 0x08: return Array(#"\b"#.utf8)
        case 0x0C: return Array(#"\f"#.utf8)
        case 0..<0x20: return Array(#"\u00"#.utf8) + [hex[value >> 4], hex[value & 0xF]]
        default: return [UInt8(value)]
        }
    }

    /// What `writeString(utf8:into:)` writes for `bytes`, into an array and into a ``ByteBuffer`` (the smallest one,
    /// so that long strings make it grow while they are written).
    static func written(_ bytes: [UInt8]) -> (array: [UInt8], buffer: [UInt8]) {
        var array: [UInt8] = []
        var buffer = ByteBuffer(capacity: 1)
        bytes.withUnsafeBufferPointer { utf8 in
            JSONValue.writeString(utf8: utf8, into: &array)
            JSONValue.writeString(utf8: utf8, into: &buffer)
        }
        return (array, buffer.withBytes { Array($0) })
    }

    static func expectAgreement(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let reference = escaped(bytes)
        let (array, buffer) = written(bytes)
        #expect(array == reference, "array sink, \(bytes)", sourceLocation: sourceLocation)
        #expect(buffer == reference, "buffer sink, \(bytes)", sourceLocation: sourceLocation)
    }

    @Test("escapes as the byte-by-byte reference does", arguments: [
        "", "a", "abcdefgh", "abcdefghi", "\"", "\\", "1234567\"", "12345678\"", "\u{1}", "\u{1F}", " ", "\u{7F}",
        "tab\there", "line\nbreak and more text after it", "34,792,834 is not prime: 2 × 17396417 ≈ 1.7e16",
        "é€𝜋 \" \\ \u{0} \u{8} \u{C} \r", String(repeating: "x", count: 64) + "\"", "\u{2028}\u{2029}",
    ])
    func matchesReference(text: String) {
        var out: [UInt8] = []
        JSONValue.writeString(text, into: &out)
        #expect(out == Self.escaped(Array(text.utf8)))
        Self.expectAgreement(Array(text.utf8))
    }

    @Test("every byte value, at every offset within and across eight-byte words, in strings of every short length")
    func everyByteAtEveryOffset() {
        // Lengths 1…26 cover the packed short words (1…3, 4…7), whole words, the overlapping last word, and runs
        // past 16 and 24; a byte at each offset lands at each place in a word and in the overlapping tail.
        for length in 1...26 {
            for offset in 0..<length {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[offset] = UInt8(value)
                    Self.expectAgreement(bytes)
                }
            }
        }
    }

    @Test("clean strings of every length up to past the inline copy are copied whole")
    func cleanLengths() {
        let clean = (0x20...0xFF).filter { $0 != 0x22 && $0 != 0x5C }.map { UInt8($0) }
        for length in 0...140 {
            Self.expectAgreement((0..<length).map { clean[$0 * 7 % clean.count] })
        }
    }

    @Test("escapes in pairs at any two offsets, and many at random")
    func severalEscapes() {
        let special: [UInt8] = [0x00, 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x1F, 0x22, 0x5C]
        for length in 2...20 {
            for first in 0..<length {
                for second in first + 1..<length {
                    var bytes = [UInt8](repeating: 0xC3, count: length)
                    bytes[first] = special[(first + second) % special.count]
                    bytes[second] = special[(first * second) % special.count]
                    Self.expectAgreement(bytes)
                }
            }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...100, using: &generator)
            let bytes = (0..<length).map { _ in
                Int.random(in: 0..<8, using: &generator) == 0
                    ? (special.randomElement(using: &generator) ?? 0) : UInt8.random(in: 0x20...0xFF, using: &generator)
            }
            Self.expectAgreement(bytes)
        }
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
