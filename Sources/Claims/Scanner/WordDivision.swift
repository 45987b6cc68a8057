import Verifiers

/// Division of one machine word by another with GMP's conventions, for divisibility claims on small numbers.
///
/// Works on magnitudes (`UInt`, 64 bits on every platform mathcheck builds for) so that no case can overflow
/// (Int.min / -1 is 2^63, which no Int holds):
/// - the remainder shown is GMP's `mpz_mod`: the least non-negative residue of n modulo |d|;
/// - the exact quotient is `mpz_divexact`'s: |n| / |d| with the sign of n × d.
/// Tests compare it with the GMP path on 0, ±1, ±2, Int.min, Int.max and their neighbours.
package struct WordDivision {
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
    package var remainder: UInt {
        n >= 0 || magnitudeRemainder == 0 ? magnitudeRemainder : d.magnitude - magnitudeRemainder
    }

    var remainderText: String { String(remainder) }

    /// The longest ``write(expectedInto:)`` writes: four numbers of at most 20 digits and a sign, and the words.
    package static var expectedCapacity: Int { 4 * 21 + 32 }

    /// "d divides n: n = d × q" or "d does not divide n: remainder r", as ``ClaimChecker/bigDivision(_:_:)`` says it.
    var expected: String { ASCIIWriter.text(capacity: Self.expectedCapacity, write(expectedInto:)) }

    /// Writes ``expected`` into `buffer` (at least ``expectedCapacity`` bytes) and returns its length.
    ///
    /// The text is digits, minus signs, ASCII words and "×": no byte of it needs a JSON escape.
    package func writeExpected(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        ASCIIWriter.write(into: buffer, write(expectedInto:))
    }

    /// Writes ``expected`` in one pass into a buffer of at least ``expectedCapacity`` bytes.
    func write(expectedInto out: inout ASCIIWriter) {
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
    }
}

/// Division with remainder of one machine word by another, for "N ÷ d = q remainder r" claims: GMP's `mpz_tdiv_qr`,
/// whose quotient is truncated toward zero and whose remainder has the sign of n, which is what Int's
/// `quotientAndRemainder(dividingBy:)` gives.
///
/// Only the operands are kept; quotient, remainder and texts are worked out when read or written.
package struct WordQuotient {
    let n: Int
    let d: Int

    /// Nil when d is zero or the quotient does not fit in a word (Int.min ÷ −1 is 2^63).
    init?(_ n: Int, _ d: Int) {
        guard d != 0, !(n == Int.min && d == -1) else { return nil }
        self.n = n
        self.d = d
    }

    package var quotient: Int { n / d }
    package var remainder: Int { n % d }

    /// The longest ``write(expectedInto:)`` writes: four numbers of at most 20 digits and a sign, and the words.
    package static var expectedCapacity: Int { 4 * 21 + 24 }

    /// "n ÷ d = q remainder r", as ``ClaimChecker`` says it for any division.
    var expected: String { ASCIIWriter.text(capacity: Self.expectedCapacity, write(expectedInto:)) }

    /// Writes ``expected`` into `buffer` (at least ``expectedCapacity`` bytes) and returns its length.
    ///
    /// The text is digits, minus signs, ASCII words and "÷": no byte of it needs a JSON escape.
    package func writeExpected(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        ASCIIWriter.write(into: buffer, write(expectedInto:))
    }

    /// Writes ``expected`` in one pass into a buffer of at least ``expectedCapacity`` bytes.
    func write(expectedInto out: inout ASCIIWriter) {
        out.write(n)
        out.write(" ÷ ")
        out.write(d)
        out.write(" = ")
        out.write(quotient)
        out.write(" remainder ")
        out.write(remainder)
    }
}
