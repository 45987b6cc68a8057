public import Claims
import JSON
public import Verifiers

/// Builds verified training examples: asks the calculator, writes the answer from its result, and audits that answer
/// with mathcheck's own ``ResponseAuditor``. Nothing that fails the audit comes out: the caller gets a skip reason.
///
/// One builder per thread: it keeps the auditor's buffers between examples.
public struct ExampleBuilder {
    public var style: AnswerStyle
    public var system: String?
    private let executor: ToolExecutor
    private var auditor: ResponseAuditor

    public init(style: AnswerStyle = .tool, system: String? = nil, bounds: Bounds = .standard) {
        self.style = style
        self.system = system
        executor = ToolExecutor(bounds: bounds)
        auditor = ResponseAuditor(bounds: bounds)
    }

    /// Why no example was written for a question.
    public enum Skip: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
        /// The prompt asks nothing the calculator answers.
        case noQuestion
        /// The calculator could not answer (its error code).
        case toolError(String)
        /// The result does not settle the question (an incomplete factorization, a value indistinguishable from 0).
        case unsettled
        /// The written answer did not audit `correct` (or, for an abstention, was not free of claims).
        case answerNotVerified(RecordVerdict)

        public var description: String {
            switch self {
            case .noQuestion: return "the prompt asks nothing the calculator answers"
            case .toolError(let code): return "the calculator could not answer (\(code))"
            case .unsettled: return "the calculator's result does not settle the question"
            case .answerNotVerified(let v): return "the written answer audited \(v.rawValue), not correct"
            }
        }
    }

    /// The verified example for `question` asked in `prompt`; `number` makes the tool call id ("call_<number>").
    public mutating func example(prompt: String, question: AskedQuestion, number: Int) throws(Skip) -> TrainingExample {
        let (tool, arguments) = CalculatorCall.call(for: question)
        let result: JSONValue
        do throws(ToolError) {
            result = try executor.run(tool, arguments: arguments)
        } catch {
            throw .toolError(error.code)
        }
        guard let verified = AnswerWriter.answer(to: question, result: result) else { throw .unsettled }
        let answer: String
        switch style {
        case .tool, .answer:
            answer = verified
            let verdict = audit(prompt: prompt, response: answer)
            guard verdict == .correct else { throw .answerNotVerified(verdict) }
        case .abstain:
            // The calculator still ran: an abstention is only written for a question that has a checkable answer.
            answer = AnswerWriter.abstention(for: question)
            let verdict = audit(prompt: prompt, response: answer)
            guard verdict == .noClaims else { throw .answerNotVerified(verdict) }
        }
        var example = TrainingExample(system: system, prompt: prompt, answer: answer)
        if style == .tool {
            example.call = TrainingExample.ToolCall(
                id: "call_\(number)", tool: tool, arguments: arguments, result: result.serialized)
        }
        return example
    }

    /// The audit's verdict on `response` as the answer to `prompt`.
    public mutating func audit(prompt: String, response: String) -> RecordVerdict {
        auditor.audit(prompt: prompt, response: response).verdict
    }
}
