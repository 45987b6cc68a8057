/// How a stated value must match the true value.
public enum StatedValueRule: Sendable, Equatable {
    /// A decimal written with k digits after the point is right when it is less than one unit of its k-th decimal
    /// place away from the true value (so rounding and truncation both pass).
    case asWritten
    /// The value must be the true value correctly rounded to this many decimal places (a tie may go either way).
    case decimalPlaces(Int)
    /// The value must be the true value correctly rounded to this many significant figures.
    case significantFigures(Int)
    /// An exact form ("1/2", "√3/2", "2^5 × 3") must equal the true value.
    case exact
}

/// The outcome of judging one stated value, with the evidence a reviewer needs to recheck it.
public struct Judgement: Sendable, Equatable {
    public enum Verdict: String, Sendable, Codable {
        case correct, wrong, unverified
    }

    /// How the stated value relates to the true value.
    public enum Match: String, Sendable, Codable {
        /// Within half a unit of the last place: the correctly rounded value (or a tie).
        case correctlyRounded = "correctly_rounded"
        /// The true value cut off after the stated digits.
        case truncated
        /// Less than one unit of the last place away, but neither rounded nor truncated.
        case withinOneUnit = "within_one_unit"
        /// Equal to the true value: exactly, or to every digit of the working precision.
        case equal
        /// Not a match under the rule.
        case mismatch
    }

    public var verdict: Verdict
    public var match: Match?
    public var stated: String
    public var rule: StatedValueRule
    /// The true value, to a few more digits than were stated ("0.66009029799722633494").
    public var trueValue: String?
    /// Whether the true value is known exactly (it is rational and every step was exact).
    public var trueValueExact: Bool
    /// One unit in the last place the rule looks at ("0.01").
    public var unit: String?
    /// |true − stated| in units of `unit`, to two significant digits ("0.09", "1.7e16").
    public var errorInUnits: String?
    /// Why the value could not be judged (only for `unverified`).
    public var reason: String?
}

/// Judges a stated value against the true value of an expression, digit for digit in exact decimal arithmetic.
///
/// The true value T comes from ``Evaluator`` correctly rounded to D decimals beyond the stated ones, so it is
/// known within δ = ½·10^−D. Each test (|T − y| < u, |T − y| ≤ u/2) is decided only when the whole interval
/// [d − δ, d + δ] falls on one side; otherwise D grows. A value that stays on the boundary is an exact tie, which
/// the rounding rules let go either way.
public struct StatedValueJudge: Sendable {
    public var evaluator: Evaluator

    public init(evaluator: Evaluator = Evaluator()) { self.evaluator = evaluator }

    /// Guard digits beyond the stated ones, tried in turn while a comparison is too close to call.
    static let guardDigits = [8, 30, 100]

    /// Judges `stated` as a value of `expression`. With no rule, a stated decimal is judged as written and
    /// anything else (an integer, a fraction, a radical) as an exact form.
    public func judge(
        stated: String, expression: Expression, angleUnit: AngleUnit = .radians, rule: StatedValueRule? = nil
    ) -> Judgement {
        let text = stated.trimmingSpaces
        let decimal = ExactDecimal(text.replacingMinusSigns)
        let rule = rule ?? (decimal != nil && text.contains(".") ? .asWritten : .exact)
        guard rule != .exact, let decimal else {
            return judgeExact(stated: text, expression: expression, angleUnit: angleUnit)
        }
        if let truth = SmallRational(expression),
            let fast = judgeSmall(stated: text, value: decimal, truth: truth, rule: rule)
        {
            return fast
        }
        return judgeDecimal(stated: text, value: decimal, expression: expression, angleUnit: angleUnit, rule: rule)
    }

    // MARK: - Decimals

