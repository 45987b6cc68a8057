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
    /// Evaluates the intended and the read expression of a value question, to compare them.
    private let checker = ToolExecutor()

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

    /// Whether the question read from the prompt asks the calculator what was intended: the same call, or for a
    /// value, the same value (the reader may build "the product of 23 and 47" as another tree than the intended
    /// "(23) * (47)": both are evaluated to 40 significant digits) at the same rounding and angle unit.
    private func asksTheSame(_ read: AskedQuestion, _ intended: AskedQuestion) -> Bool {
        let (readTool, readArguments) = CalculatorCall.call(for: read)
        let (tool, arguments) = CalculatorCall.call(for: intended)
        if readTool == tool && readArguments == arguments { return true }
        guard case .value = read.kind, case .value = intended.kind, readTool == tool,
            case .object(let readMembers) = readArguments, case .object(let members) = arguments,
            readMembers.filter({ $0.0 != "expression" }).elementsEqual(members.filter({ $0.0 != "expression" }), by: ==),
            let a = readArguments["expression"], let b = arguments["expression"]
        else { return false }
        func value(_ expression: JSONValue) -> String? {
            var call: [(String, JSONValue)] = [("expression", expression), ("digits", 40)]
            if let unit = arguments["angle_unit"] { call.append(("angle_unit", unit)) }
            return (try? checker.run(.evaluate, arguments: .object(call)))?["value"]?.stringValue
        }
        guard let x = value(a), let y = value(b) else { return false }
        return x == y
    }

    /// The rows for the next drawn question (none when it was skipped; the reason is counted).
    public mutating func next() -> [JSONValue] {
        summary.inputs += 1
        let drawn = questions.next()
        guard prompts.insert(drawn.prompt).inserted else {
            summary.skip("a repeat of an earlier question")
            return []
        }
        guard let read = AskedQuestion(prompt: drawn.prompt), asksTheSame(read, drawn.question) else {
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
