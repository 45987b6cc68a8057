public import ArgumentParser
import Claims
import ToolCalls

extension TrainingFormat: ExpressibleByArgument {}
extension AnswerStyle: ExpressibleByArgument {}
extension StepMode: ExpressibleByArgument {}

/// The options `emit` and `generate` share: the format of the rows, the assistant's style, a system message and
/// where the rows go.
struct TrainingRowOptions: ParsableArguments {
    @Option(help: "openai-sft, openai-dpo, trl-sft, trl-dpo, trl-kto or trl-prm.")
    var format: TrainingFormat

    @Option(help: "tool (call the calculator), answer (answer directly) or abstain (decline to guess).")
    var style: AnswerStyle = .tool

    @Option(help: "A system message to start every conversation with.")
    var system: String?

    @Option(help: "Write the rows to this file instead of standard output.")
    var output: String?
}
