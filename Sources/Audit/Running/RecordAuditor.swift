public import Claims
public import JSON
public import Verifiers

/// Audits the lines of a JSONL corpus one by one (the ``LineWorker`` of an ``AuditRun``): reads the record, audits
/// its response with a ``ResponseAuditor`` and writes its output line; one output line per input line, nothing
/// dropped.
public struct RecordAuditor: LineWorker {
    public var bounds: Bounds
    /// Whether outcomes list their wrong and unverified claims (reports that show them need it).
    public var collectFlagged = false
    /// When set, each output line is the record's steps (`--format steps`, ``AuditJSON/writeStepsLine``), cut this
    /// way, instead of its claims.
    public var steps: StepMode?

    private var auditor: ResponseAuditor
    private var reader = RecordReader()
    /// The output line is built here, through a pointer, then appended to the caller's bytes in one copy. Shared by
    /// copies of a runner: one runner (and its copies) per thread, as for the auditor's caches.
    private let scratch = LineBuffer()

    /// `budget` is the most CPU time one record may take (see ``ResponseAuditor/budget``).
    public init(bounds: Bounds = .standard, budget: Duration? = nil) {
        self.bounds = bounds
        auditor = ResponseAuditor(bounds: bounds)
        auditor.budget = budget
    }

    /// Audits one line (without its newline) and appends its output line (without a newline) to `out`.
    public mutating func audit(line: UnsafeBufferPointer<UInt8>?, length: Int, number: Int, into out: inout [UInt8]) {
        _ = process(InputLine(input: 0, number: number, bytes: line, length: length), writeLine: true, into: &out)
    }

    /// Audits one line; writes its JSONL output to `out` when `writeLine` is set, and returns what reports need.
    public mutating func process(_ input: InputLine, writeLine: Bool, into out: inout [UInt8]) -> RecordOutcome {
        let number = input.number
        func invalid(_ error: String, id: JSONValue? = nil) -> RecordOutcome {
            if writeLine { AuditJSON.invalid(number, id: id, error: error).write(into: &out) }
            return RecordOutcome(
                input: input.input, line: number, id: id, verdict: .invalid, error: error)
        }
        guard let line = input.bytes else {
            return invalid("the line is \(input.length) bytes long, over the limit")
        }
        if JSONLines.isBlank(line) {
            return invalid("empty line")
        }
        // The auditor and reader are separate stored properties, borrowed side by side for the read. The result is
        // written and tallied inside the read, so it is never copied out of it.
        let collectFlagged = collectFlagged
        let stepMode = steps
        let scratch = scratch
        return reader.read(line) { fields, id in
            let record: RecordReader.Fields
            switch fields {
            case .failure(let error): return invalid(error.message, id: id)
            case .success(let read): record = read
            }
            let response = String(decoding: record.response, as: UTF8.self)
            let result = auditor.audit(prompt: record.prompt, response: response)
            if writeLine {
                scratch.bytes.removeAll()
                if let stepMode {
                    AuditJSON.writeStepsLine(
                        number, id: id, label: record.label, reference: record.reference, result: result,
                        response: response, steps: ResponseSteps(response: response, result: result, mode: stepMode),
                        into: &scratch.bytes)
                } else {
                    AuditJSON.writeLine(
                        number, id: id, label: record.label, reference: record.reference, result: result,
                        into: &scratch.bytes)
                }
                scratch.bytes.withBytes { out.append(contentsOf: $0) }
            }
            var outcome = RecordOutcome(
                input: input.input, line: number, id: id, verdict: result.verdict,
                error: result.note)
            // Field by field through the buffer: a `for claim in` loop would copy every claim.
            result.claims.withUnsafeBufferPointer { claims in
                for i in claims.indices {
                    outcome.tally.add(claims[i].kind, claims[i].verdict)
                    if collectFlagged && claims[i].verdict != .correct {
                        outcome.flagged.append(FlaggedClaim(claims[i]))
                    }
                }
            }
            return outcome
        }
    }

    /// Audits one line and returns the output object (for tests and tools; the runner writes bytes directly).
    public mutating func audit(line: UnsafeBufferPointer<UInt8>?, length: Int, number: Int) -> JSONValue {
        var out: [UInt8] = []
        audit(line: line, length: length, number: number, into: &out)
        return (try? JSONParser.parse(String(decoding: out, as: UTF8.self))) ?? .null
    }
}

/// A byte buffer kept from one line to the next (a class, since a move-only buffer cannot live in a copyable runner).
private final class LineBuffer {
    var bytes = ByteBuffer(capacity: 16 << 10)
}
