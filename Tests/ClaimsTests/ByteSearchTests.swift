import Testing

@testable import Claims
@testable import Verifiers

@Suite("Word-at-a-time byte scans")
struct ByteSearchTests {
    static let texts = [
        "", "a", "[", "abc[def", "no bracket here at all, but long enough for words", "[Yes] then text",
        "text then [No]", "√3/2 ≈ 0.866 [Yes] — π ≈ 3.14159 𝄞 [No] é", "[[[[[[[[[[[[[[[[[", "ab\n[c\n]d\n[e",
        String(repeating: "é", count: 37) + "[" + String(repeating: "x", count: 13), "🙂🙂🙂🙂🙂🙂🙂🙂[",
    ]

    @Test("unicodeScalarCount counts the scalars of any prefix", arguments: texts)
    func scalarCount(text: String) {
        var copy = text
        copy.withUTF8 { bytes in
            for end in 0...bytes.count where end == bytes.count || bytes[end] & 0xC0 != 0x80 {
                let prefix = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
                #expect(
                    UnsafeBufferPointer(rebasing: bytes[..<end]).unicodeScalarCount() == prefix.unicodeScalars.count)
            }
        }
    }

    @Test("lastIndex(of:before:) finds the last byte before every end", arguments: texts)
    func lastIndex(text: String) {
        var copy = text
        copy.withUTF8 { bytes in
            for byte in [UInt8(ascii: "["), UInt8(ascii: "\n"), 0x80, 0xA9, 0x00] {
                for end in 0...bytes.count {
                    #expect(bytes.lastIndex(of: byte, before: end) == bytes[..<end].lastIndex(of: byte))
                }
            }
        }
    }

    @Test("the question cache reads each prompt once and gives the same question after it is emptied")
    func questionCache() {
        var cache = QuestionCache(limit: 5)
        var tokens: [Token] = []
        let prompts = (0..<23).map { "Is \(1000 + $0 % 11) a prime number? Answer \"[Yes]\" or \"[No]\"." } + ["", "x"]
        for prompt in prompts + prompts.reversed() {
            var copy = prompt
            let question = copy.withUTF8 { cache.question($0, tokens: &tokens) }
            var fresh: [Token] = []
            let expected = copy.withUTF8 { bytes in
                Tokenizer.tokenize(bytes, into: &fresh)
                return Question(TokenStream(bytes: bytes, tokens: fresh))
            }
            #expect(question.subject == expected.subject)
            #expect(question.asksPrimality == expected.asksPrimality)
            #expect(question.bracketAnswers == expected.bracketAnswers)
        }
    }
}
