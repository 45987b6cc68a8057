import ArgumentParser
import ToolCalls

/// `mathcheck call NAME 'ARGUMENTS-JSON'`: runs one calculator tool and prints its JSON result.
struct Call: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one calculator tool (is_prime, factorize, evaluate) and print its JSON result.",
        discussion: """
            Exit status: 0 on success; 2 when the call cannot be answered (unknown tool, bad arguments, a bound \
            exceeded), with {"error": "...", "code": "..."} on standard output.
            Example: mathcheck call is_prime '{"n":"34792834"}'
            """
    )

    @Argument(help: "The tool: is_prime, factorize or evaluate.")
    var name: String

    @Argument(help: "The arguments as a JSON object, e.g. '{\"n\":\"97\"}'.")
    var arguments: String

    func run() throws {
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
}
