import Verifiers

/// Verifies claims with the exact verifiers and fills in verdict, expected value and evidence.
///
/// Verdicts are `correct` or `wrong` only when the check was done exactly; anything beyond the bounds, or a form
/// that cannot be evaluated, is `unverified` with the reason.
struct ClaimChecker {
    let bounds: Bounds
    let tester: PrimalityTester
    let factorizer: Factorizer
    let judge: StatedValueJudge
    /// Evaluates the difference of a comparison's sides.
    let evaluator: Evaluator
    /// Factorizations already shown ("composite: 2 × 17396417"): answers repeat their numbers, and corpora ask about
    /// the same numbers in many records. The text is a pure function of the number, so the cache changes no output;
    /// it is emptied when it reaches ``shownLimit`` entries to keep memory flat.
    private var shown: [BigInteger: String?] = [:]
    static let shownLimit = 4096
    /// The room both caches take at their first entry: enough for the distinct numbers of a typical corpus without
    /// growing step by step (each step rehashes every entry), and about 100 kB, made only once a claim needs it.
    static let cacheStartCapacity = 1024
    /// Primality verdicts already reached, for the same reason and with the same bound: a verdict is a pure function
    /// of the number (trial division up to 4096 for a 24-bit prime is most of the cost of its claim), and so are the
    /// texts of a claim about it, kept with it once a primality claim has needed them.
    private var verdicts: [BigInteger: KnownPrimality] = [:]

    /// A verdict on a number, with the explained texts of a primality claim about it once they are made: an object,
    /// so that reading an entry costs one reference count, not a copy of the verdict's numbers.
    private final class KnownPrimality: Sendable {
        let verdict: PrimalityVerdict
        let finding: SharedFinding?

        init(verdict: PrimalityVerdict, finding: SharedFinding?) {
            self.verdict = verdict
            self.finding = finding
        }
    }

    /// The tester's verdict on n, from the cache when n was seen before.
    private mutating func primalityVerdict(_ n: BigInteger) throws(VerifierError) -> PrimalityVerdict {
        if let known = verdicts[n] { return known.verdict }
        let verdict = try tester.verdict(for: n)
        if verdicts.count >= Self.shownLimit { verdicts.removeAll(keepingCapacity: true) }
        if verdicts.isEmpty { verdicts.reserveCapacity(Self.cacheStartCapacity) }
        verdicts[n] = KnownPrimality(verdict: verdict, finding: nil)
        return verdict
    }

    /// The verdict on n and the explained texts of a primality claim about it, from the cache when a claim about n
    /// was seen before: every claim about n then shares one ``SharedFinding``.
    private mutating func explainedPrimality(_ n: BigInteger) throws(VerifierError)
        -> (isPrime: Bool, certainty: Certainty, finding: SharedFinding)
    {
        if let known = verdicts[n], let finding = known.finding {
            return (known.verdict.isPrime, known.verdict.certainty, finding)
        }
        let verdict = try primalityVerdict(n)
        let finding = primalityFinding(n, verdict, explain: true)
        verdicts[n] = KnownPrimality(verdict: verdict, finding: finding)  // n is in the cache: it does not grow
        return (verdict.isPrime, verdict.certainty, finding)
    }

    /// The largest number whose full factorization is worked out just to show it in `expected`.
    static let displayBits = 128

    init(bounds: Bounds) {
        self.bounds = bounds
        tester = PrimalityTester(bounds: bounds)
        factorizer = Factorizer(bounds: bounds)
        judge = StatedValueJudge(evaluator: Evaluator(bounds: bounds))
        evaluator = Evaluator(bounds: bounds)
    }

