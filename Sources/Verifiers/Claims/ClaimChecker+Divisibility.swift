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
        String(unsafeUninitializedCapacity: 6 * 20 + 32) { buffer in
            var out = ASCIIWriter(buffer)
            out.write(d)
            if divides {
                out.write(" divides ")
                out.write(n)
                out.write(": ")
                out.write(n)
                out.write(" = ")
                out.write(d)
                out.write(" × ")
                let q = n.magnitude / d.magnitude
                out.write(q, negative: (n < 0) != (d < 0) && q != 0)
            } else {
                out.write(" does not divide ")
                out.write(n)
                out.write(": remainder ")
                out.write(remainder, negative: false)
            }
            return out.count
        }
    }
}

/// Writes literals and decimal integers into a buffer the caller sized, for texts built in one pass.
struct ASCIIWriter {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    @inline(__always)
    mutating func write(_ s: StaticString) {
        let p = s.utf8Start
        for k in 0..<s.utf8CodeUnitCount { buffer[count + k] = p[k] }
        count += s.utf8CodeUnitCount
    }

    /// `String(value)`'s digits.
    mutating func write(_ value: Int) { write(value.magnitude, negative: value < 0) }

    /// The digits of `magnitude`, after a minus sign when `negative`.
    mutating func write(_ magnitude: UInt, negative: Bool) {
        if negative {
            buffer[count] = UInt8(ascii: "-")
            count += 1
        }
        var length = 1
        var v = magnitude / 10
        while v > 0 {
            length += 1
            v /= 10
        }
        v = magnitude
        for k in stride(from: count + length - 1, through: count, by: -1) {
            buffer[k] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: v % 10)
            v /= 10
        }
        count += length
    }
}
