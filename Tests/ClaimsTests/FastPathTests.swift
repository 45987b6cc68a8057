
import Testing

@testable import Claims
@testable import Verifiers

/// Every fast path of the audit must give exactly what the general path gives: the same verdict, the same
/// `expected` text, the same evidence. These tests run both on the edges of each fast path's range.
@Suite("Audit fast paths agree with the general paths")
struct FastPathTests {
    // MARK: - Divisibility in machine words

    static let wordEdges: [Int] = [
        0, 1, -1, 2, -2, 3, -3, 7, -7, 10, 91, -91, 4096, 1 << 32, -(1 << 32), Int.max, Int.max - 1, Int.min,
        Int.min + 1, Int.max / 2, Int.min / 2, 9_223_372_036_854_775_783, 1_000_000_007,
    ]

    @Test("decimals print as the padded digits with the point placed, for every sign, length and scale")
    func decimalText() {
        // The plain definition: digits left-padded with zeros to scale + 1, the point before the last `scale`.
        func reference(_ units: BigInteger, _ scale: Int) -> String {
            let digits = units.magnitude.description
            let sign = units.isNegative ? "-" : ""
            if scale <= 0 { return sign + digits + (units.isZero ? "" : String(repeating: "0", count: -scale)) }
            let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
            return sign + padded.dropLast(scale) + "." + padded.suffix(scale)
        }
        let values: [BigInteger] = [0, 1, -1, 7, -9, 10, 42, -305, 123_456_789, -1_000_000, BigInteger(Int.max),
            BigInteger(Int.min), BigInteger(Int.max) * 1000 + 7]
        for units in values {
            for scale in -3...25 {
                #expect(ExactDecimal(units: units, scale: scale).description == reference(units, scale))
            }
        }
    }

    @Test("scalar offsets counted eight bytes at a time equal a count of scalars, forward and back, in any text")
    func scalarOffsets() {
        let texts = [
            "plain ASCII only, long enough for several words of eight bytes",
            "sin(30°) = 1/2, √3/2 ≈ 0.866, 17 × 3 − 1 = 50 😀 done", "éééééééééééééééééé", "", "😀",
            String(repeating: "a×", count: 40),
            // A long ASCII start (read without counting), then scalars of every length.
            String(repeating: "ascii ", count: 9) + "é × 😀 and ASCII again, é",
        ]
        var state: UInt64 = 7
        for text in texts {
            let bytes = Array(text.utf8)
            // The true scalar offset of every byte offset that starts a scalar (and of the end).
            var truth: [Int: Int] = [:]
            var scalar = 0
            for (k, b) in bytes.enumerated() where b & 0xC0 != 0x80 {
                truth[k] = scalar
                scalar += 1
            }
            truth[bytes.count] = scalar
            let starts = truth.keys.sorted()
            bytes.withUnsafeBufferPointer { buffer in
                var offsets = ScalarOffsets(buffer)
                for _ in 0..<200 {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    let target = starts[Int(state >> 33) % starts.count]
                    #expect(offsets.scalarOffset(target) == truth[target], "\(text) at byte \(target)")
                }
            }
        }
    }

    @Test("word division: divides, expected text and remainder as GMP gives them", arguments: wordEdges)
    func wordDivision(n: Int) {
        for d in Self.wordEdges where d != 0 {
            let w = WordDivision(n, d)
            let (truth, expected, remainder) = ClaimChecker.bigDivision(BigInteger(n), BigInteger(d))
            #expect(w.divides == truth, "\(n) / \(d)")
            #expect(w.expected == expected, "\(n) / \(d)")
            #expect(w.remainderText == remainder, "\(n) / \(d)")
        }
    }

