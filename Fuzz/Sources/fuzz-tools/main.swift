import CFuzzDriver
import Glibc
import JSON
import ToolCalls
import Verifiers

/// The door a model's tool call comes through (`mathcheck call`, the MCP server's tools/call): a JSON-RPC request
/// line; its `params.name` and `params.arguments` go to the executor, which gives a result or a tool error.
///
/// The executor runs with complete factorization bounded at 100 bits instead of 140: a balanced semiprime of 128–140
/// bits takes ECM 1–5 s of CPU by design (found by this target: 4·5·37688625665689737509·132558561416266208869,
/// 4.4 s), which under the address sanitizer passes libFuzzer's timeout without being a hang. Above the bound the
/// same code takes its bounded branch (an incomplete factorization with the cofactor reported), so every path is
/// still reached.
let executor: ToolExecutor = {
    var bounds = Bounds.standard
    bounds.maxCompleteFactorBits = 100
    return ToolExecutor(bounds: bounds)
}()

func fuzzTools(_ bytes: UnsafeBufferPointer<UInt8>) -> CInt {
    guard let request = try? JSONParser.parse(bytes) else { return 0 }
    let params = request["params"] ?? request
    let name = params["name"]?.stringValue ?? "evaluate"
    let arguments = params["arguments"] ?? .object([])
    switch executor.run(name, arguments: arguments) {
    case .success(let value): _ = value.serialized
    case .failure(let error): _ = error.json.serialized
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, count in fuzzTools(UnsafeBufferPointer(start: data, count: count)) })
