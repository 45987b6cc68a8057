public import ToolCalls
public import Verifiers

/// The JSON shapes of audit results: one object per input line.
public enum AuditJSON {
    /// `{"line":N,"verdict":"invalid","error":"<why>"}`
    public static func invalid(_ number: Int, id: JSONValue? = nil, error: String) -> JSONValue {
        var members: [(String, JSONValue)] = [("line", .number(String(number)))]
        if let id { members.append(("id", id)) }
        members.append(("verdict", "invalid"))
        members.append(("error", .string(error)))
        return .object(members)
    }

    /// Writes `{"line":N,"id":…,"verdict":…,"note"?,"answer":{claim}|null,"claims":[…]}` straight into `out`, without
    /// building a JSON tree (the audit's hot path). `label` and `reference` are carried through when present.
    public static func writeLine(
        _ number: Int, id: JSONValue?, label: String?, reference: JSONValue?, result: AuditResult,
        into out: inout [UInt8]
    ) {
        out.append(contentsOf: #"{"line":"#.utf8)
        out.append(contentsOf: String(number).utf8)
        out.append(contentsOf: #","id":"#.utf8)
        (id ?? .null).write(into: &out)
        if let label {
            out.append(contentsOf: #","label":"#.utf8)
            JSONValue.writeString(label, into: &out)
        }
        if let reference {
            out.append(contentsOf: #","reference":"#.utf8)
            reference.write(into: &out)
        }
        out.append(contentsOf: #","verdict":""#.utf8)
        out.append(contentsOf: result.verdict.rawValue.utf8)
        out.append(UInt8(ascii: "\""))
        if let note = result.note {
            out.append(contentsOf: #","note":"#.utf8)
            JSONValue.writeString(note, into: &out)
        }
        out.append(contentsOf: #","answer":"#.utf8)
        if let answer = result.answer { writeClaim(answer, into: &out) } else { out.append(contentsOf: "null".utf8) }
        out.append(contentsOf: #","claims":["#.utf8)
        for (i, c) in result.claims.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            writeClaim(c, into: &out)
        }
        out.append(contentsOf: "]}".utf8)
    }

    static func writeClaim(_ c: Claim, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"kind":""#.utf8)
        out.append(contentsOf: c.kind.rawValue.utf8)
        out.append(contentsOf: #"","text":"#.utf8)
        JSONValue.writeString(c.text, into: &out)
        out.append(contentsOf: #","span":["#.utf8)
        out.append(contentsOf: String(c.span.lowerBound).utf8)
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: String(c.span.upperBound).utf8)
        out.append(contentsOf: #"],"role":""#.utf8)
        out.append(contentsOf: c.role.rawValue.utf8)
        out.append(contentsOf: #"","verdict":""#.utf8)
        out.append(contentsOf: c.verdict.rawValue.utf8)
        out.append(contentsOf: #"","expected":"#.utf8)
        if let e = c.expected { JSONValue.writeString(e, into: &out) } else { out.append(contentsOf: "null".utf8) }
        out.append(contentsOf: #","evidence":{"#.utf8)
        for (i, (key, value)) in c.evidence.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONValue.writeString(key, into: &out)
            out.append(UInt8(ascii: ":"))
            JSONValue.writeString(value, into: &out)
        }
        out.append(UInt8(ascii: "}"))
        if let reason = c.reason {
            out.append(contentsOf: #","reason":"#.utf8)
            JSONValue.writeString(reason, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }
}
