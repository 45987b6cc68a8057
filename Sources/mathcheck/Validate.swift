import ArgumentParser
import Audit
import ToolCalls

/// `mathcheck validate FILE --format F`: checks a fine-tuning file.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Check a fine-tuning file: shape, roles, tool calls and replies, reproduced results, audited answers.",
        discussion: """
            Checks the JSON shape of the format, roles and their order, that every tool call has exactly one reply \
            with its id, that arguments parse and fit the tool's schema and that tool names exist; re-runs the \
            calculator to reproduce each tool result byte for byte; audits every final answer as correct and every \
            rejected answer (DPO) or label-false completion (KTO) as wrong; warns on exact duplicates. Prints the \
            counts and the first errors with their line numbers. Exit status: 0 when there is no error, 1 when \
            there is one, 2 on usage errors.
            """
    )

    @Argument(help: "The JSONL file; '-' reads standard input.")
    var file: String

    @Option(help: "openai-sft, openai-dpo, trl-sft, trl-dpo, trl-kto or trl-prm.")
    var format: TrainingFormat

    @Option(help: "How many errors and warnings to list.")
    var show: Int = 20

    func run() throws {
        var validator = TrainingValidator(format: format)
        validator.keep = max(0, show)
        let reader = try openLines(file)
        var number = 0
        while reader.next({ bytes, length in
            number += 1
            validator.check(line: bytes, length: length, number: number)
        }) {}
        printLine(validator.report)
        if validator.hasErrors { throw ExitCode(1) }
    }
}
