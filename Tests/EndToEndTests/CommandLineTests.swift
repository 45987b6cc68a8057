import Foundation
import Testing

/// Runs the built `mathcheck` binary and captures what it prints.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String

    static var binary: URL {
        // The test bundle sits next to the products in the build folder.
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("mathcheck")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/mathcheck")
    }

    init(_ arguments: [String], stdin: String = "") throws {
        try self.init(arguments, stdinData: Data(stdin.utf8))
    }

    init(_ arguments: [String], stdinData: Data) throws {
        let process = Process()
        process.executableURL = Run.binary
        process.arguments = arguments
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(stdinData)
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = String(decoding: out, as: UTF8.self)
        stderr = String(decoding: err, as: UTF8.self)
    }
}

@Suite("mathcheck on the command line")
struct CommandLineTests {
    @Test("mathcheck call answers the forum's three questions")
    func forum() throws {
        let prime = try Run(["call", "is_prime", #"{"n":"34792834"}"#])
        #expect(prime.status == 0)
        #expect(prime.stdout == #"{"n":"34792834","is_prime":false,"certainty":"proven","evidence":{"factor":"2","cofactor":"17396417"}}"# + "\n")
        let factors = try Run(["call", "factorize", #"{"n":"583835"}"#])
        #expect(factors.stdout.contains(#"{"prime":"7","exponent":2}"#))
        let cosine = try Run(["call", "evaluate", #"{"expression":"cos(3532)"}"#])
        #expect(cosine.stdout.contains(#""value":"0.66009029799722633494""#))
    }

    @Test("bad arguments exit 2 with a JSON error", arguments: [
        ["call", "is_prime", "not json"], ["call", "is_prime", #"{"n":"x"}"#], ["call", "nope", "{}"],
        ["call", "evaluate", #"{"expression":"sin(1e100000)"}"#],
    ])
    func badArguments(arguments: [String]) throws {
        let run = try Run(arguments)
        #expect(run.status == 2)
        #expect(run.stdout.hasPrefix(#"{"error":""#))
    }

    @Test("usage errors exit 2", arguments: [["bogus"], ["tools", "--format", "xml"], ["audit", "--format", "xml"]])
    func usage(arguments: [String]) throws {
        let run = try Run(arguments)
        #expect(run.status == 2)
        #expect(!run.stderr.isEmpty)
    }

    @Test("call without a tool name and without a message on stdin exits 2 with a JSON error", arguments: [
        ["call"], ["call", "is_prime"],
    ])
    func callWithoutArguments(arguments: [String]) throws {
        let run = try Run(arguments)
        #expect(run.status == 2)
        #expect(run.stdout.hasPrefix(#"{"error":""#))
    }

    @Test("mathcheck tools prints valid JSON definitions in each convention", arguments: ["openai", "anthropic", "mcp"])
    func tools(format: String) throws {
        let run = try Run(["tools", "--format", format])
        #expect(run.status == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 3)
    }
}