    private func judgeDecimal(
        stated: String, value y: ExactDecimal, expression: Expression, angleUnit: AngleUnit, rule: StatedValueRule
    ) -> Judgement {
        let written = max(y.scale, 0)
        var judgement = Judgement(
            verdict: .unverified, match: nil, stated: stated, rule: rule, trueValue: nil, trueValueExact: false,
            unit: nil, errorInUnits: nil, reason: nil)
        for extra in Self.guardDigits {
            let places = written + extra
            let truth: Evaluation
            do {
                truth = try evaluator.evaluate(
                    expression, text: "", precision: .decimalPlaces(places), angleUnit: angleUnit)
            } catch {
                judgement.reason = error.message
                return judgement
            }
            guard let t = ExactDecimal(truth.value) else {
                judgement.reason = "the true value could not be read back"
                return judgement
            }
            judgement.trueValue = displayed(t, stated: written)
            judgement.trueValueExact = truth.exact
            // The unit of the last place the rule looks at, and whether it asks for correct rounding. As written, that
            // is the last written digit, also left of the point: "1.3407807929942597e+164" is written to 10^148.
            var unitPlace = rule == .asWritten ? y.scale : written
            var mustRound = false
            switch rule {
            case .decimalPlaces(let n) where n >= written:
                unitPlace = n
                mustRound = true
            case .significantFigures(let n) where Self.significantDigits(of: y) <= n:
                unitPlace = n - 1 - leadingDigitPosition(t)
                mustRound = true
            default: break
            }
            let u = ExactDecimal.unit(decimalPlace: unitPlace)
            let halfU = ExactDecimal(units: 5, scale: unitPlace + 1)
            let d = (t - y).magnitude
            let delta = truth.valueIsExact ? ExactDecimal(units: 0, scale: 0) : ExactDecimal(units: 5, scale: places + 1)
            // A unit left of the point past sixteen digits is written as a power of ten ("1e148").
            judgement.unit = unitPlace < -16 ? "1e\(-unitPlace)" : u.description
            judgement.errorInUnits = ratio(d, u)

            let rounded = decide(d, delta, halfU, inclusive: true)
            if rounded == true {
                judgement.verdict = .correct
                judgement.match = .correctlyRounded
                return judgement
            }
            if mustRound {
                guard rounded == false else { continue }
                judgement.verdict = .wrong
                judgement.match = .mismatch
                return judgement
            }
            switch decide(d, delta, u, inclusive: false) {
            case true?:
                judgement.verdict = .correct
                judgement.match = isTruncation(y, of: t, places: written) ? .truncated : .withinOneUnit
                return judgement
            case false?:
                judgement.verdict = .wrong
                judgement.match = .mismatch
                return judgement
            case nil: continue
            }
        }
        if case .decimalPlaces = rule, judgement.trueValue != nil {
            // Still on the half-unit boundary after every guard digit: a tie, which may round either way.
            judgement.verdict = .correct
            judgement.match = .correctlyRounded
            return judgement
        }
        judgement.reason = "the true value is too close to the edge of the stated precision to decide"
        return judgement
    }

    /// Decides d < bound (or d ≤ bound when inclusive) for d known within ±delta; nil when too close to call.
    private func decide(_ d: ExactDecimal, _ delta: ExactDecimal, _ bound: ExactDecimal, inclusive: Bool) -> Bool? {
        let high = d + delta
        let low = d - delta
        if inclusive ? high <= bound : high < bound { return true }
        if inclusive ? low > bound : low >= bound { return false }
        if delta.isZero { return inclusive ? d <= bound : d < bound }
        return nil
    }

    /// Whether y is T with its digits after the `places`-th decimal cut off.
    private func isTruncation(_ y: ExactDecimal, of t: ExactDecimal, places: Int) -> Bool {
        let cut = t.rescaled(to: places)  // truncates toward zero
        return cut == y
    }

    /// How many significant digits a stated decimal shows (trailing zeros of an integer do not count).
    static func significantDigits(of y: ExactDecimal) -> Int {
        var digits = Substring(y.units.magnitude.description)
        if y.scale <= 0 {
            while digits.count > 1, digits.last == "0" { digits = digits.dropLast() }
        }
        return digits.count
    }

    /// The power of ten of the leading digit of t (0 for 1.x, −1 for 0.x, …).
    private func leadingDigitPosition(_ t: ExactDecimal) -> Int {
        // The number of digits of the units (1 for zero): counted in the word when they are one.
        let digits = t.units.word.map { ASCIIWriter.digitCount($0.magnitude) } ?? t.units.magnitude.description.count
        return digits - 1 - t.scale
    }

    /// The true value shown with a few more digits than were stated (at least 17 significant).
    private func displayed(_ t: ExactDecimal, stated: Int) -> String {
        let significantPlaces = 16 - leadingDigitPosition(t)
        let places = max(stated + 3, significantPlaces)
        return places < t.scale ? t.rescaledRounded(to: places).description : t.description
    }

