import Testing
@testable import Verifiers

@Suite("Factorization: complete up to the bound, honest above it")
struct FactorizationTests {
    let factorizer = Factorizer()

    /// Checks the invariants every factorization must meet: the product is n, primes ascend, each is prime.
    func check(_ f: Factorization) throws {
        #expect(f.product == f.n)
        #expect(zip(f.factors, f.factors.dropFirst()).allSatisfy { $0.prime < $1.prime })
        for p in f.factors { #expect(try PrimalityTester().verdict(for: p.prime).isPrime, "\(p.prime)") }
        if let c = f.cofactor { #expect(try !PrimalityTester().verdict(for: c).isPrime) }
    }

    @Test("the forum's 583835 = 5 × 7² × 2383")
    func forum() throws {
        let f = try factorizer.factor(583_835)
        #expect(f.factors == [PrimePower(prime: 5, exponent: 1), PrimePower(prime: 7, exponent: 2), PrimePower(prime: 2383, exponent: 1)])
        #expect(f.complete)
        #expect(try factorizer.factor(34_792_834).factors.map(\.prime) == [2, 17_396_417])
    }

    @Test("known factorizations", arguments: [
        ("147573952589676412927", ["193707721", "761838257287"]),  // 2^67 − 1
        ("2535301200456458802993406410751", ["7432339208719", "341117531003194129"]),  // 2^101 − 1
        ("4294967297", ["641", "6700417"]),  // F5
        ("18446744073709551617", ["274177", "67280421310721"]),  // F6
        ("318665857834031151167461", ["399165290221", "798330580441"]),
        ("3317044064679887385961981", ["1287836182261", "2575672364521"]),
    ])
    func known(n: String, primes: [String]) throws {
        let f = try factorizer.factor(BigInteger(parsing: n))
        #expect(f.factors.map(\.prime.description) == primes)
        #expect(f.complete)
        try check(f)
    }

    @Test("balanced semiprimes of 60, 80 and 100 bits factor completely")
    func semiprimes() throws {
        // p, q: the primes after 2^(b/2) + offset; products of about b bits.
        for bits in [60, 80, 100] {
            let p = try nextPrime(BigInteger(2).power(BigInteger(bits / 2)) + 12345)
            let q = try nextPrime(BigInteger(2).power(BigInteger(bits / 2)) + 987_654)
            let f = try factorizer.factor(p * q)
            #expect(f.factors.map(\.prime) == [p, q])
            try check(f)
        }
    }

    @Test("powers and small numbers", arguments: Array(1...300) + [1 << 40, 3_486_784_401, 479_001_600])
    func small(n: Int) throws {
        let f = try factorizer.factor(BigInteger(n))
        try check(f)
        #expect(f.complete)
    }

    @Test("above the complete bound, a composite cofactor that cannot be split is reported, never called prime")
    func incomplete() throws {
        var bounds = Bounds()
        bounds.maxCompleteFactorBits = 64
        bounds.smoothFactorBits = 20
        let p = try nextPrime(BigInteger(2).power(70) + 5)
        let q = try nextPrime(BigInteger(2).power(72) + 5)
        let n = BigInteger(6) * p * q
        let f = try Factorizer(bounds: bounds).factor(n)
        try check(f)
        #expect(f.factors.first?.prime == 2)
        // Factors of 70 bits are far beyond a 20-bit search (and the curves are seeded, so this never varies).
        #expect(!f.complete)
        #expect(f.cofactor == p * q)
    }

    @Test("non-positive input and inputs past the digit bound are refused", arguments: ["0", "-12"])
    func refused(n: String) {
        #expect(throws: VerifierError.self) { try factorizer.factor(BigInteger(parsing: n)) }
    }

    @Test("a 3000-digit number is refused with a clear bound")
    func tooLarge() throws {
        let n = try BigInteger(10).power(3000) + 1
        #expect(throws: VerifierError.self) { try factorizer.factor(n) }
    }

    func nextPrime(_ start: BigInteger) throws -> BigInteger {
        var n = start
        while try !PrimalityTester().verdict(for: n).isPrime { n += 1 }
        return n
    }
}
