import JSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The records of one request, each as the bytes of a JSONL line, numbered from 1 in request order.
///
/// A `/v1/audit` or `/v1/check` body is either JSONL (one record a line; a final newline ends the last line
/// rather than starting an empty one) or a JSON array of records; its first byte that is not whitespace tells which.
/// JSONL lines are used as they are; an array's elements are written out as compact lines, so each is exactly
/// the line `mathcheck audit` would read for it (the parser keeps numbers' text, and the result depends only on
/// the values read). Either way record N's result is the line the command line writes for line N of a file of
/// those records.
struct RecordBatch: Sendable {
    enum Shape: Sendable {
        case jsonLines, jsonArray
    }

    var shape: Shape
    /// The records' bytes, one after another.
    var storage: [UInt8]
    /// Where each record is in ``storage``.
    var spans: [Range<Int>]

    var count: Int { spans.count }

    init(shape: Shape, storage: [UInt8], spans: [Range<Int>]) {
        self.shape = shape
        self.storage = storage
        self.spans = spans
    }

    /// Reads a request body into records, or says why it has none that can be read. `maxRecords` bounds the
    /// count (the error names it).
    init(body: [UInt8], maxRecords: Int) throws(ServiceError) {
        var first = 0
        while first < body.count, [0x20, 0x09, 0x0A, 0x0D].contains(body[first]) { first += 1 }
        guard first < body.count else { throw ServiceError(.badRequest, "the body holds no records") }
        if body[first] == UInt8(ascii: "[") {
            self = try Self.array(body, maxRecords: maxRecords)
        } else {
            self = try Self.lines(body, maxRecords: maxRecords)
        }
    }

    /// JSONL: every line, blank ones included (the runner answers those `empty line`, as the command line does);
    /// a carriage return before a newline is dropped.
    private static func lines(_ body: [UInt8], maxRecords: Int) throws(ServiceError) -> RecordBatch {
        var spans: [Range<Int>] = []
        var start = 0
        body.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            while start < p.count {
                let end = memchr(base + start, 0x0A, p.count - start).map { UnsafeRawPointer(base).distance(to: $0) } ?? p.count
                var lineEnd = end
                if lineEnd > start && p[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                spans.append(start..<lineEnd)
                start = end + 1
                if spans.count > maxRecords { return }
            }
        }
        guard spans.count <= maxRecords else { throw tooMany(maxRecords) }
        return RecordBatch(shape: .jsonLines, storage: body, spans: spans)
    }

    /// A JSON array: parsed whole, each element written out as a compact line.
    private static func array(_ body: [UInt8], maxRecords: Int) throws(ServiceError) -> RecordBatch {
        let parsed: Result<JSONValue, JSONError> = body.withUnsafeBufferPointer { p in
            do throws(JSONError) { return .success(try JSONParser.parse(p)) } catch { return .failure(error) }
        }
        let value: JSONValue
        switch parsed {
        case .success(let v): value = v
        case .failure(let error):
            let place = BodyPosition(body, offset: error.offset)
            throw ServiceError(
                .malformedJSON,
                "\(place.recordName): invalid JSON: \(error.message) at byte \(error.offset + 1) of the body "
                    + "(line \(place.line))")
        }
        guard case .array(let elements) = value else {
            throw ServiceError(.wrongType, "the body must be a JSON array of records or JSONL, not \(value.typeName)")
        }
        guard elements.count <= maxRecords else { throw tooMany(maxRecords) }
        var storage: [UInt8] = []
        storage.reserveCapacity(body.count)
        var spans: [Range<Int>] = []
        spans.reserveCapacity(elements.count)
        for element in elements {
            let start = storage.count
            element.write(into: &storage)
            spans.append(start..<storage.count)
        }
        return RecordBatch(shape: .jsonArray, storage: storage, spans: spans)
    }

    private static func tooMany(_ limit: Int) -> ServiceError {
        ServiceError(.tooManyRecords, "more than \(limit) records in one request (--max-records)")
    }
}

/// Where a byte offset of a JSON array body falls: which element (from 1: one more than the top-level commas
/// before it, outside strings) and which line of the body (from 1).
struct BodyPosition {
    var element = 1
    var line = 1

    init(_ body: [UInt8], offset: Int) {
        var depth = 0
        var inString = false
        var escaped = false
        for i in 0..<min(offset, body.count) {
            let b = body[i]
            if b == 0x0A { line += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if b == UInt8(ascii: "\\") {
                    escaped = true
                } else if b == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch b {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: ","): if depth == 1 { element += 1 }
            default: break
            }
        }
    }

    var recordName: String { "record \(element)" }
}
