import JSON
public import MCP
import Verifiers

/// The calculator as a Model Context Protocol server: tools `is_prime`, `factorize` and `evaluate` with the same
/// schemas and results as `mathcheck call`.
///
/// A call the calculator cannot answer (a bad number, a bound exceeded) is a tool result with `isError: true` and
/// the message, so the model can correct itself; an unknown tool is a JSON-RPC error (invalid params).
public enum CalculatorServer {
    public static let name = "mathcheck"
    public static let version = "0.1.0"

    /// A server with the calculator's handlers registered, not yet started.
    public static func make(executor: ToolExecutor = ToolExecutor()) async -> Server {
        let server = Server(
            name: name, version: version,
            capabilities: .init(tools: .init(listChanged: false)))
        await server.withMethodHandler(ListTools.self) { _ in
            ListTools.Result(
                tools: CalculatorTool.allCases.map {
                    Tool(name: $0.name, description: $0.summary, inputSchema: MCPValue.value($0.inputSchema))
                })
        }
        await server.withMethodHandler(CallTool.self) { params in
            try result(executor, name: params.name, arguments: params.arguments)
        }
        return server
    }

    /// The MCP result of one call: the tool's JSON as `structuredContent` and as text.
    static func result(_ executor: ToolExecutor, name: String, arguments: [String: Value]?) throws -> CallTool.Result {
        guard let tool = CalculatorTool(rawValue: name) else {
            let known = CalculatorTool.allCases.map(\.name).joined(separator: ", ")
            throw MCPError.invalidParams("unknown tool '\(name)'; the tools are \(known)")
        }
        let json = MCPValue.json(.object(arguments ?? [:]))
        let (output, failed): (JSONValue, Bool)
        switch executor.run(tool.name, arguments: json) {
        case .success(let value): (output, failed) = (value, false)
        case .failure(let error): (output, failed) = (error.json, true)
        }
        let structured: Value? = MCPValue.value(output)
        return CallTool.Result(
            content: [.text(text: output.serialized, annotations: nil, _meta: nil)], structuredContent: structured,
            isError: failed)
    }

    /// Serves over standard input and output until the input ends.
    public static func serveStdio() async throws {
        let server = await make()
        try await server.start(transport: DrainingTransport())
        await server.waitUntilCompleted()
    }
}
