import Foundation
import Testing

@testable import Claims
import Verifiers

/// Cutting responses into steps: the forms PRM data uses, blocks kept whole, claims never cut, and the steps giving
/// back the response byte for byte on every corpus.
@Suite("Steps")
struct StepSplitterTests {
    static func steps(_ text: String, _ mode: StepMode) -> [String] {
        var copy = text
        return copy.withUTF8 { bytes in
            StepSplitter.split(bytes, mode: mode).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
    }

    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var mode: StepMode
        var steps: [String]
        var description: String { "\(mode): \(text.prefix(40))" }
    }

    static let cases: [Case] = [
        // Lines and paragraphs: blank lines go with the step before.
        Case(text: "No.\n\n91 = 7 × 13.\nSo it is composite.", mode: .auto,
             steps: ["No.\n\n", "91 = 7 × 13.\n", "So it is composite."]),
        // One line: sentences (auto), but not at decimals, abbreviations or inside brackets and inline math.
        Case(text: "No, 91 is not prime. It equals 7 × 13, i.e. a product (approx. 9.5 squared). $x = 1. Y$ Yes!",
             mode: .auto,
             steps: ["No, 91 is not prime. ", "It equals 7 × 13, i.e. a product (approx. 9.5 squared). ",
                     "$x = 1. Y$ Yes!"]),
        Case(text: "No, 91 is not prime. It equals 7 × 13.", mode: .lines,
             steps: ["No, 91 is not prime. It equals 7 × 13."]),
        // An ellipsis ends a sentence only before a capital.
        Case(text: "3907 ÷ 3 = 1302.333... (not divisible). Next is 5... So 3907 is prime.", mode: .sentences,
             steps: ["3907 ÷ 3 = 1302.333... (not divisible). ", "Next is 5... ", "So 3907 is prime."]),
        // "Step N" markers: the body lines stay with the marker, up to a blank line, marker or list item.
        Case(text: "Step 1: Check 2\n12547 is odd.\n\nStep 2: Check 3\nDigit sum 19.\n- not divisible\n\n[Yes]",
             mode: .auto,
             steps: ["Step 1: Check 2\n12547 is odd.\n\n", "Step 2: Check 3\nDigit sum 19.\n", "- not divisible\n\n",
                     "[Yes]"]),
        Case(text: "**Step 1.** Check 2\n12547 is odd.", mode: .lines, steps: ["**Step 1.** Check 2\n", "12547 is odd."]),
        Case(text: "### Step 1 - Check 2\n12547 is odd.", mode: .auto, steps: ["### Step 1 - Check 2\n12547 is odd."]),
        // Numbered items: each one a step, with its indented continuation lines; sub-bullets are steps.
        Case(text: "1. Find the root\n   of 3907: 62.5\n2. Divide:\n   - 3907 ÷ 2 = 1953.5\n3. Prime.", mode: .auto,
             steps: ["1. Find the root\n   of 3907: 62.5\n", "2. Divide:\n   ", "- 3907 ÷ 2 = 1953.5\n", "3. Prime."]),
        // Display blocks are whole, with the blank lines inside them.
        Case(text: "We compute\n$$\n3^4 = 81\n\n= 80 + 1\n$$\nso the answer is 81.", mode: .auto,
             steps: ["We compute\n", "$$\n3^4 = 81\n\n= 80 + 1\n$$\n", "so the answer is 81."]),
        Case(text: "Then\n\\[\n2^{10} = 1024.\n\\]\nDone. Next.", mode: .sentences,
             steps: ["Then\n", "\\[\n2^{10} = 1024.\n\\]\n", "Done. ", "Next."]),
        Case(text: "A\n\\begin{align}\nx &= 1 \\\\[2pt]\n&= 2\n\\end{align}\nB", mode: .lines,
             steps: ["A\n", "\\begin{align}\nx &= 1 \\\\[2pt]\n&= 2\n\\end{align}\n", "B"]),
        Case(text: "```\nx = 1\n\ny = 2\n```\nok", mode: .lines, steps: ["```\nx = 1\n\ny = 2\n```\n", "ok"]),
        // A block never closed does not swallow the rest.
        Case(text: "Cost: $$5\nthen 2 + 2 = 4\nend", mode: .lines, steps: ["Cost: $$5\n", "then 2 + 2 = 4\n", "end"]),
        // A computation continued on the next line is one step.
        Case(text: "3 × 4 + 5\n= 12 + 5\n  ≈ 17\nx &= 2\n& = 3\nNext", mode: .lines,
             steps: ["3 × 4 + 5\n= 12 + 5\n  ≈ 17\n", "x &= 2\n& = 3\n", "Next"]),
        // Spaces before the first step are in it; a text of spaces is one step; no text, no step.
        Case(text: "  \n Yes.\n", mode: .auto, steps: ["  \n Yes.\n"]),
        Case(text: " \n\n ", mode: .auto, steps: [" \n\n "]),
        Case(text: "", mode: .auto, steps: []),
        Case(text: "a\r\nb\r\n", mode: .lines, steps: ["a\r\n", "b\r\n"]),
    ]

