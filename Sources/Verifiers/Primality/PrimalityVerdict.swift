/// How sure a primality verdict is.
public enum Certainty: String, Sendable, Codable {
    /// A proof was done: a factor or witness for composites; trial division, BPSW below 2^64 (exact there) or a
    /// FLINT APR-CL/Pocklington proof for primes.
    case proven
    /// The number passed BPSW and extra Miller–Rabin rounds, but no proof was attempted because it is larger than
    /// the proof bound. No composite is known to pass BPSW, but none is proven not to exist.
    case probable
}

/// What a primality verdict rests on. Every case can be rechecked independently in microseconds to milliseconds.
public enum PrimalityEvidence: Sendable, Equatable {
    /// n < 2: not prime by definition.
    case belowTwo
    /// n = factor × cofactor with 1 < factor < n: composite.
    case factor(BigInteger, cofactor: BigInteger)
    /// `base` is a strong (Miller–Rabin) witness: with n − 1 = d·2^s, base^d ≢ 1 and base^(d·2^r) ≢ −1 (mod n)
    /// for every 0 ≤ r < s, which no prime allows.
    case millerRabinWitness(base: Int)
    /// n failed the Lucas half of BPSW (FLINT's test, Selfridge's parameters) while passing base-2 Miller–Rabin,
    /// and no Miller–Rabin witness below the search bound was found: composite, since every prime passes it.
    case lucasFailure
    /// No prime below √n divides n (n < 2^24 here).
    case trialDivision
    /// n < 2^64 passed BPSW, which no composite below 2^64 passes (Feitsma–Galway list of base-2 pseudoprimes).
    case bpswBelow2To64
    /// A primality proof by FLINT's `fmpz_is_prime` (Pocklington–Lehmer, Morrison, or APR-CL).
    case flintProof
    /// BPSW plus `rounds` Miller–Rabin rounds on bases drawn from n itself (the same n always gets the same bases).
    case bpswAndMillerRabin(rounds: Int)
}

/// The answer to "is n prime?", with how sure it is and why.
public struct PrimalityVerdict: Sendable, Equatable {
    public var n: BigInteger
    public var isPrime: Bool
    public var certainty: Certainty
    public var evidence: PrimalityEvidence

    public init(n: BigInteger, isPrime: Bool, certainty: Certainty, evidence: PrimalityEvidence) {
        self.n = n
        self.isPrime = isPrime
        self.certainty = certainty
        self.evidence = evidence
    }
}
