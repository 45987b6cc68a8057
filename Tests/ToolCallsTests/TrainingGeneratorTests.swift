import Foundation
import JSON
import Testing
import Verifiers

@testable import ToolCalls

@Suite("Synthetic training data")
struct TrainingGeneratorTests {
    func generate(_ format: TrainingFormat, seed: UInt64, count: Int, kinds: [QuestionKind] = QuestionKind.allCases)
        -> (rows: [JSONValue], summary: TrainingSummary)
    {
        var generator = Generator(format: format, seed: seed, kinds: kinds)
        var rows: [JSONValue] = []
        generator.run(count: count) { rows.append($0) }
        return (rows, generator.summary)
    }

    @Test("the same seed gives the same bytes; another seed other questions")
    func determinism() {
        let a = generate(.openaiSFT, seed: 42, count: 60).rows.map(\.serialized)
        let b = generate(.openaiSFT, seed: 42, count: 60).rows.map(\.serialized)
        let c = generate(.openaiSFT, seed: 43, count: 60).rows.map(\.serialized)
        #expect(a.count == 60)
        #expect(a == b)
        #expect(a != c)
    }

    /// Stepwise rows are cut from real answers (``emit``), never generated.
    @Test(
        "every generated file validates clean, in every format",
        arguments: TrainingFormat.allCases.filter { !$0.isStepwise })
    func validates(format: TrainingFormat) {
        let (rows, summary) = generate(format, seed: 5, count: 80)
        #expect(summary.examples == 80)
        let validator = TrainingFixtures.validate(rows, format)
        #expect(!validator.hasErrors, "\(validator.report)")
        #expect(validator.answersCorrect == 80)
        if format.isPreference || format == .trlKTO { #expect(validator.rejectedWrong == 80) }
        if format == .trlKTO { #expect(summary.desirable == summary.undesirable) }
    }

    @Test("primality questions: primes and composites in balance, with composites that fool naive checks")
    func balance() throws {
        var questions = QuestionGenerator(seed: 9, kinds: [.primality], digits: 4...12)
        let tester = PrimalityTester()
        let numbers = SyntheticNumbers()
        var primes = 0
        var composites = 0
        var fooling = 0
        for _ in 0..<400 {
            guard case .primality(let n) = questions.next().question.kind else {
                Issue.record("a primality question of another kind")
                continue
            }
            if tester.isPrime(n) == true {
                primes += 1
            } else {
                composites += 1
                // Passes base-2 Miller–Rabin, or has no prime factor below 100: trial division by small primes and
                // the base-2 test both call it prime.
                let smallFactor = (2..<100).contains { n.isDivisible(by: BigInteger($0)) && n != BigInteger($0) }
                if numbers.isStrongProbablePrimeBase2(n) || !smallFactor { fooling += 1 }
            }
        }
        #expect(primes > 150 && composites > 150, "\(primes) primes, \(composites) composites")
        #expect(fooling > composites / 2, "\(fooling) of \(composites) composites fool naive checks")
    }

    @Test("Carmichael numbers satisfy Korselt's criterion; pseudoprimes pass base 2 and are composite")
    func hardComposites() throws {
        var rng = SplitMix64(seed: 3)
        let numbers = SyntheticNumbers()
        let factorizer = Factorizer()
        for _ in 0..<5 {
            let n = try #require(numbers.composite(.carmichael, digits: 6...14, &rng))
            let f = try factorizer.factor(n)
            #expect(f.factors.count == 3 && f.factors.allSatisfy { $0.exponent == 1 })
            for p in f.factors {
                // Korselt: p − 1 divides n − 1 for every prime p dividing the square-free n.
                #expect((n - BigInteger(1)).isDivisible(by: p.prime - BigInteger(1)))
            }
            let psp = try #require(numbers.composite(.pseudoprime, digits: 6...14, &rng))
            #expect(PrimalityTester().isPrime(psp) == false)
            #expect(try BigInteger(2).power(psp - BigInteger(1), modulo: psp) == BigInteger(1))
        }
        #expect(numbers.isStrongProbablePrimeBase2(BigInteger(2047)))  // 23 × 89, the least strong pseudoprime
        #expect(!numbers.isStrongProbablePrimeBase2(BigInteger(1729)))
    }

    @Test("SplitMix64 gives the reference sequence for seed 0")
    func splitMix() {
        var rng = SplitMix64(seed: 0)
        // First outputs of SplitMix64 seeded with 0 (Vigna's reference implementation).
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test("every kind reads back from its own prompt", arguments: QuestionKind.allCases)
    func readBack(kind: QuestionKind) {
        let (_, summary) = generate(.trlSFT, seed: 11, count: 100, kinds: [kind])
        #expect(summary.examples == 100)
        #expect(!summary.skips.contains { $0.0.contains("reads back") }, "\(summary.skips)")
    }

    /// Worded questions come from the phrasings the audit's question reader reads whole: each one drawn is read back
    /// by it as the intended value at the intended rounding, its answer audits correct and its mistake wrong.
    @Test("worded questions: read whole by the audit, answered through evaluate, their mistakes audit wrong")
    func worded() throws {
        let (rows, summary) = generate(.trlDPO, seed: 3, count: 300, kinds: [.worded])
        #expect(summary.examples == 300)
        // Every question drawn reads back (none skipped for that), and almost every mistake audits wrong.
        #expect(!summary.skips.contains { $0.0.contains("reads back") }, "\(summary.skips)")
        #expect(summary.skips.reduce(0) { $0 + $1.1 } <= 15, "\(summary.skips)")
        let validator = TrainingFixtures.validate(rows, .trlDPO)
        #expect(!validator.hasErrors, "\(validator.report)")
        #expect(validator.rejectedWrong == 300)
        let (sft, _) = generate(.trlSFT, seed: 3, count: 300, kinds: [.worded])
        let prompts = sft.compactMap { $0["messages"]?.arrayValue?.first?["content"]?.stringValue }
        for phrase in ["the product of", "Subtract", "divided by", "the square root of", "% of", "in radians"] {
            #expect(prompts.contains { $0.contains(phrase) }, "no prompt with '\(phrase)'")
        }
        let calls = sft.compactMap { row in
            row["messages"]?.arrayValue?.dropFirst().first?["tool_calls"]?.arrayValue?.first?["function"]?["name"]
        }
        #expect(calls.count == 300 && calls.allSatisfy { $0 == "evaluate" })
    }
}

@Suite("emit over the corpora")
struct EmitCorpusTests {
    func emit(_ url: URL, _ format: TrainingFormat, keepWrong: Bool = false) throws -> ([JSONValue], TrainingSummary) {
        var emitter = Emitter(format: format, keepWrong: keepWrong)
        var rows: [JSONValue] = []
        for (prompt, response) in try TrainingFixtures.records(url) {
            rows += emitter.rows(prompt: prompt, response: response)
        }
        return (rows, emitter.summary)
    }

    @Test(
        "the forum thread: five wrong answers become five preference pairs, all valid",
        arguments: TrainingFormat.allCases)
    func forum(format: TrainingFormat) throws {
        let (rows, summary) = try emit(
            TrainingFixtures.root.appendingPathComponent("Corpora/forum-thread.jsonl"), format)
        #expect(summary.inputs == 10)
        switch format {
        case .openaiDPO, .trlDPO: #expect(rows.count == 5)
        case .trlKTO: #expect(summary.desirable == 15 && summary.undesirable == 5)
        case .openaiSFT, .trlSFT: #expect(rows.count == 10)
        case .trlPRM: #expect(rows.count == 10)  // 12 steps labelled, 5 of them false (one per wrong answer)
        }
        let validator = TrainingFixtures.validate(rows, format)
        #expect(!validator.hasErrors, "\(validator.report)")
    }

    @Test(
        "LLMDrift: every wrong answer becomes a DPO pair that validates clean",
        .enabled(if: FileManager.default.fileExists(atPath: TrainingFixtures.llmdrift.path)))
    func llmdrift() throws {
        let (rows, summary) = try emit(TrainingFixtures.llmdrift, .openaiDPO)
        #expect(summary.inputs == 4000)
        // Every record asks "Is N a prime number?": each wrong answer gives a pair, nothing else is skipped.
        #expect(rows.count == 1835)
        #expect(summary.skips.allSatisfy { $0.0.hasPrefix("the original answer is not wrong") }, "\(summary.skips)")
        let validator = TrainingFixtures.validate(rows, .openaiDPO)
        #expect(!validator.hasErrors, "\(validator.report)")
        #expect(validator.rejectedWrong == 1835 && validator.answersCorrect == 1835)
        #expect(
            rows.allSatisfy {
                $0["preferred_output"]?.arrayValue?.last?["content"]?.stringValue.map {
                    $0.hasSuffix("[Yes]") || $0.hasSuffix("[No]")
                } == true
            })
    }
}
