import Claims
import JSON
import Verifiers

/// Checks a fine-tuning file row by row, the way mathcheck writes them and the trainers read them.
///
/// For each row: the JSON shape of the format; roles and their order (system first, then a user message, tool
/// replies only after an assistant's tool calls, an assistant message last); every tool call answered by exactly one
/// tool message with its id; arguments that parse and fit the tool's JSON Schema; tool names that exist (in the row's
/// `tools` and in the calculator). Then the substance: each tool call is re-run and its result must be byte-identical
/// to the tool message; every final answer must audit `correct` against the last user message (an answer with no
/// checkable claim, such as an abstention, is a warning); every rejected answer (DPO) or `label: false` completion
/// (KTO) must audit `wrong`. Exact duplicate rows are warnings.
public struct TrainingValidator {
    /// A problem found on a line.
    public struct Problem: Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public let format: TrainingFormat
    /// How many problems of each sort are kept for the report (all are counted).
    public var keep = 20
    public private(set) var rows = 0
    public private(set) var validRows = 0
    public private(set) var errorCount = 0
    public private(set) var warningCount = 0
    public private(set) var errors: [Problem] = []
    public private(set) var warnings: [Problem] = []
    public private(set) var toolCallsReproduced = 0
    public private(set) var answersCorrect = 0
    public private(set) var rejectedWrong = 0
    public private(set) var duplicates = 0

    private let executor = ToolExecutor()
    private var auditor = ResponseAuditor()
    private var seen: [Int: Int] = [:]
    private var line = 0
    private var rowErrors = 0

    public init(format: TrainingFormat) { self.format = format }

    public var hasErrors: Bool { errorCount > 0 }

    /// Checks one line (without its newline); `bytes` is nil for a line over the reader's length limit.
    public mutating func check(line bytes: UnsafeBufferPointer<UInt8>?, length: Int, number: Int) {
        line = number
        rowErrors = 0
        guard let bytes else { return error("the line is \(length) bytes long, over the limit") }
        if JSONLines.isBlank(bytes) { return }
        rows += 1
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        let hash = hasher.finalize()
        if let first = seen[hash] {
            duplicates += 1
            warning("an exact duplicate of line \(first)")
        } else {
            seen[hash] = number
        }
        let row: JSONValue
        do {
            row = try JSONParser.parse(bytes)
        } catch {
            return self.error("invalid JSON: \(error)")
        }
        guard case .object = row else { return error("the row is \(row.typeName), not a JSON object") }
        checkRow(row)
        if rowErrors == 0 { validRows += 1 }
    }

    /// The report: counts, then the first errors and warnings with their line numbers.
    public var report: String {
        var lines = [
            "\(rows) rows (\(format.rawValue)): \(validRows) valid, \(rows - validRows) with errors; "
                + "\(errorCount) errors, \(warningCount) warnings",
            format.isStepwise
                ? "\(rejectedWrong) first false steps audited wrong, \(answersCorrect) rows with every step true, "
                    + "\(duplicates) exact duplicates"
                : "\(toolCallsReproduced) tool results reproduced byte for byte, \(answersCorrect) final answers "
                    + "audited correct, \(rejectedWrong) rejected answers audited wrong, \(duplicates) exact duplicates",
        ]
        for e in errors { lines.append("error: \(e)") }
        if errorCount > errors.count { lines.append("… and \(errorCount - errors.count) more errors") }
        for w in warnings { lines.append("warning: \(w)") }
        if warningCount > warnings.count { lines.append("… and \(warningCount - warnings.count) more warnings") }
        return lines.joined(separator: "\n")
    }

    // MARK: - Rows

