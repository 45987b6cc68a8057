/// Adding a claim, and the word sets and word-class tables the passes of statements in words read.
extension ClaimScanner {
    // MARK: - Helpers

    mutating func add(_ kind: Claim.Kind, _ statement: Statement, _ from: Int, _ to: Int, highlight: Range<Int>? = nil) {
        let end = min(to, stream.count)
        guard from < end else { return }
        claims.append(Claim(kind: kind, statement: statement, bytes: stream[from].start..<stream[end - 1].end))
    }

    /// The classes of the words between a verb and its predicate, as bits of ``predicateWordClasses``.
    enum PredicateWord {
        static let negation: UInt8 = 1 << 0
        static let hedge: UInt8 = 1 << 1
        static let article: UInt8 = 1 << 2
        static let the: UInt8 = 1 << 3
        static let adverb: UInt8 = 1 << 4
        static let superlative: UInt8 = 1 << 5
    }

    /// For each vocabulary number, its ``PredicateWord`` classes: membership in ``negations``, ``hedgeWords``,
    /// ``articles``, "the", ``adverbs`` and ``superlatives`` (number 0, no vocabulary word, is in none).
    static let predicateWordClasses = wordClasses(
        [
            (negations, PredicateWord.negation), (hedgeWords, PredicateWord.hedge), (articles, PredicateWord.article),
            (WordSet(["the"]), PredicateWord.the), (adverbs, PredicateWord.adverb),
            (superlatives, PredicateWord.superlative),
        ], "the words between a verb and its predicate")

    /// A table from vocabulary number to the bits of the sets that hold the word (number 0, no vocabulary word, is in
    /// none), so that a pass asks one load per word instead of a test per set. Every word of the sets must be in the
    /// vocabulary.
    static func wordClasses(_ sets: [(WordSet, UInt8)], _ what: String) -> [UInt8] {
        precondition(sets.allSatisfy(\.0.isInVocabulary), "\(what) are vocabulary words")
        return (0..<256).map { n in
            guard n != 0 else { return 0 }
            var c: UInt8 = 0
            for (set, bit) in sets where set.contains(number: UInt8(n)) { c |= bit }
            return c
        }
    }

    static let adverbs = WordSet([
        "also", "indeed", "therefore", "thus", "hence", "definitely", "certainly", "clearly", "actually", "in", "fact",
        "then", "so", "now", "still", "really", "obviously", "itself", "evidently", "truly", "always", "exactly",
        "evenly", "both", "surely", "undoubtedly",
    ])

    static let verbs = WordSet(["is", "isn't", "isnt", "it's", "can", "cannot", "can't", "are", "aren't"])

    static let factorizationWords = WordSet(["factorization", "factorisation"])

    static let negations = WordSet(["not", "never"])

    static let articles = WordSet(["a", "an"])

    static let dividesStarts = WordSet(["does", "do", "doesn't", "don't", "evenly", "exactly", "divides"])

    static let superlatives = WordSet([
        "only", "smallest", "largest", "first", "next", "biggest", "last", "even", "odd", "greatest", "least",
    ])
}