    /// Checks a claim. With `explain` off, a composite's `expected` names the factor found instead of the full
    /// factorization, which is worked out only to be shown (the verdict is the same).
    mutating func check(_ claim: inout Claim, explain: Bool = true) {
        if claim.reason != nil {
            claim.verdict = .unverified
            return
        }
        switch claim.statement {
        case .primality(let n, let isPrime):
            checkPrimality(&claim, n, isPrime, explain: explain)
        case .divisibility(let n, let d, let divides):
            checkDivisibility(&claim, n, d, divides)
        case .division(let n, let d, let q, let r):
            // Words (nearly every division in real answers) are divided by the machine, and their texts written from
            // the numbers when needed; anything else by GMP.
            let word = n.intValue.flatMap { nw in d.intValue.flatMap { WordQuotient(nw, $0) } }
            let truth: (quotient: BigInteger, remainder: BigInteger)
            if let word {
                truth = (BigInteger(word.quotient), BigInteger(word.remainder))
            } else {
                guard let t = try? n.quotientAndRemainder(dividingBy: d) else {
                    unverified(&claim, "division by zero")
                    return
                }
                truth = t
            }
            let (tq, tr) = truth
            let truthMatches: Bool
            if let r {
                truthMatches = tq == q && tr == r
            } else {
                // "q with a remainder": the quotient cut off or rounded to the nearest integer, and a remainder.
                let rounded = !d.isNegative && !n.isNegative && tr + tr >= d && tq + 1 == q
                truthMatches = !tr.isZero && (tq == q || rounded)
            }
            claim.verdict = truthMatches ? .correct : .wrong
            if let word {
                claim.finding = .wordQuotient(word)
            } else {
                claim.expected = "\(n) ÷ \(d) = \(tq) remainder \(tr)"
                claim.evidence = [("quotient", tq.description), ("remainder", tr.description)]
            }
        case .factorization(let n, let factors, let primes):
            checkFactorization(&claim, n, factors, primes)
        case .residue(let a, let m, let r):
            checkResidue(&claim, a, m, r)
        case .congruent(let a, let b, let m):
            checkCongruence(&claim, a, b, m)
        case .comparison(let a, let relation, let b, let holds):
            checkComparison(&claim, a, relation, b, holds)
        case .primeFactors(let n, let listed):
            guard n.bitWidth <= bounds.maxCompleteFactorBits * 2, let f = try? factorizer.factor(n), f.complete else {
                unverified(&claim, "too large to factor completely")
                return
            }
            let truth = f.factors.map(\.prime)
            claim.verdict = Set(listed) == Set(truth) ? .correct : .wrong
            claim.expected = "the prime factors of \(n) are " + truth.map(\.description).joined(separator: ", ")
            claim.evidence = [("factorization", Self.product(f))]
        case .value(let expression, let stated, let statedExpression, let rule, let unit, let negated):
            checkValue(&claim, expression, stated, statedExpression, rule, unit, negated)
            // "-1^{2} = 1": as written −(1²), but often meant (−1)²; wrong only when both readings are.
            if claim.verdict == .wrong, ClaimScanner.hasNegatedPower(expression) {
                var other = claim
                checkValue(&other, Self.negatedBases(expression), stated, statedExpression, rule, unit, negated)
                if other.verdict == .correct {
                    unverified(&claim, "ambiguous: −a^n is −(a^n) as written, and the claim holds for (−a)^n")
                }
            }
        }
    }

    /// `e` with each negated power −(a^n) read as (−a)^n.
    static func negatedBases(_ e: Expression) -> Expression {
        switch e {
        case .negate(.power(let base, let exponent)): return .power(.negate(negatedBases(base)), negatedBases(exponent))
        case .negate(let a): return .negate(negatedBases(a))
        case .degrees(let a): return .degrees(negatedBases(a))
        case .radians(let a): return .radians(negatedBases(a))
        case .function(let f, let a): return .function(f, negatedBases(a))
        case .add(let a, let b): return .add(negatedBases(a), negatedBases(b))
        case .subtract(let a, let b): return .subtract(negatedBases(a), negatedBases(b))
        case .multiply(let a, let b): return .multiply(negatedBases(a), negatedBases(b))
        case .divide(let a, let b): return .divide(negatedBases(a), negatedBases(b))
        case .power(let a, let b): return .power(negatedBases(a), negatedBases(b))
        case .number, .pi, .e: return e
        }
    }

