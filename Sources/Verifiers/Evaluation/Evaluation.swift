/// How many digits a value is wanted to.
public enum OutputPrecision: Sendable, Equatable {
    /// Correctly rounded to this many significant digits.
    case significantDigits(Int)
    /// Correctly rounded to this many digits after the decimal point.
    case decimalPlaces(Int)
}

/// The value of an expression, correctly rounded as asked, with what a reviewer needs to trust it.
public struct Evaluation: Sendable, Equatable {
    public var expression: String
    /// The correctly rounded value in decimal ("0.66009029799722633494", "-1.2e-30", "0.50").
    public var value: String
    public var precision: OutputPrecision
    public var angleUnit: AngleUnit
    /// True when every step was exact, so `value` is the true value itself (up to the rounding asked for).
    public var exact: Bool
    /// True when `value` is the true value itself, with nothing rounded away (0.125 to three places, not two).
    public var valueIsExact: Bool = false
    /// The MPFR working precision, in bits, at which the rounding was settled.
    public var workingPrecision: Int
    /// Set when the value could not be told from zero: |true value| < 10^zeroBound. `value` is then "0".
    public var zeroBound: Int?
}
