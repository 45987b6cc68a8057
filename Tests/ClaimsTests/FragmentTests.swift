import Foundation
import Claims
import Testing
import Verifiers

/// Pieces of formulas the scanner cannot read whole are no claims: a modulus, a side cut off by a letter or a
/// bracket, two lone numbers, a candidate the answer itself rejects. Each text is from a real answer in the shared
/// CHAMP or LLMDrift corpora, where every one of them used to be flagged wrong.
@Suite("Fragments of formulas")
struct FragmentTests {
    func audit(_ prompt: String, _ response: String) -> AuditResult {
        var auditor = ResponseAuditor()
        return auditor.audit(prompt: prompt, response: response)
    }

    static let champPrompt = "Solve the following problem. Let n be 22...22, with a total of 1980 digits. What is n mod 1982?"

    static let llmdriftPrompt = "Is 13400 a prime number? Think step by step and then answer \"[Yes]\" or \"[No]\"."

    /// Texts that make no claim flagged wrong: pieces of formulas, numbers that are not subjects (CHAMP), and
    /// hedged, conditional and taken-back statements (LLMDrift).
    static let fragments: [String] = [
        // A modulus is not a left side, nor a right side: "3 = 2", "30 = 19", "17 = 110" were read here.
        "Case 4: x mod 3 = 2, (2x+1) mod 3 = 0, (4x+1) mod 3 = 2",
        "(4x+1) mod 3 = (12a+8+1) mod 3 = (12a+9) mod 3 = 0 mod 3 = 0",
        "4489 mod 30 = 19",
        "\\[ 10^{39} \\mod 17 = (10^{38} \\cdot 10) \\mod 17 = (9 \\cdot 10) \\mod 17 = 90 \\mod 17 = 5 \\]",
        "So, 3^105 + 4^105 mod 7 = 6 + 1 mod 7 = 0 mod 7.",
        "0^2 = 0 (mod 5)\n2^2 = 4 (mod 5)\n3^2 = 4 (mod 5)",
        // CHAMP line 402: a result the next sentence rejects.
        "Therefore, we have:\n\n-1 = 0\n\nThis is not a valid solution, so we need to reconsider our approach.",
        "When $15n$ is 6 modulo 9, then $15n-3$ is 3 modulo 9.",
        // A side written against a letter, a bracket or a factorial goes on past what was read.
        "\\[ 325 = 10c - 5 \\]",
        "12(n+m) mod 24 = 12(n+m) mod 24",
        "Since 120 = 5! (5 factorial), we know that n ≡ 0, 1, 2, 3, or 4",
        "In this case, we have $2^3+1=3^y$, which implies that $y=2$.",
        "For u = 1, (1 + 5)^5 = 1^5 + C(5, 1)1^4(5) + C(5, 2)1^3(5^2)",
        "= 2^5 + C(5, 1)2^4(5) + C(5, 4)2(5^4) + 5^5 = 32 + 5(80)",
        "Case 1: All factors are 1\nx + 1 = 1, x - 1 = 1, y + 1 = 1, y - 1 = 1",
        // Two lone numbers state no computation; a relation the answer denies is a candidate being tested.
        "The product of each combination is:\n\n918273456 = 536870912",
        "10A = 56B\n\n50 = 504, which is not true.",
        "so the equation becomes:\n1 - 1 ≡ 2 (mod 3)\nAgain, this is not possible since",
        "b = 2, c = 3, d = 4:\n\n3999 + 390(2) + 60(3) - 996(4) = 0\n3999 + 780 + 180 - 3984 = 0\n3999 + 960 - 3984 = 0\n4959 - 3984 = 0\n974 = 0\n\nSince 974 is not equal to 0, this combination does not satisfy the equation.",
        "Now, we need to find all the values of $n$ such that $20 \\equiv 0 \\pmod{323}$.",
        "   - 8396 is not divisible by 47 (839 - 2x4 - 6 = 825, which is not divisible by 47).",
        "(x - 1)(x + 1) = 3, which is false.",
        "Finally, for A = 9 and B = 16, we get:\n\n10A = 56B\n\n10*9 = 56*16\n\n90 = 896, which is not true. \n\nSo, we",
        "\\(62^3 - 1^3 = 62 \\cdot 1 + 61\\)\n\n\\(238328 - 1 = 62 + 61\\)\n\n\\(238327 \\neq 123\\)\n\nClearly, the equation does not hold.",
        // Digit sums written as if equal to the number.
        "1977 = 1 + 9 + 7 + 7 = 24",
        // Divisibility with an operand that is part of an expression.
        "such that 1971 divides 50^n + 23^n*a for odd n is 611.",
        "However, n+2 does not divide 2 because 2 is less than n+2.",
        "it is a factor of $10^{3922} + 1$, which is not prime",
        "since \\( 65 \\times 5 = 325 \\), and \\( 325 \\) is a multiple of 10 minus 5).",
        // "when N is divided by d" names a division, it does not say d divides N.
        "The remainder when 40 is divided by 120 is 40.",
    ]
    static let notSubjects: [String] = [
        "Since a prime number greater than 2 is odd, the sum must be odd.",
        "and 2 more than a multiple of 5 is never a multiple of 5.",
        "Since the digit sum of 1977 is divisible by 3 but not by 9, it cannot be a square.",
        "n = 22...22 = 2 * (10^1980 - 1)/9",
        "$$5^{125}-1=(5^25)^5-1=(5^25-1)(5^25+1)(5^25+5)\\cdots(5^25+254)$$",
    ]
    static let hedges: [String] = [
        "However, this does not necessarily mean that it is a prime number.",
        "Therefore, 13400 is not divisible by 3, but we cannot conclude that it is a prime number.",
        "However, this is not enough to prove that it is a prime number.",
        "We cannot definitively determine if 13400 is a prime number. However, it is highly likely that 13400 is a prime number.",
        "Therefore, the answer is \"[Yes]\" if 13400 is a prime number or \"[No]\" if it is not.",
        "Hence, the answer is [Yes] is incorrect. The correct answer is [No].",
        "However, as an AI language model, I cannot say. [Yes] or [No] are not appropriate answers for this question.",
        "Since 13400 is not divisible by any odd number up to its square root, it is a prime number. \n- However, this is not the case for 13400, as it is even.",
        "Since the question asks if 13400 is prime and the answer is [Yes], this is incorrect.",
        "10. Divide 1675 by 5 to get 335. \n11. Check if 335 is divisible by 2. No, it is not divisible by 2.",
    ]