    /// The factorization of n as text, for numbers small enough to factor just for display.
    private mutating func factorText(_ n: BigInteger) -> String? {
        if let cached = shown[n] { return cached }
        var text: String? = nil
        if n.bitWidth <= Self.displayBits, let f = try? factorizer.factor(n), f.complete, !f.factors.isEmpty {
            text = Self.product(f)
        }
        if shown.count >= Self.shownLimit { shown.removeAll(keepingCapacity: true) }
        if shown.isEmpty { shown.reserveCapacity(Self.cacheStartCapacity) }
        shown[n] = text
        return text
    }

    private mutating func checkPrimality(
        _ claim: inout Claim, _ n: BigInteger, _ isPrime: Bool, explain: Bool = true
    ) {
        let truth: (isPrime: Bool, certainty: Certainty, finding: SharedFinding)
        do {
            if explain {
                truth = try explainedPrimality(n)
            } else {
                let verdict = try primalityVerdict(n)
                truth = (verdict.isPrime, verdict.certainty, primalityFinding(n, verdict, explain: false))
            }
        } catch {
            unverified(&claim, "\(n.description.count)-digit number: too large to test")
            return
        }
        if truth.isPrime == isPrime && truth.certainty == .probable && isPrime {
            // A probable prime agrees with the claim, but nothing was proven.
            unverified(&claim, "probable prime (BPSW + Miller-Rabin), not proven")
            claim.expected = "probably prime"
            return
        }
        claim.verdict = truth.isPrime == isPrime ? .correct : .wrong
        claim.finding = .shared(truth.finding)
    }

    /// The expected text and evidence of a primality claim about n, whatever the claim says: a function of n (and
    /// `explain`) alone.
    private mutating func primalityFinding(_ n: BigInteger, _ verdict: PrimalityVerdict, explain: Bool)
        -> SharedFinding
    {
        switch verdict.evidence {
        case .factor(let p, let cofactor):
            return SharedFinding(
                expected: "composite: " + (explain ? compositeText(n, p, cofactor) : "\(p) × \(cofactor)"),
                evidence: [("factor", p.description), ("cofactor", cofactor.description)])
        case .millerRabinWitness(let base):
            return SharedFinding(
                expected: (explain ? factorText(n) : nil).map { "composite: " + $0 } ?? "composite",
                evidence: [("witness", String(base)), ("test", "miller_rabin")])
        case .lucasFailure:
            return SharedFinding(expected: "composite", evidence: [("test", "lucas")])
        case .belowTwo:
            return SharedFinding(expected: "not prime: integers below 2 are not prime")
        case .trialDivision, .bpswBelow2To64, .flintProof, .bpswAndMillerRabin:
            return SharedFinding(
                expected: "prime",
                evidence: [("method", Self.method(verdict.evidence)), ("certainty", verdict.certainty.rawValue)])
        }
    }

    /// "2 × 17396417", or the full factorization when the number is small enough to factor.
    private mutating func compositeText(_ n: BigInteger, _ p: BigInteger, _ cofactor: BigInteger) -> String {
        factorText(n) ?? "\(p) × \(cofactor)"
    }

    static func product(_ f: Factorization) -> String {
        var parts = f.factors.map { $0.exponent == 1 ? $0.prime.description : "\($0.prime)^\($0.exponent)" }
        if let c = f.cofactor { parts.append("\(c) (composite)") }
        return parts.joined(separator: " × ")
    }

    static func method(_ evidence: PrimalityEvidence) -> String {
        switch evidence {
        case .trialDivision: return "trial_division"
        case .bpswBelow2To64: return "bpsw"
        case .flintProof: return "flint_fmpz_is_prime"
        case .bpswAndMillerRabin: return "bpsw+miller_rabin"
        default: return ""
        }
    }

