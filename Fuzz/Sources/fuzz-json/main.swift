import CFuzzDriver
import Glibc
import JSON

/// The JSON parser: any bytes are a value or an error; a value written out parses back to the same text.
func fuzzJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> CInt {
    guard let value = try? JSONParser.parse(bytes) else { return 0 }
    let text = value.serialized
    guard let again = try? JSONParser.parse(text) else { preconditionFailure("a written value parses: \(text)") }
    precondition(again.serialized == text, "writing is stable")
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, count in fuzzJSON(UnsafeBufferPointer(start: data, count: count)) })
