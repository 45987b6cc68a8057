import ArgumentParser
import Audit
import Claims
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
            (1, 0 or empty per input line, for reward functions; --score graded for the graded score), steps (per \
            record its steps with their claims and verdicts, and first_error; --steps chooses the cut).
            Exit status: 0 when the run passes, 1 when it fails under --fail-on / --max-wrong-rate, 2 on usage \
            errors and unreadable inputs.
            """
    )

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "Output format: text, jsonl, json, junit, sarif, github, markdown, scores or steps.")
    var format: String?

    @Option(
        help: """
            How --format steps cuts a response: auto (lines; a 'Step N' marker's lines together; sentences when the \
            answer is one line; the default), lines or sentences.
            """)
    var steps: StepMode?

    @Option(name: .customLong("fail-on"), help: "Fail (exit 1) on: wrong (default), unverified (also invalid lines), never.")
    var failOn: String = "wrong"

    @Option(name: .customLong("max-wrong-rate"), help: "Pass while wrong records are at most this share (0–1) of the records with claims.")
    var maxWrongRate: Double?

    func validate() throws {
        if let format, ReportFormat(rawValue: format) == nil {
            throw ValidationError(
                "unknown format '\(format)'; known: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard ExitPolicy.FailOn(rawValue: failOn) != nil else {
            throw ValidationError("--fail-on must be wrong, unverified or never, not '\(failOn)'")
        }
        if steps != nil && format != ReportFormat.steps.rawValue {
            throw ValidationError("--steps applies to --format steps")
        }
        if let maxWrongRate, !(0...1).contains(maxWrongRate) {
            throw ValidationError("--max-wrong-rate must be between 0 and 1")
        }
    }

    func run() throws {
        let chosen = format.flatMap(ReportFormat.init(rawValue:)) ?? (corpus.reportsToTerminal ? .text : .jsonl)
        let policy = ExitPolicy(failOn: ExitPolicy.FailOn(rawValue: failOn) ?? .wrong, maxWrongRate: maxWrongRate)
        let sink = try corpus.sink()
        var report = chosen.report(inputs: corpus.files, listUnverified: policy.failOn == .unverified)
        var settings = corpus.settings
        if chosen.writesSteps { settings.steps = steps ?? .auto }
        let summary: RunSummary
        do {
            summary = try AuditRun(settings).run(
                report: &report, output: sink, progress: ProgressMeter.forTerminal(inputs: corpus.files))
        } catch {
            throw ValidationError(error.message)
        }
        if policy.fails(summary) { throw ExitCode(1) }
    }
}
