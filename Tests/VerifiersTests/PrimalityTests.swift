import Testing
@testable import Verifiers

/// Rechecks a composite verdict's evidence independently of the tester: a factor must divide n, and a witness
/// base must fail the strong probable-prime test, recomputed here from the definition.
func evidenceHolds(_ verdict: PrimalityVerdict) throws -> Bool {
    let n = verdict.n
    switch verdict.evidence {
    case .factor(let f, let cofactor):
        return f > 1 && f < n && f * cofactor == n
    case .millerRabinWitness(let base):
        var d = n - 1
        var s = 0
        while d.isEven {
            d = try d.quotientAndRemainder(dividingBy: 2).quotient
            s += 1
        }
        var x = try BigInteger(base).power(d, modulo: n)
        if x == 1 || x == n - 1 { return false }
        for _ in 1..<max(s, 1) {
            x = try (x * x).modulo(n)
            if x == n - 1 { return false }
        }
        return true
    case .belowTwo: return n < 2
    case .lucasFailure: return !verdict.isPrime
    case .trialDivision, .bpswBelow2To64, .flintProof, .bpswAndMillerRabin: return verdict.isPrime
    }
}

@Suite("Primality: verdicts, certainty and evidence")
struct PrimalityTests {
    let tester = PrimalityTester()

    static let arnaultP1 = "29674495668685510550154174642905332730771991799853043350995075531276838753171770199594238596428121188033664754218345562493168782883"

    static var composites: [String] {
        [
            // Carmichael numbers, and Carmichael numbers that are strong base-2 pseudoprimes.
            "561", "1105", "1729", "2465", "2821", "6601", "8911", "41041", "825265", "321197185", "5394826801",
            "15841", "29341", "52633",
            // Strong Lucas pseudoprimes.
            "5459", "5777", "10877",
            // Smallest strong pseudoprimes to the first t prime bases (OEIS A014233).
            "2047", "1373653", "25326001", "3215031751", "2152302898747", "3474749660383", "341550071728321",
            "3825123056546413051", "318665857834031151167461", "3317044064679887385961981",
            // Mersenne and Fermat composites.
            "147573952589676412927", "2535301200456458802993406410751", "4294967297", "18446744073709551617",
            // Forum numbers.
            "34792834", "583835", "116767",
            // Boundaries.
            "18446744073709551615", "18446744073709551616",
            "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001",
            "0", "1", "-7", "4", "9", "25",
        ]
    }

    static var primes: [String] {
        [
            "2", "3", "5", "7", "97", "17077", "17396417", "2383",
            "2305843009213693951",  // 2^61 − 1
            "618970019642690137449562111",  // 2^89 − 1
            "170141183460469231731687303715884105727",  // 2^127 − 1
            "18446744073709551557",  // 2^64 − 59
            "18446744073709551629",  // 2^64 + 13
            "1000003", "1000000007", "1000000000039", "1000000000000037", "1000000000000000003",
            "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000267",
            arnaultP1,
        ]
    }

    @Test("composites that fool weak tests are found composite, with evidence that rechecks", arguments: composites)
    func composite(text: String) throws {
        let verdict = try tester.verdict(for: BigInteger(parsing: text))
        #expect(!verdict.isPrime)
        #expect(verdict.certainty == .proven)
        #expect(try evidenceHolds(verdict))
    }

