import Claims
import Foundation
import JSON
import Testing
import Verifiers

@testable import ToolCalls

/// Fixture paths, found from this file (never bundled, never fetched).
enum TrainingFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let llmdrift = root.deletingLastPathComponent().appendingPathComponent(
        "shared/corpora/real/llmdrift_prime.jsonl")

    /// (prompt, response) of each record of a JSONL corpus with prompt/response fields.
    static func records(_ url: URL) throws -> [(String, String)] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            let value = try JSONParser.parse(String(line))
            return (value["prompt"]?.stringValue ?? "", value["response"]?.stringValue ?? "")
        }
    }

    /// Validates rows as a file would be validated, line by line.
    static func validate(_ rows: [JSONValue], _ format: TrainingFormat) -> TrainingValidator {
        var validator = TrainingValidator(format: format)
        for (i, row) in rows.enumerated() {
            var text = row.serialized
            text.withUTF8 { validator.check(line: $0, length: $0.count, number: i + 1) }
        }
        return validator
    }
}

@Suite("Training formats")
struct TrainingFormatTests {
    func example(_ prompt: String, style: AnswerStyle = .tool, rejected: String? = nil) throws -> TrainingExample {
        var builder = ExampleBuilder(style: style)
        let question = try #require(AskedQuestion(prompt: prompt))
        var example = try builder.example(prompt: prompt, question: question, number: 7)
        example.rejected = rejected
        return example
    }

    @Test("the forum's answer is the calculator's evidence, audited correct")
    func forumAnswer() throws {
        let e = try example("Is 34792834 prime?")
        #expect(e.answer == "No, 34792834 is not prime: 34792834 = 2 × 17396417.")
        let call = try #require(e.call)
        #expect(call.id == "call_7")
        #expect(call.tool == .isPrime)
        let direct = try ToolExecutor().run(.isPrime, arguments: ["n": "34792834"]).serialized
        #expect(call.result == direct)
    }

    @Test(
        "every kind's answer audits correct",
        arguments: [
            ("Is 17077 a prime number? Think step by step and then answer \"[Yes]\" or \"[No]\".", "[Yes]"),
            ("What is the prime factorization of 583835?", "583835 = 5 × 7² × 2383"),
            ("Is 34792834 divisible by 17?", "remainder"),
            ("Is 34792834 divisible by 2?", "34792834 = 2 × 17396417"),
            ("What is cos(3532 radians)?", "cos(3532) ≈ 0.66009029799722633494"),
            ("What is the sine of -0.413 radians? Round to one decimal place.", "≈ -0.4"),
            ("What is sin(30°)? Give the answer rounded to 3 decimal places.", "sin(30°) ≈ 0.500"),
            ("What is cos(2π/3)?", "cos(2π/3) ≈ -0.5"),
        ])
    func kinds(prompt: String, expected: String) throws {
        let e = try example(prompt, style: .answer)
        #expect(e.answer.contains(expected), "\(e.answer)")
        #expect(e.call == nil)
        var auditor = ResponseAuditor()
        #expect(auditor.audit(prompt: prompt, response: e.answer).verdict == .correct)
    }

    @Test("LLMDrift's bracket form ends the answer")
    func bracket() throws {
        let e = try example("Is 18367 a prime number? Think step by step and then answer \"[Yes]\" or \"[No]\".")
        #expect(e.answer.hasSuffix("[No]") || e.answer.hasSuffix("[Yes]"))
    }

    @Test("openai-sft: tool_calls with string arguments, a tool reply with the id, the final answer, tools")
    func openaiSFT() throws {
        let rows = TrainingWriter(format: .openaiSFT).rows(for: try example("Is 91 prime?"))
        #expect(rows.count == 1)
        let row = rows[0]
        #expect(row.objectValue?.map(\.0) == ["messages", "tools", "parallel_tool_calls"])
        #expect(row["parallel_tool_calls"] == false)
        let messages = try #require(row["messages"]?.arrayValue)
        #expect(messages.map { $0["role"]?.stringValue ?? "" } == ["user", "assistant", "tool", "assistant"])
        let call = try #require(messages[1]["tool_calls"]?.arrayValue?.first)
        #expect(call["type"] == "function")
        #expect(call["function"]?["arguments"] == .string(#"{"n":"91"}"#))
        #expect(messages[2]["tool_call_id"] == call["id"])
        #expect(messages[2]["name"] == nil)
        #expect(row["tools"]?.arrayValue?.count == 3)
    }

