/// The primes below 4096, grouped for fast trial division of big numbers and with inverses for words.
///
/// Big numbers are divided once per group (`mpz_fdiv_ui` by the group's product, which fits in 64 bits) and the
/// one-word remainder is tested against each prime of the group, about six times fewer big divisions than one
/// per prime (GMP's `mpz_probab_prime_p` does the same). Words use Granlund and Montgomery's test: for odd p,
/// p divides u exactly when u · p⁻¹ mod 2^64 ≤ ⌊(2^64 − 1)/p⌋, one multiplication and no division.
enum SmallPrimes {
    static let bound: UInt64 = 4096

    static let all: [UInt64] = {
        var sieve = [Bool](repeating: true, count: Int(bound))
        sieve[0] = false
        sieve[1] = false
        var i = 2
        while i * i < Int(bound) {
            if sieve[i] { for j in stride(from: i * i, to: Int(bound), by: i) { sieve[j] = false } }
            i += 1
        }
        return sieve.indices.filter { sieve[$0] }.map(UInt64.init)
    }()

    /// The trial-division bound for numbers of more than one word: beyond it, a Miller–Rabin test rejects a
    /// composite sooner than more divisions would (GMP stops at a similar size).
    static let multiWordBound: UInt64 = 1024

    /// Groups of consecutive primes below ``multiWordBound`` with their product.
    static let groups: [(product: UInt64, primes: [UInt64])] = {
        var groups: [(UInt64, [UInt64])] = []
        var product: UInt64 = 1
        var members: [UInt64] = []
        for p in all where p < multiWordBound {
            let (next, overflow) = product.multipliedReportingOverflow(by: p)
            if overflow {
                groups.append((product, members))
                product = p
                members = [p]
            } else {
                product = next
                members.append(p)
            }
        }
        if !members.isEmpty { groups.append((product, members)) }
        return groups
    }()

    /// For each odd prime p below the bound: p, p⁻¹ mod 2^64 and ⌊(2^64 − 1)/p⌋.
    static let oddInverses: [(prime: UInt64, inverse: UInt64, limit: UInt64)] = all.dropFirst().map { p in
        // Newton's iteration doubles the correct low bits each step: p·p ≡ 1 (mod 8) gives 3 bits to start.
        var inverse = p
        for _ in 0..<5 { inverse = inverse &* (2 &- p &* inverse) }
        return (p, inverse, UInt64.max / p)
    }

    /// The smallest prime below `below` (at most the bound) dividing the word u > 1, if any (u itself when u is
    /// such a prime).
    @inline(__always)
    ///
    /// Stops at the first p with p² > u: no smaller prime divides u, so u > 1 is itself prime, and the search
    /// would go on to find u when u < `below` and nothing otherwise (about √u / ln √u primes tried, not all).
    static func smallestFactor(ofWord u: UInt64, below: UInt64 = bound) -> UInt64? {
        if u & 1 == 0 { return 2 }
        for entry in oddInverses {
            if entry.prime >= below { break }
            if u > 1 && entry.prime * entry.prime > u { return u < below ? u : nil }
            if u &* entry.inverse <= entry.limit { return entry.prime }
        }
        return nil
    }

    /// The trial-division bound for words too large to be proven prime by trial division: beyond it, the
    /// Miller–Rabin test rejects a composite sooner.
    static let largeWordBound: UInt64 = 256
}
