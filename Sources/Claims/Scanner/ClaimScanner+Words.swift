extension ClaimScanner {
    // MARK: - Word sets of the phrases

    // Every word of these sets is in the ``Vocabulary`` (a test checks it), so each test is one bit.

    /// Between an expression and its stated value: "is approximately 0.66", "is equal to 91".
    static let valueLinks = WordSet(["approximately", "about", "roughly", "around", "nearly", "equal", "to", "exactly"])
    /// The links of ``valueLinks`` that make the value exact.
    static let exactLinks = WordSet(["equal", "to", "exactly"])
    /// Words that leave an operation open before a number ("divided by 61 = 70.96").
    static let operatorWords = WordSet([
        "by", "divided", "times", "plus", "minus", "of", "over", "from", "than", "and", "to", "multiplied",
    ])
    static let articlesAndThe = WordSet(["a", "the"])
    /// "remainder 1", "R 1", "rem 1".
    static let remainderWords = WordSet(["remainder", "r", "rem"])
    /// After "prime": the sentence is about a prime factorization.
    static let factorizationNouns = WordSet(["factorization", "factorisation", "factors", "decomposition"])
    /// Before "number": a pronoun for the question's number.
    static let thisOrThe = WordSet(["this", "the"])
    /// After a number: the number is the subject of its sentence.
    static let subjectVerbs = WordSet(["is", "isn't", "has", "can", "was", "divided"])
    static let isNot = WordSet(["isn't", "isnt"])
    static let cannot = WordSet(["cannot", "can't"])
    static let primeOrComposite = WordSet(["prime", "composite"])
    static let numberNouns = WordSet(["number", "numbers", "integer"])
    /// After "prime": a condition, not a claim ("prime if …").
    static let conditionsAfter = WordSet(["if", "unless", "when", "only", "because"])
    static let factorOrDivisor = WordSet(["factor", "divisor"])
    /// After "prime": a noun that makes it no claim of primality ("prime factorization", "prime gap").
    static let notPrimalityNouns = WordSet(["factorization", "factorisation", "power", "gap", "pair", "triplet"])
    static let evenlyOrExactly = WordSet(["evenly", "exactly"])
    static let divisorOrFactor = WordSet(["divisor", "factor"])
    static let evenOrOdd = WordSet(["even", "odd"])
    /// After "even" / "odd": not a parity claim ("even divisible", "odd if").
    static let notParityAfter = WordSet(["divisible", "if", "though"])
    static let numberOrInteger = WordSet(["number", "integer"])
    /// In a divisor list: a universal or vague claim, not checked.
    static let vagueQuantifiers = WordSet(["any", "all", "none", "every", "some", "other", "itself", "numbers"])
    static let conjunctions = WordSet(["and", "or", "nor"])
    /// After a number: the list of numbers goes on.
    static let listContinuations = WordSet(["and", "or", "nor", "respectively", "either", "both"])
    static let andOr = WordSet(["and", "or"])
    /// After "and" / "or" at the end of a list: "… and itself", "or more".
    static let vagueListEnds = WordSet(["itself", "other", "others", "more"])
    static let doesOrDo = WordSet(["does", "do"])
    static let doesNot = WordSet(["doesn't", "don't"])
    static let arithmeticWords = WordSet(["times", "plus", "minus"])
    /// Words before a bare value that answers the question ("The final answer is").
    static let answerPreambles = WordSet(["approximately", "about", "answer", "the", "is", "final"])
    static let unitNames = WordSet(["degrees", "radians"])
}
