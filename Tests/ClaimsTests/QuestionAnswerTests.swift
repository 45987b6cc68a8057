import Claims
import Testing
import Verifiers

/// Answers to worded questions, read whole or not at all: a phrase in an answer is judged as the whole phrase or
/// not at all, never as its last operand; the rounding a question asks for judges the answer that restates it.
@Suite("Question answers")
struct QuestionAnswerTests {
    func audit(_ prompt: String, _ response: String) -> AuditResult {
        var auditor = ResponseAuditor()
        return auditor.audit(prompt: prompt, response: response)
    }

    func describe(_ r: AuditResult) -> String { "\(r.verdict): \(r.claims.map { ($0.text, $0.verdict) })" }

    /// Answers that restate a worded question's operands: no claim about the last operand alone, right or wrong.
    static let joined: [(String, String)] = [
        ("What is the result of adding 53.548 and 3/10 (round to 4 dp)?", "The result of adding 53.548 and 3/10 is {v}."),
        ("What's 82.2 added to 16/9?", "82.2 added to 16/9 is approximately {v}."),
        ("Evaluate the result of dividing -9/8 by 4/7.", "The result of dividing -9/8 by 4/7 is {v}."),
        ("Please compute (-568) subtracted from -3/2.", "(-568) subtracted from -3/2 is {v}."),
        ("Can you calculate the product of 405,370?", "The product of 405,370 and 11/9 is approximately {v}."),
        ("What is the mean of 3, 5 and 10?", "The mean of 3, 5 and 10 is {v}."),
        ("What is 17/8 less than 740?", "17/8 less than 740 is {v}."),
    ]

