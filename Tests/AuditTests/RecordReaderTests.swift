import Foundation
import Testing
import JSON

@testable import Audit

/// What a line reads as, in a form both readers can be compared in.
private struct ReadLine: Equatable, CustomStringConvertible {
    var error: String?
    var id: JSONValue?
    var label: String?
    var reference: JSONValue?
    var prompt: [UInt8] = []
    var response: [UInt8] = []

    var description: String {
        if let error { return "error \(error), id \(id?.serialized ?? "nil")" }
        return "id \(id?.serialized ?? "nil"), label \(label ?? "nil"), reference \(reference?.serialized ?? "nil"), "
            + "prompt \(String(decoding: prompt, as: UTF8.self).debugDescription), "
            + "response \(String(decoding: response, as: UTF8.self).debugDescription)"
    }
}

/// The general path the check used before the reader: the whole line as a `JSONValue`, then `Record(_:)`.
private func general(_ line: [UInt8]) -> ReadLine {
    let parsed: Result<JSONValue, JSONError> = line.withUnsafeBufferPointer { bytes in
        do throws(JSONError) { return .success(try JSONParser.parse(bytes)) } catch { return .failure(error) }
    }
    let value: JSONValue
    switch parsed {
    case .failure(let error): return ReadLine(error: "invalid JSON: \(error)")
    case .success(let v): value = v
    }
    do {
        let record = try Record(value)
        return ReadLine(
            id: value["id"], label: record.label, reference: record.reference, prompt: Array(record.prompt.utf8),
            response: Array(record.response.utf8))
    } catch {
        return ReadLine(error: error.message, id: value["id"])
    }
}

private func read(_ line: [UInt8], with reader: inout RecordReader) -> ReadLine {
    line.withUnsafeBufferPointer { bytes in
        reader.read(bytes) { result, id in
            switch result {
            case .failure(let error): return ReadLine(error: error.message, id: id)
            case .success(let fields):
                return ReadLine(
                    id: id, label: fields.label, reference: fields.reference, prompt: Array(fields.prompt),
                    response: Array(fields.response))
            }
        }
    }
}

/// Whether the one-pass scan takes the line (rather than handing it to the general path).
private func scanned(_ line: [UInt8]) -> Bool {
    line.withUnsafeBufferPointer { bytes in
        var scan = RecordFieldScan(bytes)
        return scan.scanObject()
    }
}

/// Whether the parser accepts the line.
private func parses(_ line: [UInt8]) -> Bool {
    line.withUnsafeBufferPointer { bytes in (try? JSONParser.parse(bytes)) != nil }
}

@Suite("Reading records straight from their bytes")
struct RecordReaderTests {
    static let valid: [String] = [
        #"{"prompt":"Is 91 prime?","response":"No: 91 = 7 × 13.","label":"correct"}"#,
        #"{"id":"a-1","prompt":"Is 9 prime? Answer \"[Yes]\" or \"[No]\".","response":"[No]\n\n9 = 3 × 3","reference":"No"}"#,
        #"  {"completion":"42","prompt":null}  "#,
        #"{"output":"x","answer":"y"}"#,
        #"{"answer":"y","output":"x"}"#,
        #"{"response":"first","response":"second","prompt":"p","prompt":5}"#,
        #"{"id":17,"response":"r"}"#, #"{"id":-0.5e+3,"response":"r"}"#, #"{"id":true,"response":"r"}"#,
        #"{"id":false,"response":"r"}"#, #"{"id":null,"response":"r"}"#,
        #"{"id":{"a":[1,{"b":null}],"c":"\u00e9"},"response":"r"}"#, #"{"id":[1,2,3],"response":"r"}"#,
        #"{"id":"caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t","response":"r"}"#,
        #"{"reference":["2","17396417"],"response":"r"}"#, #"{"reference":0.66,"response":"r"}"#,
        #"{"reference":true,"response":"r"}"#, #"{"reference":{},"response":"r"}"#,
        #"{"reference":null,"response":"r"}"#,
        #"{"label":"wr\u006fng","response":"r"}"#, #"{"label":"maybe","response":"r"}"#,
        #"{"response":"\u00e9\u0301 \ud834\udd1e √3/2 ≈ 0.866 — π","prompt":"sin(60°)?"}"#,
        #"{"response":"","prompt":""}"#, #"{"response":"ends with a backslash \\"}"#,
        #"{"response":"sixteen bytes!!!"}"#, #"{"response":"a\"b\"c\"d\"e\"f\"g\"h\"i"}"#,
        #"{ "response" : "spaced" , "prompt" : "out" , "meta" : { "x" : [ 1 , 2 , { } , [ ] ] } }"#,
        "{\t\"response\":\r\n\"tabs\"}", #"{"nested":[[[[[[[[[[{"deep":true}]]]]]]]]]],"response":"r"}"#,
        #"{"numbers":[0,-0,1.5,1e5,1E-5,-12.25e+10],"response":"r","literals":[true,false,null]}"#,
        // Shapes read by the general path.
        #"{"messages":[{"role":"user","content":"Is 9 prime?"},{"role":"assistant","content":"No."}],"label":"correct"}"#,
        #"{"messages":[{"role":"assistant","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]}]}"#,
        #"{"resp\u006fnse":"escaped key","prompt":"p"}"#,
        #"{"a":"# + String(repeating: "[", count: 511) + String(repeating: "]", count: 511) + #","response":"deep"}"#,
    ]

