import CFuzzDriver
import Glibc
import Verifiers

/// The calculator's expression parser and evaluator on any text: a value with its precision, or an error with a
/// code; never a trap, never a value whose error bound is larger than it.
func fuzzExpressions(_ bytes: UnsafeBufferPointer<UInt8>) -> CInt {
    let text = String(decoding: bytes, as: UTF8.self)
    let evaluator = Evaluator()
    for unit in [AngleUnit.radians, .degrees] {
        _ = try? evaluator.evaluate(text, precision: .significantDigits(20), angleUnit: unit)
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, count in fuzzExpressions(UnsafeBufferPointer(start: data, count: count)) })
