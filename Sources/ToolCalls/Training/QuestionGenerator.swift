public import Claims
import JSON
import Verifiers

/// The kinds of synthetic question `mathcheck generate` writes.
public enum QuestionKind: String, CaseIterable, Sendable {
    case primality, factorization, divisibility, trig
    /// Worded calculator questions: the four operations, powers, squares, roots, percentages, logarithms,
    /// e^x and inverse trigonometric functions in words ("the product of 23 and 47", "Subtract 4.5 from 10.").
    case worded
}

/// One synthetic question: the prompt, what it asks, and a plausible wrong answer (the rejected side).
public struct GeneratedQuestion: Sendable {
    public var prompt: String
    public var question: AskedQuestion
    /// A mistake a model makes on this question (a flipped verdict, a wrong factor, degrees for radians); the
    /// caller audits it and drops it unless it audits `wrong`.
    public var rejected: String
}

/// Draws synthetic questions in varied natural phrasings from a seed: primes and composites in balance (with
/// Carmichael numbers, base-2 pseudoprimes, prime squares and products of close primes among the composites),
/// factorizations, divisibility by true and false divisors, and trigonometric values in radians, degrees and
/// rational multiples of π, with or without a requested rounding. The same seed gives the same questions.
public struct QuestionGenerator {
    public var kinds: [QuestionKind]
    public var digits: ClosedRange<Int>
    var rng: SplitMix64
    private let numbers = SyntheticNumbers()
    let executor = ToolExecutor()
    private var drawn = 0

    public init(seed: UInt64, kinds: [QuestionKind] = QuestionKind.allCases, digits: ClosedRange<Int> = 4...12) {
        self.kinds = kinds.isEmpty ? QuestionKind.allCases : kinds
        self.digits = max(1, digits.lowerBound)...max(1, digits.upperBound)
        rng = SplitMix64(seed: seed)
    }

    /// The next question; kinds take turns so that every kind is equally represented.
    public mutating func next() -> GeneratedQuestion {
        let kind = kinds[drawn % kinds.count]
        drawn += 1
        switch kind {
        case .primality: return primality()
        case .factorization: return factorization()
        case .divisibility: return divisibility()
        case .trig: return trig()
        case .worded: return worded()
        }
    }

    // MARK: - Primality

    private mutating func primality() -> GeneratedQuestion {
        let isPrime = rng.chance(1, in: 2)
        var n: BigInteger
        if isPrime {
            n = numbers.prime(digits: rng.int(in: digits), &rng)
        } else {
            let family = rng.pick(SyntheticNumbers.Composite.allCases)
            n =
                numbers.composite(family, digits: digits, &rng)
                ?? numbers.composite(.closePrimes, digits: digits, &rng)
                ?? numbers.composite(.easy, digits: digits, &rng)
                ?? numbers.composite(.square, digits: digits, &rng) ?? BigInteger(4)
        }
        let s = n.description
        let bracket = rng.chance(1, in: 4)
        let prompt: String
        if bracket {
            prompt = "Is \(s) a prime number? Think step by step and then answer \"[Yes]\" or \"[No]\"."
        } else {
            prompt = rng.pick([
                "Is \(s) prime?", "Is \(s) a prime number?", "Is the number \(s) prime?",
                "Can you check whether \(s) is prime?", "Tell me if \(s) is a prime number.",
                "Quick question: is \(s) prime or composite?", "Determine whether \(s) is a prime.",
                "I need to know: is \(s) prime?",
            ])
        }
        var rejected: String
        if isPrime {
            let d = rng.pick([3, 7, 11, 13, 17])
            rejected = "No, \(s) is not prime: it is divisible by \(d)."
        } else {
            rejected = rng.pick([
                "Yes, \(s) is prime.",
                "Yes, \(s) is a prime number: it is odd and not divisible by 3, 5 or 7, so it has no divisors other "
                    + "than 1 and itself.",
                "\(s) is prime.",
            ])
        }
        if bracket { rejected += isPrime ? "\n\n[No]" : "\n\n[Yes]" }
        return GeneratedQuestion(
            prompt: prompt, question: AskedQuestion(kind: .primality(n), bracketAnswers: bracket), rejected: rejected)
    }

    // MARK: - Factorization

    private mutating func factorization() -> GeneratedQuestion {
        // Products of small primes and one larger prime factor fast at any size and look like the forum's 583835.
        let target = rng.int(in: digits)
        var n = BigInteger(1)
        var factors: [BigInteger] = []
        if rng.chance(1, in: 5) {
            n = numbers.prime(digits: target, &rng)
            factors = [n]
        } else {
            while n.description.count < max(1, target - 3) {
                let p = rng.pick([2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 97, 101])
                n = n * BigInteger(p)
                factors.append(BigInteger(p))
                if factors.count >= 4 { break }
            }
            let rest = max(1, target - n.description.count)
            let big = numbers.prime(digits: rest, &rng)
            n = n * big
            factors.append(big)
        }
        let s = n.description
        let prompt = rng.pick([
            "What is the prime factorization of \(s)?", "Factor \(s) into primes.", "Find the prime factors of \(s).",
            "Factorize \(s).", "Give the prime factorization of \(s).", "Can you factor \(s)?",
        ])
        let rejected: String
        if factors.count == 1 {
            let three = BigInteger(3)
            let q = (try? n.quotientAndRemainder(dividingBy: three).quotient) ?? n
            rejected = "\(s) is not prime: \(s) = 3 × \(q.description)."
        } else {
            // A classic slip: the last factor is off by two, so the product is wrong.
            var shown = factors.map(\.description)
            shown[shown.count - 1] = (factors[factors.count - 1] + BigInteger(2)).description
            rejected = "The prime factorization of \(s) is \(s) = \(shown.joined(separator: " × "))."
        }
        return GeneratedQuestion(prompt: prompt, question: AskedQuestion(kind: .factorization(n)), rejected: rejected)
    }

