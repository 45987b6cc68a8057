public import Claims
public import JSON
import Verifiers

/// Writes the final answer to a question from the calculator's result, in words the audit checks.
///
/// Every answer states the conclusion with its evidence ("No, 34792834 is not prime: 34792834 = 2 × 17396417.");
/// prompts that ask for "[Yes]" or "[No]" get that form last. Nothing here decides the truth: it is read from the
/// tool result, and the caller audits the text before it is written anywhere.
public enum AnswerWriter {
    /// The answer, or nil when the result does not settle the question (an incomplete factorization, an error).
    public static func answer(to question: AskedQuestion, result: JSONValue) -> String? {
        switch question.kind {
        case .primality(let n):
            guard case .bool(let isPrime)? = result["is_prime"] else { return nil }
            let subject = n.description
            var text: String
            if isPrime {
                text = "Yes, \(subject) is prime."
            } else {
                let evidence = result["evidence"]
                if let factor = evidence?["factor"]?.stringValue, let cofactor = evidence?["cofactor"]?.stringValue {
                    text = "No, \(subject) is not prime: \(subject) = \(factor) × \(cofactor)."
                } else if let witness = evidence?["witness"]?.stringValue {
                    text =
                        "No, \(subject) is not prime: base \(witness) is a Miller–Rabin witness, which proves that \(subject) is composite."
                } else if n < BigInteger(2) {
                    text = "No, \(subject) is not prime: primes are greater than 1."
                } else {
                    text = "No, \(subject) is not prime."
                }
            }
            if question.bracketAnswers { text += isPrime ? "\n\n[Yes]" : "\n\n[No]" }
            return text
        case .factorization(let n):
            guard result["complete"] == .bool(true), let factors = result["factors"]?.arrayValue, !factors.isEmpty
            else { return nil }
            var parts: [String] = []
            for f in factors {
                guard let p = f["prime"]?.stringValue, case .number(let e)? = f["exponent"] else { return nil }
                parts.append(e == "1" ? p : p + superscript(e))
            }
            if parts.count == 1 && parts[0] == n.description {
                return "\(n.description) is prime, so its prime factorization is \(n.description) itself."
            }
            return
                "The prime factorization of \(n.description) is \(n.description) = \(parts.joined(separator: " × "))."
        case .divisibility(let n, let d):
            guard let value = result["value"]?.stringValue, !d.isZero else { return nil }
            let point = value.firstIndex(of: ".") ?? value.endIndex
            let fraction = value[point...].dropFirst()
            guard let quotient = BigInteger(String(value[..<point])) else { return nil }
            let subject = n.description
            let divisor = d.description
            var text: String
            if fraction.allSatisfy({ $0 == "0" }) {
                text = "Yes, \(subject) is divisible by \(divisor): \(subject) = \(divisor) × \(quotient.description)."
            } else {
                guard n.signum >= 0, d.signum > 0 else { return nil }
                let remainder = n - d * quotient
                text =
                    "No, \(subject) is not divisible by \(divisor): \(subject) ÷ \(divisor) = "
                    + "\(quotient.description) remainder \(remainder.description)."
            }
            if question.bracketAnswers { text += fraction.allSatisfy({ $0 == "0" }) ? "\n\n[Yes]" : "\n\n[No]" }
            return text
        case .value:
            guard let expression = result["expression"]?.stringValue, let value = result["value"]?.stringValue,
                result["note"] == nil
            else { return nil }
            // A value the digits shown give exactly, with no rounding asked, is written as it is, with "="
            // ("17^8 = 6975757441", not "≈ 6975757441.0000000000"): proven by comparing the shown decimal with the
            // question's rational value (1/3 stays "≈ 0.33333333333333333333").
            if case .value(let e) = question.kind, question.rule == nil, let exact = Rational(e) {
                var digits = value
                if digits.contains(".") {
                    while digits.hasSuffix("0") { digits.removeLast() }
                    if digits.hasSuffix(".") { digits.removeLast() }
                }
                if let shown = try? ExpressionParser.parse(digits), Rational(shown) == exact {
                    return "\(expression) = \(digits)"
                }
            }
            // Otherwise "≈": the value is rounded to the digits asked for, and the audit judges a decimal by the
            // digits it shows whichever sign stands before it.
            return "\(expression) ≈ \(value)"
        }
    }

    /// A short refusal to guess: the number is beyond reliable mental arithmetic.
    public static func abstention(for question: AskedQuestion) -> String {
        switch question.kind {
        case .primality(let n):
            return "I can't reliably settle the primality of \(n.description) by mental arithmetic, and a guess "
                + "would be as likely wrong as right. Please check it with a calculator or a primality test."
        case .factorization(let n):
            return "I can't reliably factor \(n.description) by mental arithmetic, so I won't guess its factors. "
                + "A calculator or a computer algebra system will give the exact factorization."
        case .divisibility(let n, let d):
            return "I can't reliably do the long division of \(n.description) by \(d.description) in my head, so I "
                + "won't guess. A calculator settles it exactly."
        case .value:
            return "I can't compute that value reliably by mental arithmetic: it needs exact range reduction and "
                + "more digits than I can carry, so I won't guess. Please use a calculator."
        }
    }

    private static func superscript(_ digits: String) -> String {
        let map: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        ]
        return String(digits.map { map[$0] ?? $0 })
    }
}
