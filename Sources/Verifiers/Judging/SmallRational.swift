/// An exact fraction of machine integers (Int128, overflow-checked), the fast path for the stated-value rule when
/// both the expression and the stated decimal are small: "17077 ÷ 7 = 2439.57", "92 × 9 = 828".
///
/// Every operation reports overflow by returning nil, and the judge then falls back to the general path, so the
/// fast path never changes a verdict, only its cost.
struct SmallRational {
    var num: Int128
    var den: Int128  // > 0

    init?(_ num: Int128, _ den: Int128) {
        guard den != 0 else { return nil }
        self.num = den < 0 ? -num : num
        self.den = den < 0 ? -den : den
    }

    static let powersOfTen: [Int128] = (0...36).map { k in (0..<k).reduce(Int128(1)) { r, _ in r * 10 } }

    /// The value of an expression of decimal literals with + − × ÷ and small integer powers.
    init?(_ e: Expression) {
        switch e {
        case .number(let literal):
            guard literal.digits.utf8.count <= 30, let digits = Self.integer(literal.digits), abs(literal.scale) <= 30
            else {
                return nil
            }
            if literal.scale >= 0 {
                let (v, o) = digits.multipliedReportingOverflow(by: Self.powersOfTen[literal.scale])
                guard !o else { return nil }
                self.init(v, 1)
            } else {
                self.init(digits, Self.powersOfTen[-literal.scale])
                reduce()
            }
        case .negate(let a):
            guard let x = SmallRational(a) else { return nil }
            self.init(-x.num, x.den)
        case .radians(let a):
            guard let x = SmallRational(a) else { return nil }
            self = x
        case .add(let a, let b), .subtract(let a, let b):
            guard let x = SmallRational(a), let y = SmallRational(b) else { return nil }
            let (p, o1) = x.num.multipliedReportingOverflow(by: y.den)
            let (q, o2) = y.num.multipliedReportingOverflow(by: x.den)
            let (d, o3) = x.den.multipliedReportingOverflow(by: y.den)
            guard !o1, !o2, !o3 else { return nil }
            let (n, o4): (Int128, Bool)
            if case .add = e { (n, o4) = p.addingReportingOverflow(q) } else { (n, o4) = p.subtractingReportingOverflow(q) }
            guard !o4 else { return nil }
            self.init(n, d)
            reduce()
        case .multiply(let a, let b):
            guard let x = SmallRational(a), let y = SmallRational(b) else { return nil }
            let (n, o1) = x.num.multipliedReportingOverflow(by: y.num)
            let (d, o2) = x.den.multipliedReportingOverflow(by: y.den)
            guard !o1, !o2 else { return nil }
            self.init(n, d)
            reduce()
        case .divide(let a, let b):
            guard let x = SmallRational(a), let y = SmallRational(b), y.num != 0 else { return nil }
            let (n, o1) = x.num.multipliedReportingOverflow(by: y.den)
            let (d, o2) = x.den.multipliedReportingOverflow(by: y.num)
            guard !o1, !o2 else { return nil }
            self.init(n, d)
            reduce()
        case .power(let a, let b):
            guard let x = SmallRational(a), let y = SmallRational(b), y.den == 1, y.num >= 0, y.num <= 128 else {
                return nil
            }
            var n: Int128 = 1
            var d: Int128 = 1
            for _ in 0..<Int(y.num) {
                let (n2, o1) = n.multipliedReportingOverflow(by: x.num)
                let (d2, o2) = d.multipliedReportingOverflow(by: x.den)
                guard !o1, !o2 else { return nil }
                n = n2
                d = d2
            }
            self.init(n, d)
            reduce()
        default:
            return nil
        }
    }

    /// `Int128(text)` for a text of at most 30 bytes: ASCII digits are read in place (10^30 < 2^127, so they cannot
    /// overflow); anything else (a sign, an empty text) goes to the standard parser.
    static func integer(_ text: String) -> Int128? {
        let value = text.utf8.withContiguousStorageIfAvailable { bytes -> Int128? in
            guard !bytes.isEmpty, bytes.count <= 30 else { return nil }
            var value: Int128 = 0
            for b in bytes {
                guard b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") else { return nil }
                value = value &* 10 &+ Int128(b &- UInt8(ascii: "0"))  // below 10^30 < 2^127: no overflow
            }
            return value
        }
        if let parsed = value ?? nil { return parsed }  // nil: not stored contiguously, or not plain digits
        return Int128(text)
    }

    private mutating func reduce() {
        var a = num.magnitude
        var b = den.magnitude
        if a <= UInt128(UInt64.max) && b <= UInt128(UInt64.max) {
            // The same Euclid steps in words (the 128-bit remainder is a library call).
            var (x, y) = (UInt64(a), UInt64(b))
            while y != 0 { (x, y) = (y, x % y) }
            a = UInt128(x)
        } else {
            while b != 0 { (a, b) = (b, a % b) }
        }
        if a > 1 {
            num /= Int128(a)
            den /= Int128(a)
        }
    }