    @Test(
        "no claim is flagged wrong in a fragment, a number that is no subject, a hedge or a taken-back answer",
        arguments: fragments.map { (champPrompt, $0) } + notSubjects.map { (champPrompt, $0) }
            + hedges.map { (llmdriftPrompt, $0) })
    func noWrongClaims(prompt: String, response: String) {
        let wrong = audit(prompt, response).claims.filter { $0.verdict == .wrong }.map(\.text)
        #expect(wrong.isEmpty, "\(wrong)")
    }

    @Test("an answer withdrawn later is no claim; a step said to be mistaken keeps the answer", arguments: [
        ("[Yes]\n\n13400 is even. However, as an AI language model, I must correct my previous answer. 13400 is actually not a prime number.", false),
        ("[Yes]\n\nIt is odd. I apologize for my previous answer. The correct answer is [No].", false),
        ("[Yes]\n\nSorry, I made a mistake. The correct answer is [No].", false),
        ("[Yes]\n\n8. However, we made a mistake in step 7. We missed the prime number 67.", true),
    ])
    func withdrawn(response: String, firstIsClaim: Bool) {
        let result = audit(Self.llmdriftPrompt, response)
        #expect(result.claims.contains { $0.text == "[Yes]" && $0.verdict == .wrong } == firstIsClaim)
        // The answer-only path finds the same answer as the full audit.
        var auditor = ResponseAuditor()
        #expect(auditor.auditAnswer(prompt: Self.llmdriftPrompt, response: response).answer?.text == result.answer?.text)
    }

