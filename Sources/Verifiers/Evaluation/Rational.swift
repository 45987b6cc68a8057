/// An exact fraction num/den with den > 0, used to recognise rational arguments such as the 2/3 in cos(2π/3).
package struct Rational: Equatable {
    package var num: BigInteger
    package var den: BigInteger

    init(_ num: BigInteger, _ den: BigInteger = 1) {
        let g = BigInteger.gcd(num, den)
        let sign: BigInteger = den.isNegative ? -1 : 1
        self.num = g.isZero ? num : num.dividedExactly(by: g) * sign
        self.den = g.isZero ? den : den.dividedExactly(by: g) * sign
    }

    static func + (a: Rational, b: Rational) -> Rational { Rational(a.num * b.den + b.num * a.den, a.den * b.den) }
    static func - (a: Rational, b: Rational) -> Rational { Rational(a.num * b.den - b.num * a.den, a.den * b.den) }
    static func * (a: Rational, b: Rational) -> Rational { Rational(a.num * b.num, a.den * b.den) }
    static prefix func - (a: Rational) -> Rational { Rational(-a.num, a.den) }
    func divided(by b: Rational) -> Rational? { b.num.isZero ? nil : Rational(num * b.den, den * b.num) }

    /// The largest numerator or denominator size this recogniser works with, in bits.
    package static let maxBits = 4096

    /// The exact value of an expression built from decimal literals with + − × ÷ and small integer powers, or nil.
    package init?(_ expression: Expression) {
        switch expression {
        case .number(let literal):
            guard let digits = try? BigInteger(parsing: literal.digits), abs(literal.scale) <= 1200,
                let power = try? BigInteger(10).power(BigInteger(abs(literal.scale)))
            else { return nil }
            self = literal.scale >= 0 ? Rational(digits * power) : Rational(digits, power)
        case .negate(let a):
            guard let r = Rational(a) else { return nil }
            self = -r
        case .add(let a, let b):
            guard let x = Rational(a), let y = Rational(b) else { return nil }
            self = x + y
        case .subtract(let a, let b):
            guard let x = Rational(a), let y = Rational(b) else { return nil }
            self = x - y
        case .multiply(let a, let b):
            guard let x = Rational(a), let y = Rational(b) else { return nil }
            self = x * y
        case .divide(let a, let b):
            guard let x = Rational(a), let y = Rational(b), let q = x.divided(by: y) else { return nil }
            self = q
        case .power(let a, let b):
            guard let x = Rational(a), let y = Rational(b), y.den == 1, let e = y.num.intValue, abs(e) <= 64,
                let n = try? x.num.power(BigInteger(abs(e))), let d = try? x.den.power(BigInteger(abs(e)))
            else { return nil }
            if e < 0 {
                guard !n.isZero else { return nil }
                self = Rational(d, n)
            } else {
                self = Rational(n, d)
            }
        default:
            return nil
        }
        guard num.bitWidth <= Rational.maxBits, den.bitWidth <= Rational.maxBits else { return nil }
    }

    /// r such that the expression equals r·π, for arguments like π/3, 2π/3, −π, 0.5π, π + π/2.
    static func multipleOfPi(_ expression: Expression) -> Rational? {
        switch expression {
        case .pi: return Rational(1)
        case .radians(let a): return multipleOfPi(a)
        case .negate(let a): return multipleOfPi(a).map { -$0 }
        case .multiply(let a, let b):
            if let x = multipleOfPi(a), let y = Rational(b) { return x * y }
            if let x = Rational(a), let y = multipleOfPi(b) { return x * y }
            return nil
        case .divide(let a, let b):
            guard let x = multipleOfPi(a), let y = Rational(b) else { return nil }
            return x.divided(by: y)
        case .add(let a, let b):
            guard let x = multipleOfPi(a), let y = multipleOfPi(b) else { return nil }
            return x + y
        case .subtract(let a, let b):
            guard let x = multipleOfPi(a), let y = multipleOfPi(b) else { return nil }
            return x - y
        default:
            return nil
        }
    }

    // MARK: - Decimal output

    /// The value correctly rounded (ties away from zero) in the same notation as ``Evaluator``'s results.
    func formatted(_ precision: OutputPrecision) -> String? {
        guard !den.isZero else { return nil }
        switch precision {
        case .decimalPlaces(let k):
            let scaled = rounded(scale: k).value
            var text = ExactDecimal(units: scaled, scale: k).description
            if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
            return text
        case .significantDigits(let n):
            if num.isZero { return "0" }
            // e with 10^(e−1) ≤ |r| < 10^e.
            var e = num.magnitude.description.count - den.description.count
            let ten: BigInteger = 10
            func atLeastPower(_ p: Int) -> Bool {  // |r| ≥ 10^p
                let power = (try? ten.power(BigInteger(abs(p)))) ?? 1
                return p >= 0 ? num.magnitude >= den * power : num.magnitude * power >= den
            }
            while atLeastPower(e) { e += 1 }
            while !atLeastPower(e - 1) { e -= 1 }
            var units = rounded(scale: n - e).value
            if units.magnitude.description.count > n {
                // Rounding carried into a new digit (9.99… → 10.0…).
                e += 1
                units = rounded(scale: n - e).value
            }
            let digits = units.magnitude.description
            let sign = units.isNegative ? "-" : ""
            if e > 0 && e <= 21 {
                if e >= digits.count { return sign + digits + String(repeating: "0", count: e - digits.count) }
                return sign + digits.prefix(e) + "." + digits.dropFirst(e)
            }
            if e <= 0 && e >= -4 { return sign + "0." + String(repeating: "0", count: -e) + digits }
            let mantissa = digits.count > 1 ? digits.prefix(1) + "." + digits.dropFirst() : Substring(digits)
            return sign + mantissa + "e" + String(e - 1)
        }
    }

    /// Whether r has at most `places` digits after the decimal point.
    func isExact(decimalPlaces places: Int) -> Bool { rounded(scale: places).exact }

    /// round(r × 10^scale), ties away from zero, and whether nothing was rounded away.
    private func rounded(scale: Int) -> (value: BigInteger, exact: Bool) {
        let power = (try? BigInteger(10).power(BigInteger(abs(scale)))) ?? 1
        let (n, d) = scale >= 0 ? (num * power, den) : (num, den * power)
        let (q, r) = (try? n.quotientAndRemainder(dividingBy: d)) ?? (0, 0)
        let twice = r.magnitude * 2
        if twice >= d { return (n.isNegative ? q - 1 : q + 1, false) }
        return (q, r.isZero)
    }
}
