internal import CGMP

/// Factors positive integers into primes: completely up to a size bound, by a bounded search above it.
///
/// 1. Trial division by the primes below 4096.
/// 2. Each remaining part: a prime (by ``PrimalityTester``) is kept; a perfect power is replaced by its root; a
///    word (< 2^64) is factored completely by FLINT's `n_factor`; anything else is split by the elliptic-curve
///    method (FLINT's `fmpz_factor_ecm`, Lenstra 1987) with rising bounds from FLINT's tuning table.
/// 3. Parts up to ``Bounds/maxCompleteFactorBits`` bits get every stage of the table, then more curves, until a
///    factor appears (balanced 100-bit semiprimes take tens of milliseconds); larger parts get a bounded search for
///    factors up to ``Bounds/smoothFactorBits`` bits (fewer for parts over 700 bits, where each curve costs more),
///    and what resists it is reported as the composite cofactor.
///
/// The curves come from a fixed seed, so the same input always gives the same output.
public struct Factorizer: Sendable {
    public var bounds: Bounds

    public init(bounds: Bounds = .standard) { self.bounds = bounds }

    /// The prime factorization of `n` ≥ 1 (1 has no prime factors).
    /// - Throws: `domain` for n < 1; `too_large` past ``Bounds/maxFactorDigits``.
    public func factor(_ n: BigInteger) throws(VerifierError) -> Factorization {
        guard n.signum > 0 else {
            throw VerifierError(.domain, "\(abbreviated(n.description)) has no prime factorization: give a positive integer")
        }
        guard n.bitWidth <= Int(Double(bounds.maxFactorDigits) * 3.3219280948873626) + 1 else {
            throw VerifierError(
                .tooLarge,
                "n has \(n.description.count) digits; factorization is limited to \(bounds.maxFactorDigits) digits")
        }
        if let word = n.uint64Value { return Factorization(n: n, factors: Self.wordFactors(word)) }
        return splitFactorization(n)
    }

    /// The factorization of a word: trial division by the primes below 4096 in machine arithmetic, then FLINT's
    /// `n_factor` for a part with no factor below 4096. The same factors as ``splitFactorization(_:)``, all proven:
    /// - trial division stops once p² exceeds what remains, which then has no prime factor below p and so is 1 or
    ///   a prime (the general path divides on and reaches the same prime, or hands it to `n_factor`, which returns it);
    /// - what remains after every prime below 4096 has only larger factors, which `n_factor` finds as the general path
    ///   does, and which come after the small ones in increasing order.
    /// About 5 instructions per prime tried, where a division of a ``BigInteger`` costs about a hundred.
    static func wordFactors(_ n: UInt64) -> [PrimePower] {
        var factors: [PrimePower] = []
        var rest = n
        var remainsSplit = true  // false once what remains is known to be 1 or a prime
        for p in SmallPrimes.all {
            if p * p > rest {
                remainsSplit = false
                break
            }
            var exponent = 0
            while rest % p == 0 {
                rest /= p
                exponent += 1
            }
            if exponent > 0 { factors.append(PrimePower(prime: BigInteger(p), exponent: exponent)) }
        }
        if rest == 1 { return factors }
        if !remainsSplit {
            factors.append(PrimePower(prime: BigInteger(rest), exponent: 1))
            return factors
        }
        for (p, e) in factorWord(rest).sorted(by: { $0.0 < $1.0 }) {
            factors.append(PrimePower(prime: BigInteger(p), exponent: e))
        }
        return factors
    }