    private mutating func checkRow(_ row: JSONValue) {
        switch format {
        case .openaiSFT:
            allowOnly(row, ["messages", "tools", "parallel_tool_calls"])
            guard let messages = array(row, "messages"), let tools = tools(row) else { return }
            checkParallel(row)
            conversation(messages, promptCount: nil, tools: tools, goal: .correct)
        case .openaiDPO:
            allowOnly(row, ["input", "preferred_output", "non_preferred_output"])
            guard let input = row["input"], case .object = input else { return error("\"input\" must be an object") }
            allowOnly(input, ["messages", "tools", "parallel_tool_calls"], where: "input")
            guard let prompt = array(input, "messages"), let tools = tools(input),
                let preferred = array(row, "preferred_output"), let rejected = array(row, "non_preferred_output")
            else { return }
            checkParallel(input)
            conversation(prompt + preferred, promptCount: prompt.count, tools: tools, goal: .correct)
            conversation(prompt + rejected, promptCount: prompt.count, tools: tools, goal: .wrong)
        case .trlSFT:
            allowOnly(row, ["messages", "tools"])
            guard let messages = array(row, "messages"), let tools = tools(row) else { return }
            conversation(messages, promptCount: nil, tools: tools, goal: .correct)
        case .trlDPO:
            allowOnly(row, ["prompt", "chosen", "rejected", "tools"])
            guard let prompt = array(row, "prompt"), let chosen = array(row, "chosen"),
                let rejected = array(row, "rejected"), let tools = tools(row)
            else { return }
            conversation(prompt + chosen, promptCount: prompt.count, tools: tools, goal: .correct)
            conversation(prompt + rejected, promptCount: prompt.count, tools: tools, goal: .wrong)
        case .trlKTO:
            allowOnly(row, ["prompt", "completion", "label", "tools"])
            guard let prompt = array(row, "prompt"), let completion = array(row, "completion"), let tools = tools(row)
            else { return }
            guard case .bool(let label)? = row["label"] else { return error("\"label\" must be true or false") }
            conversation(prompt + completion, promptCount: prompt.count, tools: tools, goal: label ? .correct : .wrong)
        case .trlPRM:
            allowOnly(row, ["prompt", "completions", "labels"])
            steps(row)
        }
    }

    /// A `trl-prm` row: a prompt string, as many steps (non-empty strings) as labels (booleans); then the steps,
    /// joined by line breaks as TRL's `PRMTrainer` joins them, are audited against the prompt: the first step
    /// labelled false must hold a wrong claim, and no step labelled true may hold one (both labelling rules agree
    /// on that).
    private mutating func steps(_ row: JSONValue) {
        guard case .string(let prompt)? = row["prompt"] else { return error("\"prompt\" must be a string") }
        guard let completions = array(row, "completions"), let labels = array(row, "labels") else { return }
        guard !completions.isEmpty else { return error("\"completions\" is empty") }
        guard completions.count == labels.count else {
            return error("\(completions.count) completions but \(labels.count) labels")
        }
        var texts: [String] = []
        var flags: [Bool] = []
        for (i, (completion, label)) in zip(completions, labels).enumerated() {
            guard case .string(let text) = completion, !text.isEmpty else {
                return error("completion \(i + 1) must be a non-empty string")
            }
            guard case .bool(let flag) = label else { return error("label \(i + 1) must be true or false") }
            texts.append(text)
            flags.append(flag)
        }
        let joined = texts.joined(separator: "\n")
        let result = auditor.audit(prompt: prompt, response: joined)
        // Each step's end in Unicode scalars of the joined text; a claim is in the step that holds its start.
        var ends: [Int] = []
        var end = 0
        for text in texts {
            end += text.unicodeScalars.count
            ends.append(end)
            end += 1
        }
        var wrongIn = [String?](repeating: nil, count: texts.count)
        for claim in result.claims where claim.verdict == .wrong {
            let step = ends.firstIndex { claim.span.lowerBound < $0 } ?? texts.count - 1
            if wrongIn[step] == nil { wrongIn[step] = claim.text }
        }
        if let first = flags.firstIndex(of: false) {
            if wrongIn[first] == nil {
                error("step \(first + 1) is the first labelled false but holds no wrong claim: \(excerpt(texts[first]))")
            } else {
                rejectedWrong += 1
            }
        }
        for i in flags.indices where flags[i] {
            if let claim = wrongIn[i] { error("step \(i + 1) is labelled true but holds a wrong claim: \(excerpt(claim))") }
        }
        if !flags.contains(false) { answersCorrect += 1 }
    }

    /// What the final answer of a conversation must audit as.
    private enum Goal { case correct, wrong }

