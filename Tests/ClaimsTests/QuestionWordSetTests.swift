import Foundation
import Testing

@testable import Claims
@testable import Verifiers

/// The question reader asks its word lists as ``WordSet``s (built once) instead of arrays compared word by word:
/// each set must answer exactly what its list answers, for vocabulary words and for other words alike.
@Suite("The question's word sets agree with their word lists")
struct QuestionWordSetTests {
    static let pairs: [(WordSet, [StaticString])] = [
        (ExpressionReader.degreeWords, ["degrees", "degree", "deg"]),
        (ExpressionReader.radianWords, ["radians", "radian", "rad"]),
        (Question.primalityWords, ["prime", "composite", "primality"]),
        (Question.factorNouns, ["factorization", "factorisation", "factors", "factor", "decomposition"]),
        (Question.factorWords, ["factor", "factorize", "factorise", "factorization", "factorisation"]),
        (Question.yesOrNo, ["yes", "no"]),
        (Question.targetTriggers, ["what's", "compute", "calculate", "evaluate", "find", "determine", "approximate"]),
        (Question.targetPreambles, ["the", "value", "of", "exact", "approximate", "numerical"]),
        (ClaimScanner.evenlyOrExactly, ["evenly", "exactly"]),
        (Question.precisionWords, ["decimal", "significant"]),
        (Question.figureWords, ["figures", "figure", "digits", "digit"]),
    ]

    @Test("each set holds exactly the words of its list, in any case")
    func setsEqualLists() throws {
        var texts = [
            "Degrees DEG deg degree radian RADIANS rad Prime COMPOSITE primality factorization Factorisation factors",
            "factor factorize FACTORISE decomposition yes No what's What’s compute calculate evaluate find determine",
            "approximate the value of exact numerical evenly exactly decimal significant figures figure digits digit",
            "degreess radi primes factorizations factorizer yess nos computes finds values decimals digitss exactl",
            "What is the sine of -0.413 radians? Give answer rounded to one decimal places.",
        ]
        for record in try CorpusFiles.jsonLines("Corpora/labelled.jsonl").prefix(200) {
            if let prompt = record["prompt"] as? String { texts.append(prompt) }
        }
        for text in texts {
            FastPathTests.withStream(text) { s in
                for i in 0..<s.count where s.kind(i) == .word {
                    for (set, list) in Self.pairs {
                        #expect(s.isWord(i, in: set) == s.isWord(i, in: list), "\(s.word(i)) in \(list)")
                    }
                }
            }
        }
    }
}

/// The predicate reads the words between a verb and its predicate through one table of classes per vocabulary
/// number: each class must hold exactly the words of its set.
@Suite("The predicate's word classes agree with its word sets")
struct PredicateWordClassTests {
    @Test("every vocabulary number has the classes of the sets it is in")
    func classesEqualSets() {
        let classes = ClaimScanner.predicateWordClasses
        #expect(classes.count == 256 && classes[0] == 0)
        let the = Vocabulary.shared.number(of: "the")
        for n in 1..<Vocabulary.shared.words.count {
            let number = UInt8(n)
            let c = classes[n]
            #expect((c & ClaimScanner.PredicateWord.negation != 0) == ClaimScanner.negations.contains(number: number))
            #expect((c & ClaimScanner.PredicateWord.hedge != 0) == ClaimScanner.hedgeWords.contains(number: number))
            #expect((c & ClaimScanner.PredicateWord.article != 0) == ClaimScanner.articles.contains(number: number))
            #expect((c & ClaimScanner.PredicateWord.the != 0) == (number == the))
            #expect((c & ClaimScanner.PredicateWord.adverb != 0) == ClaimScanner.adverbs.contains(number: number))
            #expect(
                (c & ClaimScanner.PredicateWord.superlative != 0) == ClaimScanner.superlatives.contains(number: number))
        }
        // Words of those sets that a text spells in capitals get the same number, hence the same classes.
        FastPathTests.withStream("NOT Never A an THE Also PROBABLY only") { s in
            for i in 0..<s.count { #expect(s[i].word != 0, "\(s.word(i))") }
        }
    }
}
