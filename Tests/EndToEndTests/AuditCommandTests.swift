import Foundation
import Testing

@Suite("mathcheck audit on the command line")
struct AuditCommandTests {
    static let forum = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpora/forum-thread.jsonl").path

    @Test("one output line per input line, in order; exit 1 when something is wrong")
    func forumThread() throws {
        let run = try Run(["audit", Self.forum])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n")
        let inputs = try String(contentsOfFile: Self.forum, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == inputs.count)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["line"] as? Int == 1)
        #expect(first?["verdict"] as? String == "wrong")
        #expect((first?["answer"] as? [String: Any])?["expected"] as? String == "composite: 2 × 17396417")
    }

    @Test("bad lines become invalid records with a reason; processing continues; nothing is dropped")
    func badInput() throws {
        let input = [
            #"{"prompt":"Is 91 prime?","response":"91 = 7 × 13, so it is not prime."}"#,
            #"{"prompt": "broken""#,
            #"[1, 2]"#,
            #"{"prompt":"Is 7 prime?"}"#,
            #"{"prompt":"Is 7 prime?","response":42}"#,
            "",
            #"{"messages":[{"role":"user","content":"Is 7 prime?"},{"role":"assistant","content":"Yes, 7 is prime."}],"id":7}"#,
            #"{"prompt":"Is 9 prime?","completion":"Yes."}"#,
            #"{"prompt":"x","response":"truncated"#,
        ].joined(separator: "\n")
        let run = try Run(["audit", "-"], stdin: input)
        let lines = run.stdout.split(separator: "\n").map {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] ?? [:]
        }
        #expect(lines.count == 9)
        #expect(lines.map { $0["verdict"] as? String ?? "" } == [
            "correct", "invalid", "invalid", "invalid", "invalid", "invalid", "correct", "wrong", "invalid",
        ])
        #expect(lines.map { $0["line"] as? Int ?? 0 } == Array(1...9))
        #expect((lines[3]["error"] as? String)?.contains("response") == true)
        #expect(lines[6]["id"] as? Int == 7)
        #expect(run.status == 1)
    }

    @Test("invalid UTF-8 and deep nesting are invalid records, not crashes")
    func hostileInput() throws {
        var bytes = Data(#"{"prompt":"a","response":""#.utf8)
        bytes.append(contentsOf: [0xFF, 0xFE])
        bytes.append(contentsOf: Data("\"}\n".utf8))
        bytes.append(contentsOf: Data((String(repeating: "[", count: 10_000) + "\n").utf8))
        let run = try Run(["audit", "-"], stdinData: bytes)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains(#""verdict":"invalid""#) })
        #expect(run.status == 0)
    }

    @Test("the same input gives byte-identical output")
    func deterministic() throws {
        let a = try Run(["audit", Self.forum])
        let b = try Run(["audit", Self.forum])
        #expect(a.stdout == b.stdout)
    }

    @Test("a missing file is a usage error (exit 2)")
    func missingFile() throws {
        let run = try Run(["audit", "/nonexistent/file.jsonl"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot read"))
    }

    @Test("an answer with more claims than the bound is checked up to it and says so")
    func claimBound() throws {
        let response = String(repeating: "7 × 13 = 91. ", count: 3_000)
        let record = #"{"prompt":"x","response":"\#(response)"}"#
        let run = try Run(["audit", "-"], stdin: record)
        let line = (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) as? [String: Any]
        #expect(line?["verdict"] as? String == "unverified")
        #expect((line?["note"] as? String)?.contains("2000 of 3000") == true)
        #expect((line?["claims"] as? [Any])?.count == 2000)
    }
}
