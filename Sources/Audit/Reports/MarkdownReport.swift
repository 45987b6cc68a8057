/// `--format markdown`: a report for a pull-request comment: the verdict line, the totals, claims by kind, and the
/// first wrong claims in a table (a comment has a size limit, so the list is cut at ``limit`` with a count of the
/// rest).
struct MarkdownReport: Report {
    let inputs: [String]
    let listUnverified: Bool
    var needsLines: Bool { false }
    var needsFlagged: Bool { true }
    static let limit = 50
    private var rows: [String] = []
    private var more = 0

    init(inputs: [String], listUnverified: Bool) {
        self.inputs = inputs
        self.listUnverified = listUnverified
    }

    mutating func record(_ outcome: RecordOutcome, line: UnsafeBufferPointer<UInt8>, to out: OutputBuffer) {
        let place = "`\(inputs[outcome.input]):\(outcome.line)`"
        if outcome.verdict == .invalid {
            add("| \(place) | invalid | | \(Self.cell(outcome.error ?? "")) |")
            return
        }
        for claim in listed(outcome, unverified: listUnverified) {
            add("| \(place) | \(claim.kind.rawValue) | \(Self.cell(claim.text.clipped(200))) | \(Self.cell(claim.truth)) |")
        }
    }

    private mutating func add(_ row: String) {
        if rows.count < Self.limit { rows.append(row) } else { more += 1 }
    }

    mutating func finish(_ summary: RunSummary, to out: OutputBuffer) {
        let wrong = summary.count(.wrong)
        let headline =
            wrong == 0
            ? "No wrong answers in \(summary.lines) records"
            : "\(wrong) of \(summary.lines) records have a wrong claim"
        out.write("## mathcheck audit: \(headline)")
        out.write("")
        out.write("| records | correct | wrong | unverified | no claims | invalid |")
        out.write("|---:|---:|---:|---:|---:|---:|")
        out.write(
            "| \(summary.lines) | \(summary.count(.correct)) | \(wrong) | \(summary.count(.unverified)) | \(summary.count(.noClaims)) | \(summary.count(.invalid)) |"
        )
        out.write("")
        out.write("| claims | total | correct | wrong | unverified |")
        out.write("|---|---:|---:|---:|---:|")
        for kind in ClaimTally.kinds {
            let c = summary.claims(kind, .correct)
            let w = summary.claims(kind, .wrong)
            let u = summary.claims(kind, .unverified)
            out.write("| \(kind.rawValue) | \(c + w + u) | \(c) | \(w) | \(u) |")
        }
        out.write(
            "| **total** | \(summary.totalClaims) | \(summary.totalClaims(.correct)) | \(summary.totalClaims(.wrong)) | \(summary.totalClaims(.unverified)) |"
        )
        guard !rows.isEmpty else { return }
        out.write("")
        out.write(listUnverified ? "### Wrong and unverified claims" : "### Wrong claims")
        out.write("")
        out.write("| where | kind | claim | what is true |")
        out.write("|---|---|---|---|")
        for row in rows { out.write(row) }
        if more > 0 {
            out.write("")
            out.write("…and \(more) more; run `mathcheck audit --format text` for all of them.")
        }
    }

    /// Text for a table cell: one line, pipes escaped.
    static func cell(_ text: String) -> String {
        text.singleLine.replacing("|", with: "\\|")
    }
}