    private mutating func checkFactorization(
        _ claim: inout Claim, _ n: BigInteger, _ factors: [(BigInteger, BigInteger)], _ primes: Bool
    ) {
        var product: BigInteger = 1
        for (base, exponent) in factors {
            guard let power = try? base.power(exponent, bounds: bounds) else {
                unverified(&claim, "a factor is too large to multiply out")
                return
            }
            product *= power
            if product.bitWidth > bounds.maxPowerBits {
                unverified(&claim, "the product is too large")
                return
            }
        }
        let truth = factorText(n)
        if product != n {
            claim.verdict = .wrong
            claim.expected = "the product is \(product), not \(n)" + (truth.map { "; \(n) = \($0)" } ?? "")
            claim.evidence = [("product", product.description)]
            return
        }
        claim.verdict = .correct
        claim.expected = truth.map { "\(n) = \($0)" }
        claim.evidence = [("product", product.description)]
        guard primes else { return }
        for (base, _) in factors {
            guard let verdict = try? primalityVerdict(base) else {
                unverified(&claim, "factor \(base) is too large to test for primality")
                return
            }
            if !verdict.isPrime {
                claim.verdict = .wrong
                claim.evidence.append(("not_prime", base.description))
                if case .factor(let p, _) = verdict.evidence { claim.evidence.append(("factor_of_\(base)", p.description)) }
                return
            }
        }
    }

    private func checkValue(
        _ claim: inout Claim, _ expression: Expression, _ stated: String, _ statedExpression: Expression?,
        _ rule: StatedValueRule, _ unit: AngleUnit, _ negated: Bool
    ) {
        var statedExpression = statedExpression
        var unit = unit
        // "arcsin(1/2) = 30°": an angle stated in degrees is compared in degrees (30, not 30° as radians).
        if Self.yieldsAngle(expression), let s = statedExpression {
            switch s {
            case .degrees(let x):
                statedExpression = x
                unit = .degrees
            case .radians(let x):
                statedExpression = x
                unit = .radians
            // "arctan(-1) = -45 degrees": the sign is read before the unit.
            case .negate(.degrees(let x)):
                statedExpression = .negate(x)
                unit = .degrees
            case .negate(.radians(let x)):
                statedExpression = .negate(x)
                unit = .radians
            default: break
            }
        }
        var judgement: Judgement
        if rule == .exact, let statedExpression {
            judgement = judge.judgeExact(statedExpression: statedExpression, stated: stated, expression: expression, angleUnit: unit)
            // Equal to 40 digits, which is exact for integers below 10^40; a larger true value is written in
            // scientific notation. (385^990)^2 + (18^990)^2 = (385^990 + 18^990)(385^990 − 18^990) in CHAMP has sides
            // that differ by 2·18^1980, 2,600 digits below their size.
            if judgement.verdict == .correct && judgement.match == .equal && judgement.trueValue?.contains("e") == true
                && Self.residuesDiffer(expression, statedExpression)
            {
                judgement.verdict = .wrong
                judgement.match = .mismatch
            }
        } else {
            judgement = judge.judge(stated: stated, expression: expression, angleUnit: unit, rule: rule)
        }
        claim.verdict = judgement.verdict
        if negated && judgement.verdict != .unverified {
            claim.verdict = judgement.verdict == .correct ? .wrong : .correct
        }
        claim.reason = judgement.reason
        claim.finding = .value(ValueFinding(judgement, angleUnit: unit, rule: rule))
    }

    /// Whether `e` is an angle: an inverse trigonometric function, negated or scaled by a constant ("2 arcsin(x)").
    static func yieldsAngle(_ e: Expression) -> Bool {
        switch e {
        case .function(let f, _): return f.isInverseTrigonometric
        case .negate(let a), .divide(let a, .number): return yieldsAngle(a)
        case .multiply(.number, let a), .multiply(let a, .number): return yieldsAngle(a)
        default: return false
        }
    }