    @Test("divisibility claims around 2^63 and 2^64 take the GMP path and agree with it", arguments: [
        "9223372036854775807", "9223372036854775808", "9223372036854775809", "-9223372036854775808",
        "-9223372036854775809", "18446744073709551615", "18446744073709551616", "18446744073709551617",
        "340282366920938463463374607431768211457",
    ])
    func divisibilityNearWordEdges(text: String) throws {
        let n = try BigInteger(parsing: text)
        var checker = ClaimChecker(bounds: .standard)
        for d: BigInteger in [1, 2, 3, 7, -1, -2, BigInteger(Int.max), BigInteger(Int.min), n] {
            for divides in [true, false] {
                var claim = Claim(
                    kind: .divisibility, statement: .divisibility(n, divisor: d, divides: divides), bytes: 0..<1)
                checker.check(&claim)
                let (truth, expected, remainder) = ClaimChecker.bigDivision(n, d)
                #expect(claim.verdict == (truth == divides ? .correct : .wrong))
                #expect(claim.expected == expected)
                #expect(claim.evidence.map(\.1) == [remainder])
            }
        }
    }

    @Test("a zero divisor is unverified, never a trap")
    func zeroDivisor() {
        var checker = ClaimChecker(bounds: .standard)
        var claim = Claim(kind: .divisibility, statement: .divisibility(91, divisor: 0, divides: true), bytes: 0..<1)
        checker.check(&claim)
        #expect(claim.verdict == .unverified)
        #expect(claim.reason == "division by zero")
    }

    // MARK: - Small integers held inline

    @Test("a value held as a word and the same value in GMP storage are the same number", arguments: wordEdges)
    func wordAndStorage(n: Int) {
        let word = BigInteger(n)
        let stored = BigInteger(n) + BigInteger(0)  // a GMP result: held in storage
        #expect(word.word == n)
        #expect(stored.word == nil)
        #expect(word == stored)
        #expect(!(word < stored) && !(stored < word))
        #expect(word.hashValue == stored.hashValue)
        #expect(word.description == stored.description)
        #expect(word.description == String(n))
        #expect(word.signum == stored.signum)
        #expect(word.isEven == stored.isEven)
        #expect(word.bitWidth == stored.bitWidth)
        #expect(word.intValue == stored.intValue)
        #expect(word.uint64Value == stored.uint64Value)
        #expect(word.magnitude == stored.magnitude)
        #expect(word.magnitude.description == stored.magnitude.description)
        for m in [1, -1, 2, 3, Int.max, Int.min] {
            #expect((word < BigInteger(m)) == (stored < BigInteger(m) + BigInteger(0)))
        }
    }

    @Test("mutating a copy of a word never changes the original")
    func wordCopyOnWrite() {
        var a = BigInteger(7)
        let b = a
        a += BigInteger(1)
        a *= BigInteger(Int.max)
        #expect(b == 7)
        #expect(a == BigInteger(8) * BigInteger(Int.max))
        var c = BigInteger(Int.min)
        let d = c
        c *= BigInteger(-1)
        #expect(c.description == "9223372036854775808")
        #expect(d.description == "-9223372036854775808")
    }

    // MARK: - Decimals

    @Test("short decimals read in a machine word equal the general parser's", arguments: [
        "0", "-0", "+0", "5", "-5", "+5", "5.", ".5", "-.5", "0.5", "0.50", "007.250", "-0.0001",
        "123456789012345678", "12345678901234567.8", "1234567890123456789", "123456789.0123456789", "999999999999999999",
        "-999999999999999999", "", "-", "+", ".", "-.", "1.2.3", "--5", "+-5", "1e5", "1.5e-3", "1E3", "−0.5", "–2",
        " 1", "1 ", "1,5", "١٢", "0x10",
    ])
    func shortDecimals(text: String) {
        let fast = ExactDecimal(text)
        let general = ExactDecimal(general: text)
        #expect(fast?.units == general?.units, "\(text)")
        #expect(fast?.scale == general?.scale, "\(text)")
    }

