import Verifiers

/// Divisibility claims: "d divides N", "N is not divisible by d", "N is even".
extension ClaimChecker {
    /// Judges "d divides N" (`divides`) or its negation, with the truth in `expected` and the least non-negative
    /// remainder N mod |d| as evidence.
    ///
    /// Nearly every divisibility claim in real answers is about numbers that fit in a machine word ("17077 is not
    /// divisible by 3"); those take ``WordDivision``, which gives exactly the strings the GMP path gives without
    /// allocating a GMP value. Anything larger goes through ``BigInteger``.
    mutating func checkDivisibility(_ claim: inout Claim, _ n: BigInteger, _ d: BigInteger, _ divides: Bool) {
        guard !d.isZero else {
            unverified(&claim, "division by zero")
            return
        }
        if let n = n.intValue, let d = d.intValue {
            // Kept as numbers: the texts are written straight into the output (most claims in real answers).
            let w = WordDivision(n, d)
            claim.verdict = w.divides == divides ? .correct : .wrong
            claim.finding = .wordDivision(w)
            return
        }
        let (truth, expected, remainder) = Self.bigDivision(n, d)
        claim.verdict = truth == divides ? .correct : .wrong
        claim.finding = .text(expected: expected, evidence: [("remainder", remainder)])
    }

    /// The general path: whether d divides n, the expected text and the remainder, with GMP. `d` is nonzero.
    static func bigDivision(_ n: BigInteger, _ d: BigInteger) -> (Bool, String, String) {
        let truth = n.isDivisible(by: d)
        let r = (try? n.modulo(d)) ?? 0
        let expected =
            truth
            ? "\(d) divides \(n): \(n) = \(d) × \(n.dividedExactly(by: d))" : "\(d) does not divide \(n): remainder \(r)"
        return (truth, expected, r.description)
    }
}
