import CFuzzDriver
import Glibc
import JSON
import ToolCalls

/// The door a model's tool call comes through (`mathcheck call`, the MCP server's tools/call): a JSON-RPC request
/// line; its `params.name` and `params.arguments` go to the executor, which gives a result or a tool error.
func fuzzTools(_ bytes: UnsafeBufferPointer<UInt8>) -> CInt {
    guard let request = try? JSONParser.parse(bytes) else { return 0 }
    let params = request["params"] ?? request
    let name = params["name"]?.stringValue ?? "evaluate"
    let arguments = params["arguments"] ?? .object([])
    switch ToolExecutor().run(name, arguments: arguments) {
    case .success(let value): _ = value.serialized
    case .failure(let error): _ = error.json.serialized
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, count in fuzzTools(UnsafeBufferPointer(start: data, count: count)) })
