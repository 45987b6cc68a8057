/// The function names the scanner knows, indexed by first letter and length, for the tokenizer.
///
/// Every word of an answer is looked up when it is tokenized, and a linear search of the two name tables
/// (``ExpressionReader/functionNames``, ``ClaimScanner/functionWords``) cost hundreds of instructions for each "the"
/// or "can" (whose first letter and length some name shares). Here a word goes to the bucket of names with its first
/// letter and length (usually empty, else one or two names) and is compared by its packed key (``Token/key``); only
/// names longer than eight bytes compare the bytes after the key. The answer is what the tables' own lookup
/// (``TokenStream/lookup(_:_:_:_:)``) gives; tests compare the two.
struct FunctionNameIndex: Sendable {
    struct Entry: Sendable {
        let key: UInt64
        let name: StaticString
        /// The function the name has in formulas ("sin", "log₁₀") and in prose ("sine", "square").
        let formula: Expression.Function?
        let prose: Expression.Function?
    }

    static let maxLength = 15
    /// Bucket (first letter − "a") × 16 + length.
    private let buckets: [[Entry]]

    static let shared = FunctionNameIndex()

    init() {
        var names: [StaticString] = []
        for name in ExpressionReader.functionNames.map(\.0) + ClaimScanner.functionWords.map(\.0)
        where !names.contains(where: { $0.description == name.description }) {
            names.append(name)
        }
        var buckets = [[Entry]](repeating: [], count: 26 * 16)
        for name in names {
            let first = name.utf8Start[0]
            precondition(first >= 97 && first <= 122 && name.utf8CodeUnitCount <= Self.maxLength, "a name is \(name)")
            let formula = ExpressionReader.functionNames.first { $0.0.description == name.description }?.1
            let prose = ClaimScanner.functionWords.first { $0.0.description == name.description }?.1
            let key = Token.key(name.utf8Start, count: name.utf8CodeUnitCount)
            let entry = Entry(key: key, name: name, formula: formula, prose: prose)
            buckets[Int(first - 97) * 16 + name.utf8CodeUnitCount].append(entry)
        }
        self.buckets = buckets
    }

    /// The functions the word text[start..<end] names in formulas and in prose; `key` is its ``Token/key``.
    func lookup(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, key: UInt64)
        -> (formula: Expression.Function?, prose: Expression.Function?)
    {
        let length = end - start
        let first = text[start] | 0x20
        guard length <= Self.maxLength, first >= 97, first <= 122 else { return (nil, nil) }
        for entry in buckets[Int(first - 97) * 16 + length] where entry.key == key {
            let p = entry.name.utf8Start
            var k = 8
            while k < length {
                let b = text[start + k]
                if (b >= 65 && b <= 90 ? b | 0x20 : b) != p[k] { break }
                k += 1
            }
            if k >= length { return (entry.formula, entry.prose) }
        }
        return (nil, nil)
    }
}
