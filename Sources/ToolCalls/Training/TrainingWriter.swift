public import JSON

/// Writes ``TrainingExample``s as rows of a fine-tuning file.
///
/// Shapes (one JSON object per line; keys in this order, so the same examples give the same bytes):
/// - `openai-sft`: `{"messages":[system?, user, assistant{tool_calls}, tool{tool_call_id, content}, assistant],
///   "tools":[…], "parallel_tool_calls":false}`; with `keepWrong`, the wrong answer stays before the corrected turn
///   as `{"role":"assistant","content":…,"weight":0}`.
/// - `openai-dpo`: `{"input":{"messages":[system?, user],"tools":[…]},"preferred_output":[the answer turn…],
///   "non_preferred_output":[{"role":"assistant","content":<the wrong answer>}]}`.
/// - `trl-sft`: `{"messages":[…],"tools":[…]}` with arguments as objects and `name` on tool messages.
/// - `trl-dpo`: `{"prompt":[system?, user],"chosen":[…],"rejected":[…],"tools":[…]}`.
/// - `trl-kto`: `{"prompt":[…],"completion":[…],"label":true|false,"tools":[…]}`: the verified answer (true), the
///   wrong answer (false) and a record's own correct answer (true).
///
/// Without a tool call (styles `answer` and `abstain`) rows carry no `tools`.
public struct TrainingWriter: Sendable {
    public var format: TrainingFormat
    public var keepWrong: Bool
    private let tools: JSONValue

    public init(format: TrainingFormat, keepWrong: Bool = false) {
        self.format = format
        self.keepWrong = keepWrong
        tools = ToolSchemaFormat.openai.definitions()
    }

    /// The rows for one example (none for a preference format when the example has no wrong answer).
    public func rows(for example: TrainingExample) -> [JSONValue] {
        let prompt = promptMessages(example)
        let turn = answerTurn(example)
        let withTools = example.call != nil
        switch format {
        case .openaiSFT:
            var messages = prompt
            if keepWrong, let wrong = example.rejected {
                messages.append(.object([("role", "assistant"), ("content", .string(wrong)), ("weight", 0)]))
            }
            messages += turn
            var members: [(String, JSONValue)] = [("messages", .array(messages))]
            if withTools {
                members.append(("tools", tools))
                members.append(("parallel_tool_calls", false))
            }
            return [.object(members)]
        case .openaiDPO:
            guard let wrong = example.rejected else { return [] }
            var input: [(String, JSONValue)] = [("messages", .array(prompt))]
            if withTools { input.append(("tools", tools)) }
            return [
                .object([
                    ("input", .object(input)), ("preferred_output", .array(turn)),
                    ("non_preferred_output", .array([assistant(wrong)])),
                ])
            ]
        case .trlSFT:
            return [trlRow([("messages", .array(prompt + turn))], withTools)]
        case .trlDPO:
            guard let wrong = example.rejected else { return [] }
            return [
                trlRow(
                    [("prompt", .array(prompt)), ("chosen", .array(turn)), ("rejected", .array([assistant(wrong)]))],
                    withTools)
            ]
        case .trlKTO:
            var rows = [trlRow([("prompt", .array(prompt)), ("completion", .array(turn)), ("label", true)], withTools)]
            if let wrong = example.rejected {
                rows.append(
                    trlRow(
                        [("prompt", .array(prompt)), ("completion", .array([assistant(wrong)])), ("label", false)],
                        withTools))
            }
            if let original = example.acceptedOriginal {
                rows.append(
                    trlRow(
                        [("prompt", .array(prompt)), ("completion", .array([assistant(original)])), ("label", true)],
                        withTools))
            }
            return rows
        case .trlPRM:
            // Stepwise rows come from a record's own answer (``ProcessRows``), not from an example.
            return []
        }
    }

    private func trlRow(_ members: [(String, JSONValue)], _ withTools: Bool) -> JSONValue {
        withTools ? .object(members + [("tools", tools)]) : .object(members)
    }

    private func promptMessages(_ example: TrainingExample) -> [JSONValue] {
        var messages: [JSONValue] = []
        if let system = example.system { messages.append(.object([("role", "system"), ("content", .string(system))])) }
        messages.append(.object([("role", "user"), ("content", .string(example.prompt))]))
        return messages
    }

    /// The assistant's turn: the tool call, its result and the final answer; or the answer alone.
    private func answerTurn(_ example: TrainingExample) -> [JSONValue] {
        guard let call = example.call else { return [assistant(example.answer)] }
        let arguments: JSONValue = format.argumentsAsString ? .string(call.arguments.serialized) : call.arguments
        let function: JSONValue = .object([("name", .string(call.tool.name)), ("arguments", arguments)])
        let toolCall: JSONValue = .object([("id", .string(call.id)), ("type", "function"), ("function", function)])
        var reply: [(String, JSONValue)] = [("role", "tool"), ("tool_call_id", .string(call.id))]
        if !format.argumentsAsString { reply.append(("name", .string(call.tool.name))) }
        reply.append(("content", .string(call.result)))
        return [
            .object([("role", "assistant"), ("tool_calls", .array([toolCall]))]),
            .object(reply),
            assistant(example.answer),
        ]
    }

    private func assistant(_ content: String) -> JSONValue {
        .object([("role", "assistant"), ("content", .string(content))])
    }
}
