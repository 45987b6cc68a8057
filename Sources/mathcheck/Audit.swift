import ArgumentParser
import Audit
import Foundation

/// `mathcheck audit FILE…`: finds and verifies every checkable claim in each record, and reports.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Find and verify every checkable math claim in JSONL records of model responses.",
        discussion: """
            Each input line is a record: {"prompt": ..., "response"|"completion"|"output"|"answer": ...} or \
            OpenAI chat {"messages": [...]}, with an optional "id". '-' reads standard input, so mathcheck works as \
            a filter stage (Spark RDD.pipe, Hadoop streaming, GNU parallel).
            Formats: text (the default on a terminal), jsonl (one line per input line, in order; the default \
            otherwise), json (a summary), junit, sarif (2.1.0), github (workflow annotations), markdown, scores \
            (1, 0 or empty per input line, for reward functions).
            Exit status: 0 when the run passes, 1 when it fails under --fail-on / --max-wrong-rate, 2 on usage \
            errors and unreadable inputs.
            """
    )

    @Argument(help: "JSONL files to audit; '-' reads standard input.")
    var files: [String] = ["-"]

    @Option(help: "Output format: text, jsonl, json, junit, sarif, github, markdown or scores.")
    var format: String?

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Fail (exit 1) on: wrong (default), unverified (also invalid lines), never.")
    var failOn: String = "wrong"

    @Option(name: .customLong("max-wrong-rate"), help: "Pass while wrong records are at most this share (0–1) of the records with claims.")
    var maxWrongRate: Double?

    @Option(help: "Parallel jobs (default: all cores). The output is the same for any number.")
    var jobs: Int?

    @Option(help: "Handle only the lines whose index (from 0, across all inputs) is K mod N: 'K/N'.")
    var shard: String?

    @Option(name: .customLong("record-timeout"), help: "CPU seconds one record may take before its remaining claims are unverified with reason 'budget'; 0 for no limit.")
    var recordTimeout: Double = 1.0

    func validate() throws {
        if let format, ReportFormat(rawValue: format) == nil {
            throw ValidationError(
                "unknown format '\(format)'; known: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard ExitPolicy.FailOn(rawValue: failOn) != nil else {
            throw ValidationError("--fail-on must be wrong, unverified or never, not '\(failOn)'")
        }
        if let maxWrongRate, !(0...1).contains(maxWrongRate) {
            throw ValidationError("--max-wrong-rate must be between 0 and 1")
        }
        if let jobs, jobs < 1 || jobs > 1024 { throw ValidationError("--jobs must be between 1 and 1024") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be K/N with 0 ≤ K < N, not '\(shard)'") }
        guard recordTimeout >= 0 && recordTimeout.isFinite else { throw ValidationError("--record-timeout must be ≥ 0") }
        try checkReadable(files)
    }

    func run() throws {
        let chosen =
            format.flatMap(ReportFormat.init(rawValue:)) ?? (output == nil && isatty(1) == 1 ? .text : .jsonl)
        let policy = ExitPolicy(failOn: ExitPolicy.FailOn(rawValue: failOn) ?? .wrong, maxWrongRate: maxWrongRate)
        var run = AuditRun(inputs: files)
        run.jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        run.shard = shard.flatMap(Shard.init)
        run.budget = recordTimeout > 0 ? .microseconds(Int64((recordTimeout * 1_000_000).rounded())) : nil
        let sink = try output.map { path throws(RecordError) in try OutputBuffer(path: path) } ?? OutputBuffer()
        var report = chosen.report(inputs: files, listUnverified: policy.failOn == .unverified)
        let summary: RunSummary
        do {
            summary = try run.run(report: &report, output: sink, progress: ProgressMeter.forTerminal(inputs: files))
        } catch {
            throw ValidationError(error.message)
        }
        if policy.fails(summary) { throw ExitCode(1) }
    }
}

/// Fails with a usage error (exit 2) naming the first input that cannot be read, before any output is written.
func checkReadable(_ files: [String]) throws {
    for file in files where file != "-" {
        var info = stat()
        guard stat(file, &info) == 0 else { throw ValidationError("cannot read \(file): no such file") }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { throw ValidationError("cannot read \(file): it is a directory") }
        guard access(file, R_OK) == 0 else { throw ValidationError("cannot read \(file): permission denied") }
    }
}
