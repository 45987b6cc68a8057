public import Claims
public import JSON
public import Verifiers

/// What auditing one input line came to: everything a report needs, without the claims' full JSON.
///
/// Workers produce outcomes in parallel; reports consume them in input order.
public struct RecordOutcome: Sendable {
    /// Index of the input (file) in the run's list.
    public var input: Int
    /// 1-based line number within the input.
    public var line: Int
    /// The record's `"id"`, as given.
    public var id: JSONValue?
    /// The record's verdict, or `invalid` for a line that is not a record.
    public var verdict: RecordVerdict
    /// Why the line is invalid, or the record's note (claims left unchecked).
    public var error: String?
    /// Claims by kind and verdict.
    public var tally = ClaimTally()
    /// The wrong and unverified claims, in order, when the report lists them.
    public var flagged: [FlaggedClaim] = []

    public init(input: Int, line: Int, id: JSONValue?, verdict: RecordVerdict, error: String? = nil) {
        self.input = input
        self.line = line
        self.id = id
        self.verdict = verdict
        self.error = error
    }
}

/// A wrong or unverified claim, as reports show it.
public struct FlaggedClaim: Sendable {
    public var kind: Claim.Kind
    public var verdict: Judgement.Verdict
    public var role: Claim.Role
    public var text: String
    /// Unicode scalar offsets into the response.
    public var span: Range<Int>
    public var expected: String?
    public var reason: String?

    public init(_ claim: Claim) {
        kind = claim.kind
        verdict = claim.verdict
        role = claim.role
        text = claim.text
        span = claim.span
        expected = claim.expected
        reason = claim.reason
    }

    /// "the truth" part of a report line: the expected value, or why the claim could not be checked.
    public var truth: String {
        switch verdict {
        case .unverified: return "unverified: " + (reason ?? "not checked")
        default: return expected ?? "not so"
        }
    }
}

/// Counts of claims by kind and verdict, in fixed storage (no allocation per record).
public struct ClaimTally: Sendable, Equatable {
    public static let kinds: [Claim.Kind] = [.primality, .divisibility, .factorization, .arithmetic, .function]
    private var counts: (
        Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32
    ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

    public init() {}

    private static func slot(_ kind: Claim.Kind, _ verdict: Judgement.Verdict) -> Int {
        let k: Int
        switch kind {
        case .primality: k = 0
        case .divisibility: k = 1
        case .factorization: k = 2
        case .arithmetic: k = 3
        case .function: k = 4
        }
        let v: Int
        switch verdict {
        case .correct: v = 0
        case .wrong: v = 1
        case .unverified: v = 2
        }
        return k * 3 + v
    }

    /// The number of claims of `kind` with `verdict`.
    public func count(_ kind: Claim.Kind, _ verdict: Judgement.Verdict) -> Int {
        withUnsafeBytes(of: counts) { Int($0.load(fromByteOffset: Self.slot(kind, verdict) * 4, as: Int32.self)) }
    }

    /// The number of claims of `kind`.
    public func count(_ kind: Claim.Kind) -> Int {
        count(kind, .correct) + count(kind, .wrong) + count(kind, .unverified)
    }

    public var total: Int { Self.kinds.reduce(0) { $0 + count($1) } }

    public mutating func add(_ kind: Claim.Kind, _ verdict: Judgement.Verdict, _ n: Int = 1) {
        let slot = Self.slot(kind, verdict)
        withUnsafeMutableBytes(of: &counts) { p in
            let old = p.load(fromByteOffset: slot * 4, as: Int32.self)
            p.storeBytes(of: old &+ Int32(truncatingIfNeeded: n), toByteOffset: slot * 4, as: Int32.self)
        }
    }

    public mutating func add(_ other: ClaimTally) {
        for kind in Self.kinds {
            for verdict in [Judgement.Verdict.correct, .wrong, .unverified] {
                add(kind, verdict, other.count(kind, verdict))
            }
        }
    }

    public static func == (a: ClaimTally, b: ClaimTally) -> Bool {
        kinds.allSatisfy { k in [Judgement.Verdict.correct, .wrong, .unverified].allSatisfy { a.count(k, $0) == b.count(k, $0) } }
    }
}
