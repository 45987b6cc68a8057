import JSON

/// What an emit or generate run wrote and what it skipped, and why: printed on standard error at the end.
public struct TrainingSummary: Sendable {
    /// Input records (emit) or questions drawn (generate).
    public var inputs = 0
    /// Rows written.
    public var rows = 0
    /// Examples that passed every check.
    public var examples = 0
    /// Skips by reason, in the order the reasons were first met.
    public private(set) var skips: [(String, Int)] = []
    /// KTO rows with label true and false.
    public var desirable = 0
    public var undesirable = 0
    /// trl-prm: steps written, those labelled false, rows with a wrong step, and the labelling rule.
    public var steps = 0
    public var falseSteps = 0
    public var rowsWithError = 0
    public var labelRule: StepLabelRule?

    public init() {}

    public mutating func skip(_ reason: String) {
        if let i = skips.firstIndex(where: { $0.0 == reason }) {
            skips[i].1 += 1
        } else {
            skips.append((reason, 1))
        }
    }

    public var skipped: Int { skips.reduce(0) { $0 + $1.1 } }

    /// Counts the rows of one example.
    mutating func record(_ rows: [JSONValue]) {
        self.rows += rows.count
        for row in rows {
            if row["label"] == .bool(true) { desirable += 1 }
            if row["label"] == .bool(false) { undesirable += 1 }
        }
    }

    /// Counts the steps of one trl-prm row.
    mutating func record(steps labels: [Bool], firstError: Int?) {
        steps += labels.count
        falseSteps += labels.filter { !$0 }.count
        if firstError != nil { rowsWithError += 1 }
    }

    /// The report, one fact per line.
    public func report(format: TrainingFormat, inputName: String) -> String {
        var lines = [
            format.isStepwise
                ? "\(inputs) \(inputName), \(rows) rows written (\(format.rawValue))"
                : "\(inputs) \(inputName), \(examples) verified examples, \(rows) rows written (\(format.rawValue))"
        ]
        for (reason, count) in skips { lines.append("skipped \(count): \(reason)") }
        if format == .trlPRM {
            let rule =
                labelRule == .afterError
                ? "false from the first wrong step on" : "false where the step holds a wrong claim"
            lines.append(
                "steps: \(steps) labelled, \(falseSteps) false (\(rule)); \(rowsWithError) of \(rows) rows have a wrong step")
        }
        if format == .trlKTO {
            var ratio = "desirable:undesirable = \(desirable):\(undesirable)"
            if undesirable > 0 {
                let r = Double(desirable) / Double(undesirable)
                let rounded = (r * 100).rounded() / 100
                ratio += " (\(rounded):1"
                ratio += r < 1 || r > 4.0 / 3.0 ? "; TRL recommends between 1:1 and 4:3)" : ", within TRL's 1:1 to 4:3)"
            } else {
                ratio += " (no undesirable examples; KTO needs both)"
            }
            lines.append(ratio)
        }
        return lines.joined(separator: "\n")
    }
}
