/// A failure to verify, with a stable code a program can branch on and a message a person (or a model) can act on.
///
/// Verifiers throw this for bad input (a malformed number, an unknown function) and for bounds (a number too large
/// to test in time). They never trap on input: a broken invariant inside mathcheck traps, a bad claim throws.
public struct VerifierError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, as a stable machine-readable code.
    public enum Code: String, Sendable, Codable {
        /// The text is not a number of the expected form.
        case invalidNumber = "invalid_number"
        /// The expression could not be parsed.
        case invalidExpression = "invalid_expression"
        /// The value is outside the domain of the operation (division by zero, log of a negative number).
        case domain = "domain"
        /// The input or the work it needs exceeds a size bound.
        case tooLarge = "too_large"
        /// An argument was missing or of the wrong type.
        case invalidArgument = "invalid_argument"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

/// Shortens a long input for an error message: the first and last digits and the length.
func abbreviated(_ text: some StringProtocol, limit: Int = 40) -> String {
    if text.count <= limit { return String(text) }
    return "\(text.prefix(limit / 2))…\(text.suffix(limit / 4)) (\(text.count) characters)"
}
