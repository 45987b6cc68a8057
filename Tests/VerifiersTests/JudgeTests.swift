import Foundation
import Testing
@testable import Verifiers

@Suite("Judging a stated value: the shared rule")
struct JudgeTests {
    let judge = StatedValueJudge()

    func verdict(_ stated: String, _ expression: String, _ rule: StatedValueRule? = nil, _ unit: AngleUnit = .radians)
        throws -> Judgement
    {
        judge.judge(stated: stated, expression: try ExpressionParser.parse(expression), angleUnit: unit, rule: rule)
    }

    @Test("as written: less than one unit of the last stated place passes", arguments: [
        ("0.66", true), ("0.660", true), ("0.6601", true), ("0.66009", true), ("0.6600902979", true), ("0.67", true),
        ("0.65", false), ("-0.9999999999999999", false), ("0.6600", true), ("0.66008", false), ("0.7", true),
        ("0.5", false), ("0.66009029799722633494", true), ("0.66009029799722633493", false),  // 1.3 units off
        ("0.66009029799722633496", false),
    ])
    func cos3532(stated: String, correct: Bool) throws {
        let j = try verdict(stated, "cos(3532)")
        #expect(j.verdict == (correct ? .correct : .wrong), "\(stated): \(j)")
    }

    @Test("scientific notation is judged to its last written digit, left of the point too", arguments: [
        ("1.27e30", "2^100", true), ("1.26e30", "2^100", true), ("1.25e30", "2^100", false), ("1.2158e19", "3^40", true),
        ("1.2157e19", "3^40", true), ("1.2159e19", "3^40", false), ("2.5e-3", "1/400", true),
        ("1.3407807929942597e+164", "13407807929942597 * 10^148 + 546498570421", true),
        ("1.3407807929942599e+164", "13407807929942597 * 10^148 + 546498570421", false),
    ])
    func scientific(stated: String, expression: String, correct: Bool) throws {
        #expect(try verdict(stated, expression).verdict == (correct ? .correct : .wrong))
    }

    @Test("the unit of a value written to 10^148 reads 1e148")
    func scientificUnit() throws {
        let j = try verdict("1.3407807929942597e+164", "13407807929942597 * 10^148 + 546498570421")
        #expect(j.unit == "1e148")
        #expect(try verdict("1.27e30", "2^100").unit == "1e28")
        #expect(try verdict("1.5e3", "1500").unit == "100")
    }

    @Test("cos(3.14): −0.99999 and −1.00000 pass, −0.99998 fails")
    func nearMinusOne() throws {
        #expect(try verdict("-0.99999", "cos(3.14)").verdict == .correct)
        #expect(try verdict("−1.00000", "cos(3.14)").verdict == .correct)
        #expect(try verdict("-0.99998", "cos(3.14)").verdict == .wrong)
    }

    @Test("the forum's wrong cosine is wrong by about 1.7e16 units of its last place")
    func forum() throws {
        let j = try verdict("-0.9999999999999999", "cos(3532)")
        #expect(j.verdict == .wrong)
        #expect(j.errorInUnits == "1.7e16")
        #expect(j.trueValue?.hasPrefix("0.66009029799722633") == true)
    }

    @Test("asked for N decimal places, the value must be the rounded one", arguments: [
        ("-0.4", "sin(-0.413)", 1, true), ("-0.5", "sin(-0.413)", 1, false), ("0.66", "cos(3532)", 2, true),
        ("0.67", "cos(3532)", 2, false), ("0.6600", "cos(3532)", 4, false), ("0.6601", "cos(3532)", 4, true),
        ("0.660090", "cos(3532)", 4, true),  // more digits than asked, still right
        ("0.125", "1/8", 3, true), ("0.12", "1/8", 2, true), ("0.13", "1/8", 2, true),  // a tie goes either way
        ("0.11", "1/8", 2, false), ("-0.0", "sin(-0.01)", 1, true), ("0.0", "sin(-0.01)", 1, true),
    ])
    func decimalPlaces(stated: String, expression: String, places: Int, correct: Bool) throws {
        let j = try verdict(stated, expression, .decimalPlaces(places))
        #expect(j.verdict == (correct ? .correct : .wrong), "\(stated) for \(expression): \(j)")
    }

    @Test("significant figures", arguments: [
        ("0.66", "cos(3532)", 2, true), ("0.660", "cos(3532)", 3, true), ("0.6601", "cos(3532)", 4, true),
        ("0.6600", "cos(3532)", 4, false), ("1.414", "sqrt(2)", 4, true), ("1.415", "sqrt(2)", 4, false),
    ])
    func significant(stated: String, expression: String, figures: Int, correct: Bool) throws {
        #expect(try verdict(stated, expression, .significantFigures(figures)).verdict == (correct ? .correct : .wrong))
    }

    @Test("exact forms must equal the true value", arguments: [
        ("1/2", "sin(30°)", true), ("1/2", "cos(π/3)", true), ("√3/2", "sin(60°)", true), ("-1/2", "cos(2π/3)", true),
        ("−1/2", "cos(2π/3)", true), ("1", "tan(π/4)", true), ("√2/2", "sin(π/4)", true), ("1/2", "sin(30)", false),
        ("√3/2", "cos(60°)", false), ("96", "2^5 × 3", true), ("2^5 × 3", "96", true), ("0", "sin(pi)", true),
        ("1", "sin(30°)", false), ("10", "log2(1024)", true), ("11", "log2(1024)", false),
    ])
    func exactForms(stated: String, expression: String, correct: Bool) throws {
        let j = try verdict(stated, expression)
        #expect(j.verdict == (correct ? .correct : .wrong), "\(stated) for \(expression): \(j)")
    }

    @Test("what cannot be evaluated is unverified with a reason, never wrong")
    func unverified() throws {
        let j = try verdict("0.5", "sin(1e100000)".replacingOccurrences(of: "1e100000", with: "10^100000"))
        #expect(j.verdict == .unverified)
        #expect(j.reason != nil)
        #expect(try verdict("banana", "sin(1)").verdict == .unverified)
    }
}
