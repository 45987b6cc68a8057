internal import CGMP

/// Evaluates real expressions with MPFR and rounds the result correctly to the digits asked for.
///
/// Every MPFR operation is correctly rounded at the working precision, and MPFR reduces trigonometric arguments
/// exactly however large they are (sin(10^22) = −0.8522008497671888…). What remains is the error that several
/// rounded steps add up to; the evaluator settles it the way Ziv's strategy does: it evaluates at a precision,
/// then at twice that, and accepts the result only when the whole interval [r − E, r + E], with E the difference of
/// the two results plus one unit in the last place of the coarser one, rounds to the same output. Otherwise it
/// doubles the precision, up to ``Bounds/maxPrecisionBits``.
///
/// Exact cases stay exact: an argument that is a rational multiple of π, or an angle in degrees, goes to MPFR's
/// `sinu`/`cosu`/`tanu` (f(2πx/u) with exact reduction), so cos(π/3) and sin(30°) are exactly 1/2.
public struct Evaluator: Sendable {
    public var bounds: Bounds

    public init(bounds: Bounds = .standard) { self.bounds = bounds }

    /// Parses and evaluates `text`.
    public func evaluate(
        _ text: String, precision: OutputPrecision = .significantDigits(20), angleUnit: AngleUnit = .radians
    ) throws(VerifierError) -> Evaluation {
        let expression = try ExpressionParser.parse(text, bounds: bounds)
        return try evaluate(expression, text: text, precision: precision, angleUnit: angleUnit)
    }

    /// Evaluates a parsed expression; `text` is echoed in the result.
    public func evaluate(
        _ expression: Expression, text: String, precision: OutputPrecision = .significantDigits(20),
        angleUnit: AngleUnit = .radians
    ) throws(VerifierError) -> Evaluation {
        switch precision {
        case .significantDigits(let n) where n < 1 || n > bounds.maxDigits,
            .decimalPlaces(let n) where n < 0 || n > bounds.maxDigits:
            throw VerifierError(.invalidArgument, "digits and decimals must be between 1 and \(bounds.maxDigits)")
        default: break
        }
        let target: Int
        switch precision {
        case .significantDigits(let n): target = Int(Double(n) * 3.33) + 8
        case .decimalPlaces(let n): target = Int(Double(n) * 3.33) + 8
        }
        if let rational = Rational(expression) {
            // Decimal arithmetic on literals is done exactly: 1.2e7/7, 1/3, 0.1 + 0.2.
            guard let value = rational.formatted(precision) else { throw VerifierError(.domain, "division by zero") }
            var evaluation = Evaluation(
                expression: text, value: value, precision: precision, angleUnit: angleUnit, exact: true,
                workingPrecision: 0, zeroBound: nil)
            if case .decimalPlaces(let k) = precision { evaluation.valueIsExact = rational.isExact(decimalPlaces: k) }
            return evaluation
        }
        var bits = max(64, target + 24 + min(literalBits(expression), bounds.maxPrecisionBits))
        var previous: MPFR? = nil
        var tries = 0
        while true {
            let current = try compute(expression, bits, angleUnit)
            if current.exact {
                var evaluation = Evaluation(
                    expression: text, value: format(current, precision), precision: precision, angleUnit: angleUnit,
                    exact: true, workingPrecision: bits, zeroBound: nil)
                if case .decimalPlaces(let k) = precision { evaluation.valueIsExact = isExact(current, decimalPlaces: k) }
                return evaluation
            }
            if current.correctlyRounded {
                // One rounding of exact inputs: the true value is within half an ulp, so one evaluation can settle.
                if let value = settle(current, current, precision).value {
                    return Evaluation(
                        expression: text, value: value, precision: precision, angleUnit: angleUnit, exact: false,
                        workingPrecision: bits, zeroBound: nil)
                }
            }
            if let before = previous {
                let settled = settle(current, before, precision)
                if let value = settled.value {
                    return Evaluation(
                        expression: text, value: value, precision: precision, angleUnit: angleUnit, exact: false,
                        workingPrecision: bits, zeroBound: nil)
                }
                // "Indistinguishable from 0" only when the bound says so at the digits asked: |value| below
                // 10^-(digits + 10). A bound like |value| < 10 (sin(10^1000) before 10^1000 is held exactly) is
                // no answer: the precision goes on rising, and past its bound the result is an error, never 0.
                if let zeroBound = settled.zeroBound, tries >= 3, zeroBound <= -(target / 3 + 10) {
                    return Evaluation(
                        expression: text, value: "0", precision: precision, angleUnit: angleUnit, exact: false,
                        workingPrecision: bits, zeroBound: zeroBound)
                }
            }
            guard bits < bounds.maxPrecisionBits else {
                throw VerifierError(
                    .tooLarge,
                    "could not settle the value of '\(abbreviated(text, limit: 60))' to the digits asked for within "
                        + "\(bounds.maxPrecisionBits) bits of precision")
            }
            previous = consume current
            bits = min(bits * 2, bounds.maxPrecisionBits)
            tries += 1
        }
    }

    // MARK: - Settling the rounding