    @Test("an integer quotient said not to be exact is a division with a remainder", arguments: [
        ("Divide 17077 by 13: 17077 ÷ 13 = 1313 (not divisible)", Judgement.Verdict.correct),
        ("1831 ÷ 13 = 141 (not a whole number).", .correct),  // 140.8, rounded
        ("2270 ÷ 3 = 756 R2 \n\nIt is not divisible by 3.", .correct),
        ("3747 ÷ 3 = 1249 (not divisible)", .wrong),  // it is exact: 3 divides 3747
        ("1831 ÷ 13 = 139 (not a whole number).", .wrong),
    ])
    func inexactQuotient(response: String, verdict: Judgement.Verdict) {
        let result = audit(Self.champPrompt, response)
        #expect(result.claims.first?.kind == .divisibility)
        #expect(result.claims.first?.verdict == verdict)
    }

    /// The words that say the division is not exact are part of the claim: without them "3747 ÷ 3 = 1249" is true.
    @Test("a quotient said not to be exact carries those words in its text")
    func inexactQuotientText() {
        let texts = [
            "3747 ÷ 3 = 1249 (not divisible)", "1831 ÷ 13 = 139 (not a whole number)", "2270 ÷ 3 = 756 R2",
            "17077 / 13 = 1313, which is not an integer",
        ]
        for text in texts {
            #expect(audit(Self.champPrompt, text + ". Next.").claims.first?.text == text)
        }
    }

    @Test("an answer kept while a step is taken back is still the answer")
    func answerKept() {
        let result = audit(Self.llmdriftPrompt, "8. Therefore, 13400 is a prime number.\n\n9. Answer: [No] (Step 8 is incorrect).")
        #expect(result.answer?.text == "[No]")
        #expect(result.answer?.verdict == .correct)
    }

    @Test("a pronoun means the question's number only when the question is about that number")
    func pronouns() {
        let prompt =
            "Let x be 1000...0001, with a total of 1961 zeros in the middle. Is x a prime number?"
        let response = "Since the last digit of x is 1, it is not divisible by 2. This number is clearly odd."
        #expect(audit(prompt, response).claims.isEmpty)
        // "Is 17077 prime?" is about 17077: there "it" is 17077.
        let asked = audit("Is 17077 a prime number?", "17077 is odd, so it is not divisible by 2.")
        #expect(asked.claims.map(\.verdict) == [.correct, .correct])
        // CHAMP line 219: "the factor 2" is no number the question is about; "Factor 583835" is.
        let factor = audit(
            "How often does the factor 2 occur in the product P(n)=(n+1)(n+2)...(2n), as an expression of n?",
            "For example, every fourth term is divisible by 2 twice (because it's divisible by 4).")
        #expect(factor.claims.isEmpty)
        #expect(audit("Factor 583835 completely.", "It is divisible by 5.").claims.map(\.verdict) == [.correct])
    }

    @Test("the checkable steps around a fragment are still checked")
    func stepsAround() {
        // The sum is wrong (1 + 25 + 250 + 1250 + 3125 = 4651); the congruence after it is not read.
        let sum = audit(Self.champPrompt, "= 1 + 25 + 250 + 1250 + 3125 = 5651 ≡ 1 (mod 25).")
        #expect(sum.claims.map(\.text) == ["1 + 25 + 250 + 1250 + 3125 = 5651", "5651 ≡ 1 (mod 25)"])
        #expect(sum.claims.map(\.verdict) == [.wrong, .correct])
        // The digit sum itself is checked.
        let digits = audit(Self.champPrompt, "1977 = 1 + 9 + 7 + 7 = 24")
        #expect(digits.claims.map(\.text) == ["1 + 9 + 7 + 7 = 24"])
        #expect(digits.verdict == .correct)
    }

