import CBaseline
import Foundation
import ToolCalls
import Verifiers

/// The exact-math core against raw GMP and MPFR: issue 2's table.
enum CoreBenchmarks {
    static func run(_ harness: Harness) {
        var rng = SplitMix64(state: 20_261_129)
        let prover = PrimalityTester()
        var screenOnly = Bounds()
        screenOnly.maxProofBits = 0
        let screener = PrimalityTester(bounds: screenOnly)

        func randomOdd(bits: Int) -> BigInteger {
            var n = BigInteger(1)
            var produced = 1
            while produced < bits {
                let chunk = min(32, bits - produced)
                n = n * BigInteger(1 << chunk) + BigInteger(Int(rng.next() % (1 << UInt64(chunk))))
                produced += chunk
            }
            return n.isEven ? n + 1 : n
        }
        func prime(bits: Int) -> BigInteger {
            var n = randomOdd(bits: bits)
            while screener.isPrime(n) != true { n = n + 2 }
            return n
        }

        // is_prime against mpz_probab_prime_p with the same number of rounds (BPSW + extra Miller–Rabin).
        var rows: [[String]] = []
        let reps = Int32(24 + PrimalityTester.extraRounds)
        for bits in [64, 256, 1024, 2048] {
            let p = prime(bits: bits)
            let c = prime(bits: bits / 2) * prime(bits: bits - bits / 2)
            for (kind, n) in [("prime", p), ("composite (p·q)", c)] {
                let raw = mpz(n)
                let (ours, rawRate) = harness.compare(
                    { _ = try? screener.verdict(for: n) },
                    { sink &+= Int(raw.withPointer { __gmpz_probab_prime_p($0, reps) }) })
                rows.append([
                    "\(bits)", kind, formatRate(ours), formatRate(rawRate), String(format: "%.2f×", rawRate / ours),
                ])
            }
        }
        table(
            "is_prime per second (proof off) vs raw mpz_probab_prime_p(n, \(reps)), best of 9 alternating batches",
            ["bits", "number", "mathcheck is_prime/s", "raw GMP/s", "time ratio (≤ 1.1 target)"], rows)

        // Proofs.
        rows = []
        for bits in [128, 256, 512] {
            let p = prime(bits: bits)
            let t = harness.seconds { _ = try? prover.verdict(for: p) }
            let verdict = try? prover.verdict(for: p)
            rows.append(["\(bits)", formatSeconds(t), verdict?.certainty.rawValue ?? "?"])
        }
        table("Time to prove a prime (FLINT fmpz_is_prime)", ["bits", "time", "certainty"], rows)

        // Factorization of balanced semiprimes.
        rows = []
        let factorizer = Factorizer()
        for bits in [60, 80, 100, 128] {
            var times: [Double] = []
            for _ in 0..<5 {
                let n = prime(bits: bits / 2) * prime(bits: bits - bits / 2)
                times.append(harness.time { _ = try? factorizer.factor(n) })
            }
            times.sort()
            rows.append(["\(bits)", formatSeconds(times[2]), formatSeconds(times[4])])
        }
        table("factorize on balanced semiprimes (5 numbers each)", ["bits", "median", "worst"], rows)

        // cos to 20 digits against raw mpfr_cos at the precision 20 digits need.
        let evaluator = Evaluator()
        rows = []
        for argument in ["3532", "1e22", "0.413"] {
            let expression = try! ExpressionParser.parse("cos(\(argument))")
            var x = mpfr_t()
            var y = mpfr_t()
            mpfr_init2(&x, 98)
            mpfr_init2(&y, 98)
            mpfr_set_str(&x, argument, 10, MPFR_RNDN)
            let (ours, raw) = harness.compare(
                { _ = try? evaluator.evaluate(expression, text: "", precision: .significantDigits(20)) },
                { sink &+= Int(mpfr_cos(&y, &x, MPFR_RNDN)) })
            mpfr_clear(&x)
            mpfr_clear(&y)
            rows.append(["cos(\(argument))", formatRate(ours), formatRate(raw), String(format: "%.1f×", raw / ours)])
        }
        table(
            "evaluate to 20 significant digits vs one raw mpfr_cos at 98 bits",
            ["expression", "mathcheck evaluate/s", "raw mpfr_cos/s", "time ratio"], rows)
        print(
            "\nThe expression is parsed once. evaluate reads the decimal argument exactly, computes, proves the "
                + "rounding (one evaluation when the argument is exact in binary, two otherwise: 0.413 is not) and "
                + "formats the digits.")
    }

    final class GMPInteger {
        var raw = __mpz_struct()
        init(_ text: String) { __gmpz_init_set_str(&raw, text, 10) }
        deinit { __gmpz_clear(&raw) }
        func withPointer<R>(_ body: (UnsafePointer<__mpz_struct>) -> R) -> R { body(&raw) }
    }

    static func mpz(_ n: BigInteger) -> GMPInteger { GMPInteger(n.description) }
}
