@testable import Audit
import Claims
import JSON
import Testing
@testable import Claims
@testable import Verifiers

/// The writer reads a claim's finding by case; its bytes must be those of ``Claim/expected`` and ``Claim/evidence``
/// written as JSON values, the plain definition.
@Suite("Finding writer")
struct FindingWriterTests {
    /// `<expected>,"evidence":{…}` from the claim's texts, through the JSON tree.
    static func plain(_ claim: Claim) -> String {
        let expected: JSONValue = claim.expected.map { .string($0) } ?? .null
        let evidence = JSONValue.object(claim.evidence.map { ($0, .string($1)) })
        return expected.serialized + #","evidence":"# + evidence.serialized
    }

    /// What ``AuditJSON/writeFinding(_:into:)`` writes into an array and into a ``ByteBuffer``.
    static func written(_ claim: Claim) -> (array: String, buffer: String) {
        var array: [UInt8] = []
        AuditJSON.writeFinding(claim.finding, into: &array)
        var buffer = ByteBuffer(capacity: 1)
        AuditJSON.writeFinding(claim.finding, into: &buffer)
        return (String(decoding: array, as: UTF8.self), buffer.withBytes { String(decoding: $0, as: UTF8.self) })
    }

    static func expectWrittenAsPlain(_ claim: Claim, _ comment: @autoclosure () -> String = "") {
        let plain = plain(claim)
        let (array, buffer) = written(claim)
        #expect(array == plain, "\(comment())")
        #expect(buffer == plain, "\(comment())")
    }

    static func claim(_ finding: Finding) -> Claim {
        var claim = Claim(kind: .arithmetic, statement: .primality(1, isPrime: true), bytes: 0..<1)
        claim.finding = finding
        return claim
    }

    @Test("every claim found in the corpora is written as its expected value and evidence")
    func corpora() throws {
        var urls = [CorpusFiles.url("Corpora/labelled.jsonl"), CorpusFiles.url("Corpora/forum-thread.jsonl")]
        let shared = CorpusFiles.shared("llmdrift_prime.jsonl")
        if (try? CorpusFiles.lines(shared)) != nil { urls.append(shared) }
        var auditor = ResponseAuditor()
        var claims = 0
        for url in urls {
            for line in try CorpusFiles.lines(url) {
                let record = try JSONParser.parse(line)
                let result = auditor.audit(
                    prompt: record["prompt"]?.stringValue ?? "", response: record["response"]?.stringValue ?? "")
                for claim in result.claims {
                    Self.expectWrittenAsPlain(claim, claim.text)
                    claims += 1
                }
            }
        }
        #expect(claims > 1000)
    }

    /// Words where signs, digit counts and overflow change (VerifiersTests' edges, which this target cannot see).
    static let wordEdges: [Int] = [
        0, 1, -1, 2, -2, 3, -3, 7, -7, 10, 91, -91, 4096, 1 << 32, -(1 << 32), Int.max, Int.max - 1, Int.min,
        Int.min + 1, Int.max / 2, Int.min / 2, 9_223_372_036_854_775_783, 1_000_000_007,
    ]

    @Test("divisions of words at the edges are written as their texts", arguments: wordEdges)
    func words(n: Int) {
        for d in Self.wordEdges where d != 0 {
            Self.expectWrittenAsPlain(Self.claim(.wordDivision(WordDivision(n, d))), "\(n) / \(d)")
            if let w = WordQuotient(n, d) { Self.expectWrittenAsPlain(Self.claim(.wordQuotient(w)), "\(n) ÷ \(d)") }
        }
    }

    @Test("texts that need escapes, and absent texts, are written as JSON writes them")
    func texts() {
        let evidence = [("k\"ey", "va\\lue"), ("tab\t", "line\nbreak \u{1}"), ("", "")]
        for expected in [nil, "", "plain", "quote \" and backslash \\", "×÷ é"] as [String?] {
            for pairs in [[], evidence, [("factor", "7")]] {
                Self.expectWrittenAsPlain(Self.claim(.text(expected: expected, evidence: pairs)))
                Self.expectWrittenAsPlain(
                    Self.claim(.shared(SharedFinding(expected: expected, evidence: pairs))))
            }
        }
    }

    @Test("a stated value's fields are written as its evidence pairs", arguments: [
        StatedValueRule.asWritten, .decimalPlaces(2), .decimalPlaces(-1), .significantFigures(12), .exact,
    ])
    func values(rule: StatedValueRule) {
        for match in [nil, .correctlyRounded, .truncated, .withinOneUnit, .equal, .mismatch] as [Judgement.Match?] {
            for (trueValue, unit, errorInUnits) in [("1.41421356", "0.01", "0.42"), (nil, nil, nil), ("a\"b", nil, "x")]
                as [(String?, String?, String?)]
            {
                let judgement = Judgement(
                    verdict: .correct, match: match, stated: "1.41", rule: rule, trueValue: trueValue,
                    trueValueExact: false, unit: unit, errorInUnits: errorInUnits, reason: nil)
                for angleUnit in AngleUnit.allCases {
                    Self.expectWrittenAsPlain(
                        Self.claim(.value(ValueFinding(judgement, angleUnit: angleUnit, rule: rule))), "\(rule)")
                }
            }
        }
    }
}
