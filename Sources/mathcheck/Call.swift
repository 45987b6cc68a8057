import ArgumentParser
import JSON
import ToolCalls

/// `mathcheck call NAME 'ARGUMENTS-JSON'`: runs one calculator tool and prints its JSON result.
struct Call: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one calculator tool (is_prime, factorize, evaluate) and print its JSON result.",
        discussion: """
            Exit status: 0 on success; 2 when the call cannot be answered (unknown tool, bad arguments, a bound \
            exceeded), with {"error": "...", "code": "..."} on standard output.
            Example: mathcheck call is_prime '{"n":"34792834"}'

            With no tool name, reads a model's message from standard input and prints the replies: for an OpenAI \
            assistant message with tool_calls (or one tool call), one {"role":"tool",...} message per line; for an \
            Anthropic message with tool_use blocks, one user message of tool_result blocks.
            """
    )

    @Argument(help: "The tool: is_prime, factorize or evaluate.")
    var name: String?

    @Argument(help: "The arguments as a JSON object, e.g. '{\"n\":\"97\"}'.")
    var arguments: String?

    func run() throws {
        guard let name else { return try runMessage() }
        guard let arguments else {
            printLine(ToolError(code: "invalid_arguments", message: "give the arguments as a JSON object").json.serialized)
            throw ExitCode(2)
        }
        let parsed: JSONValue
        do {
            parsed = try JSONParser.parse(arguments)
        } catch {
            let failure = ToolError(code: "invalid_arguments", message: "the arguments are not valid JSON: \(error)")
            printLine(failure.json.serialized)
            throw ExitCode(2)
        }
        switch ToolExecutor().run(name, arguments: parsed) {
        case .success(let result):
            printLine(result.serialized)
        case .failure(let failure):
            printLine(failure.json.serialized)
            throw ExitCode(2)
        }
    }

    /// Reads a model's message with tool calls from standard input and prints the replies.
    private func runMessage() throws {
        var input = ""
        while let line = readLine(strippingNewline: false) { input += line }
        do {
            let message = try JSONParser.parse(input)
            for reply in try ToolCallReplies().replies(to: message) { printLine(reply.serialized) }
        } catch let error as JSONError {
            printLine(ToolError(code: "invalid_arguments", message: "the input is not valid JSON: \(error)").json.serialized)
            throw ExitCode(2)
        } catch let error as ToolError {
            printLine(error.json.serialized)
            throw ExitCode(2)
        }
    }
}
