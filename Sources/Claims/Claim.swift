public import Verifiers

/// One checkable statement found in a model's answer, with its verdict and the evidence for it.
public struct Claim: Sendable {
    public enum Kind: String, Sendable, Codable {
        case primality, divisibility, factorization, arithmetic
        /// The value of a function or expression: "cos(3532) ≈ 0.66", "sin(30°) = 1/2", "√2719 ≈ 52.14".
        case function
    }

    public enum Role: String, Sendable, Codable {
        /// The claim that answers the prompt's question.
        case answer
        /// Any other claim: a step on the way.
        case step
    }

    public var kind: Kind
    /// The claim as written in the answer.
    public var text: String { withTextUTF8 { String(decoding: $0, as: UTF8.self) } }
    /// The text the claim is read from: the answer it was found in (shared, not copied), its bytes in it at
    /// `textBytes` (the same as `bytes`); or, for a claim read from bytes, a copy of its own text.
    @usableFromInline var answer: String = ""
    @usableFromInline var textBytes: Range<Int> = 0..<0
    /// Unicode scalar offsets of the claim in the answer: [start, end).
    public var span: Range<Int>
    public var role: Role = .step
    public var verdict: Judgement.Verdict = .unverified
    /// The truth, in a form a reader can compare: "composite: 2 × 17396417", "0.66009029799722633".
    public var expected: String? {
        get {
            switch finding {
            case .text(let expected, _): expected
            case .wordDivision(let w): w.expected
            case .wordQuotient(let w): w.expected
            case .shared(let texts): texts.expected
            case .value(let value): value.trueValue
            }
        }
        set { finding = .text(expected: newValue, evidence: evidence) }
    }
    /// Key–value pairs a reviewer can recheck (a factor, a witness, the true value and its precision).
    public var evidence: [(String, String)] {
        get {
            switch finding {
            case .text(_, let evidence): return evidence
            case .wordDivision(let w): return [("remainder", w.remainderText)]
            case .wordQuotient(let w): return [("quotient", String(w.quotient)), ("remainder", String(w.remainder))]
            case .shared(let texts): return texts.evidence
            case .value(let value):
                var pairs: [(String, String)] = []
                value.forEachEvidence { key, text in pairs.append((key.description, text)) }
                return pairs
            }
        }
        set { finding = .text(expected: expected, evidence: newValue) }
    }
    /// What the checker found: ``expected`` and ``evidence``, kept as numbers for divisibility on machine words (most
    /// claims in real answers), shared among the claims about one number for primality, and by field for stated
    /// values, and turned into text or pairs only when read or written out.
    package var finding: Finding = .text(expected: nil, evidence: [])
    /// Why the claim is unverified.
    public var reason: String?

    /// What the claim says, in a form the checker can verify.
    var statement: Statement
    /// UTF-8 byte range in the answer.
    @usableFromInline var bytes: Range<Int>

    /// Gives the claim its own copy of its text (for claims read from bytes, with no answer String to share).
    mutating func setText(_ text: String) {
        answer = text
        textBytes = 0..<text.utf8.count
    }

    /// Calls `body` with the claim's text as UTF-8, read in place from the answer.
    @inlinable
    public func withTextUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        answer.utf8.withContiguousStorageIfAvailable { body(UnsafeBufferPointer(rebasing: $0[textBytes])) }
            ?? body(UnsafeBufferPointer(start: nil, count: 0))
    }

    init(kind: Kind, statement: Statement, bytes: Range<Int>) {
        self.kind = kind
        self.statement = statement
        self.bytes = bytes
        self.span = 0..<0
    }
}

/// What the checker found about a claim (see ``Claim/expected`` and ``Claim/evidence``); the audit's writer reads it
/// by case, to write each form's texts straight into its output.
package enum Finding: Sendable {
    case text(expected: String?, evidence: [(String, String)])
    /// Divisibility of one machine word by another: the texts are written from the numbers when needed.
    case wordDivision(WordDivision)
    /// Division with remainder of one machine word by another: the texts are written from the numbers when needed.
    case wordQuotient(WordQuotient)
    /// Texts made once and shared by every claim they answer (a primality finding is a function of the number).
    case shared(SharedFinding)
    /// A stated value's judgement, kept by field: its evidence pairs are formed only when read or written.
    case value(ValueFinding)
}

/// ``Claim/expected`` and ``Claim/evidence`` as texts, in one object that many claims can hold: a claim keeps one
/// reference, and copying or dropping it costs one reference count instead of a walk over the pairs.
package final class SharedFinding: Sendable {
    package let expected: String?
    package let evidence: [(String, String)]

    init(expected: String?, evidence: [(String, String)] = []) {
        self.expected = expected
        self.evidence = evidence
    }
}

