import Testing
import ToolCalls
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
                    (explained.auditAnswer(prompt: p, response: r), lean.auditAnswer(prompt: p, response: r, explain: false))
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
                #expect(a.answer?.expected?.hasPrefix("composite") == true && c.answer?.expected?.hasPrefix("composite") == true)
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