    // MARK: - Divisibility

    private mutating func divisibility() -> GeneratedQuestion {
        let d = BigInteger(
            rng.pick([3, 4, 6, 7, 9, 11, 12, 13, 17, 19, 23, 27, 29, 37, 41, 99, 101, 127, 143, 221, 999]))
        let divides = rng.chance(1, in: 2)
        let target = max(rng.int(in: digits), d.description.count + 1)
        var n = BigInteger(rng.digitString(target)) ?? BigInteger(1001)
        let r = (try? n.modulo(d)) ?? BigInteger(0)
        if divides {
            n = n - r
            if n.isZero { n = d }
        } else if r.isZero {
            n += BigInteger(1)
        }
        let s = n.description
        let v = d.description
        let bracket = rng.chance(1, in: 5)
        let prompt =
            bracket
            ? "Is \(s) divisible by \(v)? Answer \"[Yes]\" or \"[No]\"."
            : rng.pick([
                // The audit reads "divisible by" after the number it is about ("Is N divisible by d"), not after
                // "is" ("Check whether N is divisible by d"), so only the first kind of phrasing is used.
                "Is \(s) divisible by \(v)?", "Is \(s) evenly divisible by \(v)?", "Is \(s) exactly divisible by \(v)?",
                "Quick check: is \(s) divisible by \(v)?", "Is \(s) divisible by \(v)? Show your reasoning.",
            ])
        var rejected =
            divides
            ? "No, \(s) is not divisible by \(v)." : "Yes, \(s) is divisible by \(v)."
        if bracket { rejected += divides ? "\n\n[No]" : "\n\n[Yes]" }
        return GeneratedQuestion(
            prompt: prompt, question: AskedQuestion(kind: .divisibility(n, divisor: d), bracketAnswers: bracket),
            rejected: rejected)
    }

    // MARK: - Trigonometry

    private mutating func trig() -> GeneratedQuestion {
        let f = rng.pick([Expression.Function.sin, .cos, .tan])
        let name = ["sin": "sine", "cos": "cosine", "tan": "tangent"][f.rawValue] ?? f.rawValue
        // The argument: (text in a formula, text in words, expression, unit, the mistaken argument).
        let argument: (formula: String, words: String, expression: Expression, mistake: String)
        switch rng.below(4) {
        case 0:
            let k = rng.digitString(rng.int(in: 1...min(6, digits.upperBound)))
            argument = (k, "\(k) radians", .number(Self.literal(k)), "\(k)°")
        case 1:
            let text = (rng.chance(1, in: 3) ? "-" : "") + "\(rng.below(10)).\(rng.digitString(1))\(rng.below(100))"
            argument = (text, "\(text) radians", Self.parse(text), "\(text)°")
        case 2:
            let k = String(rng.int(in: 1...359))
            argument = ("\(k)°", "\(k) degrees", .degrees(.number(Self.literal(k))), k)
        default:
            let m = rng.pick([3, 4, 5, 6, 7, 8, 9, 10, 12])
            let k = rng.int(in: 1...(2 * m - 1))
            let text = k == 1 ? "π/\(m)" : "\(k)π/\(m)"
            argument = (text, text, Self.parse(text), k == 1 ? "3.14/\(m)" : "\(k)*3.14/\(m)")
        }
        var rule: StatedValueRule? = nil
        var ask = ""
        switch rng.below(3) {
        case 0:
            let k = rng.int(in: 1...8)
            rule = .decimalPlaces(k)
            ask = k == 1 ? "one decimal place" : "\(k) decimal places"
        case 1:
            let k = rng.int(in: 2...8)
            rule = .significantFigures(k)
            ask = "\(k) significant figures"
        default: break
        }
        let formula = "\(f.rawValue)(\(argument.formula))"
        let prompt: String
        if ask.isEmpty {
            prompt = rng.pick([
                "What is \(formula)?", "What is the \(name) of \(argument.words)?", "Evaluate \(formula).",
                "Find the value of \(formula).",
            ])
        } else {
            prompt = rng.pick([
                "What is \(formula)? Give the answer rounded to \(ask).",
                "What is the \(name) of \(argument.words)? Round to \(ask).", "Compute \(formula) to \(ask).",
            ])
        }
        // The mistake: degrees for radians and back, or π taken as 3.14.
        var arguments: [(String, JSONValue)] = [("expression", .string("\(f.rawValue)(\(argument.mistake))"))]
        switch rule {
        case .decimalPlaces(let k)?: arguments.append(("decimals", .number(String(k))))
        case .significantFigures(let k)?: arguments.append(("digits", .number(String(k))))
        default: arguments.append(("digits", 16))
        }
        let wrong = (try? executor.run(.evaluate, arguments: .object(arguments)))?["value"]?.stringValue ?? "1"
        let rejected = "\(formula) ≈ \(wrong)"
        let question = AskedQuestion(kind: .value(.function(f, argument.expression)), rule: rule)
        return GeneratedQuestion(prompt: prompt, question: question, rejected: rejected)
    }

    static func literal(_ digits: String) -> DecimalLiteral {
        DecimalLiteral(digits: digits, fractionDigits: 0, exponent: 0)
    }

    private static func parse(_ text: String) -> Expression {
        (try? ExpressionParser.parse(text)) ?? .number(literal("0"))
    }
}
