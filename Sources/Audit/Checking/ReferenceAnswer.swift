public import JSON
public import Verifiers

/// A known answer to a record's question, read from its `"reference"` field.
///
/// "Yes"/"No" (or true/false), an integer or a factorization ("2 × 17396417", "2^3 * 5", [2, 17396417]), or a value
/// ("0.66", "-1/2", "√3/2", 0.5).
public enum ReferenceAnswer: Sendable, Equatable {
    case yesNo(Bool)
    /// Factors with repetition, sorted; a single integer is a one-factor list.
    case factors([BigInteger])
    /// A value: its text, parsed form, and the decimals written when it is a decimal (nil for an exact form).
    case value(String, Expression, decimals: Int?)

    /// Whether the reference is a value a stated number can be compared with: a value, or a single integer.
    public var isValue: Bool {
        switch self {
        case .value: return true
        case .factors(let f): return f.count == 1
        case .yesNo: return false
        }
    }

    /// Reads a reference, or says why it cannot be used.
    public init(_ json: JSONValue) throws(RecordError) {
        switch json {
        case .bool(let b): self = .yesNo(b)
        case .number(let text): self = try Self.parse(text)
        case .string(let text): self = try Self.parse(text)
        case .array(let items):
            var factors: [BigInteger] = []
            for item in items {
                guard let text = item.stringValue ?? item.numberText, let n = BigInteger(text) else {
                    throw RecordError("\"reference\" lists must hold integers")
                }
                factors.append(n)
            }
            guard !factors.isEmpty else { throw RecordError("\"reference\" is an empty list") }
            self = .factors(factors.sorted(by: <))
        default: throw RecordError("\"reference\" must be a string, number, boolean or list of integers")
        }
    }

    private static func parse(_ raw: String) throws(RecordError) -> ReferenceAnswer {
        // Most references in yes/no corpora are a bare word: decide those without building anything.
        switch raw {
        case "Yes", "yes", "YES", "True", "true": return .yesNo(true)
        case "No", "no", "NO", "False", "false": return .yesNo(false)
        default: break
        }
        var text = raw.trimming(" \t\n\r.*[]")
        if text.hasPrefix("\\boxed{") && text.hasSuffix("}") { text = String(text.dropFirst(7).dropLast()) }
        if text.hasPrefix("\\text{") && text.hasSuffix("}") { text = String(text.dropFirst(6).dropLast()) }
        switch text.lowercased() {
        case "yes", "true": return .yesNo(true)
        case "no", "false": return .yesNo(false)
        default: break
        }
        if let factors = factorization(text) { return .factors(factors) }
        do {
            let expression = try ExpressionParser.parse(text)
            let decimals = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 }
            let isDecimal = decimals != nil && text.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" || $0 == "−" || $0 == "+" }
            return .value(text, expression, decimals: isDecimal ? decimals : nil)
        } catch {
            throw RecordError("\"reference\" is not yes/no, an integer, a factorization or a value: \(error.message)")
        }
    }

    /// "2 × 17396417", "2^3 * 5", "7²·13", "42" → sorted factors with repetition; nil when the text is not that.
    static func factorization(_ text: String) -> [BigInteger]? {
        var normalized = text
        for (from, to) in [("\\times", "×"), ("\\cdot", "×"), ("*", "×"), ("·", "×"), ("⋅", "×"), (" x ", "×")] {
            normalized = normalized.replacing(from, with: to)
        }
        var factors: [BigInteger] = []
        for part in normalized.split(separator: "×") {
            var piece = part.trimming(" {}")
            var exponent = 1
            for (mark, value) in [("²", 2), ("³", 3)] where piece.hasSuffix(mark) {
                piece = String(piece.dropLast())
                exponent = value
            }
            if let caret = piece.firstIndex(of: "^") {
                guard let e = Int(piece[piece.index(after: caret)...].trimming(" {}")), e >= 1, e <= 64
                else { return nil }
                exponent = e
                piece = String(piece[..<caret]).trimming(" ")
            }
            let digits = piece.filter { $0 != "," && $0 != " " }
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let n = BigInteger(digits)
            else { return nil }
            factors.append(contentsOf: repeatElement(n, count: exponent))
        }
        return factors.isEmpty ? nil : factors.sorted(by: <)
    }
}

extension String {
    func trimming(_ set: String) -> String {
        let drop = Set(set)
        guard let start = firstIndex(where: { !drop.contains($0) }) else { return "" }
        let end = lastIndex(where: { !drop.contains($0) }) ?? start
        return String(self[start...end])
    }
}

extension Substring {
    func trimming(_ set: String) -> String { String(self).trimming(set) }
}
