import Foundation
import Testing

@Suite("mathcheck worker")
struct WorkerCommandTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpora/forum-thread.jsonl")

    @Test("replies are byte for byte the lines audit and check write for the same input")
    func sameAsCommands() throws {
        let lines = try String(contentsOf: Self.corpus, encoding: .utf8)
        let audit = try Run(["audit", Self.corpus.path, "--format", "jsonl", "--jobs", "1"])
        let worker = try Run(["worker"], stdin: lines)
        #expect(worker.status == 0)
        #expect(worker.stdout == audit.stdout)
        let checked = lines.split(separator: "\n").map { "{\"op\":\"check\"," + $0.dropFirst() }.joined(separator: "\n")
        let check = try Run(["check", "-", "--format", "jsonl", "--jobs", "1"], stdin: checked)
        #expect(try Run(["worker"], stdin: checked).stdout == check.stdout)
    }

    @Test("a bad line gets an invalid reply and the worker goes on")
    func badLines() throws {
        let input = "not json\n\n{\"op\":\"grade\",\"id\":7,\"response\":\"x\"}\n{\"response\":\"2 + 2 = 5\"}"
        let replies = try Run(["worker"], stdin: input).stdout.split(separator: "\n").map(String.init)
        #expect(replies.count == 4)
        #expect(replies[0].hasPrefix(#"{"line":1,"verdict":"invalid","error":"invalid JSON"#))
        #expect(replies[1] == #"{"line":2,"verdict":"invalid","error":"empty line"}"#)
        #expect(replies[2] == #"{"line":3,"id":7,"verdict":"invalid","error":"\"op\" must be \"audit\", \"check\" or \"steps\", not \"grade\""}"#)
        #expect(replies[3].contains(#""verdict":"wrong""#))
    }

    @Test("each request is answered before the input ends")
    func answersAsItReads() throws {
        let process = Process()
        process.executableURL = Run.binary
        process.arguments = ["worker"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        defer {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        for n in 1...3 {
            input.fileHandleForWriting.write(Data("{\"response\":\"\(n) + 1 = \(n + 1)\"}\n".utf8))
            var reply = Data()
            while !reply.contains(0x0A) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                reply.append(chunk)
            }
            #expect(String(decoding: reply, as: UTF8.self).hasPrefix("{\"line\":\(n),"))
        }
    }
}
