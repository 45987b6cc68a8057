import Foundation
import Testing
import JSON

@Suite("emit, generate and validate on the command line")
struct TrainingCommandTests {
    static let forum = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpora/forum-thread.jsonl").path

    @Test("every tool message is byte-identical to `mathcheck call NAME ARGS`")
    func toolResults() throws {
        let emit = try Run(["emit", Self.forum, "--format", "openai-sft"])
        #expect(emit.status == 0)
        let rows = emit.stdout.split(separator: "\n")
        #expect(rows.count == 10)
        for row in rows {
            let messages = try #require(try JSONParser.parse(String(row))["messages"]?.arrayValue)
            let function = try #require(messages[1]["tool_calls"]?.arrayValue?.first?["function"])
            let call = try Run([
                "call", try #require(function["name"]?.stringValue), try #require(function["arguments"]?.stringValue),
            ])
            #expect(messages[2]["content"]?.stringValue.map { $0 + "\n" } == call.stdout)
        }
        #expect(emit.stderr.contains("10 records, 10 verified examples, 10 rows written (openai-sft)"))
    }

    @Test("generate: the same seed gives the same file; validate passes it")
    func generate() throws {
        let arguments = ["generate", "--count", "40", "--seed", "12", "--format", "trl-kto", "--digits", "5-9"]
        let a = try Run(arguments)
        let b = try Run(arguments)
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.split(separator: "\n").count == 80)
        #expect(a.stderr.contains("desirable:undesirable = 40:40"))
        let validate = try Run(["validate", "-", "--format", "trl-kto"], stdin: a.stdout)
        #expect(validate.status == 0, "\(validate.stdout)")
        #expect(validate.stdout.hasPrefix("80 rows (trl-kto): 80 valid, 0 with errors"))
    }

    @Test("validate: exit 1, naming the line and the reason")
    func validateBroken() throws {
        let good = try Run(["generate", "--count", "2", "--format", "openai-sft", "--kinds", "primality"])
        let lines = good.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let broken =
            lines[0] + "\n" + lines[1].replacingOccurrences(of: "\"role\":\"tool\"", with: "\"role\":\"robot\"")
        let run = try Run(["validate", "-", "--format", "openai-sft"], stdin: broken + "\n")
        #expect(run.status == 1)
        #expect(run.stdout.contains("error: line 2: message 3: unknown role 'robot'"), "\(run.stdout)")
    }

    @Test("emit: a bad line is named on standard error and the run goes on")
    func badLine() throws {
        let input =
            "{\"prompt\":\"Is 91 prime?\",\"response\":\"Yes.\"}\nnot json\n[1]\n"
            + "{\"prompt\":\"Is 97 prime?\",\"response\":\"No.\"}\n"
        let run = try Run(["emit", "-", "--format", "trl-dpo"], stdin: input)
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").count == 2)
        #expect(run.stderr.contains("-:2: invalid JSON"))
        #expect(run.stderr.contains("-:3: "))
        #expect(run.stderr.contains("4 records, 2 verified examples, 2 rows written (trl-dpo)"))
    }

    @Test("usage errors exit 2")
    func usage() throws {
        #expect(try Run(["emit", Self.forum, "--format", "jsonl"]).status == 2)
        #expect(try Run(["emit", Self.forum, "--format", "trl-sft", "--keep-wrong"]).status == 2)
        #expect(try Run(["generate", "--format", "trl-sft", "--digits", "9-3"]).status == 2)
        #expect(try Run(["generate", "--format", "trl-sft", "--kinds", "primes"]).status == 2)
    }

    @Test("--output writes the file")
    func output() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mathcheck-emit-\(getpid()).jsonl")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Run(["emit", Self.forum, "--format", "openai-dpo", "--output", path])
        #expect(run.status == 0 && run.stdout.isEmpty)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 5)
        #expect(try Run(["validate", path, "--format", "openai-dpo"]).status == 0)
    }
}
