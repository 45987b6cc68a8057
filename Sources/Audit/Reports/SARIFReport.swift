import Claims
import JSON
import Verifiers

/// `--format sarif`: SARIF 2.1.0 with one result per wrong claim, located at the corpus line, so GitHub code
/// scanning (and any SARIF viewer) marks the line. Invalid lines are results too (level `warning`), and with
/// `--fail-on unverified` so are unverified claims (level `note`).
///
/// Results are written as they come, between a fixed head and tail, so the report streams in flat memory.
struct SARIFReport: Report {
    let inputs: [String]
    let listUnverified: Bool
    var needsLines: Bool { false }
    var needsFlagged: Bool { true }
    private var results = 0

    init(inputs: [String], listUnverified: Bool) {
        self.inputs = inputs
        self.listUnverified = listUnverified
    }

    /// The rules: a wrong claim of each kind, an unverified claim, an invalid line.
    static let rules: [(id: String, name: String, short: String, full: String, level: String)] =
        ClaimTally.kinds.map { kind in
            (
                "wrong-\(kind.rawValue)", "Wrong\(kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst())Claim",
                "A \(kind.rawValue) claim in a model response is false.",
                "mathcheck verified this \(kind.rawValue) claim exactly (GMP/MPFR) and found it false; the message gives the truth and the evidence.",
                "error"
            )
        } + [
            (
                "unverified-claim", "UnverifiedClaim", "A claim could not be verified.",
                "The claim is too large, ambiguous or of an unsupported form, so mathcheck neither confirms nor refutes it.",
                "note"
            ),
            (
                "invalid-record", "InvalidRecord", "A line is not a valid record.",
                "The line is not JSON, or not a record with a prompt and a response.", "warning"
            ),
        ]

    private static func ruleIndex(_ id: String) -> Int { rules.firstIndex { $0.id == id } ?? 0 }

    private func head() -> String {
        let rules = Self.rules.map { rule -> JSONValue in
            .object([
                ("id", .string(rule.id)), ("name", .string(rule.name)),
                ("shortDescription", .object([("text", .string(rule.short))])),
                ("fullDescription", .object([("text", .string(rule.full))])),
                ("defaultConfiguration", .object([("level", .string(rule.level))])),
                ("help", .object([("text", .string(rule.full))])),
            ])
        }
        let driver: JSONValue = .object([
            ("name", "mathcheck"),
            ("rules", .array(rules)),
        ])
        // Open the results array; `finish` closes it.
        var text = #"{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":"#
        text += driver.serialized
        text += #"},"columnKind":"unicodeCodePoints","results":["#
        return text
    }

    mutating func record(_ outcome: RecordOutcome, line: UnsafeBufferPointer<UInt8>, to out: OutputBuffer) {
        if !started {
            out.raw(head())
            started = true
        }
        let uri = inputs[outcome.input]
        if outcome.verdict == .invalid {
            write(
                rule: "invalid-record", level: "warning", message: "Line \(outcome.line) is invalid: \(outcome.error ?? "")",
                uri: uri, line: outcome.line, properties: [], to: out)
            return
        }
        for claim in listed(outcome, unverified: listUnverified) {
            let wrong = claim.verdict == .wrong
            let message =
                wrong
                ? "Wrong \(claim.kind.rawValue) claim \"\(claim.text.singleLine.clipped(300))\": \(claim.truth.singleLine)"
                : "Unverified \(claim.kind.rawValue) claim \"\(claim.text.singleLine.clipped(300))\": \(claim.reason ?? "")"
            var properties: [(String, JSONValue)] = [
                ("role", .string(claim.role.rawValue)),
                ("span", .array([.number(String(claim.span.lowerBound)), .number(String(claim.span.upperBound))])),
            ]
            if let expected = claim.expected { properties.append(("expected", .string(expected))) }
            if let id = outcome.id { properties.append(("recordId", id)) }
            write(
                rule: wrong ? "wrong-\(claim.kind.rawValue)" : "unverified-claim", level: wrong ? "error" : "note",
                message: message, uri: uri, line: outcome.line, properties: properties, to: out)
        }
    }

    private var started = false

    private mutating func write(
        rule: String, level: String, message: String, uri: String, line: Int, properties: [(String, JSONValue)],
        to out: OutputBuffer
    ) {
        let result: JSONValue = .object([
            ("ruleId", .string(rule)), ("ruleIndex", .number(String(Self.ruleIndex(rule)))), ("level", .string(level)),
            ("message", .object([("text", .string(message))])),
            (
                "locations",
                .array([
                    .object([
                        (
                            "physicalLocation",
                            .object([
                                ("artifactLocation", .object([("uri", .string(uri))])),
                                ("region", .object([("startLine", .number(String(line)))])),
                            ])
                        )
                    ])
                ])
            ),
            ("properties", .object(properties)),
        ])
        out.raw(results == 0 ? "\n" : ",\n")
        out.raw(result.serialized)
        results += 1
    }

    mutating func finish(_ summary: RunSummary, to out: OutputBuffer) {
        if !started { out.raw(head()) }
        let invocation: JSONValue = .object([
            ("executionSuccessful", true),
            (
                "properties",
                .object([
                    ("records", .number(String(summary.lines))), ("wrong", .number(String(summary.count(.wrong)))),
                    ("unverified", .number(String(summary.count(.unverified)))),
                    ("invalid", .number(String(summary.count(.invalid)))),
                    ("claims", .number(String(summary.totalClaims))),
                ])
            ),
        ])
        out.raw("\n],\"invocations\":[\(invocation.serialized)]}]}\n")
    }
}
