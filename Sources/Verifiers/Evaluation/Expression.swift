/// A parsed real-valued expression.
///
/// Literals keep their decimal text so that evaluation reads them exactly at whatever precision it needs (never
/// through a Double: sin(10^30) is −0.0901…, sin of the Double nearest 10^30 is +0.0093…).
public indirect enum Expression: Sendable, Equatable {
    /// A decimal literal: digits, an optional fraction and an optional decimal exponent ("1.2e7", "3532").
    case number(DecimalLiteral)
    case pi
    case e
    case negate(Expression)
    case add(Expression, Expression)
    case subtract(Expression, Expression)
    case multiply(Expression, Expression)
    case divide(Expression, Expression)
    case power(Expression, Expression)
    case function(Function, Expression)
    /// An angle marked as degrees ("30°", "30 deg").
    case degrees(Expression)
    /// An angle marked as radians ("3532 rad").
    case radians(Expression)

    /// The functions the evaluator knows.
    public enum Function: String, Sendable, CaseIterable {
        case sin, cos, tan, cot, sec, csc
        case asin, acos, atan
        case sqrt, exp, ln, log10, log2, abs

        package var isTrigonometric: Bool { [.sin, .cos, .tan, .cot, .sec, .csc].contains(self) }
        package var isInverseTrigonometric: Bool { [.asin, .acos, .atan].contains(self) }
    }
}

/// The unit of angles that carry no mark of their own.
public enum AngleUnit: String, Sendable, Codable, CaseIterable {
    case radians
    case degrees
}

/// A decimal number as written: sign-free digits with the position of the decimal point and a power of ten.
///
/// value = digits × 10^(exponent − fractionDigits). "1.50" has digits "150", fractionDigits 2, exponent 0.
public struct DecimalLiteral: Sendable, Equatable, CustomStringConvertible {
    /// The digits without the point, leading zeros removed (at least "0").
    public var digits: String
    /// How many of the digits stand after the decimal point as written.
    public var fractionDigits: Int
    /// The power of ten written after "e" or "×10^", 0 if none.
    public var exponent: Int

    public init(digits: String, fractionDigits: Int, exponent: Int) {
        self.digits = digits
        self.fractionDigits = fractionDigits
        self.exponent = exponent
    }

    /// The scale: value = digits × 10^scale.
    public var scale: Int { exponent - fractionDigits }
    public var isZero: Bool { digits.allSatisfy { $0 == "0" } }

    /// Roughly log10 of the value (the position of its leading digit), for bounds checks.
    var magnitude: Int {
        let significant = digits.drop { $0 == "0" }.count
        return significant + scale
    }

    public var description: String {
        if exponent == 0 && fractionDigits == 0 { return digits }
        if exponent == 0, fractionDigits > 0, let written = Self.pointed(digits, fractionDigits: fractionDigits) {
            return written
        }
        var text = digits
        if fractionDigits > 0 {
            let padded = String(repeating: "0", count: max(0, fractionDigits + 1 - text.count)) + text
            text = String(padded.dropLast(fractionDigits)) + "." + String(padded.suffix(fractionDigits))
        }
        return exponent == 0 ? text : "\(text)e\(exponent)"
    }

    /// ASCII digits zero-padded to at least `fractionDigits` + 1, with a point before the last `fractionDigits`
    /// ("5", 2 → "0.05"): what the general path of ``description`` makes of them, in one pass over their bytes. Nil
    /// when `digits` holds anything but ASCII digits.
    private static func pointed(_ digits: String, fractionDigits: Int) -> String? {
        var digits = digits
        return digits.withUTF8 { bytes -> String? in
            for b in bytes where b < UInt8(ascii: "0") || b > UInt8(ascii: "9") { return nil }
            let count = bytes.count
            let length = max(count, fractionDigits + 1)
            let pad = length - count
            return String(unsafeUninitializedCapacity: length + 1) { out in
                var k = 0
                for position in 0..<length {
                    if position == length - fractionDigits {
                        out[k] = UInt8(ascii: ".")
                        k += 1
                    }
                    out[k] = position < pad ? UInt8(ascii: "0") : bytes[position - pad]
                    k += 1
                }
                return k
            }
        }
    }
}
