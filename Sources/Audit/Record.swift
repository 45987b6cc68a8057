public import JSON

/// One input record: a prompt and a model's response, in any of the shapes eval and fine-tuning files use.
public struct Record: Sendable {
    public var id: JSONValue?
    public var prompt: String
    public var response: String
    /// `correct`, `wrong` or `no_claims`, when the record says what its verdict should be.
    public var label: String?
    /// A reference answer ("Yes", "0.66", "2 × 17396417").
    public var reference: JSONValue?

    /// The field names a response may have.
    public static let responseKeys = ["response", "completion", "output", "answer"]

    /// Reads a record from a JSON value, or says why it is not one.
    ///
    /// Shapes: `{"prompt": …, "response" | "completion" | "output" | "answer": …}` or OpenAI chat
    /// `{"messages": [...]}`, where the last assistant message is the response and the user message before it the
    /// prompt. Content may be a string or a list of `{"type": "text", "text": …}` parts.
    public init(_ value: JSONValue) throws(RecordError) {
        guard case .object = value else { throw RecordError("the line is \(value.typeName), not a JSON object") }
        id = value["id"]
        reference = value["reference"]
        if let label = value["label"] {
            guard case .string(let text) = label else { throw RecordError("\"label\" must be a string") }
            self.label = text
        }
        if let messages = value["messages"] {
            guard case .array(let list) = messages else { throw RecordError("\"messages\" must be an array") }
            guard let last = list.lastIndex(where: { $0["role"] == "assistant" }) else {
                throw RecordError("\"messages\" has no assistant message")
            }
            response = try Self.content(list[last], "the assistant message")
            if let user = list[..<last].lastIndex(where: { $0["role"] == "user" }) {
                prompt = try Self.content(list[user], "the user message")
            } else {
                prompt = ""
            }
            return
        }
        guard let key = Self.responseKeys.first(where: { value[$0] != nil }), let field = value[key] else {
            throw RecordError("no response: expected \"response\", \"completion\", \"output\", \"answer\" or \"messages\"")
        }
        guard case .string(let text) = field else {
            throw RecordError("\"\(key)\" must be a string, not \(field.typeName)")
        }
        response = text
        switch value["prompt"] {
        case nil, .null?: prompt = ""
        case .string(let p)?: prompt = p
        case let other?: throw RecordError("\"prompt\" must be a string, not \(other.typeName)")
        }
    }

    private static func content(_ message: JSONValue, _ what: String) throws(RecordError) -> String {
        switch message["content"] {
        case .string(let s)?: return s
        case .array(let parts)?:
            return parts.compactMap { $0["text"]?.stringValue }.joined(separator: "\n")
        case .null?, nil: return ""
        case let other?: throw RecordError("the content of \(what) must be a string, not \(other.typeName)")
        }
    }
}

/// Why a line is not a valid record.
public struct RecordError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
