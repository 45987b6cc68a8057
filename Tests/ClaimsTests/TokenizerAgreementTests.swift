import Foundation
import Testing

@testable import Claims
@testable import Verifiers

/// The tokenizer's fast main loop (tokens written through a pointer a chunk at a time, letters read eight bytes at
/// once, one slot table for the vocabulary, words of up to fifteen letters, numbers of plain digits and one-byte
/// symbols written by the pass itself, a space after them skipped, the rest read out of line) must give exactly the
/// tokens of the plain loop it replaced (``ReferenceTokenizer``).
@Suite("The fast tokenizer agrees with the reference tokenizer")
struct TokenizerAgreementTests {
    static func tokens(_ bytes: [UInt8], reference: Bool, prefix: [Token] = []) -> [Token] {
        bytes.withUnsafeBufferPointer { p in
            var tokens = prefix
            if reference {
                ReferenceTokenizer.tokenize(p, into: &tokens)
            } else {
                Tokenizer.tokenize(p, into: &tokens)
            }
            return tokens
        }
    }

    static func expectSame(_ text: [UInt8], _ label: String) {
        let fast = tokens(text, reference: false)
        let plain = tokens(text, reference: true)
        #expect(fast == plain, "\(label)")
    }

    /// Texts at the edges: words and numbers at the very end (fewer than eight or sixteen bytes after them), words
    /// of 8, 9, 16 and 17 bytes, apostrophes, subscripts, separators, LaTeX, a `*` after each kind of token, UTF-8
    /// cut short.
    static let edges: [String] = [
        "", "a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "Hypothetically", "HYPOTHETICALLY,", "hypotheticallyy",
        "approximately", "Approximately.", "approximatelyX", "decomposition", "factorisation", "isn't", "isn’t",
        "it's", "doesn't", "log10", "log₁₀(2)", "log_{10}", "log_2 x", "F5", "x2", "word_", "word_{", "word_{1",
        "34,792,834", "34 792 834", "34\\,792\\,834", "1{,}000", "34\u{2009}792", "1.5e-7", "2E5", "3e", "12.", "7 * 8",
        "(7) * 8", "a * 8", "* 8", "** bold **", "\\times", "\\sin(x)", "\\Sin", "\\", "\\\\", "\\{", "é", "\u{E2}",
        "x\u{E2}\u{80}", "≈ 0.66", "− 5", "\n- item\n+ item\n> quote\n* item", "prime.\nPrime", "[Yes]", "**[No]**",
        "divisible\tby 3", "THE NUMBER 91 IS NOT PRIME", "itself", "arctangent", "cotangent",
        // Words of 8 to 17 letters (the second eight bytes of a word), ended in every way a word can end.
        "abcdefghijklmnop", "abcdefghijklmnopq", "ABCDEFGHIJKLMNOP,", "respectively,", "undoubtedly\n",
        "factorization's", "Approximately’s", "decomposition_2", "hypothetically7", "multiplied₁", "necessarily é",
        "\\arctan(1)", "\\thickapprox 3", "\\boxed{7}", "* \\sqrt{2}", "x^2 *",
        // Numbers followed by each byte that may or may not continue them.
        "97 is prime", "97, 98 and 99", "7,5", "7,500", "12 345 678 910", "1 23", "5\u{A0}000", "8\\;000",
        "6\u{202F}000", "3.", "4.x", "5e+", "5E-3x", "10 ", "10,", "10\n", "2{x}", "9\u{E2}", "1\u{C2}",
        // Line breaks before a line that goes on with a relation, and the alignment mark.
        "3 * 4\n= 12", "3 * 4\n  = 12\n= 12", "5\n\n= 5", "5\n==\n", "Title\n=====", "x \\\\\n&= 2 \\\\ &\\approx 2",
        "2 \\\\\n\n= 2", "a\r\n≡ b", "a\n≈ b", "a\n\\equiv b", "a\n\\equal b", "AT&T", "a & b", "& =", "&", "x\n&", "\n=",
    ]

