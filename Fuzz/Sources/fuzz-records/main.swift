import Audit
import CFuzzDriver
import Glibc

/// The record reader and the whole audit of one JSONL line, as `mathcheck audit` runs it: any bytes, one output
/// line, within the record budget.
nonisolated(unsafe) var auditor = RecordAuditor(budget: .seconds(1))

func fuzzRecords(_ bytes: UnsafeBufferPointer<UInt8>) -> CInt {
    var out: [UInt8] = []
    auditor.audit(line: bytes, length: bytes.count, number: 1, into: &out)
    precondition(!out.isEmpty && !out.contains(0x0A), "one output line per input line")
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, count in fuzzRecords(UnsafeBufferPointer(start: data, count: count)) })
