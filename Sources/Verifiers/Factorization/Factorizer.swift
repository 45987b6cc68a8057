internal import CGMP

/// Factors positive integers into primes with FLINT, completely up to a size bound and by a bounded search above.
///
/// - Up to ``Bounds/maxCompleteFactorBits`` bits: FLINT's `fmpz_factor` (trial division, Pollard–Brent, ECM,
///   self-initialising quadratic sieve). Balanced 100-bit semiprimes take milliseconds.
/// - Larger numbers: `fmpz_factor_smooth`, an ECM search for prime factors up to about
///   ``Bounds/smoothFactorBits`` bits; a cofactor small enough is then factored completely, a prime cofactor is
///   tested (proven or probable), and a composite one is reported as the unfactored cofactor.
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
        if n == 1 { return Factorization(n: n, factors: []) }
        let tester = PrimalityTester(bounds: bounds)
        var primes: [BigInteger: Int] = [:]
        var certainty: [BigInteger: Certainty] = [:]
        var cofactor: BigInteger? = nil

        var pending: [(BigInteger, Int)] = []
        if n.bitWidth <= bounds.maxCompleteFactorBits {
            pending = flintFactor(n, smoothBits: 0).entries
        } else {
            let (entries, complete) = flintFactor(n, smoothBits: bounds.smoothFactorBits)
            pending = entries
            if !complete, let (rest, e) = pending.popLast() {
                if rest.bitWidth <= bounds.maxCompleteFactorBits {
                    pending += flintFactor(rest, smoothBits: 0).entries.map { ($0.0, $0.1 * e) }
                } else {
                    pending.append((rest, e))
                }
            }
        }
        for (p, e) in pending {
            let verdict = (try? tester.verdict(for: p))
            if let verdict, verdict.isPrime {
                primes[p, default: 0] += e
                if verdict.certainty == .probable { certainty[p] = .probable }
            } else {
                // Composite (or too large to test): it stays unfactored, never called prime.
                var c = cofactor ?? 1
                c *= (try? p.power(BigInteger(e), bounds: bounds)) ?? p
                cofactor = c
            }
        }
        let factors = primes.keys.sorted().map {
            PrimePower(prime: $0, exponent: primes[$0]!, certainty: certainty[$0] ?? .proven)
        }
        return Factorization(n: n, factors: factors, cofactor: cofactor)
    }

    /// Runs FLINT's factoring and returns its entries and whether it finished.
    private func flintFactor(_ n: BigInteger, smoothBits: Int) -> (entries: [(BigInteger, Int)], complete: Bool) {
        var list = fmpz_factor_struct()
        fmpz_factor_init(&list)
        defer { fmpz_factor_clear(&list) }
        let complete = n.withPointer { cgmp_flint_factor(&list, $0, smoothBits) } != 0
        var entries: [(BigInteger, Int)] = []
        for i in 0..<cgmp_flint_factor_count(&list) {
            var exponent = 0
            let prime = BigInteger.result { p in exponent = Int(cgmp_flint_factor_get(p, &list, i)) }
            entries.append((prime, exponent))
        }
        return (entries, complete)
    }
}
