import Foundation

/// tools/call round trips per second through `mathcheck serve` over stdio pipes, one request at a time.
enum ServerBenchmarks {
    static func run(_ harness: Harness) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let binary = root.appendingPathComponent(".build/release/mathcheck")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            print("\n(skipped the MCP benchmark: build \(binary.path) first; `make bench` does)")
            return
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return }
        var reader = LineReader(handle: output.fileHandleForReading)
        func send(_ line: String) { input.fileHandleForWriting.write(Data((line + "\n").utf8)) }

        send(#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}"#)
        _ = reader.next()
        send(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
        var rows: [[String]] = []
        for (label, arguments, name) in [
            ("is_prime 34792834", #"{"n":"34792834"}"#, "is_prime"),
            ("evaluate cos(3532)", #"{"expression":"cos(3532)"}"#, "evaluate"),
        ] {
            var id = 0
            let rate = harness.rate {
                id += 1
                send(#"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"\#(name)","arguments":\#(arguments)}}"#)
                if let line = reader.next() { sink &+= line.count }
            }
            rows.append([label, formatRate(rate), formatSeconds(1 / rate)])
        }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        table("MCP tools/call round trips over stdio (one at a time)", ["call", "round trips/s", "latency"], rows)
    }

    /// Reads newline-terminated lines from a pipe.
    struct LineReader {
        let handle: FileHandle
        var buffer = Data()

        init(handle: FileHandle) { self.handle = handle }

        mutating func next() -> String? {
            while true {
                if let newline = buffer.firstIndex(of: 0x0A) {
                    let line = buffer[buffer.startIndex..<newline]
                    buffer.removeSubrange(buffer.startIndex...newline)
                    return String(decoding: line, as: UTF8.self)
                }
                let chunk = handle.availableData
                if chunk.isEmpty { return nil }
                buffer.append(chunk)
            }
        }
    }
}
