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

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "Output format: text (the default on a terminal), jsonl (a line per record; the default otherwise) or json (the summary).")
    var format: String?

    @Option(name: .customLong("min-agreement"), help: "Pass when the agreement (0–1) is at least this, instead of requiring full agreement.")
    var minAgreement: Double?

    func validate() throws {
        if let format, CheckRun.Format(rawValue: format) == nil {
            throw ValidationError("unknown format '\(format)'; known: text, jsonl, json")
        }
        if let minAgreement, !(0...1).contains(minAgreement) {
            throw ValidationError("--min-agreement must be between 0 and 1")
        }
    }

    func run() throws {
        let chosen = format.flatMap(CheckRun.Format.init(rawValue:)) ?? (corpus.reportsToTerminal ? .text : .jsonl)
        let sink = try corpus.sink()
        let summary: CheckSummary
        do {
            summary = try CheckRun(corpus.settings).run(
                format: chosen, output: sink, progress: ProgressMeter.forTerminal(inputs: corpus.files))
        } catch {
            throw ValidationError(error.message)
        }
        let passes = minAgreement.map { summary.agreement >= $0 } ?? (summary.disagreements == 0)
        if !passes { throw ExitCode(1) }
    }
}
