public import Claims
public import JSON
import Verifiers

/// The calculator call that answers an ``AskedQuestion``.
///
/// Divisibility has no tool of its own: "is N divisible by d?" becomes `evaluate` of N/d with k = digits(d) + 1
/// decimals. A nonzero remainder r gives a fraction r/d ≥ 1/d ≥ 10^(1−k), which rounds to a nonzero k-th place, so the
/// decimals are all zero exactly when d divides N.
public enum CalculatorCall {
    public static func call(for question: AskedQuestion) -> (tool: CalculatorTool, arguments: JSONValue) {
        switch question.kind {
        case .primality(let n):
            return (.isPrime, ["n": .string(n.description)])
        case .factorization(let n):
            return (.factorize, ["n": .string(n.description)])
        case .divisibility(let n, let d):
            let decimals = d.magnitude.description.count + 1
            return (
                .evaluate,
                ["expression": .string("\(n.description)/\(d.description)"), "decimals": .number(String(decimals))]
            )
        case .value(let e):
            let unit = question.unit ?? .radians
            let text = e.text(angleUnit: unit)
            var members: [(String, JSONValue)] = [("expression", .string(text))]
            switch question.rule {
            case .decimalPlaces(let k)?: members.append(("decimals", .number(String(k))))
            case .significantFigures(let k)?: members.append(("digits", .number(String(k))))
            case .asWritten?, .exact?, nil: break
            }
            // "sin(30°)" carries its unit; only unmarked angles need angle_unit.
            if unit == .degrees && !text.contains("°") { members.append(("angle_unit", "degrees")) }
            return (.evaluate, .object(members))
        }
    }
}
