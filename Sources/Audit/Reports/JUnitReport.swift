#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--format junit`: a test suite per input, a test case per record; a wrong record is a failure, an invalid line
/// an error, and a record with nothing checked (no claims, or unverified claims) is skipped.
///
/// JUnit puts the counts in each suite's opening tag, before its test cases, so the cases are spooled to an
/// anonymous temporary file and copied out at the end: memory stays flat on any corpus.
struct JUnitReport: Report {
    let inputs: [String]
    var needsLines: Bool { false }
    var needsFlagged: Bool { true }

    private struct Suite {
        var input: Int
        var start: Int
        var end = 0
        var tests = 0
        var failures = 0
        var errors = 0
        var skipped = 0
    }

    private var spool = Spool()
    private var suites: [Suite] = []

    init(inputs: [String]) { self.inputs = inputs }

    mutating func record(_ outcome: RecordOutcome, line: UnsafeBufferPointer<UInt8>, to out: OutputBuffer) {
        if suites.last?.input != outcome.input {
            if !suites.isEmpty { suites[suites.count - 1].end = spool.size }
            suites.append(Suite(input: outcome.input, start: spool.size))
        }
        let file = inputs[outcome.input]
        var name = "line \(outcome.line)"
        if let id = outcome.id { name += " (id \(id.serialized))" }
        var xml = "    <testcase classname=\"\(xmlEscaped(file))\" name=\"\(xmlEscaped(name))\""
        suites[suites.count - 1].tests += 1
        switch outcome.verdict {
        case .correct:
            xml += "/>\n"
        case .wrong:
            suites[suites.count - 1].failures += 1
            let wrong = outcome.flagged.filter { $0.verdict == .wrong }
            let message = wrong.count == 1 ? "1 wrong claim" : "\(wrong.count) wrong claims"
            let body = wrong.map { "\(file):\(outcome.line): [\($0.kind.rawValue)] \($0.text.singleLine) — \($0.truth.singleLine)" }
                .joined(separator: "\n")
            xml += ">\n      <failure type=\"wrong\" message=\"\(xmlEscaped(message))\">\(xmlEscaped(body))</failure>\n    </testcase>\n"
        case .invalid:
            suites[suites.count - 1].errors += 1
            xml += ">\n      <error type=\"invalid\" message=\"\(xmlEscaped(outcome.error ?? "invalid"))\"/>\n    </testcase>\n"
        case .unverified:
            suites[suites.count - 1].skipped += 1
            let reasons = outcome.flagged.filter { $0.verdict == .unverified }.map { "\($0.text.singleLine): \($0.reason ?? "")" }
            let message = "unverified: " + (reasons.first ?? outcome.error ?? "")
            xml += ">\n      <skipped message=\"\(xmlEscaped(message.clipped(500)))\"/>\n    </testcase>\n"
        case .noClaims:
            suites[suites.count - 1].skipped += 1
            xml += ">\n      <skipped message=\"no checkable claims\"/>\n    </testcase>\n"
        }
        spool.append(xml)
    }

    mutating func finish(_ summary: RunSummary, to out: OutputBuffer) {
        if !suites.isEmpty { suites[suites.count - 1].end = spool.size }
        let tests = suites.reduce(0) { $0 + $1.tests }
        let failures = suites.reduce(0) { $0 + $1.failures }
        let errors = suites.reduce(0) { $0 + $1.errors }
        let skipped = suites.reduce(0) { $0 + $1.skipped }
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.raw(
            "<testsuites name=\"mathcheck audit\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\">\n"
        )
        for suite in suites {
            out.raw(
                "  <testsuite name=\"\(xmlEscaped(inputs[suite.input]))\" tests=\"\(suite.tests)\" failures=\"\(suite.failures)\" errors=\"\(suite.errors)\" skipped=\"\(suite.skipped)\">\n"
            )
            spool.copy(from: suite.start, to: suite.end, into: out)
            out.raw("  </testsuite>\n")
        }
        out.raw("</testsuites>\n")
    }
}

/// Escapes text for XML attributes and content; drops characters XML 1.0 cannot hold.
func xmlEscaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "\n": result += "&#10;"
        case "\t", "\r": result.unicodeScalars.append(scalar)
        default:
            if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) {
                result += "\u{FFFD}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result
}

/// An anonymous temporary file to spool report parts to, deleted when closed.
final class Spool {
    private let file: UnsafeMutablePointer<FILE>?
    private(set) var size = 0
    private var memory: [UInt8] = []

    init() { file = tmpfile() }
    deinit { if let file { fclose(file) } }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            if let file {
                _ = fwrite(bytes.baseAddress, 1, bytes.count, file)
            } else {
                memory.append(contentsOf: bytes)
            }
            size += bytes.count
        }
    }

    func copy(from start: Int, to end: Int, into out: OutputBuffer) {
        guard let file else {
            memory.withUnsafeBufferPointer { out.raw(UnsafeBufferPointer(rebasing: $0[start..<end])) }
            return
        }
        fflush(file)
        fseek(file, start, SEEK_SET)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var left = end - start
        while left > 0 {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, min(left, $0.count), file) }
            if n == 0 { break }
            chunk.withUnsafeBufferPointer { out.raw(UnsafeBufferPointer(rebasing: $0[0..<n])) }
            left -= n
        }
        fseek(file, 0, SEEK_END)
    }
}
