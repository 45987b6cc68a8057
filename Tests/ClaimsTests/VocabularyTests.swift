import Testing

@testable import Claims
@testable import Verifiers

/// The vocabulary's slot table, built by comparing bytes, must hold what the plain definition with `String`s gives:
/// the words of its lists numbered in order of first appearance, each found by its own spelling only, with the
/// functions the name tables give it.
@Suite("The vocabulary agrees with its word lists")
struct VocabularyTests {
    static let lists: [String] =
        Vocabulary.scannerWords.map(\.description) + ExpressionReader.functionNames.map { $0.0.description }
        + ClaimScanner.functionWords.map { $0.0.description }

    @Test("words are numbered in the order they first appear, and number(of:) finds each by its spelling")
    func numbering() {
        var expected: [String] = []
        for word in Self.lists where !expected.contains(word) { expected.append(word) }
        let vocabulary = Vocabulary.shared
        #expect(vocabulary.words.dropFirst().map(\.description) == expected)
        for (number, word) in vocabulary.words.enumerated().dropFirst() {
            #expect(vocabulary.number(of: word) == UInt8(number), "\(word)")
        }
        for other: StaticString in ["Prime", "IS", "primess", "", "_", "hypotheticallyy", "log₁₀x"] {
            #expect(vocabulary.number(of: other) == nil, "\(other)")
        }
    }

    @Test("each word's entry holds the first function the name tables give it, and lookups ignore capitals")
    func entries() {
        let vocabulary = Vocabulary.shared
        for (number, word) in vocabulary.words.enumerated().dropFirst() {
            let formula = ExpressionReader.functionNames.first { $0.0.description == word.description }?.1
            let prose = ClaimScanner.functionWords.first { $0.0.description == word.description }?.1
            for spelling in [word.description, word.description.uppercased()] {
                let bytes = Array(spelling.utf8)
                let entry = bytes.withUnsafeBufferPointer { p in
                    vocabulary.lookup(p, 0, p.count, key: Token.key(p, 0, p.count))
                }
                #expect(entry?.number == UInt8(number), "\(spelling)")
                #expect(entry?.formula == formula && entry?.prose == prose, "\(spelling)")
            }
        }
    }
}
