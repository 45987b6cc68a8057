public import JSON

/// The calculator functions mathcheck offers to models: the same verifiers the audit uses.
public enum CalculatorTool: String, CaseIterable, Sendable {
    case isPrime = "is_prime"
    case factorize
    case evaluate

    public var name: String { rawValue }

    /// What the tool does, written for a model deciding whether to call it.
    public var summary: String {
        switch self {
        case .isPrime:
            return "Decide exactly whether an integer is prime. Returns is_prime, the certainty (proven, or probable "
                + "for primes too large to prove quickly) and evidence a reviewer can recheck: a factor or a "
                + "Miller-Rabin witness for composites, the proof method for primes. Use it instead of guessing "
                + "whether a number is prime."
        case .factorize:
            return "Factor a positive integer into primes with multiplicities, exactly. complete is false when a "
                + "composite cofactor was too large to split within the time bound; that cofactor is then reported."
        case .evaluate:
            return "Evaluate a real-valued expression exactly and round the result correctly: + - * / ^, "
                + "parentheses, sqrt, pi, e, exp, ln, log10, log2, sin cos tan cot sec csc, asin acos atan. Angles "
                + "are in radians unless marked with ° or deg, or angle_unit is degrees. Huge arguments such as "
                + "sin(1e22) are reduced exactly."
        }
    }

    /// The JSON Schema of the tool's arguments. Integers travel as decimal strings: JSON numbers lose precision
    /// above 2^53.
    public var inputSchema: JSONValue {
        let integer: JSONValue = [
            "type": "string",
            "description": "The integer in decimal digits, as a string so that every digit survives (e.g. \"34792834\").",
            "pattern": "^[+-]?[0-9]+$",
        ]
        switch self {
        case .isPrime, .factorize:
            return [
                "type": "object",
                "properties": ["n": integer],
                "required": ["n"],
                "additionalProperties": false,
            ]
        case .evaluate:
            return [
                "type": "object",
                "properties": [
                    "expression": [
                        "type": "string",
                        "description": "The expression, e.g. \"cos(3532)\", \"sin(30°)\", \"2^0.5\", \"tan(pi/4)\".",
                    ],
                    "digits": [
                        "type": "integer", "minimum": 1, "maximum": 1000,
                        "description": "Significant digits of the result (default 20). Do not combine with decimals.",
                    ],
                    "decimals": [
                        "type": "integer", "minimum": 0, "maximum": 1000,
                        "description": "Digits after the decimal point, for answers asked to N decimal places.",
                    ],
                    "angle_unit": [
                        "type": "string", "enum": ["radians", "degrees"],
                        "description": "Unit of unmarked angles (default radians).",
                    ],
                ],
                "required": ["expression"],
                "additionalProperties": false,
            ]
        }
    }
}

/// The conventions tool definitions are written in.
public enum ToolSchemaFormat: String, CaseIterable, Sendable {
    /// OpenAI Chat Completions `tools`: `{"type":"function","function":{name, description, parameters}}`.
    case openai
    /// Anthropic Messages `tools`: `{name, description, input_schema}`.
    case anthropic
    /// Model Context Protocol `tools/list`: `{name, description, inputSchema}`.
    case mcp

    /// The definitions of every calculator tool in this convention.
    public func definitions() -> JSONValue {
        .array(CalculatorTool.allCases.map(definition))
    }

    /// One tool's definition in this convention.
    public func definition(_ tool: CalculatorTool) -> JSONValue {
        switch self {
        case .openai:
            return [
                "type": "function",
                "function": [
                    "name": .string(tool.name), "description": .string(tool.summary), "parameters": tool.inputSchema,
                ],
            ]
        case .anthropic:
            return ["name": .string(tool.name), "description": .string(tool.summary), "input_schema": tool.inputSchema]
        case .mcp:
            return ["name": .string(tool.name), "description": .string(tool.summary), "inputSchema": tool.inputSchema]
        }
    }
}
