public import Hummingbird
import JSON

/// Why the service refused a request: a stable code, the HTTP status, and a message that names the record (its
/// index in the request, from 1, and its line in a JSONL body) and the reason. Written as
/// `{"error":{"code":"…","message":"…"}}`.
public struct ServiceError: Error, Sendable, Equatable {
    public enum Code: String, Sendable {
        /// The body is not JSON (or a JSONL line is not): the parser's message and where.
        case malformedJSON = "malformed_json"
        /// A JSON value of the wrong type where the endpoint expects another (the body, a field, an element).
        case wrongType = "wrong_type"
        /// A record the command line would answer `invalid` (no response, a field of the wrong type, a bad label).
        case invalidRecord = "invalid_record"
        /// `/get_reward`'s lists of different lengths, or a body without records.
        case badRequest = "bad_request"
        /// More records than `--max-records`.
        case tooManyRecords = "too_many_records"
        /// A body over `--max-body-bytes`.
        case bodyTooLarge = "body_too_large"
        case notFound = "not_found"
        case methodNotAllowed = "method_not_allowed"
        /// Anything else the framework answered with a 4xx/5xx status.
        case httpError = "http_error"
    }

    public var code: Code
    public var status: HTTPResponse.Status
    public var message: String

    public init(_ code: Code, _ message: String, status: HTTPResponse.Status? = nil) {
        self.code = code
        self.message = message
        self.status = status ?? code.defaultStatus
    }

    /// The JSON body: `{"error":{"code":…,"message":…}}` and a newline.
    public var body: [UInt8] {
        var out: [UInt8] = []
        JSONValue.object([
            ("error", .object([("code", .string(code.rawValue)), ("message", .string(message))]))
        ]).write(into: &out)
        out.append(0x0A)
        return out
    }
}

extension ServiceError.Code {
    var defaultStatus: HTTPResponse.Status {
        switch self {
        case .malformedJSON, .wrongType, .invalidRecord, .badRequest: return .badRequest
        case .tooManyRecords, .bodyTooLarge: return .contentTooLarge
        case .notFound: return .notFound
        case .methodNotAllowed: return .methodNotAllowed
        case .httpError: return .badRequest
        }
    }
}
