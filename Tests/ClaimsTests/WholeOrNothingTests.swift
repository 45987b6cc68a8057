import Claims
import Testing
import Verifiers

/// Whole or nothing: a question's target is its whole expression or nothing, and a claim in an answer covers the
/// whole expression it was read from or is no claim. A correct answer flagged wrong is the worst error the tool can
/// make, and reading half of an expression is how it used to make it.
@Suite("Whole or nothing")
struct WholeOrNothingTests {
    func audit(_ prompt: String, _ response: String) -> AuditResult {
        var auditor = ResponseAuditor()
        return auditor.audit(prompt: prompt, response: response)
    }

    /// The cases of the issue: every answer is correct.
    static let issueCases: [(String, String)] = [
        ("What is -3.5 plus 2?", "-1.5"), ("What is -8 times -2?", "16"),
        ("What is the absolute value of -12.5?", "12.5"), ("What is the result of dividing 1 by -8?", "-0.125"),
        ("What is the base-2 logarithm of 64?", "6"), ("What is sin 30 degrees?", "$\\sin 30^\\circ = 0.5$"),
        ("How many?", "That is 12 apples * 1/3 = 4 apples."), ("How much per week?", "She pays .75*8 = $6 a week."),
        ("What is the tip?", "The tip is 20% * $300 = $60."), ("How heavy?", "The total is 125 x 8 = 1 000 grams."),
        ("How much?", "The rent is $12 x (6 x 2) = $12 x 12 = $144."),
        ("How many?", "He has 90 marbles - 25 = 65 marbles left."),
        ("How much?", "Together: 2 * $40 - $15 = $80 - $15 = $65."),
    ]

    @Test("no correct answer of the issue is flagged wrong", arguments: issueCases)
    func issue(prompt: String, response: String) {
        let result = audit(prompt, response)
        #expect(result.verdict != .wrong, "\(result.claims.map { ($0.text, $0.verdict) })")
    }

    /// Questions read whole, with a correct and a wrong bare answer each.
    static let questions: [(String, String, String)] = [
        ("What is -3.5 plus 2?", "-1.5", "-3.5"),
        ("What is -8 times -2?", "**16**", "-8"),
        ("What is the absolute value of -12.5?", "The answer is 12.5.", "-12.5"),
        ("What is the result of dividing 1 by -8?", "-0.125", "-8"),
        ("What is the base-2 logarithm of 64?", "6", "-2"),
        ("Add 886 to -941,277.", "-940391", "-940390"),
        ("Subtract 4 from 10.", "6", "-6"),
        ("What is the sum of 3, 4 and 5?", "12", "13"),
        ("What is the mean of 2, 4 and 9?", "5", "15"),
        ("What is 20% of 80?", "16", "20"),
        ("What is 15 percent of 200?", "30", "15"),
        ("What is 5 less than 3?", "-2", "2"),
        ("What is 2 to the power of 10?", "1024", "20"),
        ("What is 7 squared?", "49", "14"),
        ("What is the square root of 144?", "12", "144"),
        ("What is the cube root of 27?", "3", "9"),
        ("What is the sine of 3π/2?", "-1", "1"),
        ("What is e raised to the power 0?", "1", "0"),
        ("What is the arc sine of 1? Give the answer in degrees.", "90", "1"),
        ("What is 1 divided by 3, rounded to 2 decimal places?", "0.33", "0.3"),
        ("What is 2 over 8?", "$\\boxed{\\frac{1}{4}}$", "$\\boxed{\\frac{1}{2}}$"),
        ("What is 10 divided by 8, to the nearest whole number?", "1", "2"),
    ]

    @Test("a question read whole judges a bare answer against its whole value", arguments: questions)
    func wholeQuestion(prompt: String, right: String, wrong: String) {
        #expect(audit(prompt, right).verdict == .correct, "\(audit(prompt, right).claims.map { ($0.text, $0.verdict) })")
        #expect(audit(prompt, wrong).verdict == .wrong, "\(audit(prompt, wrong).claims.map { ($0.text, $0.verdict) })")
    }

    /// Questions whose expression goes on in something the reader does not compute: no target, so a bare number
    /// answers nothing the reader knows (it is never judged against a piece of the question).
    static let unread: [String] = [
        "What is 7 mod?", "What is 12!! ?", "What is the gcd of 12?", "What is 5 plus the remainder of 9?",
        "What is the remainder when 100 is divided by?", "What is 63.95 ÷ 4/5?", "What is 3 to the power of?",
        "What is -7 mod 3?", "What is the gcd of 12 and 18 and 5?", "What is 7 mod 3 plus 2?",
        "Evaluate (-19)**.", "What is the value of -35.7 *?",
        "What is the square root of 16 plus 9?", "Solve for x: 4x + 17 = -15.", "What is log of 100?",
        "What is 5 in base 2?", "Compute 5 × (5^2)^2 modulo 11.",
    ]

    @Test("a question not read whole asks for no value", arguments: unread)
    func unreadQuestion(prompt: String) {
        for answer in ["1", "-8", "0.5", "101"] {
            let result = audit(prompt, answer)
            #expect(result.verdict != .wrong, "\(answer): \(result.claims.map { ($0.text, $0.verdict) })")
        }
    }

