#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
public import ToolCalls
public import Verifiers

/// Audits JSONL corpora record by record: one output line per input line, in order, nothing dropped.
public struct AuditRunner {
    public var bounds: Bounds
    /// Totals over everything audited.
    public private(set) var summary = Summary()

    public struct Summary: Sendable {
        public var records = 0
        public var claims = 0
        public var wrongRecords = 0
        public var unverifiedRecords = 0
        public var invalid = 0
        public var correctRecords = 0
        public var noClaims = 0
    }

    private var auditor: ResponseAuditor

    public init(bounds: Bounds = .standard) {
        self.bounds = bounds
        auditor = ResponseAuditor(bounds: bounds)
    }

    /// Audits one line (without its newline) and appends its output line (without a newline) to `out`.
    public mutating func audit(line: UnsafeBufferPointer<UInt8>?, length: Int, number: Int, into out: inout [UInt8]) {
        summary.records += 1
        guard let line else {
            summary.invalid += 1
            AuditJSON.invalid(number, error: "the line is \(length) bytes long, over the limit").write(into: &out)
            return
        }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            summary.invalid += 1
            AuditJSON.invalid(number, error: "empty line").write(into: &out)
            return
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(line)
        } catch {
            summary.invalid += 1
            AuditJSON.invalid(number, error: "invalid JSON: \(error)").write(into: &out)
            return
        }
        let record: Record
        do {
            record = try Record(value)
        } catch {
            summary.invalid += 1
            AuditJSON.invalid(number, id: value["id"], error: error.message).write(into: &out)
            return
        }
        let result = auditor.audit(prompt: record.prompt, response: record.response)
        summary.claims += result.claims.count
        switch result.verdict {
        case .wrong: summary.wrongRecords += 1
        case .unverified: summary.unverifiedRecords += 1
        case .correct: summary.correctRecords += 1
        case .noClaims: summary.noClaims += 1
        }
        AuditJSON.writeLine(
            number, id: record.id, label: record.label, reference: record.reference, result: result, into: &out)
    }

    /// Audits one line and returns the output object (for tests and tools; the runner writes bytes directly).
    public mutating func audit(line: UnsafeBufferPointer<UInt8>?, length: Int, number: Int) -> JSONValue {
        var out: [UInt8] = []
        audit(line: line, length: length, number: number, into: &out)
        return (try? JSONParser.parse(String(decoding: out, as: UTF8.self))) ?? .null
    }

    /// Audits every line of `path` ("-" for standard input), writing one JSON line per input line to `output`.
    public mutating func run(path: String, output: OutputBuffer) throws(RecordError) {
        let reader = try LineReader(path: path)
        var number = 0
        while reader.next({ bytes, length in
            number += 1
            output.append { audit(line: bytes, length: length, number: number, into: &$0) }
        }) {}
    }
}

/// Buffered writing to a file descriptor: lines are collected and written in large blocks.
public final class OutputBuffer {
    private let fd: Int32
    private var buffer: [UInt8] = []

    public init(fd: Int32 = 1) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    deinit { flush() }

    public func write(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Lets `body` append one line's bytes, then ends the line.
    public func append(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes a JSON value as one line.
    public func write(_ value: JSONValue) {
        value.write(into: &buffer)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { p in
                #if canImport(Glibc)
                    Glibc.write(fd, p.baseAddress! + offset, p.count - offset)
                #else
                    Darwin.write(fd, p.baseAddress! + offset, p.count - offset)
                #endif
            }
            if n <= 0 { break }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