    @Test("primes are prime, proven when small enough", arguments: primes)
    func prime(text: String) throws {
        let n = try BigInteger(parsing: text)
        let verdict = try tester.verdict(for: n)
        #expect(verdict.isPrime)
        #expect(try evidenceHolds(verdict))
        if n.bitWidth <= tester.bounds.maxProofBits { #expect(verdict.certainty == .proven) }
    }

    @Test("the forum's numbers: 34792834 = 2 × 17396417, and 116767 = 7² × 2383 is not prime")
    func forum() throws {
        let v = try tester.verdict(for: 34_792_834)
        #expect(v.evidence == .factor(2, cofactor: 17_396_417))
        #expect(try tester.verdict(for: 17_396_417).isPrime)
        #expect(try tester.verdict(for: 116_767).evidence == .factor(7, cofactor: 16681))
    }

    @Test("Arnault's 397-digit strong pseudoprime to every base below 307 is composite, with a witness ≥ 307")
    func arnault() throws {
        let p1 = try BigInteger(parsing: Self.arnaultP1)
        let n = p1 * (BigInteger(313) * (p1 - 1) + 1) * (BigInteger(353) * (p1 - 1) + 1)
        #expect(n.description.count == 397)
        let verdict = try tester.verdict(for: n)
        #expect(!verdict.isPrime && verdict.certainty == .proven)
        #expect(try evidenceHolds(verdict))
        if case .millerRabinWitness(let base) = verdict.evidence { #expect(base >= 307) }
    }

    @Test("2^127 − 1 is proven; 2^521 − 1 (beyond the proof bound) is prime and marked probable")
    func certainty() throws {
        let m127 = try BigInteger(2).power(127) - 1
        #expect(try tester.verdict(for: m127) == PrimalityVerdict(n: m127, isPrime: true, certainty: .proven, evidence: .flintProof))
        let m521 = try BigInteger(2).power(521) - 1
        var bounds = Bounds()
        bounds.maxProofBits = 256
        let verdict = try PrimalityTester(bounds: bounds).verdict(for: m521)
        #expect(verdict.isPrime && verdict.certainty == .probable)
        #expect(verdict.evidence == .bpswAndMillerRabin(rounds: PrimalityTester.extraRounds))
        #expect(try tester.verdict(for: m521).certainty == .proven)  // 521 bits is within the default bound
    }

    @Test("agrees with a sieve for every n below 200,000")
    func sieve() throws {
        let limit = 200_000
        var isPrime = [Bool](repeating: true, count: limit)
        isPrime[0] = false
        isPrime[1] = false
        for i in 2..<limit where isPrime[i] && i * i < limit {
            for j in stride(from: i * i, to: limit, by: i) { isPrime[j] = false }
        }
        for n in 0..<limit {
            let verdict = try tester.verdict(for: BigInteger(n))
            if verdict.isPrime != isPrime[n] || verdict.certainty != .proven {
                Issue.record("n = \(n): got \(verdict)")
                return
            }
        }
    }

    @Test("agrees with trial division on random numbers below 10^12")
    func trialDivision() throws {
        var rng = SplitMix64(seed: 20_261_129)
        for _ in 0..<300 {
            let n = rng.next() % 1_000_000_000_000
            var prime = n >= 2
            var d: UInt64 = 2
            while d * d <= n {
                if n % d == 0 {
                    prime = false
                    break
                }
                d += d == 2 ? 1 : 2
            }
            let verdict = try tester.verdict(for: BigInteger(n))
            #expect(verdict.isPrime == prime, "n = \(n)")
            #expect(try evidenceHolds(verdict))
        }
    }

    @Test("a million-digit number with a small factor is composite at once; past the bound without one it is refused")
    func hugeNumbers() throws {
        let even = try BigInteger(10).power(999_999) * 2
        #expect(try tester.verdict(for: even).evidence == .factor(2, cofactor: try BigInteger(10).power(999_999)))
        // 10^999999 + 1: 10^3 ≡ −1 (mod 7) and 999,999 = 3 × 333,333 with 333,333 odd, so 7 divides it (and no
        // smaller prime does: it is odd, ≡ 2 (mod 3) and ends in 1).
        let odd = try BigInteger(10).power(999_999) + 1
        if case .factor(let f, _) = try tester.verdict(for: odd).evidence { #expect(f == 7) } else { Issue.record() }
        var bounds = Bounds()
        bounds.maxPrimalityBits = 100
        let semiprime = try BigInteger(parsing: "318665857834031151167461") * BigInteger(parsing: "1000000000039")
        #expect(throws: VerifierError.self) { try PrimalityTester(bounds: bounds).verdict(for: semiprime) }
    }
}
