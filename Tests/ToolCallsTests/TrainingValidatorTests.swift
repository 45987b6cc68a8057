import Claims
import Foundation
import Testing
import Verifiers

@testable import ToolCalls

/// The validator against deliberately broken rows: each class of error is caught and named with its line.
@Suite("Training validator")
struct TrainingValidatorTests {
    /// A correct openai-sft row for "Is 91 prime?" as text, to break in one place at a time.
    static let good: String = {
        var builder = ExampleBuilder()
        let prompt = "Is 91 prime?"
        guard let question = AskedQuestion(prompt: prompt),
            let example = try? builder.example(prompt: prompt, question: question, number: 1)
        else { return "" }
        return TrainingWriter(format: .openaiSFT).rows(for: example)[0].serialized
    }()

    func check(_ lines: [String], _ format: TrainingFormat = .openaiSFT) -> TrainingValidator {
        var validator = TrainingValidator(format: format)
        for (i, line) in lines.enumerated() {
            var text = line
            text.withUTF8 { validator.check(line: $0, length: $0.count, number: i + 1) }
        }
        return validator
    }

    @Test("a row mathcheck wrote is valid")
    func valid() {
        let v = check([Self.good])
        #expect(!v.hasErrors, "\(v.report)")
        #expect(v.toolCallsReproduced == 1 && v.answersCorrect == 1)
    }

    @Test(
        "each broken row is an error naming its line and the reason",
        arguments: [
            // (what is broken, text to replace ("" replaces the whole row), replacement, the error expected)
            ("not JSON", "", "{\"messages\": [", "invalid JSON"),
            ("not an object", "", "[1,2]", "not a JSON object"),
            ("no messages", "\"messages\"", "\"mesages\"", "missing \"messages\""),
            ("unknown role", "\"role\":\"user\"", "\"role\":\"human\"", "unknown role 'human'"),
            (
                "answer before the question", "{\"role\":\"user\",\"content\":\"Is 91 prime?\"},", "",
                "before any user message"
            ),
            (
                "mismatched reply id", "\"tool_call_id\":\"call_1\"", "\"tool_call_id\":\"call_9\"",
                "no pending tool call has the id 'call_9'"
            ),
            (
                "arguments not JSON", #""arguments":"{\"n\":\"91\"}""#, #""arguments":"{n:91}""#,
                "the arguments string is not valid JSON"
            ),
            (
                "arguments off the schema", #""arguments":"{\"n\":\"91\"}""#, #""arguments":"{\"n\":\"9x1\"}""#,
                "must match"
            ),
            (
                "an extra argument", #""arguments":"{\"n\":\"91\"}""#, #""arguments":"{\"n\":\"91\",\"k\":1}""#,
                "which the schema does not allow"
            ),
            (
                "arguments as an object in openai", #""arguments":"{\"n\":\"91\"}""#, #""arguments":{"n":"91"}"#,
                "must be a JSON string"
            ),
            (
                "unknown tool", "\"name\":\"is_prime\",\"arguments\"", "\"name\":\"is_prim\",\"arguments\"",
                "which is not in the row's tools"
            ),
            ("a tampered tool result", #"\"is_prime\":false"#, #"\"is_prime\":true"#, "differs from the calculator's"),
            (
                "a wrong final answer", "No, 91 is not prime: 91 = 7 × 13.", "Yes, 91 is prime.",
                "audits wrong, not correct"
            ),
            ("no reply to a call", #"{"role":"tool","#, #"{"role":"assistant","x":0,"#, "has no tool reply"),
            (
                "weight on a user message", "\"role\":\"user\",", "\"role\":\"user\",\"weight\":0,",
                "\"weight\" is only allowed on assistant messages"
            ),
        ])
    func broken(name: String, find: String, replace: String, expected: String) {
        let line = find.isEmpty ? replace : Self.good.replacingOccurrences(of: find, with: replace)
        #expect(line != Self.good, "the fixture for '\(name)' did not change the row")
        let v = check([Self.good, line])
        #expect(v.hasErrors, "\(name): no error")
        #expect(v.errors.contains { $0.line == 2 && $0.message.contains(expected) }, "\(name): \(v.report)")
        #expect(!v.errors.contains { $0.line == 1 }, "\(name): the good row was flagged")
        #expect(v.report.contains("line 2: "))
    }

    @Test("exact duplicates are warnings, not errors")
    func duplicates() {
        let v = check([Self.good, Self.good])
        #expect(!v.hasErrors)
        #expect(v.duplicates == 1)
        #expect(v.warnings.first?.message == "an exact duplicate of line 1")
    }

    @Test("DPO: a rejected answer that is not wrong is an error")
    func rejectedNotWrong() throws {
        var builder = ExampleBuilder()
        let prompt = "Is 91 prime?"
        var example = try builder.example(
            prompt: prompt, question: try #require(AskedQuestion(prompt: prompt)), number: 1)
        example.rejected = "No, 91 is not prime: 91 = 7 × 13."
        for format in [TrainingFormat.openaiDPO, .trlDPO] {
            let v = TrainingFixtures.validate(TrainingWriter(format: format).rows(for: example), format)
            #expect(
                v.errors.contains { $0.message.contains("the rejected answer audits correct, not wrong") },
                "\(v.report)")
        }
        example.rejected = "Yes, 91 is prime."
        for format in [TrainingFormat.openaiDPO, .trlDPO, .trlKTO] {
            let v = TrainingFixtures.validate(TrainingWriter(format: format).rows(for: example), format)
            #expect(!v.hasErrors, "\(v.report)")
            #expect(v.rejectedWrong == 1)
        }
    }

    @Test("TRL: arguments must be objects; a KTO label must be a boolean")
    func trlShapes() throws {
        var builder = ExampleBuilder()
        let prompt = "Is 91 prime?"
        let example = try builder.example(
            prompt: prompt, question: try #require(AskedQuestion(prompt: prompt)), number: 1)
        let sft = TrainingWriter(format: .trlSFT).rows(for: example)[0].serialized
        let stringArgs = sft.replacingOccurrences(
            of: #""arguments":{"n":"91"}"#, with: #""arguments":"{\"n\":\"91\"}""#)
        #expect(check([stringArgs], .trlSFT).errors.contains { $0.message.contains("must be a JSON object") })
        let kto = TrainingWriter(format: .trlKTO).rows(for: example)[0].serialized
        let badLabel = kto.replacingOccurrences(of: #""label":true"#, with: #""label":"yes""#)
        #expect(check([badLabel], .trlKTO).errors.contains { $0.message.contains("\"label\" must be true or false") })
        #expect(check([kto], .trlKTO).hasErrors == false)
    }
}
