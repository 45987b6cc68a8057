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
        append(#"{"line":"#, to: &out)
        appendDecimal(number, to: &out)
        append(#","id":"#, to: &out)
        (id ?? .null).write(into: &out)
        if let label {
            append(#","label":"#, to: &out)
            JSONValue.writeString(label, into: &out)
        }
        if let reference {
            append(#","reference":"#, to: &out)
            reference.write(into: &out)
        }
        append(#","verdict":""#, to: &out)
        append(text(result.verdict), to: &out)
        out.append(UInt8(ascii: "\""))
        if let note = result.note {
            append(#","note":"#, to: &out)
            JSONValue.writeString(note, into: &out)
        }
        append(#","answer":"#, to: &out)
        if let answer = result.answer { writeClaim(answer, into: &out) } else { append("null", to: &out) }
        append(#","claims":["#, to: &out)
        // Through the buffer, each claim is lent to writeClaim, not copied.
        result.claims.withUnsafeBufferPointer { claims in
            for i in claims.indices {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeClaim(claims[i], into: &out)
            }
        }
        append("]}", to: &out)
    }

    static func writeClaim(_ c: borrowing Claim, into out: inout [UInt8]) {
        append(#"{"kind":""#, to: &out)
        append(text(c.kind), to: &out)
        append(#"","text":"#, to: &out)
        JSONValue.writeString(c.text, into: &out)
        append(#","span":["#, to: &out)
        appendDecimal(c.span.lowerBound, to: &out)
        out.append(UInt8(ascii: ","))
        appendDecimal(c.span.upperBound, to: &out)
        append(#"],"role":""#, to: &out)
        append(text(c.role), to: &out)
        append(#"","verdict":""#, to: &out)
        append(text(c.verdict), to: &out)
        append(#"","expected":"#, to: &out)
        if let e = c.expected { JSONValue.writeString(e, into: &out) } else { append("null", to: &out) }
        append(#","evidence":{"#, to: &out)
        for i in c.evidence.indices {
            let (key, value) = c.evidence[i]
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONValue.writeString(key, into: &out)
            out.append(UInt8(ascii: ":"))
            JSONValue.writeString(value, into: &out)
        }
        out.append(UInt8(ascii: "}"))
        if let reason = c.reason {
            append(#","reason":"#, to: &out)
            JSONValue.writeString(reason, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    // MARK: - Bytes

    /// Appends a literal's bytes (a copy of static memory, not a walk over a String's UTF-8 view).
    private static func append(_ s: StaticString, to out: inout [UInt8]) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    // MARK: - Raw values as static text

    // The enums' raw values, as literals that are copied without forming a String (tests check each against
    // `rawValue`).

    static func text(_ kind: Claim.Kind) -> StaticString {
        switch kind {
        case .primality: "primality"
        case .divisibility: "divisibility"
        case .factorization: "factorization"
        case .arithmetic: "arithmetic"
        case .function: "function"
        }
    }

    static func text(_ role: Claim.Role) -> StaticString {
        switch role {
        case .answer: "answer"
        case .step: "step"
        }
    }

    static func text(_ verdict: Judgement.Verdict) -> StaticString {
        switch verdict {
        case .correct: "correct"
        case .wrong: "wrong"
        case .unverified: "unverified"
        }
    }

    static func text(_ verdict: RecordVerdict) -> StaticString {
        switch verdict {
        case .correct: "correct"
        case .wrong: "wrong"
        case .unverified: "unverified"
        case .noClaims: "no_claims"
        }
    }

    /// Appends an integer in decimal, as `String(n)` writes it.
    static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        var v = n.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // scratch for up to 24 digits
        withUnsafeMutableBytes(of: &digits) { scratch in
            var k = 0
            repeat {
                scratch[k] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                k += 1
            } while v > 0
            while k > 0 {
                k -= 1
                out.append(scratch[k])
            }
        }
    }
}
