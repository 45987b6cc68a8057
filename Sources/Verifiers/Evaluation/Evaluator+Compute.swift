internal import CGMP

extension Evaluator {
    /// The value of `e` at `bits` of working precision, each step correctly rounded.
    func compute(_ e: Expression, _ bits: Int, _ unit: AngleUnit) throws(VerifierError) -> MPFR {
        switch e {
        case .number(let literal):
            var r = MPFR(precision: bits)
            let text = "\(literal.digits)e\(literal.scale)"
            r.set { p in text.withCString { mpfr_strtofr(p, $0, nil, 10, MPFR_RNDN) } }
            return r
        case .pi:
            var r = MPFR(precision: bits)
            r.set { mpfr_const_pi($0, MPFR_RNDN) }
            r.exact = false
            return r
        case .e:
            var r = MPFR(precision: bits)
            r.set { mpfr_set_ui($0, 1, MPFR_RNDN) }
            r.set { mpfr_exp($0, $0, MPFR_RNDN) }
            return r
        case .negate(let a):
            var r = try compute(a, bits, unit)
            r.set { mpfr_neg($0, $0, MPFR_RNDN) }
            return r
        case .add(let a, let b):
            return try binary(a, b, bits, unit) { mpfr_add($0, $1, $2, MPFR_RNDN) }
        case .subtract(let a, let b):
            return try binary(a, b, bits, unit) { mpfr_sub($0, $1, $2, MPFR_RNDN) }
        case .multiply(let a, let b):
            return try binary(a, b, bits, unit) { mpfr_mul($0, $1, $2, MPFR_RNDN) }
        case .divide(let a, let b):
            let divisor = try compute(b, bits, unit)
            guard !divisor.isZero else { throw VerifierError(.domain, "division by zero") }
            let dividend = try compute(a, bits, unit)
            return try combine(dividend, divisor, bits) { mpfr_div($0, $1, $2, MPFR_RNDN) }
        case .power(let a, let b):
            return try power(a, b, bits, unit)
        case .degrees(let a):
            // An angle in degrees outside a trigonometric function: its value in radians, x·π/180.
            var r = try compute(a, bits + 8, unit)
            var pi = MPFR(precision: bits + 8)
            pi.set { mpfr_const_pi($0, MPFR_RNDN) }
            pi.withPointer { pp in r.set { mpfr_mul($0, $0, pp, MPFR_RNDN) } }
            r.set { mpfr_div_ui($0, $0, 180, MPFR_RNDN) }
            r.exact = r.exact && r.isZero
            r.correctlyRounded = r.exact
            return r
        case .radians(let a):
            return try compute(a, bits, unit)
        case .function(let f, let a):
            if f.isTrigonometric { return try trigonometric(f, a, bits, unit) }
            return try function(f, a, bits, unit)
        }
    }