    /// d/u to two significant digits, for reports.
    private func ratio(_ d: ExactDecimal, _ u: ExactDecimal) -> String {
        guard let dd = Self.double(d), let uu = Self.double(u), uu > 0 else { return "?" }
        return formatShort(dd / uu)
    }

    /// `Double(x.description)`: the double nearest to x (Swift's parser rounds correctly).
    ///
    /// Clinger's fast path ("How to read floating point numbers accurately", PLDI 1990): when |units| ≤ 2^53 and
    /// 0 ≤ scale ≤ 22, both units and 10^scale are doubles exactly, and IEEE division rounds their quotient
    /// correctly, so `Double(units) / 1e<scale>` is that same nearest double. Anything else is parsed from the text.
    static func double(_ x: ExactDecimal) -> Double? {
        if let w = x.units.word, w.magnitude <= 1 << 53, x.scale >= 0, x.scale < exactPowersOfTen.count {
            return Double(w) / exactPowersOfTen[x.scale]
        }
        return Double(x.description)
    }

    /// 10^k for 0 ≤ k ≤ 22: the powers of ten a double holds exactly (5^22 < 2^53).
    static let exactPowersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

    // MARK: - Exact forms

    private func judgeExact(stated: String, expression: Expression, angleUnit: AngleUnit) -> Judgement {
        do {
            let statedExpression = try ExpressionParser.parse(stated, bounds: evaluator.bounds)
            return judgeExact(statedExpression: statedExpression, stated: stated, expression: expression, angleUnit: angleUnit)
        } catch {
            return Judgement(
                verdict: .unverified, match: nil, stated: stated, rule: .exact, trueValue: nil, trueValueExact: false,
                unit: nil, errorInUnits: nil,
                reason: "the stated value is not a number or an expression mathcheck reads: \(error.message)")
        }
    }

    /// Judges an exact form, already parsed, against the true value.
    public func judgeExact(statedExpression: Expression, stated: String, expression: Expression, angleUnit: AngleUnit)
        -> Judgement
    {
        var judgement = Judgement(
            verdict: .unverified, match: nil, stated: stated, rule: .exact, trueValue: nil, trueValueExact: false,
            unit: nil, errorInUnits: nil, reason: nil)
        if let truth = SmallRational(expression), let claim = SmallRational(statedExpression) {
            // Both sides are small exact fractions ("19 × 94 = 1786", "17077 / 7 = 2439"): compare them exactly.
            judgement.trueValueExact = true
            judgement.trueValue =
                truth.den == 1 ? SmallRational.decimal(truth.num) : truth.truncated(places: 12).map { $0 + "…" }
            let equal = truth.num == claim.num && truth.den == claim.den  // both are in lowest terms
            judgement.verdict = equal ? .correct : .wrong
            judgement.match = equal ? .equal : .mismatch
            return judgement
        }
        // Correctly rounded representations of equal numbers are identical, so different strings prove the values
        // differ; identical strings at 40 digits are equality at the working precision.
        let digits = 40
        do {
            let truth = try evaluator.evaluate(
                expression, text: "", precision: .significantDigits(digits), angleUnit: angleUnit)
            let claim = try evaluator.evaluate(
                statedExpression, text: "", precision: .significantDigits(digits), angleUnit: angleUnit)
            judgement.trueValue = truth.zeroBound == nil ? trimmed(truth.value, significant: 20) : "0"
            judgement.trueValueExact = truth.exact
            if truth.value == claim.value {
                judgement.verdict = .correct
                judgement.match = .equal
            } else if truth.zeroBound != nil && claim.zeroBound != nil {
                judgement.verdict = .correct
                judgement.match = .equal
            } else {
                judgement.verdict = .wrong
                judgement.match = .mismatch
                if let t = Double(truth.value), let c = Double(claim.value) {
                    judgement.errorInUnits = formatShort(abs(t - c))
                    judgement.unit = "1"
                }
            }
        } catch {
            judgement.reason = error.message
        }
        return judgement
    }

    private func trimmed(_ value: String, significant: Int) -> String {
        var count = 0
        var result = ""
        var seenNonZero = false
        for c in value {
            if c.isNumber {
                if c != "0" { seenNonZero = true }
                if seenNonZero { count += 1 }
                if count > significant { continue }
            } else if c == "e", let exponent = value.firstIndex(of: "e") {
                // Keep the exponent of scientific notation.
                result += value[exponent...]
                break
            }
            result.append(c)
        }
        return result
    }
}

