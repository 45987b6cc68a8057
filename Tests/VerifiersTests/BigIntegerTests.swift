import Testing
@testable import Verifiers

@Suite("BigInteger: exact integers over GMP")
struct BigIntegerTests {
    @Test("strict decimal parsing rejects what GMP would silently accept", arguments: [
        " 1 2 3", "1 2", "", "-", "+", "12a", "0x10", "1e5", "1.0", "١٢٣", "1_000", "--1",
    ])
    func rejectsMalformed(text: String) {
        #expect(throws: VerifierError.self) { try BigInteger(parsing: text) }
    }

    @Test("parses and prints decimal round trip", arguments: [
        "0", "-0", "+7", "-1", "34792834", "18446744073709551616", "-340282366920938463463374607431768211457",
    ])
    func roundTrip(text: String) throws {
        let n = try BigInteger(parsing: text)
        var expected = text.hasPrefix("+") ? String(text.dropFirst()) : text
        if expected == "-0" { expected = "0" }
        #expect(n.description == expected)
    }

    @Test("refuses integers past the digit bound before calling GMP")
    func digitBound() {
        var bounds = Bounds()
        bounds.maxIntegerDigits = 10
        #expect(throws: VerifierError(.tooLarge, "the integer has 11 digits; the limit is 10")) {
            try BigInteger(parsing: "12345678901", bounds: bounds)
        }
    }

    @Test("arithmetic is exact")
    func arithmetic() throws {
        let a = try BigInteger(parsing: "123456789012345678901234567890")
        let b = try BigInteger(parsing: "987654321098765432109876543210")
        #expect((a * b).description == "121932631137021795226185032733622923332237463801111263526900")
        #expect((b - a).description == "864197532086419753208641975320")
        #expect((a + b - b) == a)
        let (q, r) = try b.quotientAndRemainder(dividingBy: a)
        #expect(q * a + r == b)
        #expect(r < a && !r.isNegative)
        let (q2, r2) = try BigInteger(-7).quotientAndRemainder(dividingBy: 2)
        #expect(q2 == -3 && r2 == -1)  // truncating, like Swift's Int
        #expect(try BigInteger(-7).modulo(3) == 2)
        #expect(BigInteger.gcd(a, b).description == "9000000000900000000090")
        #expect(try BigInteger(2).power(127) - 1 == (try BigInteger(parsing: "170141183460469231731687303715884105727")))
        #expect(BigInteger(34792834).isDivisible(by: 2) && !BigInteger(34792835).isDivisible(by: 2))
    }

    @Test("division and modulo by zero throw instead of killing the process")
    func divisionByZero() {
        #expect(throws: VerifierError.self) { try BigInteger(5).quotientAndRemainder(dividingBy: 0) }
        #expect(throws: VerifierError.self) { try BigInteger(5).modulo(0) }
        #expect(throws: VerifierError.self) { try BigInteger(5).power(3, modulo: 0) }
    }

    @Test("powers past the size bound are refused up front: 2^(2^64)")
    func powerBound() throws {
        let huge = try BigInteger(2).power(64)
        #expect(throws: VerifierError.self) { try BigInteger(2).power(huge) }
        #expect(throws: VerifierError.self) { try BigInteger(10).power(10_000_000) }
        #expect(try BigInteger(1).power(huge) == 1)
        #expect(try BigInteger(-1).power(huge) == 1)
        #expect(try BigInteger(0).power(huge) == 0)
    }

    @Test("a mutation never changes a copy (copy-on-write)")
    func copyOnWrite() {
        let a = BigInteger(41)
        var b = a
        b += 1
        #expect(a == 41 && b == 42)
        var c = b
        c *= c
        #expect(b == 42 && c == 1764)
    }

    @Test("equal values are equal and hash alike whatever their storage")
    func hashing() throws {
        let a = try BigInteger(parsing: "340282366920938463463374607431768211457")
        let b = try BigInteger(2).power(128) + 1
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b, BigInteger(0) - a]).count == 2)
        #expect(a == a)  // the same storage read twice in one call
    }

    @Test("word conversions")
    func words() throws {
        #expect(BigInteger(-5).intValue == -5)
        #expect(BigInteger(-5).uint64Value == nil)
        #expect(try BigInteger(parsing: "18446744073709551615").uint64Value == UInt64.max)
        #expect(try BigInteger(parsing: "18446744073709551616").uint64Value == nil)
        #expect(try BigInteger(2).power(64).bitWidth == 65)
    }
}