    /// Checks roles, order, tool calls and replies, and audits the final answer. `promptCount` messages are the
    /// prompt (they must end with the user's message; the rest must be the assistant's turn).
    private mutating func conversation(_ messages: [JSONValue], promptCount: Int?, tools: [String]?, goal: Goal) {
        let side = goal == .wrong && promptCount != nil ? "rejected" : "conversation"
        let before = rowErrors
        guard !messages.isEmpty else { return error("the \(side) has no messages") }
        var sawUser = false
        var lastUser: String?
        var pending: [(id: String?, name: String, result: String)] = []
        var final: String?
        for (index, message) in messages.enumerated() {
            let at = "message \(index + 1)"
            guard case .object = message else { return error("\(at) is \(message.typeName), not an object") }
            guard let role = message["role"]?.stringValue else { return error("\(at) has no \"role\"") }
            if let promptCount, index == promptCount - 1, role != "user" {
                error("the prompt must end with the user's message, not \(role)")
            }
            if let promptCount, index >= promptCount, role != "assistant" && role != "tool" {
                error("\(at): the answer side holds only assistant and tool messages, not \(role)")
            }
            if role != "tool" && !pending.isEmpty {
                error(
                    "\(at): tool call \(pending[0].id.map { "'\($0)'" } ?? pending[0].name) has no tool reply before it"
                )
                pending.removeAll()
            }
            if message["weight"] != nil {
                if format != .openaiSFT || role != "assistant" {
                    error("\(at): \"weight\" is only allowed on assistant messages in openai-sft")
                } else if message["weight"] != .number("0") && message["weight"] != .number("1") {
                    error("\(at): \"weight\" must be 0 or 1")
                }
            }
            switch role {
            case "system":
                if sawUser || index > 0 { error("\(at): a system message must come first") }
                if message["content"]?.stringValue == nil { error("\(at): system content must be a string") }
            case "user":
                sawUser = true
                guard let content = message["content"]?.stringValue else {
                    error("\(at): user content must be a string")
                    continue
                }
                lastUser = content
                final = nil
            case "assistant":
                if !sawUser { error("\(at): an assistant message before any user message") }
                let calls = message["tool_calls"]
                let content = message["content"]
                if let calls {
                    guard case .array(let list) = calls, !list.isEmpty else {
                        error("\(at): \"tool_calls\" must be a non-empty array")
                        continue
                    }
                    for (k, call) in list.enumerated() {
                        if let expected = toolCall(call, at: "\(at) tool call \(k + 1)", tools: tools) {
                            pending.append(expected)
                        }
                    }
                    final = nil
                } else {
                    guard case .string(let text)? = content else {
                        error("\(at): an assistant message needs string content or tool_calls")
                        continue
                    }
                    if message["weight"] == .number("0") { continue }  // kept for context, not trained on
                    final = text
                }
            case "tool":
                guard let content = message["content"]?.stringValue else {
                    error("\(at): tool content must be a string (the result JSON)")
                    continue
                }
                let id = message["tool_call_id"]?.stringValue
                if id == nil && format.argumentsAsString { error("\(at): a tool message needs \"tool_call_id\"") }
                let match = id.flatMap { id in pending.firstIndex { $0.id == id } } ?? (id == nil ? 0 : nil)
                guard let match, match < pending.count else {
                    error("\(at): no pending tool call has the id \(id.map { "'\($0)'" } ?? "(none)")")
                    continue
                }
                let expected = pending.remove(at: match)
                if let name = message["name"]?.stringValue, name != expected.name {
                    error("\(at): the reply names \(name) but the call was to \(expected.name)")
                }
                if content == expected.result {
                    toolCallsReproduced += 1
                } else {
                    error("\(at): the tool result differs from the calculator's: expected \(expected.result)")
                }
            default:
                error("\(at): unknown role '\(role)' (system, user, assistant or tool)")
            }
        }
        if !pending.isEmpty {
            error("tool call \(pending[0].id.map { "'\($0)'" } ?? pending[0].name) has no tool reply")
        }
        guard messages.last?["role"] == "assistant", let final, let prompt = lastUser else {
            return error("the \(side) must end with an assistant message with content (the final answer)")
        }
        guard rowErrors == before else { return }
        let verdict = auditor.audit(prompt: prompt, response: final).verdict
        switch (goal, verdict) {
        case (.correct, .correct): answersCorrect += 1
        case (.correct, .noClaims): warning("the final answer has no checkable claim (an abstention?)")
        case (.correct, _): error("the final answer audits \(verdict.rawValue), not correct: \(excerpt(final))")
        case (.wrong, .wrong): rejectedWrong += 1
        case (.wrong, _): error("the rejected answer audits \(verdict.rawValue), not wrong: \(excerpt(final))")
        }
    }

