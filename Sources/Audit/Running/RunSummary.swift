public import Claims
public import Verifiers

/// Totals over a run, accumulated from outcomes in input order.
public struct RunSummary: Sendable {
    /// Records by verdict (including `invalid` lines), indexed by the verdict's place in `allCases`.
    private var records = [Int](repeating: 0, count: RecordVerdict.allCases.count)
    /// Claims by kind and verdict: the sums of the records' tallies, as machine words (a tally counts in 32 bits).
    private var claims = [Int](repeating: 0, count: ClaimTally.kinds.count * 3)
    /// Input lines handled (every verdict, invalid included).
    public private(set) var lines = 0

    public init() {}

    public mutating func add(_ outcome: RecordOutcome) {
        lines += 1
        records[Self.index(outcome.verdict)] += 1
        guard outcome.tally.total > 0 else { return }
        for (k, kind) in ClaimTally.kinds.enumerated() {
            claims[3 * k] += outcome.tally.count(kind, .correct)
            claims[3 * k + 1] += outcome.tally.count(kind, .wrong)
            claims[3 * k + 2] += outcome.tally.count(kind, .unverified)
        }
    }

    private static func index(_ verdict: RecordVerdict) -> Int {
        switch verdict {
        case .correct: 0
        case .wrong: 1
        case .unverified: 2
        case .noClaims: 3
        case .invalid: 4
        }
    }

    public func count(_ verdict: RecordVerdict) -> Int { records[Self.index(verdict)] }

    /// Claims of `kind` with `verdict`.
    public func claims(_ kind: Claim.Kind, _ verdict: Judgement.Verdict) -> Int {
        let k = ClaimTally.kinds.firstIndex(of: kind)!
        switch verdict {
        case .correct: return claims[3 * k]
        case .wrong: return claims[3 * k + 1]
        case .unverified: return claims[3 * k + 2]
        }
    }

    public var totalClaims: Int { claims.reduce(0, +) }
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
