public import Claims
import JSON
import Verifiers

/// Totals of a `mathcheck check` run: agreement and the confusion matrix of known correctness against mathcheck.
public struct CheckSummary: Sendable {
    public private(set) var lines = 0
    public private(set) var byLabel = 0
    public private(set) var byReference = 0
    public private(set) var agreements = 0
    public private(set) var disagreements = 0
    /// Records that could not be graded (no label or reference, incomparable answer and reference).
    public private(set) var ungraded = 0
    public private(set) var invalid = 0
    /// [known][mathcheck] counts.
    public private(set) var confusion: [RecordVerdict: [RecordVerdict: Int]] = [:]

    public init() {}

    mutating func add(_ o: CheckOutcome) {
        lines += 1
        guard let agrees = o.agrees, let known = o.known, let mathcheck = o.mathcheck else {
            if o.mathcheck == .invalid && o.basis == nil { invalid += 1 } else { ungraded += 1 }
            return
        }
        if o.basis == .label { byLabel += 1 } else { byReference += 1 }
        if agrees { agreements += 1 } else { disagreements += 1 }
        confusion[known, default: [:]][mathcheck, default: 0] += 1
    }

    public var graded: Int { agreements + disagreements }
    /// Agreements over graded records (1 when none were graded).
    public var agreement: Double { graded == 0 ? 1 : Double(agreements) / Double(graded) }
}

/// One `mathcheck check` run over inputs, in parallel, with results in input order.
public struct CheckRun {
    public enum Format: String, Sendable, CaseIterable {
        case text, jsonl, json
    }

    public var settings: RunSettings

    public init(_ settings: RunSettings) { self.settings = settings }

    public func run(format: Format, output: OutputBuffer, progress: ProgressMeter? = nil) throws(RecordError)
        -> CheckSummary
    {
        let pipeline = Pipeline<CheckWorker>(jobs: settings.jobs, shard: settings.shard, writeLines: format == .jsonl)
        let bounds = settings.bounds
        let budget = settings.budget
        let names = settings.inputNames
        var summary = CheckSummary()
        try pipeline.run(
            inputs: settings.inputs, makeWorker: { CheckWorker(bounds: bounds, budget: budget) },
            consume: { outcome, line in
                summary.add(outcome)
                switch format {
                case .jsonl:
                    output.raw(line)
                    output.raw("\n")
                case .text:
                    if let text = Self.textLine(outcome, file: names[outcome.input]) { output.write(text) }
                case .json: break
                }
            },
            progress: { bytes in
                output.flush()  // each batch on disk as soon as it is done, in order (see AuditRun)
                progress?.advance(
                    bytes: bytes, records: summary.lines, flagged: "\(summary.disagreements) disagreements")
            })
        progress?.finish()
        switch format {
        case .text:
            output.write("")
            output.write(Self.table(summary))
        case .json: output.write(Self.object(summary, inputs: names).pretty)
        case .jsonl: break
        }
        output.flush()
        return summary
    }

    /// A disagreement, an invalid line or an ungraded record, as `FILE:LINE: …`; nil for an agreement.
    static func textLine(_ o: CheckOutcome, file: String) -> String? {
        let place = "\(file):\(o.line)"
        if o.agrees == true { return nil }
        if o.agrees == false, let known = o.known, let mathcheck = o.mathcheck, let basis = o.basis {
            let by = basis == .label ? "label" : "reference grade"
            return "\(place): \(by) \(known.rawValue), mathcheck \(mathcheck.rawValue)" + (o.detail.map { " — \($0)" } ?? "")
        }
        if o.mathcheck == .invalid && o.basis == nil { return "\(place): invalid: \(o.error ?? "")" }
        return "\(place): not graded: \(o.error ?? "")"
    }

    static func table(_ s: CheckSummary) -> String {
        var lines: [String] = []
        lines.append(
            "\(s.lines) records: \(s.graded) graded (\(s.byLabel) by label, \(s.byReference) by reference), "
                + "\(s.ungraded) not graded, \(s.invalid) invalid")
        lines.append("agreement: \(s.agreements)/\(s.graded) = \(fixed(s.agreement * 100, places: 2))%")
        lines.append("")
        let columns: [RecordVerdict] = [.correct, .wrong, .unverified, .noClaims]
        func cell(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        lines.append("known \\ mathcheck".padding(toLength: 18, withPad: " ", startingAt: 0) + columns.map { cell($0.rawValue, 11) }.joined())
        for known in RecordVerdict.labels {
            let row = s.confusion[known] ?? [:]
            lines.append(known.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0) + columns.map { cell(String(row[$0] ?? 0), 11) }.joined())
        }
        return lines.joined(separator: "\n")
    }

    static func object(_ s: CheckSummary, inputs: [String]) -> JSONValue {
        func number(_ n: Int) -> JSONValue { .number(String(n)) }
        let columns: [RecordVerdict] = [.correct, .wrong, .unverified, .noClaims]
        let confusion: JSONValue = .object(
            RecordVerdict.labels.map { known in
                (known.rawValue, .object(columns.map { ($0.rawValue, number(s.confusion[known]?[$0] ?? 0)) }))
            })
        return .object([
            ("inputs", .array(inputs.map { .string($0) })), ("records", number(s.lines)), ("graded", number(s.graded)),
            ("by_label", number(s.byLabel)), ("by_reference", number(s.byReference)),
            ("agreements", number(s.agreements)), ("disagreements", number(s.disagreements)),
            ("not_graded", number(s.ungraded)), ("invalid", number(s.invalid)),
            ("agreement", .number(fixed(s.agreement, places: 6))), ("confusion", confusion),
        ])
    }
}
