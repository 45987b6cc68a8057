import ArgumentParser
import Audit
import Foundation

/// `mathcheck check FILE…`: grades records whose correctness is known and reports agreement.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check mathcheck against records whose correctness is known: a \"label\" or a \"reference\" answer.",
        discussion: """
            A record with "label" (correct, wrong or no_claims) is audited and mathcheck's record verdict compared \
            with the label. A record with "reference" ("Yes", "No", "0.66", "2 × 17396417", "√3/2") has its answer \
            graded against the reference by value (yes/no, exact integers, factor lists in any order, values at the \
            precision stated), and mathcheck's verdict on that answer compared with the grade.
            Prints every disagreement with its line, the agreement and the confusion matrix. Exit status: 1 on any \
            disagreement, or with --min-agreement when the agreement is below it; 2 on usage errors.
            """
    )

    @Argument(help: "JSONL files; '-' reads standard input.")
    var files: [String] = ["-"]

    @Option(help: "Output format: text (the default on a terminal), jsonl (a line per record; the default otherwise) or json (the summary).")
    var format: String?

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("min-agreement"), help: "Pass when the agreement (0–1) is at least this, instead of requiring full agreement.")
    var minAgreement: Double?

    @Option(help: "Parallel jobs (default: all cores).")
    var jobs: Int?

    @Option(help: "Handle only the lines whose index (from 0, across all inputs) is K mod N: 'K/N'.")
    var shard: String?

    @Option(name: .customLong("record-timeout"), help: "CPU seconds one record may take; 0 for no limit.")
    var recordTimeout: Double = 1.0

    func validate() throws {
        if let format, CheckRun.Format(rawValue: format) == nil {
            throw ValidationError("unknown format '\(format)'; known: text, jsonl, json")
        }
        if let minAgreement, !(0...1).contains(minAgreement) {
            throw ValidationError("--min-agreement must be between 0 and 1")
        }
        if let jobs, jobs < 1 || jobs > 1024 { throw ValidationError("--jobs must be between 1 and 1024") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be K/N with 0 ≤ K < N, not '\(shard)'") }
        guard recordTimeout >= 0 && recordTimeout.isFinite else { throw ValidationError("--record-timeout must be ≥ 0") }
        try checkReadable(files)
    }

    func run() throws {
        let chosen = format.flatMap(CheckRun.Format.init(rawValue:)) ?? (output == nil && isatty(1) == 1 ? .text : .jsonl)
        var run = CheckRun(inputs: files)
        run.jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        run.shard = shard.flatMap(Shard.init)
        run.budget = recordTimeout > 0 ? .microseconds(Int64((recordTimeout * 1_000_000).rounded())) : nil
        let sink = try output.map { path throws(RecordError) in try OutputBuffer(path: path) } ?? OutputBuffer()
        let summary: CheckSummary
        do {
            summary = try run.run(format: chosen, output: sink, progress: ProgressMeter.forTerminal(inputs: files))
        } catch {
            throw ValidationError(error.message)
        }
        let passes = minAgreement.map { summary.agreement >= $0 } ?? (summary.disagreements == 0)
        if !passes { throw ExitCode(1) }
    }
}
