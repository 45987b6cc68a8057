
import Testing

@testable import Claims
@testable import Verifiers

@Suite("Asked questions")
struct AskedQuestionTests {
    @Test(
        "prompts read as the question the calculator answers",
        arguments: [
            ("Is 34792834 prime?", AskedQuestion.Kind.primality(BigInteger(34_792_834)), false),
            (
                "Is 17077 a prime number? Think step by step and then answer \"[Yes]\" or \"[No]\".",
                .primality(BigInteger(17077)), true
            ),
            ("What is the prime factorization of 583835?", .factorization(BigInteger(583_835)), false),
            ("Is 34792834 divisible by 17?", .divisibility(BigInteger(34_792_834), divisor: BigInteger(17)), false),
        ])
    func integers(prompt: String, kind: AskedQuestion.Kind, bracket: Bool) throws {
        let q = try #require(AskedQuestion(prompt: prompt))
        #expect(q.kind == kind)
        #expect(q.bracketAnswers == bracket)
    }

    @Test("a value question keeps its expression, unit and rounding")
    func value() throws {
        let q = try #require(AskedQuestion(prompt: "What is the sine of -0.413 radians? Round to one decimal place."))
        guard case .value(let e) = q.kind else { return #expect(Bool(false), "not a value question: \(q.kind)") }
        #expect(e.text(angleUnit: .radians) == "sin(-0.413)")
        #expect(q.rule == .decimalPlaces(1))
        #expect(q.unit == .radians)
        #expect(AskedQuestion(prompt: "Tell me a story.") == nil)
    }

    @Test(
        "Expression.text reads back to the same expression",
        arguments: [
            "cos(3532)", "sin(30°)", "tan(5π/7)", "2π/3", "2*(3π)", "2^10 - 1", "-(2 + 3)*4", "2^3^2", "(2^3)^2",
            "1/(2*3)",
            "sqrt(2)/2", "-0.413", "cos(-(1 - 2))", "e^-1", "1 - (2 - 3)",
        ])
    func roundTrip(text: String) throws {
        let e = try ExpressionParser.parse(text)
        let printed = e.text
        #expect(try ExpressionParser.parse(printed) == e, "\(text) printed as \(printed)")
    }

    @Test("radian marks are left out when radians are the default")
    func radians() throws {
        let e = try ExpressionParser.parse("cos(3532 radians)")
        #expect(e.text(angleUnit: .radians) == "cos(3532)")
        #expect(e.text(angleUnit: .degrees) == "cos(3532 rad)")
        #expect(try ExpressionParser.parse(e.text(angleUnit: .degrees)) == e)
    }
}
