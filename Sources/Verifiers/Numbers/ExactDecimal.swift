/// An exact decimal number: `units × 10^(−scale)`.
///
/// Used to compare a stated decimal with the true value digit for digit, never through binary floating point.
public struct ExactDecimal: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var units: BigInteger
    public var scale: Int

    public init(units: BigInteger, scale: Int) {
        self.units = units
        self.scale = scale
    }

    /// Parses a plain or scientific decimal: an optional sign, digits, an optional point and fraction, an optional
    /// `e` exponent. Returns nil for anything else.
    public init?(_ text: some StringProtocol) {
        // Read in place when the text is stored contiguously (nearly always): the same bytes, without an index walk.
        let short =
            text.utf8.withContiguousStorageIfAvailable { Self.shortPlainDecimal($0) }
            ?? Self.shortPlainDecimal(text.utf8)
        if let (units, scale) = short {
            self.init(units: BigInteger(units), scale: scale)
        } else if let long = text.utf8.withContiguousStorageIfAvailable(Self.longPlainDecimal) ?? nil {
            self = long
        } else {
            self.init(general: text)
        }
    }

    /// The general parser behind ``init(_:)``; tests compare the fast path with it.
    init?(general text: some StringProtocol) {
        var body = Substring(text)
        var negative = false
        if let first = body.first, first == "-" || first == "−" || first == "+" {
            negative = first != "+"
            body = body.dropFirst()
        }
        var exponent = 0
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let exponentText = body[body.index(after: e)...]
            guard let value = Int(exponentText.hasPrefix("+") ? exponentText.dropFirst() : exponentText),
                abs(value) < 100_000
            else { return nil }
            exponent = value
            body = body[..<e]
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, parts.count <= 2, !(whole.isEmpty && (parts.count < 2 || parts[1].isEmpty))
        else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber }),
            let units = try? BigInteger(parsing: whole.isEmpty && fraction.isEmpty ? "0" : String(whole + fraction))
        else { return nil }
        self.units = negative ? -units : units
        self.scale = fraction.count - exponent
    }

    /// The fast path of ``init(_:)`` for what stated values nearly always are: ASCII "[+|-]digits[.digits]" with at
    /// most 18 digits, which fit in an Int. Returns (units, scale) as the general parser would, or nil to leave
    /// the text (longer numbers, exponents, typographic minus signs, anything invalid) to it.
    static func shortPlainDecimal(_ utf8: some Collection<UInt8>) -> (Int, Int)? {
        var rest = utf8[...]
        let negative = rest.first == UInt8(ascii: "-")
        if negative || rest.first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        var units = 0
        var digits = 0
        var fractionDigits = 0
        var point = false
        for b in rest {
            if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                digits += 1
                guard digits <= 18 else { return nil }
                units = units * 10 + Int(b - UInt8(ascii: "0"))
                if point { fractionDigits += 1 }
            } else if b == UInt8(ascii: ".") && !point {
                point = true
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }  // "", "-", ".", "-." are not numbers
        return (negative ? -units : units, fractionDigits)
    }

    // MARK: - Arithmetic

    // Units held in a machine word take exact Int arithmetic with overflow checks, and fall back to GMP on overflow:
    // the same integers either way, so the same results (`/` on Int truncates toward zero, as GMP's tdiv does).

    /// 10^k for 0 ≤ k ≤ 18: every power of ten an Int holds.
    static let wordPowersOfTen: [Int] = (0...18).map { k in (0..<k).reduce(1) { r, _ in r * 10 } }

    /// units × 10^k as a word, or nil when the units are not a word, k is out of 0...18 or the product overflows.
    @inline(__always)
    static func wordUnits(_ units: BigInteger, times k: Int) -> Int? {
        guard let w = units.word, k >= 0, k < wordPowersOfTen.count else { return nil }
        let (product, overflow) = w.multipliedReportingOverflow(by: wordPowersOfTen[k])
        return overflow ? nil : product
    }

    /// The units of a and b at their common (larger) scale, as words, when both fit.
    @inline(__always)
    static func alignedWords(_ a: ExactDecimal, _ b: ExactDecimal) -> (Int, Int, Int)? {
        let s = max(a.scale, b.scale)
        guard let x = wordUnits(a.units, times: s - a.scale), let y = wordUnits(b.units, times: s - b.scale) else {
            return nil
        }
        return (x, y, s)
    }

    /// What the general parser gives for a plain ASCII decimal of any length, "[+|-]digits[.digits]" (the true values
    /// the judge reads back have up to a hundred digits), read from the bytes instead of through Characters: the
    /// digits without the point, parsed as one integer, negated after a minus sign, with the digits after the point
    /// as the scale. Nil, leaving the text to the general parser, for anything else (an exponent, a typographic
    /// minus sign, a second point) or when the integer is refused.
    static func longPlainDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
        var rest = bytes[...]
        let negative = rest.first == UInt8(ascii: "-")
        if negative || rest.first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        var digits: [UInt8] = []
        digits.reserveCapacity(rest.count)
        var fractionDigits = 0
        var point = false
        for b in rest {
            if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                digits.append(b)
                if point { fractionDigits += 1 }
            } else if b == UInt8(ascii: ".") && !point {
                point = true
            } else {
                return nil
            }
        }
        guard !digits.isEmpty, let units = try? BigInteger(parsing: String(decoding: digits, as: UTF8.self)) else {
            return nil
        }
        return ExactDecimal(units: negative ? -units : units, scale: fractionDigits)
    }

    /// The decimal with its scale raised to `scale` (exact when `scale` ≥ the current one).
    public func rescaled(to newScale: Int) -> ExactDecimal {
        if newScale == scale { return self }
        if newScale > scale, let w = Self.wordUnits(units, times: newScale - scale) {
            return ExactDecimal(units: BigInteger(w), scale: newScale)
        }
        if newScale < scale, let w = units.word, scale - newScale < Self.wordPowersOfTen.count {
            return ExactDecimal(units: BigInteger(w / Self.wordPowersOfTen[scale - newScale]), scale: newScale)
        }
        if newScale > scale {
            let factor = (try? BigInteger(10).power(BigInteger(newScale - scale))) ?? 1
            return ExactDecimal(units: units * factor, scale: newScale)
        }
        let factor = (try? BigInteger(10).power(BigInteger(scale - newScale))) ?? 1
        let q = (try? units.quotientAndRemainder(dividingBy: factor).quotient) ?? 0
        return ExactDecimal(units: q, scale: newScale)
    }

    public static func aligned(_ a: ExactDecimal, _ b: ExactDecimal) -> (BigInteger, BigInteger, Int) {
        let s = max(a.scale, b.scale)
        return (a.rescaled(to: s).units, b.rescaled(to: s).units, s)
    }

    public static func - (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        if let (x, y, s) = alignedWords(a, b) {
            let (difference, overflow) = x.subtractingReportingOverflow(y)
            if !overflow { return ExactDecimal(units: BigInteger(difference), scale: s) }
        }
        let (x, y, s) = aligned(a, b)
        return ExactDecimal(units: x - y, scale: s)
    }

    public static func + (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        if let (x, y, s) = alignedWords(a, b) {
            let (sum, overflow) = x.addingReportingOverflow(y)
            if !overflow { return ExactDecimal(units: BigInteger(sum), scale: s) }
        }
        let (x, y, s) = aligned(a, b)
        return ExactDecimal(units: x + y, scale: s)
    }

    public static func == (a: ExactDecimal, b: ExactDecimal) -> Bool {
        if let (x, y, _) = alignedWords(a, b) { return x == y }
        let (x, y, _) = aligned(a, b)
        return x == y
    }

    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool {
        if let (x, y, _) = alignedWords(a, b) { return x < y }
        let (x, y, _) = aligned(a, b)
        return x < y
    }

    public var magnitude: ExactDecimal { ExactDecimal(units: units.magnitude, scale: scale) }
    public var isZero: Bool { units.isZero }

    /// 10^(−k): one unit in the k-th decimal place.
    public static func unit(decimalPlace k: Int) -> ExactDecimal {
        k >= 0 ? ExactDecimal(units: 1, scale: k) : ExactDecimal(units: (try? BigInteger(10).power(BigInteger(-k))) ?? 1, scale: 0)
    }

    /// Plain decimal notation with exactly `scale` digits after the point (none when scale ≤ 0).
    public var description: String {
        var digits = units.magnitude.description
        let sign = units.isNegative ? "-" : ""
        if scale <= 0 { return sign + digits + (units.isZero ? "" : String(repeating: "0", count: -scale)) }
        // The digits left-padded with zeros to at least scale + 1, with the point before the last `scale`: written in
        // one pass into one string (this runs for every decimal the judge shows).
        return digits.withUTF8 { d in
            let zeros = max(0, scale + 1 - d.count)
            let padded = zeros + d.count
            let point = padded - scale
            let length = sign.utf8.count + padded + 1
            return String(unsafeUninitializedCapacity: length) { out in
                var k = 0
                if !sign.isEmpty {
                    out[0] = UInt8(ascii: "-")
                    k = 1
                }
                for p in 0..<padded {
                    if p == point {
                        out[k] = UInt8(ascii: ".")
                        k += 1
                    }
                    out[k] = p < zeros ? UInt8(ascii: "0") : d[p - zeros]
                    k += 1
                }
                return k
            }
        }
    }
}
