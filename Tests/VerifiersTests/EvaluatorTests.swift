import Foundation
import Testing
@testable import Verifiers

@Suite("Evaluation: correctly rounded values with MPFR")
struct EvaluatorTests {
    let evaluator = Evaluator()

    @Test("reference values to 20 significant digits", arguments: [
        ("cos(3532)", AngleUnit.radians, "0.66009029799722633494"),
        ("sin(3532)", .radians, "0.75118626085008565922"),
        ("cos(3532°)", .radians, "0.37460659341591203541"),
        ("cos(3532)", .degrees, "0.37460659341591203541"),
        ("sin(1e22)", .radians, "-0.85220084976718880177"),
        ("cos(10^22)", .radians, "0.52321478539513894550"),  // …8945497…: the 20th digit rounds up
        ("sin(1e100)", .radians, "-0.37237612366127668826"),
        ("sin(10^30)", .radians, "-0.090116901912138058030"),
        ("cos(3.14)", .radians, "-0.99999873172753954529"),
        ("sqrt(2)", .radians, "1.4142135623730950488"),
        ("√3/2", .radians, "0.86602540378443864676"),
        ("e^pi", .radians, "23.140692632779269006"),
        ("ln(2)", .radians, "0.69314718055994530942"),
        ("1.2×10^7 / 7", .radians, "1714285.7142857142857"),
        ("−2^2", .radians, "-4.0000000000000000000"),
        ("2π/3", .radians, "2.0943951023931954923"),
    ])
    func reference(expression: String, unit: AngleUnit, value: String) throws {
        #expect(try evaluator.evaluate(expression, angleUnit: unit).value == value)
    }

    @Test("exact values come out exact", arguments: [
        ("cos(pi/3)", "0.5"), ("sin(30°)", "0.5"), ("cos(2π/3)", "-0.5"), ("tan(π/4)", "1"), ("tan(45 deg)", "1"),
        ("sin(pi)", "0"), ("cos(-π)", "-1"), ("sin(180°)", "0"), ("log2(1024)", "10"), ("sqrt(0.25)", "0.5"),
        ("2^100", "1267650600228229401496703205376"), ("cos(2*pi*1000000 + pi/3)", "0.5"),
    ])
    func exact(expression: String, value: String) throws {
        let places = value.split(separator: ".").dropFirst().first?.count ?? 0
        let result = try evaluator.evaluate(expression, precision: .decimalPlaces(places))
        #expect(result.exact)
        #expect(result.value == value)
    }

    @Test("decimal places round correctly, including values that need the carry", arguments: [
        ("cos(3532)", 2, "0.66"), ("cos(3532)", 16, "0.6600902979972263"), ("sin(-0.413)", 1, "-0.4"),
        ("cos(3.14)", 5, "-1.00000"), ("cos(3.14)", 6, "-0.999999"), ("2/3", 3, "0.667"), ("-2/3", 0, "-1"),
        ("sin(pi)", 3, "0.000"), ("1e-9", 3, "0.000"), ("10/4", 0, "3"), ("-2.5", 0, "-3"), ("cos(2π/3)", 0, "-1"),  // ties away from zero
    ])
    func decimals(expression: String, places: Int, value: String) throws {
        #expect(try evaluator.evaluate(expression, precision: .decimalPlaces(places)).value == value)
    }

    @Test("agrees with the C library within an ulp on small arguments")
    func libm() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<200 {
            // k/1024 is exact in binary and in the evaluator, so both sides see the same argument.
            let k = Int(rng.next() % 2_000_000) - 1_000_000
            let x = Double(k) / 1024
            let text = "\(k)/1024"
            for (name, f) in [("sin", Foundation.sin), ("cos", Foundation.cos), ("atan", Foundation.atan)] as [(String, (Double) -> Double)] {
                let value = try Double(evaluator.evaluate("\(name)(\(text))").value)!
                #expect(abs(value - f(x)) <= 2 * f(x).ulp, "\(name)(\(text))")
            }
        }
    }

    @Test("inputs past the bounds fail with a clear message, never a hang", arguments: [
        "sin(1e100000)", "2^(2^64)", "10^(10^6)", "exp(1e6)", "sin(10^20000)",
        String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000),
        String(repeating: "-", count: 10_000) + "1",
    ])
    func bounds(expression: String) {
        #expect(throws: VerifierError.self) { try evaluator.evaluate(expression) }
    }

    @Test("domain errors and malformed expressions say what is wrong", arguments: [
        "1/0", "sqrt(-1)", "ln(0)", "asin(2)", "tan(pi/2)", "cot(0)", "", "sin(", "2 +", "foo(3)", "3 $ 4", "(-8)^(1/3)",
    ])
    func errors(expression: String) {
        #expect(throws: VerifierError.self) { try evaluator.evaluate(expression) }
    }

    @Test("the working precision grows with the argument: sin(10^300) settles")
    func largeArgument() throws {
        let result = try evaluator.evaluate("sin(10^300)", precision: .significantDigits(15))
        #expect(result.workingPrecision >= 697)  // 10^300 = 2^300 · 5^300 is exact only with 697 bits
        #expect(result.value == (try evaluator.evaluate("sin(1e300)", precision: .significantDigits(15)).value))
    }
    @Test("exponents whose size does not fit a machine number are too_large, never a trap (found by fuzzing)", arguments: [
        "2^99999999999999999999", "(-2)^99999999999999999999", "0.5^99999999999999999999",
        "2^-99999999999999999999", "e^99999999999999999999", "2^0.5^99999999999999999999", "(1e308)^(1e308)",
        "4^66515151515151515110-1", "1^(1e9999) + 2^(1e9999)",
    ])
    func hugeExponents(expression: String) {
        do {
            let value = try evaluator.evaluate(expression)
            Issue.record("\(expression) answered \(value.value)")
        } catch {
            #expect(error.code == .tooLarge, "\(expression): \(error.message)")
        }
    }

    @Test("an argument built from powers is computed at the precision it needs, never answered as 0")
    func hugeArgumentsFromPowers() throws {
        // mpmath at 6000 digits: sin(10^1000) = 0.65335979821036985694|81, cos(7^2000) = -0.96657449746405701457|22.
        let sine = try evaluator.evaluate("sin(10^1000)")
        #expect(sine.value == "0.65335979821036985695" && sine.zeroBound == nil)
        let cosine = try evaluator.evaluate("cos(7^2000)")
        #expect(cosine.value == "-0.96657449746405701457" && cosine.zeroBound == nil)
        // A true 0 that no exact rule sees is still told apart from 0 only down to a tiny bound.
        let zero = try evaluator.evaluate("sqrt(2)^2 - 2")
        #expect(zero.value == "0" && (zero.zeroBound ?? 0) <= -30)
    }
}
