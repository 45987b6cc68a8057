import ArgumentParser
import Audit

/// `mathcheck audit FILE… --format jsonl`: finds and verifies every checkable claim in each record.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Find and verify every checkable math claim in JSONL records of model responses.",
        discussion: """
            Each input line is a record: {"prompt": ..., "response"|"completion"|"output"|"answer": ...} or \
            OpenAI chat {"messages": [...]}, with an optional "id". Output: one JSON line per input line, in order.
            Exit status: 0 when nothing is wrong, 1 when some claim is wrong, 2 on usage errors.
            """
    )

    @Argument(help: "JSONL files to audit; '-' reads standard input.")
    var files: [String] = ["-"]

    @Option(help: "Output format: jsonl.")
    var format: String = "jsonl"

    func validate() throws {
        guard format == "jsonl" else { throw ValidationError("unknown format '\(format)'; known: jsonl") }
    }

    func run() throws {
        var runner = AuditRunner()
        let output = OutputBuffer()
        for file in files {
            do {
                try runner.run(path: file, output: output)
            } catch {
                output.flush()
                throw ValidationError(error.message)
            }
        }
        output.flush()
        if runner.summary.wrongRecords > 0 { throw ExitCode(1) }
    }
}