    /// The general path of ``factor(_:)`` for n ≥ 1, for any size: trial division of the ``BigInteger``, then each
    /// part tested, rooted, factored as a word or split by ECM.
    func splitFactorization(_ n: BigInteger) -> Factorization {
        let tester = PrimalityTester(bounds: bounds)
        var primes: [BigInteger: Int] = [:]
        var probable: Set<BigInteger> = []
        var cofactor: BigInteger? = nil

        var rest = n
        for p in SmallPrimes.all {
            let prime = BigInteger(p)
            while rest.isDivisible(by: prime) {
                rest = rest.dividedExactly(by: prime)
                primes[prime, default: 0] += 1
            }
            if rest == 1 { break }
        }
        var pending: [(BigInteger, Int)] = rest == 1 ? [] : [(rest, 1)]
        while let (part, exponent) = pending.popLast() {
            if part == 1 { continue }
            if let word = part.uint64Value {
                for (p, e) in Self.factorWord(word) { primes[BigInteger(p), default: 0] += e * exponent }
                continue
            }
            let verdict = try? tester.verdict(for: part)
            if let verdict, verdict.isPrime {
                primes[part, default: 0] += exponent
                if verdict.certainty == .probable { probable.insert(part) }
                continue
            }
            if let (root, k) = Self.perfectPower(part) {
                pending.append((root, exponent * k))
                continue
            }
            if let d = findFactor(part) {
                let other = part.dividedExactly(by: d)
                pending.append((d, exponent))
                pending.append((other, exponent))
                continue
            }
            var c = cofactor ?? 1
            for _ in 0..<exponent { c *= part }
            cofactor = c
        }
        let factors = primes.keys.sorted().map {
            PrimePower(prime: $0, exponent: primes[$0] ?? 0, certainty: probable.contains($0) ? .probable : .proven)
        }
        return Factorization(n: n, factors: factors, cofactor: cofactor)
    }

    // MARK: - Splitting

    /// FLINT's tuning for ECM: (factor bits, B1, curves) giving about a one-in-three chance of finding a factor of
    /// that size (FLINT's fmpz_factor_smooth table; B2 = 100·B1).
    static let ecmTuning: [(bits: Int, b1: UInt, curves: UInt)] = [
        (20, 19, 5), (24, 32, 10), (28, 67, 13), (32, 126, 13), (36, 293, 16), (40, 610, 18), (44, 1270, 20),
        (48, 2650, 20), (52, 5300, 22), (56, 10000, 26), (60, 14000, 42), (64, 16500, 72), (68, 22000, 102),
        (72, 30000, 131), (76, 50000, 161), (80, 70000, 190),
    ]

    /// How many more times, each with twice the curves, the top stage runs for a part that must be factored
    /// completely. (Repeating one call would repeat its curves: FLINT draws them from a state it seeds itself.)
    static let completeDoublings = 4

    /// A nontrivial factor of the composite `n` (no factor below 4096, not a perfect power), or nil.
    ///
    /// Stages climb FLINT's table from 20-bit factors up to the target size and, for parts that must be factored
    /// completely, on to the top of the table and then with doubling curve counts, stopping at the first factor.
    private func findFactor(_ n: BigInteger) -> BigInteger? {
        let complete = n.bitWidth <= bounds.maxCompleteFactorBits
        // A curve costs about the square of the size, so big parts get a shallower search.
        let searchBits = n.bitWidth <= 700 ? bounds.smoothFactorBits : n.bitWidth <= 2000 ? 28 : 20
        var stages = complete ? Self.ecmTuning : Self.ecmTuning.filter { $0.bits <= searchBits }
        if complete, let top = stages.last {
            for doubling in 1...Self.completeDoublings {
                stages.append((top.bits, top.b1, top.curves << doubling))
            }
        }
        for (index, stage) in stages.enumerated() {
            var found = MPZ()
            let hit = n.withPointer { np in
                found.withMutablePointer { cgmp_flint_ecm($0, np, stage.curves, stage.b1, UInt(index + 1)) }
            }
            if hit != 0 {
                let d = BigInteger(copying: found)
                if d > 1 && d < n && n.isDivisible(by: d) { return d }
            }
        }
        return nil
    }

    /// (root, k) with root^k = n and k ≥ 2 as large as possible, or nil when n is not a perfect power.
    static func perfectPower(_ n: BigInteger) -> (BigInteger, Int)? {
        guard n.withPointer({ __gmpz_perfect_power_p($0) }) != 0 else { return nil }
        for k in stride(from: n.bitWidth, through: 2, by: -1) {
            var root = MPZ()
            let exact = n.withPointer { np in root.withMutablePointer { __gmpz_root($0, np, UInt(k)) } }
            if exact != 0 { return (BigInteger(copying: root), k) }
        }
        return nil
    }

    /// The complete factorization of a word by FLINT's `n_factor`.
    static func factorWord(_ n: UInt64) -> [(UInt64, Int)] {
        var primes = [UInt](repeating: 0, count: 15)
        var exponents = [Int32](repeating: 0, count: 15)
        let count = Int(cgmp_n_factor(UInt(n), &primes, &exponents))
        return (0..<count).map { (UInt64(primes[$0]), Int(exponents[$0])) }
    }
}
