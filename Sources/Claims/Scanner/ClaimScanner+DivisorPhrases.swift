import Verifiers

/// Divisors and factorizations in words: "7 divides 91", "the prime factorization of 91 is 7 × 13", "the prime
/// factors of 91 are 7 and 13".
extension ClaimScanner {
    /// "d divides N", "d does not divide N", "d doesn't divide N".
    mutating func dividesPhrase(at i: Int) -> Int? {
        // The words first: parsing a number costs an allocation, and most numbers are not followed by "divides".
        guard stream.kind(i) == .number, stream.isWord(i + 1, in: Self.dividesStarts), !continuesBefore(number: i),
            !stream.isWord(i - 1, in: Self.objectBefore), let d = stream.integer(i)
        else {
            return nil
        }
        var j = i + 1
        var negated = false
        if stream.isWord(j, in: Self.doesOrDo), stream.isWord(j + 1, "not") {
            negated = true
            j += 2
        } else if stream.isWord(j, in: Self.doesNot) {
            negated = true
            j += 1
        }
        if stream.isWord(j, in: Self.evenlyOrExactly) { j += 1 }
        guard stream.isWord(j, negated ? "divide" : "divides"), isWholeOperand(j + 1), let n = stream.integer(j + 1)
        else { return nil }
        if isHypothetical(i) { return nil }
        add(.divisibility, .divisibility(n, divisor: d, divides: !negated), i, j + 2)
        return j + 2
    }

    /// "The prime factorization of N is 5 × 7² × 2383" (or ":" or "=").
    mutating func factorizationPhrase(at i: Int) -> Int? {
        guard stream.isWord(i, in: Self.factorizationWords) else { return nil }
        var n: BigInteger
        var k: Int
        if stream.isWord(i + 1, "of"), let m = stream.integer(i + 2) {
            n = m
            k = i + 3
        } else if stream.isWord(i - 1, "its") || stream.isWord(i - 2, "its"), let m = question.subject {
            n = m  // "Its prime factorization is …"
            k = i + 1
        } else {
            return nil
        }
        guard stream.isWord(k, "is") || stream.kind(k) == .colon else { return nil }
        guard
            let (product, shape, end) = ExpressionReader.longest(
                stream, from: k + 1, accept: { !$1.hasDivision && $1.factors(of: $0) != nil }),
            let factors = shape.factors(of: product), !isHypothetical(i)
        else { return nil }
        let primes = stream.isWord(i - 1, "prime")
        add(.factorization, .factorization(n, factors: factors, primes: primes), i - (primes ? 1 : 0), end)
        return end
    }

    /// "The prime factors of N are p, q and r".
    mutating func primeFactorsPhrase(at i: Int) -> Int? {
        guard stream.isWord(i, "prime"), stream.isWord(i + 1, "factors"), stream.isWord(i + 2, "of"),
            let n = stream.integer(i + 3), stream.isWord(i + 4, "are")
        else { return nil }
        let (list, end) = numberList(from: i + 5)
        guard !list.isEmpty, !isHypothetical(i) else { return nil }
        add(.factorization, .primeFactors(n, list), i, end)
        return end
    }
}
