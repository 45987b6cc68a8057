import Claims

/// A way of presenting an audit run: fed each record's outcome in input order, then the totals.
public protocol Report {
    /// Whether the report needs each record's JSONL line.
    var needsLines: Bool { get }
    /// Whether the report needs each record's wrong and unverified claims.
    var needsFlagged: Bool { get }
    mutating func record(_ outcome: RecordOutcome, line: UnsafeBufferPointer<UInt8>, to out: OutputBuffer)
    mutating func finish(_ summary: RunSummary, to out: OutputBuffer)
}

/// The report formats of `mathcheck audit --format`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, jsonl, json, junit, sarif, github, markdown, scores, steps

    /// Whether each record's line is its steps (the run must cut them: ``RunSettings/steps``).
    public var writesSteps: Bool { self == .steps }

    /// Makes the report for a run over `inputs` (display names, "-" for standard input). `listUnverified` adds
    /// unverified claims to the reports that list claims.
    public func report(inputs: [String], listUnverified: Bool) -> any Report {
        let names = inputs.map { $0 == "-" ? "stdin" : $0 }
        switch self {
        case .text: return TextReport(inputs: names, listUnverified: listUnverified)
        case .jsonl: return JSONLinesReport()
        case .json: return SummaryJSONReport(inputs: names)
        case .junit: return JUnitReport(inputs: names)
        case .sarif: return SARIFReport(inputs: names, listUnverified: listUnverified)
        case .github: return GitHubReport(inputs: names, listUnverified: listUnverified)
        case .markdown: return MarkdownReport(inputs: names, listUnverified: listUnverified)
        case .scores: return ScoresReport()
        case .steps: return JSONLinesReport()
        }
    }
}

extension String {
    /// The text on one line: line breaks and tabs become spaces.
    var singleLine: String {
        guard contains(where: { $0.isNewline || $0 == "\t" }) else { return self }
        return String(map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    /// At most `limit` characters, with an ellipsis when cut.
    func clipped(_ limit: Int) -> String {
        count <= limit ? self : String(prefix(limit - 1)) + "…"
    }
}

/// "Wrong" or "unverified" claims a report lists.
func listed(_ outcome: RecordOutcome, unverified: Bool) -> [FlaggedClaim] {
    outcome.flagged.filter { $0.verdict == .wrong || (unverified && $0.verdict == .unverified) }
}

/// Claim kinds as reports name them.
extension RecordVerdict {
    var label: String {
        switch self {
        case .noClaims: return "no claims"
        default: return rawValue
        }
    }
}