    @Test("an operand joined in words to one before it starts no claim", arguments: joined)
    func joinedOperand(prompt: String, response: String) {
        // Whatever value the answer states, no claim is about the last operand alone (3/10 is not 53.848).
        for v in ["53.8480", "1.5", "-1.96875", "495452.2", "6", "0.3", "-3/2"] {
            let result = audit(prompt, response.replacingOccurrences(of: "{v}", with: v))
            for claim in result.claims {
                #expect(!claim.text.hasPrefix("3/10") && !claim.text.hasPrefix("16/9") && !claim.text.hasPrefix("4/7")
                    && !claim.text.hasPrefix("-3/2") && !claim.text.hasPrefix("11/9") && !claim.text.hasPrefix("10 is")
                    && !claim.text.hasPrefix("740"), "\(response) → \(describe(result))")
            }
        }
    }

    @Test("a unit in brackets after a bare answer is part of its text, the bracket closed")
    func bracketedUnit() {
        let result = audit("What is the arcsine of 0.5? Give the answer in radians.", "0.52 (radians).")
        #expect(result.verdict == .correct && result.claims.map(\.text) == ["0.52 (radians)"], "\(describe(result))")
    }

    @Test("a conjunction between two equations joins nothing")
    func conjunction() {
        let result = audit("How much?", "So 3 × 5 = 15 and 15 × 2 = 31.")
        #expect(result.verdict == .wrong, "\(describe(result))")
        #expect(result.claims.count == 2, "\(describe(result))")
    }

    /// (prompt, right answer, wrong answer).
    static let forms: [(String, String, String)] = [
        // A degree or radian mark after a trigonometric function's bracket marks its angle.
        ("Compute tan (-355)° to 3 significant digits.", "0.0875", "0.0874"),
        ("Determine sin (-456) deg.", "-0.995", "0.995"),
        ("What is cos (60)°?", "$\\cos (60)^\\circ = 0.5$", "$\\cos (60)^\\circ = 0.6$"),
        // A multiple of π written against its number is the whole angle.
        ("Find tan 2π radians.", "The final answer is $\\boxed{0}$.", "The final answer is $\\boxed{1}$."),
        ("What is sin 3π?", "0", "1"),
        // A negative angle stated in degrees.
        ("Compute atan(-1). Answer in degrees.", "arctan(-1) = -45 degrees", "arctan(-1) = -44 degrees"),
        ("Can you calculate arcsin(-√2/2) in degrees?", "arcsin(-√2/2) = -45 degrees", "arcsin(-√2/2) = 45 degrees"),
        // A "*" before a negative operand is multiplication.
        ("What is 904 * -81.57 to 6 s.f.?", "$-73739.3$", "$-73739.2$"),
        ("Quick question: what is 297 * -95?", "297 * -95 is -28,215.", "297 * -95 is -28,205."),
        ("Please compute 695 * -152.", "-105640", "-105650"),
        // "≈" with trailing zeros states significant figures; the question's rounding judges its restatement.
        ("Find e^23. Round to 6 significant digits.", "e^23 ≈ 9,744,800,000", "e^23 ≈ 9,744,900,000"),
        ("Evaluate 7 to the power of 7/3 to 1 significant figure.", "7^(7/3) ≈ 90", "7^(7/3) ≈ 80"),
        ("Compute 6.1**9, correct to 2 significant figures.", "$6.1^{9} \\approx 12000000$", "$6.1^{9} \\approx 11000000$"),
        ("What is e^(10.78) to 2 s.f.?", "$e^{10.78} \\approx 48{,}000$", "$e^{10.78} \\approx 47{,}000$"),
        ("What is -11/8 - 933, rounded to 2 significant figures?", "-11/8 - 933 is approximately -930.",
            "-11/8 - 933 is approximately -940."),
        ("What is 2^10?", "2^10 ≈ 1000", "2^10 ≈ 2000"),
        // "the average value of", "the mean of the numbers".
        ("What's the average value of 26, 181, 30.6, 89, and 13?", "67.92", "67.93"),
        ("Please compute the average of the numbers 107, 148, -30, 23, and 198.", "Answer: 446/5", "Answer: 446/6"),
    ]

    @Test("each form is judged whole, the right answer right and the wrong one wrong", arguments: forms)
    func form(prompt: String, right: String, wrong: String) {
        let r = audit(prompt, right)
        #expect(r.verdict == .correct, "\(right) → \(describe(r))")
        let w = audit(prompt, wrong)
        #expect(w.verdict == .wrong, "\(wrong) → \(describe(w))")
    }

    /// "≈ 1000" states one significant figure, "≈ 1000.0" five: the precision is what is written.
    @Test("an approximation with trailing zeros is read to its last nonzero digit, a decimal one as written")
    func approximateRule() {
        #expect(audit("How much?", "So 2^10 ≈ 1000.0").verdict == .wrong)
        #expect(audit("How much?", "So 2^10 ≈ 1020").verdict == .correct)
        #expect(audit("How much?", "So 2^10 ≈ 1030").verdict == .wrong)
        #expect(audit("How much?", "So 2^10 = 1000").verdict == .wrong)
    }
}

/// Integer questions the expression reader has no operator for, read whole: (prompt, right, wrong).
@Suite("Integer questions")
struct IntegerQuestionTests {
    static let cases: [(String, String, String)] = [
        ("What is 7 mod 3?", "1", "2"), ("What is 12!?", "479001600", "479001601"),
        ("What is the gcd of 12 and 18?", "6", "36"), ("What is the remainder when 100 is divided by 7?", "2", "14"),
        ("Quick question: what is the factorial of 6?", "\\(720\\)", "\\(5040\\)"), ("What's 13 factorial?", "$6227020800$", "$6227020801$"),
        ("Find 0 factorial.", "$1$", "$0$"), ("Determine lcm(42, 51).", "714", "3"),
        ("Compute the gcd of 612 and 1008.", "ANSWER: 36", "≈ 35"),
        ("What is the value of the highest common factor of 72 and 648?", "\\(72\\)", "\\(64\\)"),
        ("Calculate the lowest common multiple of 32 and 45.", "1440", "≈1441"),
        ("Calculate the remainder when 11073 is divided by 52.", "49", "3"),
        ("Evaluate the remainder on dividing 9333 by 7.", "**2**", "**5**"),
        ("Find 25695 mod 98.", "ANSWER: 19", "ANSWER: 18"), ("Evaluate 14811 modulo 86.", "19", "20"),
        ("What is the GCD of 18 and 60? Answer with a number.", "6", "3"),
    ]