    /// The value to `places` decimals, truncated toward zero, as text ("2439.5714285").
    ///
    /// The digits of q = ⌊|num|·10^places / den⌋, zero-padded to at least places + 1, with a point before the last
    /// `places` and a minus sign when the value is negative and q is not zero: written from the last digit back, into
    /// one string of the exact length.
    func truncated(places: Int) -> String? {
        guard places <= 30 else { return nil }
        let (scaled, o) = num.magnitude.multipliedReportingOverflow(by: UInt128(Self.powersOfTen[places]))
        guard !o else { return nil }
        let q = scaled / den.magnitude
        let negative = num < 0 && q != 0
        // Digits of q in a word when it fits (the 128-bit division by ten is slow), else in 128 bits.
        return q <= UInt128(UInt64.max)
            ? Self.pointed(UInt64(q), places: places, negative: negative)
            : Self.pointed(q, places: places, negative: negative)
    }

    /// The digits of q with a point before the last `places` (zero-padded to places + 1 digits), after a minus sign
    /// when `negative`.
    static func pointed<Digits: FixedWidthInteger & UnsignedInteger>(_ q: Digits, places: Int, negative: Bool)
        -> String
    {
        var digitCount = 1
        var rest = q / 10
        while rest > 0 {
            digitCount += 1
            rest /= 10
        }
        let whole = max(1, digitCount - places)  // digits before the point: at least "0"
        let length = (negative ? 1 : 0) + whole + (places > 0 ? places + 1 : 0)
        return String(unsafeUninitializedCapacity: length) { out in
            var k = length
            var v = q
            if places > 0 {
                for _ in 0..<places {
                    k -= 1
                    out[k] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v % 10)
                    v /= 10
                }
                k -= 1
                out[k] = UInt8(ascii: ".")
            }
            repeat {
                k -= 1
                out[k] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v % 10)
                v /= 10
            } while v > 0
            if negative { out[0] = UInt8(ascii: "-") }
            return length
        }
    }

    /// `String(x)`, through a machine word when x fits in one (the generic 128-bit formatting is slow).
    static func decimal(_ x: UInt128) -> String {
        x <= UInt128(UInt64.max) ? String(UInt64(x)) : String(x)
    }

    /// `String(x)`, through a machine word when x fits in one.
    static func decimal(_ x: Int128) -> String {
        x >= Int128(Int64.min) && x <= Int128(Int64.max) ? String(Int64(x)) : String(x)
    }
}

extension StatedValueJudge {
    /// The stated-value rule decided in machine integers, or nil when the numbers are too big for it.
    func judgeSmall(stated: String, value y: ExactDecimal, truth t: SmallRational, rule: StatedValueRule) -> Judgement? {
        guard let m = y.units.intValue, y.scale >= 0, y.scale <= 18 else { return nil }
        let k = y.scale
        // Work at scale s ≥ k: |T − y| · 10^s · den = |num · 10^s − m · 10^(s−k) · den|.
        var s = k
        var mustRound = false
        switch rule {
        case .decimalPlaces(let n) where n >= k:
            s = n
            mustRound = true
        case .significantFigures, .exact:
            return nil
        default: break
        }
        guard s <= 30 else { return nil }
        let p10 = Self.pow10(s)
        let (a, o1) = t.num.multipliedReportingOverflow(by: p10)
        let (b0, o2) = Int128(m).multipliedReportingOverflow(by: Self.pow10(s - k))
        let (b, o3) = b0.multipliedReportingOverflow(by: t.den)
        guard !o1, !o2, !o3 else { return nil }
        let (difference, o4) = a.subtractingReportingOverflow(b)
        guard !o4 else { return nil }
        let diff = difference.magnitude  // = |T − y| · 10^s · den; one unit of place s is den
        let den = t.den.magnitude
        let rounded = diff * 2 <= den  // |T − y| ≤ u/2 (a tie counts)
        let within = diff < den  // |T − y| < u
        var judgement = Judgement(
            verdict: .wrong, match: .mismatch, stated: stated, rule: rule, trueValue: nil, trueValueExact: t.den == 1,
            unit: Self.unitText(decimalPlace: s), errorInUnits: nil, reason: nil)
        if rounded {
            judgement.verdict = .correct
            judgement.match = .correctlyRounded
        } else if within && !mustRound {
            judgement.verdict = .correct
            let cut = t.truncated(places: k)
            judgement.match = cut.map { ExactDecimal($0) == y } == true ? .truncated : .withinOneUnit
        }
        judgement.errorInUnits = formatShort(Self.double(diff) / Self.double(den))
        let places = max(k + 3, 10)
        judgement.trueValue = t.den == 1 ? SmallRational.decimal(t.num) : t.truncated(places: places)
        return judgement
    }

    static func pow10(_ n: Int) -> Int128 { SmallRational.powersOfTen[n] }

    /// `Double(x)`: through UInt64 when x fits (the same correctly rounded value; the generic 128-bit conversion
    /// is many times slower).
    static func double(_ x: UInt128) -> Double {
        x <= UInt128(UInt64.max) ? Double(UInt64(x)) : Double(x)
    }

    /// `ExactDecimal.unit(decimalPlace: k).description` for 0 ≤ k ≤ 30 ("1", "0.1", "0.01", …), made once.
    static let unitTexts: [String] = (0...30).map { ExactDecimal.unit(decimalPlace: $0).description }

    static func unitText(decimalPlace k: Int) -> String {
        k >= 0 && k < unitTexts.count ? unitTexts[k] : ExactDecimal.unit(decimalPlace: k).description
    }
}