    static let invalid: [String] = [
        "", " ", "{", "}", "[]", #""x""#, "42", "null", "true", #"{"response": 5}"#, #"{"response": null}"#,
        #"{"prompt": 3, "response": "x"}"#, #"{"prompt": [], "response": "x"}"#, #"{"messages": 3}"#,
        #"{"messages": []}"#, #"{"messages": [{"role":"assistant","content":{"a":1}}]}"#,
        #"{"response":"x","label":5}"#,
        #"{"response":"x","label":null}"#, #"{"label":"correct"}"#, #"{"prompt":"only"}"#,
        #"{"response":"x"} trailing"#,
        #"{"response":"x",}"#, "{\"response\":\"x\u{01}\"}", #"{"a":01}"#, #"{"a":-}"#, #"{"a":1.}"#, #"{"a":1e}"#,
        #"{"a":1e+}"#, #"{"a":.5}"#, #"{"a":+1}"#, #"{"a":tru}"#, #"{"a":nul}"#, #"{"a":fals}"#, #"{"a":truex}"#,
        #"{"a" 1}"#, #"{"a":1 "b":2}"#, #"{a:1}"#, #"{"a":"\x"}"#, #"{"a":"\u12"}"#, #"{"a":"\u12g4"}"#,
        #"{"a":"\ud800"}"#, #"{"a":"\ud800\u0041"}"#, #"{"a":"\udc00"}"#, #"{"a":"\ud800\"}"#,
        #"{"response":"unterminated"#,
        #"{"response":"x"#, #"{"response":"x\"#, #"{"response":"#, #"{"response""#, #"{"response"#, #"{""#,
        #"{"a":[1,]}"#,
        #"{"a":[1 2]}"#, #"{"a":[}"#, #"{"a":{"b"}}"#, #"{"a":{"b":}}"#, #"{"a":{,}}"#, #"{"response":"x"}}"#,
        #"{"response":"x"}]"#, "\u{FEFF}{\"response\":\"x\"}", #"{"response":"x"} {"response":"y"}"#,
        String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
        String(repeating: #"{"a":"#, count: 600) + "1" + String(repeating: "}", count: 600),
        #"{"response":"x","a":"# + String(repeating: "[", count: 512) + String(repeating: "]", count: 512) + "}",
    ]

    /// Invalid UTF-8 and control bytes, which Swift string literals cannot hold.
    static let invalidBytes: [[UInt8]] = [
        Array(#"{"response":""#.utf8) + [0xFF] + Array(#""}"#.utf8),
        Array(#"{"response":"a"#.utf8) + [0xC3] + Array(#""}"#.utf8),
        Array(#"{"response":"a"#.utf8) + [0xC3] + Array(#"\n"}"#.utf8),
        Array(#"{"response":"a\n"#.utf8) + [0x80] + Array(#"b"}"#.utf8),
        Array(#"{"response":""#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8),
        Array(#"{"response":""#.utf8) + [0xE0, 0x80, 0xAF] + Array(#""}"#.utf8),
        Array(#"{"response":""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8),
        Array(#"{"response":""#.utf8) + [0xF4, 0x90, 0x80, 0x80] + Array(#""}"#.utf8),
        Array(#"{"response":""#.utf8) + [0xF5, 0x80, 0x80, 0x80] + Array(#""}"#.utf8),
        Array(#"{"response":"long enough to be read eight bytes at a time "#.utf8) + [0xE2, 0x82] + Array(#""}"#.utf8),
        Array(#"{"key"#.utf8) + [0xFF] + Array(#"":"x","response":"y"}"#.utf8),
        Array(#"{"response":"a"#.utf8) + [0x00] + Array(#"b"}"#.utf8),
        Array(#"{"response":"a tab"#.utf8) + [0x09] + Array(#"inside"}"#.utf8),
        Array(#"{"response":"x"}"#.utf8) + [0x00],
    ]

    /// Valid UTF-8 at the edges of its ranges.
    static let validBytes: [[UInt8]] = [
        [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF],
        [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0x7F],
    ].map { Array(#"{"response":"ab"#.utf8) + $0 + Array(#"cd","prompt":"p"#.utf8) + $0 + Array(#""}"#.utf8) }

    @Test("a valid line reads as the general path reads it", arguments: valid)
    func validLines(line: String) {
        var reader = RecordReader()
        let bytes = Array(line.utf8)
        #expect(read(bytes, with: &reader) == general(bytes))
    }

    @Test("UTF-8 at the edges of its ranges reads as the general path reads it", arguments: validBytes)
    func validUTF8(line: [UInt8]) {
        var reader = RecordReader()
        #expect(read(line, with: &reader) == general(line))
        #expect(scanned(line))
    }

    @Test("an invalid line gives the general path's error, word for word", arguments: invalid)
    func invalidLines(line: String) {
        var reader = RecordReader()
        let bytes = Array(line.utf8)
        let expected = general(bytes)
        #expect(expected.error != nil)
        #expect(read(bytes, with: &reader) == expected)
    }

    @Test("invalid UTF-8 and raw control bytes give the general path's error", arguments: invalidBytes)
    func invalidUTF8(line: [UInt8]) {
        var reader = RecordReader()
        let expected = general(line)
        #expect(expected.error?.hasPrefix("invalid JSON: ") == true)
        #expect(read(line, with: &reader) == expected)
        #expect(!scanned(line))
    }

    @Test("the scan takes every valid object without messages or escaped keys, and nothing the parser rejects")
    func scanTakesTheCommonShape() {
        for line in Self.valid + Self.invalid {
            let bytes = Array(line.utf8)
            guard parses(bytes) else {
                #expect(!scanned(bytes), "\(line)")
                continue
            }
            let generalShape =
                line.contains(#"{"messages""#) || line.contains(#""resp\u006fnse""#)
                || !line.trimmingCharacters(in: .whitespaces).hasPrefix("{")
            #expect(scanned(bytes) == !generalShape, "\(line)")
        }
    }

    @Test(
        "every corpus line reads as the general path reads it",
        arguments: [
            "Corpora/labelled.jsonl", "Corpora/forum-thread.jsonl", "shared:llmdrift_prime.jsonl",
            "shared:champ_number_theory.jsonl",
        ])
    func corpora(corpus: String) throws {
        let url =
            corpus.hasPrefix("shared:") ? CorpusFiles.shared(String(corpus.dropFirst(7))) : CorpusFiles.url(corpus)
        var reader = RecordReader()
        var count = 0
        for line in try CorpusFiles.lines(url) {
            let bytes = Array(line.utf8)
            #expect(read(bytes, with: &reader) == general(bytes))
            #expect(scanned(bytes) || line.contains(#""messages""#))
            count += 1
        }
        #expect(count > 0)
    }

    @Test("mutated corpus lines (bytes dropped, changed, inserted, lines cut) read as the general path reads them")
    func mutations() throws {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % max(bound, 1)
        }
        let seeds =
            try CorpusFiles.lines(CorpusFiles.url("Corpora/labelled.jsonl")).prefix(120)
            + CorpusFiles.lines(CorpusFiles.shared("llmdrift_prime.jsonl")).prefix(60) + Self.valid
        let replacements = Array(#"{}[]",:\0123456789aeflnrstu "#.utf8) + [0x01, 0x1F, 0x7F, 0x80, 0xC3, 0xE2, 0xFF]
        let insertions: [[UInt8]] = [
            Array(#"\""#.utf8), Array(#"\u00e9"#.utf8), Array(#"\ud83d\ude00"#.utf8), Array(#"\ud83d"#.utf8),
            Array(#"""#.utf8), [0xFF], [0xE2, 0x82], [0xE2, 0x82, 0xAC], Array(#","label":"wrong""#.utf8),
            Array(#","reference":"Yes""#.utf8), Array(#","id":[1,{"x":null}]"#.utf8), Array(#","prompt":null"#.utf8),
            Array(#","messages":[]"#.utf8), Array(#","response":7"#.utf8), Array(#"\\"#.utf8), Array(#"\n"#.utf8),
        ]
        var reader = RecordReader()
        var invalid = 0
        for round in 0..<6_000 {
            var line = Array(seeds[round % seeds.count].utf8)
            for _ in 0...next(3) {
                switch next(4) {
                case 0 where !line.isEmpty: line.remove(at: next(line.count))
                case 1 where !line.isEmpty: line[next(line.count)] = replacements[next(replacements.count)]
                case 2: line = Array(line.prefix(next(line.count + 1)))
                default: line.insert(contentsOf: insertions[next(insertions.count)], at: next(line.count + 1))
                }
            }
            let expected = general(line)
            if expected.error != nil { invalid += 1 }
            #expect(read(line, with: &reader) == expected, "\(String(decoding: line, as: UTF8.self).debugDescription)")
            if scanned(line) { #expect(parses(line), "\(String(decoding: line, as: UTF8.self).debugDescription)") }
        }
        #expect(invalid > 1_000 && invalid < 5_500)
    }

    @Test("the reader's buffers carry nothing from one line to the next")
    func buffersAreReused() {
        var reader = RecordReader()
        let long = #"{"prompt":"a\nlong\nprompt with escapes","response":"a\nlonger\nresponse, with \"escapes\""}"#
        let short = #"{"prompt":"b\n","response":"c\t"}"#
        for line in [long, short, long, #"{"response":"plain"}"#, short] {
            let bytes = Array(line.utf8)
            #expect(read(bytes, with: &reader) == general(bytes))
        }
    }
}