    @Test("edge texts give the same tokens", arguments: edges)
    func edgeTexts(text: String) {
        Self.expectSame(Array(text.utf8), text)
        // The same text after 30 letters and before 30: every chunk boundary and the eight-byte reads inside.
        Self.expectSame(Array((String(repeating: "ab ", count: 10) + text).utf8), "after: \(text)")
        Self.expectSame(Array((text + String(repeating: " ba", count: 10)).utf8), "before: \(text)")
    }

    @Test("tokens appended after tokens already in the array see the last of them")
    func appended() {
        for prefixText in ["7", "(3)", "word", ""] {
            let prefix = Self.tokens(Array(prefixText.utf8), reference: true)
            for text in ["* 8", "*8", " * (2)", "x"] {
                let bytes = Array(text.utf8)
                #expect(
                    Self.tokens(bytes, reference: false, prefix: prefix)
                        == Self.tokens(bytes, reference: true, prefix: prefix), "\(prefixText) | \(text)")
            }
        }
    }

    @Test("a * after a number or a word on either side of a chunk boundary reads the token before it")
    func chunkBoundaries() {
        for count in 1...(3 * Tokenizer.chunkSize + 2) {
            for (item, tail) in [("7 ", "* 8"), ("7,", "*8"), ("(2) ", "* (3)"), ("word. ", "* 8"), ("\n", "* 8")] {
                let text = String(repeating: item, count: count) + tail
                Self.expectSame(Array(text.utf8), "\(count) × \(item) \(tail)")
            }
        }
    }

    @Test("every answer of the committed corpora gives the same tokens")
    func corpora() throws {
        for file in [
            "Corpora/labelled.jsonl", "Corpora/forum-thread.jsonl", "Corpora/vectors/evaluation.jsonl",
            "Corpora/vectors/factorization.jsonl", "Corpora/vectors/primality.jsonl", "Corpora/vectors/rounding.jsonl",
        ] where CorpusFiles.exists(file) {
            for record in try CorpusFiles.jsonLines(file) {
                for key in ["prompt", "response", "completion", "output", "answer"] {
                    if let text = record[key] as? String { Self.expectSame(Array(text.utf8), "\(file) \(key)") }
                }
            }
        }
    }

    @Test("random byte strings over the tokenizer's alphabet give the same tokens")
    func randomTexts() {
        // Bytes the tokenizer treats specially, plus letters, digits and UTF-8 pieces, in random order.
        let alphabet: [[UInt8]] = [
            Array("a".utf8), Array("Z".utf8), Array("e".utf8), Array("x".utf8), Array("7".utf8), Array("0".utf8),
            Array(" ".utf8), Array("\n".utf8), Array(",".utf8), Array(".".utf8), Array("'".utf8), Array("_".utf8),
            Array("{".utf8), Array("}".utf8), Array("\\".utf8), Array("*".utf8), Array("-".utf8), Array("+".utf8),
            Array(">".utf8), Array("=".utf8), Array("!".utf8), Array("$".utf8), Array("’".utf8), Array("₁".utf8),
            Array("\u{2009}".utf8), Array("\u{A0}".utf8), Array("×".utf8), Array("≈".utf8), Array("²".utf8),
            [0xE2], [0xC2], [0x80], [0xF0], Array("is".utf8), Array("prime".utf8), Array("approximately".utf8),
            Array("sin".utf8), Array("123".utf8), Array("times".utf8), Array("frac".utf8), Array("ABCDEFGHIJ".utf8),
            Array("isn’t".utf8), Array("&".utf8), Array("≡".utf8), Array("approx".utf8), Array("equiv".utf8),
        ]
        var generator = SplitMix64(seed: 0x5EED)
        for round in 0..<3000 {
            var text: [UInt8] = []
            let pieces = Int(generator.next() % 40)
            for _ in 0..<pieces { text += alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            Self.expectSame(text, "round \(round): \(text)")
        }
    }
}
