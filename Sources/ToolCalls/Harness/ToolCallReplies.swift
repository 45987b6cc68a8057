public import JSON

/// Runs the tool calls in a model's message and writes the replies a harness sends back, in the model's own
/// convention.
///
/// - OpenAI: an assistant message with `tool_calls` (or one tool call, or a whole Chat Completions response). Each
///   call gets `{"role":"tool","tool_call_id":…,"content":<the result JSON as a string>}`.
/// - Anthropic: an assistant message (or Messages API response) whose `content` has `tool_use` blocks. The reply
///   is one user message of `tool_result` blocks, with `is_error: true` on failures.
public struct ToolCallReplies {
    public var executor: ToolExecutor

    public init(executor: ToolExecutor = ToolExecutor()) { self.executor = executor }

    /// The replies to `message`, or an error saying why it holds no tool calls mathcheck can read.
    public func replies(to message: JSONValue) throws(ToolError) -> [JSONValue] {
        var message = message
        if let choice = message["choices"]?.arrayValue?.first, let inner = choice["message"] {
            message = inner  // a whole Chat Completions response
        }
        if let calls = message["tool_calls"]?.arrayValue {
            return try calls.map(openAIReply)
        }
        if message["function"] != nil {
            return [try openAIReply(message)]
        }
        if let blocks = message["content"]?.arrayValue {
            let uses = blocks.filter { $0["type"] == "tool_use" }
            guard !uses.isEmpty else { throw .invalidArguments("the message has no tool_use blocks") }
            return [.object([("role", "user"), ("content", .array(try uses.map(anthropicResult)))])]
        }
        if message["type"] == "tool_use" {
            return [.object([("role", "user"), ("content", .array([try anthropicResult(message)]))])]
        }
        throw .invalidArguments(
            "expected an OpenAI message with tool_calls, one tool call, or an Anthropic message with tool_use blocks")
    }

    private func openAIReply(_ call: JSONValue) throws(ToolError) -> JSONValue {
        guard let id = call["id"]?.stringValue, let function = call["function"],
            let name = function["name"]?.stringValue
        else { throw .invalidArguments("a tool call needs an id and a function with a name") }
        let arguments: JSONValue
        switch function["arguments"] {
        case .string(let text)?:
            // OpenAI sends the arguments as a JSON string.
            do {
                arguments = text.isEmpty ? .object([]) : try JSONParser.parse(text)
            } catch {
                return openAIMessage(id, ToolError.invalidArguments("the arguments are not valid JSON: \(error)").json)
            }
        case let value?: arguments = value
        case nil: arguments = .object([])
        }
        switch executor.run(name, arguments: arguments) {
        case .success(let result): return openAIMessage(id, result)
        case .failure(let failure): return openAIMessage(id, failure.json)
        }
    }

    private func openAIMessage(_ id: String, _ content: JSONValue) -> JSONValue {
        .object([("role", "tool"), ("tool_call_id", .string(id)), ("content", .string(content.serialized))])
    }

    private func anthropicResult(_ block: JSONValue) throws(ToolError) -> JSONValue {
        guard let id = block["id"]?.stringValue, let name = block["name"]?.stringValue else {
            throw .invalidArguments("a tool_use block needs an id and a name")
        }
        var members: [(String, JSONValue)] = [("type", "tool_result"), ("tool_use_id", .string(id))]
        switch executor.run(name, arguments: block["input"] ?? .object([])) {
        case .success(let result):
            members.append(("content", .string(result.serialized)))
        case .failure(let failure):
            members.append(("content", .string(failure.json.serialized)))
            members.append(("is_error", true))
        }
        return .object(members)
    }
}
