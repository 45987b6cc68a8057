import JSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import Logging
import MCP

/// Newline-delimited JSON-RPC over standard input and output for the MCP server.
///
/// Two differences from the SDK's `StdioTransport`: input is read with blocking reads on a thread of its own (the
/// SDK's polls a non-blocking descriptor every 10 ms, which capped round trips at about 100 per second), and the
/// end of input is held back until every request read has been answered. The SDK's server answers each request in
/// its own task and stops at the end of input, so without that a client that writes its requests and closes its
/// end (a pipe, a test) could lose the last answers when the process exits.
actor DrainingTransport: Transport {
    private var unanswered: Set<String> = []
    /// How long to wait for answers after the input ends before giving up (a bound, not a normal path).
    static let drainLimit: Duration = .seconds(60)
    /// The longest line accepted; a longer one is skipped (the server then sees nothing of it).
    static let maxLineBytes = 16 << 20

    nonisolated let logger = Logger(label: "mathcheck.mcp", factory: { _ in SwiftLogNoOpLogHandler() })

    func connect() async throws {}

    func disconnect() async {}

    func send(_ data: Data) async throws {
        if let id = Self.responseID(data) { unanswered.remove(id) }
        var bytes = [UInt8](data)
        bytes.append(0x0A)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(1, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw MCPError.connectionClosed }
            offset += n
        }
    }

    nonisolated func receive() -> AsyncThrowingStream<Data, any Swift.Error> {
        AsyncThrowingStream { continuation in
            let thread = Thread {
                var pending = Data()
                var skipping = false
                var chunk = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress!, $0.count) }
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { break }
                    pending.append(contentsOf: chunk[0..<n])
                    while let newline = pending.firstIndex(of: 0x0A) {
                        let line = pending[pending.startIndex..<newline]
                        pending.removeSubrange(pending.startIndex...newline)
                        if skipping {
                            skipping = false
                            continue
                        }
                        if !JSONLines.isBlank(line) {
                            let message = Data(line)
                            self.noteAndYield(message, continuation)
                        }
                    }
                    if pending.count > Self.maxLineBytes {
                        pending.removeAll()
                        skipping = true
                    }
                }
                if !pending.isEmpty && !skipping { self.noteAndYield(Data(pending), continuation) }
                Task {
                    await self.drain()
                    continuation.finish()
                }
            }
            thread.start()
        }
    }

    /// Records a request's id (synchronously, so the count is right before the server can answer) and passes it on.
    private nonisolated func noteAndYield(_ data: Data, _ continuation: AsyncThrowingStream<Data, any Swift.Error>.Continuation) {
        let id = Self.requestID(data)
        let recorded = DispatchSemaphore(value: 0)
        Task {
            if let id { await self.noteRequest(id) }
            recorded.signal()
        }
        recorded.wait()
        continuation.yield(data)
    }

    private func noteRequest(_ id: String) { unanswered.insert(id) }

    private func drain() async {
        let clock = ContinuousClock()
        let deadline = clock.now + Self.drainLimit
        while !unanswered.isEmpty && clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(1))
        }
    }

    /// The id of a JSON-RPC request (it has "method" and "id"), as JSON text.
    private static func requestID(_ data: Data) -> String? {
        guard let value = parse(data), value["method"] != nil, let id = value["id"] else { return nil }
        return id.serialized
    }

    /// The id of a JSON-RPC response (it has "result" or "error" and "id"), as JSON text.
    private static func responseID(_ data: Data) -> String? {
        guard let value = parse(data), value["result"] != nil || value["error"] != nil, let id = value["id"] else {
            return nil
        }
        return id.serialized
    }

    private static func parse(_ data: Data) -> JSONValue? {
        data.withUnsafeBytes { raw in try? JSONParser.parse(raw.bindMemory(to: UInt8.self)) }
    }
}
