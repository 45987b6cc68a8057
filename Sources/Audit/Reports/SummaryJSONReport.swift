import Claims
import JSON

/// `--format json`: one summary object for the whole run (records by verdict, claims by kind, the wrong rate).
struct SummaryJSONReport: Report {
    let inputs: [String]
    var needsLines: Bool { false }
    var needsFlagged: Bool { false }

    mutating func record(_ outcome: RecordOutcome, line: UnsafeBufferPointer<UInt8>, to out: OutputBuffer) {}

    mutating func finish(_ summary: RunSummary, to out: OutputBuffer) {
        out.write(Self.object(summary, inputs: inputs).pretty)
    }

    static func object(_ summary: RunSummary, inputs: [String]) -> JSONValue {
        func number(_ n: Int) -> JSONValue { .number(String(n)) }
        var records: [(String, JSONValue)] = [("total", number(summary.lines))]
        for verdict in RecordVerdict.allCases {
            records.append((verdict.rawValue, number(summary.count(verdict))))
        }
        var kinds: [(String, JSONValue)] = []
        for kind in ClaimTally.kinds {
            let c = summary.claims(kind, .correct)
            let w = summary.claims(kind, .wrong)
            let u = summary.claims(kind, .unverified)
            kinds.append(
                (
                    kind.rawValue,
                    .object([("total", number(c + w + u)), ("correct", number(c)), ("wrong", number(w)), ("unverified", number(u))])
                ))
        }
        let claims: JSONValue = .object([
            ("total", number(summary.totalClaims)), ("correct", number(summary.totalClaims(.correct))),
            ("wrong", number(summary.totalClaims(.wrong))), ("unverified", number(summary.totalClaims(.unverified))),
            ("by_kind", .object(kinds)),
        ])
        return .object([
            ("inputs", .array(inputs.map { .string($0) })),
            ("records", .object(records)),
            ("claims", claims),
            ("wrong_rate", .number(fixed(summary.wrongRate, places: 6))),
        ])
    }
}

/// `x` with `places` decimals, the same on every platform ("0.250000").
func fixed(_ x: Double, places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = Int((x * scale).rounded())
    let whole = scaled / Int(scale)
    let fraction = String(scaled % Int(scale))
    return "\(whole)." + String(repeating: "0", count: places - fraction.count) + fraction
}
