import ArgumentParser
import Dispatch
import ToolCalls

/// `mathcheck serve`: the calculator as an MCP server over standard input and output.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the calculator tools over the Model Context Protocol (stdio) until the input ends."
    )

    func run() throws {
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do {
                try await CalculatorServer.serveStdio()
            } catch {
                failure.message = "\(error)"
            }
            done.signal()
        }
        done.wait()
        if let message = failure.message { throw ValidationError("the server stopped: \(message)") }
    }
}

/// Carries an error message out of the server task; written once before the semaphore is signalled.
final class FailureBox: @unchecked Sendable {
    var message: String?
}