    @Test("openai-sft --keep-wrong: the wrong answer with weight 0, then the corrected turn")
    func keepWrong() throws {
        let e = try example("Is 91 prime?", rejected: "Yes, 91 is prime.")
        let messages = try #require(
            TrainingWriter(format: .openaiSFT, keepWrong: true).rows(for: e)[0]["messages"]?.arrayValue)
        #expect(messages.count == 5)
        #expect(messages[1]["content"] == "Yes, 91 is prime.")
        #expect(messages[1]["weight"] == .number("0"))
        #expect(messages[2]["tool_calls"] != nil)
        #expect(TrainingFixtures.validate([.object([("messages", .array(messages))])], .openaiSFT).hasErrors == false)
    }

    @Test("openai-dpo: input, preferred_output (the tool-calling turn) and non_preferred_output verbatim")
    func openaiDPO() throws {
        let writer = TrainingWriter(format: .openaiDPO)
        #expect(writer.rows(for: try example("Is 91 prime?")).isEmpty)
        let row = try #require(writer.rows(for: try example("Is 91 prime?", rejected: "Yes. 91 is prime.")).first)
        #expect(row.objectValue?.map(\.0) == ["input", "preferred_output", "non_preferred_output"])
        #expect(row["input"]?["messages"]?.arrayValue?.count == 1)
        #expect(row["input"]?["tools"] != nil)
        #expect(
            row["preferred_output"]?.arrayValue?.map { $0["role"]?.stringValue ?? "" } == [
                "assistant", "tool", "assistant",
            ])
        #expect(row["non_preferred_output"] == [["role": "assistant", "content": "Yes. 91 is prime."]])
    }

    @Test("trl-sft: arguments as objects, named tool replies")
    func trlSFT() throws {
        let row = try #require(TrainingWriter(format: .trlSFT).rows(for: try example("Is 91 prime?")).first)
        #expect(row.objectValue?.map(\.0) == ["messages", "tools"])
        let messages = try #require(row["messages"]?.arrayValue)
        #expect(messages[1]["tool_calls"]?.arrayValue?.first?["function"]?["arguments"] == ["n": "91"])
        #expect(messages[2]["name"] == "is_prime")
    }

    @Test("trl-dpo: explicit prompt, chosen and rejected")
    func trlDPO() throws {
        let row = try #require(
            TrainingWriter(format: .trlDPO).rows(for: try example("Is 91 prime?", rejected: "Yes.")).first)
        #expect(row.objectValue?.map(\.0) == ["prompt", "chosen", "rejected", "tools"])
        #expect(row["prompt"]?.arrayValue?.last?["role"] == "user")
        #expect(row["rejected"] == [["role": "assistant", "content": "Yes."]])
    }

    @Test("trl-kto: the verified answer true, the wrong one false, a correct original true")
    func trlKTO() throws {
        var e = try example("Is 91 prime?", rejected: "Yes, 91 is prime.")
        e.acceptedOriginal = "No: 91 = 7 × 13."
        let rows = TrainingWriter(format: .trlKTO).rows(for: e)
        #expect(rows.map { $0["label"] } == [true, false, true])
        #expect(rows.allSatisfy { $0.objectValue?.map(\.0) == ["prompt", "completion", "label", "tools"] })
        var summary = TrainingSummary()
        summary.record(rows)
        #expect(summary.desirable == 2 && summary.undesirable == 1)
    }

    @Test("answer and abstain styles carry no tools; an abstention has no claims")
    func styles() throws {
        let answer = TrainingWriter(format: .trlSFT).rows(for: try example("Is 91 prime?", style: .answer))[0]
        #expect(answer["tools"] == nil)
        let abstain = try example("Is 34792834 prime?", style: .abstain)
        #expect(abstain.answer.contains("mental arithmetic"))
        var auditor = ResponseAuditor()
        #expect(auditor.audit(prompt: "Is 34792834 prime?", response: abstain.answer).verdict == .noClaims)
    }

    /// Stepwise rows carry no messages (TRL's stepwise rows are a prompt string and steps), so no system message.
    @Test(
        "a system message comes first in every format and validates",
        arguments: TrainingFormat.allCases.filter { !$0.isStepwise })
    func system(format: TrainingFormat) throws {
        var builder = ExampleBuilder(system: "Use the calculator tools; never guess.")
        let prompt = "Is 91 prime?"
        var example = try builder.example(
            prompt: prompt, question: try #require(AskedQuestion(prompt: prompt)), number: 1)
        example.rejected = "Yes, 91 is prime."
        let rows = TrainingWriter(format: format).rows(for: example)
        #expect(!rows.isEmpty)
        for row in rows {
            let first =
                row["messages"]?.arrayValue?.first ?? row["prompt"]?.arrayValue?.first
                ?? row["input"]?["messages"]?.arrayValue?.first
            #expect(first?["role"] == "system")
        }
        let validator = TrainingFixtures.validate(rows, format)
        #expect(!validator.hasErrors, "\(validator.report)")
    }

    @Test("a question the calculator cannot settle is skipped with its reason")
    func skips() throws {
        var builder = ExampleBuilder()
        let question = try #require(AskedQuestion(prompt: "What is tan(π/2)?"))
        #expect(throws: ExampleBuilder.Skip.toolError("domain")) {
            try builder.example(prompt: "What is tan(π/2)?", question: question, number: 1)
        }
        #expect(AskedQuestion(prompt: "Write a poem about the sea.") == nil)
    }
}
