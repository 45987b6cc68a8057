public import Claims
public import JSON

extension AuditJSON {
    /// Writes the `--format steps` line of a record straight into `out`:
    /// `{"line":N,"id":…,"label"?,"reference"?,"verdict":…,"note"?,"first_error":K,"steps":[{"text":…,"span":[a,b],
    /// "verdict":"wrong"|"correct"|"unverified"|"neutral","claims":[{claim}…]}…]}`.
    ///
    /// `first_error` is the index of the first wrong step, or -1 (ProcessBench's `label`). Spans are Unicode scalar
    /// offsets into the response, as the claims' are; the steps' texts concatenated are the response. Each claim
    /// object is the one `--format jsonl` writes.
    public static func writeStepsLine<Sink: ByteSink & ~Copyable>(
        _ number: Int, id: JSONValue?, label: String?, reference: JSONValue?, result: AuditResult,
        response: String, steps: ResponseSteps, into out: inout Sink
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
        out.append(#","first_error":"#)
        out.append(decimal: steps.firstError ?? -1)
        out.append(#","steps":["#)
        var text = response
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { bytes in
            result.claims.withUnsafeBufferPointer { claims in
                let claim = UnsafeMutablePointer(mutating: claims.baseAddress)
                for (k, step) in steps.steps.enumerated() {
                    if k > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(#"{"text":"#)
                    JSONValue.writeString(utf8: UnsafeBufferPointer(rebasing: bytes[step.bytes]), into: &out)
                    out.append(#","span":["#)
                    out.append(decimal: step.span.lowerBound)
                    out.append(UInt8(ascii: ","))
                    out.append(decimal: step.span.upperBound)
                    out.append(#"],"verdict":""#)
                    out.append(stepVerdict(step.verdict))
                    out.append(#"","claims":["#)
                    for (j, i) in step.claims.enumerated() {
                        if j > 0 { out.append(UInt8(ascii: ",")) }
                        if let claim { writeClaim(lending: &claim[i], into: &out) }
                    }
                    out.append("]}")
                }
            }
        }
        out.append("]}")
    }

    static func stepVerdict(_ verdict: Step.Verdict) -> StaticString {
        switch verdict {
        case .wrong: "wrong"
        case .correct: "correct"
        case .unverified: "unverified"
        case .neutral: "neutral"
        }
    }
}
