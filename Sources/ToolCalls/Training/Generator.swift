import Claims
public import JSON
import Verifiers

/// `mathcheck generate`: synthetic fine-tuning rows without a corpus.
///
/// Each drawn question is read back from its own prompt with ``AskedQuestion`` (the audit's reading) and must ask
/// the calculator exactly what was intended; the answer is built and audited by ``ExampleBuilder``; the synthetic
/// mistake is kept as the rejected side only when it audits `wrong`. Drawing stops after `count` examples (or after
/// 4·count + 100 draws, so a bad combination of options cannot loop forever).
public struct Generator {
    public var writer: TrainingWriter
    public private(set) var summary = TrainingSummary()
    private var questions: QuestionGenerator
    private var builder: ExampleBuilder
    /// Prompts already written: a small digit range repeats questions, and a repeat teaches nothing new.
    private var prompts = Set<String>()

    public init(
        format: TrainingFormat, style: AnswerStyle = .tool, system: String? = nil, seed: UInt64,
        kinds: [QuestionKind] = QuestionKind.allCases, digits: ClosedRange<Int> = 4...12
    ) {
        writer = TrainingWriter(format: format)
        questions = QuestionGenerator(seed: seed, kinds: kinds, digits: digits)
        builder = ExampleBuilder(style: style, system: system)
    }

    /// Generates `count` examples, handing each row to `emit`.
    public mutating func run(count: Int, _ emit: (JSONValue) -> Void) {
        var draws = 0
        while summary.examples < count && draws < 4 * count + 100 {
            draws += 1
            for row in next() { emit(row) }
        }
    }

    /// The rows for the next drawn question (none when it was skipped; the reason is counted).
    public mutating func next() -> [JSONValue] {
        summary.inputs += 1
        let drawn = questions.next()
        guard prompts.insert(drawn.prompt).inserted else {
            summary.skip("a repeat of an earlier question")
            return []
        }
        guard let read = AskedQuestion(prompt: drawn.prompt),
            CalculatorCall.call(for: read) == CalculatorCall.call(for: drawn.question)
        else {
            summary.skip("the prompt reads back as a different question")
            return []
        }
        var example: TrainingExample
        do {
            example = try builder.example(prompt: drawn.prompt, question: read, number: summary.examples + 1)
        } catch {
            summary.skip(error.description)
            return []
        }
        if builder.audit(prompt: drawn.prompt, response: drawn.rejected) == .wrong {
            example.rejected = drawn.rejected
        } else if writer.format.isPreference || writer.format == .trlKTO {
            summary.skip("the synthetic mistake did not audit wrong")
            return []
        }
        summary.examples += 1
        let rows = writer.rows(for: example)
        summary.record(rows)
        return rows
    }
}
