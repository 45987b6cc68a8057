import Claims
import JSON
import Testing
import Verifiers

@testable import Audit

@Suite("The answer-only audit from bytes")
struct AnswerBytesTests {
    /// The bytes form of `auditAnswer` against the String form, on every record of a corpus: with `explain` the
    /// same claim; without it the same claim and verdict, and a composite's truth names the factor found.
    @Test(
        "auditAnswer from bytes gives the String form's answer; without explain only a composite's truth is shorter",
        arguments: ["shared:llmdrift_prime.jsonl", "Corpora/labelled.jsonl", "Corpora/forum-thread.jsonl"])
    func sameAnswer(corpus: String) throws {
        let url =
            corpus.hasPrefix("shared:") ? CorpusFiles.shared(String(corpus.dropFirst(7))) : CorpusFiles.url(corpus)
        var strings = ResponseAuditor()
        var explained = ResponseAuditor()
        var lean = ResponseAuditor()
        var compared = 0
        for line in try CorpusFiles.lines(url) {
            guard let record = try? Record(JSONParser.parse(line)) else { continue }
            var prompt = record.prompt
            var response = record.response
            let a = strings.auditAnswer(prompt: record.prompt, response: record.response)
            let (b, c) = prompt.withUTF8 { p in
                response.withUTF8 { r in
                    (
                        explained.auditAnswer(prompt: p, response: r),
                        lean.auditAnswer(prompt: p, response: r, explain: false)
                    )
                }
            }
            for other in [b, c] {
                #expect(a.verdict == other.verdict, "\(line)")
                #expect(a.answer?.text == other.answer?.text)
                #expect(a.answer?.span == other.answer?.span)
                #expect(a.answer?.verdict == other.answer?.verdict)
                #expect(a.answer?.reason == other.answer?.reason)
            }
            #expect(a.answer?.expected == b.answer?.expected)
            #expect(a.answer?.evidence.map { "\($0)=\($1)" } == b.answer?.evidence.map { "\($0)=\($1)" })
            if a.answer?.expected != c.answer?.expected {
                #expect(
                    a.answer?.expected?.hasPrefix("composite") == true
                        && c.answer?.expected?.hasPrefix("composite") == true)
            }
            compared += 1
        }
        #expect(compared > 0)
    }

    @Test("check output is the same whether the reader takes a line or hands it to the general path")
    func checkOutputs() throws {
        // The same records written with and without escaped keys (which the reader hands to the general path).
        let lines = try CorpusFiles.lines(CorpusFiles.url("Corpora/labelled.jsonl"))
        var worker = CheckWorker()
        var general = CheckWorker()
        for (index, line) in lines.enumerated() {
            let escaped = line.replacing(#""response":"#, with: #""respons\u0065":"#)
            var a: [UInt8] = []
            var b: [UInt8] = []
            var lineBytes = Array(line.utf8)
            var escapedBytes = Array(escaped.utf8)
            lineBytes.withUnsafeMutableBufferPointer { p in
                _ = worker.process(
                    InputLine(input: 0, number: index + 1, bytes: UnsafeBufferPointer(p), length: p.count),
                    writeLine: true, into: &a)
            }
            escapedBytes.withUnsafeMutableBufferPointer { p in
                _ = general.process(
                    InputLine(input: 0, number: index + 1, bytes: UnsafeBufferPointer(p), length: p.count),
                    writeLine: true, into: &b)
            }
            #expect(a == b, "\(line)")
        }
    }
}

@Suite("The answer-only audit from bytes on generated answers")
struct AnswerBytesFuzzTests {
    @Test(
        "random mixes of phrases, equations and yes/no answers give the full audit's answer",
        arguments: [
            "Is 17077 a prime number?",
            #"Is 17077 a prime number? Think step by step and then answer "[Yes]" or "[No]"."#,
            "Is 17077 divisible by 7?", "What is the prime factorization of 17077?", "What is 17077 / 7?", "Hello.",
        ])
    func generated(prompt: String) {
        let fragments = [
            "Yes", "No", "yes.", "No,", "[Yes]", "[No]", "17077 is prime.", "17077 is not a prime number.",
            "17077 is a composite number", "7 is prime", "17077 = 7 × 2439.57", "17077 = 17077 × 1",
            "17077 / 7 = 2439.57",
            "17077 is divisible by 7", "17077 is not divisible by 3", "The answer is yes", "Answer: no", "2 + 2 = 4",
            "cos(3532) ≈ 0.66", "if 17077 were prime", "Is 17077 prime?", "\n", " ", ", ", ". ", "Therefore, ",
            "the prime factorization of 17077 is 17077", "\\boxed{Yes}", "**", "1e5", "17,077 is prime",
        ]
        var state: UInt64 = 0x6A09_E667_F3BC_C908 ^ UInt64(prompt.utf8.count)
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var full = ResponseAuditor()
        var answerOnly = ResponseAuditor()
        var promptCopy = prompt
        for _ in 0..<1500 {
            var response = (0..<(1 + next() % 10)).map { _ in fragments[next() % fragments.count] }.joined()
            let a = full.audit(prompt: prompt, response: response)
            let b = promptCopy.withUTF8 { p in response.withUTF8 { r in answerOnly.auditAnswer(prompt: p, response: r) }
            }
            #expect(
                a.answer?.text == b.answer?.text && a.answer?.span == b.answer?.span
                    && a.answer?.verdict == b.answer?.verdict && a.answer?.expected == b.answer?.expected,
                "\(response.debugDescription)")
            #expect((a.answer == nil) == (b.verdict == .noClaims))
        }
    }
}
