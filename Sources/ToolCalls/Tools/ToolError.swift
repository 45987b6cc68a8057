public import JSON
import Verifiers

/// A tool call that could not be answered, with a message a model can act on.
public struct ToolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable codes. `unknown_tool` and `invalid_arguments` mean the call itself was malformed; the others come
    /// from the verifiers (a bad number, a domain error, a bound).
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    init(_ error: VerifierError) {
        self.init(code: error.code.rawValue, message: error.message)
    }

    static func invalidArguments(_ message: String) -> ToolError {
        ToolError(code: "invalid_arguments", message: message)
    }

    public var description: String { message }

    /// `{"error": message, "code": code}`.
    public var json: JSONValue { ["error": .string(message), "code": .string(code)] }
}
