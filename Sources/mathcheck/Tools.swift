public import ArgumentParser
import ToolCalls

extension ToolSchemaFormat: ExpressibleByArgument {}

/// `mathcheck tools --format openai|anthropic|mcp`: prints the calculator tool definitions.
struct Tools: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the calculator tool definitions with their JSON Schemas (OpenAI, Anthropic or MCP form)."
    )

    @Option(help: "The convention: openai, anthropic or mcp.")
    var format: ToolSchemaFormat = .openai

    func run() throws {
        printLine(format.definitions().pretty)
    }
}
