internal import CGMP

/// Decides whether an integer is prime, with evidence and a certainty that never overstates what was done.
///
/// The order of work, cheapest first:
/// 1. n < 2 is not prime; trial division finds small factors: by the primes below 4096 for n < 4096² (which
///    proves such n prime), below 256 for larger words and below 1024 for multi-word numbers.
/// 2. n < 2^64: BPSW (FLINT's `n_is_prime`), exact in that range.
/// 3. Larger n: BPSW as a base-2 Miller–Rabin test (a failure is the witness shown) and FLINT's Lucas test.
///    Any failure is a proof of compositeness; mathcheck then looks for a witness base to show.
/// 4. A BPSW pass up to ``Bounds/maxProofBits`` is proven with FLINT (`fmpz_is_prime`: Pocklington–Lehmer,
///    Morrison, APR-CL); above, it gets extra Miller–Rabin rounds and is reported as `probable`.
///
/// References: Baillie & Wagstaff, "Lucas pseudoprimes", Math. Comp. 35 (1980); Feitsma & Galway's list of
/// base-2 pseudoprimes below 2^64; OEIS A014233 for strong pseudoprimes to the first prime bases.
public struct PrimalityTester: Sendable {
    public var bounds: Bounds
    /// Miller–Rabin rounds added to BPSW for numbers too large to prove.
    public static let extraRounds = 5
    /// The largest Miller–Rabin base tried when looking for a witness to show.
    public static let maxWitnessBase = 10_000

    public init(bounds: Bounds = .standard) { self.bounds = bounds }

    /// Whether `n` is prime, with evidence.
    /// - Throws: `too_large` when no small factor exists and `n` has more than ``Bounds/maxPrimalityBits`` bits.
    public func verdict(for n: BigInteger) throws(VerifierError) -> PrimalityVerdict {
        if n < 2 { return PrimalityVerdict(n: n, isPrime: false, certainty: .proven, evidence: .belowTwo) }
        if let small = n.uint64Value { return verdict(forWord: small, n: n) }
        if let p = smallestSmallFactor(of: n) {
            return composite(n, factor: BigInteger(p))
        }
        guard n.bitWidth <= bounds.maxPrimalityBits else {
            throw VerifierError(
                .tooLarge,
                "n has \(n.description.count) digits and no prime factor below \(SmallPrimes.multiWordBound); a full primality "
                    + "test is limited to \(bounds.maxPrimalityBits) bits (about \(bounds.maxPrimalityBits * 3 / 10) digits)")
        }
        // BPSW: a base-2 Miller–Rabin test (when it fails, base 2 is the evidence, and this is where nearly every
        // composite stops), then FLINT's Lucas test; for numbers too large to prove, extra Miller–Rabin rounds on
        // bases drawn from n.
        var test = MillerRabin(n)
        if test.isWitness(2) { return composite(n, witness: 2) }
        if n.withPointer({ cgmp_flint_lucas($0) }) == 0 { return compositeWithoutFactor(n) }
        let provable = n.bitWidth <= bounds.maxProofBits
        guard provable else {
            var bases = BaseSequence(n)
            for _ in 0..<Self.extraRounds {
                let base = bases.next()
                if test.isWitness(base) { return composite(n, witness: base) }
            }
            return PrimalityVerdict(
                n: n, isPrime: true, certainty: .probable, evidence: .bpswAndMillerRabin(rounds: Self.extraRounds))
        }
        switch n.withPointer({ cgmp_flint_is_prime($0) }) {
        case 1:
            return PrimalityVerdict(n: n, isPrime: true, certainty: .proven, evidence: .flintProof)
        case 0:
            // A BPSW pseudoprime: none is known, so this would be news. The proof's verdict stands.
            return compositeWithoutFactor(n)
        default:
            return PrimalityVerdict(n: n, isPrime: true, certainty: .probable, evidence: .bpswAndMillerRabin(rounds: 0))
        }
    }

    /// Whether `n` is prime, or nil when it is beyond the bounds.
    public func isPrime(_ n: BigInteger) -> Bool? { try? verdict(for: n).isPrime }

    // MARK: - Implementation

    private func verdict(forWord u: UInt64, n: BigInteger) -> PrimalityVerdict {
        let provableByTrial = u < SmallPrimes.bound * SmallPrimes.bound
        let below = provableByTrial ? SmallPrimes.bound : SmallPrimes.largeWordBound
        if let p = SmallPrimes.smallestFactor(ofWord: u, below: below) {
            if p == u { return PrimalityVerdict(n: n, isPrime: true, certainty: .proven, evidence: .trialDivision) }
            return composite(n, factor: BigInteger(p))
        }
        if provableByTrial {
            return PrimalityVerdict(n: n, isPrime: true, certainty: .proven, evidence: .trialDivision)
        }
        if cgmp_word_is_strong_probable_prime(UInt(u), 2) == 0 { return composite(n, witness: 2) }
        if n_is_prime(UInt(u)) != 0 {
            return PrimalityVerdict(n: n, isPrime: true, certainty: .proven, evidence: .bpswBelow2To64)
        }
        for base in 3..<UInt(Self.maxWitnessBase) where cgmp_word_is_strong_probable_prime(UInt(u), base) == 0 {
            return composite(n, witness: Int(base))
        }
        return compositeWithoutFactor(n)
    }

