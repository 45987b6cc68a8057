import Foundation
import Testing

@testable import Verifiers

/// The scanner's fast paths (words numbered at tokenization, keys read eight bytes at once, sentences found by
/// binary search) must answer exactly what the plain definitions answer.
@Suite("Scanner fast paths agree with the plain definitions")
struct ScannerFastPathTests {
    /// Texts with words at the very end (where fewer than eight bytes follow), capitals, apostrophes, UTF-8 and
    /// LaTeX names.
    static let texts: [String] = [
        "Is", "IS", "it's", "It’s", "ISN'T prime", "Therefore, 17077 is a PRIME number.", "x", "e", "a", "no",
        "Hypothetically", "HYPOTHETICALLY if", "undoubtedly", "factorisation", "Factorization of 91",
        "\\sin(30°) ≈ 0.5", "log₁₀(2)", "log_{10}", "Arctangent", "ÀÉ Zz @[`{ é9 word", "sqrt", "Square root",
        "the sine of -0.413 radians is approximately -0.4", "abcdefgh", "abcdefghi", "ABCDEFGH", "AbCdEfGhIj",
    ]

    @Test("a key read eight bytes at once equals the key read byte by byte", arguments: texts)
    func keys(text: String) {
        FastPathTests.withStream(text) { s in
            for i in 0..<s.count where s.kind(i) == .word {
                let t = s[i]
                let base = s.bytes.baseAddress!
                #expect(Token.key(s.bytes, t.start, t.end) == Token.key(base + t.start, count: t.end - t.start))
                #expect(t.key == Token.key(base + t.start, count: t.end - t.start), "\(text)")
            }
        }
    }

    @Test("a word's number names the word it is", arguments: texts)
    func numbers(text: String) {
        let vocabulary = Vocabulary.shared
        FastPathTests.withStream(text) { s in
            for i in 0..<s.count where s.kind(i) == .word {
                let matching = (1..<vocabulary.words.count).filter { s.isWord(i, vocabulary.words[$0]) }
                #expect(matching == (s[i].word == 0 ? [] : [Int(s[i].word)]), "\(text)")
            }
        }
    }

    @Test("every vocabulary word and function name is found, with its traits")
    func vocabulary() {
        let vocabulary = Vocabulary.shared
        for number in 1..<vocabulary.words.count {
            let word = "\(vocabulary.words[number])"
            FastPathTests.withStream(word) { s in
                #expect(s.count == 1 && s[0].word == UInt8(number), "\(word)")
                let unit = ClaimScanner.unitWords.contains(s[0], in: s.bytes)
                let math =
                    s[0].formulaFunction != nil || s[0].proseFunction != nil || unit || word == "x" || word == "e"
                #expect(s[0].traits.contains(.mathWord) == math, "\(word)")
                let start = s[0].proseFunction != nil
                    || ["it", "it's", "this", "the", "prime", "factorization", "factorisation"].contains(word)
                #expect(s[0].traits.contains(.phraseStart) == start, "\(word)")
            }
        }
    }

    @Test("the word sets the scanner asks about on every token hold only vocabulary words")
    func wordSetsInVocabulary() {
        let sets: [WordSet] = [
            ClaimScanner.unitWords, ClaimScanner.conditionalWords, ClaimScanner.hedgeWords, ClaimScanner.adverbs,
            ClaimScanner.verbs, ClaimScanner.negations, ClaimScanner.articles, ClaimScanner.dividesStarts,
            ClaimScanner.superlatives, ClaimScanner.factorizationWords, ClaimScanner.valueLinks,
            ClaimScanner.exactLinks, ClaimScanner.operatorWords, ClaimScanner.remainderWords,
            ClaimScanner.subjectVerbs, ClaimScanner.numberNouns, ClaimScanner.conditionsAfter,
            ClaimScanner.notPrimalityNouns, ClaimScanner.vagueQuantifiers, ClaimScanner.listContinuations,
            ClaimScanner.vagueListEnds, ClaimScanner.answerPreambles, ExpressionReader.degreeWords,
            ExpressionReader.radianWords,
        ]
        for set in sets { #expect(set.isInVocabulary) }
    }

    @Test("sentences found by binary search equal sentences found by walking the tokens")
    func sentences() throws {
        var texts = Self.texts + [
            "", ".", "..", "One. Two? Three! Four;\nFive", String(repeating: "word ", count: 600) + ". end",
            String(repeating: "a. ", count: 300), String(repeating: "7 ", count: 700),
        ]
        for record in try CorpusFiles.jsonLines("Corpora/labelled.jsonl").prefix(60) {
            if let response = record["response"] as? String { texts.append(response) }
        }
        for text in texts {
            FastPathTests.withStream(text) { s in
                let scanner = ClaimScanner(s, question: Question())
                for i in -1...s.count {
                    let (a, b) = scanner.sentence(i)
                    let (c, d) = scanner.walkedSentence(i)
                    #expect(a == c && b == d, "\(i) in \(text.prefix(40))")
                }
            }
        }
    }
}