    /// Checks one tool call and returns what its reply must be: the calculator's result for these arguments.
    private mutating func toolCall(_ call: JSONValue, at: String, tools: [String]?) -> (String?, String, String)? {
        guard case .object = call else { error("\(at) is \(call.typeName), not an object"); return nil }
        let id = call["id"]?.stringValue
        if format.argumentsAsString {
            if id == nil { error("\(at) needs a string \"id\"") }
            if call["type"] != "function" { error("\(at) needs \"type\": \"function\"") }
        } else if let type = call["type"], type != "function" {
            error("\(at): \"type\" must be \"function\"")
        }
        guard let function = call["function"], let name = function["name"]?.stringValue else {
            error("\(at) needs a \"function\" with a \"name\"")
            return nil
        }
        if let tools, !tools.contains(name) {
            error("\(at) calls '\(name)', which is not in the row's tools (\(tools.joined(separator: ", ")))")
            return nil
        }
        guard let tool = CalculatorTool(rawValue: name) else {
            error("\(at) calls '\(name)', which is not a calculator tool")
            return nil
        }
        let arguments: JSONValue
        switch (function["arguments"], format.argumentsAsString) {
        case (.string(let text)?, true):
            do {
                arguments = try JSONParser.parse(text)
            } catch {
                self.error("\(at): the arguments string is not valid JSON: \(error)")
                return nil
            }
        case (.object(let members)?, false):
            arguments = .object(members)
        case (let other?, true):
            error("\(at): arguments must be a JSON string (OpenAI's form), not \(other.typeName)")
            return nil
        case (let other?, false):
            error("\(at): arguments must be a JSON object (TRL's form), not \(other.typeName)")
            return nil
        case (nil, _):
            error("\(at) has no \"arguments\"")
            return nil
        }
        let problems = SchemaCheck.problems(arguments, schema: tool.inputSchema)
        if !problems.isEmpty {
            error("\(at) (\(name)): " + problems.joined(separator: "; "))
            return nil
        }
        let result: JSONValue
        switch executor.run(tool.name, arguments: arguments) {
        case .success(let value): result = value
        case .failure(let failure): result = failure.json
        }
        return (id, name, result.serialized)
    }

    // MARK: - Fields

    private mutating func array(_ object: JSONValue, _ key: String) -> [JSONValue]? {
        guard let value = object[key] else {
            error("missing \"\(key)\"")
            return nil
        }
        guard case .array(let items) = value else {
            error("\"\(key)\" must be an array, not \(value.typeName)")
            return nil
        }
        return items
    }

    /// The tool names a row declares (nil when it declares none); a malformed list is an error.
    private mutating func tools(_ object: JSONValue) -> [String]?? {
        guard let value = object["tools"] else { return .some(nil) }
        guard case .array(let items) = value else {
            error("\"tools\" must be an array, not \(value.typeName)")
            return nil
        }
        var names: [String] = []
        for (i, item) in items.enumerated() {
            guard item["type"] == "function", let function = item["function"],
                let name = function["name"]?.stringValue, function["parameters"]?.objectValue != nil
            else {
                error("tools[\(i)] must be {\"type\":\"function\",\"function\":{\"name\",\"parameters\"}}")
                return nil
            }
            names.append(name)
        }
        return .some(names)
    }

    private mutating func checkParallel(_ object: JSONValue) {
        if let value = object["parallel_tool_calls"], case .bool = value {
        } else if let value = object["parallel_tool_calls"] {
            error("\"parallel_tool_calls\" must be a boolean, not \(value.typeName)")
        }
    }

    private mutating func allowOnly(_ object: JSONValue, _ keys: [String], where place: String? = nil) {
        for (key, _) in object.objectValue ?? [] where !keys.contains(key) {
            warning(
                "unknown key \"\(key)\"\(place.map { " in \($0)" } ?? "") (\(format.rawValue) has \(keys.joined(separator: ", ")))"
            )
        }
    }

    private func excerpt(_ text: String) -> String {
        let flat = text.replacingNewlines
        return flat.count <= 120 ? flat : String(flat.prefix(117)) + "…"
    }

    private mutating func error(_ message: String) {
        errorCount += 1
        rowErrors += 1
        if errors.count < keep { errors.append(Problem(line: line, message: message)) }
    }

    private mutating func warning(_ message: String) {
        warningCount += 1
        if warnings.count < keep { warnings.append(Problem(line: line, message: message)) }
    }
}

extension String {
    fileprivate var replacingNewlines: String { String(map { $0 == "\n" ? " " : $0 }) }
}
