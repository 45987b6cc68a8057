public import Claims
public import JSON
import Verifiers

/// Turns audited records (a prompt and a model's answer) into fine-tuning rows: each prompt that asks a question
/// the calculator answers gets a verified answer in the requested style; a wrong original answer becomes the
/// rejected side of a preference pair (or an undesirable KTO completion), a correct one a desirable completion.
public struct Emitter {
    public var writer: TrainingWriter
    public private(set) var summary = TrainingSummary()
    private var builder: ExampleBuilder
    /// For `trl-prm`: the stepwise rows.
    private var process: ProcessRows

    public init(
        format: TrainingFormat, style: AnswerStyle = .tool, system: String? = nil, keepWrong: Bool = false,
        steps: StepMode = .auto, labels: StepLabelRule = .ownVerdict
    ) {
        writer = TrainingWriter(format: format, keepWrong: keepWrong)
        builder = ExampleBuilder(style: style, system: system)
        process = ProcessRows(mode: steps, rule: labels)
        summary.labelRule = format.isStepwise ? labels : nil
    }

    /// Notes an input line that is not a record.
    public mutating func invalid(_ reason: String) {
        summary.inputs += 1
        summary.skip("invalid record: \(reason)")
    }

    /// The rows for one record; every skip is counted in ``summary``.
    public mutating func rows(prompt: String, response: String) -> [JSONValue] {
        summary.inputs += 1
        if writer.format.isStepwise {
            do {
                let row = try process.row(prompt: prompt, response: response)
                summary.examples += 1
                summary.record(steps: row.labels, firstError: row.firstError)
                summary.rows += 1
                return [row.json]
            } catch {
                summary.skip(error.description)
                return []
            }
        }
        guard let question = AskedQuestion(prompt: prompt) else {
            summary.skip(ExampleBuilder.Skip.noQuestion.description)
            return []
        }
        let original = builder.audit(prompt: prompt, response: response)
        let format = writer.format
        if format.isPreference && original != .wrong {
            summary.skip("the original answer is not wrong (\(original.rawValue)): no preference pair")
            return []
        }
        var example: TrainingExample
        do {
            example = try builder.example(prompt: prompt, question: question, number: summary.examples + 1)
        } catch {
            summary.skip(error.description)
            return []
        }
        switch original {
        case .wrong: example.rejected = response
        case .correct where format == .trlKTO: example.acceptedOriginal = response
        default: break
        }
        summary.examples += 1
        let rows = writer.rows(for: example)
        summary.record(rows)
        return rows
    }
}
