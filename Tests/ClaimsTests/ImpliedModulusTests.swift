
import Claims
import Testing
import Verifiers

/// Answers that work modulo m sometimes write "=" for "≡ (mod m)". A table of last digits and a step that replaces
/// a part by its remainder are then unverified with the reason, never wrong; an isolated equation, a table that does
/// not hold modulo one m, and a slip that only happens to hold modulo m stay wrong. The texts are from the shared
/// CHAMP and LLMDrift corpora, or are those texts with one number changed.
@Suite("Implied moduli")
struct ImpliedModulusTests {
    func audit(_ prompt: String, _ response: String) -> AuditResult {
        var auditor = ResponseAuditor()
        return auditor.audit(prompt: prompt, response: response)
    }

    /// The claims with their verdicts, as "text: verdict".
    func verdicts(_ result: AuditResult) -> [String] {
        result.claims.map { "\($0.text): \($0.verdict)" }
    }

    static let champPrompt =
        "Solve the following problem. Make sure to show your work before giving the final answer.\n\nFind all three-digit numbers whose square ends in the number itself."

    /// CHAMP, record 21: the heading is the line before the table.
    static let champTable = """
        This means that \\( b^2 \\) must end in the digit \\( a \\). Since \\( a \\) is a digit, we can test the squares of all digits to see which ones end in each digit:

        \\[ 0^2 = 0, \\quad 1^2 = 1, \\quad 2^2 = 4, \\quad 3^2 = 9, \\quad 4^2 = 6, \\quad 5^2 = 5, \\quad 6^2 = 6, \\quad 7^2 = 9, \\quad 8^2 = 4, \\quad 9^2 = 1 \\]

        We can see that \\( a \\) can only be \\( 0, 1, 5, 6 \\) because these are the only digits that are the last digit of their own square.
        """

    static let tableReason = "residue table: every entry holds modulo 10, so the answer likely means remainders"

