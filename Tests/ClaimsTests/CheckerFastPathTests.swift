
import Testing

@testable import Claims
@testable import Verifiers

/// The checker's fast paths give exactly what the general paths give: the same factors, the same digits, the same
/// doubles, the same texts. Each test runs both on the edges of the fast path's range.
@Suite("Checker fast paths agree with the general paths")
struct CheckerFastPathTests {
    /// A deterministic stream of 64-bit numbers (Knuth's MMIX LCG), for sweeps past the hand-picked edges.
    static func pseudoRandom(_ count: Int, seed: UInt64 = 7) -> [UInt64] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    // MARK: - Factoring words

    static let factorEdges: [UInt64] = [
        1, 2, 3, 4, 8, 4093, 4095, 4096, 4097, 4093 * 4093, 4096 * 4096, 4099 * 4099, 4099 * 4111, 4093 * 4099,
        1 << 32, (1 << 32) + 15, 65_537 * 65_537, 1_000_000_007, 1_000_000_007 * 998_244_353,
        2 * 3 * 5 * 7 * 4099 * 4111,
        UInt64(Int.max), UInt64(Int.max) + 1, UInt64.max, UInt64.max - 58, 18_446_744_030_759_878_681,
    ]

    @Test("a word's factors by machine trial division equal the general path's")
    func wordFactors() {
        let factorizer = Factorizer()
        let sweep = Array(1...3000).map(UInt64.init) + Self.pseudoRandom(150).map { $0 >> ($0 % 40) }
        for n in Self.factorEdges + sweep where n > 0 {
            #expect(Factorizer.wordFactors(n) == factorizer.splitFactorization(BigInteger(n)).factors, "\(n)")
        }
    }

    @Test(
        "trial division stopping once p² passes u finds what the full search finds", arguments: [256, 4096] as [UInt64])
    func smallestFactor(below: UInt64) {
        // The plain definition: every prime below the bound in turn.
        func reference(_ u: UInt64) -> UInt64? {
            SmallPrimes.all.first { $0 < below && u % $0 == 0 }
        }
        let sweep = Array(2...20_000).map(UInt64.init) + Self.pseudoRandom(300).map { $0 >> ($0 % 50) }
        for u in Self.factorEdges + sweep where u > 1 {
            #expect(SmallPrimes.smallestFactor(ofWord: u, below: below) == reference(u), "\(u) below \(below)")
        }
    }

    // MARK: - Exact decimals in words

    static let decimalUnits: [Int] = [
        0, 1, -1, 5, -5, 9, 10, 15, -15, 99, 12_345, -98_765, 999_999_999, 1 << 53, -(1 << 53), (1 << 53) + 1,
        123_456_789_012_345_678, -999_999_999_999_999_999, Int.max, Int.min, Int.max / 10, Int.min / 10 - 1,
    ]

    /// The same number with its units in GMP storage, which takes the general path of every operation.
    static func stored(_ x: ExactDecimal) -> ExactDecimal {
        ExactDecimal(units: x.units + BigInteger(0), scale: x.scale)
    }

    static func same(_ a: ExactDecimal, _ b: ExactDecimal) -> Bool { a.units == b.units && a.scale == b.scale }

