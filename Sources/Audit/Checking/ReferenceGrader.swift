public import Claims
public import Verifiers

/// Grades a response's answer against a reference answer by value.
///
/// Yes/no answers must agree; factorizations must have the same factors in any order; an integer must be equal;
/// values are compared at the precision both sides state: an exact reference ("√3/2") is the truth against which
/// the response's value is judged by the stated-value rule, and a decimal reference ("0.66") agrees with a response
/// when the less precise of the two is within one unit of its last place of the more precise one ("0.6601" and
/// "0.66" agree; "0.67" and "0.66" do not).
public struct ReferenceGrader: Sendable {
    public enum Grade: Sendable, Equatable {
        /// The response's answer says what the reference says.
        case matches
        /// It says something else.
        case differs
        /// The response states no answer to the question.
        case noAnswer
        /// The answer and the reference are of forms that cannot be compared ("0.66" against "Yes").
        case incomparable(String)
    }

    let judge: StatedValueJudge

    public init(bounds: Bounds = .standard) { judge = StatedValueJudge(evaluator: Evaluator(bounds: bounds)) }

    public func grade(_ answer: Claim?, against reference: ReferenceAnswer) -> Grade {
        guard let answer else { return .noAnswer }
        let stated = answer.statedAnswer
        switch (stated, reference) {
        case (.yesNo(let a), .yesNo(let b)):
            return a == b ? .matches : .differs
        case (.factors(let a), .factors(let b)):
            return a.sorted(by: <) == b ? .matches : .differs
        case (.quotient(let q, let r), .factors(let b)) where b.count == 1 && (r == nil || r?.isZero == true):
            return q == b[0] ? .matches : .differs
        case (.value(let text, let exact), .factors(let b)) where b.count == 1:
            let digits = b[0].description
            let integer = Expression.number(DecimalLiteral(digits: digits, fractionDigits: 0, exponent: 0))
            return compare(text, exact, .value(digits, integer, decimals: nil))
        case (.value(let text, let exact), .value):
            return compare(text, exact, reference)
        default:
            return .incomparable("the answer \(describe(stated)) cannot be compared with the reference \(describe(reference))")
        }
    }

    private func compare(_ text: String, _ exact: Expression?, _ reference: ReferenceAnswer) -> Grade {
        guard case .value(let referenceText, let truth, let referenceDecimals) = reference else { return .differs }
        if text.hasPrefix("≠") { return .incomparable("the answer states no value") }
        // An exact form written in LaTeX ("-\frac{1}{2}", "\dfrac{3\pi}{4}") is judged by the expression read from it.
        var text = text
        if let exact, (try? ExpressionParser.parse(text.replacing("−", with: "-"))) == nil {
            text = exact.text(angleUnit: .radians)
        }
        let responseDecimals = Self.decimals(text)
        let judgement: Judgement
        if let referenceDecimals {
            // Both are values; the reference is itself rounded. Judge the coarser against the finer as exact.
            if let responseDecimals, responseDecimals > referenceDecimals,
                let finer = try? ExpressionParser.parse(text.replacing("−", with: "-"))
            {
                judgement = judge.judge(stated: referenceText, expression: finer, rule: .asWritten)
            } else if responseDecimals != nil {
                judgement = judge.judge(stated: text, expression: truth, rule: .asWritten)
            } else if let exact {
                // An exact form against a rounded reference: the reference must be within a unit of it.
                judgement = judge.judge(stated: referenceText, expression: exact, rule: .asWritten)
            } else {
                return .incomparable("the answer \(text) is not a value mathcheck reads")
            }
        } else {
            judgement = judge.judge(stated: text, expression: truth)
        }
        switch judgement.verdict {
        case .correct: return .matches
        case .wrong: return .differs
        case .unverified: return .incomparable(judgement.reason ?? "the values could not be compared")
        }
    }

    /// Digits after the decimal point of a plain decimal ("0.660" → 3); nil for anything else.
    static func decimals(_ text: String) -> Int? {
        let t = text.trimming(" ")
        guard let dot = t.firstIndex(of: "."),
            t.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "−" || $0 == "+" })
        else { return nil }
        return t.distance(from: dot, to: t.endIndex) - 1
    }

    private func describe(_ answer: StatedAnswer) -> String {
        switch answer {
        case .yesNo(let b): return b ? "yes" : "no"
        case .factors(let f): return f.map(\.description).joined(separator: " × ")
        case .value(let text, _): return text
        case .quotient(let q, _): return q.description
        }
    }

    private func describe(_ reference: ReferenceAnswer) -> String {
        switch reference {
        case .yesNo(let b): return b ? "yes" : "no"
        case .factors(let f): return f.map(\.description).joined(separator: " × ")
        case .value(let text, _, _): return text
        }
    }
}