    @Test("remainders and congruences are checked exactly, however large the power", arguments: [
        ("4489 mod 30 = 19", "4489 mod 30 = 19", Judgement.Verdict.correct, "≡ 19 (mod 30)"),
        ("So 1206 mod 641 = 525.", "1206 mod 641 = 525", .wrong, "≡ 565 (mod 641)"),
        ("17: 7927 % 17 = 16, so it is not divisible by 17.", "7927 % 17 = 16", .wrong, "≡ 5 (mod 17)"),
        ("\\[ 10^{20} \\mod 17 = 4 \\]", "10^{20} \\mod 17 = 4", .correct, "≡ 4 (mod 17)"),
        ("We know 4^105 mod 11 = 1.", "4^105 mod 11 = 1", .correct, "≡ 1 (mod 11)"),
        ("-800 mod 73 = 3", "-800 mod 73 = 3", .correct, "≡ 3 (mod 73)"),
        ("(4 + 6 - 1) mod 9 = 0", "(4 + 6 - 1) mod 9 = 0", .correct, "≡ 0 (mod 9)"),
        ("so 5651 ≡ 1 (mod 25).", "5651 ≡ 1 (mod 25)", .correct, "≡ 1 (mod 25)"),
        ("$23 \\equiv 1 \\pmod{73}$", "23 \\equiv 1 \\pmod{73}", .wrong, "≡ 23 (mod 73)"),
        ("1978^15 ≡ 624 (mod 1000)", "1978^15 ≡ 624 (mod 1000)", .wrong, "≡ 32 (mod 1000)"),
        ("4^2 = 2 (mod 5)", "4^2 = 2 (mod 5)", .wrong, "≡ 1 (mod 5)"),
        ("a ≡ -243 ≡ 39 (mod 47)", "-243 ≡ 39 (mod 47)", .correct, "≡ 39 (mod 47)"),
    ])
    func residues(response: String, text: String, verdict: Judgement.Verdict, expected: String) {
        let result = audit(Self.champPrompt, response)
        #expect(result.claims.map(\.text) == [text])
        #expect(result.claims.first?.verdict == verdict)
        #expect(result.claims.first?.expected == expected)
    }

