public import Verifiers

/// Integers for synthetic questions, built with ``BigInteger`` and checked with ``PrimalityTester``: primes, and
/// composites that fool naive checks.
///
/// - Carmichael numbers of Chernick's form (6k+1)(12k+1)(18k+1) with all three factors prime (1729, 294409, …;
///   OEIS A033502): every base prime to n passes Fermat's test.
/// - Base-2 pseudoprimes p·(2p−1) with q = 2p−1 prime and q ≡ ±1 (mod 8): 2 is then a square mod q, so the order of
///   2 divides p−1, which divides n−1 = (p−1)(2p+1); the strong ones (OEIS A001262) are preferred when found.
/// - Squares of primes, products of two close primes (which defeat trial division up to a small bound and look
///   "random"), and products of two primes above 1000 (they end in 1, 3, 7 or 9 and have no small factor).
public struct SyntheticNumbers {
    public enum Composite: String, CaseIterable, Sendable {
        case carmichael, pseudoprime, square, closePrimes, noSmallFactor, easy
    }

    private let tester = PrimalityTester()

    public init() {}

    /// A prime with `digits` digits (at least 1).
    public func prime(digits: Int, _ rng: inout SplitMix64) -> BigInteger {
        while true {
            let start = BigInteger(rng.digitString(max(1, digits))) ?? BigInteger(2)
            let p = nextPrime(start)
            if p.description.count == max(1, digits) { return p }
        }
    }

    /// The least prime ≥ n.
    public func nextPrime(_ n: BigInteger) -> BigInteger {
        var candidate = n < BigInteger(2) ? BigInteger(2) : n
        if candidate > BigInteger(2) && candidate.isEven { candidate += BigInteger(1) }
        while tester.isPrime(candidate) != true {
            candidate += BigInteger(candidate == BigInteger(2) ? 1 : 2)
        }
        return candidate
    }

    /// A composite of the family with a digit count in `digits`, or nil when the family has none that size (the
    /// smallest Carmichael number has 4 digits) or none was found within a bounded search.
    public func composite(_ family: Composite, digits: ClosedRange<Int>, _ rng: inout SplitMix64) -> BigInteger? {
        for _ in 0..<40 {
            let d = rng.int(in: digits)
            guard let n = draw(family, digits: d, &rng) else { continue }
            if digits.contains(n.description.count) { return n }
        }
        return nil
    }

    private func draw(_ family: Composite, digits d: Int, _ rng: inout SplitMix64) -> BigInteger? {
        switch family {
        case .carmichael:
            guard d >= 4 else { return nil }
            // 1296 k³ ≈ 10^(d−1): start k at a random point of the right size and walk up.
            let scale = max(1.0, pow10(Double(d) - 0.5) / 1296).cubeRoot
            var k = max(1, Int(scale * (0.8 + 0.4 * Double(rng.below(1000)) / 1000)))
            for _ in 0..<20_000 {
                let a = BigInteger(6 * k + 1)
                let b = BigInteger(12 * k + 1)
                let c = BigInteger(18 * k + 1)
                if tester.isPrime(a) == true && tester.isPrime(b) == true && tester.isPrime(c) == true {
                    return a * b * c
                }
                k += 1
            }
            return nil
        case .pseudoprime:
            guard d >= 3 else { return nil }
            var fallback: BigInteger? = nil
            var p = nextPrime(BigInteger(rng.digitString(max(1, (d + 1) / 2))) ?? BigInteger(3))
            for _ in 0..<5_000 {
                let q = p * BigInteger(2) - BigInteger(1)
                let r = (try? q.modulo(BigInteger(8)))?.intValue ?? 0
                if (r == 1 || r == 7) && tester.isPrime(q) == true {
                    let n = p * q
                    if isStrongProbablePrimeBase2(n) { return n }
                    if fallback == nil { fallback = n }
                }
                p = nextPrime(p + BigInteger(2))
            }
            return fallback
        case .square:
            let p = prime(digits: max(1, (d + 1) / 2), &rng)
            return p * p
        case .closePrimes:
            guard d >= 2 else { return nil }
            let p = prime(digits: max(1, (d + 1) / 2), &rng)
            let q = nextPrime(p + BigInteger(2 + 2 * rng.below(20)))
            return p * q
        case .noSmallFactor:
            guard d >= 7 else { return nil }
            let a = rng.int(in: 4...(d - 3))
            return prime(digits: a, &rng) * prime(digits: d - a + (rng.chance(1, in: 2) ? 0 : 1), &rng)
        case .easy:
            guard d >= 2 else { return nil }
            let small = BigInteger(rng.pick([2, 3, 5, 11]))
            let other = BigInteger(rng.digitString(max(1, d - 1))) ?? BigInteger(7)
            return small * other
        }
    }

    /// The strong probable-prime test to base 2 (Miller–Rabin with one base): n − 1 = d·2^s with d odd; n passes
    /// when 2^d ≡ 1 or 2^(d·2^r) ≡ −1 (mod n) for some 0 ≤ r < s. Every odd prime passes; composites that pass are
    /// the strong pseudoprimes to base 2.
    public func isStrongProbablePrimeBase2(_ n: BigInteger) -> Bool {
        guard n > BigInteger(2), !n.isEven else { return n == BigInteger(2) }
        let minusOne = n - BigInteger(1)
        var d = minusOne
        var s = 0
        while d.isEven, let half = try? d.quotientAndRemainder(dividingBy: BigInteger(2)).quotient {
            d = half
            s += 1
        }
        guard var x = try? BigInteger(2).power(d, modulo: n) else { return false }
        if x == BigInteger(1) || x == minusOne { return true }
        for _ in 1..<max(1, s) {
            guard let y = try? (x * x).modulo(n) else { return false }
            x = y
            if x == minusOne { return true }
        }
        return false
    }

    private func pow10(_ x: Double) -> Double {
        var result = 1.0
        var remaining = x
        while remaining >= 1 {
            result *= 10
            remaining -= 1
        }
        // 10^f for the fractional part f, by its series around 0 (f < 1, so a few terms suffice for a start point).
        let t = remaining * 2.302585092994046
        return result * (1 + t + t * t / 2 + t * t * t / 6 + t * t * t * t / 24)
    }
}

extension Double {
    /// The real cube root, by Newton's method (Foundation's cbrt is not needed for a search start point).
    fileprivate var cubeRoot: Double {
        guard self > 0 else { return 0 }
        var x = self > 1 ? self / 3 : 1
        for _ in 0..<200 { x = x - (x * x * x - self) / (3 * x * x) }
        return x
    }
}
