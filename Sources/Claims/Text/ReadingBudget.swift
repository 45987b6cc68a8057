/// How many reading steps one text may take: the bound that keeps every read of a question or an answer linear in
/// its length, however its tokens are arranged.
///
/// The readers try an expression from many starts and shorten a run until it reads (``ExpressionReader/longest``),
/// so a text built to defeat them ("((((… a" repeated, "sin sin sin …") would cost time quadratic in its length or
/// worse. Every step of the expression reader (one ``ExpressionReader/primary()``, or one token of a run scanned)
/// spends one unit; real texts spend a few dozen per token (the corpora at most
/// ``measuredStepsPerToken``), the budget allows ``stepsPerToken``. A text whose budget runs out is not read
/// whole: the question asks for nothing, and the answer's claims are `unverified` with the reason (a claim found
/// before the end may have been judged whole by reads that the exhausted budget cut short).
///
/// Deterministic: a count of steps, never a clock, so the same text gives the same output on every run.
/// One budget is shared by every copy of a ``TokenStream`` (a class, so that readers copied from the stream spend
/// from the same count); it is used by one thread at a time, like the auditor that owns it.
final class ReadingBudget: @unchecked Sendable {
    /// Steps every text may take, whatever its length.
    static let baseSteps = 1 << 14
    /// Steps allowed per token beyond ``baseSteps``.
    static let stepsPerToken = 64
    /// The most steps per token any record took when the budget was set (5.4, on LLMDrift, CHAMP, the labelled
    /// corpus, the vectors and 20,000 phrasings; the most for one text: 732, for 2,152 tokens).
    static let measuredStepsPerToken = 6

    @exclusivity(unchecked) private(set) var remaining: Int
    @exclusivity(unchecked) private(set) var limit: Int

    init(tokens: Int) {
        limit = Self.baseSteps + Self.stepsPerToken * tokens
        remaining = limit
    }

    /// A budget of exactly `steps` steps (for tests of what happens when one runs out).
    init(steps: Int) {
        limit = steps
        remaining = steps
    }

    /// Starts over for a text of `tokens` tokens.
    func reset(tokens: Int) {
        limit = Self.baseSteps + Self.stepsPerToken * tokens
        remaining = limit
    }

    /// Whether the text has used up its steps.
    var isExhausted: Bool { remaining < 0 }

    /// The steps taken so far.
    var spent: Int { limit - max(remaining, -1) }

    /// Spends `steps`; false once the budget is used up (and from then on).
    @inline(__always)
    func spend(_ steps: Int = 1) -> Bool {
        remaining &-= steps
        return remaining >= 0
    }
}
