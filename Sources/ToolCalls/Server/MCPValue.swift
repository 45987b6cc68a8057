import JSON
import MCP

/// Conversions between mathcheck's JSON and the MCP SDK's `Value`.
///
/// The SDK decodes JSON integers above Int.max into doubles, which is why every integer argument of the calculator
/// travels as a string; a number that arrives as a non-integral double is passed on as such, and the tool then
/// asks for a string.
enum MCPValue {
    static func value(_ json: JSONValue) -> Value {
        switch json {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let text):
            if let i = Int(text) { return .int(i) }
            return .double(Double(text) ?? .nan)
        case .string(let s): return .string(s)
        case .array(let items): return .array(items.map(value))
        case .object(let members):
            var object: [String: Value] = [:]
            for (key, v) in members where object[key] == nil { object[key] = value(v) }
            return .object(object)
        }
    }

    static func json(_ value: Value) -> JSONValue {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .number(String(i))
        case .double(let d):
            if d.isFinite && d == d.rounded() && abs(d) < 9_007_199_254_740_992 { return .number(String(Int(d))) }
            return .number(d.isFinite ? String(d) : "0.5")
        case .string(let s): return .string(s)
        case .data(_, let data): return .string(data.base64EncodedString())
        case .array(let items): return .array(items.map(json))
        case .object(let members):
            return .object(members.sorted { $0.key < $1.key }.map { ($0.key, json($0.value)) })
        }
    }
}
