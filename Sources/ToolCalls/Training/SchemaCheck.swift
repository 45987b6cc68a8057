import JSON

/// Checks a JSON value against the JSON Schema subset the calculator's tool schemas use: `type`, `properties`,
/// `required`, `additionalProperties: false`, `enum`, `minimum`/`maximum` and the integer-string `pattern`.
///
/// A schema keyword outside this subset is reported as unchecked rather than silently passed.
enum SchemaCheck {
    /// The pattern of integers written as strings (`CalculatorTool.inputSchema`).
    static let integerPattern = "^[+-]?[0-9]+$"

    /// The problems with `value` against `schema`, each naming the path ("n", "decimals").
    static func problems(_ value: JSONValue, schema: JSONValue, path: String = "arguments") -> [String] {
        var out: [String] = []
        if let type = schema["type"]?.stringValue, !matches(value, type: type) {
            return ["\(path) must be \(article(type)) \(type), not \(value.typeName)"]
        }
        if let options = schema["enum"]?.arrayValue, !options.contains(value) {
            out.append("\(path) must be one of \(options.map(\.serialized).joined(separator: ", "))")
        }
        if case .number(let text) = value, let n = Double(text) {
            if let min = schema["minimum"].flatMap(number), n < min {
                out.append("\(path) must be at least \(min.formatted)")
            }
            if let max = schema["maximum"].flatMap(number), n > max {
                out.append("\(path) must be at most \(max.formatted)")
            }
        }
        if let pattern = schema["pattern"]?.stringValue, case .string(let s) = value {
            if pattern == integerPattern {
                let digits = s.first == "+" || s.first == "-" ? s.dropFirst() : Substring(s)
                if digits.isEmpty || !digits.allSatisfy({ $0 >= "0" && $0 <= "9" }) {
                    out.append("\(path) must match \(pattern) (an integer in decimal digits); got \"\(s)\"")
                }
            } else {
                out.append("\(path): the pattern \(pattern) is not checked")
            }
        }
        if case .object(let members) = value {
            let properties = schema["properties"]?.objectValue ?? []
            for key in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
            where !members.contains(where: { $0.0 == key }) {
                out.append("\(path) lacks the required '\(key)'")
            }
            for (key, member) in members {
                if let property = properties.first(where: { $0.0 == key })?.1 {
                    out += problems(member, schema: property, path: key)
                } else if schema["additionalProperties"] == .bool(false) {
                    out.append("\(path) has '\(key)', which the schema does not allow")
                }
            }
        }
        return out
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null):
            return true
        case ("number", .number): return true
        case ("integer", .number(let text)): return Int(text) != nil
        default: return false
        }
    }

    private static func number(_ value: JSONValue) -> Double? {
        if case .number(let text) = value { return Double(text) }
        return nil
    }

    private static func article(_ type: String) -> String {
        type.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }
}

extension Double {
    fileprivate var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
