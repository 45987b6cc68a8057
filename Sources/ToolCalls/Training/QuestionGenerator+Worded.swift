import Claims
import JSON
import Verifiers

/// Worded calculator questions ("What is the product of 23 and 47?", "Subtract 4.5 from 10.", "What is the arcsine
/// of 0.5? Give the answer in radians.") in the phrasings the question reader reads whole.
///
/// One source of truth for phrasings: every question drawn here is read back from its own prompt by the audit's
/// reader (``Generator`` keeps it only when the reading asks the calculator for the same value at the same
/// rounding), so the data teaches a model to call `evaluate` for exactly the questions the audit then checks, and a
/// phrasing the reader stops reading drops out of the data instead of teaching a wrong call.
extension QuestionGenerator {
    /// One worded question: its prompt, the expression it asks for (in the calculator's syntax), the rounding, and
    /// a mistake a model makes on it.
    mutating func worded() -> GeneratedQuestion {
        let (phrase, formula, exact, slip) = wordedOperation()
        var rule: StatedValueRule? = nil
        var clause = ""
        if !exact {
            let k = rng.int(in: 1...6)
            switch rng.below(6) {
            case 0:
                rule = .decimalPlaces(k)
                clause = k == 1 ? " Round to one decimal place." : " Round to \(k) decimal places."
            case 1:
                rule = .decimalPlaces(k)
                clause = " Give the answer rounded to \(k) decimal place\(k == 1 ? "" : "s")."
            case 2:
                rule = .decimalPlaces(k)
                clause = " (round to \(k) dp)"
            case 3:
                rule = .decimalPlaces(2)
                clause = " Round your answer to the nearest hundredth."
            case 4:
                let d = rng.int(in: 2...8)
                rule = .significantFigures(d)
                clause = " Give your answer to \(d) significant figures."
            default:
                rule = .decimalPlaces(3)
                clause = " Round to the nearest thousandth."
            }
        }
        let prompt = phrase + clause
        let expression = (try? ExpressionParser.parse(formula)) ?? .number(Self.literal("0"))
        let question = AskedQuestion(kind: .value(expression), rule: rule)
        // The mistake, as a bare answer ("The answer is 1071."): what a model's slip gives, evaluated by the
        // calculator at the asked rounding so that it differs from the truth only by the slip.
        var arguments: [(String, JSONValue)] = [("expression", .string(slip))]
        switch rule {
        case .decimalPlaces(let k)?: arguments.append(("decimals", .number(String(k))))
        case .significantFigures(let k)?: arguments.append(("digits", .number(String(k))))
        default: arguments.append(("digits", 12))
        }
        var wrong = (try? executor.run(.evaluate, arguments: .object(arguments)))?["value"]?.stringValue ?? "0"
        // An exact slip as a model writes it: "1094", not "1094.00000000".
        if rule == nil, wrong.contains(".") {
            while wrong.hasSuffix("0") { wrong.removeLast() }
            if wrong.hasSuffix(".") { wrong.removeLast() }
        }
        let rejected = rng.pick(["The answer is \(wrong).", "\(wrong)", "**\(wrong)**"])
        return GeneratedQuestion(prompt: prompt, question: question, rejected: rejected)
    }

    /// A number as a question writes it and as the calculator reads it: small and large integers (with thousands
    /// separators), negatives and decimals.
    private mutating func wordedNumber(positive: Bool = false, integer: Bool = false) -> (text: String, formula: String) {
        let shape = rng.below(integer ? 3 : 5)
        var value: String
        switch shape {
        case 0: value = String(rng.int(in: 2...99))
        case 1: value = String(rng.int(in: 100...999))
        case 2: value = String(rng.int(in: 1_000...99_999))
        case 3: value = "\(rng.int(in: 0...99)).\(rng.int(in: 1...9))"
        default: value = "\(rng.int(in: 0...999)).\(rng.digitString(2))"
        }
        var text = value
        if shape == 2, rng.chance(1, in: 2) {
            // "12,345": the separator only where it belongs.
            let digits = Array(value)
            let head = digits.count - 3
            text = String(digits[..<head]) + "," + String(digits[head...])
        }
        if !positive && rng.chance(1, in: 4) {
            value = "-" + value
            text = "-" + text
        }
        return (text, value)
    }