    private func composite(_ n: BigInteger, witness: Int) -> PrimalityVerdict {
        PrimalityVerdict(n: n, isPrime: false, certainty: .proven, evidence: .millerRabinWitness(base: witness))
    }

    private func composite(_ n: BigInteger, factor: BigInteger) -> PrimalityVerdict {
        let cofactor = (try? n.quotientAndRemainder(dividingBy: factor).quotient) ?? 0
        return PrimalityVerdict(n: n, isPrime: false, certainty: .proven, evidence: .factor(factor, cofactor: cofactor))
    }

    private func compositeWithoutFactor(_ n: BigInteger) -> PrimalityVerdict {
        let evidence: PrimalityEvidence =
            Self.millerRabinWitness(for: n, maxBase: Self.maxWitnessBase).map { .millerRabinWitness(base: $0) }
            ?? .lucasFailure
        return PrimalityVerdict(n: n, isPrime: false, certainty: .proven, evidence: evidence)
    }

    /// The smallest prime below 1024 that divides `n` (n ≥ 2^64), if any.
    func smallestSmallFactor(of n: BigInteger) -> UInt64? {
        n.withPointer { p in
            for group in SmallPrimes.groups {
                let r = UInt64(__gmpz_fdiv_ui(p, UInt(group.product)))
                for prime in group.primes where r % prime == 0 { return prime }
            }
            return nil
        }
    }

    /// The smallest base a in 2...maxBase that is a strong witness for the compositeness of odd `n` > 3.
    ///
    /// At least three quarters of all bases are witnesses for any odd composite (Rabin 1980), so the search ends
    /// at once except for numbers built to fool small bases (Arnault's needs 307).
    static func millerRabinWitness(for n: BigInteger, maxBase: Int) -> Int? {
        guard !n.isEven, n > 3 else { return n.isEven && n > 2 ? 2 : nil }
        var test = MillerRabin(n)
        let limit = n.intValue.map { min(maxBase, $0 - 2) } ?? maxBase
        guard limit >= 2 else { return nil }
        for base in 2...limit where test.isWitness(base) { return base }
        return nil
    }
}

/// The strong probable-prime test (Miller 1976, Rabin 1980) for one odd n > 3, with scratch values reused across
/// bases.
///
/// With n − 1 = d·2^s (d odd), a is a witness when a^d ≢ 1 and a^(d·2^r) ≢ n − 1 (mod n) for all 0 ≤ r < s: no
/// prime allows that, so a witness proves n composite.
struct MillerRabin: ~Copyable {
    private let n: BigInteger
    private var nMinusOne: MPZ
    private var d: MPZ
    private var x = MPZ()
    private var a = MPZ()
    private let s: Int

    init(_ n: BigInteger) {
        var minusOne = MPZ()
        n.withPointer { np in minusOne.withMutablePointer { __gmpz_sub_ui($0, np, 1) } }
        let shift = minusOne.withPointer { Int(__gmpz_scan1($0, 0)) }
        var odd = MPZ()
        minusOne.withPointer { m in odd.withMutablePointer { __gmpz_tdiv_q_2exp($0, m, UInt(shift)) } }
        self.n = n
        self.nMinusOne = minusOne
        self.d = odd
        self.s = shift
    }

    mutating func isWitness(_ base: Int) -> Bool {
        let s = self.s
        return n.withPointer { np in
            nMinusOne.withPointer { nm in
                d.withPointer { dp in
                    x.withMutablePointer { xp in
                        a.withMutablePointer { ap in
                            __gmpz_set_ui(ap, UInt(base))
                            __gmpz_powm(xp, ap, dp, np)
                            if __gmpz_cmp_ui(xp, 1) == 0 || __gmpz_cmp(xp, nm) == 0 { return false }
                            for _ in 1..<max(s, 1) {
                                __gmpz_powm_ui(xp, xp, 2, np)
                                if __gmpz_cmp(xp, nm) == 0 { return false }
                            }
                            return true
                        }
                    }
                }
            }
        }
    }
}

/// Miller–Rabin bases drawn deterministically from n (SplitMix64 seeded with n's low word and size): the same n
/// always gets the same bases, but no fixed list can be targeted (Albrecht et al., "Prime and Prejudice", 2018).
struct BaseSequence {
    private var state: UInt64

    init(_ n: BigInteger) {
        let low = n.withPointer { UInt64(__gmpz_getlimbn($0, 0)) }
        state = low ^ (UInt64(n.bitWidth) &* 0x9E37_79B9_7F4A_7C15)
    }

    mutating func next() -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return 3 + Int((z ^ (z >> 31)) >> 2)
    }
}