    @Test("each form is cut as PRM data cuts it", arguments: cases)
    func form(_ c: Case) {
        #expect(Self.steps(c.text, c.mode) == c.steps)
    }

    @Test("a cut inside a claim joins the steps on both sides; a claim is in the step that holds its start")
    func claimsAreWhole() {
        var text = "One. Two three. Four. Five."
        let steps = text.withUTF8 { bytes in
            // A claim over "three. Four" crosses the cut before "Four"; one over "One" stays in the first step.
            var crossing = Claim(kind: .primality, statement: .primality(BigInteger(7), isPrime: true), bytes: 9..<20)
            crossing.verdict = .wrong
            var first = Claim(kind: .primality, statement: .primality(BigInteger(7), isPrime: true), bytes: 0..<3)
            first.verdict = .correct
            return ResponseSteps.steps(bytes, claims: [first, crossing], mode: .sentences)
        }
        #expect(steps.map(\.bytes) == [0..<5, 5..<22, 22..<27])
        #expect(steps.map(\.claims) == [[0], [1], []])
        #expect(steps.map(\.verdict) == [.correct, .wrong, .neutral])
        // Spans count Unicode scalars, as claims' spans do.
        var unicode = "√4 = 2. 91 = 7 × 13."
        let spans = unicode.withUTF8 { ResponseSteps.steps($0, claims: [], mode: .sentences).map(\.span) }
        #expect(spans == [0..<8, 8..<20])
    }

    @Test("step verdicts: wrong, correct, unverified, neutral; first_error")
    func verdicts() {
        var auditor = ResponseAuditor()
        let response = "Let me see.\n91 = 7 × 13.\nSo 91 is prime.\n1 + 1 = 10 in binary.\nBye."
        let result = auditor.audit(prompt: "Is 91 prime?", response: response)
        let steps = ResponseSteps(response: response, result: result, mode: .lines)
        #expect(steps.steps.map(\.verdict) == [.neutral, .correct, .wrong, .unverified, .neutral])
        #expect(steps.firstError == 2)
        #expect(steps.hasCheckedStep)
        let none = "I cannot tell."
        let noClaims = ResponseSteps(response: none, result: auditor.audit(prompt: "", response: none), mode: .auto)
        #expect(noClaims.firstError == nil && !noClaims.hasCheckedStep)
    }

    @Test("steps give back the response byte for byte and hold every claim, on every corpus and in every mode")
    func corpora() throws {
        var files = ["Corpora/labelled.jsonl", "Corpora/forum-thread.jsonl"]
        for real in ["../shared/corpora/real/llmdrift_prime.jsonl", "../shared/corpora/real/champ_number_theory.jsonl"]
        where CorpusFiles.exists(real) {
            files.append(real)
        }
        var auditor = ResponseAuditor()
        var records = 0
        for file in files {
            for record in try CorpusFiles.jsonLines(file) {
                let response =
                    ["response", "completion", "output"].lazy.compactMap { record[$0] as? String }.first
                    ?? ((record["messages"] as? [[String: Any]])?.last { $0["role"] as? String == "assistant" }?["content"]
                        as? String) ?? ""
                let prompt = record["prompt"] as? String ?? ""
                let result = auditor.audit(prompt: prompt, response: response)
                for mode in StepMode.allCases {
                    let steps = ResponseSteps(response: response, result: result, mode: mode)
                    var copy = response
                    let rebuilt = copy.withUTF8 { bytes in
                        steps.steps.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0.bytes]), as: UTF8.self) }
                            .joined()
                    }
                    #expect(rebuilt == response, "\(file): \(record["id"] ?? "?")")
                    #expect(steps.steps.flatMap(\.claims).sorted() == Array(result.claims.indices))
                    #expect(steps.steps.last?.span.upperBound ?? 0 == response.unicodeScalars.count)
                }
                records += 1
            }
        }
        #expect(records >= 523)
    }
}