/// What a stated-value claim's judgement leaves in the claim: the true value (``Claim/expected``) and the fields its
/// evidence pairs are formed from, in the order they are shown.
package final class ValueFinding: Sendable {
    package let trueValue: String?
    package let angleUnit: AngleUnit
    package let rule: StatedValueRule
    package let match: Judgement.Match?
    /// One unit in the last place the rule looks at ("0.01").
    package let unit: String?
    /// |true − stated| in units of `unit` ("0.09").
    package let errorInUnits: String?

    init(_ judgement: Judgement, angleUnit: AngleUnit, rule: StatedValueRule) {
        trueValue = judgement.trueValue
        self.angleUnit = angleUnit
        self.rule = rule
        match = judgement.match
        unit = judgement.unit
        errorInUnits = judgement.errorInUnits
    }

    /// Calls `body` with each evidence pair: true_value (when known), angle_unit, rule, then match, unit and
    /// error_units when present. The audit's writer writes the same pairs from the fields (tests hold them equal).
    func forEachEvidence(_ body: (StaticString, String) -> Void) {
        if let trueValue { body("true_value", trueValue) }
        body("angle_unit", angleUnit.rawValue)
        switch rule {
        case .asWritten: body("rule", "as_written")
        case .decimalPlaces(let n): body("rule", "decimals:\(n)")
        case .significantFigures(let n): body("rule", "significant:\(n)")
        case .exact: body("rule", "exact")
        }
        if let match { body("match", match.rawValue) }
        if let unit { body("unit", unit) }
        if let errorInUnits { body("error_units", errorInUnits) }
    }
}

/// How two values compare: "A is greater than B", "A is at most B".
enum Comparison: String, Sendable {
    case greater = ">", greaterOrEqual = "≥", less = "<", lessOrEqual = "≤"

    /// Whether a − B of this sign (−1, 0, 1) makes the comparison hold.
    func holds(sign: Int) -> Bool {
        switch self {
        case .greater: return sign > 0
        case .greaterOrEqual: return sign >= 0
        case .less: return sign < 0
        case .lessOrEqual: return sign <= 0
        }
    }
}

/// What a claim asserts.
enum Statement: Sendable {
    /// "Is 17 × 3 greater than 50?" answered "true" (holds) or "No" (does not hold).
    case comparison(Expression, Comparison, Expression, holds: Bool)
    /// "N is prime" (true) / "N is not prime" (false).
    case primality(BigInteger, isPrime: Bool)
    /// "d divides N" (true) / "N is not divisible by d" (false).
    case divisibility(BigInteger, divisor: BigInteger, divides: Bool)
    /// "N ÷ d = q remainder r"; a nil remainder ("= q with a remainder") means some nonzero remainder.
    case division(BigInteger, divisor: BigInteger, quotient: BigInteger, remainder: BigInteger?)
    /// "N = a × b × c": the product must be N; with `primes`, each factor must also be prime.
    case factorization(BigInteger, factors: [(BigInteger, BigInteger)], primes: Bool)
    /// "the prime factors of N are p, q, r": each must be a prime factor, and together all of them.
    case primeFactors(BigInteger, [BigInteger])
    /// "A mod m = r", "A ≡ r (mod m)": A and r leave the same remainder on division by m.
    case residue(Expression, modulus: BigInteger, residue: BigInteger)
    /// "3^100 ≡ 3^4 (mod 7)": two integer expressions that leave the same remainder on division by m.
    case congruent(Expression, Expression, modulus: BigInteger)
    /// "lhs = rhs" between expressions: exact when `rule` is .exact, else the stated-value rule.
    case value(Expression, stated: String, statedExpression: Expression?, rule: StatedValueRule, unit: AngleUnit,
        negated: Bool)
}

/// The overall verdict on one record: `wrong` if any claim is wrong, else `unverified` if any could not be checked,
/// else `correct`, or `no_claims`. `invalid` is the verdict of an input line that is not a record at all; the
/// auditor of an answer never gives it, only the readers of records do.
public enum RecordVerdict: String, Sendable, Codable, CaseIterable {
    case correct, wrong, unverified
    case noClaims = "no_claims"
    case invalid

    /// The verdicts a record's `"label"` may state: what the answer is known to be.
    public static let labels: [RecordVerdict] = [.correct, .wrong, .noClaims]
}

/// The result of auditing one answer.
public struct AuditResult: Sendable {
    public var verdict: RecordVerdict
    /// The claim that answers the question, if one was found.
    public var answer: Claim? { answerIndex.map { claims[$0] } }
    /// Where ``answer`` is in ``claims`` (kept as an index, so the answer is neither copied nor written out twice).
    public var answerIndex: Int?
    /// Every claim, in the order they appear.
    public var claims: [Claim]
    /// Set when not every claim could be checked (an answer with more claims than the per-answer bound).
    public var note: String? = nil
}
