import Verifiers

extension ClaimChecker {
    /// "Is A greater than B?" answered yes or no: the sign of A − B, evaluated with MPFR and correctly rounded, decides
    /// whether the comparison holds. A difference that cannot be told from zero and is not exactly zero leaves the
    /// claim unverified.
    func checkComparison(_ claim: inout Claim, _ a: Expression, _ relation: Comparison, _ b: Expression, _ holds: Bool) {
        let difference = Expression.subtract(a, b)
        let evaluation: Evaluation
        do {
            evaluation = try evaluator.evaluate(difference, text: "", precision: .significantDigits(20))
        } catch {
            claim.verdict = .unverified
            claim.reason = "the difference of the two sides could not be evaluated: \(error.message)"
            return
        }
        let value = evaluation.value
        let isZero = value.allSatisfy { $0 == "0" || $0 == "." || $0 == "-" }
        let sign: Int
        if isZero {
            guard evaluation.exact else {
                claim.verdict = .unverified
                claim.reason = "the two sides are too close to compare"
                return
            }
            sign = 0
        } else {
            sign = value.hasPrefix("-") ? -1 : 1
        }
        let truth = relation.holds(sign: sign)
        claim.verdict = truth == holds ? .correct : .wrong
        let relationText = "\(a.text) \(relation.rawValue) \(b.text)"
        claim.expected = "\(truth ? "true" : "false"): \(relationText)"
        claim.evidence = [("difference", value)]
    }
}