    @Test("sums, differences, comparisons and rescaling in words equal GMP's", arguments: [0, 1, 3, 17, 20])
    func wordArithmetic(scale: Int) {
        let values = Self.decimalUnits.map { ExactDecimal(units: BigInteger($0), scale: scale) }
        let others = Self.decimalUnits.flatMap { u in
            [0, 2, 9, 25].map { ExactDecimal(units: BigInteger(u), scale: $0) }
        }
        for a in values {
            for b in others {
                let (ga, gb) = (Self.stored(a), Self.stored(b))
                #expect(Self.same(a - b, ga - gb), "\(a) - \(b)")
                #expect(Self.same(a + b, ga + gb), "\(a) + \(b)")
                #expect((a == b) == (ga == gb), "\(a) == \(b)")
                #expect((a < b) == (ga < gb), "\(a) < \(b)")
            }
            for target in [scale - 20, scale - 19, scale - 18, scale - 3, scale, scale + 1, scale + 18, scale + 19] {
                #expect(Self.same(a.rescaled(to: target), Self.stored(a).rescaled(to: target)), "\(a) to \(target)")
                #expect(
                    Self.same(a.rescaledRounded(to: target), Self.stored(a).rescaledRounded(to: target)),
                    "\(a) rounded to \(target)")
            }
        }
    }

    @Test("long decimals read from their bytes equal the general parser's", arguments: [
        "1234567890123456789", "-1234567890123456789", "+1234567890123456789.5", "0.1234567890123456789012345",
        "-0.000000000000000000000000001", "." + String(repeating: "7", count: 40),
        String(repeating: "9", count: 100) + ".",
        "-" + String(repeating: "1", count: 60) + "." + String(repeating: "2", count: 60),
        String(repeating: "3", count: 30) + "e5", String(repeating: "3", count: 30) + ".1.2",
        "−" + String(repeating: "4", count: 30), String(repeating: "5", count: 25) + " ",
        String(repeating: "6", count: 5000), "-" + String(repeating: "0", count: 40),
    ])
    func longDecimals(text: String) {
        let fast = ExactDecimal(text)
        let general = ExactDecimal(general: text)
        #expect(fast?.units == general?.units, "\(text)")
        #expect(fast?.scale == general?.scale, "\(text)")
        #expect((fast == nil) == (general == nil), "\(text)")
    }

    @Test("a decimal's double by Clinger's fast path is the parsed text's", arguments: [0, 1, 2, 7, 15, 22, 23, 30, -2])
    func exactDouble(scale: Int) {
        let units = Self.decimalUnits + Self.pseudoRandom(200).map { Int(truncatingIfNeeded: $0 >> ($0 % 64)) }
        for u in units {
            let x = ExactDecimal(units: BigInteger(u), scale: scale)
            #expect(StatedValueJudge.double(x) == Double(x.description), "\(x)")
        }
    }

    // MARK: - Texts

    @Test("short numbers for reports are written as the interpolated definition writes them")
    func shortFormat() {
        // The plain definition: String interpolation and concatenation.
        func reference(_ x: Double) -> String {
            guard x > 0, x.isFinite else { return x == 0 ? "0" : "\(x)" }
            var exponent = 0
            var mantissa = x
            while mantissa >= 10 { mantissa /= 10; exponent += 1 }
            while mantissa < 1 { mantissa *= 10; exponent -= 1 }
            var tenths = Int((mantissa * 10).rounded())
            if tenths == 100 { tenths = 10; exponent += 1 }
            let (first, second) = (tenths / 10, tenths % 10)
            if exponent >= 6 || exponent < -4 {
                return second == 0 ? "\(first)e\(exponent)" : "\(first).\(second)e\(exponent)"
            }
            if exponent >= 1 { return String(tenths) + String(repeating: "0", count: exponent - 1) }
            if exponent == 0 { return second == 0 ? "\(first)" : "\(first).\(second)" }
            return "0." + String(repeating: "0", count: -exponent - 1) + "\(first)" + (second == 0 ? "" : "\(second)")
        }
        let subnormal = Double(sign: .plus, exponent: -1063, significand: 1)  // about 1e-320
        var values: [Double] = [0, -1, .infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude, subnormal]
        for power in -12...22 {
            for mantissa in [1, 1.04, 1.05, 1.5, 2, 9.94, 9.95, 9.96, 9.99, 9.999] {
                values.append(mantissa * pow10(power))
            }
        }
        for x in values { #expect(formatShort(x) == reference(x), "\(x)") }
    }

    private func pow10(_ k: Int) -> Double { k >= 0 ? (0..<k).reduce(1.0) { r, _ in r * 10 } : 1 / pow10(-k) }

    @Test("integers of literal digits read in place equal Int128's parser", arguments: [
        "", "0", "7", "007", "+5", "-5", "12a", "١٢", " 1", "999999999999999999999999999999",
        "170141183460469231731687303715", "123456789012345678901234567890",
    ])
    func literalIntegers(text: String) {
        #expect(SmallRational.integer(text) == Int128(text), "\(text)")
    }

    @Test("words are written as String writes them")
    func wordDigits() {
        let powers = (0...19).flatMap { k -> [UInt] in
            let p = (0..<k).reduce(UInt(1)) { r, _ in r * 10 }
            return [p - 1, p, p + 1]
        }
        for value in powers + [UInt.max, UInt.max - 1] {
            let text = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { buffer in
                var out = ASCIIWriter(buffer)
                out.write(value, negative: false)
                #expect(ASCIIWriter.digitCount(value) == out.count)
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<out.count]), as: UTF8.self)
            }
            #expect(text == String(value))
        }
        for value in [0, 1, -1, 10, -10, Int.max, Int.min] {
            let text = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { buffer in
                var out = ASCIIWriter(buffer)
                out.write(value)
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<out.count]), as: UTF8.self)
            }
            #expect(text == String(value))
        }
    }

    // MARK: - Findings

    @Test("a stated value's evidence pairs come in the order and form the checker wrote them", arguments: [
        StatedValueRule.asWritten, .decimalPlaces(2), .significantFigures(3), .exact,
    ])
    func valueEvidence(rule: StatedValueRule) {
        let judgements = [
            Judgement(
                verdict: .correct, match: .truncated, stated: "1.41", rule: rule, trueValue: "1.41421356",
                trueValueExact: false, unit: "0.01", errorInUnits: "0.42", reason: nil),
            Judgement(
                verdict: .unverified, match: nil, stated: "x", rule: rule, trueValue: nil, trueValueExact: false,
                unit: nil, errorInUnits: nil, reason: "why"),
        ]
        for judgement in judgements {
            for unit in AngleUnit.allCases {
                // The pairs as the checker built them before they were kept by field.
                var expected: [(String, String)] = []
                if let t = judgement.trueValue { expected.append(("true_value", t)) }
                expected.append(("angle_unit", unit.rawValue))
                switch rule {
                case .asWritten: expected.append(("rule", "as_written"))
                case .decimalPlaces(let n): expected.append(("rule", "decimals:\(n)"))
                case .significantFigures(let n): expected.append(("rule", "significant:\(n)"))
                case .exact: expected.append(("rule", "exact"))
                }
                if let m = judgement.match { expected.append(("match", m.rawValue)) }
                if let u = judgement.unit { expected.append(("unit", u)) }
                if let e = judgement.errorInUnits { expected.append(("error_units", e)) }

                var claim = Claim(kind: .function, statement: .primality(1, isPrime: true), bytes: 0..<1)
                claim.finding = .value(ValueFinding(judgement, angleUnit: unit, rule: rule))
                #expect(claim.expected == judgement.trueValue)
                #expect(claim.evidence.map(\.0) == expected.map(\.0))
                #expect(claim.evidence.map(\.1) == expected.map(\.1))
            }
        }
    }

    @Test("divisions of words give GMP's quotient, remainder and texts", arguments: FastPathTests.wordEdges)
    func wordQuotient(n: Int) throws {
        var checker = ClaimChecker(bounds: .standard)
        for d in FastPathTests.wordEdges {
            let (bn, bd) = (BigInteger(n), BigInteger(d))
            guard let (tq, tr) = try? bn.quotientAndRemainder(dividingBy: bd) else {
                #expect(WordQuotient(n, d) == nil, "\(n) / \(d)")
                continue
            }
            for (q, r) in [(tq, tr), (tq, nil), (tq + 1, tr)] as [(BigInteger, BigInteger?)] {
                var claim = Claim(
                    kind: .arithmetic, statement: .division(bn, divisor: bd, quotient: q, remainder: r), bytes: 0..<1)
                checker.check(&claim)
                let matches = r.map { tq == q && tr == $0 } ?? (tq == q && !tr.isZero)
                #expect(claim.verdict == (matches ? .correct : .wrong), "\(n) / \(d)")
                #expect(claim.expected == "\(n) ÷ \(d) = \(tq) remainder \(tr)", "\(n) / \(d)")
                #expect(claim.evidence.map(\.0) == ["quotient", "remainder"])
                #expect(claim.evidence.map(\.1) == [tq.description, tr.description], "\(n) / \(d)")
            }
        }
    }

    @Test("primality texts shared among claims about one number are those a fresh checker writes", arguments: [
        0, 1, 2, 91, 97, 4096, 16_769_023, 1_000_000_007, 561, 3_215_031_751,
    ])
    func sharedPrimality(n: Int) {
        var kept = ClaimChecker(bounds: .standard)
        for isPrime in [true, false, true] {
            var fresh = ClaimChecker(bounds: .standard)
            var first = Claim(kind: .primality, statement: .primality(BigInteger(n), isPrime: isPrime), bytes: 0..<1)
            var second = first
            kept.check(&first)
            fresh.check(&second)
            #expect(first.verdict == second.verdict)
            #expect(first.expected == second.expected)
            #expect(first.evidence.map(\.0) == second.evidence.map(\.0))
            #expect(first.evidence.map(\.1) == second.evidence.map(\.1))
        }
    }
}
