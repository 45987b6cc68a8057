import Foundation
import Testing

@testable import Claims
@testable import Verifiers

/// The equation and phrase passes skip at once the tokens that start nothing (``ClaimScanner/skipsTokens``): the
/// claims must be exactly those found by looking at every token.
@Suite("Skipping tokens that start nothing finds the same claims")
struct ScannerSkipTests {
    /// The claims of `response` to `prompt`, described field by field, with or without the skips.
    static func claims(prompt: String, response: String, skips: Bool) -> [String] {
        let question = FastPathTests.withStream(prompt) { Question($0) }
        return FastPathTests.withStream(response) { s in
            var scanner = ClaimScanner(s, question: question)
            scanner.skipsTokens = skips
            return scanner.scan().map {
                "\($0.kind) \($0.bytes) \($0.role) \($0.statement) \(String(describing: $0.reason))"
            }
        }
    }

    static func expectSame(prompt: String, response: String) {
        #expect(
            claims(prompt: prompt, response: response, skips: true)
                == claims(prompt: prompt, response: response, skips: false), "\(response.prefix(80))")
    }

    @Test("every record of the committed corpora and the first LLMDrift answers")
    func corpora() throws {
        var files = [
            "Corpora/labelled.jsonl", "Corpora/forum-thread.jsonl", "Corpora/vectors/evaluation.jsonl",
            "Corpora/vectors/factorization.jsonl", "Corpora/vectors/primality.jsonl", "Corpora/vectors/rounding.jsonl",
        ]
        if CorpusFiles.exists("../shared/corpora/real/llmdrift_prime.jsonl") {
            files.append("../shared/corpora/real/llmdrift_prime.jsonl")
        }
        for file in files where CorpusFiles.exists(file) {
            // The LLMDrift answers are alike: the first 800 cover their forms (the audit of all 4000 is compared
            // with the references outside the suite).
            for record in try CorpusFiles.jsonLines(file).prefix(file.hasPrefix("..") ? 800 : Int.max) {
                let prompt = record["prompt"] as? String ?? ""
                for key in ["response", "completion", "output", "answer"] {
                    if let response = record[key] as? String { Self.expectSame(prompt: prompt, response: response) }
                }
            }
        }
    }

    @Test("a lone number before \"is\" and a parenthesis before a word start no run", arguments: [
        "17077 is a prime number.", "17077 is 7 × 2439.57", "7 × 13 is 91", "(7 × 13) is 91", "cos(30°) is 0.87",
        "(which is approximately 130.7)", "(17077 ÷ 7 = 2439.57)", "( 3 + 4 ) = 7", "()", "(", "17077 is", "91 (",
        "sin (x) = 0", "17077 (is) 5", "2 + 3 is 5 (not 6)", "the sine of 30 degrees (which is 0.5) is 0.5",
    ])
    func passedOver(response: String) {
        Self.expectSame(prompt: "Is 17077 a prime number?", response: response)
        Self.expectSame(prompt: "What is cos(30 degrees)?", response: response)
    }

    @Test("random sequences of the words and marks claims are made of")
    func randomTexts() {
        let pieces = [
            "17077", "91", "7", "13", "2,437", "0.5", " is ", " isn't ", " not ", " prime", " composite", " divisible",
            " by ", " divides ", " does ", " it ", " the number ", " = ", " ≈ ", " × ", " + ", " / ", "(", ")", ". ",
            ", ", "\n", " and ", " sin", " cos(", " degrees", " if ", " a multiple of ", " even", " odd", " yes", " No",
            " the sine of ", " is approximately ", " remainder ", " x ", " e^", "²", " factorization of ", ": ", "?",
        ]
        var generator = SplitMix64(seed: 0x5CA9)
        for _ in 0..<1500 {
            var text = ""
            for _ in 0..<Int(generator.next() % 30) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            Self.expectSame(prompt: "Is 91 a prime number? Answer [Yes] or [No].", response: text)
            Self.expectSame(prompt: "What is the sine of 30 degrees?", response: text)
        }
    }
}
