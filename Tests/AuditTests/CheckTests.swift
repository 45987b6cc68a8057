import Claims
import Foundation
import JSON
import Testing
import Verifiers

@testable import Audit

@Suite("Reference answers and grading")
struct ReferenceGradingTests {
    func reference(_ json: String) throws -> ReferenceAnswer { try ReferenceAnswer(JSONParser.parse(json)) }

    @Test("references: yes/no, factorizations in any notation, integers, values")
    func parsing() throws {
        #expect(try reference(#""Yes""#) == .yesNo(true))
        #expect(try reference(#""[No]""#) == .yesNo(false))
        #expect(try reference("false") == .yesNo(false))
        #expect(try reference(#""2 × 17396417""#) == .factors([2, 17_396_417]))
        #expect(try reference(#""17396417 * 2""#) == .factors([2, 17_396_417]))
        #expect(try reference(#""2^3 \\cdot 5""#) == .factors([2, 2, 2, 5]))
        #expect(try reference(#""7² × 2383""#) == .factors([7, 7, 2383]))
        #expect(try reference("[13, 7]") == .factors([7, 13]))
        #expect(try reference("42") == .factors([42]))
        guard case .value(_, _, let decimals) = try reference(#""0.66""#) else { Issue.record("not a value"); return }
        #expect(decimals == 2)
        guard case .value(_, _, nil) = try reference(#""√3/2""#) else { Issue.record("not an exact value"); return }
        #expect(throws: RecordError.self) { try reference(#""banana""#) }
        #expect(throws: RecordError.self) { try reference("{}") }
    }

    /// The answer claim mathcheck finds in `response` to `prompt`, graded against `reference`.
    func grade(_ prompt: String, _ response: String, _ json: String) throws -> ReferenceGrader.Grade {
        var auditor = ResponseAuditor()
        let answer = auditor.auditAnswer(prompt: prompt, response: response).answer
        return ReferenceGrader().grade(answer, against: try reference(json))
    }

    @Test("grading by value")
    func grading() throws {
        let prime = "Is 34792834 a prime number? Answer [Yes] or [No]."
        #expect(try grade(prime, "Let me think. [No]", #""No""#) == .matches)
        #expect(try grade(prime, "Yes, 34792834 is prime.", #""No""#) == .differs)
        #expect(try grade(prime, "I am not sure.", #""No""#) == .noAnswer)
        let factor = "What is the prime factorization of 34792834?"
        #expect(try grade(factor, "The prime factorization of 34792834 is 17396417 × 2.", #""2 × 17396417""#) == .matches)
        #expect(try grade(factor, "The prime factorization of 34792834 is 2 × 17396417.", "[2, 17396417]") == .matches)
        let cosine = "What is the cosine of 3532 radians?"
        #expect(try grade(cosine, "cos(3532) ≈ 0.6601", #""0.66""#) == .matches)
        #expect(try grade(cosine, "cos(3532) ≈ 0.66", #""0.6601""#) == .matches)
        #expect(try grade(cosine, "cos(3532) ≈ 0.67", #""0.66""#) == .differs)
        #expect(try grade(cosine, "cos(3532) ≈ -0.9999999999999999", #""0.66""#) == .differs)
        let sine = "What is sin(60°)?"
        #expect(try grade(sine, "sin(60°) = √3/2", #""√3/2""#) == .matches)
        #expect(try grade(sine, "sin(60°) ≈ 0.866", #""√3/2""#) == .matches)
        #expect(try grade(sine, "sin(60°) = 1/2", #""√3/2""#) == .differs)
        if case .incomparable = try grade(prime, "[No]", #""0.5""#) {} else { Issue.record("yes/no against a value") }
    }
}

@Suite("Grading a final value without a question")
struct FinalValueGradingTests {
    func known(_ prompt: String, _ response: String, _ reference: String) throws -> RecordVerdict? {
        let line = try JSONValue.object([
            ("prompt", .string(prompt)), ("response", .string(response)), ("reference", .string(reference)),
        ]).serialized
        var worker = CheckWorker()
        var out: [UInt8] = []
        var bytes = Array(line.utf8)
        let outcome = bytes.withUnsafeMutableBufferPointer { p in
            worker.process(
                InputLine(input: 0, number: 1, bytes: UnsafeBufferPointer(p), length: p.count), writeLine: true,
                into: &out)
        }
        return outcome.known
    }

    /// A prompt the audit does not read still has an answer to grade: the whole response as a value, the last
    /// \boxed{…}, or what follows the last "answer is" / "answer:".
    @Test("the final value is graded against the reference", arguments: [
        ("0.5", "1/2", RecordVerdict.correct), ("0.5", "0.6", .wrong), ("**42**", "\\boxed{42}", .correct),
        ("We compute.\n\nThe final answer is $\\boxed{\\dfrac{3}{4}}$.", "0.75", .correct),
        ("We compute.\n\nAnswer: 12", "13", .wrong), ("So x = 5 and the answer is 5.", "5", .correct),
        ("**Answer:** -0.125", "-1/8", .correct), ("**Answer:** 0.125", "-1/8", .wrong),
        // Not a value read whole: not graded (never a grade on a part of it).
        ("The answer is 2 + 3.", "5", .noClaims), ("The answer is 3/4 of the total.", "0.75", .noClaims),
        ("I cannot say.", "5", .noClaims),
    ])
    func finalValue(response: String, reference: String, known: RecordVerdict) throws {
        #expect(try self.known("Solve it.", response, reference) == known)
    }

    @Test("a yes/no reference is never graded by a final value")
    func yesNo() throws {
        #expect(try known("Solve it.", "The answer is 1.", "Yes") == .noClaims)
    }

    /// A one-line statement ending in its only relation states the answer after it; two relations, or a comparison,
    /// state none that is known to be the answer.
    @Test("the value after a one-line statement's only relation", arguments: [
        ("8/7 times 532 is 608.", "608", RecordVerdict.correct),
        ("The gcd of 60 and 160 is approximately 17.", "20", .wrong),
        ("The remainder when 93151 is divided by 83 is 25.", "25", .correct),
        ("$\\gcd(60, 312) \\approx 1560$", "12", .wrong), ("24936 mod 81 ≈ 12", "69", .wrong),
        ("75% of $683 is 512.250.", "512.25", .correct), ("\\(x = 2\\)", "3", .wrong),
        ("x is 5 and y is 3.", "5", .noClaims), ("a = 2 = b", "2", .noClaims), ("5 > 3 is 1", "1", .noClaims),
        ("It is 5.\nNo, it is 6.", "6", .noClaims),
    ])
    func soleRelation(response: String, reference: String, known: RecordVerdict) throws {
        #expect(try self.known("Work it out.", response, reference) == known)
    }

    @Test("a yes/no reference grades a response that is yes/no alone", arguments: [
        ("Yes.", "true", RecordVerdict.correct), ("ANSWER: No", "false", .correct), ("The statement is false.", "true", .wrong),
        ("**True**", "yes", .correct), ("The answer is no.", "Yes", .wrong),
        ("Yes, because 5 > 3.", "yes", .noClaims), ("No idea.", "no", .noClaims),
    ])
    func yesNoAlone(response: String, reference: String, known: RecordVerdict) throws {
        #expect(try self.known("Decide it.", response, reference) == known)
    }
}

@Suite("Checking records against labels and references")
struct CheckWorkerTests {
    func check(_ line: String) -> CheckOutcome {
        var worker = CheckWorker()
        var out: [UInt8] = []
        var bytes = Array(line.utf8)
        return bytes.withUnsafeMutableBufferPointer { p in
            worker.process(
                InputLine(input: 0, number: 1, bytes: UnsafeBufferPointer(p), length: p.count), writeLine: true,
                into: &out)
        }
    }

    @Test("a label is compared with mathcheck's record verdict")
    func label() {
        let agrees = check(#"{"prompt":"Is 91 prime?","response":"Yes, 91 is prime.","label":"wrong"}"#)
        #expect(agrees.basis == .label && agrees.known == .wrong && agrees.mathcheck == .wrong && agrees.agrees == true)
        let disagrees = check(#"{"prompt":"Is 91 prime?","response":"Yes, 91 is prime.","label":"correct"}"#)
        #expect(disagrees.agrees == false)
        #expect(disagrees.detail?.contains("7 × 13") == true)
        let badLabel = check(#"{"prompt":"Is 91 prime?","response":"Yes.","label":"maybe"}"#)
        #expect(badLabel.agrees == nil && badLabel.error?.contains("label") == true)
    }

    @Test("a reference grades the answer; mathcheck's verdict on the answer is compared with the grade")
    func reference() {
        let right = check(#"{"prompt":"Is 91 prime?","response":"No, 91 = 7 × 13.","reference":"No"}"#)
        #expect(right.basis == .reference && right.known == .correct && right.mathcheck == .correct && right.agrees == true)
        let wrong = check(#"{"prompt":"Is 91 prime?","response":"Yes, 91 is prime.","reference":"No"}"#)
        #expect(wrong.known == .wrong && wrong.mathcheck == .wrong && wrong.agrees == true)
        // A wrong reference shows up as a disagreement: mathcheck's exact check says the answer is right.
        let badReference = check(#"{"prompt":"Is 91 prime?","response":"No, 91 = 7 × 13.","reference":"Yes"}"#)
        #expect(badReference.known == .wrong && badReference.mathcheck == .correct && badReference.agrees == false)
        let none = check(#"{"prompt":"Is 91 prime?","response":"No idea."}"#)
        #expect(none.agrees == nil && none.mathcheck == nil && none.error?.contains("no \"label\"") == true)
    }
}

@Suite("The parallel pipeline")
struct PipelineTests {
    @Test("outcomes and output come back in input order, identical for any number of jobs and batch size")
    func ordering() throws {
        let path = CorpusFiles.url("Corpora/labelled.jsonl").path
        func run(jobs: Int, batch: Int) throws -> ([Int], [UInt8]) {
            let pipeline = Pipeline<RecordAuditor>(jobs: jobs)
            pipeline.batchLines = batch
            var lines: [Int] = []
            var bytes: [UInt8] = []
            try pipeline.run(
                inputs: [path, path], makeWorker: { RecordAuditor() },
                consume: { outcome, line in
                    lines.append(outcome.line)
                    bytes.append(contentsOf: line)
                    bytes.append(0x0A)
                })
            return (lines, bytes)
        }
        let (lines, reference) = try run(jobs: 1, batch: 256)
        let count = try CorpusFiles.lines(CorpusFiles.url("Corpora/labelled.jsonl")).count
        #expect(lines == Array(1...count) + Array(1...count))
        for (jobs, batch) in [(2, 1), (3, 7), (4, 64)] {
            let (l, b) = try run(jobs: jobs, batch: batch)
            #expect(l == lines, "jobs \(jobs) batch \(batch)")
            #expect(b == reference, "jobs \(jobs) batch \(batch)")
        }
    }

    @Test("shards: 'K/N' with 0 ≤ K < N")
    func shard() {
        #expect(Shard("0/1") != nil && Shard("2/3")?.index == 2 && Shard("2/3")?.count == 3)
        #expect(Shard("3/3") == nil && Shard("-1/3") == nil && Shard("1/0") == nil && Shard("x") == nil)
    }

    @Test("exit policy")
    func policy() throws {
        var summary = RunSummary()
        for verdict in [RecordVerdict.correct, .correct, .wrong, .unverified, .noClaims, .invalid] {
            summary.add(RecordOutcome(input: 0, line: 1, id: nil, verdict: verdict))
        }
        #expect(summary.wrongRate == 1.0 / 4)
        #expect(ExitPolicy().fails(summary))
        #expect(!ExitPolicy(failOn: .never).fails(summary))
        #expect(!ExitPolicy(maxWrongRate: 0.25).fails(summary))
        #expect(ExitPolicy(maxWrongRate: 0.2).fails(summary))
        #expect(ExitPolicy(failOn: .unverified, maxWrongRate: 0.5).fails(summary))
    }
}

@Suite("The answer-only audit")
struct AnswerOnlyTests {
    @Test(
        "auditAnswer finds the same answer, with the same verdict and evidence, as the full audit",
        arguments: ["llmdrift", "Corpora/labelled.jsonl", "Corpora/forum-thread.jsonl"])
    func sameAnswer(corpus: String) throws {
        let url = corpus == "llmdrift" ? CorpusFiles.shared("llmdrift_prime.jsonl") : CorpusFiles.url(corpus)
        var full = ResponseAuditor()
        var answerOnly = ResponseAuditor()
        var compared = 0
        for line in try CorpusFiles.lines(url) {
            let record = try Record(JSONParser.parse(line))
            let a = full.audit(prompt: record.prompt, response: record.response).answer
            let b = answerOnly.auditAnswer(prompt: record.prompt, response: record.response).answer
            #expect(a?.text == b?.text, "\(record.id?.serialized ?? line)")
            #expect(a?.span == b?.span)
            #expect(a?.verdict == b?.verdict)
            #expect(a?.expected == b?.expected)
            #expect(a?.evidence.map { "\($0)=\($1)" } == b?.evidence.map { "\($0)=\($1)" })
            compared += 1
        }
        #expect(compared > 0)
    }
}

@Suite("The answer-only audit on generated answers")
struct AnswerOnlyFuzzTests {
    @Test("random mixes of brackets, markup, LaTeX and line breaks give the full audit's answer")
    func generated() {
        let fragments = [
            "[Yes]", "[No]", "[ yes ]", "**[No]**", "[no", "yes]", "[", "]", "\n", "\\\n", "* ", "- ", "> ", "2*3",
            "[Yes, it is]", "$[No]$", "\\boxed{[Yes]}", "Answer: [No]", "17077 is prime.", "17077 = 7 × 2439.57",
            "[[No]]", "[No]\\", "\\[Yes\\]", "(", ")", " ", "**", "\\text{[Yes]}", "e", "1e5", "…", "— [No] —",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var full = ResponseAuditor()
        var answerOnly = ResponseAuditor()
        let prompt = #"Is 17077 a prime number? Think step by step and then answer "[Yes]" or "[No]"."#
        for _ in 0..<3000 {
            let response = (0..<(1 + next() % 12)).map { _ in fragments[next() % fragments.count] }.joined()
            let a = full.audit(prompt: prompt, response: response).answer
            let b = answerOnly.auditAnswer(prompt: prompt, response: response).answer
            #expect(a?.text == b?.text && a?.span == b?.span && a?.verdict == b?.verdict, "\(response.debugDescription)")
        }
    }
}