    /// Ways an equation can be cut out of a longer expression (each makes the part read false while the whole
    /// line is true), and the true line they are cut from: `{a}`, `{b}`, `{c}` are filled with numbers.
    static let cuts: [(String, @Sendable (Int, Int, Int) -> String)] = [
        ("a leading-dot decimal", { a, b, _ in "She pays .\(a)*\(b) = $\(Double(a) / 100 * Double(b)) a week." }),
        ("a dropped *", { a, b, _ in "That is \(a * b) apples * 1/\(b) = \(a) apples." }),
        ("a noun before an operator", { a, b, _ in "He has \(a + b) marbles - \(b) = \(a) marbles left." }),
        ("a percent", { a, b, _ in "The tip is \(a)% * $\(b * 100) = $\(a * b)." }),
        ("spaced thousands", { a, _, _ in "The total is \(a * 125) x 8 = \(a) 000 grams." }),
        ("currency after a dropped *", { a, b, c in "Together: \(c) * $\(a) - $\(b) = $\(c * a) - $\(b) = $\(c * a - b)." }),
        ("x before a bracket", { a, b, c in "The rent is $\(a) x (\(b) x \(c)) = $\(a) x \(b * c) = $\(a * b * c)." }),
        ("a number before an operator", { a, b, c in "So \(c) \(a) + \(b) = \(a + b)" }),
        ("an operator word after", { a, b, c in "We get \(a) + \(b) = \(a + b) times \(c) apples" }),
        ("a factorial after", { a, b, _ in "\(a) + \(b) = \(a + b)! ways" }),
        ("a power after", { a, b, _ in "\(a) + \(b) = \(a + b)^2 / \(a + b)" }),
        ("an operator word before", { a, b, c in "\(c) times \(a) + \(b) = \(c * a + b)" }),
        ("a name against a bracket", { a, b, _ in "f(\(a)) = \(a + b)" }),
    ]

    @Test("over generated lines, no equation cut out of a longer expression is flagged wrong")
    func generatedCuts() {
        var random = SplitMix64(seed: 7)
        var lines = 0
        for (name, make) in Self.cuts {
            for _ in 0..<40 {
                let a = Int(random.next() % 90) + 11
                let b = Int(random.next() % 8) + 2
                let c = Int(random.next() % 8) + 2
                let line = make(a, b, c)
                let result = audit("How much?", line)
                lines += 1
                let wrong = result.claims.filter { $0.verdict == .wrong }.map(\.text)
                #expect(wrong.isEmpty, "\(name): \(line) → \(wrong)")
            }
        }
        #expect(lines == Self.cuts.count * 40)
    }

    @Test("a whole equation is still read and judged", arguments: [
        ("19 × 94 = 1786", Judgement.Verdict.correct), ("19 × 94 = 1787", .wrong),
        ("So 125 x 8 = 1000 grams.", .correct), ("So 125 x 8 = 1001 grams.", .wrong),
        ("The rent is 12 x 12 = 144.", .correct), ("We get 2 + 2 = 5, so", .wrong),
        ("$\\sin 30^\\circ = 0.5$", .correct), ("$\\sin 30^\\circ = 0.6$", .wrong),
        // A "*" before a signed operand is a times sign (it was dropped as emphasis, and "138 - 35" judged).
        ("138 * -35 ≈ -4830", .correct), ("138 * -35 = -4831", .wrong), ("2 * -(3 + 4) = -14", .correct),
    ])
    func wholeEquations(line: String, verdict: Judgement.Verdict) {
        let result = audit("How much?", line)
        #expect(result.claims.count == 1 && result.claims.first?.verdict == verdict,
            "\(result.claims.map { ($0.text, $0.verdict) })")
    }

    /// A statement in words that is itself an operand: judging it would judge half of what was said ("the sine of
    /// the sine of 2 is 3" was flagged as sin(2) = 3, "twice the square root of 16 is 8" found correct as √16 = 8).
    @Test("a phrase in words that is an operand of a larger one is no claim", arguments: [
        "The sine of the sine of 2 is 3.", "The square root of the square root of 16 is 4.",
        "Twice the square root of 16 is 4.", "Half of the square root of 16 is 4.",
        "The log of the square root of 16 is 2.", "2 + the square root of 16 is 4.",
        "The sum of 2 and the square root of 16 is 4.", "Adding 2 to the square root of 16 is 4.",
        "Subtracting 1 from the square root of 16 is 4.", "2 more than the square root of 16 is 4.",
        "The sine of the sine of " + String(repeating: "the sine of ", count: 100) + "2 is 3.",
    ])
    func operandPhrases(response: String) {
        let result = audit("Compute.", response)
        #expect(result.claims.isEmpty, "\(result.claims.map { ($0.text, $0.verdict) })")
    }

    /// The same phrases standing alone, or after words that only place them, are still claims.
    @Test("a phrase in words that starts a clause is judged", arguments: [
        ("The square root of 16 is 4.", Judgement.Verdict.correct), ("The square root of 16 is 5.", .wrong),
        ("- The square root of 1543 is approximately 39.27.", .wrong),
        ("We check primes less than the square root of 14639 (which is approximately 121).", .correct),
        ("Divide by every integer from 2 to the square root of 3373 (which is approximately 58).", .correct),
        // ", which is": LLMDrift's "up to the square root of 4927, which is approximately 70.24" (√4927 = 70.19…)
        // was read as no claim, so its step was labelled true (the step review, Tests/StepReview/REVIEW.md).
        ("Continue checking divisibility by numbers up to the square root of 4927, which is approximately 70.24.",
         .wrong),
        ("2. Find the square root of 15647, which is approximately 125.02.", .wrong),
        ("Find the square root of 15647, which is approximately 125.09.", .correct),
        ("We only need primes up to the square root of 4927, which is about 70.", .correct),
        ("The square of 3 is 9, and the square root of 16 is 4.", .correct),
    ])
    func clausePhrases(response: String, verdict: Judgement.Verdict) {
        let result = audit("Compute.", response)
        #expect(result.claims.last?.verdict == verdict, "\(result.claims.map { ($0.text, $0.verdict) })")
    }
}
