import Verifiers

/// The words the claim scanner asks about, numbered, so that the tokenizer can label each word of an answer once
/// and every later question ("is it a conditional word?", "is it a function name?") is a bit test.
///
/// Each word is found through an open-addressed hash table keyed by its ``Token/key`` (its first eight bytes,
/// lower-cased) and its length; words longer than eight bytes also compare the key of their next eight bytes (and
/// the bytes after sixteen, which no word of the vocabulary has today). A word costs one multiply and usually one
/// probe: of an empty slot for most words of prose, of its own slot for a vocabulary word.
///
/// Numbers are 1...255 (0 is "not a vocabulary word"): ``WordSet`` holds a set of them in 256 bits. A word set may
/// hold a word outside the vocabulary (it is then compared byte by byte, as before), so the vocabulary lists the
/// words of the sets the scanner asks about on every token; a test checks that those sets are covered.
struct Vocabulary: Sendable {
    /// What the vocabulary knows about one word.
    ///
    /// (The fields are in the order of the same fields of ``Token``, so that the tokenizer copies them as one.)
    struct Entry: Sendable {
        /// The function the word names in formulas ("sin", "log₁₀") and in prose ("sine", "square" of "square root").
        let formula: Expression.Function?
        let prose: Expression.Function?
        /// The word's number, 1...255.
        let number: UInt8
        let traits: WordTraits
    }

    static let shared = Vocabulary()

    /// The words, lower case; word `number` is `words[number]` (`words[0]` is a placeholder).
    let words: [StaticString]
    /// The table: a slot is empty when its length is 0.
    private let slots: [Slot]

    /// One slot of the table: a word's key, the key of its bytes 8..<16 (0 for shorter words) and its length, with
    /// its entry. Words of up to 16 bytes are then matched by comparing integers.
    struct Slot: Sendable {
        let key: UInt64
        let tail: UInt64
        let length: UInt8
        let entry: Entry
    }

    /// The longest word matched by keys alone; longer ones also compare their bytes after the sixteenth.
    static let keyedLength = 16
    private static let tableBits = 10
    private static var tableMask: Int { (1 << tableBits) - 1 }

    /// The words of the scanner's word sets and phrases; function names are added from the two name tables.
    static let scannerWords: [StaticString] = [
        // Verbs, pronouns and articles that start or continue statements.
        "is", "isn't", "isnt", "it's", "it", "its", "can", "cannot", "can't", "be", "are", "aren't", "was", "has", "this", "the",
        "a", "an", "of", "by", "to", "and", "or", "nor", "not", "never", "no", "yes", "number", "numbers", "integer",
        // Conditionals and hedges.
        "if", "suppose", "supposing", "assume", "assuming", "whether", "unless", "were", "would", "could", "should",
        "might", "may", "let", "let's", "hypothetically", "otherwise", "asked", "ask", "asking", "question",
        "such", "probably", "likely", "possibly", "perhaps", "maybe", "seems", "appears", "seem", "appear", "believe",
        "think", "guess", "suspect", "unlikely", "potentially", "necessarily",
        // Adverbs and superlatives between a verb and its predicate.
        "also", "indeed", "therefore", "thus", "hence", "definitely", "certainly", "clearly", "actually", "in", "fact",
        "then", "so", "now", "still", "really", "obviously", "itself", "evidently", "truly", "always", "exactly",
        "evenly", "both", "surely", "undoubtedly", "only", "smallest", "largest", "first", "next", "biggest", "last",
        "even", "odd", "greatest", "least",
        // Predicates.
        "prime", "primes", "composite", "divisible", "divided", "divides", "divide", "does", "do", "doesn't", "don't",
        "multiple", "divisor", "factor", "factors", "factorization", "factorisation", "decomposition", "power", "gap",
        "pair", "triplet", "because", "when", "though",
        // Words after a relation that deny it ("which is not true"), and the modulo operator.
        "false", "incorrect", "contradiction", "impossible", "wrong", "mistake", "true", "correct", "hold", "satisfied",
        "which", "that", "mod", "modulo",
        // What a denial takes back: "we cannot conclude that it is prime".
        "conclude", "prove", "proves", "determine", "confirm", "guarantee", "guarantees", "say", "sure", "certain",
        // Links to values, operators and lists.
        "approximately", "about", "roughly", "around", "nearly", "equal", "over", "from", "than", "times", "plus",
        "minus", "multiplied", "remainder", "r", "rem", "respectively", "either", "more", "others", "other", "any",
        "all", "none", "every", "some", "answer", "final",
        // Units, and the letters that are math between numbers ("3 x 5") or before a power ("e^2").
        "degrees", "degree", "deg", "radians", "radian", "rad", "x", "e",
    ]

    /// The words of ``WordTraits/mathWord`` besides function names.
    static let mathWords: [StaticString] = ["degrees", "degree", "deg", "radians", "radian", "rad", "x", "e"]
    /// The words of ``WordTraits/phraseStart`` besides function words in prose.
    static let phraseStartWords: [StaticString] = ["it", "it's", "this", "the", "prime", "factorization", "factorisation"]

