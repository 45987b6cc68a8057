/// The size limits every verifier enforces before it calls into C, so that no input can hang or crash the process.
///
/// The limits are sizes, not clocks: a claim is refused or downgraded because of how big it is, never because the
/// machine was busy, so the same input gives the same answer on every run.
public struct Bounds: Sendable, Equatable {
    /// The most decimal digits an integer may have to be parsed at all.
    public var maxIntegerDigits: Int = 1_000_000
    /// The most bits a number may have for a full primality test (BPSW and Miller–Rabin). Trial division still
    /// answers "composite" with a factor for larger numbers. At the bound a prime takes about a second.
    public var maxPrimalityBits: Int = 8_192
    /// The most bits for which mathcheck attempts a primality proof with FLINT (APR-CL); above, primes are
    /// reported as `probable`. Proving takes about 26 ms at 256 bits, 130 ms at 512 and 1.2 s at 1024 here.
    public var maxProofBits: Int = 640
    /// The most bits of a composite part that the elliptic-curve method keeps working on until it splits.
    /// Balanced semiprimes of 100 bits take tens of milliseconds, of 140 bits about a second.
    public var maxCompleteFactorBits: Int = 140
    /// The most decimal digits a number may have for a bounded factoring attempt at all.
    public var maxFactorDigits: Int = 2_000
    /// The size of prime factors (in bits) the bounded ECM search looks for in numbers too big to factor fully.
    public var smoothFactorBits: Int = 40
    /// The most bits a result of an exact integer power may have.
    public var maxPowerBits: Int = 4_000_000
    /// The most bits of working precision an evaluation may use.
    public var maxPrecisionBits: Int = 131_072
    /// The largest decimal exponent an argument or result may have in an evaluation (|x| < 10^this).
    public var maxDecimalExponent: Int = 10_000
    /// The most significant digits or decimal places an evaluation may be asked for.
    public var maxDigits: Int = 1_000
    /// The deepest an expression may nest.
    public var maxNesting: Int = 200
    /// The most characters an expression may have.
    public var maxExpressionLength: Int = 10_000

    public init() {}

    /// The defaults.
    public static let standard = Bounds()
}