    @Test("an integer question judges a bare answer against its exact value", arguments: cases)
    func integer(prompt: String, right: String, wrong: String) {
        var auditor = ResponseAuditor()
        let r = auditor.audit(prompt: prompt, response: right)
        #expect(r.verdict == .correct, "\(right): \(r.verdict) \(r.claims.map { ($0.text, $0.verdict) })")
        let w = auditor.audit(prompt: prompt, response: wrong)
        #expect(w.verdict == .wrong, "\(wrong): \(w.verdict) \(w.claims.map { ($0.text, $0.verdict) })")
    }

    @Test("an integer question is no calculator call for training data")
    func notAnEvaluateCall() {
        #expect(AskedQuestion(prompt: "What is the gcd of 12 and 18?") == nil)
        #expect(AskedQuestion(prompt: "What is 7 mod 3?") == nil)
    }
}

/// The words that lead into a bare answer: skipped, and nothing else is.
@Suite("Answer lead words")
struct AnswerLeadTests {
    static let cases: [(String, String, String)] = [
        ("Evaluate 59877 modulo 47.", "So the answer is **46**.", "So the answer is **45**."),
        ("Find the square root of 484.", "Result: 22", "Result: 21"),
        ("What is 2 plus 3?", "It is 5.", "It is 6."),
        ("What is 7 times 8?", "That gives 56.", "That gives 54."),
    ]

    @Test("a bare answer after lead words is judged", arguments: cases)
    func lead(prompt: String, right: String, wrong: String) {
        var auditor = ResponseAuditor()
        #expect(auditor.audit(prompt: prompt, response: right).verdict == .correct)
        #expect(auditor.audit(prompt: prompt, response: wrong).verdict == .wrong)
    }

    @Test("a sentence that says more than the value is no bare answer", arguments: [
        "It is not 6.", "It is 6 more than 3.", "So the answer is 6 or 7.", "That gives 6 apples and 2 pears.",
    ])
    func more(response: String) {
        var auditor = ResponseAuditor()
        #expect(auditor.audit(prompt: "What is 2 plus 3?", response: response).verdict != .wrong)
    }
}

/// Comparisons asked in words, both sides read whole, answered yes/no or true/false.
@Suite("Comparison questions")
struct ComparisonQuestionTests {
    func verdict(_ prompt: String, _ response: String) -> RecordVerdict {
        var auditor = ResponseAuditor()
        return auditor.audit(prompt: prompt, response: response).verdict
    }

    static let cases: [(String, String, String)] = [
        ("Is 17 * 3 greater than 50? Answer true or false.", "true", "false"),
        ("True or false: 9^2 is less than or equal to 81.", "**True**", "**False**"),
        ("Is the square root of 228 less than or equal to 15.100? Answer yes or no.", "Yes, it is.", "No, it is not."),
        ("Is 64% of 796 less than or equal to 508?", "**No**", "**Yes**"),
        ("Is 81 × 95 bigger than 7695.00? Answer yes or no.", "No.", "Yes."),
        ("Is 65 × 22 larger than 1431? (yes/no)", "ANSWER: No", "ANSWER: Yes"),
        ("Is 7695 at least 81 × 95?", "Yes", "No"),
        ("Is 7696 at most 81 × 95?", "No", "Yes"),
        ("Is 20 × 85 smaller than 1699? Answer yes or no.", "No", "Yes, it is."),
    ]

    @Test("the sign of the difference decides, and equal sides are neither greater nor less", arguments: cases)
    func comparison(prompt: String, right: String, wrong: String) {
        #expect(verdict(prompt, right) == .correct, "\(right)")
        #expect(verdict(prompt, wrong) == .wrong, "\(wrong)")
    }

    /// Cut or garbled comparisons ask nothing; answers that say it both ways answer nothing.
    @Test("a comparison not read whole, or an answer said both ways, is no claim", arguments: [
        ("Is 5 greater than?", "Yes"), ("Is 5 greater than 3 plus?", "No"), ("Is 2 greater than 3?", "Yes, no wait, no."),
("Is 2 greater than 3?", "Yes, it is not."),
        ("True or false: 5 greater than 3.", "False"), ("Is 5 greater than 3 or 7?", "No"),
    ])
    func unread(prompt: String, response: String) {
        #expect(verdict(prompt, response) == .noClaims, "\(prompt) \(response)")
    }
}