    private func binary(
        _ a: Expression, _ b: Expression, _ bits: Int, _ unit: AngleUnit,
        _ op: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>) -> Int32
    ) throws(VerifierError) -> MPFR {
        let x = try compute(a, bits, unit)
        let y = try compute(b, bits, unit)
        return try combine(x, y, bits, op)
    }

    private func combine(
        _ x: borrowing MPFR, _ y: borrowing MPFR, _ bits: Int,
        _ op: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>) -> Int32
    ) throws(VerifierError) -> MPFR {
        var r = MPFR(precision: bits)
        x.withPointer { xp in y.withPointer { yp in r.set { op($0, xp, yp) } } }
        r.exact = r.exact && x.exact && y.exact
        r.correctlyRounded = r.correctlyRounded && x.exact && y.exact
        try checkFinite(r, "the result")
        return r
    }

    private func power(_ a: Expression, _ b: Expression, _ bits: Int, _ unit: AngleUnit) throws(VerifierError) -> MPFR {
        let base = try compute(a, bits, unit)
        let exponent = try compute(b, bits, unit)
        let integral = exponent.withPointer { mpfr_integer_p($0) != 0 }
        if base.isZero {
            guard !exponent.isNegative else { throw VerifierError(.domain, "0 raised to a negative power") }
        } else {
            // log2 |base^exponent| ≈ exponent × log2 |base|: refuse results beyond the magnitude bound up front.
            var estimate = MPFR(precision: 64)
            base.withPointer { bp in estimate.set { mpfr_abs($0, bp, MPFR_RNDN) } }
            estimate.set { mpfr_log2($0, $0, MPFR_RNDN) }
            exponent.withPointer { ep in estimate.set { mpfr_mul($0, $0, ep, MPFR_RNDN) } }
            // A NaN estimate (an infinite exponent times log2 1 = 0) and ±∞ fail the comparison too.
            let log2Magnitude = estimate.withPointer { mpfr_get_d($0, MPFR_RNDN) }
            guard abs(log2Magnitude) <= Double(bounds.maxDecimalExponent) * 3.3219280948873626 else {
                throw VerifierError(
                    .tooLarge,
                    "the power is about 10^\(Self.decimalExponentText(log2Magnitude)); the calculator works with "
                        + "magnitudes between 10^-\(bounds.maxDecimalExponent) and 10^\(bounds.maxDecimalExponent)")
            }
            if base.isNegative && !integral {
                throw VerifierError(.domain, "a negative number raised to a non-integer power is not real")
            }
        }
        return try combine(base, exponent, bits) { mpfr_pow($0, $1, $2, MPFR_RNDN) }
    }

    private func function(_ f: Expression.Function, _ a: Expression, _ bits: Int, _ unit: AngleUnit)
        throws(VerifierError) -> MPFR
    {
        var r = try compute(a, bits, unit)
        switch f {
        case .sqrt:
            guard !r.isNegative else { throw VerifierError(.domain, "the square root of a negative number is not real") }
            r.set { mpfr_sqrt($0, $0, MPFR_RNDN) }
        case .exp:
            r.set { mpfr_exp($0, $0, MPFR_RNDN) }
        case .ln, .log10, .log2:
            guard !r.isNegative, !r.isZero else {
                throw VerifierError(.domain, "the logarithm is defined only for positive numbers")
            }
            switch f {
            case .ln: r.set { mpfr_log($0, $0, MPFR_RNDN) }
            case .log10: r.set { mpfr_log10($0, $0, MPFR_RNDN) }
            default: r.set { mpfr_log2($0, $0, MPFR_RNDN) }
            }
        case .abs:
            r.set { mpfr_abs($0, $0, MPFR_RNDN) }
        case .asin, .acos, .atan:
            if f != .atan {
                let outside = r.withPointer { mpfr_cmp_si($0, 1) > 0 || mpfr_cmp_si($0, -1) < 0 }
                guard !outside else { throw VerifierError(.domain, "\(f.rawValue) is defined only on [-1, 1]") }
            }
            switch f {
            case .asin: r.set { mpfr_asin($0, $0, MPFR_RNDN) }
            case .acos: r.set { mpfr_acos($0, $0, MPFR_RNDN) }
            default: r.set { mpfr_atan($0, $0, MPFR_RNDN) }
            }
            if unit == .degrees {
                // The angle in the caller's unit: x·180/π.
                r.set { mpfr_mul_ui($0, $0, 180, MPFR_RNDN) }
                var pi = MPFR(precision: bits)
                pi.set { mpfr_const_pi($0, MPFR_RNDN) }
                pi.withPointer { pp in r.set { mpfr_div($0, $0, pp, MPFR_RNDN) } }
                r.exact = r.exact && r.isZero
                r.correctlyRounded = r.exact
            }
        default:
            preconditionFailure("trigonometric functions are handled by trigonometric(_:_:_:_:)")
        }
        try checkFinite(r, "\(f.rawValue)")
        return r
    }

    // MARK: - Trigonometry

    private func trigonometric(_ f: Expression.Function, _ a: Expression, _ bits: Int, _ unit: AngleUnit)
        throws(VerifierError) -> MPFR
    {
        // An angle as x/u of a full turn (f(2πx/u)), when it is in degrees or a rational multiple of π.
        var turn: MPFR? = nil
        var u: UInt = 0
        if let degrees = Self.degreeMeasure(a) ?? (unit == .degrees && !Self.mentionsRadians(a) ? a : nil) {
            turn = try compute(degrees, bits, unit)
            u = 360
        } else if let multiple = Rational.multipleOfPi(a), let den = multiple.den.uint64Value, den <= UInt64.max / 2 {
            // r·π = 2π·num/(2·den)
            var x = MPFR(precision: max(bits, multiple.num.bitWidth + 2))
            multiple.num.withPointer { np in x.set { mpfr_set_z($0, np, MPFR_RNDN) } }
            turn = consume x
            u = UInt(den * 2)
        }
        var r = MPFR(precision: bits)
        switch consume turn {
        case .some(let x):
            try checkArgument(x)
            x.withPointer { xp in
                switch f {
                case .sin, .csc: r.set { mpfr_sinu($0, xp, u, MPFR_RNDN) }
                case .cos, .sec: r.set { mpfr_cosu($0, xp, u, MPFR_RNDN) }
                default: r.set { mpfr_tanu($0, xp, u, MPFR_RNDN) }
                }
            }
            r.exact = r.exact && x.exact
            r.correctlyRounded = r.correctlyRounded && x.exact
        case .none:
            let x = try compute(a, bits, unit)
            try checkArgument(x)
            x.withPointer { xp in
                switch f {
                case .sin, .csc: r.set { mpfr_sin($0, xp, MPFR_RNDN) }
                case .cos, .sec: r.set { mpfr_cos($0, xp, MPFR_RNDN) }
                default: r.set { mpfr_tan($0, xp, MPFR_RNDN) }
                }
            }
            r.exact = r.exact && x.exact
            r.correctlyRounded = r.correctlyRounded && x.exact
        }
        if f == .csc || f == .sec || f == .cot {
            guard !r.isZero else { throw VerifierError(.domain, "\(f.rawValue) is undefined at this angle (a pole)") }
            r.set { mpfr_ui_div($0, 1, $0, MPFR_RNDN) }
        }
        guard !r.isInfinite else { throw VerifierError(.domain, "\(f.rawValue) is undefined at this angle (a pole)") }
        try checkFinite(r, f.rawValue)
        return r
    }

    /// The angle in degrees when `a` is marked as degrees ("30°", "−30°", "30° + 15°"), else nil.
    static func degreeMeasure(_ a: Expression) -> Expression? {
        switch a {
        case .degrees(let inner): return inner
        case .negate(let x): return degreeMeasure(x).map { .negate($0) }
        case .add(let x, let y):
            guard let dx = degreeMeasure(x), let dy = degreeMeasure(y) else { return nil }
            return .add(dx, dy)
        case .subtract(let x, let y):
            guard let dx = degreeMeasure(x), let dy = degreeMeasure(y) else { return nil }
            return .subtract(dx, dy)
        case .multiply(let x, let y):
            if let dx = degreeMeasure(x), !mentionsAngleUnit(y) { return .multiply(dx, y) }
            if let dy = degreeMeasure(y), !mentionsAngleUnit(x) { return .multiply(x, dy) }
            return nil
        case .divide(let x, let y):
            guard let dx = degreeMeasure(x), !mentionsAngleUnit(y) else { return nil }
            return .divide(dx, y)
        default: return nil
        }
    }

    /// Whether `a` says it is in radians: a "rad" mark or π.
    static func mentionsRadians(_ a: Expression) -> Bool {
        switch a {
        case .radians, .pi: return true
        case .number, .e, .degrees: return false
        case .negate(let x), .function(_, let x): return mentionsRadians(x)
        case .add(let x, let y), .subtract(let x, let y), .multiply(let x, let y), .divide(let x, let y),
            .power(let x, let y):
            return mentionsRadians(x) || mentionsRadians(y)
        }
    }

    private static func mentionsAngleUnit(_ a: Expression) -> Bool {
        if case .degrees = a { return true }
        return mentionsRadians(a) || degreeMeasure(a) != nil
    }

    // MARK: - Bounds

    private func checkArgument(_ x: borrowing MPFR) throws(VerifierError) {
        try checkFinite(x, "the angle")
        guard x.isZero || x.binaryExponent <= Int(Double(bounds.maxDecimalExponent) * 3.3219280948873626) else {
            throw VerifierError(
                .tooLarge,
                "the angle is about 10^\(Int(Double(x.binaryExponent) * 0.30103)); trigonometric functions are "
                    + "evaluated for magnitudes up to 10^\(bounds.maxDecimalExponent)")
        }
    }

    /// log10 of a magnitude given as its log2, for messages: an integer while one fits, else a word; never a trap on
    /// the huge or undefined estimates that exponents like 10^20 give.
    static func decimalExponentText(_ log2Magnitude: Double) -> String {
        let decimal = log2Magnitude * 0.30102999566398120
        guard !decimal.isNaN else { return "(undefined)" }
        guard abs(decimal) < 1e15 else { return decimal > 0 ? "(more than 10^15)" : "-(more than 10^15)" }
        return String(Int(decimal))
    }

    private func checkFinite(_ x: borrowing MPFR, _ what: String) throws(VerifierError) {
        if x.isNaN { throw VerifierError(.domain, "\(what) is undefined (not a real number)") }
        if x.isInfinite { throw VerifierError(.tooLarge, "\(what) overflows") }
        if !x.isZero, abs(x.binaryExponent) > Int(Double(bounds.maxDecimalExponent) * 3.3219280948873626) + 4 {
            throw VerifierError(
                .tooLarge,
                "\(what) is about 10^\(Int(Double(x.binaryExponent) * 0.30103)); the calculator works with magnitudes "
                    + "between 10^-\(bounds.maxDecimalExponent) and 10^\(bounds.maxDecimalExponent)")
        }
    }
}
