/// The primes below 4096, and the same primes grouped so that each group's product fits in 64 bits.
///
/// Trial division divides the big number once per group (`mpz_tdiv_ui` by the product) and then tests the
/// one-word remainder against each prime of the group, which is about six times fewer big divisions than dividing
/// by each prime (the same trick GMP's `mpz_probab_prime_p` uses).
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

    /// Groups of consecutive primes with their product.
    static let groups: [(product: UInt64, primes: [UInt64])] = {
        var groups: [(UInt64, [UInt64])] = []
        var product: UInt64 = 1
        var members: [UInt64] = []
        for p in all {
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
}
