public import Verifiers

/// Totals over a run, accumulated from outcomes in input order.
public struct RunSummary: Sendable {
    /// Records by verdict (including `invalid` lines).
    public private(set) var records: [RecordOutcome.Verdict: Int] = [:]
    /// Claims by kind: [correct, wrong, unverified].
    public private(set) var claims: [Claim.Kind: [Int]] = [:]
    /// Input lines handled (every verdict, invalid included).
    public private(set) var lines = 0

    public init() {}

    public mutating func add(_ outcome: RecordOutcome) {
        lines += 1
        records[outcome.verdict, default: 0] += 1
        guard outcome.tally.total > 0 else { return }
        for kind in ClaimTally.kinds where outcome.tally.count(kind) > 0 {
            var row = claims[kind] ?? [0, 0, 0]
            row[0] += outcome.tally.count(kind, .correct)
            row[1] += outcome.tally.count(kind, .wrong)
            row[2] += outcome.tally.count(kind, .unverified)
            claims[kind] = row
        }
    }

    public func count(_ verdict: RecordOutcome.Verdict) -> Int { records[verdict] ?? 0 }

    /// Claims of `kind` with `verdict`.
    public func claims(_ kind: Claim.Kind, _ verdict: Judgement.Verdict) -> Int {
        guard let row = claims[kind] else { return 0 }
        switch verdict {
        case .correct: return row[0]
        case .wrong: return row[1]
        case .unverified: return row[2]
        }
    }

    public var totalClaims: Int { claims.values.reduce(0) { $0 + $1[0] + $1[1] + $1[2] } }
    public func totalClaims(_ verdict: Judgement.Verdict) -> Int {
        ClaimTally.kinds.reduce(0) { $0 + claims($1, verdict) }
    }

    /// Records with at least one claim: the ones that can be right or wrong.
    public var checkedRecords: Int { count(.correct) + count(.wrong) + count(.unverified) }

    /// Wrong records as a share of checked records (0 when none were checked).
    public var wrongRate: Double {
        checkedRecords == 0 ? 0 : Double(count(.wrong)) / Double(checkedRecords)
    }
}