    @Test("in a chain of remainders a right side followed by mod is read as a congruence")
    func residueChain() {
        // 2^23 ≡ 482 (mod 641), 603 × 2 ≡ 565: the first link is wrong too.
        let result = audit(Self.champPrompt, "2^23 mod 641 = (603 * 2) mod 641 = 1206 mod 641 = 525")
        #expect(
            result.claims.map(\.text) == [
                "2^23 mod 641 = (603 * 2) mod 641", "(603 * 2) mod 641 = 1206", "1206 mod 641 = 525",
            ])
        #expect(result.claims.map(\.verdict) == [.wrong, .correct, .wrong])
        #expect(result.claims.first?.expected == "≡ 482 (mod 641)")
        // Other moduli on the two sides are not read as one congruence.
        #expect(audit(Self.champPrompt, "2^23 mod 641 = (603 * 2) mod 643").claims.isEmpty)
        // LaTeX's \\mod alike (CHAMP line 406: 10^38 ≡ 9, not 11, modulo 17).
        let latex = audit(
            Self.champPrompt, "\\[ 10^{39} \\mod 17 = (10^{38} \\cdot 10) \\mod 17 = (11 \\cdot 10) \\mod 17 = 110 \\mod 17 = 8 \\]")
        #expect(
            latex.claims.map(\.text) == [
                "10^{39} \\mod 17 = (10^{38} \\cdot 10) \\mod 17", "(10^{38} \\cdot 10) \\mod 17 = (11 \\cdot 10) \\mod 17",
                "(11 \\cdot 10) \\mod 17 = 110", "110 \\mod 17 = 8",
            ])
        #expect(latex.claims.map(\.verdict) == [.correct, .wrong, .correct, .correct])
    }

    @Test("a chain that ends in a modulus works modulo it throughout", arguments: [
        ("Therefore, 3^105 = (3^3)^35 = 1^35 = 1 mod 13.", ["1^35 = 1 mod 13"], [Judgement.Verdict.correct]),
        ("So 3^8 ≡ 18 ≡ 4 (mod 7).", ["3^8 ≡ 18", "18 ≡ 4 (mod 7)"], [.wrong, .correct]),
        ("a ≡ -3^5 ≡ -243 ≡ 39 (mod 47)", ["-3^5 ≡ -243", "-243 ≡ 39 (mod 47)"], [.correct, .correct]),
        ("We know that 1^2 = 1 and 2^2 = 4 = 1 (mod 3).", ["2^2 = 4", "4 = 1 (mod 3)"], [.correct, .correct]),
    ])
    func moduloChains(response: String, texts: [String], verdicts: [Judgement.Verdict]) {
        let claims = audit(Self.champPrompt, response).claims.filter { $0.kind == .arithmetic }
        #expect(claims.map(\.text) == texts)
        #expect(claims.map(\.verdict) == verdicts)
    }

    @Test("congruences between expressions are checked link by link, each side reduced modulo m", arguments: [
        // Real CHAMP answers (lines 170, 175, 504 of champ_number_theory.jsonl): 4^26 = 2^52 ≡ 2, 2^26 ≡ 4.
        (
            "3^104 ≡ (3^2)^52 ≡ 9^52 ≡ 2^52 ≡ 4^26 ≡ 2^26 ≡ 4 (mod 7)",
            ["3^104 ≡ (3^2)^52", "(3^2)^52 ≡ 9^52", "9^52 ≡ 2^52", "2^52 ≡ 4^26", "4^26 ≡ 2^26", "2^26 ≡ 4 (mod 7)"],
            [Judgement.Verdict.correct, .correct, .correct, .correct, .wrong, .correct]
        ),
        // 3^6 · 3^104 is 3^110, not 3^105.
        (
            "\\[ 3^{105} + 4^{105} \\equiv 3^{6} \\cdot 3^{104} + 4^{6} \\cdot 4^{104} \\pmod{7} \\]",
            ["3^{105} + 4^{105} \\equiv 3^{6} \\cdot 3^{104} + 4^{6} \\cdot 4^{104} \\pmod{7}"], [.wrong]
        ),
        ("so 3^100 ≡ 3^4 (mod 7).", ["3^100 ≡ 3^4 (mod 7)"], [.correct]),
        ("and 10^{1980} \\equiv (10^3)^{660} \\mod 1982", ["10^{1980} \\equiv (10^3)^{660} \\mod 1982"], [.correct]),
        // −5^{1980} is −(5^1980) as written, but meant as (−5)^1980 after "385 ≡ −5": neither is read.
        ("-5^{1980} \\equiv 5^{1980} \\pmod{13}", [], []),
        ("-2^5 ≡ -32 ≡ 2 (mod 17)", ["-2^5 ≡ -32", "-32 ≡ 2 (mod 17)"], [.correct, .correct]),
        // A link that is not an integer expression ends the chain: with no modulus after it, nothing is read.
        ("a^{p-1} ≡ 1 (mod p)", [], []),
        ("3^{100} ≡ 3^{100 mod 6} ≡ 3^4 (mod 7)", [], []),
    ])
    func expressionCongruences(response: String, texts: [String], verdicts: [Judgement.Verdict]) {
        let result = audit(Self.champPrompt, response)
        #expect(result.claims.map(\.text) == texts)
        #expect(result.claims.map(\.verdict) == verdicts)
    }

    @Test("an expression congruence names both remainders in its evidence")
    func expressionCongruenceEvidence() throws {
        let claim = try #require(audit(Self.champPrompt, "Then 4^26 ≡ 2^26 (mod 7).").claims.first)
        #expect(claim.expected == "≡ 2 (mod 7)")
        #expect(claim.evidence.map { "\($0.0)=\($0.1)" } == ["remainder=2", "stated_remainder=4", "modulus=7"])
    }

    @Test("a statement after \"and\" is read; \"5 and 7 = 12\" (a sum in words) is not", arguments: [
        ("So 85 = 5 × 17, and 91 = 7 × 12.", ["85 = 5 × 17", "91 = 7 × 12"]),
        ("We have 23 = 2 (mod 7) and 23 = 3 (mod 7).", ["23 = 2 (mod 7)", "23 = 3 (mod 7)"]),
        ("The sum of 5 and 7 = 12.", []),
    ])
    func afterAnd(response: String, texts: [String]) {
        #expect(audit(Self.champPrompt, response).claims.map(\.text) == texts)
    }

    @Test("a congruence the answer denies is not a claim")
    func deniedCongruence() {
        #expect(audit(Self.champPrompt, "the equation becomes:\n1 - 1 ≡ 2 (mod 3)\nThis is not possible since").claims.isEmpty)
    }

    /// "A + B mod m" may also mean A + (B mod m); that reading, as an equation, implies A + B ≡ r (mod m), so the
    /// claim is read as the sum modulo m and is wrong only when both readings are false. The texts are from CHAMP.
    @Test("a sum before mod is the sum modulo m", arguments: [
        ("So, 3^105 + 4^105 mod 7 = 0.", ["3^105 + 4^105 mod 7 = 0"], [Judgement.Verdict.correct]),
        ("So, 3^105 + 4^105 mod 7 = 1 + 1 mod 7 = 2 mod 7.", ["3^105 + 4^105 mod 7 = 1 + 1 mod 7", "1 + 1 mod 7 = 2"],
            [.wrong, .correct]),
        ("So, \\(2^{32} + 1 \\mod 641 = 0\\).", ["2^{32} + 1 \\mod 641 = 0"], [.correct]),
        ("248832 + 59049 + 32768 + 7776 mod 1991\n= 349425", ["248832 + 59049 + 32768 + 7776 mod 1991\n= 349425"],
            [.wrong]),
        ("2^23 mod 641 = 3^5 + 1 mod 641", ["2^23 mod 641 = 3^5 + 1 mod 641"], [.wrong]),
        ("and 100 - 15 mod 7 = 99", ["100 - 15 mod 7 = 99"], [.correct]),
    ])
    func sumBeforeMod(response: String, texts: [String], verdicts: [Judgement.Verdict]) {
        let result = audit(Self.champPrompt, response)
        #expect(result.claims.map(\.text) == texts)
        #expect(result.claims.map(\.verdict) == verdicts)
    }

    /// Inside a bracket reduced modulo m, "x mod m" is x modulo m; in a bracket within it (an exponent, say) it is
    /// not read. The first text is from CHAMP (line 579): 256 mod 323 is 256, not 87.
    @Test("reductions inside a bracket reduced by the same modulus", arguments: [
        (
            "= (400 mod 323 + 256 mod 323 - 9 mod 323 - 1 mod 323) mod 323\n= (77 + 87 - 9 - 1) mod 323\n= 154",
            ["(400 mod 323 + 256 mod 323 - 9 mod 323 - 1 mod 323) mod 323\n= (77 + 87 - 9 - 1) mod 323",
                "(77 + 87 - 9 - 1) mod 323\n= 154"],
            [Judgement.Verdict.wrong, .correct]
        ),
        ("\\[ 1984 \\mod 7 = (1900 \\mod 7 + 84 \\mod 7) \\mod 7 \\]",
            ["1984 \\mod 7 = (1900 \\mod 7 + 84 \\mod 7) \\mod 7"], [.correct]),
        ("((10^7 * 10) mod 17 + 1 mod 17) mod 17 = 6", ["((10^7 * 10) mod 17 + 1 mod 17) mod 17 = 6"], [.wrong]),
        // Another modulus inside, or a reduction in an exponent, leaves the bracket unread.
        ("(400 mod 7 + 256 mod 323) mod 323 = 10", [], []),
        ("(2^(10 mod 7)) mod 7 = 2", [], []),
    ])
    func innerModuli(response: String, texts: [String], verdicts: [Judgement.Verdict]) {
        let result = audit(Self.champPrompt, response)
        #expect(result.claims.map(\.text) == texts)
        #expect(result.claims.map(\.verdict) == verdicts)
    }

    @Test("N divided by d = q is checked as the division it writes", arguments: [
        ("4654 divided by 61 = 70.96 (not a whole number)", "4654 divided by 61 = 70.96", Judgement.Verdict.wrong),
        ("12804 divided by 2 = 6402 \n\n2. Next", "12804 divided by 2 = 6402", .correct),
        ("11458 divided by 3 = 3819.33 (not a whole number)", "11458 divided by 3 = 3819.33", .correct),
    ])
    func dividedBy(response: String, text: String, verdict: Judgement.Verdict) {
        let result = audit("Is 4654 a prime number?", response)
        #expect(result.claims.map(\.text) == [text])
        #expect(result.claims.first?.verdict == verdict)
    }
}