/// A non-negative number to two significant digits, for reports: "0.09", "12", "1.7e16".
///
/// Written in one pass into one string: at most "0.0000" and two digits, or two digits, a point, "e" and a
/// four-character exponent.
func formatShort(_ x: Double) -> String {
    guard x > 0, x.isFinite else { return x == 0 ? "0" : "\(x)" }
    var exponent = 0
    var mantissa = x
    while mantissa >= 10 { mantissa /= 10; exponent += 1 }
    while mantissa < 1 { mantissa *= 10; exponent -= 1 }
    var tenths = Int((mantissa * 10).rounded())  // 10...100
    if tenths == 100 { tenths = 10; exponent += 1 }
    let (first, second) = (UInt8(tenths / 10), UInt8(tenths % 10))
    return String(unsafeUninitializedCapacity: 15) { buffer in
        var out = ASCIIWriter(buffer)
        let zero = UInt8(ascii: "0")
        if exponent >= 6 || exponent < -4 {
            // "1e16", "1.7e16", "2.5e-7"
            out.write(zero + first)
            if second != 0 {
                out.write(UInt8(ascii: "."))
                out.write(zero + second)
            }
            out.write(UInt8(ascii: "e"))
            out.write(exponent)
        } else if exponent >= 1 {
            // "12", "120", …: both digits, then zeros
            out.write(zero + first)
            out.write(zero + second)
            for _ in 0..<(exponent - 1) { out.write(zero) }
        } else if exponent == 0 {
            // "1", "1.7"
            out.write(zero + first)
            if second != 0 {
                out.write(UInt8(ascii: "."))
                out.write(zero + second)
            }
        } else {
            // "0.09", "0.0017"
            out.write("0.")
            for _ in 0..<(-exponent - 1) { out.write(zero) }
            out.write(zero + first)
            if second != 0 { out.write(zero + second) }
        }
        return out.count
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        // Most texts start and end with an ASCII character that is not a space: decided from two bytes, without
        // forming Characters. Anything else takes the general test.
        let string = String(self)
        // The first and last bytes, read in place when the text is stored contiguously (nearly always).
        let ends =
            string.utf8.withContiguousStorageIfAvailable { $0.isEmpty ? nil : ($0[0], $0[$0.count - 1]) }
            ?? string.utf8.first.flatMap { a in string.utf8.last.map { (a, $0) } }
        if let (a, z) = ends, a > 0x20, a < 0x7F, z > 0x20, z < 0x7F { return string }
        guard first?.isWhitespace == true || last?.isWhitespace == true else { return String(self) }
        return String(self.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    /// The text with typographic minus signs (U+2212, en dash) as ASCII hyphens.
    var replacingMinusSigns: String {
        // Both signs are encoded as E2 xx xx: a text without the byte E2 has neither (checked without Characters).
        let hasE2 = utf8.withContiguousStorageIfAvailable { $0.contains(0xE2) } ?? utf8.contains(0xE2)
        guard hasE2, contains(where: { $0 == "−" || $0 == "–" }) else { return String(self) }
        return String(self.map { $0 == "−" || $0 == "–" ? "-" : $0 })
    }
}

extension ExactDecimal {
    /// Rounded half away from zero to `places` decimals (for display only).
    func rescaledRounded(to places: Int) -> ExactDecimal {
        guard places < scale else { return rescaled(to: places) }
        let extended = rescaled(to: places + 1)
        if let w = extended.units.word {
            // The same steps in a word: `/` and `%` truncate toward zero as GMP's tdiv does, and the rounded
            // quotient of a word by 10 cannot overflow.
            let digit = (w % 10).magnitude
            let q = w / 10
            return ExactDecimal(units: BigInteger(digit >= 5 ? q + (units.isNegative ? -1 : 1) : q), scale: places)
        }
        var (q, r) = (try? extended.units.quotientAndRemainder(dividingBy: 10)) ?? (0, 0)
        if let digit = r.magnitude.intValue, digit >= 5 { q += units.isNegative ? -1 : 1 }
        r = 0
        return ExactDecimal(units: q, scale: places)
    }
}
