import Foundation
import Testing

@testable import Claims
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
            ExpressionReader.radianWords, ClaimScanner.clauseHedges, ClaimScanner.denials, ClaimScanner.conclusionVerbs,
            ClaimScanner.rejectionWords, ClaimScanner.truthWords, ClaimScanner.denyingNot,
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

    @Test("sentences found by stepping from the last one equal sentences found by binary search, in any order")
    func nearSentences() throws {
        var texts = [
            "", "One. Two? Three! Four;\nFive", String(repeating: "word ", count: 600) + ". end",
            String(repeating: "a. ", count: 300), String(repeating: "7\n\n", count: 40) + "x",
        ]
        for record in try CorpusFiles.jsonLines("Corpora/labelled.jsonl").prefix(30) {
            if let response = record["response"] as? String { texts.append(response) }
        }
        for text in texts {
            FastPathTests.withStream(text) { s in
                var scanner = ClaimScanner(s, question: Question())
                let forward = Array(-1...s.count)
                // Ascending, descending, and jumping about (a fixed permutation: 37 is prime to most counts).
                let jumps = forward.indices.map { forward[($0 * 37) % forward.count] }
                for i in forward + forward.reversed() + jumps + forward {
                    let (a, b) = scanner.nearSentence(i)
                    let (c, d) = scanner.sentence(i)
                    #expect(a == c && b == d, "\(i) in \(text.prefix(40))")
                }
            }
        }
    }

    @Test("a function phrase passed over as stating no value states none when its argument is read")
    func functionPhrases() throws {
        var texts = [
            "the square root of 17077 is approximately 130.7", "the square root of 17077 (which is about 130.7)",
            "the sine of 30 degrees = 0.5", "cos of 3532 radians ≈ -0.99", "the sine of (2 + 3) (which is 0.1)",
            "the square root of 17077. The cosine of x is 1", "the natural log of 2 is 0.69", "sin of 2 + is 3",
            "the tangent of 45° which is 1", "the square root of", "sine of 2 (", "the sine of -0.413 radians is -0.4",
        ]
        for record in try CorpusFiles.jsonLines("Corpora/labelled.jsonl") {
            if let response = record["response"] as? String { texts.append(response) }
        }
        for text in texts {
            FastPathTests.withStream(text) { s in
                for i in 0..<s.count {
                    // The plain definition: the argument read, then "is", "=" or "≈" after an optional "(" and "which".
                    var j = i
                    guard ClaimScanner.functionWord(s, i) != nil
                        || (s.isWord(i, "the") && ClaimScanner.functionWord(s, i + 1) != nil),
                        ClaimScanner.phraseExpression(s, &j, unit: nil) != nil
                    else { continue }
                    var k = j
                    if s.kind(k) == .openParen { k += 1 }
                    if s.isWord(k, "which") { k += 1 }
                    let states = s.isWord(k, "is") || s.kind(k) == .equals || s.kind(k) == .approx
                    if states { #expect(ClaimScanner.mayStateValue(s, functionPhraseAt: i), "\(i) in \(text.prefix(60))") }
                }
            }
        }
    }

    // MARK: - Numbers, lists and the question cache

    /// Digit strings on both sides of the 18 digits read into a machine word.
    static let digitStrings: [String] = [
        "0", "7", "91", "17077", "999999999999999999", "100000000000000000", "1000000000000000000",
        "9223372036854775807", "9223372036854775808", "123456789012345678901234567890", String(repeating: "9", count: 60),
    ]

    @Test("the integer of a literal read from its bytes equals its parsed digits", arguments: digitStrings)
    func literalIntegers(digits: String) {
        let literal = DecimalLiteral(digits: digits, fractionDigits: 0, exponent: 0)
        #expect(ExpressionReader.integer(.number(literal)) == (try? BigInteger(parsing: digits)))
        #expect(ExpressionReader.integer(.number(DecimalLiteral(digits: digits, fractionDigits: 1, exponent: 0))) == nil)
        #expect(ExpressionReader.integer(.negate(.number(literal))) == nil)
    }

    @Test("a question's number equals the exact value of the expression it starts", arguments: [
        "Is 17077 a prime number?", "Is 0 prime?", "Is 007 prime?", "Is 2^10 − 1 prime?", "Is 3 × 7 + 1 composite?",
        "Is 999999999999999999 prime?", "Is 123456789012345678901234567890 divisible by 7?",
        "Is " + String(repeating: "9", count: 1300) + " prime?", "Is 1,000,003 prime?", "Is 2.5 prime?",
    ])
    func questionNumbers(prompt: String) {
        FastPathTests.withStream(prompt) { s in
            guard let first = (0..<s.count).first(where: { s.kind($0) == .number }) else {
                Issue.record("no number in \(prompt)")
                return
            }
            // The plain definition: the exact value of the expression, when it is an integer.
            let plain = ExpressionReader.longest(s, from: first, accept: { $1.integerOnly }).flatMap { e, _, _ in
                Rational(e).flatMap { $0.den == 1 ? $0.num : nil }
            }
            #expect(Question.integerStarting(s, at: first) == plain, "\(prompt.prefix(40))")
        }
    }

    @Test("a token is an integer exactly when it reads as one", arguments: [
        "0 007 91 0.5 1e22 1.5E-3 34,792,834 999999999999999999 1000000000000000000 x + 12",
        "123456789012345678901234567890 1,234,567,890,123,456,789,012 34\\,792\\,834 " + String(repeating: "7", count: 5000),
    ])
    func integerTokens(text: String) {
        FastPathTests.withStream(text) { s in
            for i in -1...s.count { #expect(s.isInteger(i) == (s.integer(i) != nil), "\(i) in \(text.prefix(40))") }
        }
    }

    /// The list of numbers as it was gathered in one walk, before the walk was shared by counting and visiting.
    static func gatheredList(_ s: TokenStream, from i: Int) -> ([BigInteger], Int) {
        var list: [BigInteger] = []
        var j = i
        while j < s.count {
            if s.isWord(j, in: ClaimScanner.vagueQuantifiers) { return ([], j) }
            guard let d = s.integer(j),
                !(s.kind(j + 1).map { $0.bit & ClaimScanner.operatorsAfterListNumber != 0 } ?? false)
            else { break }
            list.append(d)
            j += 1
            var k = j
            if s.kind(k) == .comma { k += 1 }
            if s.isWord(k, in: ClaimScanner.conjunctions) { k += 1 }
            if s.isWord(k, "by") { k += 1 }
            guard s.kind(k) == .number else { break }
            let continues =
                s.kind(k + 1).map { $0.bit & ClaimScanner.listNumberEnds != 0 } ?? true
                || s.isWord(k + 1, in: ClaimScanner.listContinuations)
            guard continues else { break }
            j = k
        }
        if s.isWord(j, in: ClaimScanner.andOr), s.isWord(j + 1, in: ClaimScanner.vagueListEnds) { return ([], j) }
        if s.isWord(j, "only") { return ([], j) }
        return (list, j)
    }

    @Test("a list of numbers walked, counted and visited is the list gathered in one walk", arguments: [
        "It is not divisible by 3, 5, 7, 11, 13, or 17. It is divisible by 1 and itself.",
        "divisible by 2 and 4 and by 7, 11 or more; by any other number; by 3, 5 only; by 3 + 4, 5 and 6",
        "by 2, 3 is a prime; 3.5, 7 and 11; 5 and 116767\n7, 9 respectively, 13 nor 15 both",
        "by " + (2...200).map { String($0) }.joined(separator: ", ") + " and 1000000000000000000000",
    ])
    func numberLists(text: String) {
        let question = FastPathTests.withStream("Is 91 prime?") { Question($0) }
        FastPathTests.withStream(text) { s in
            let scanner = ClaimScanner(s, question: question)
            for i in 0...s.count {
                let (list, end) = scanner.numberList(from: i)
                let (gathered, gatheredEnd) = Self.gatheredList(s, from: i)
                #expect(list == gathered && end == gatheredEnd, "\(i) in \(text.prefix(40))")
                #expect(ClaimScanner.numberListExtent(s, from: i) == (gathered.count, gatheredEnd))
            }
        }
    }

    @Test("a number's text is its digits, points, signs and exponent mark, in order", arguments: [
        "0", "007", "34,792,834", "34 792 834.25", "34\\,792\\,834", "1{,}000{,}000", "34\u{2009}792\u{2009}834",
        "1e22", "1.5E-3", "2.5e+3", "3.14159265358979323846", "123456789012345678901234567890.125",
    ])
    func numberTexts(text: String) {
        FastPathTests.withStream(text) { s in
            #expect(s.count >= 1 && s.kind(0) == .number)
            let t = s[0]
            // The plain definition: the token's bytes kept one by one.
            var plain = ""
            for b in s.bytes[t.start..<t.end] {
                if (b >= 48 && b <= 57) || b == 46 || b == 0x2D || b == 0x2B {
                    plain.unicodeScalars.append(Unicode.Scalar(b))
                } else if b == 0x45 || b == 0x65 {
                    plain += "e"
                }
            }
            #expect(s.numberText(0) == plain, "\(text)")
        }
    }

    @Test("the question cache's hash reads every byte and nothing else")
    func promptHashes() {
        let texts = (0..<40).map { String(repeating: "Is 17077 prime? ", count: $0 / 8) + String(repeating: "x", count: $0 % 17) }
        var seen: Set<Int> = []
        for text in texts {
            let bytes = Array(text.utf8)
            // The same bytes at another address (and alignment) hash alike.
            let padded = [0x41] + bytes + [0x42]
            let hash = bytes.withUnsafeBufferPointer { QuestionCache.hash($0, seed: 0x1234) }
            let moved = padded.withUnsafeBufferPointer {
                QuestionCache.hash(UnsafeBufferPointer(rebasing: $0[1..<(1 + bytes.count)]), seed: 0x1234)
            }
            #expect(hash == moved)
            seen.insert(hash)
            // Each byte, the last ones included, changes the hash.
            for k in bytes.indices {
                var changed = bytes
                changed[k] ^= 1
                #expect(changed.withUnsafeBufferPointer { QuestionCache.hash($0, seed: 0x1234) } != hash)
            }
        }
        #expect(seen.count == Set(texts).count)
    }
}
