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
    /// The answer the claim was found in (shared, not copied) and the claim's bytes in it are `bytes`.
    @usableFromInline var answer: String = ""
    /// Unicode scalar offsets of the claim in the answer: [start, end).
    public var span: Range<Int>
    public var role: Role = .step
    public var verdict: Judgement.Verdict = .unverified
    /// The truth, in a form a reader can compare: "composite: 2 × 17396417", "0.66009029799722633".
    public var expected: String?
    /// Key–value pairs a reviewer can recheck (a factor, a witness, the true value and its precision).
    public var evidence: [(String, String)] = []
    /// Why the claim is unverified.
    public var reason: String?

    /// What the claim says, in a form the checker can verify.
    var statement: Statement
    /// UTF-8 byte range in the answer.
    @usableFromInline var bytes: Range<Int>

    /// Calls `body` with the claim's text as UTF-8, read in place from the answer.
    @inlinable
    public func withTextUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        answer.utf8.withContiguousStorageIfAvailable { body(UnsafeBufferPointer(rebasing: $0[bytes])) }
            ?? body(UnsafeBufferPointer(start: nil, count: 0))
    }

    init(kind: Kind, statement: Statement, bytes: Range<Int>) {
        self.kind = kind
        self.statement = statement
        self.bytes = bytes
        self.span = 0..<0
    }
}

/// What a claim asserts.
enum Statement: Sendable {
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
    /// "lhs = rhs" between expressions: exact when `rule` is .exact, else the stated-value rule.
    case value(Expression, stated: String, statedExpression: Expression?, rule: StatedValueRule, unit: AngleUnit,
        negated: Bool)
}

/// The overall verdict on one answer.
public enum RecordVerdict: String, Sendable, Codable {
    case correct, wrong, unverified
    case noClaims = "no_claims"
}

/// The result of auditing one answer.
public struct AuditResult: Sendable {
    public var verdict: RecordVerdict
    /// The claim that answers the question, if one was found.
    public var answer: Claim?
    /// Every claim, in the order they appear.
    public var claims: [Claim]
    /// Set when not every claim could be checked (an answer with more claims than the per-answer bound).
    public var note: String? = nil
}
