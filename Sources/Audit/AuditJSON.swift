public import ToolCalls
public import Verifiers

/// The JSON shapes of audit results: one object per input line.
public enum AuditJSON {
    /// `{"line":N,"id":…,"verdict":…,"answer":{claim}|null,"claims":[…]}`
    public static func line(_ number: Int, id: JSONValue?, result: AuditResult) -> JSONValue {
        .object([
            ("line", .number(String(number))), ("id", id ?? .null), ("verdict", .string(result.verdict.rawValue)),
            ("answer", result.answer.map(claim) ?? .null), ("claims", .array(result.claims.map(claim))),
        ])
    }

    /// `{"line":N,"verdict":"invalid","error":"<why>"}`
    public static func invalid(_ number: Int, id: JSONValue? = nil, error: String) -> JSONValue {
        var members: [(String, JSONValue)] = [("line", .number(String(number)))]
        if let id { members.append(("id", id)) }
        members.append(("verdict", "invalid"))
        members.append(("error", .string(error)))
        return .object(members)
    }

    public static func claim(_ c: Claim) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("kind", .string(c.kind.rawValue)), ("text", .string(c.text)),
            ("span", .array([.number(String(c.span.lowerBound)), .number(String(c.span.upperBound))])),
            ("role", .string(c.role.rawValue)), ("verdict", .string(c.verdict.rawValue)),
            ("expected", c.expected.map { .string($0) } ?? .null),
            ("evidence", .object(c.evidence.map { ($0.0, .string($0.1)) })),
        ]
        if let reason = c.reason { members.append(("reason", .string(reason))) }
        return .object(members)
    }
}
