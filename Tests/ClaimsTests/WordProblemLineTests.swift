import Claims
import Testing
import Verifiers

/// The equations of word-problem solutions, read whole (``ClaimScanner`` word-problem pass): every form below is
/// read from the true start of each side to its end, a right line is confirmed and the same line with a digit off
/// or a wrong product is caught; lines that hold only by a convention not written (a unit conversion, "× 100 =
/// 20%") get no wrong verdict.
@Suite("Word-problem lines")
struct WordProblemLineTests {
    func audit(_ response: String) -> AuditResult {
        var auditor = ResponseAuditor()
        return auditor.audit(prompt: "Solve the word problem.", response: response)
    }

    func describe(_ r: AuditResult) -> String { "\(r.claims.map { ($0.text, $0.verdict, $0.expected ?? "") })" }

    /// (form, right line, the same line wrong, the value the wrong line should have stated)
    static let forms: [(String, String, String, String)] = [
        ("a unit between factors", "It takes 3 hours * 60 minutes = 180 minutes.", "It takes 3 hours * 60 minutes = 190 minutes.", "180"),
        ("a percent times money", "The tip is 20% * $300 = $60.", "The tip is 20% * $300 = $61.", "60"),
        ("a percent of money", "The discount is 15% of $80 = $12.", "The discount is 15% of $80 = $13.", "12"),
        ("percent in words", "The saving is 25 percent of $16 = $4.", "The saving is 25 percent of $16 = $5.", "4"),
        ("currency after", "The discount is 15% of 80 dollars = 12 dollars.", "The discount is 15% of 80 dollars = 14 dollars.", "12"),
        ("a noun before an operator", "He has 90 marbles - 25 = 65 marbles left.", "He has 90 marbles - 25 = 66 marbles left.", "65"),
        ("a dropped * after a noun", "That is 12 apples * 1/3 = 4 apples.", "That is 12 apples * 1/3 = 5 apples.", "4"),
        ("a rate unit", "2.5 miles/day * 7 days = 17.5 miles", "2.5 miles/day * 7 days = 17.6 miles", ""),
        ("mph", "Distance = 40 mph × 3.5 hours = 140 miles.", "Distance = 40 mph × 3.5 hours = 150 miles.", "140"),
        ("a mixed number with and", "That is 1 and 1/3 cups * 3 = 4 cups.", "That is 1 and 1/3 cups * 3 = 5 cups.", "4"),
        ("a mixed number", "That is 3 1/2 hours * 2 = 7 hours.", "That is 3 1/2 hours * 2 = 8 hours.", "7"),
        ("a mixed number stated", "Each gets 7 / 2 = 3 1/2 cups.", "Each gets 7 / 2 = 4 1/2 cups.", ""),
        ("spaced thousands", "The total is 125 x 8 = 1 000 grams.", "The total is 125 x 8 = 1 001 grams.", "1000"),
        ("spaced thousands on both sides", "1 100 x 3 = 3 300", "1 100 x 3 = 3 400", "3300"),
        ("a leading-dot decimal", "She pays .75*8 = $6 a week.", "She pays .75*8 = $7 a week.", "6"),
        ("a leading-dot result", "One share is $3 / 4 = $.75.", "One share is $3 / 4 = $.85.", ""),
        ("comma thousands and a rate", "52 weeks × $2,500 = $130,000 per year.", "52 weeks × $2,500 = $130,500 per year.", "130000"),
        ("square feet", "The area is 12 ft × 10 ft = 120 square feet.", "The area is 12 ft × 10 ft = 121 square feet.", "120"),
        ("units on both terms", "They have 134 books + 94 books = 228 books.", "They have 134 books + 94 books = 218 books.", "228"),
        ("rows x chairs", "There are 8 rows x 15 chairs = 120 chairs.", "There are 8 rows x 15 chairs = 125 chairs.", "120"),
        ("per person", "Each pays $90 / 5 people = $18 each.", "Each pays $90 / 5 people = $19 each.", "18"),
        ("a fraction of a noun", "So 1/3 of 51 students = 17 students.", "So 1/3 of 51 students = 18 students.", "17"),
    ]

