/// The fine-tuning file formats mathcheck writes and validates.
///
/// - `openai-sft`: Chat Completions fine-tuning rows, `{"messages":[…],"tools":[…],"parallel_tool_calls":false}`, with
///   tool-call arguments as a JSON string (OpenAI's shape, also read by Together, Fireworks and Azure).
/// - `openai-dpo`: `{"input":{"messages","tools"},"preferred_output":[…],"non_preferred_output":[…]}`.
/// - `trl-sft`: Hugging Face TRL's conversational language-modeling rows, `{"messages":[…],"tools":[…]}`, with
///   tool-call arguments as JSON objects.
/// - `trl-dpo`: TRL's conversational preference rows with an explicit prompt: `{"prompt","chosen","rejected"}`.
/// - `trl-kto`: TRL's unpaired preference rows: `{"prompt","completion","label"}`.
/// - `trl-prm`: TRL's stepwise-supervision rows (`PRMTrainer`): `{"prompt","completions","labels"}`, from each
///   record's own response cut into steps (``ProcessRows``); not a calculator example.
public enum TrainingFormat: String, CaseIterable, Sendable {
    case openaiSFT = "openai-sft"
    case openaiDPO = "openai-dpo"
    case trlSFT = "trl-sft"
    case trlDPO = "trl-dpo"
    case trlKTO = "trl-kto"
    case trlPRM = "trl-prm"

    /// Whether rows pair a preferred answer with a wrong one (only records with a wrong answer give a row).
    public var isPreference: Bool { self == .openaiDPO || self == .trlDPO }
    /// Whether rows are the record's own answer cut into labelled steps, not calculator examples.
    public var isStepwise: Bool { self == .trlPRM }
    /// Whether tool-call arguments are written as a JSON string (OpenAI) rather than an object (TRL).
    var argumentsAsString: Bool { self == .openaiSFT || self == .openaiDPO }
}

/// What the trained answer does.
public enum AnswerStyle: String, CaseIterable, Sendable {
    /// Call the calculator, then answer from its result (the default: the durable fix for arithmetic guesses).
    case tool
    /// Answer directly with the verified answer.
    case answer
    /// Decline: the number is beyond reliable mental arithmetic.
    case abstain
}
