internal import CGMP

/// An MPFR floating-point value owned by value: initialised with a precision, cleared exactly once in `deinit`.
///
/// `exact` records whether every operation that produced the value was exact (MPFR's ternary result was 0), so
/// an exact value such as sin(30°) = 1/2 can be told apart from one that is merely close.
struct MPFR: ~Copyable {
    var raw: __mpfr_struct
    var exact: Bool
    /// Whether the value is the correctly rounded result of exact inputs (at most one rounding, ≤ ½ ulp away),
    /// which settles its rounding without a second evaluation.
    var correctlyRounded: Bool

    init(precision: Int) {
        raw = __mpfr_struct()
        exact = true
        correctlyRounded = true
        mpfr_init2(&raw, mpfr_prec_t(precision))
    }

    deinit {
        var r = raw
        mpfr_clear(&r)
    }

    var precision: Int { withPointer { Int(mpfr_get_prec($0)) } }

    func withPointer<R>(_ body: (UnsafePointer<__mpfr_struct>) throws -> R) rethrows -> R {
        try withUnsafePointer(to: raw, body)
    }

    mutating func withMutablePointer<R>(_ body: (UnsafeMutablePointer<__mpfr_struct>) throws -> R) rethrows -> R {
        try withUnsafeMutablePointer(to: &raw, body)
    }

    /// Applies an MPFR operation that writes into `self`, folding its ternary result into ``exact`` and
    /// ``correctlyRounded`` (a second rounding ends the guarantee). Operations that read another inexact value must
    /// clear ``correctlyRounded`` themselves.
    mutating func set(_ operation: (UnsafeMutablePointer<__mpfr_struct>) -> Int32) {
        let ternary = withMutablePointer(operation)
        if ternary != 0 {
            if !exact { correctlyRounded = false }
            exact = false
        }
    }

    var isZero: Bool { withPointer { mpfr_zero_p($0) != 0 } }
    var isNaN: Bool { withPointer { mpfr_nan_p($0) != 0 } }
    var isInfinite: Bool { withPointer { mpfr_inf_p($0) != 0 } }
    var isNegative: Bool { withPointer { mpfr_signbit($0) != 0 } && !isZero }
    /// The binary exponent e with 0.5 ≤ |x| / 2^e < 1 (meaningless for zero).
    var binaryExponent: Int { withPointer { Int(mpfr_get_exp($0)) } }
}