    /// Numbers the words of ``scannerWords`` and of the two function-name tables in that order (a word listed twice
    /// keeps its first number) and fills the slot table. Words are compared byte for byte (no `String` is made:
    /// this runs once per process, before the first answer is tokenized).
    init() {
        var words: [StaticString] = ["_"]
        let empty = Entry(formula: nil, prose: nil, number: 0, traits: [])
        var slots = [Slot](repeating: Slot(key: 0, tail: 0, length: 0, entry: empty), count: 1 << Self.tableBits)
        func add(_ word: StaticString) {
            let count = word.utf8CodeUnitCount
            precondition(count > 0 && count < 256, "a vocabulary word has 1 to 255 bytes")
            let key = Token.key(word.utf8Start, count: count)
            var slot = Self.slot(key, count)
            while slots[slot].length != 0 {
                if Self.same(words[Int(slots[slot].entry.number)], word) { return }
                slot = (slot + 1) & Self.tableMask
            }
            precondition(words.count < 256, "the vocabulary holds at most 255 words")
            let formula = ExpressionReader.functionNames.first { Self.same($0.0, word) }?.1
            let prose = ClaimScanner.functionWords.first { Self.same($0.0, word) }?.1
            var traits: WordTraits = []
            if formula != nil || prose != nil || Self.mathWords.contains(where: { Self.same($0, word) }) {
                traits.insert(.mathWord)
            }
            if prose != nil || Self.phraseStartWords.contains(where: { Self.same($0, word) }) {
                traits.insert(.phraseStart)
            }
            let tail = count > 8 ? Token.key(word.utf8Start + 8, count: count - 8) : 0
            slots[slot] = Slot(
                key: key, tail: tail, length: UInt8(count),
                entry: Entry(formula: formula, prose: prose, number: UInt8(words.count), traits: traits))
            words.append(word)
        }
        for word in Self.scannerWords { add(word) }
        for (name, _) in ExpressionReader.functionNames { add(name) }
        for (name, _) in ClaimScanner.functionWords { add(name) }
        self.words = words
        self.slots = slots
    }

    /// Whether `a` and `b` have the same bytes.
    private static func same(_ a: StaticString, _ b: StaticString) -> Bool {
        let count = a.utf8CodeUnitCount
        guard b.utf8CodeUnitCount == count else { return false }
        for k in 0..<count where a.utf8Start[k] != b.utf8Start[k] { return false }
        return true
    }

    /// The number of `word` (lower case), or nil when it is not in the vocabulary.
    func number(of word: StaticString) -> UInt8? {
        let count = word.utf8CodeUnitCount
        guard count > 0 else { return nil }
        let bytes = UnsafeBufferPointer(start: word.utf8Start, count: count)
        guard let entry = lookup(bytes, 0, count, key: Token.key(bytes, 0, count)) else { return nil }
        // The table matches capitals as their lower case: only the vocabulary's own spelling has its number.
        return Self.same(words[Int(entry.number)], word) ? entry.number : nil
    }

    /// The entry of the word text[start..<end] whose ``Token/key`` is `key`, or nil.
    func lookup(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, key: UInt64) -> Entry? {
        withSlots { Self.lookup($0, text, start, end - start, key: key) }
    }

    /// Calls `body` with the slot table, for ``lookup(_:_:_:_:key:)`` in a loop.
    @inline(__always)
    func withSlots<R>(_ body: (UnsafeBufferPointer<Slot>) -> R) -> R {
        slots.withUnsafeBufferPointer(body)
    }

    /// The entry of the word of `count` bytes at text[start...] whose ``Token/key`` is `key`, or nil, found in
    /// `slots` (from ``withSlots(_:)``).
    @inline(__always)
    static func lookup(
        _ slots: UnsafeBufferPointer<Slot>, _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int, key: UInt64
    ) -> Entry? {
        guard count < 256 else { return nil }
        // Slots of words of up to eight bytes have tail 0, so that one comparison of the tails serves all lengths.
        let tail = count > 8 ? Self.tailKey(text, start, count) : 0
        guard count > keyedLength else { return lookup(slots, key: key, tail: tail, count: count) }
        var slot = Self.slot(key, count)
        while true {
            let s = slots[slot]
            if s.length == 0 { return nil }
            if s.key == key && s.tail == tail && Int(s.length) == count && Self.bytesMatch(s, text, start, count) {
                return s.entry
            }
            slot = (slot &+ 1) & Self.tableMask
        }
    }

    /// The entry of the word of `count` ≤ ``keyedLength`` bytes whose ``Token/key`` is `key` and whose ``Slot/tail``
    /// is `tail` (0 for up to eight bytes), or nil, found in `slots` (from ``withSlots(_:)``).
    @inline(__always)
    static func lookup(_ slots: UnsafeBufferPointer<Slot>, key: UInt64, tail: UInt64, count: Int) -> Entry? {
        var slot = Self.slot(key, count)
        while true {
            let s = slots[slot]
            if s.length == 0 { return nil }
            if s.key == key && s.tail == tail && Int(s.length) == count { return s.entry }
            slot = (slot &+ 1) & Self.tableMask
        }
    }

    /// The ``Slot/tail`` of the word of `count` > 8 bytes at text[start...]: the key of its bytes 8..<16. (Out of
    /// line: most words are shorter.)
    @inline(never)
    private static func tailKey(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> UInt64 {
        Token.key(text, start + 8, start + min(count, keyedLength))
    }

    /// Whether the bytes of a word longer than ``keyedLength`` after its first sixteen are those of slot `s`'s
    /// word (no vocabulary word is that long today).
    @inline(never)
    private static func bytesMatch(_ s: Slot, _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Bool {
        let p = Vocabulary.shared.words[Int(s.entry.number)].utf8Start
        for k in keyedLength..<count {
            let b = text[start + k]
            if (b >= 65 && b <= 90 ? b | 0x20 : b) != p[k] { return false }
        }
        return true
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ count: Int) -> Int {
        Int(truncatingIfNeeded: ((key ^ UInt64(count) << 56) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - tableBits))
    }
}