    /// "A mod m = r", "A ≡ r (mod m)": correct when m divides A − r. A is reduced modulo m as it is evaluated, so
    /// 4^105 or 10^1980 is never written out; only the exponents are computed exactly.
    private func checkResidue(_ claim: inout Claim, _ a: Expression, _ m: BigInteger, _ r: BigInteger) {
        let modulus = m.magnitude
        guard modulus.bitWidth <= Rational.maxBits, modulus > 1 else {
            unverified(&claim, modulus.isZero ? "modulo zero" : "unsupported modulus")
            return
        }
        guard let value = Self.residue(a, modulo: modulus), let stated = try? r.modulo(modulus) else {
            unverified(&claim, "unsupported form: not an integer expression of bounded size")
            return
        }
        claim.verdict = value == stated ? .correct : .wrong
        claim.expected = "≡ \(value) (mod \(modulus))"
        claim.evidence = [("remainder", value.description), ("modulus", modulus.description)]
    }

    /// "A ≡ B (mod m)" between integer expressions: correct when A and B leave the same remainder on division by m.
    private func checkCongruence(_ claim: inout Claim, _ a: Expression, _ b: Expression, _ m: BigInteger) {
        let modulus = m.magnitude
        guard modulus.bitWidth <= Rational.maxBits, modulus > 1 else {
            unverified(&claim, modulus.isZero ? "modulo zero" : "unsupported modulus")
            return
        }
        guard let left = Self.residue(a, modulo: modulus), let right = Self.residue(b, modulo: modulus) else {
            unverified(&claim, "unsupported form: not an integer expression of bounded size")
            return
        }
        claim.verdict = left == right ? .correct : .wrong
        claim.expected = "≡ \(left) (mod \(modulus))"
        claim.evidence = [
            ("remainder", left.description), ("stated_remainder", right.description), ("modulus", modulus.description),
        ]
    }

    /// The least non-negative residue modulo m (m > 1) of an integer expression of literals, +, −, × and powers with
    /// exact non-negative integer exponents of at most ``Rational/maxBits`` bits; nil for anything else.
    static func residue(_ e: Expression, modulo m: BigInteger) -> BigInteger? {
        switch e {
        case .number(let literal):
            guard literal.scale >= 0, let value = Rational(e) else { return nil }
            return try? value.num.modulo(m)
        case .negate(let a):
            guard let x = residue(a, modulo: m) else { return nil }
            return try? (-x).modulo(m)
        case .add(let a, let b): return combined(a, b, modulo: m, +)
        case .subtract(let a, let b): return combined(a, b, modulo: m, -)
        case .multiply(let a, let b): return combined(a, b, modulo: m, *)
        case .power(let a, let b):
            guard let base = residue(a, modulo: m), let exponent = Rational(b), exponent.den == 1,
                !exponent.num.isNegative
            else { return nil }
            return try? base.power(exponent.num, modulo: m)
        default:
            return nil
        }
    }

    /// Primes for ``residuesDiffer(_:_:)``: 2^61 − 1 (a Mersenne prime), 10^9 + 7 and 998244353.
    static let inequalityPrimes: [BigInteger] = [2_305_843_009_213_693_951, 1_000_000_007, 998_244_353]

    /// Whether two integer expressions (literals, +, −, × and powers, as ``residue(_:modulo:)`` reads them) leave
    /// different remainders modulo one of a few fixed primes, which proves them unequal. Integers too large for the
    /// exact comparison are equal to the 40 digits ``StatedValueJudge`` compares when they differ far below their
    /// size; their residues are computed exactly, exponents by modular powers, so the sizes cost nothing. Equal
    /// residues prove nothing (false for them, and for anything that is not an integer expression).
    static func residuesDiffer(_ a: Expression, _ b: Expression) -> Bool {
        for p in inequalityPrimes {
            guard let x = residue(a, modulo: p), let y = residue(b, modulo: p) else { return false }
            if x != y { return true }
        }
        return false
    }

    /// (a op b) mod m from the residues of a and b.
    private static func combined(
        _ a: Expression, _ b: Expression, modulo m: BigInteger, _ op: (BigInteger, BigInteger) -> BigInteger
    ) -> BigInteger? {
        guard let x = residue(a, modulo: m), let y = residue(b, modulo: m) else { return nil }
        return try? op(x, y).modulo(m)
    }

    func unverified(_ claim: inout Claim, _ reason: String) {
        claim.verdict = .unverified
        claim.reason = reason
    }
}