    /// The formatted value when [r − E, r + E] rounds to one output, or a bound on |value| when it straddles 0.
    private func settle(_ r: borrowing MPFR, _ coarse: borrowing MPFR, _ precision: OutputPrecision)
        -> (value: String?, zeroBound: Int?)
    {
        // E = |r − coarse| + ulp(coarse), rounded up.
        var error = MPFR(precision: 64)
        r.withPointer { rp in
            coarse.withPointer { cp in
                error.set { mpfr_sub($0, rp, cp, MPFR_RNDU) }
                error.set { mpfr_abs($0, $0, MPFR_RNDU) }
            }
        }
        var ulp = MPFR(precision: 64)
        let ulpExponent = coarse.isZero ? -bounds.maxPrecisionBits * 2 : coarse.binaryExponent - coarse.precision
        ulp.set { mpfr_set_ui_2exp($0, 1, mpfr_exp_t(ulpExponent), MPFR_RNDU) }
        ulp.withPointer { up in error.set { mpfr_add($0, $0, up, MPFR_RNDU) } }

        var low = MPFR(precision: r.precision + 64)
        var high = MPFR(precision: r.precision + 64)
        r.withPointer { rp in
            error.withPointer { ep in
                low.set { mpfr_sub($0, rp, ep, MPFR_RNDD) }
                high.set { mpfr_add($0, rp, ep, MPFR_RNDU) }
            }
        }
        let lowText = format(low, precision)
        if lowText == format(high, precision) { return (lowText, nil) }
        if low.isNegative != high.isNegative || low.isZero || high.isZero {
            // The interval contains 0: bound |value| by |r| + E, as a power of ten.
            let exponent = r.isZero ? error.binaryExponent : max(r.binaryExponent, error.binaryExponent)
            let decimalExponent = Int((Double(exponent + 1) * 0.30103).rounded(.up))
            if case .significantDigits = precision { return (nil, decimalExponent) }
        }
        return (nil, nil)
    }

    // MARK: - Formatting

    /// `x` rounded as asked, in plain notation for moderate magnitudes and scientific notation otherwise.
    func format(_ x: borrowing MPFR, _ precision: OutputPrecision) -> String {
        switch precision {
        case .significantDigits(let n): return formatSignificant(x, n)
        case .decimalPlaces(let k): return formatDecimals(x, k)
        }
    }

    private func formatSignificant(_ x: borrowing MPFR, _ n: Int) -> String {
        if x.isZero { return "0" }
        var exponent: mpfr_exp_t = 0
        let text: String = x.withPointer { p in
            guard let chars = mpfr_get_str(nil, &exponent, 10, n, p, MPFR_RNDN) else { return "" }
            defer { mpfr_free_str(chars) }
            return String(cString: chars)
        }
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let e = Int(exponent)  // value = 0.digits × 10^e
        let sign = negative ? "-" : ""
        if e > 0 && e <= 21 {
            if e >= digits.count { return sign + digits + String(repeating: "0", count: e - digits.count) }
            return sign + digits.prefix(e) + "." + digits.dropFirst(e)
        }
        if e <= 0 && e >= -4 {
            return sign + "0." + String(repeating: "0", count: -e) + digits
        }
        let mantissa = digits.count > 1 ? digits.prefix(1) + "." + digits.dropFirst() : Substring(digits)
        return sign + mantissa + "e" + String(e - 1)
    }

    /// Whether x × 10^k is an integer, i.e. x has at most k digits after the decimal point.
    private func isExact(_ x: borrowing MPFR, decimalPlaces k: Int) -> Bool {
        var scaled = MPFR(precision: x.precision + Int(Double(k) * 3.33) + 16)
        var power = MPZ()
        power.withMutablePointer { __gmpz_ui_pow_ui($0, 10, UInt(k)) }
        x.withPointer { xp in power.withPointer { pp in scaled.set { mpfr_mul_z($0, xp, pp, MPFR_RNDN) } } }
        return scaled.exact && scaled.withPointer { mpfr_integer_p($0) != 0 }
    }

    private func formatDecimals(_ x: borrowing MPFR, _ k: Int) -> String {
        var scaled = MPFR(precision: x.precision + Int(Double(k) * 3.33) + 16)
        var power = MPZ()
        power.withMutablePointer { __gmpz_ui_pow_ui($0, 10, UInt(k)) }
        x.withPointer { xp in power.withPointer { pp in scaled.set { mpfr_mul_z($0, xp, pp, MPFR_RNDN) } } }
        var integer = MPZ()
        // Ties away from zero, as people round (and as exact rational results do): mpfr_round, then convert.
        scaled.set { mpfr_round($0, $0) }
        scaled.withPointer { sp in integer.withMutablePointer { _ = mpfr_get_z($0, sp, MPFR_RNDN) } }
        var text = ExactDecimal(units: BigInteger(copying: integer), scale: k).description
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
        return text
    }

    /// Bits needed to hold the largest literal exactly, so that the first attempt usually succeeds.
    private func literalBits(_ e: Expression) -> Int {
        switch e {
        case .number(let literal):
            return Int(Double(literal.digits.count + max(literal.scale, 0)) * 3.33)
        case .pi, .e: return 0
        case .negate(let a), .function(_, let a), .degrees(let a), .radians(let a): return literalBits(a)
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b),
            .power(let a, let b):
            return max(literalBits(a), literalBits(b))
        }
    }
}
