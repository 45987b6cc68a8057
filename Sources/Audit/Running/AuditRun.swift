import Verifiers

/// One `mathcheck audit` run: inputs, parallelism, sharding and the per-record budget, feeding a report.
public struct AuditRun {
    public var settings: RunSettings

    public init(_ settings: RunSettings) { self.settings = settings }

    /// Audits every input line in order, feeding `report`, and returns the totals. Throws when an input cannot be
    /// read.
    public func run(
        report: inout some Report, output: OutputBuffer, progress: ProgressMeter? = nil
    ) throws(RecordError) -> RunSummary {
        let pipeline = Pipeline<RecordAuditor>(jobs: settings.jobs, shard: settings.shard, writeLines: report.needsLines)
        let bounds = settings.bounds
        let budget = settings.budget
        let collectFlagged = report.needsFlagged
        let steps = settings.steps
        var summary = RunSummary()
        try pipeline.run(
            inputs: settings.inputs,
            makeWorker: {
                var runner = RecordAuditor(bounds: bounds, budget: budget)
                runner.collectFlagged = collectFlagged
                runner.steps = steps
                return runner
            },
            consume: { outcome, line in
                summary.add(outcome)
                report.record(outcome, line: line, to: output)
            },
            progress: { bytes in
                // A batch's lines are written as soon as it is done, in order: if a later record ever ended the
                // process, what was audited before it would be on disk.
                output.flush()
                progress?.advance(bytes: bytes, records: summary.lines, flagged: "\(summary.count(.wrong)) wrong")
            })
        progress?.finish()
        report.finish(summary, to: output)
        output.flush()
        return summary
    }
}

/// When a run fails: `--fail-on` and `--max-wrong-rate`.
public struct ExitPolicy: Sendable {
    public enum FailOn: String, Sendable, CaseIterable {
        /// Any wrong record (the default).
        case wrong
        /// Any wrong or unverified record, or an invalid line: nothing may go unchecked.
        case unverified
        /// Never: report only.
        case never
    }

    public var failOn: FailOn = .wrong
    /// Tolerate wrong records up to this share of the records with claims.
    public var maxWrongRate: Double?

    public init(failOn: FailOn = .wrong, maxWrongRate: Double? = nil) {
        self.failOn = failOn
        self.maxWrongRate = maxWrongRate
    }

    /// Whether the run fails.
    public func fails(_ summary: RunSummary) -> Bool {
        let tooManyWrong =
            if let maxWrongRate { summary.wrongRate > maxWrongRate } else { summary.count(.wrong) > 0 }
        switch failOn {
        case .never: return false
        case .wrong: return tooManyWrong
        case .unverified: return tooManyWrong || summary.count(.unverified) > 0 || summary.count(.invalid) > 0
        }
    }
}
