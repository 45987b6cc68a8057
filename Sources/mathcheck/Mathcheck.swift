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
            Worker.self,
        ]
    )

    /// Runs the command; usage errors exit with status 2 (ArgumentParser's default is 64). A failure found while
    /// running (an input or output that cannot be opened) also exits 2, with its message and without the usage.
    static func main() {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
        do {
            try command.run()
        } catch let error as ValidationError {
            FileHandle.standardError.write(Data("Error: \(error.message)\n".utf8))
            Foundation.exit(2)
        } catch {
            exit(withError: error)
        }
    }
}

/// Writes a line to standard output.
func printLine(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
