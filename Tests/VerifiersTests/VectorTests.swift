import Testing
@testable import Verifiers

/// The committed vectors in Corpora/vectors/, each value agreed on by two independent oracles (PARI/GP and
/// sympy/mpmath; see Corpora/vectors/README.md).
@Suite("Oracle-checked vectors")
struct VectorTests {
    @Test("primality agrees with PARI and sympy on every vector, with evidence that rechecks")
    func primality() throws {
        let tester = PrimalityTester()
        for record in try CorpusFiles.jsonLines("Corpora/vectors/primality.jsonl") {
            let n = try BigInteger(parsing: record["n"] as! String)
            let verdict = try tester.verdict(for: n)
            #expect(verdict.isPrime == (record["is_prime"] as! Bool), "\(n)")
            #expect(try evidenceHolds(verdict), "\(n)")
            if let smallest = record["smallest_factor"] as? String, case .factor(let f, _) = verdict.evidence {
                #expect(f.description == smallest, "\(n)")
            }
        }
    }

    @Test("factorizations agree with PARI and sympy on every vector")
    func factorization() throws {
        let factorizer = Factorizer()
        for record in try CorpusFiles.jsonLines("Corpora/vectors/factorization.jsonl") {
            let n = try BigInteger(parsing: record["n"] as! String)
            let expected = (record["factors"] as! [[String: Any]]).map {
                "\($0["prime"] as! String)^\($0["exponent"] as! Int)"
            }
            let f = try factorizer.factor(n)
            #expect(f.complete, "\(n)")
            #expect(f.factors.map { "\($0.prime)^\($0.exponent)" } == expected, "\(n)")
        }
    }

    @Test("values agree with mpmath and PARI to 40 significant digits")
    func evaluation() throws {
        let evaluator = Evaluator()
        for record in try CorpusFiles.jsonLines("Corpora/vectors/evaluation.jsonl") {
            let expression = record["expression"] as! String
            let unit = AngleUnit(rawValue: record["angle_unit"] as! String)!
            let expected = record["value"] as! String
            let result = try evaluator.evaluate(expression, precision: .significantDigits(40), angleUnit: unit)
            #expect(result.value == expected, "\(expression) [\(unit)]")
            if record["exact"] != nil { #expect(result.exact, "\(expression) should be exact") }
        }
    }

    @Test("the stated-value rule agrees on every rounding case")
    func rounding() throws {
        let judge = StatedValueJudge()
        for record in try CorpusFiles.jsonLines("Corpora/vectors/rounding.jsonl") {
            let expression = try ExpressionParser.parse(record["expression"] as! String)
            let unit = AngleUnit(rawValue: record["angle_unit"] as! String)!
            let mode = (record["mode"] as! String).split(separator: ":")
            let rule: StatedValueRule
            switch mode[0] {
            case "decimals": rule = .decimalPlaces(Int(mode[1])!)
            case "significant": rule = .significantFigures(Int(mode[1])!)
            default: rule = .asWritten
            }
            let stated = record["stated"] as! String
            let j = judge.judge(stated: stated, expression: expression, angleUnit: unit, rule: rule)
            let expected: Judgement.Verdict = (record["correct"] as! Bool) ? .correct : .wrong
            #expect(j.verdict == expected, "\(stated) for \(record["expression"]!) [\(record["mode"]!)]: \(j)")
        }
    }
}