    @Test("decimal literals print as the padded digits with the point placed", arguments: [
        ("0", 0, 0), ("5", 2, 0), ("1234", 2, 0), ("1234", 4, 0), ("1234", 7, 0), ("1", 1, 0), ("250", 1, 0),
        ("5", 2, 3), ("12", 0, -4),
    ])
    func literalText(digits: String, fractionDigits: Int, exponent: Int) {
        // The reference: String and Character edits.
        var text = digits
        if fractionDigits > 0 {
            let padded = String(repeating: "0", count: max(0, fractionDigits + 1 - text.count)) + text
            text = String(padded.dropLast(fractionDigits)) + "." + String(padded.suffix(fractionDigits))
        }
        let expected = exponent == 0 ? text : "\(text)e\(exponent)"
        let literal = DecimalLiteral(digits: digits, fractionDigits: fractionDigits, exponent: exponent)
        #expect(literal.description == expected)
    }

    @Test("a unit text from the table is ExactDecimal's", arguments: Array(-3...32))
    func unitTexts(place: Int) {
        #expect(StatedValueJudge.unitText(decimalPlace: place) == ExactDecimal.unit(decimalPlace: place).description)
    }

    @Test("128-bit numbers convert and print through a word exactly as they do directly")
    func wideIntegers() {
        let unsigned: [UInt128] = [
            0, 1, 9, 10, UInt128(UInt64.max) - 1, UInt128(UInt64.max), UInt128(UInt64.max) + 1, (1 << 53) + 1,
            (1 << 100) + 1, UInt128.max,
        ]
        for x in unsigned {
            #expect(StatedValueJudge.double(x) == Double(x), "\(x)")
            #expect(SmallRational.decimal(x) == String(x), "\(x)")
        }
        let signed: [Int128] = [
            0, 1, -1, Int128(Int64.max), Int128(Int64.max) + 1, Int128(Int64.min), Int128(Int64.min) - 1, Int128.max,
            Int128.min,
        ]
        for x in signed { #expect(SmallRational.decimal(x) == String(x), "\(x)") }
    }

    @Test("truncated decimals are the digits of the quotient with the point placed", arguments: [
        (17077, 7), (-17077, 7), (1, 3), (-1, 3), (2, 1), (0, 5), (-1, 100_000), (1, 1_000_000_007), (10, 4),
    ])
    func truncation(num: Int, den: Int) throws {
        let r = try #require(SmallRational(Int128(num), Int128(den)))
        for places in [0, 1, 2, 5, 12, 30] {
            // The reference: the quotient of |num|·10^places by den, written out with String and Character edits.
            let q = UInt128(num.magnitude) * UInt128(SmallRational.powersOfTen[places]) / UInt128(den.magnitude)
            var digits = String(q)
            if places > 0 {
                if digits.count <= places { digits = String(repeating: "0", count: places + 1 - digits.count) + digits }
                digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
            }
            let expected = (num < 0 && q != 0 ? "-" : "") + digits
            #expect(r.truncated(places: places) == expected, "\(num)/\(den) to \(places)")
        }
    }

    @Test("the byte checks before trimming and minus-sign replacement change nothing", arguments: [
        "0.5", " 0.5", "0.5 ", "\u{00A0}0.5", "0.5\u{2009}", "−0.5", "–0.5", "-0.5", "x", "", " ", "é", "−", "0.5é",
        "\t1\n",
    ])
    func stringChecks(text: String) {
        let trimmed =
            text.first?.isWhitespace == true || text.last?.isWhitespace == true
            ? String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()) : text
        #expect(text.trimmingSpaces == trimmed)
        #expect(text.replacingMinusSigns == String(text.map { $0 == "−" || $0 == "–" ? "-" : $0 }))
    }

    // MARK: - Tokens

    /// Runs `body` on the tokens of `text`, with the stream pointing into the text's bytes.
    static func withStream<R>(_ text: String, _ body: (TokenStream) -> R) -> R {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { p in
            var tokens: [Token] = []
            Tokenizer.tokenize(p, into: &tokens)
            return body(TokenStream(bytes: p, tokens: tokens))
        }
    }

