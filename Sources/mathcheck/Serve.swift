import ArgumentParser
import Dispatch
import Foundation
import GradingService
import ToolCalls

/// `mathcheck serve`: the calculator as an MCP server over standard input and output, or with `--http`, the
/// grading service (GradingService) on a TCP address.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the calculator tools over MCP (stdio), or with --http HOST:PORT the HTTP grading service.",
        discussion: """
            Without --http: the Model Context Protocol over standard input and output, until the input ends.
            With --http HOST:PORT (port 0: any free port): POST /get_reward (OpenRLHF's remote reward model), \
            POST /v1/audit and /v1/check (records as JSONL or a JSON array; the lines `audit --format jsonl` and \
            `check --format jsonl` write), GET /healthz and GET /metrics (Prometheus). The address bound is \
            printed to standard error as 'mathcheck serve: listening on http://HOST:PORT'. SIGTERM or SIGINT \
            answers the requests in flight, then exits.
            """
    )

    @Option(help: "Serve the HTTP grading service on HOST:PORT instead of MCP on stdio (e.g. 127.0.0.1:8080).")
    var http: String?

    @Option(name: .customLong("max-body-bytes"), help: "With --http: the largest request body accepted (413 above).")
    var maxBodyBytes: Int = 8 << 20

    @Option(name: .customLong("max-records"), help: "With --http: the most records (or queries) in one request.")
    var maxRecords: Int = 10_000

    @Option(
        name: .customLong("record-timeout"),
        help: "With --http: CPU seconds one record may take before its remaining claims are unverified with reason 'budget'; 0 for no limit.")
    var recordTimeout: Double = 1.0

    @Option(help: "With --http: threads that judge records (default: all cores).")
    var jobs: Int?

    @Option(name: .customLong("idle-timeout"), help: "With --http: seconds before a silent connection is closed.")
    var idleTimeout: Double = 60

    @Option(name: .customLong("shutdown-timeout"), help: "With --http: seconds a shutdown waits for requests in flight.")
    var shutdownTimeout: Double = 30

    @Option(name: .customLong("unjudged-reward"), help: "With --http: the /get_reward reward of a response that could not be judged.")
    var unjudgedReward: Double = 0

    func validate() throws {
        if let http, Self.address(http) == nil {
            throw ValidationError("--http must be HOST:PORT with a port from 0 to 65535, not '\(http)'")
        }
        guard maxBodyBytes >= 1 else { throw ValidationError("--max-body-bytes must be at least 1") }
        guard maxRecords >= 1 else { throw ValidationError("--max-records must be at least 1") }
        guard recordTimeout >= 0 && recordTimeout.isFinite else { throw ValidationError("--record-timeout must be ≥ 0") }
        if let jobs, jobs < 1 || jobs > 1024 { throw ValidationError("--jobs must be between 1 and 1024") }
        guard idleTimeout > 0 && idleTimeout.isFinite else { throw ValidationError("--idle-timeout must be > 0") }
        guard shutdownTimeout > 0 && shutdownTimeout.isFinite else { throw ValidationError("--shutdown-timeout must be > 0") }
        guard unjudgedReward.isFinite else { throw ValidationError("--unjudged-reward must be a number") }
    }

    /// HOST:PORT, with an IPv6 host in brackets.
    static func address(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65535).contains(port)
        else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }

    func run() throws {
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        let service = http.flatMap(Self.address).map { address in
            var configuration = GradingService.Configuration()
            configuration.host = address.host
            configuration.port = address.port
            configuration.maxBodyBytes = maxBodyBytes
            configuration.maxRecords = maxRecords
            configuration.budget = recordTimeout > 0 ? .microseconds(Int64((recordTimeout * 1_000_000).rounded())) : nil
            configuration.jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
            configuration.idleTimeout = .milliseconds(Int64((idleTimeout * 1000).rounded()))
            configuration.shutdownTimeout = .milliseconds(Int64((shutdownTimeout * 1000).rounded()))
            configuration.unjudgedReward = unjudgedReward
            return GradingService(configuration)
        }
        Task {
            do {
                if let service {
                    try await service.run { address in
                        FileHandle.standardError.write(Data("mathcheck serve: listening on http://\(address)\n".utf8))
                    }
                } else {
                    try await CalculatorServer.serveStdio()
                }
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
