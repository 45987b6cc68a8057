public import JSON

/// Reads the fields a record needs straight from the bytes of its JSONL line, without building a tree of the rest.
///
/// The whole line is validated as strict JSON, with the grammar and limits of ``JSONParser`` (UTF-8 strings,
/// well-formed escapes, no lone surrogates, at most ``JSONParser/maxDepth`` levels), but only the members a record
/// uses — `id`, `label`, `reference`, `prompt`, and `response`, `completion`, `output` or `answer` — become values;
/// the rest are only checked. The prompt and response are handed over as UTF-8 bytes: in place in the line when
/// they have no escapes, otherwise unescaped into buffers the reader keeps between lines.
///
/// Only the common shape is read this way: a JSON object whose keys have no escapes, without `messages`, whose
/// fields have the types ``Record`` expects. Every other line (invalid JSON, another JSON type, the chat shape, a
/// field of the wrong type) is read by the general path, ``JSONParser`` then ``Record/init(_:)``, so its record or
/// error is exactly what that path gives. Cost: one pass over the line (eight bytes at a time inside strings) and
/// no allocation for the prompt or response.
public struct RecordReader: Sendable {
    /// A record's fields. The byte buffers are only valid inside the closure given to ``read(_:_:)``.
    public struct Fields {
        /// `correct`, `wrong` or `no_claims`, when the record has a label (not yet checked against those).
        public var label: String?
        /// The reference answer, as given.
        public var reference: JSONValue?
        /// The prompt's UTF-8 bytes (empty when the record has none).
        public var prompt: UnsafeBufferPointer<UInt8>
        /// The response's UTF-8 bytes.
        public var response: UnsafeBufferPointer<UInt8>
    }

    private var promptBuffer: [UInt8] = []
    private var responseBuffer: [UInt8] = []

    public init() {}

    /// Reads one line and calls `body` with the record's fields or why the line is not a record, and with the
    /// record's `"id"` (as given; nil when the line is not a JSON object or has none).
    public mutating func read<R>(
        _ line: UnsafeBufferPointer<UInt8>, _ body: (Result<Fields, RecordError>, _ id: JSONValue?) -> R
    ) -> R {
        var scan = RecordFieldScan(line)
        guard scan.scanObject(), let id = scan.value(.id), let reference = scan.value(.reference),
            let response = scan.responseMember()
        else { return readGenerally(line, body) }
        var label: String? = nil
        if let member = scan.members[.label] {
            guard member.isString else { return readGenerally(line, body) }
            label = scan.string(member, buffer: &promptBuffer)
        }
        let prompt = scan.members[.prompt]
        if let prompt, !prompt.isString && !scan.isNull(prompt) { return readGenerally(line, body) }
        // The buffers are moved out for the call, so the closures below borrow two locals rather than `self`.
        var promptScratch: [UInt8] = []
        var responseScratch: [UInt8] = []
        swap(&promptScratch, &promptBuffer)
        swap(&responseScratch, &responseBuffer)
        defer {
            swap(&promptScratch, &promptBuffer)
            swap(&responseScratch, &responseBuffer)
        }
        return Self.withBytes(scan, prompt, &promptScratch) { promptBytes in
            Self.withBytes(scan, response, &responseScratch) { responseBytes in
                body(
                    .success(Fields(label: label, reference: reference, prompt: promptBytes, response: responseBytes)),
                    id)
            }
        }
    }

    /// The bytes of a string member, in place or unescaped into `buffer`; empty for none or null.
    private static func withBytes<R>(
        _ scan: RecordFieldScan, _ member: RecordFieldScan.Member?, _ buffer: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        guard let member, member.isString else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        guard member.hasEscapes else {
            return body(UnsafeBufferPointer(rebasing: scan.bytes[member.start..<member.end]))
        }
        let count = scan.unescape(member, into: &buffer)
        return buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }

    /// The general path: the whole line as a `JSONValue`, then ``Record/init(_:)``.
    private func readGenerally<R>(
        _ line: UnsafeBufferPointer<UInt8>, _ body: (Result<Fields, RecordError>, _ id: JSONValue?) -> R
    ) -> R {
        let value: JSONValue
        do { value = try JSONParser.parse(line) } catch {
            return body(.failure(RecordError("invalid JSON: \(error)")), nil)
        }
        let record: Record
        do { record = try Record(value) } catch { return body(.failure(error), value["id"]) }
        var prompt = record.prompt
        var response = record.response
        return prompt.withUTF8 { promptBytes in
            response.withUTF8 { responseBytes in
                body(
                    .success(
                        Fields(
                            label: record.label, reference: record.reference, prompt: promptBytes,
                            response: responseBytes)), value["id"])
            }
        }
    }
}
