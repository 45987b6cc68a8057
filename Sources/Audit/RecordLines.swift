public import JSON

/// Reads the records of a JSONL file one at a time, for commands that turn records into rows (`emit`) rather than
/// into one output line per input line (`audit` and `check`, which go through ``Pipeline``).
///
/// Blank lines are skipped (``JSONLines/isBlank(_:)``); every other line is a record or a ``Failure`` naming why
/// it is not one.
public struct RecordLines {
    /// Why a line is not a record.
    public enum Failure: Error, Sendable {
        /// The line is longer than the reader's limit; its length so far.
        case oversized(bytes: Int)
        case invalidJSON(JSONError)
        case notARecord(RecordError)
    }

    private let reader: LineReader

    /// Opens `path`, or standard input for "-".
    public init(path: String) throws(RecordError) { reader = try LineReader(path: path) }

    /// Calls `body` with each line's 1-based number and its record, in order.
    public func forEach(_ body: (_ number: Int, Result<Record, Failure>) -> Void) {
        var number = 0
        while reader.next({ bytes, length in
            number += 1
            guard let bytes else { return body(number, .failure(.oversized(bytes: length))) }
            if JSONLines.isBlank(bytes) { return }
            let value: JSONValue
            do throws(JSONError) {
                value = try JSONParser.parse(bytes)
            } catch {
                return body(number, .failure(.invalidJSON(error)))
            }
            do throws(RecordError) {
                body(number, .success(try Record(value)))
            } catch {
                body(number, .failure(.notARecord(error)))
            }
        }) {}
    }
}
