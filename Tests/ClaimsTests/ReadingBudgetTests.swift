@testable import Claims
import Testing
import Verifiers

/// The reading budget: every read spends from one count per text, and a read that runs out reads nothing (never a
/// part of the expression).
@Suite("Reading budget")
struct ReadingBudgetTests {

    @Test("a read within the budget reads; one past it reads nothing, and so does every read after it")
    func readsStopWhole() {
        let text = "(1 + 2) × (3 + 4) + 5"
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in
            var tokens: [Token] = []
            Tokenizer.tokenize(b, into: &tokens)
            let enough = ReadingBudget(tokens: tokens.count)
            let read = ExpressionReader.read(TokenStream(bytes: b, tokens: tokens, budget: enough), 0, tokens.count)
            #expect(read != nil)
            #expect(!enough.isExhausted)
            let steps = enough.spent
            #expect(steps > 0 && steps <= ReadingBudget.measuredStepsPerToken * tokens.count)
            let short = ReadingBudget(steps: steps - 1)
            let stream = TokenStream(bytes: b, tokens: tokens, budget: short)
            #expect(ExpressionReader.read(stream, 0, tokens.count) == nil)
            #expect(short.isExhausted)
            // Nothing more is read from this text, not even its first number alone.
            #expect(ExpressionReader.read(stream, 1, 2) == nil)
            let exact = ReadingBudget(steps: steps)
            #expect(ExpressionReader.read(TokenStream(bytes: b, tokens: tokens, budget: exact), 0, tokens.count) != nil)
        }
    }

    @Test("a prompt that runs out of steps asks for no value")
    func unreadQuestion() {
        let bytes = Array("What is 2 + 3?".utf8)
        bytes.withUnsafeBufferPointer { b in
            var tokens: [Token] = []
            Tokenizer.tokenize(b, into: &tokens)
            let read = Question(TokenStream(bytes: b, tokens: tokens, budget: ReadingBudget(tokens: tokens.count)))
            #expect(read.target != nil && !read.unread)
            let cut = Question(TokenStream(bytes: b, tokens: tokens, budget: ReadingBudget(steps: 2)))
            #expect(cut.target == nil && cut.stem == nil && cut.unread)
        }
    }

    @Test("real texts spend a few steps per token, far inside the budget")
    func realTexts() {
        let texts = [
            "So 19 × 94 = 1786, and $\\sin 30^\\circ = 0.5$; the square root of 5492 is approximately 74.1.",
            (1...100).map(String.init).joined(separator: " + ") + " = 5050",
            String(repeating: "(", count: 50) + "1" + String(repeating: ")", count: 50) + " = 1",
        ]
        for text in texts {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                var tokens: [Token] = []
                Tokenizer.tokenize(b, into: &tokens)
                let budget = ReadingBudget(tokens: tokens.count)
                var scanner = ClaimScanner(TokenStream(bytes: b, tokens: tokens, budget: budget), question: Question())
                _ = scanner.scan()
                #expect(budget.spent <= ReadingBudget.measuredStepsPerToken * tokens.count + 1000, "\(text)")
            }
        }
    }
}
