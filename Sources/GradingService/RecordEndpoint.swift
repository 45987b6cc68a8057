import Audit
import Claims
import JSON

/// `POST /v1/audit` and `POST /v1/check`: records in, and for each the very line `mathcheck audit --format jsonl`
/// (or `mathcheck check --format jsonl`) writes for it, made by the same runners.
///
/// The reply has the body's shape: JSONL in, JSONL out (`application/x-ndjson`, a line per record); a JSON array
/// in, a JSON array of the same objects out. A request with a record the command line would answer `invalid`
/// (a line that is not JSON, no response, a field of the wrong type, an unknown label) is refused whole with a
/// 400 naming the first such record, so a client never mistakes a reply for a full one.
enum RecordOperation: String, Sendable {
    case audit, check
}

/// What one job made of its records.
struct RecordChunk: Sendable {
    /// The records' output lines, one after another, without newlines.
    var bytes: [UInt8] = []
    /// Where each record's line ends in ``bytes``.
    var ends: [Int] = []
    /// Each record's verdict (audit: the record's; check: mathcheck's, nil when not checked).
    var verdicts: [RecordVerdict?] = []
    var tally = ClaimTally()
    /// The first record of the chunk that is not one: its index and why.
    var invalid: InvalidRecord?
}

struct InvalidRecord: Sendable {
    var index: Int
    var error: String
}

/// The result of a records request: the reply's bytes, or the error.
struct RecordReply: Sendable {
    var body: [UInt8]
    var contentType: String
    var verdicts: [RecordVerdict?]
    var tally: ClaimTally
}

extension RecordOperation {
    /// Runs every record of `batch` through the pool and assembles the reply.
    func reply(_ batch: RecordBatch, pool: RecordPool) async throws(ServiceError) -> RecordReply {
        let operation = self
        let chunks = await pool.run(count: batch.count) { range, runners in
            operation.process(batch, range, &runners)
        }
        if let invalid = chunks.lazy.compactMap(\.invalid).first {
            throw Self.refusal(invalid, in: batch)
        }
        var body: [UInt8] = []
        body.reserveCapacity(chunks.reduce(2) { $0 + $1.bytes.count + $1.ends.count })
        var verdicts: [RecordVerdict?] = []
        var tally = ClaimTally()
        let array = batch.shape == .jsonArray
        if array { body.append(UInt8(ascii: "[")) }
        var first = true
        for chunk in chunks {
            var start = 0
            for end in chunk.ends {
                if array && !first { body.append(UInt8(ascii: ",")) }
                body.append(contentsOf: chunk.bytes[start..<end])
                if !array { body.append(0x0A) }
                start = end
                first = false
            }
            verdicts.append(contentsOf: chunk.verdicts)
            tally.add(chunk.tally)
        }
        if array { body.append(contentsOf: [UInt8(ascii: "]"), 0x0A]) }
        return RecordReply(
            body: body, contentType: array ? "application/json" : "application/x-ndjson", verdicts: verdicts,
            tally: tally)
    }

    /// One job: the records at `range`, each as the line numbered by its place in the request.
    private func process(_ batch: RecordBatch, _ range: Range<Int>, _ runners: inout Runners) -> RecordChunk {
        var chunk = RecordChunk()
        chunk.bytes.reserveCapacity(range.count * 1024)
        batch.storage.withUnsafeBufferPointer { all in
            for index in range {
                let span = batch.spans[index]
                let line = InputLine(
                    input: 0, number: index + 1, bytes: UnsafeBufferPointer(rebasing: all[span]), length: span.count)
                switch self {
                case .audit:
                    let outcome = runners.auditor.process(line, writeLine: true, into: &chunk.bytes)
                    chunk.verdicts.append(outcome.verdict)
                    chunk.tally.add(outcome.tally)
                    if outcome.verdict == .invalid && chunk.invalid == nil {
                        chunk.invalid = InvalidRecord(index: index, error: outcome.error ?? "not a record")
                    }
                case .check:
                    let outcome = runners.withChecker { $0.process(line, writeLine: true, into: &chunk.bytes) }
                    chunk.verdicts.append(outcome.mathcheck)
                    if outcome.mathcheck == .invalid && outcome.basis == nil && chunk.invalid == nil {
                        chunk.invalid = InvalidRecord(index: index, error: outcome.error ?? "not a record")
                    }
                }
                chunk.ends.append(chunk.bytes.count)
            }
        }
        return chunk
    }

    /// The 400 for a record that is not one: `malformed_json` when its line is not JSON, else `invalid_record`,
    /// with the runner's own reason.
    private static func refusal(_ invalid: InvalidRecord, in batch: RecordBatch) -> ServiceError {
        let number = invalid.index + 1
        let place = batch.shape == .jsonLines ? "record \(number) (line \(number))" : "record \(number)"
        let isJSON = batch.storage.withUnsafeBufferPointer { all in
            (try? JSONParser.parse(UnsafeBufferPointer(rebasing: all[batch.spans[invalid.index]]))) != nil
        }
        return ServiceError(isJSON ? .invalidRecord : .malformedJSON, "\(place): \(invalid.error)")
    }
}
