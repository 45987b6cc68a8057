
import Claims
import Testing
import Verifiers

/// One claim form at a time: what is found, and what is not.
@Suite("Claim forms")
struct ClaimFormTests {
    func audit(_ prompt: String, _ response: String) -> AuditResult {
        var auditor = ResponseAuditor()
        return auditor.audit(prompt: prompt, response: response)
    }

    @Test("the forum's answers", arguments: [
        ("Is 34792834 prime?", "Yes, 34792834 is prime.", RecordVerdict.wrong),
        ("Is 583835 a prime?", "No, 583835 is not a prime number. It is divisible by 5 and 116767.", .correct),
        ("What is cos(3532 radians)?", "cos(3532 radians) is approximately -0.9999999999999999", .wrong),
        ("What is cos(3532 radians)?", "cos(3532 radians) ≈ 0.66009029799722633", .correct),
        ("What is the prime factorization of 583835?", "The prime factorization of 583835 is 5 × 116767.", .wrong),
        ("What is the prime factorization of 583835?", "583835 = 5 × 7² × 2383", .correct),
    ])
    func forum(prompt: String, response: String, verdict: RecordVerdict) {
        #expect(audit(prompt, response).verdict == verdict)
    }

    /// Integers past the exact comparison that agree to 40 digits: a² + b² = (a + b)(a − b) with b² far below a²
    /// (CHAMP line 503) was found correct; residues modulo fixed primes tell the sides apart. Equal sides stay
    /// correct, and an equation with a function is not read this way.
    @Test("huge integer sides equal to 40 digits are told apart", arguments: [
        ("(385^{990})^2 + (18^{990})^2 = (385^{990} + 18^{990})(385^{990} - 18^{990})", Judgement.Verdict.wrong),
        ("(385^{990})^2 - (18^{990})^2 = (385^{990} + 18^{990})(385^{990} - 18^{990})", .correct),
        ("10^{100} + 1 = 10^{100} + 2", .wrong),
        ("2^{400} + 3^{10} = 3^{10} + 2^{400}", .correct),
    ])
    func hugeIntegerSides(text: String, verdict: Judgement.Verdict) {
        let result = audit("Compute.", text)
        #expect(result.claims.count == 1 && result.claims.first?.verdict == verdict,
            "\(result.claims.map { ($0.text, $0.verdict) })")
    }

    @Test("numbers with thousands separators", arguments: [
        "34,792,834 is prime.", "34 792 834 is prime.", "$34\\,792\\,834$ is prime.", "34{,}792{,}834 is prime.",
    ])
    func separators(response: String) {
        let result = audit("Is 34792834 prime?", response)
        #expect(result.verdict == .wrong)
        #expect(result.claims.first?.expected == "composite: 2 × 17396417")
    }

    @Test("not claims: questions, conditionals, plans, hedges", arguments: [
        "Is 91 prime?", "If 91 were prime, it would have no divisors.", "Suppose 91 is prime.",
        "Let's check whether 91 is prime.", "91 might be prime.", "91 is probably prime.",
        "To determine if 91 is a prime number, we test small divisors.",
    ])
    func notClaims(response: String) {
        #expect(audit("Is 91 prime?", response).verdict == .noClaims)
    }

    @Test("a self-contradicting answer: the opening [No] is wrong, the final sentence right, the record wrong")
    func contradiction() {
        let result = audit(
            "Is 17077 a prime number? Think step by step and then answer \"[Yes]\" or \"[No]\".",
            "[No]\n\nWe can see that it is not divisible by 3, 5, 7, 11, or 13.\n\nTherefore, 17077 is a prime number.")
        #expect(result.verdict == .wrong)
        #expect(result.answer?.text == "[No]")
        #expect(result.answer?.verdict == .wrong)
        #expect(result.claims.last?.verdict == .correct)
        #expect(result.claims.filter { $0.kind == .divisibility }.count == 5)
    }

    @Test("yes/no forms answer the question", arguments: [
        ("**No**", RecordVerdict.correct), ("\\boxed{\\text{No}}", .correct), ("Final answer: yes", .wrong),
        ("[Yes]", .wrong), ("It is not prime: 91 = 7 × 13.", .correct), ("It is prime.", .wrong),
        // A leading "Yes" whose own sentence answers "not prime" agrees with something else; in the next sentence
        // it is a contradiction, and wrong.
        ("Yes, 91 is divisible by 7, so it is not prime.", .correct), ("Yes. 91 is not prime.", .wrong),
        ("No, 91 is prime.", .wrong),
    ])
    func yesNo(response: String, verdict: RecordVerdict) {
        #expect(audit("Is 91 prime?", response).verdict == verdict)
    }

    /// Each listed number has its claim, from that number to the end of the statement. The wrong ones are from
    /// CHAMP answers (lines 231, 535, 586 of champ_number_theory.jsonl) and LLMDrift (line 151).
    @Test("statements about a list of numbers", arguments: [
        ("2, 3, and 5 are prime.", ["2, 3, and 5 are prime", "3, and 5 are prime", "5 are prime"],
            [Judgement.Verdict.correct, .correct, .correct]),
        ("Both 11 and 13 are primes.", ["11 and 13 are primes", "13 are primes"], [.correct, .correct]),
        ("4, 6 and 9 are composite.", ["4, 6 and 9 are composite", "6 and 9 are composite", "9 are composite"],
            [.correct, .correct, .correct]),
        ("$7$ and $15$ are both prime, so this is also a solution.", ["7$ and $15$ are both prime", "15$ are both prime"],
            [.correct, .wrong]),
        ("1 is a prime number, but 11 and 15 are not prime numbers.",
            ["1 is a prime number", "11 and 15 are not prime numbers", "15 are not prime numbers"], [.wrong, .wrong, .correct]),
        ("since 11,000 and 4,000 are both divisible by 1,001, we only need",
            ["11,000 and 4,000 are both divisible by 1,001", "4,000 are both divisible by 1,001"], [.wrong, .wrong]),
        ("12 and 18 are even.", ["12 and 18 are even", "18 are even"], [.correct, .correct]),
        // Not about each number: a collective denial, an object, a condition, a hedge.
        ("4 and 9 are not both prime.", [], []), ("4 and 9 are not all prime.", [], []),
        ("The numbers between 2 and 5 are 3 and 4.", [], []), ("The divisors of 12 and 18 are listed.", [], []),
        ("If 3 and 5 are prime, then 15 is odd.", [], []), ("3 and 5 might be prime.", [], []),
    ])
    func numberLists(response: String, texts: [String], verdicts: [Judgement.Verdict]) {
        let result = audit("Tell me about these numbers.", response)
        #expect(result.claims.map(\.text) == texts, "\(result.claims.map { ($0.text, $0.verdict) })")
        #expect(result.claims.map(\.verdict) == verdicts)
    }

    /// The wrong ones are from CHAMP (lines 189, 384) and LLMDrift (line 993).
    @Test("an expression as the subject", arguments: [
        ("2^31 - 1 is prime.", "2^31 - 1 is prime", Judgement.Verdict.correct),
        ("$2^{32} + 1$ is prime.", "2^{32} + 1$ is prime", .wrong), ("So x = 7 × 13 is composite.", "7 × 13 is composite", .correct),
        ("This means that \\(2^{16} - 1\\) is divisible by 641, and", "2^{16} - 1\\) is divisible by 641", .wrong),
        ("We know that $5^{50}+3\\cdot5^{50}+1$ is a multiple of 5", "5^{50}+3\\cdot5^{50}+1$ is a multiple of 5", .wrong),
        ("and 11 - 2 * 9 = -7. Since -7 is not divisible by 7, neither is 12923.", "-7 is not divisible by 7", .wrong),
    ])
    func expressionSubjects(response: String, text: String, verdict: Judgement.Verdict) {
        let claims = audit("Tell me about it.", response).claims.filter { $0.kind != .arithmetic }
        #expect(claims.map(\.text) == [text])
        #expect(claims.map(\.verdict) == [verdict])
    }

    /// CHAMP line 213: the subject is "every third power of 10", not 10^3.
    @Test("a number or an expression after a preposition is no subject", arguments: [
        "We notice that every third power of 10 after \\( 10^3 \\) is a multiple of 18.", "n + 1 is prime",
        "every number after 10 is a multiple of 5", "a prime greater than 2 is even", "Any number below 2 + 3 is prime.",
        "A number divisible by 4 and 6 is divisible by 12.", "Neither 2 nor 3 divides 91.", "Neither 4 nor 6 is prime.",
        "any integer multiplied by 3 is a multiple of 3",
    ])
    func objects(response: String) {
        #expect(audit("Tell me about it.", response).claims.isEmpty)
    }

    /// After a comma alone, or ", and", a number starts a clause (LLMDrift lines 105 and 518).
    @Test("a number after a clause's comma is a subject", arguments: [
        ("Since the result (-10) is divisible by 7, 3881 is also divisible by 7.", "3881 is also divisible by 7"),
        ("Since 870 is divisible by 13, 8741 is not a prime number.", "8741 is not a prime number"),
        ("91 is divisible by 7, and 91 is not prime.", "91 is not prime"),
    ])
    func clauseSubjects(response: String, text: String) {
        #expect(audit("Tell me about it.", response).claims.map(\.text).contains(text))
    }

    @Test("a whole number said to be rounded is judged as written", arguments: [
        ("7/2 = 3 (rounded down)", Judgement.Verdict.correct), ("7/2 = 4 (rounded)", .correct),
        ("7/2 = 2 (rounded down)", .wrong), ("In integer division, 7 / 2 = 3.", .correct),
        ("√17077 = 130 (rounded down)", .correct), ("7/2 = 3", .wrong),
        // "is an integer" claims the quotient is exact.
        ("Since 17077 / 7 = 2439 is an integer", .wrong), ("7 × 8 = 57 (rounded)", .wrong),
    ])
    func rounded(response: String, verdict: Judgement.Verdict) {
        #expect(audit("Work it out.", response).claims.first?.verdict == verdict)
    }

    /// Claims false as read but true in a reading the text names are unverified, with the reason; others stay wrong.
    /// (The floating-point one is LLMDrift's line 2516: 18705 ÷ 47 printed as a double.)
    @Test("another base, binary floating point, a time, a mixed number", arguments: [
        ("1 + 1 = 10 in binary", [Judgement.Verdict.unverified]), ("In base 2, 1 + 1 = 10.", [.unverified]),
        ("0.1 + 0.2 = 0.30000000000000004", [.unverified]), ("18705 ÷ 47 = 397.97872340425533", [.unverified]),
        ("0.1 + 0.2 = 0.30000000000000005", [.wrong]), ("12:00 - 3 = 9", []), ("The ratio 3:4 = 0.75", []),
        ("3 1/2 = 3.5", []), ("Step 3: 1786 + 25 = 1811", [.correct]),
    ])
    func otherReadings(response: String, verdicts: [Judgement.Verdict]) {
        let result = audit("Work it out.", response)
        #expect(result.claims.map(\.verdict) == verdicts, "\(result.claims.map { ($0.text, $0.reason ?? "") })")
    }

    @Test("divisibility forms", arguments: [
        ("91 is divisible by 7 and 13.", RecordVerdict.correct), ("7 divides 91.", .correct),
        ("7 does not divide 91.", .wrong), ("91 is a multiple of 13.", .correct), ("91 is even.", .wrong),
        ("91 is not divisible by 2, 3, or 5.", .correct), ("91 is not divisible by 3, 5, 7, 11, or 13.", .wrong),
        ("91 ÷ 7 = 13", .correct), ("100 ÷ 7 = 14 remainder 2", .correct), ("100 ÷ 7 = 14 remainder 3", .wrong),
    ])
    func divisibility(response: String, verdict: RecordVerdict) {
        #expect(audit("Tell me about 91.", response).verdict == verdict)
    }

    @Test("function values by the stated-precision rule, units from the claim or the question", arguments: [
        ("What is sin(30°)?", "sin(30°) = 1/2", RecordVerdict.correct),
        ("What is sin(30)?", "sin(30) = 1/2", .wrong),
        ("What is sin 30 in degrees?", "sin(30) = 0.5", .correct),
        ("What is tan(π/4)?", "$\\tan(\\pi/4) = 1$", .correct),
        ("What is cos(2π/3)?", "cos(2π/3) = −1/2", .correct),
        ("What is sin(60°)?", "sin(60°) = √3/2", .correct),
        ("What is sin(12)?", "$\\sin(12) \\approx -0.54$", .correct),
        ("What is sin(10^10)?", "sin(10^10) ≈ -0.4875", .correct),
        ("What is the cosine of 3532 radians?", "The cosine of 3532 radians is approximately 0.66.", .correct),
        ("What is the sine of -0.413 radians? Give answer rounded to one decimal places.", "-0.4", .correct),
        ("What is the sine of -0.413 radians? Give answer rounded to one decimal places.", "-0.5", .wrong),
        // An angle stated in degrees is compared in degrees.
        ("What is arcsin(1/2)?", "arcsin(1/2) = 30°", .correct), ("What is arctan(1)?", "arctan(1) = 45°", .correct),
        ("What is arctan(1)?", "arctan(1) = 46°", .wrong), ("What is arccos(0)?", "arccos(0) = 90 degrees", .correct),
        ("What is the arcsine of 0.5?", "The arcsine of 0.5 is 30°.", .correct),
        ("What is the arcsine of 0.5?", "The arcsine of 0.5 is 31 degrees.", .wrong),
        ("What is the arcsine of 0.5?", "The arcsine of 0.5 is 0.5236 radians.", .correct),
        ("What is 2 arcsin(0.5)?", "2 arcsin(0.5) = 60°", .correct),
    ])
    func functions(prompt: String, response: String, verdict: RecordVerdict) {
        let result = audit(prompt, response)
        #expect(result.verdict == verdict, "\(result.claims.map { ($0.text, $0.verdict, $0.expected ?? "") })")
    }

    /// Each text is a computation one step a line, as models write it (the last two from CHAMP answers); each pair
    /// is the claims' texts and verdicts, in order.
    @Test("a computation written one step a line is one chain", arguments: [
        ("We compute:\n\n3 * 4 + 5\n= 12 + 5\n= 18", [("3 * 4 + 5\n= 12 + 5", Judgement.Verdict.correct),
            ("12 + 5\n= 18", .wrong)]),
        ("S = 3 * 4 + 5\n  = 12 + 5\n  = 17", [("3 * 4 + 5\n  = 12 + 5", .correct), ("12 + 5\n  = 17", .correct)]),
        ("$$\n\\begin{aligned}\nS &= 3 \\cdot 4 + 5 \\\\\n&= 12 + 5 \\\\\n&= 18\n\\end{aligned}\n$$",
            [("3 \\cdot 4 + 5 \\\\\n&= 12 + 5", .correct), ("12 + 5 \\\\\n&= 18", .wrong)]),
        ("= (77 + 87 - 6561 - 1) mod 323\n= -6398 mod 323\n= -154",
            [("(77 + 87 - 6561 - 1) mod 323\n= -6398", .correct), ("-6398 mod 323\n= -154", .wrong)]),
        ("\\begin{align*}\n3^{105} + 4^{105} &\\equiv (3^5)^{21} + (4^5)^{21} \\\\\n&\\equiv 2 \\\\\n&\\equiv 1 \\pmod{11}.",
            [("3^{105} + 4^{105} &\\equiv (3^5)^{21} + (4^5)^{21}", .correct),
                ("(3^5)^{21} + (4^5)^{21} \\\\\n&\\equiv 2", .correct), ("2 \\\\\n&\\equiv 1 \\pmod{11}", .wrong)]),
        // A heading underlined with equals signs goes on with nothing.
        ("Step 2\n======\n7 is odd.", [("7 is odd", .correct)]),
    ])
    func chainOverLines(response: String, claims: [(String, Judgement.Verdict)]) {
        let result = audit("Work it out.", response)
        #expect(result.claims.map(\.text) == claims.map(\.0), "\(result.claims.map { ($0.text, $0.verdict) })")
        #expect(result.claims.map(\.verdict) == claims.map(\.1))
    }

    /// A LaTeX command the scanner does not read is no markup to drop: without it, "\\binom{6}{2} = 15" read as the
    /// product 6 × 2 and "\\phi(12) = 4" as the lone bracket (12), both flagged wrong.
    @Test("LaTeX operators the scanner does not read make no claim", arguments: [
        "$\\binom{6}{2} = 15$", "$\\dbinom{10}{3} = 120$", "$\\lfloor 7/2 \\rfloor = 3$", "$\\lceil 7/2 \\rceil = 4$",
        "$\\phi(12) = 4$", "$\\sigma(6) = 12$", "$0.\\overline{3} = 1/3$", "$\\overline{25} \\times 4 = 100$",
        "φ(12) = 4", "$\\gcd(12, 18) = 6$",
        // CHAMP line 221: without the floors, 5 + 2.5 + 1.25 ≠ 5 + 2 + 1.
        "\\left\\lfloor \\frac{10}{2} \\right\\rfloor + \\left\\lfloor \\frac{10}{4} \\right\\rfloor + \\left\\lfloor \\frac{10}{8} \\right\\rfloor = 5 + 2 + 1",
    ])
    func unreadLaTeX(response: String) {
        let result = audit("Work it out.", response)
        #expect(result.claims.isEmpty, "\(result.claims.map { ($0.text, $0.verdict) })")
    }

    @Test("markup is dropped and connectives end a clause", arguments: [
        ("$\\therefore 7 \\times 13 = 91$", "7 \\times 13 = 91"), ("$\\implies 7 \\times 13 = 91$", "7 \\times 13 = 91"),
        ("$\\left( 3 + 4 \\right) \\times 2 = 14$", "( 3 + 4 \\right) \\times 2 = 14"),
        ("$\\text{so } \\displaystyle \\frac{6}{3} = 2$", "\\frac{6}{3} = 2"),
    ])
    func markup(response: String, text: String) {
        let result = audit("Work it out.", response)
        #expect(result.claims.map(\.text) == [text])
        #expect(result.claims.map(\.verdict) == [.correct])
    }

    @Test("a negated power is wrong only when both readings are", arguments: [
        ("$-1^{2} = 1$", Judgement.Verdict.unverified), ("-3^2 = -9", .correct), ("-3^2 = 9", .unverified),
        ("-3^2 = 8", .wrong), ("-2^3 = -8", .correct),
    ])
    func negatedPower(response: String, verdict: Judgement.Verdict) {
        #expect(audit("Work it out.", response).claims.map(\.verdict) == [verdict])
    }

    @Test("spans are Unicode scalar offsets into the response")
    func spans() throws {
        let response = "Über π: 7 × 13 = 91."
        let result = audit("", response)
        let claim = try #require(result.claims.first)
        let scalars = Array(response.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[claim.span])) == "7 × 13 = 91")
        #expect(claim.text == "7 × 13 = 91")
    }
}
