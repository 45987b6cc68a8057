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
        let (truth, expected, remainder): (Bool, String, String)
        if let n = n.intValue, let d = d.intValue {
            let w = WordDivision(n, d)
            (truth, expected, remainder) = (w.divides, w.expected, w.remainderText)
        } else {
            (truth, expected, remainder) = Self.bigDivision(n, d)
        }
        claim.verdict = truth == divides ? .correct : .wrong
        claim.expected = expected
        claim.evidence = [("remainder", remainder)]
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

/// Division of one machine word by another with GMP's conventions, for divisibility claims on small numbers.
///
/// Works on magnitudes (`UInt`, 64 bits on every platform mathcheck builds for) so that no case can overflow (Int.min / -1 is 2^63, which no Int holds):
/// - the remainder shown is GMP's `mpz_mod`: the least non-negative residue of n modulo |d|;
/// - the exact quotient is `mpz_divexact`'s: |n| / |d| with the sign of n × d.
/// Tests compare it with the GMP path on 0, ±1, ±2, Int.min, Int.max and their neighbours.
struct WordDivision {
    let n: Int
    let d: Int
    /// |n| mod |d|.
    let magnitudeRemainder: UInt

    /// `d` must be nonzero.
    init(_ n: Int, _ d: Int) {
        precondition(d != 0, "division of a word by zero")
        self.n = n
        self.d = d
        magnitudeRemainder = n.magnitude % d.magnitude
    }

    var divides: Bool { magnitudeRemainder == 0 }

    /// n mod |d| in [0, |d|): for negative n a nonzero remainder counts back from |d|.
    var remainder: UInt {
        n >= 0 || magnitudeRemainder == 0 ? magnitudeRemainder : d.magnitude - magnitudeRemainder
    }

    var remainderText: String { String(remainder) }

    /// "d divides n: n = d × q" or "d does not divide n: remainder r", as ``ClaimChecker/bigDivision(_:_:)`` says it,
    /// written in one pass into one string (the numbers take at most 20 bytes each, the words 26).
    var expected: String {
        String(unsafeUninitializedCapacity: 6 * 20 + 32) { out in
            var count = 0
            func write(_ s: StaticString) {
                s.withUTF8Buffer { for b in $0 { out[count] = b; count += 1 } }
            }
            func write(_ magnitude: UInt, negative: Bool) {
                if negative {
                    out[count] = UInt8(ascii: "-")
                    count += 1
                }
                var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch, enough for 20 digits
                let length = withUnsafeMutableBytes(of: &digits) { scratch in
                    var v = magnitude
                    var k = 0
                    repeat {
                        scratch[k] = UInt8(ascii: "0") + UInt8(v % 10)
                        v /= 10
                        k += 1
                    } while v > 0
                    for m in 0..<k { out[count + m] = scratch[k - 1 - m] }
                    return k
                }
                count += length
            }
            write(d.magnitude, negative: d < 0)
            if divides {
                write(" divides ")
                write(n.magnitude, negative: n < 0)
                write(": ")
                write(n.magnitude, negative: n < 0)
                write(" = ")
                write(d.magnitude, negative: d < 0)
                write(" × ")
                let q = n.magnitude / d.magnitude
                write(q, negative: (n < 0) != (d < 0) && q != 0)
            } else {
                write(" does not divide ")
                write(n.magnitude, negative: n < 0)
                write(": remainder ")
                write(remainder, negative: false)
            }
            return count
        }
    }
}
