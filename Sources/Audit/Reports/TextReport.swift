import Claims

/// `--format text`, for people at a terminal: each wrong claim as `FILE:LINE: claim — what is true`, invalid lines
/// with their reason, then a summary table.
struct TextReport: Report {
    let inputs: [String]
    let listUnverified: Bool
    var needsLines: Bool { false }
    var needsFlagged: Bool { true }

    mutating func record(_ outcome: RecordOutcome, line: UnsafeBufferPointer<UInt8>, to out: OutputBuffer) {
        let place = "\(inputs[outcome.input]):\(outcome.line)"
        if outcome.verdict == .invalid {
            out.write("\(place): invalid: \(outcome.error ?? "")")
            return
        }
        for claim in listed(outcome, unverified: listUnverified) {
            let role = claim.role == .answer ? ", answer" : ""
            out.write("\(place): [\(claim.kind.rawValue)\(role)] \(claim.text.singleLine.clipped(300)) — \(claim.truth.singleLine)")
        }
    }

    mutating func finish(_ summary: RunSummary, to out: OutputBuffer) {
        out.write("")
        out.write(Self.table(summary))
    }

    /// The summary table: records by verdict, then claims by kind.
    static func table(_ summary: RunSummary) -> String {
        var lines: [String] = []
        func row(_ cells: [String], widths: [Int]) -> String {
            zip(cells, widths).enumerated().map { i, pair in
                i == 0 ? pair.0.padding(toLength: pair.1, withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: max(0, pair.1 - pair.0.count)) + pair.0
            }.joined(separator: "  ")
        }
        let recordWidths = [12, 9]
        lines.append(row(["records", "count"], widths: recordWidths))
        for verdict in RecordVerdict.allCases {
            lines.append(row([verdict.label, String(summary.count(verdict))], widths: recordWidths))
        }
        lines.append(row(["total", String(summary.lines)], widths: recordWidths))
        lines.append("")
        let widths = [14, 9, 9, 9, 11]
        lines.append(row(["claims", "total", "correct", "wrong", "unverified"], widths: widths))
        for kind in ClaimTally.kinds {
            let c = summary.claims(kind, .correct)
            let w = summary.claims(kind, .wrong)
            let u = summary.claims(kind, .unverified)
            lines.append(row([kind.rawValue, String(c + w + u), String(c), String(w), String(u)], widths: widths))
        }
        lines.append(
            row(
                [
                    "total", String(summary.totalClaims), String(summary.totalClaims(.correct)),
                    String(summary.totalClaims(.wrong)), String(summary.totalClaims(.unverified)),
                ], widths: widths))
        return lines.joined(separator: "\n")
    }
}
