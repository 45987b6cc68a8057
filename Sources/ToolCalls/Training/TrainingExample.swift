public import JSON

/// One verified training example, independent of the file format it is written in.
public struct TrainingExample: Sendable {
    /// A calculator call and the result it returned.
    public struct ToolCall: Sendable {
        /// Deterministic: derived from the example's number, so the same input gives the same file.
        public var id: String
        public var tool: CalculatorTool
        /// The arguments object.
        public var arguments: JSONValue
        /// Exactly the bytes `mathcheck call NAME ARGUMENTS` prints.
        public var result: String
    }

    public var system: String?
    /// The user's question.
    public var prompt: String
    /// The calculator call, for the `tool` style.
    public var call: ToolCall?
    /// The final answer: written from the tool result, audited `correct` (or, for an abstention, free of claims).
    public var answer: String
    /// A wrong answer to the same prompt (verbatim from the record, or a synthetic mistake), audited `wrong`.
    public var rejected: String?
    /// The record's own answer when it audited `correct` (a desirable KTO completion).
    public var acceptedOriginal: String?

    public init(
        system: String? = nil, prompt: String, call: ToolCall? = nil, answer: String, rejected: String? = nil,
        acceptedOriginal: String? = nil
    ) {
        self.system = system
        self.prompt = prompt
        self.call = call
        self.answer = answer
        self.rejected = rejected
        self.acceptedOriginal = acceptedOriginal
    }
}
