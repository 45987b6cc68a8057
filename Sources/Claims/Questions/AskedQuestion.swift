public import Verifiers

/// The question a prompt asks, when it is one the calculator answers: whether N is prime, N's prime factorization,
/// whether N is divisible by d, or the value of an expression at the rounding the prompt asks for.
///
/// This is the reading the audit already makes of a prompt (``ResponseAuditor`` judges which claim answers it), made
/// public so that training-data emitters ask the calculator the same question the audit will check the answer
/// against. The most specific question wins: divisibility, then factorization, then primality, then a value.
public struct AskedQuestion: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// "Is 17077 a prime number?"
        case primality(BigInteger)
        /// "What is the prime factorization of 583835?"
        case factorization(BigInteger)
        /// "Is 34792834 divisible by 17?"
        case divisibility(BigInteger, divisor: BigInteger)
        /// "What is cos(3532 radians)?", "What is the sine of -0.413 radians? Round to one decimal place."
        case value(Expression)
    }

    public var kind: Kind
    /// The prompt asks for the answer as "[Yes]" or "[No]" (LLMDrift's prompts).
    public var bracketAnswers: Bool
    /// The unit the prompt's angles are in, when it names exactly one.
    public var unit: AngleUnit?
    /// The rounding the prompt asks for ("to 3 decimal places", "4 significant figures"), when it asks.
    public var rule: StatedValueRule?

    /// Reads the question in `prompt`; nil when it asks nothing the calculator answers.
    public init?(prompt: String) {
        var text = prompt
        var tokens: [Token] = []
        let question = text.withUTF8 { bytes in
            Tokenizer.tokenize(bytes, into: &tokens)
            return Question(TokenStream(bytes: bytes, tokens: tokens))
        }
        self.init(question)
    }

    init?(_ question: Question) {
        // "Is 2^67 − 1 prime?": the number may be written as an expression, which the reader sees as the target.
        let subject =
            question.subject ?? (question.target ?? question.stem).flatMap { Rational($0) }.flatMap {
                $0.den == 1 ? $0.num : nil
            }
        if let n = subject, let d = question.divisor {
            kind = .divisibility(n, divisor: d)
        } else if question.asksFactorization || question.asksPrimality {
            guard let n = subject else { return nil }
            kind = question.asksFactorization ? .factorization(n) : .primality(n)
        } else if let target = question.target, !question.unitAmbiguous, !question.targetIsComputed {
            kind = .value(target)
        } else {
            return nil
        }
        bracketAnswers = question.bracketAnswers
        unit = question.unitAmbiguous ? nil : question.unit
        rule = question.rule
    }

    public init(kind: Kind, bracketAnswers: Bool = false, unit: AngleUnit? = nil, rule: StatedValueRule? = nil) {
        self.kind = kind
        self.bracketAnswers = bracketAnswers
        self.unit = unit
        self.rule = rule
    }
}
