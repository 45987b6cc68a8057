import ArgumentParser
import ToolCalls

/// `mathcheck generate --count N --seed S --kinds … --digits A-B --format F`: synthetic fine-tuning rows.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write synthetic fine-tuning data: calculator questions in varied phrasings, verified answers.",
        discussion: """
            Questions: primality (primes and composites in balance, including Carmichael numbers, base-2 \
            pseudoprimes, prime squares and products of close primes), factorization, divisibility, and \
            trigonometric values in radians, degrees and multiples of π. Every answer is audited correct; the \
            rejected side of a preference row is a typical mistake that audits wrong. The same seed gives the same \
            file. The summary goes to standard error.
            """
    )

    @Option(help: "How many examples to write.")
    var count: Int = 100

    @Option(help: "The seed of the deterministic generator.")
    var seed: UInt64 = 1

    @Option(help: "Comma-separated kinds: primality, factorization, divisibility, trig, worded (default: all).")
    var kinds: String = QuestionKind.allCases.map(\.rawValue).joined(separator: ",")

    @Option(help: "The range of digits of the numbers, A-B (default 4-12).")
    var digits: String = "4-12"

    @OptionGroup var rows: TrainingRowOptions


    func validate() throws {
        guard count >= 0 else { throw ValidationError("--count must be 0 or more") }
        if rows.format.isStepwise {
            throw ValidationError("trl-prm rows are cut from real answers: use mathcheck emit FILE --format trl-prm")
        }
        _ = try parsedKinds()
        _ = try parsedDigits()
    }

    func parsedKinds() throws -> [QuestionKind] {
        try kinds.split(separator: ",").map { name in
            guard let kind = QuestionKind(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError(
                    "unknown kind '\(name)'; the kinds are \(QuestionKind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            return kind
        }
    }

    func parsedDigits() throws -> ClosedRange<Int> {
        let parts = digits.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let low = Int(parts[0]), let high = Int(parts[parts.count - 1]),
            low >= 1, low <= high, high <= 60
        else { throw ValidationError("--digits must be A-B with 1 ≤ A ≤ B ≤ 60, e.g. 4-12; got '\(digits)'") }
        return low...high
    }

    func run() throws {
        var generator = Generator(
            format: rows.format, style: rows.style, system: rows.system, seed: seed, kinds: try parsedKinds(),
            digits: try parsedDigits())
        let sink = try TrainingOutput(path: rows.output)
        generator.run(count: count) { sink.buffer.write($0) }
        sink.buffer.flush()
        warn(generator.summary.report(format: rows.format, inputName: "questions drawn"))
        if generator.summary.examples < count {
            warn(
                "only \(generator.summary.examples) of the \(count) examples asked for: these options allow few "
                    + "distinct questions (widen --digits or --kinds)")
        }
    }
}
