import Verifiers

/// The rounding a value stated as an approximation is judged by.
extension ClaimScanner {
    // MARK: - The rule of an approximate value

    /// The rule for a value stated after "≈" or "approximately": as written, but a whole number whose trailing
    /// zeros only fill the places ("e^23 ≈ 9,744,800,000", "√(5.18e6) ≈ 2300", "7^(7/3) ≈ 90") states as many
    /// significant figures as it has digits before them, and must be the true value rounded to those.
    static func approximateRule(_ stated: String) -> StatedValueRule {
        var digits = 0
        var trailingZeros = 0
        for b in stated.utf8 {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                trailingZeros = b == UInt8(ascii: "0") ? trailingZeros + 1 : 0
            case UInt8(ascii: "-"), UInt8(ascii: ","), UInt8(ascii: " "), UInt8(ascii: "{"), UInt8(ascii: "}"): continue
            default: return .asWritten  // a point, an exponent: the places are written
            }
        }
        guard trailingZeros > 0, digits > trailingZeros else { return .asWritten }
        return .significantFigures(digits - trailingZeros)
    }

    /// Gives the rounding the question asks for to every value claim about the question's whole target: "Find e^23.
    /// Round to 6 significant digits." answered "e^23 ≈ 9,744,800,000" is right to six figures.
    mutating func applyQuestionRule() {
        guard let target = question.target, let asked = question.rule else { return }
        for i in claims.indices {
            guard case .value(let e, let stated, let statedExpression, let rule, let unit, let negated) = claims[i].statement,
                e == target, rule != .exact || statedExpression == nil
            else { continue }
            claims[i].statement = .value(
                e, stated: stated, statedExpression: statedExpression, rule: asked, unit: unit, negated: negated)
        }
    }
}