    @Test("a right line is confirmed and the same line wrong is caught", arguments: forms)
    func form(name: String, right: String, wrong: String, expected: String) {
        let good = audit(right)
        #expect(good.verdict == .correct, "\(name): \(describe(good))")
        let bad = audit(wrong)
        #expect(bad.verdict == .wrong, "\(name): \(describe(bad))")
        if !expected.isEmpty {
            #expect(bad.claims.contains { $0.verdict == .wrong && $0.expected == expected }, "\(name): \(describe(bad))")
        }
    }

    @Test("every link of a chain is read whole", arguments: [
        ("19 boxes * 2 eggs = 38 eggs, and 38 eggs - 35 eggs = 3 eggs.", 2, 0),
        ("19 boxes * 2 eggs = 39 eggs, and 39 eggs - 35 eggs = 4 eggs.", 2, 1),
        ("19 boxes * 2 eggs = 38 eggs, and 38 eggs - 35 eggs = 4 eggs.", 2, 1),
        ("The rent is $12 x (6 x 2) = $12 x 12 = $144.", 2, 0),
        ("The increase is 10% of $200 = $20, so it is $200 + $20 = $220.", 2, 0),
        ("The increase is 10% of $200 = $21, so it is $200 + $21 = $221.", 2, 1),
    ])
    func chain(line: String, claims: Int, wrong: Int) {
        let r = audit(line)
        #expect(r.claims.count == claims, "\(describe(r))")
        #expect(r.claims.filter { $0.verdict == .wrong }.count == wrong, "\(describe(r))")
    }

    /// Lines true only by a convention they do not write, or read two ways: no wrong verdict (most get no claim).
    static let conventions = [
        "That is 3 hours = 180 minutes.", "The flour weighs 500 g × 4 = 2 kg.", "The coins are worth 50 cents × 6 = $3.",
        "Together 0.5 hours + 30 minutes = 1 hour.", "The share is (30/150) × 100 = 20%.", "Step 2 100 + 5 = 105",
        "She buys 3 dozen × 2 = 72 eggs.", "It lasts 3 weeks × 7 = 21 days.", "1.5 hours * 60 = 90 minutes",
        "It costs $1.5 million * 2 = $3 million.", "Multiply 4 and 1/2 = 2", "The sum of 2 and 1/2 = 2.5",
        "In 2 hours 3 * 60 = 180", "2x-1=1 gives x = 1", "f(3) = 9 apples", "sum of 3 and 4 * 2 = 11",
        "5 thousand * 2 = 10,000 dollars", "That is 2 hours 30 minutes = 150 minutes.", "So 9 100 + 8 = 108",
        "Item 2 100 x 3 = 300",
    ]

    @Test("a line right only by an unwritten convention is never flagged wrong", arguments: conventions)
    func convention(line: String) {
        let r = audit(line)
        #expect(r.verdict != .wrong, "\(describe(r))")
    }

    /// Over generated lines with an exact oracle (integers), every right line is confirmed and every line with the
    /// result moved by 1 to 3 or by 10 is caught.
    @Test("generated lines: right ones confirmed, wrong ones caught")
    func generated() {
        var random = SplitMix64(seed: 18)
        let items = ["apples", "pencils", "marbles", "cards"]
        for _ in 0..<150 {
            let a = Int(random.next() % 400) + 20
            let b = Int(random.next() % 19) + 2
            let item = items[Int(random.next() % 4)]
            let off = [1, 2, 3, 10, -1, -2][Int(random.next() % 6)]
            let lines: [(String, (Int) -> String)] = [
                ("product", { "She has \(a) \(item) * \(b) = \($0) \(item)." }),
                ("difference", { "He has \(a + b) \(item) - \(b) = \($0) \(item) left." }),
                ("tip", { "The tip is 10% * $\(a * 10) = $\($0)." }),
                ("spaced", { "The total is \(b) x 1 000 = \($0 / 1000) \(String(repeating: "0", count: 3)) grams." }),
            ]
            let truths = [a * b, a, a, b * 1000]
            for ((name, make), truth) in zip(lines, truths) {
                let right = make(truth)
                let r = audit(right)
                #expect(r.verdict == .correct, "\(name): \(right) → \(describe(r))")
                let moved = name == "spaced" ? truth + 1000 * abs(off) : truth + off
                let wrong = make(moved)
                let w = audit(wrong)
                #expect(w.verdict == .wrong, "\(name): \(wrong) → \(describe(w))")
            }
        }
    }
}
