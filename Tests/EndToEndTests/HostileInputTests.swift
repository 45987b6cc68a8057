import Foundation
import Testing

/// Bad input never crashes, hangs or drops a line: each becomes an invalid or unverified record with its reason.
@Suite("mathcheck audit on hostile input")
struct HostileInputTests {
    /// Writes `data` to a temporary file (large inputs go through files, not pipes).
    static func file(_ data: Data) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mathcheck-\(UUID()).jsonl").path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    static func objects(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").map { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] ?? [:] }
    }

    @Test("malformed JSON, non-UTF-8, 10,000-deep nesting, mistyped fields, a 100 MB line, a truncated last line")
    func everyKindOfBadLine() throws {
        var data = Data()
        func line(_ text: String) { data.append(Data((text + "\n").utf8)) }
        line(#"{"prompt":"Is 91 prime?","response":"No, 91 = 7 × 13."}"#)
        line(#"{"prompt": "unterminated"#)
        data.append(Data(#"{"prompt":"a","response":"bad "#.utf8))
        data.append(contentsOf: [0xC3, 0x28, 0xFF])
        line(#""}"#)
        line(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))
        line(#"{"prompt":"Is 7 prime?","response":["Yes"]}"#)
        line(#"{"messages":"Is 7 prime?"}"#)
        line(#"{"prompt":7,"response":"7 is prime."}"#)
        // 100 MB in one line: over the 64 MB line limit, skipped without holding it, reported with its length.
        data.append(Data(#"{"prompt":"x","response":""#.utf8))
        data.append(Data(repeating: UInt8(ascii: "a"), count: 100 << 20))
        line(#""}"#)
        line(#"{"prompt":"Is 13 prime?","response":"Yes, 13 is prime."}"#)
        data.append(Data(#"{"prompt":"Is 13 prime?","response":"Yes, 13 is"#.utf8))  // truncated, no newline
        let path = try Self.file(data)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Run(["audit", path, "--jobs", "2"])
        let lines = Self.objects(run.stdout)
        #expect(lines.map { $0["line"] as? Int ?? 0 } == Array(1...10))
        #expect(lines.map { $0["verdict"] as? String ?? "" } == [
            "correct", "invalid", "invalid", "invalid", "invalid", "invalid", "invalid", "invalid", "correct", "invalid",
        ])
        let errors = lines.map { $0["error"] as? String ?? "" }
        #expect(errors[1].hasPrefix("invalid JSON"))
        #expect(errors[2].contains("UTF-8"))
        #expect(errors[3].contains("deep"))
        #expect(errors[4].contains("\"response\" must be a string"))
        #expect(errors[5].contains("\"messages\" must be an array"))
        #expect(errors[6].contains("\"prompt\" must be a string"))
        #expect(errors[7].contains("104857628 bytes long, over the limit"))
        #expect(errors[9].hasPrefix("invalid JSON"))
        #expect(run.status == 0)
    }

    @Test("a number with a million digits, sin(1e100000), huge powers: verdicts or unverified, never a hang")
    func hugeNumbers() throws {
        let records = [
            ["prompt": "Is it prime?", "response": String(repeating: "1", count: 1_000_000) + " is prime."],
            ["prompt": "What is sin(1e100000)?", "response": "sin(1e100000) ≈ 0.5"],
            ["prompt": "x", "response": "2^100000000 = 5"],
            ["prompt": "x", "response": "cos(1e9999) is about 0.1"],
        ]
        let data = try records.map { try JSONSerialization.data(withJSONObject: $0) + Data("\n".utf8) }.reduce(Data(), +)
        let path = try Self.file(data)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = Self.objects(try Run(["audit", path]).stdout)
        #expect(lines.count == 4)
        // 11…1 with an even number of digits is divisible by 11.
        #expect(lines[0]["verdict"] as? String == "wrong")
        let claims = lines.map { ($0["claims"] as? [[String: Any]])?.first ?? [:] }
        #expect(claims[1]["verdict"] as? String == "unverified")
        #expect((claims[1]["reason"] as? String)?.contains("10^100000") == true)
        #expect(claims[2]["verdict"] as? String == "unverified")
        #expect(lines[3]["verdict"] as? String == "wrong")
    }

    @Test("--record-timeout: a record over its CPU budget becomes unverified with reason budget")
    func budget() throws {
        var claims: [String] = []
        for p in 1000..<1100 { for q in 1000..<1020 { claims.append("\(p)×\(q) = \(p * q).") } }
        let record = try JSONSerialization.data(withJSONObject: ["prompt": "x", "response": claims.joined(separator: " ")])
        let path = try Self.file(record + Data("\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let limited = Self.objects(try Run(["audit", path, "--record-timeout", "0.000001"]).stdout)[0]
        #expect(limited["verdict"] as? String == "unverified")
        #expect((limited["note"] as? String)?.contains("budget of 0.000001 s of CPU time ran out") == true)
        let reasons = (limited["claims"] as? [[String: Any]])?.map { $0["reason"] as? String }
        #expect(reasons?.allSatisfy { $0 == "budget" } == true)
        let free = Self.objects(try Run(["audit", path, "--record-timeout", "0"]).stdout)[0]
        #expect(free["verdict"] as? String == "correct")
    }
    @Test("inputs found by mutation: huge exponents, 200,000 terms, 100,000 signs: a line each, no trap, no hang")
    func mutationFindings() throws {
        let records = [
            ["prompt": "Compute.", "response": "We get 4^66515151515151515110-1=4"],
            ["prompt": "Compute.", "response": "So 2^{60640640640640640640}=(6)"],
            ["prompt": "Add.", "response": Array(repeating: "1", count: 200_000).joined(separator: "+") + " = 200001"],
            ["prompt": "What is " + String(repeating: "-", count: 100_000) + "5?", "response": "5"],
            ["prompt": "What is " + String(repeating: "(", count: 100_000) + "5?", "response": "5"],
            ["prompt": "What is sin(10^1000)?", "response": "sin(10^1000) = 0"],
            ["prompt": "Is 7 prime?", "response": "Yes, 7 is prime."],
        ]
        let data = try records.map { try JSONSerialization.data(withJSONObject: $0) + Data("\n".utf8) }.reduce(Data(), +)
        let path = try Self.file(data)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for jobs in ["1", "2"] {
            let run = try Run(["audit", path, "--jobs", jobs])
            let lines = Self.objects(run.stdout)
            #expect(run.status == 1)  // the false 0 is wrong
            #expect(lines.map { $0["verdict"] as? String ?? "" } == [
                "unverified", "unverified", "no_claims", "no_claims", "no_claims", "wrong", "correct",
            ])
            let claims = lines.map { ($0["claims"] as? [[String: Any]])?.first ?? [:] }
            #expect((claims[0]["reason"] as? String)?.contains("the power is about 10^(more than 10^15)") == true)
            #expect(claims[5]["expected"] as? String == "0.65335979821036985694")
        }
    }

    /// Texts built so that the readers, which try an expression from many starts and shorten a run until it reads,
    /// would take time quadratic in their length or worse (a 1 MB prompt of "((((… a" groups took more than two
    /// minutes): the reading budget (steps per token) bounds them; a text that runs out is not read whole.
    @Test("prompts and answers built to defeat the readers: a line each, no claim on a part, no hang")
    func readerTraps() throws {
        let parens = String(repeating: String(repeating: "(", count: 250) + " a ", count: 400)
        let sines = String(repeating: String(repeating: "sin ", count: 200) + " a ", count: 200)
        let records = [
            ["prompt": "What is " + parens + "?", "response": "5"],
            ["prompt": "What is " + sines + "?", "response": "5"],
            ["prompt": "What is it?", "response": parens],
            ["prompt": "What is it?", "response": String(repeating: String(repeating: "(", count: 250) + "2 = 3 ", count: 400)],
            ["prompt": "What is it?", "response": String(repeating: "The sine of ", count: 2_000) + "2 is 3."],
            ["prompt": "What is 2 + 3?", "response": "2 + 3 = 5"],
        ]
        let data = try records.map { try JSONSerialization.data(withJSONObject: $0) + Data("\n".utf8) }.reduce(Data(), +)
        let path = try Self.file(data)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for jobs in ["1", "2"] {
            let run = try Run(["audit", path, "--jobs", jobs])
            let lines = Self.objects(run.stdout)
            #expect(run.status == 0)
            #expect(lines.map { $0["verdict"] as? String ?? "" } == [
                "no_claims", "no_claims", "no_claims", "no_claims", "no_claims", "correct",
            ])
        }
    }
}
