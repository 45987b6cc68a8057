import Foundation
import Testing

@Suite("mathcheck check on the command line")
struct CheckCommandTests {
    static let labelled = ReportFormatTests.labelled
    static let llmdrift = URL(fileURLWithPath: AuditCommandTests.forum).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpora/real/llmdrift_prime.jsonl")

    @Test("the labelled corpus: full agreement, exit 0, a confusion matrix")
    func labelledCorpus() throws {
        let run = try Run(["check", Self.labelled, "--format", "text"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("513 records: 513 graded (513 by label, 0 by reference)"))
        #expect(run.stdout.contains("agreement: 513/513 = 100.00%"))
        #expect(run.stdout.contains("known \\ mathcheck"))
    }

    @Test("a disagreement is printed with its line and fails the run, unless --min-agreement allows it")
    func disagreement() throws {
        let input = [
            #"{"prompt":"Is 91 prime?","response":"No: 91 = 7 × 13.","label":"correct"}"#,
            #"{"prompt":"Is 91 prime?","response":"Yes, 91 is prime.","label":"correct"}"#,
            #"{"prompt":"What is sin(30°)?","response":"sin(30°) = 1/2","reference":"0.5"}"#,
            #"{"prompt":"Factor 34792834.","response":"34792834 = 2 × 17396417","reference":"2 × 17396417"}"#,
            #"{"prompt":"Is 91 prime?","response":"No."}"#,
            #"broken"#,
        ].joined(separator: "\n")
        let run = try Run(["check", "-", "--format", "text"], stdin: input)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("stdin:2: label correct, mathcheck wrong — 91 is prime — composite: 7 × 13") })
        #expect(lines.contains("stdin:5: not graded: no \"label\" or \"reference\" to check against"))
        #expect(lines.contains { $0.hasPrefix("stdin:6: invalid: invalid JSON") })
        #expect(run.stdout.contains("agreement: 3/4 = 75.00%"))
        #expect(try Run(["check", "-", "--min-agreement", "0.75"], stdin: input).status == 0)
        #expect(try Run(["check", "-", "--min-agreement", "0.8"], stdin: input).status == 1)
        let jsonl = try Run(["check", "-", "--format", "jsonl"], stdin: input).stdout.split(separator: "\n")
        #expect(jsonl.count == 6)
        #expect(jsonl[1].contains(#""by":"label","known":"correct","mathcheck":"wrong","agrees":false"#))
    }

    @Test("LLMDrift graded against its reference answers: at least 99% agreement, every record graded or explained")
    func llmdriftByReference() throws {
        var data = Data()
        for line in try String(contentsOf: Self.llmdrift, encoding: .utf8).split(separator: "\n") {
            var record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let truth = try #require(record["truth"] as? [String: Any])
            record = [
                "id": record["id"] ?? "", "prompt": record["prompt"] ?? "", "response": record["response"] ?? "",
                "reference": (truth["is_prime"] as? Bool ?? false) ? "Yes" : "No",
            ]
            data.append(try JSONSerialization.data(withJSONObject: record))
            data.append(0x0A)
        }
        let path = try HostileInputTests.file(data)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Run(["check", path, "--format", "json", "--min-agreement", "0.99"])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        print("LLMDrift by reference:", run.stdout.replacingOccurrences(of: "\n", with: " "))
        #expect(run.status == 0)
        #expect(summary["records"] as? Int == 4000)
        #expect((summary["agreement"] as? Double ?? 0) >= 0.99)
        #expect(summary["invalid"] as? Int == 0)
    }
}
