import Testing
@testable import JSON

@Suite("JSON: strict parsing, ordered keys, numbers kept as text")
struct JSONTests {
    @Test("round trip keeps key order and number text")
    func roundTrip() throws {
        let text = #"{"n":"34792834","big":123456789012345678901234567890,"x":-0.5e-3,"a":[true,false,null],"s":"é\n\"q\"\u0001"}"#
        let value = try JSONParser.parse(text)
        #expect(value["big"] == .number("123456789012345678901234567890"))
        #expect(value.serialized == #"{"n":"34792834","big":123456789012345678901234567890,"x":-0.5e-3,"a":[true,false,null],"s":"é\n\"q\"\u0001"}"#)
    }

    @Test("unicode escapes and surrogate pairs decode", arguments: [
        (#""\u00e9""#, "é"), (#""\ud83d\ude00""#, "😀"), (#""\u2212""#, "−"), (#""a\/b""#, "a/b"),
    ])
    func escapes(text: String, expected: String) throws {
        #expect(try JSONParser.parse(text) == .string(expected))
    }

    @Test("malformed documents are rejected with a position", arguments: [
        "", "{", "{\"a\":}", "[1,]", "01", "1.", "-", "\"abc", "{\"a\" 1}", "tru", "nul", "[1 2]", "\"\\ud800\"",
        "\"\\x\"", "{\"a\":1}x", "\"\u{01}\"", "1e", "+1",
    ])
    func malformed(text: String) {
        #expect(throws: JSONError.self) { try JSONParser.parse(text) }
    }

    @Test("nesting 10,000 deep is refused, not a stack overflow")
    func deepNesting() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONError.self) { try JSONParser.parse(text) }
    }

    @Test("invalid UTF-8 inside a string is rejected")
    func invalidUTF8() {
        let bytes: [UInt8] = [0x22, 0xFF, 0xFE, 0x22]
        #expect(throws: JSONError.self) { try bytes.withUnsafeBufferPointer { try JSONParser.parse($0) } }
    }

    @Test("the UTF-8 check agrees with the standard library's on every boundary and on random bytes")
    func utf8CheckAgrees() {
        func agrees(_ bytes: [UInt8]) -> Bool {
            let ours = bytes.withUnsafeBufferPointer { JSONGrammar.isValidUTF8($0) }
            return ours == (String(validating: bytes, as: UTF8.self) != nil)
        }
        // Every lead byte with every second byte, then with the boundary third and fourth bytes.
        let edges: [UInt8] = [0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
        var disagreements: [[UInt8]] = []
        func check(_ bytes: [UInt8]) { if !agrees(bytes) { disagreements.append(bytes) } }
        for a in 0...255 {
            for b in 0...255 {
                check([UInt8(a), UInt8(b)])
                for c in edges where a >= 0xC0 {
                    check([UInt8(a), UInt8(b), c])
                    for d in edges where a >= 0xF0 { check([UInt8(a), UInt8(b), c, d]) }
                }
            }
        }
        // Random strings, mostly valid text with a few stray bytes.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let pieces: [[UInt8]] = ["a", "é", "−", "😀", "×", "\u{10FFFF}"].map { Array($0.utf8) }
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(next() % 12) {
                let r = next()
                bytes += r % 7 == 0 ? [UInt8(truncatingIfNeeded: r >> 8)] : pieces[Int(r >> 8) % pieces.count]
            }
            check(bytes)
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    @Test("strings keep their text: ASCII, non-ASCII, escapes, \\u escapes", arguments: [
        (#""plain""#, "plain"), (#""é × − 😀""#, "é × − 😀"), (#""a\nb\t\"c\\""#, "a\nb\t\"c\\"),
        (#""\u00d7\u2212\ud83d\ude00 x""#, "×−😀 x"), (#""""#, ""), (#""é\n""#, "é\n"), (#""\u0000""#, "\u{0}"),
    ])
    func stringsKeepTheirText(json: String, expected: String) throws {
        #expect(try JSONParser.parse(json) == .string(expected))
    }
}
