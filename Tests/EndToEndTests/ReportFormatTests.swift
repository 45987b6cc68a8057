import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The report formats of `mathcheck audit`, on the forum thread (10 records, 5 wrong, 7 wrong claims).
@Suite("mathcheck audit report formats")
struct ReportFormatTests {
    static let forum = AuditCommandTests.forum
    static let labelled = URL(fileURLWithPath: forum).deletingLastPathComponent().appendingPathComponent("labelled.jsonl").path

    @Test("text: each wrong claim as FILE:LINE: claim — truth, then the summary table")
    func text() throws {
        let run = try Run(["audit", Self.forum, "--format", "text"])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "\(Self.forum):1: [primality] Yes — composite: 2 × 17396417")
        #expect(lines.contains { $0.hasPrefix("\(Self.forum):3: [function, answer] cos(3532 radians)") && $0.hasSuffix("— 0.6600902979972263349") })
        #expect(lines.filter { $0.hasPrefix(Self.forum + ":") }.count == 7)
        #expect(lines.contains { $0.hasPrefix("wrong") && $0.hasSuffix(" 5") })
        #expect(lines.contains { $0.hasPrefix("primality") && $0.split(separator: " ") == ["primality", "12", "8", "4", "0"] })
    }

    @Test("json: one summary object")
    func summary() throws {
        let run = try Run(["audit", Self.forum, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let records = try #require(object["records"] as? [String: Int])
        #expect(records["total"] == 10 && records["wrong"] == 5 && records["correct"] == 5)
        let claims = try #require(object["claims"] as? [String: Any])
        #expect(claims["wrong"] as? Int == 7)
        #expect(((claims["by_kind"] as? [String: Any])?["function"] as? [String: Int])?["wrong"] == 2)
        #expect(object["wrong_rate"] as? Double == 0.5)
    }

    @Test("junit: a test case per record, a failure per wrong record, well-formed XML")
    func junit() throws {
        let run = try Run(["audit", Self.forum, "--format", "junit"])
        let document = try XMLDocument(data: Data(run.stdout.utf8))
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "tests")?.stringValue == "10")
        #expect(root.attribute(forName: "failures")?.stringValue == "5")
        let cases = try root.nodes(forXPath: "//testcase")
        #expect(cases.count == 10)
        let failures = try root.nodes(forXPath: "//testcase/failure")
        #expect(failures.count == 5)
        #expect(failures.first?.stringValue?.contains("composite: 2 × 17396417") == true)
    }

    @Test("sarif: 2.1.0, a result per wrong claim at its corpus line, rules resolved by index")
    func sarif() throws {
        let run = try Run(["audit", Self.forum, "--format", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "mathcheck")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == 7)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            #expect(result["level"] as? String == "error")
        }
        let location = try #require(
            ((results[2]["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == Self.forum)
        #expect((location["region"] as? [String: Any])?["startLine"] as? Int == 3)
        #expect(((results[2]["message"] as? [String: Any])?["text"] as? String)?.contains("0.6600902979972263349") == true)
    }

    @Test("github: an ::error annotation per wrong claim with file and line, then a notice")
    func github() throws {
        let run = try Run(["audit", Self.forum, "--format", "github"])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("::error file=\(Self.forum),line=") }.count == 7)
        #expect(lines.contains { $0.hasPrefix("::error file=\(Self.forum),line=8,title=mathcheck%3A wrong factorization claim::") })
        #expect(lines.last?.hasPrefix("::notice title=mathcheck audit::10 records") == true)
    }

    @Test("markdown: headline, tables, and the wrong claims")
    func markdown() throws {
        let run = try Run(["audit", Self.forum, "--format", "markdown"])
        #expect(run.stdout.hasPrefix("## mathcheck audit: 5 of 10 records have a wrong claim\n"))
        #expect(run.stdout.contains("| 10 | 5 | 5 | 0 | 0 | 0 |"))
        #expect(run.stdout.contains("| `\(Self.forum):8` | factorization | prime factorization of 583835 is 5 × 116767 | 583835 = 5 × 7^2 × 2383 |"))
    }

    @Test("scores: one line per input line: 1 correct, 0 wrong, empty when nothing is judged")
    func scores() throws {
        let input = [
            #"{"prompt":"Is 91 prime?","response":"No: 91 = 7 × 13."}"#,
            #"{"prompt":"Is 91 prime?","response":"Yes, 91 is prime."}"#,
            #"{"prompt":"Hi","response":"Hello there."}"#,
            #"not json"#,
        ].joined(separator: "\n")
        let run = try Run(["audit", "-", "--format", "scores"], stdin: input)
        #expect(run.stdout == "1\n0\n\n\n")
    }

    @Test("--output writes the report to a file; stdout stays empty")
    func outputFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mathcheck-\(UUID()).sarif").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Run(["audit", Self.forum, "--format", "sarif", "--output", path])
        #expect(run.stdout.isEmpty)
        #expect(run.status == 1)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.hasPrefix(#"{"$schema""#))
    }

    @Test("exit policy: --fail-on never, --max-wrong-rate, --fail-on unverified")
    func exitPolicy() throws {
        #expect(try Run(["audit", Self.forum, "--fail-on", "never"]).status == 0)
        #expect(try Run(["audit", Self.forum, "--max-wrong-rate", "0.5"]).status == 0)
        #expect(try Run(["audit", Self.forum, "--max-wrong-rate", "0.49"]).status == 1)
        let unverified = #"{"prompt":"x","response":"sin(10^100000) = 0.3"}"#
        #expect(try Run(["audit", "-"], stdin: unverified).status == 0)
        #expect(try Run(["audit", "-", "--fail-on", "unverified"], stdin: unverified).status == 1)
        #expect(try Run(["audit", "-", "--fail-on", "unverified"], stdin: "not json").status == 1)
        #expect(try Run(["audit", "-", "--fail-on", "sometimes"], stdin: "").status == 2)
        #expect(try Run(["audit", "-", "--format", "yaml"], stdin: "").status == 2)
    }

    @Test("every format gives byte-identical output with 1 and 2 jobs and on every run")
    func parallelIdentical() throws {
        for format in ["jsonl", "text", "json", "junit", "sarif", "github", "markdown", "scores"] {
            let one = try Run(["audit", Self.labelled, "--format", format, "--jobs", "1"])
            let two = try Run(["audit", Self.labelled, "--format", format, "--jobs", "2"])
            let again = try Run(["audit", Self.labelled, "--format", format, "--jobs", "2"])
            #expect(one.stdout == two.stdout, "format \(format)")
            #expect(two.stdout == again.stdout, "format \(format)")
            #expect(!one.stdout.isEmpty)
        }
    }

    @Test("--shard K/N: the shards are disjoint and together cover every line")
    func shards() throws {
        let all = try Run(["audit", Self.labelled, "--jobs", "1"]).stdout.split(separator: "\n")
        var union: [Substring] = []
        for k in 0..<3 {
            let part = try Run(["audit", Self.labelled, "--shard", "\(k)/3"]).stdout.split(separator: "\n")
            #expect(part.count == (all.count - k + 2) / 3)
            union += part
        }
        func line(_ s: Substring) -> Int {
            ((try? JSONSerialization.jsonObject(with: Data(s.utf8))) as? [String: Any])?["line"] as? Int ?? -1
        }
        #expect(union.sorted { line($0) < line($1) } == all)
        #expect(try Run(["audit", Self.labelled, "--shard", "3/3"]).status == 2)
    }
}
