import Foundation
import Testing
import JSON
import Verifiers
@testable import Audit

/// Audits whole corpora and compares with their labels: every record of the committed corpora, and the real
/// LLMDrift answers against the dataset's truth.
@Suite("Corpus agreement")
struct CorpusAgreementTests {
    func audit(_ url: URL) throws -> [(record: JSONValue, output: JSONValue)] {
        var runner = RecordAuditor()
        return try CorpusFiles.lines(url).enumerated().map { index, line in
            var copy = line
            let output = copy.withUTF8 { runner.audit(line: $0, length: $0.count, number: index + 1) }
            return (try JSONParser.parse(line), output)
        }
    }

    @Test("every labelled record gets its label", arguments: ["Corpora/labelled.jsonl", "Corpora/forum-thread.jsonl"])
    func labelled(path: String) throws {
        let results = try audit(CorpusFiles.url(path))
        #expect(results.count >= 10)
        var disagreements: [String] = []
        for (record, output) in results where output["verdict"] != record["label"] {
            disagreements.append("\(record["id"]?.stringValue ?? "?"): label \(record["label"]!), got \(output["verdict"]!)")
        }
        let listing = disagreements.prefix(20).joined(separator: "\n")
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements:\n\(listing)")
    }

    @Test("the labelled corpus is big and balanced enough to mean something")
    func labelledCoverage() throws {
        let records = try CorpusFiles.lines(CorpusFiles.url("Corpora/labelled.jsonl")).map { try JSONParser.parse($0) }
        #expect(records.count >= 300)
        let correct = records.filter { $0["label"] == "correct" }.count
        let wrong = records.filter { $0["label"] == "wrong" }.count
        #expect(abs(correct - wrong) < records.count / 10)
    }

    @Test("LLMDrift: the answer verdict matches the dataset's truth; no correct final answer is flagged wrong")
    func llmdrift() throws {
        let url = CorpusFiles.shared("llmdrift_prime.jsonl")
        try #require(FileManager.default.fileExists(atPath: url.path), "shared corpus missing at \(url.path)")
        let results = try audit(url)
        #expect(results.count == 4000)
        var bracketed = 0
        var agree = 0
        var correctFlaggedWrong: [String] = []
        var wrongSteps = 0
        var example: String? = nil
        for (record, output) in results {
            // "[Yes] or [No] are not appropriate answers" names both forms and gives neither.
            let response = (record["response"]?.stringValue ?? "")
                .replacingOccurrences(of: "[Yes] or [No]", with: "", options: .caseInsensitive)
                .replacingOccurrences(of: "[No] or [Yes]", with: "", options: .caseInsensitive)
            let truth = record["truth"]?["is_prime"] == .bool(true)
            // The model's final bracketed answer.
            let yes = response.range(of: "[Yes]", options: [.caseInsensitive, .backwards])
            let no = response.range(of: "[No]", options: [.caseInsensitive, .backwards])
            guard yes != nil || no != nil else { continue }
            // An answer the text withdraws after it ("I must correct my previous answer. … 16997 is a prime number")
            // is not the final one: such records have no bracketed final answer.
            let last = max(yes?.upperBound ?? response.startIndex, no?.upperBound ?? response.startIndex)
            let rest = response[last...].lowercased()
            if ["correct my previous answer", "correct my initial answer", "apologize for my previous answer"]
                .contains(where: rest.contains)
            {
                continue
            }
            bracketed += 1
            let saidYes = yes != nil && (no == nil || yes!.lowerBound > no!.lowerBound)
            let expected = saidYes == truth ? "correct" : "wrong"
            if output["answer"]?["verdict"]?.stringValue == expected { agree += 1 }
            if saidYes == truth && output["answer"]?["verdict"] == "wrong" {
                correctFlaggedWrong.append(record["id"]?.stringValue ?? "?")
            }
            for claim in output["claims"]?.arrayValue ?? [] where claim["role"] == "step" && claim["verdict"] == "wrong" {
                wrongSteps += 1
                if example == nil, claim["text"]?.stringValue?.contains("17537 is divisible by 7 and 2507") == true {
                    example = claim["expected"]?.stringValue
                }
            }
        }
        let rate = Double(agree) / Double(max(bracketed, 1))
        print("LLMDrift: \(agree)/\(bracketed) answers agree (\(String(format: "%.2f", rate * 100))%), \(wrongSteps) wrong steps found")
        #expect(rate >= 0.99)
        #expect(correctFlaggedWrong.isEmpty, "correct answers flagged wrong: \(correctFlaggedWrong.prefix(10))")
        // The issue's example of a wrong step: 7 × 2507 = 17549, and 17537 = 13 × 19 × 71.
        #expect(example == "2507 does not divide 17537: remainder 2495")
    }
}
