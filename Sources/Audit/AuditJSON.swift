public import Claims
public import JSON
import Verifiers

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
    public static func writeLine<Sink: ByteSink & ~Copyable>(
        _ number: Int, id: JSONValue?, label: String?, reference: JSONValue?, result: AuditResult,
        into out: inout Sink
    ) {
        out.append(#"{"line":"#)
        out.append(decimal: number)
        out.append(#","id":"#)
        (id ?? .null).write(into: &out)
        if let label {
            out.append(#","label":"#)
            JSONValue.writeString(label, into: &out)
        }
        if let reference {
            out.append(#","reference":"#)
            reference.write(into: &out)
        }
        out.append(#","verdict":""#)
        out.append(text(result.verdict))
        out.append(UInt8(ascii: "\""))
        if let note = result.note {
            out.append(#","note":"#)
            JSONValue.writeString(note, into: &out)
        }
        out.append(#","answer":"#)
        if result.answerIndex == nil { out.append("null") }
        // The answer is one of the claims: its bytes are written once and copied where the claim comes again.
        var answerBytes = 0..<0
        result.claims.withUnsafeBufferPointer { claims in
            // Never written through: see writeClaim(lending:into:).
            let claim = UnsafeMutablePointer(mutating: claims.baseAddress)
            if let a = result.answerIndex, let claim {
                let start = out.count
                writeClaim(lending: &claim[a], into: &out)
                answerBytes = start..<out.count
            }
            out.append(#","claims":["#)
            guard let claim else { return }
            for i in claims.indices {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if i == result.answerIndex {
                    out.appendCopy(of: answerBytes)
                } else {
                    writeClaim(lending: &claim[i], into: &out)
                }
            }
        }
        out.append("]}")
    }

    /// Lends a claim held in an array's storage to ``writeClaim(_:into:)`` without copying it.
    ///
    /// Borrowed straight from that storage, a claim is copied first (with a retain of each reference in it, and a
    /// release after): the compiler cannot rule out that a write to `out` changes the memory while it is lent.
    /// Exclusive (inout) access rules that out, and the borrow taken from it is a plain move of the claim's bytes.
    /// The claim is only read.
    @inline(__always)
    static func writeClaim<Sink: ByteSink & ~Copyable>(lending claim: inout Claim, into out: inout Sink) {
        writeClaim(claim, into: &out)
    }

    /// Writes one claim's object. The fixed text between its values is written in runs of static bytes, each
    /// holding the enum values it depends on (``opening(_:)``, ``middle(_:_:)``).
    static func writeClaim<Sink: ByteSink & ~Copyable>(_ c: borrowing Claim, into out: inout Sink) {
        out.append(opening(c.kind))
        c.withTextUTF8 { JSONValue.writeString(utf8: $0, into: &out) }
        out.append(#","span":["#)
        out.append(decimal: c.span.lowerBound)
        out.append(UInt8(ascii: ","))
        out.append(decimal: c.span.upperBound)
        out.append(middle(c.role, c.verdict))
        writeFinding(c.finding, into: &out)
        if let reason = c.reason {
            out.append(#","reason":"#)
            JSONValue.writeString(reason, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Writes a claim's expected value and evidence, `<expected>,"evidence":{…}`, where the claim's object has
    /// reached `"expected":`: the bytes ``Claim/expected`` and ``Claim/evidence`` give as JSON (a string or `null`,
    /// then an object of strings; tests hold the two equal), read from the finding by case without forming them.
    ///
    /// The keys are written inside the fixed text around them, and the texts of findings kept as numbers go straight
    /// into `out`, unscanned: they are digits, signs and fixed words, none of which JSON escapes.
    static func writeFinding<Sink: ByteSink & ~Copyable>(_ finding: borrowing Finding, into out: inout Sink) {
        switch finding {
        case .wordDivision(let w):
            out.append(UInt8(ascii: "\""))
            out.append(atMost: WordDivision.expectedCapacity) { w.writeExpected(into: $0) }
            out.append(#"","evidence":{"remainder":""#)
            // The remainder is below |d| ≤ 2^63, so it fits in an Int.
            out.append(decimal: Int(w.remainder))
            out.append(#""}"#)
        case .wordQuotient(let w):
            out.append(UInt8(ascii: "\""))
            out.append(atMost: WordQuotient.expectedCapacity) { w.writeExpected(into: $0) }
            out.append(#"","evidence":{"quotient":""#)
            out.append(decimal: w.quotient)
            out.append(#"","remainder":""#)
            out.append(decimal: w.remainder)
            out.append(#""}"#)
        case .shared(let texts):
            writeExpected(texts.expected, into: &out)
            writeEvidence(texts.evidence, into: &out)
        case .text(let expected, let evidence):
            writeExpected(expected, into: &out)
            writeEvidence(evidence, into: &out)
        case .value(let value):
            let start = out.count
            writeExpected(value.trueValue, into: &out)
            writeEvidence(value, trueValueJSON: start..<out.count, into: &out)
        }
    }

    /// `"<expected>"`, or `null` when there is none.
    static func writeExpected<Sink: ByteSink & ~Copyable>(_ expected: String?, into out: inout Sink) {
        if let expected {
            JSONValue.writeString(expected, into: &out)
        } else {
            out.append("null")
        }
    }

    /// `,"evidence":{"<key>":"<value>",…}`, the pairs in order.
    static func writeEvidence<Sink: ByteSink & ~Copyable>(_ pairs: [(String, String)], into out: inout Sink) {
        out.append(#","evidence":{"#)
        for i in pairs.indices {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONValue.writeString(pairs[i].0, into: &out)
            out.append(UInt8(ascii: ":"))
            JSONValue.writeString(pairs[i].1, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// `,"evidence":{…}` of a stated value: the pairs ``ValueFinding/forEachEvidence(_:)`` gives, in its order, each
    /// key inside the fixed text before its value. The true value, when there is one, is a copy of its JSON string
    /// already written as the expected value, at `trueValueJSON` in `out`.
    static func writeEvidence<Sink: ByteSink & ~Copyable>(
        _ value: ValueFinding, trueValueJSON: Range<Int>, into out: inout Sink
    ) {
        if value.trueValue != nil {
            out.append(#","evidence":{"true_value":"#)
            out.appendCopy(of: trueValueJSON)
            out.append(UInt8(ascii: ","))
        } else {
            out.append(#","evidence":{"#)
        }
        out.append(angleUnitMember(value.angleUnit))
        switch value.rule {
        case .asWritten: out.append(#","rule":"as_written""#)
        case .decimalPlaces(let n):
            out.append(#","rule":"decimals:"#)
            out.append(decimal: n)
            out.append(UInt8(ascii: "\""))
        case .significantFigures(let n):
            out.append(#","rule":"significant:"#)
            out.append(decimal: n)
            out.append(UInt8(ascii: "\""))
        case .exact: out.append(#","rule":"exact""#)
        }
        if let match = value.match { out.append(matchMember(match)) }
        if let unit = value.unit {
            out.append(#","unit":"#)
            JSONValue.writeString(unit, into: &out)
        }
        if let errorInUnits = value.errorInUnits {
            out.append(#","error_units":"#)
            JSONValue.writeString(errorInUnits, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    // MARK: - Raw values as static text

    // The enums' raw values, as literals that are copied without forming a String, alone or inside the fixed text
    // around them (tests check each against `rawValue`).

    /// `{"kind":"<kind>","text":`, the start of a claim's object up to its text.
    static func opening(_ kind: Claim.Kind) -> StaticString {
        switch kind {
        case .primality: #"{"kind":"primality","text":"#
        case .divisibility: #"{"kind":"divisibility","text":"#
        case .factorization: #"{"kind":"factorization","text":"#
        case .arithmetic: #"{"kind":"arithmetic","text":"#
        case .function: #"{"kind":"function","text":"#
        }
    }

    /// `],"role":"<role>","verdict":"<verdict>","expected":`, from the end of a claim's span to its expected value.
    static func middle(_ role: Claim.Role, _ verdict: Judgement.Verdict) -> StaticString {
        switch (role, verdict) {
        case (.answer, .correct): #"],"role":"answer","verdict":"correct","expected":"#
        case (.answer, .wrong): #"],"role":"answer","verdict":"wrong","expected":"#
        case (.answer, .unverified): #"],"role":"answer","verdict":"unverified","expected":"#
        case (.step, .correct): #"],"role":"step","verdict":"correct","expected":"#
        case (.step, .wrong): #"],"role":"step","verdict":"wrong","expected":"#
        case (.step, .unverified): #"],"role":"step","verdict":"unverified","expected":"#
        }
    }

    /// `"angle_unit":"<unit>"`, a stated value's angle unit as an evidence pair.
    static func angleUnitMember(_ unit: AngleUnit) -> StaticString {
        switch unit {
        case .radians: #""angle_unit":"radians""#
        case .degrees: #""angle_unit":"degrees""#
        }
    }

    /// `,"match":"<match>"`, how a stated value matched, as an evidence pair after the one before it.
    static func matchMember(_ match: Judgement.Match) -> StaticString {
        switch match {
        case .correctlyRounded: #","match":"correctly_rounded""#
        case .truncated: #","match":"truncated""#
        case .withinOneUnit: #","match":"within_one_unit""#
        case .equal: #","match":"equal""#
        case .mismatch: #","match":"mismatch""#
        }
    }

    static func text(_ verdict: RecordVerdict) -> StaticString {
        switch verdict {
        case .correct: "correct"
        case .wrong: "wrong"
        case .unverified: "unverified"
        case .noClaims: "no_claims"
        case .invalid: "invalid"
        }
    }
}
