import ArgumentParser
import Foundation

/// The command line. Each subcommand lives in its own file and stays thin: it parses arguments, calls the library
/// and prints.
@main
struct Mathcheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mathcheck",
        abstract: "Find, verify and correct the math claims in language-model answers, exactly.",
        subcommands: [
            AuditCommand.self, Check.self, Call.self, Serve.self, Tools.self, Emit.self, Generate.self, Validate.self,
        ]
    )

    /// Runs the command; usage errors exit with status 2 (ArgumentParser's default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Writes a line to standard output.
func printLine(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