    @Test("integers read from token bytes equal the parsed digits", arguments: [
        "0", "007", "91", "999999999999999999", "1000000000000000000", "9223372036854775807", "9223372036854775808",
        "18446744073709551616", "34,792,834", "34 792 834", "34\\,792\\,834", "1{,}000{,}000", "34\u{2009}792\u{2009}834",
        "123456789012345678901234567890", "0.5", "1e22",
    ])
    func integers(text: String) {
        Self.withStream(text) { s in
            #expect(s.count >= 1)
            let direct = s.kind(0) == .number && !s[0].hasPoint ? try? BigInteger(parsing: s.numberText(0)) : nil
            #expect(s.integer(0) == direct, "\(text)")
        }
    }

    @Test("literals read from token bytes equal the literals read from the number text", arguments: [
        "0", "00", "007", "0.05", "12.50", "000.000", "1,234.5", "34 792 834.25", "1e22", "1.5E-3", "2.5e+3",
        "123456789012345678901234567890.125", "3.14159265358979323846",
    ])
    func literals(text: String) {
        Self.withStream(text) { s in
            let reader = ExpressionReader(s, from: 0, to: s.count)
            #expect(reader.literal(at: 0) == reader.literal(s.numberText(0)), "\(text)")
        }
    }

    @Test("word sets match exactly the words the lists match", arguments: [
        "if", "IF", "If", "whether", "let's", "LET'S", "let’s", "lets", "hypothetically", "HYPOTHETICALLY",
        "hypotheticallx", "potentially", "necessarily", "undoubtedly", "undoubtedlyy", "not", "never", "nevermore",
        "a", "an", "A", "yes", "no", "YES", "No", "x", "e", "prime", "can't", "cannot", "isn't", "isnt",
    ])
    func wordSets(word: String) {
        let lists: [[StaticString]] = [
            ["if", "suppose", "supposing", "assume", "assuming", "whether", "unless", "were", "would", "could",
             "should", "might", "may", "let", "let's", "hypothetically", "otherwise", "asked", "ask", "asking",
             "question"],
            ["probably", "likely", "possibly", "perhaps", "maybe", "might", "may", "could", "seems", "appears", "seem",
             "appear", "believe", "think", "guess", "suspect", "unlikely", "potentially", "necessarily"],
            ["also", "indeed", "undoubtedly", "evenly"], ["is", "isn't", "isnt", "it's", "can", "cannot", "can't"],
            ["not", "never"], ["a", "an"], ["yes", "no"],
        ]
        Self.withStream(word) { s in
            for list in lists {
                #expect(s.isWord(0, in: WordSet(list)) == s.isWord(0, in: list), "\(word)")
            }
        }
    }

    @Test("function names are found whatever the first-letter and length filter rules out")
    func functionNames() {
        let names = ExpressionReader.functionNames.map { "\($0.0)" } + ClaimScanner.functionWords.map { "\($0.0)" }
        let others = [
            "the", "tan", "Tangent", "SIN", "sinus", "cosine", "Arctangent", "squares", "natural", "log", "lg", "COTANGENT",
            "cotangens", "arctangenz", "arccosinE", "Log_{10}", "LOG₁₀", "log₁₁", "log_{2}", "lb", "Ln", "can", "check",
            "cosecant", "cosecans", "tg", "exp", "expo",
        ]
        for word in names + others {
            Self.withStream(word) { s in
                #expect(s.count == 1)
                let (start, end) = (s[0].start, s[0].end)
                let formula = TokenStream.lookup(s.bytes, start, end, ExpressionReader.functionNames)
                let prose = TokenStream.lookup(s.bytes, start, end, ClaimScanner.functionWords)
                #expect(s[0].formulaFunction == formula, "\(word)")
                #expect(s[0].proseFunction == prose, "\(word)")
            }
        }
    }
}
