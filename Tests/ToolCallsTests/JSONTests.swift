import Testing
@testable import ToolCalls

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
}
