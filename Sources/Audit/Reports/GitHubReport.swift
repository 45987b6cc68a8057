/// `--format github`: GitHub Actions workflow commands, so each wrong claim appears as an annotation on its corpus
/// line (`::error file=…,line=…::`), then a notice with the totals.
struct GitHubReport: Report {
    let inputs: [String]
    let listUnverified: Bool
    var needsLines: Bool { false }
    var needsFlagged: Bool { true }

    mutating func record(_ outcome: RecordOutcome, line: UnsafeBufferPointer<UInt8>, to out: OutputBuffer) {
        let file = Self.property(inputs[outcome.input])
        if outcome.verdict == .invalid {
            out.write(
                "::warning file=\(file),line=\(outcome.line),title=mathcheck%3A invalid record::\(Self.data(outcome.error ?? ""))")
            return
        }
        for claim in listed(outcome, unverified: listUnverified) {
            let command = claim.verdict == .wrong ? "error" : "notice"
            let title = Self.property("mathcheck: \(claim.verdict.rawValue) \(claim.kind.rawValue) claim")
            let message = "\(claim.text.singleLine.clipped(300)) — \(claim.truth.singleLine)"
            out.write("::\(command) file=\(file),line=\(outcome.line),title=\(title)::\(Self.data(message))")
        }
    }

    mutating func finish(_ summary: RunSummary, to out: OutputBuffer) {
        let text =
            "\(summary.lines) records: \(summary.count(.correct)) correct, \(summary.count(.wrong)) wrong, "
            + "\(summary.count(.unverified)) unverified, \(summary.count(.noClaims)) without claims, "
            + "\(summary.count(.invalid)) invalid; \(summary.totalClaims) claims, \(summary.totalClaims(.wrong)) wrong"
        out.write("::notice title=mathcheck audit::\(Self.data(text))")
    }

    /// Escapes a command's message (GitHub's rules: %, CR and LF).
    static func data(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D")
            .replacing("\n", with: "%0A")
    }

    /// Escapes a command's property value (also ":" and ",").
    static func property(_ text: String) -> String {
        data(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
