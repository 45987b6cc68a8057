import ArgumentParser
import Audit
import Claims
import JSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `mathcheck worker`: a persistent process for callers that audit records one batch at a time (reward functions,
/// the Python package): JSONL requests on standard input, one JSON line per request on standard output.
///
/// Each request line is handled as soon as it has been read, and the replies to everything read so far are written
/// and flushed before the worker waits for more input, so a caller may send a batch and read its replies without
/// closing the pipe. The reply to a request is byte for byte the line `mathcheck audit --format jsonl` (or `check
/// --format jsonl`, or for `"op": "steps"` `audit --format steps`) writes for that record at that line number: the
/// same runners do the work.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit or check JSONL requests from standard input, one reply line per request, flushed as it goes.",
        discussion: """
            Each input line is a record as `audit` reads it, with an optional "op": "audit" (the default), "check" \
            or "steps" (with an optional "steps": "auto", "lines" or "sentences"). The reply is exactly the line \
            `mathcheck audit --format jsonl` (`mathcheck check --format jsonl`, `mathcheck audit --format steps \
            --steps MODE`) writes for that record, its "line" counting the worker's input lines from 1. A line that is \
            not a record gets {"line":N,"verdict":"invalid","error":...} and the worker goes on. Replies to \
            everything read are flushed before the worker waits for more input; it exits when its input ends.
            """
    )

    @Option(
        name: .customLong("record-timeout"),
        help: "CPU seconds one record may take before its remaining claims are unverified with reason 'budget'; 0 for no limit.")
    var recordTimeout: Double = 1.0

    func validate() throws {
        guard recordTimeout >= 0 && recordTimeout.isFinite else { throw ValidationError("--record-timeout must be ≥ 0") }
    }

    func run() throws {
        let budget: Duration? = recordTimeout > 0 ? .microseconds(Int64((recordTimeout * 1_000_000).rounded())) : nil
        var session = WorkerSession(budget: budget)
        session.serve(input: 0, output: OutputBuffer(fd: 1))
    }
}

/// The worker's loop: reads what is available, answers every complete line in it, flushes, and reads again.
struct WorkerSession {
    /// Lines longer than this are answered as invalid without being kept (as `LineReader`'s limit).
    static let maxLineBytes = 64 << 20

    private var auditor: RecordAuditor
    private var checker: CheckWorker?
    private let budget: Duration?
    private var number = 0

    init(budget: Duration?) {
        self.budget = budget
        auditor = RecordAuditor(budget: budget)
    }