    /// An operation in words: (the question, the formula, whether the value is exact as an integer or a short
    /// decimal, the formula of a typical slip).
    private mutating func wordedOperation() -> (String, String, Bool, String) {
        let frame = rng.pick(["What is ", "Calculate ", "Compute ", "What's ", "Find "])
        func ask(_ phrase: String) -> String {
            frame == "What is " || frame == "What's " ? frame + phrase + "?" : frame + phrase + "."
        }
        switch rng.below(12) {
        case 0:
            let (a, b) = (wordedNumber(), wordedNumber())
            let phrase = rng.pick([
                "\(a.text) plus \(b.text)", "the sum of \(a.text) and \(b.text)",
                "the result of adding \(a.text) and \(b.text)",
            ])
            return (ask(phrase), "(\(a.formula)) + (\(b.formula))", true, "(\(a.formula)) + (\(b.formula)) + 1")
        case 1:
            let (a, b) = (wordedNumber(), wordedNumber())
            if rng.chance(1, in: 3) {
                return ("Subtract \(b.text) from \(a.text).", "(\(a.formula)) - (\(b.formula))", true,
                    "(\(b.formula)) - (\(a.formula))")
            }
            let phrase = rng.pick(["\(a.text) minus \(b.text)", "the difference of \(a.text) and \(b.text)"])
            return (ask(phrase), "(\(a.formula)) - (\(b.formula))", true, "(\(a.formula)) + (\(b.formula))")
        case 2:
            let (a, b) = (wordedNumber(integer: true), wordedNumber(integer: true))
            if rng.chance(1, in: 3) {
                return ("Multiply \(a.text) by \(b.text).", "(\(a.formula)) * (\(b.formula))", true,
                    "(\(a.formula)) * (\(b.formula)) - 10")
            }
            let phrase = rng.pick([
                "\(a.text) times \(b.text)", "the product of \(a.text) and \(b.text)",
                "\(a.text) multiplied by \(b.text)",
            ])
            return (ask(phrase), "(\(a.formula)) * (\(b.formula))", true, "(\(a.formula)) * (\(b.formula)) + 10")
        case 3:
            let a = wordedNumber()
            let b = String(rng.int(in: 2...97))
            if rng.chance(1, in: 3) {
                return ("Divide \(a.text) by \(b).", "(\(a.formula)) / \(b)", false, "(\(a.formula)) / \(b) + 0.1")
            }
            let phrase = rng.pick([
                "\(a.text) divided by \(b)", "the quotient of \(a.text) and \(b)",
                "the result of dividing \(a.text) by \(b)",
            ])
            return (ask(phrase), "(\(a.formula)) / \(b)", false, "\(b) / (\(a.formula))")
        case 4:
            let a = String(rng.int(in: 2...25))
            let k = rng.int(in: 2...9)
            let phrase =
                k == 2 && rng.chance(1, in: 2)
                ? "\(a) squared"
                : k == 3 && rng.chance(1, in: 2)
                    ? "\(a) cubed" : rng.pick(["\(a) to the power of \(k)", "\(a) raised to the power \(k)"])
            return (ask(phrase), "\(a)^\(k)", true, "\(a)^\(k - 1)")
        case 5:
            let a = wordedNumber(positive: true)
            let root = rng.chance(1, in: 3) ? "cube" : "square"
            let formula = root == "cube" ? "(\(a.formula))^(1/3)" : "sqrt(\(a.formula))"
            return (ask("the \(root) root of \(a.text)"), formula, false, "(\(a.formula)) / \(root == "cube" ? 3 : 2)")
        case 6:
            // ("the absolute value of …" is read, but the answer "abs(-71) ≈ 71" is not: no example could be verified.)
            let a = String(rng.int(in: 2...999))
            return (ask("the square of \(a)"), "\(a)^2", true, "\(a) * 2")
        case 7:
            let p = rng.pick(["5", "10", "12.5", "15", "20", "25", "30", "40", "75", "150", "2.5"])
            let m = wordedNumber(positive: true)
            let phrase = rng.pick(["\(p)% of \(m.text)", "\(p) percent of \(m.text)"])
            return (ask(phrase), "\(p) / 100 * (\(m.formula))", false, "\(p) * (\(m.formula)) / 10")
        case 8:
            let a = wordedNumber(positive: true)
            switch rng.below(3) {
            case 0:
                let phrase = rng.pick(["the natural log of \(a.text)", "the natural logarithm of \(a.text)"])
                return (ask(phrase), "ln(\(a.formula))", false, "log10(\(a.formula))")
            case 1:
                return (ask("the base-10 logarithm of \(a.text)"), "log10(\(a.formula))", false, "ln(\(a.formula))")
            default:
                return (ask("the base-2 logarithm of \(a.text)"), "log2(\(a.formula))", false, "ln(\(a.formula))")
            }
        case 9:
            let x = rng.pick(["0.1", "0.2", "0.25", "0.3", "0.5", "0.6", "0.75", "0.8", "0.9", "-0.5", "-0.25"])
            let (name, f) = rng.pick([("arcsine", "asin"), ("arccosine", "acos"), ("arctangent", "atan"),
                ("inverse sine", "asin"), ("inverse cosine", "acos"), ("inverse tangent", "atan")])
            let phrase = rng.pick(["What is the \(name) of \(x) in radians?", "What is the \(name) of \(x), in radians?"])
            return (phrase, "\(f)(\(x))", false, "\(f)(\(x)) * 180 / pi")
        case 10:
            let x = rng.pick(["0.5", "1", "1.5", "2", "2.5", "3", "-1", "-0.5", "0.25"])
            let phrase = rng.pick(["e raised to the power \(x)", "e to the power of \(x)"])
            return (ask(phrase), "exp(\(x))", false, "exp(\(x)) + 0.1")
        default:
            let (a, b) = (wordedNumber(integer: true), wordedNumber(positive: true, integer: true))
            let phrase = rng.pick(["\(a.text) more than \(b.text)", "\(b.text) less than \(a.text)"])
            let sum = phrase.contains("more") ? "(\(a.formula)) + (\(b.formula))" : "(\(a.formula)) - (\(b.formula))"
            let slip = phrase.contains("more") ? "(\(a.formula)) - (\(b.formula))" : "(\(b.formula)) - (\(a.formula))"
            return (ask(phrase), sum, true, slip)
        }
    }
}