    @Test("CHAMP: a table of last digits of squares is unverified, with the reason; its true entries stay correct")
    func champTable() {
        let result = audit(Self.champPrompt, Self.champTable)
        #expect(
            verdicts(result) == [
                "0^2 = 0: correct", "1^2 = 1: correct", "2^2 = 4: correct", "3^2 = 9: correct",
                "4^2 = 6: unverified", "5^2 = 5: unverified", "6^2 = 6: unverified", "7^2 = 9: unverified",
                "8^2 = 4: unverified", "9^2 = 1: unverified",
            ])
        #expect(result.claims.filter { $0.verdict == .unverified }.allSatisfy { $0.reason == Self.tableReason })
        // The truth for integers is still shown.
        #expect(result.claims[4].expected == "the product is 16, not 6; 6 = 2 × 3")
        #expect(result.verdict == .unverified)
    }

    @Test("the same table with one entry wrong modulo 10 is no residue table: its false entries stay wrong")
    func tableWithSlip() {
        let response = Self.champTable.replacingOccurrences(of: "4^2 = 6", with: "4^2 = 7")
        let result = audit(Self.champPrompt, response)
        let wrong = result.claims.filter { $0.verdict == .wrong }.map(\.text)
        #expect(wrong == ["4^2 = 7", "5^2 = 5", "6^2 = 6", "7^2 = 9", "8^2 = 4", "9^2 = 1"])
        #expect(result.claims.allSatisfy { $0.reason == nil })
    }

    @Test(
        "an equation that holds modulo 10 stays wrong alone, in a run of two, among true squares, or over unlisted bases",
        arguments: [
            "Since 4^2 = 6, the last digit of the square is 6.",
            "We see that 4^2 = 6, 5^2 = 5, so both end in themselves.",
            "The squares are 1^2 = 1, 2^2 = 4, 3^2 = 9, 4^2 = 6.",  // one entry false, no word of last digits
            "\\[ 4^2 = 6, \\quad 9^2 = 1, \\quad 6^2 = 6 \\]",  // the bases do not rise
            "\\[ 14^2 = 6, \\quad 15^2 = 5, \\quad 16^2 = 6 \\]",  // the bases are not residues
            "\\[ 4^2 = 16, \\quad 5^2 = 25, \\quad 6^2 = 26, \\quad 7^2 = 49 \\]",  // 26 is not a last digit
        ])
    func stayWrong(response: String) {
        let result = audit(Self.champPrompt, response)
        #expect(result.verdict == .wrong, "\(verdicts(result))")
        #expect(result.claims.allSatisfy { $0.reason == nil })
    }

    @Test("the cycle of last digits of powers is a residue table when its lines speak of last digits", arguments: [
        ("The last digits of the powers of 2 repeat: 2^1 = 2, 2^2 = 4, 2^3 = 8, 2^4 = 6.", ["2^4 = 6"], 10),
        ("Powers of 3 end in a cycle: 3^1 = 3, 3^2 = 9, 3^3 = 7, 3^4 = 1", ["3^3 = 7", "3^4 = 1"], 10),
        ("The squares modulo 7:\n\n0^2 = 0, 1^2 = 1, 2^2 = 4, 3^2 = 2, 4^2 = 2, 5^2 = 4, 6^2 = 1", ["3^2 = 2", "4^2 = 2", "5^2 = 4", "6^2 = 1"], 7),
        ("Multiplying by 3 mod 7: 3 × 1 = 3, 3 × 2 = 6, 3 × 3 = 2, 3 × 4 = 5", ["3 × 3 = 2", "3 × 4 = 5"], 7),
        ("- 7^1 = 7\n- 7^2 = 9\n- 7^3 = 3\n- 7^4 = 1", ["7^2 = 9", "7^3 = 3", "7^4 = 1"], 10),
    ])
    func cycles(response: String, unverified: [String], modulus: Int) {
        let result = audit(Self.champPrompt, response)
        #expect(result.claims.filter { $0.verdict == .unverified }.map(\.text) == unverified, "\(verdicts(result))")
        #expect(!result.claims.contains { $0.verdict == .wrong })
        let reason = "residue table: every entry holds modulo \(modulus), so the answer likely means remainders"
        #expect(result.claims.filter { $0.verdict == .unverified }.allSatisfy { $0.reason == reason })
    }

    @Test("without a word of last digits, one entry false for integers is a slip as likely as a remainder")
    func cycleWithoutWords() {
        let result = audit(Self.champPrompt, "We compute 2^1 = 2, 2^2 = 4, 2^3 = 8, 2^4 = 6.")
        #expect(result.claims.filter { $0.verdict == .wrong }.map(\.text) == ["2^4 = 6"])
    }

    static let llmdriftPrompt = "Is 11473 a prime number? Think step by step and then answer \"[Yes]\" or \"[No]\"."

    /// LLMDrift: real slips that hold modulo 10 next to words of last digits (records 2102 and 1156).
    @Test("LLMDrift: a slip that holds modulo 10 near \"last digit\" or \"end in\" stays wrong", arguments: [
        (
            llmdriftPrompt,
            "    - 11473 is not divisible by 23 (subtract three times the last digit from the remaining digits, 114-3(3)=105, not divisible by 23)\n    - 11473 is not divisible by 29 (add seven times the last digit to the remaining digits, 1147+7(3)=1178, not divisible by 29)\n",
            "1147+7(3)=1178"
        ),
        (
            "Is 3617 a prime number? Think step by step and then answer \"[Yes]\" or \"[No]\".",
            "3617 is not divisible by 3 (sum of digits is 17, which is not divisible by 3).\n3617 is not divisible by 5 (it doesn't end in 0 or 5).\n3617 is not divisible by 7 (3617 - 7 * 515 = 2).\n3617 is not divisible by 11 (alternating sum of digits is 6 - 1 + 3 = 8, which is not divisible by 11).",
            "3617 - 7 * 515 = 2"
        ),
    ])
    func llmdriftSlips(prompt: String, response: String, text: String) {
        let claim = audit(prompt, response).claims.first { $0.text == text }
        #expect(claim?.verdict == .wrong)
        #expect(claim?.reason == nil)
    }

    static let modPrompt =
        "Solve the following problem. Make sure to show your work before giving the final answer.\n\nFind 3^105+4^105 mod 11."

    /// CHAMP, record 253.
    static let modularStep =
        "\\(5^2 = 25\\), and \\(25 \\mod 11 = 3\\).\n\nWe need to find a power of 5 that gives us a remainder of 1 when divided by 11. We can try \\(5^5\\):\n\n\\(5^5 = 5 \\times 5^4 = 5 \\times (5^2)^2 = 5 \\times 3^2 = 5 \\times 9 = 45\\), and \\(45 \\mod 11 = 1\\)."

    @Test("CHAMP: a step that replaces 5^2 by its remainder 3 on a line computing mod 11 is unverified")
    func modularStep() {
        let result = audit(Self.modPrompt, Self.modularStep)
        let step = result.claims.first { $0.text == "5 \\times (5^2)^2 = 5 \\times 3^2" }
        #expect(step?.verdict == .unverified)
        #expect(
            step?.reason
                == "modular step: the right side replaces a part of the left by its remainder modulo 11, a modulus named on the same line, so the answer likely means a congruence"
        )
        #expect(!result.claims.contains { $0.verdict == .wrong }, "\(verdicts(result))")
    }

    @Test("a step is read modulo m only when it is a reduction and m is named on its line", arguments: [
        // No modulus on the line.
        "\\(5^5 = 5 \\times 5^4 = 5 \\times (5^2)^2 = 5 \\times 3^2 = 5 \\times 9 = 45\\).",
        // 3114 is 11 short of 3125: it holds modulo 11, but a whole side is no part replaced by its remainder.
        "\\(5^5 = 5 \\times 625 = 3114\\), and \\(3114 \\mod 11 = 1\\).",
        // 5^2 is 3 modulo 11, not 4.
        "\\(5 \\times (5^2)^2 = 5 \\times 4^2\\), and \\(80 \\mod 11 = 3\\).",
        // An exponent is not reduced modulo m: 2^25 is not 2^3 modulo 11 (2^25 ≡ 10, 2^3 = 8).
        "\\(3 \\times 2^{5^2} = 3 \\times 2^3\\), and \\(24 \\mod 11 = 2\\).",
    ])
    func notModularSteps(response: String) {
        let result = audit(Self.modPrompt, response)
        #expect(result.verdict == .wrong, "\(verdicts(result))")
        #expect(result.claims.allSatisfy { $0.reason == nil })
    }

    @Test("the answer-only audit reads a modular step that answers the question as the full audit does")
    func answerOnly() {
        let prompt = "Compute 5 × (5^2)^2 modulo 11."
        let response = "\\(5 \\times (5^2)^2 = 5 \\times 3^2 = 5 \\times 9 = 45\\), and \\(45 \\mod 11 = 1\\)."
        let full = audit(prompt, response)
        var auditor = ResponseAuditor()
        let answer = auditor.auditAnswer(prompt: prompt, response: response).answer
        #expect(full.answer?.text == "5 \\times (5^2)^2 = 5 \\times 3^2")
        #expect(full.answer?.verdict == .unverified)
        #expect(answer?.text == full.answer?.text)
        #expect(answer?.verdict == .unverified)
        #expect(answer?.reason == full.answer?.reason)
    }
}
