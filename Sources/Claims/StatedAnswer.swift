public import Verifiers

/// What a claim says the answer is, in a form that can be compared with a reference answer.
///
/// A reference answer ("Yes", "2 × 17396417", "0.66", "√3/2") says what a response should conclude; grading a
/// response against it needs the response's conclusion by value, not as text.
public enum StatedAnswer: Sendable, Equatable {
    /// A yes/no conclusion: "N is prime" is yes to "Is N prime?", "N is not divisible by d" is no to "Is N divisible
    /// by d?".
    case yesNo(Bool)
    /// A factorization: every factor, with repetition, in the order written.
    case factors([BigInteger])
    /// A value as written ("0.66009", "√3/2", "-1/2"), with its parsed form when it is an exact form.
    case value(String, exact: Expression?)
    /// A quotient and remainder from "N ÷ d = q remainder r".
    case quotient(BigInteger, remainder: BigInteger?)
}

extension Claim {
    /// The conclusion this claim states.
    public var statedAnswer: StatedAnswer {
        switch statement {
        case .primality(_, let isPrime): return .yesNo(isPrime)
        case .comparison(_, _, _, let holds): return .yesNo(holds)
        case .divisibility(_, _, let divides): return .yesNo(divides)
        case .division(_, _, let quotient, let remainder): return .quotient(quotient, remainder: remainder)
        case .factorization(_, let factors, _):
            var all: [BigInteger] = []
            for (base, exponent) in factors {
                // Exponents in a claim are small (the product was checked); a huge one is listed once.
                let count = exponent.intValue.map { min($0, 64) } ?? 1
                all.append(contentsOf: repeatElement(base, count: max(count, 1)))
            }
            return .factors(all)
        case .primeFactors(_, let primes): return .factors(primes)
        case .residue(_, _, let residue): return .value(residue.description, exact: nil)
        case .congruent(_, let right, _): return .value(right.text, exact: right)
        case .value(_, let stated, let statedExpression, _, _, let negated):
            // "cos(x) ≠ 0.5" states no value; it is reported as written and compares with nothing.
            return .value(negated ? "≠ " + stated : stated, exact: statedExpression)
        }
    }
}