    /// Serves requests from `input` until it ends (or fails), writing replies to `output`.
    mutating func serve(input fd: Int32, output: OutputBuffer) {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var start = 0
        var end = 0
        // Bytes of an over-long line dropped so far (the line is answered when its newline arrives).
        var skipped = 0
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBufferPointer { p in read(fd, p.baseAddress! + end, p.count - end) }
            if count < 0 && errno == EINTR { continue }
            let atEOF = count <= 0
            if !atEOF { end += count }
            // Every complete line in the buffer.
            var scanFrom = start
            while scanFrom < end {
                let newline = buffer.withUnsafeBufferPointer { p -> Int? in
                    guard let hit = memchr(p.baseAddress! + scanFrom, 0x0A, end - scanFrom) else { return nil }
                    return UnsafeRawPointer(p.baseAddress!).distance(to: UnsafeRawPointer(hit))
                }
                guard let newline else { break }
                answer(buffer: buffer, start: start, end: newline, skipped: skipped, into: &out)
                skipped = 0
                start = newline + 1
                scanFrom = start
            }
            if atEOF {
                // A last line without its newline is a request too.
                if end > start || skipped > 0 { answer(buffer: buffer, start: start, end: end, skipped: skipped, into: &out) }
                flush(&out, to: output)
                return
            }
            flush(&out, to: output)
            if output.failed { return }
            // Keep the partial line at the front; grow the buffer for it, or drop it once over the limit.
            if start > 0 {
                buffer.withUnsafeMutableBufferPointer { p in _ = memmove(p.baseAddress!, p.baseAddress! + start, end - start) }
                end -= start
                start = 0
            }
            if end == buffer.count {
                if buffer.count < Self.maxLineBytes {
                    buffer.append(contentsOf: [UInt8](repeating: 0, count: min(buffer.count, Self.maxLineBytes - buffer.count)))
                } else {
                    skipped += end
                    end = 0
                }
            }
        }
    }

    private func flush(_ out: inout [UInt8], to output: OutputBuffer) {
        guard !out.isEmpty else { return }
        out.withUnsafeBufferPointer { output.raw($0) }
        output.flush()
        out.removeAll(keepingCapacity: true)
    }

    /// Answers the line buffer[start..<end] (a "\r" before its newline dropped), or an over-long line.
    private mutating func answer(buffer: [UInt8], start: Int, end: Int, skipped: Int, into out: inout [UInt8]) {
        number += 1
        buffer.withUnsafeBufferPointer { all in
            if skipped > 0 {
                let line = InputLine(input: 0, number: number, bytes: nil, length: skipped + end - start)
                _ = auditor.process(line, writeLine: true, into: &out)
            } else {
                var lineEnd = end
                if lineEnd > start && all[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let bytes = UnsafeBufferPointer(rebasing: all[start..<lineEnd])
                handle(InputLine(input: 0, number: number, bytes: bytes, length: bytes.count), into: &out)
            }
        }
        out.append(0x0A)
    }

    /// Routes a request to the audit or the check runner by its "op".
    private mutating func handle(_ line: InputLine, into out: inout [UInt8]) {
        switch Self.operation(line.bytes!) {
        case .audit: _ = auditor.process(line, writeLine: true, into: &out)
        case .steps(let mode):
            auditor.steps = mode
            _ = auditor.process(line, writeLine: true, into: &out)
            auditor.steps = nil
        case .check:
            if checker == nil { checker = CheckWorker(budget: budget) }
            _ = checker!.process(line, writeLine: true, into: &out)
        case .unknown(let error, let id): AuditJSON.invalid(line.number, id: id, error: error).write(into: &out)
        }
    }

    static func startsWith(_ line: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        guard line.count >= prefix.utf8CodeUnitCount else { return false }
        for i in 0..<prefix.utf8CodeUnitCount where line[i] != prefix.utf8Start[i] { return false }
        return true
    }

    /// Whether the bytes `"op"` occur in the line (memchr finds each quote; the C library's memmem is not exposed).
    static func mentionsOp(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = line.baseAddress, line.count >= 4 else { return false }
        var from = 0
        while from <= line.count - 4, let hit = memchr(base + from, 0x22, line.count - 3 - from) {
            let i = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            if base[i + 1] == UInt8(ascii: "o") && base[i + 2] == UInt8(ascii: "p") && base[i + 3] == 0x22 { return true }
            from = i + 1
        }
        return false
    }

    enum Operation {
        case audit, check
        /// The record's steps, cut this way (`"steps"`, default auto).
        case steps(StepMode)
        case unknown(String, JSONValue?)
    }

    /// The request's "op". Lines without the bytes `"op"` are audits with no parse of their own; the others are
    /// parsed to read the member (a line that is not a JSON object goes to the auditor, which says why).
    static func operation(_ line: UnsafeBufferPointer<UInt8>) -> Operation {
        guard mentionsOp(line) else { return .audit }
        // The shape clients write, `{"op":"check",…`, is read without a parse: a JSON object's first "op" is the one
        // the parse would read, and a line that is not valid JSON gets the same invalid reply from either runner.
        if startsWith(line, #"{"op":"check","#) { return .check }
        if startsWith(line, #"{"op":"audit","#) { return .audit }
        guard let value = try? JSONParser.parse(line), case .object = value, let op = value["op"] else { return .audit }
        switch op {
        case .string("audit"): return .audit
        case .string("check"): return .check
        case .string("steps"):
            guard let given = value["steps"], given != .null else { return .steps(.auto) }
            if case .string(let name) = given, let mode = StepMode(rawValue: name) { return .steps(mode) }
            return .unknown(
                "\"steps\" must be \"auto\", \"lines\" or \"sentences\", not \(given.serialized)", value["id"])
        default:
            return .unknown("\"op\" must be \"audit\", \"check\" or \"steps\", not \(op.serialized)", value["id"])
        }
    }
}
