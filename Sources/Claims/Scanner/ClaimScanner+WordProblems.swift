import Verifiers

/// The equations of word-problem solutions, read whole: "It takes 3 hours * 60 minutes = 180 minutes.", "The tip is
/// 20% * $300 = $60.", "He has 90 marbles - 25 = 65 marbles left.", "That is 12 apples * 1/3 = 4 apples.",
/// "2.5 miles/day * 7 days = 17.5 miles", "1 and 1/3 cups * 3 = 4 cups", "125 x 8 = 1 000 grams".
///
/// The run of math tokens the equation pass reads stops at the first noun, so these lines gave it only a part of a
/// side, which whole-or-nothing (``coversWhole(_:)``) then dropped. This pass reads each side of an "=" from its true
/// start with a grammar of quantities: a number (thousands spaced or with commas, a decimal without its leading
/// zero, a mixed number "3 1/2" or "1 and 1/3", a currency sign before it or "dollars" after it, a percent sign),
/// then at most three unit words ("miles/day", "square feet"), joined by + − × ÷ "x", a "*" the tokenizer dropped,
/// and "of" after a percent or a fraction. It makes a claim only for a link whose both sides it read to their ends,
/// that no claim of the other passes already covers:
/// - the first left side starts after a token that cannot go on with it (not a number, an operator, "of", a word
///   glued to it, a unit word after a number); a side between two relations is read exactly; the last right side
///   ends before a token that cannot go on with it;
/// - units keep a sum honest: the terms of a sum or difference that both have units have the same ones ("0.5 hours
///   + 30 minutes" is no claim), a unit on the right side must be one of the left side's when that has any ("500 g
///   × 4 = 2 kg" is no claim), and words that scale a number ("cents", "dozen", "thousand") make no claim;
/// - a percent on the right side ("= 20%") is no claim: models write it for a fraction times 100 as often as for a
///   hundredth.
extension ClaimScanner {
    /// The most tokens before an "=" where the first left side may start.
    static let wordProblemReach = 40

    mutating func scanWordProblemLines() {
        var r = 0
        let count = stream.count
        while r < count {
            // The next "=", found through a pointer (most tokens are not one).
            r = stream.tokens.withUnsafeBufferPointer { tokens in
                var k = r
                while k < tokens.count && tokens[k].kind != .equals { k += 1 }
                return k
            }
            guard r < count else { return }
            // The chain of "=" in this clause: r0 = r, r1, ...; each segment between two is read exactly.
            var relations = [r]
            var k = r + 1
            while k < count && k < r + 400 {
                let kind = stream.kind(k)!
                if kind == .equals {
                    relations.append(k)
                } else if isWordProblemBoundary(k) || kind == .approx || kind == .notEqual || kind == .otherRelation {
                    break
                }
                k += 1
            }
            // The clause of the chain: back from its first relation and on from its last to a boundary.
            var from = r
            while from > 0 && from > r - Self.wordProblemReach && !isWordProblemBoundary(from - 1) { from -= 1 }
            var to = relations.last! + 1
            while to < count && to < relations.last! + Self.wordProblemReach && !isWordProblemBoundary(to) { to += 1 }
            if mayHoldWordForm(from, to) {
                readChain(relations)
            }
            r = relations.last! + 1
        }
    }

    /// Whether tokens from..<to hold a form that only this pass reads (``WordSide/wordForm``), judged from each token
    /// and its neighbours without reading anything: most equations in answers have none, and are passed at once.
    private func mayHoldWordForm(_ from: Int, _ to: Int) -> Bool {
        var i = from
        while i < to {
            switch stream.kind(i)! {
            case .percent: return true
            case .period: if isLeadingDot(i) { return true }
            case .number:
                // "1 000", "3 1/2"
                if stream.kind(i + 1) == .number { return true }
            case .word:
                if Self.isMathToken(stream, i) { break }
                let next = stream.kind(i + 1)
                if next == .plus || next == .minus || next == .times || next == .divide { return true }
                // "$390 / 6 people = $65", "(12 apples) …": a unit before a relation or a bracket.
                if next == .equals || next == .closeParen, stream.kind(i - 1) == .number { return true }
                if stream.isWord(i, "percent") || stream.isWord(i + 1, "x") { return true }
                if stream.isWord(i, "of") || stream.isWord(i, "and"), stream.kind(i - 1) == .number { return true }
                if next == .number || next == .openParen || next == .period, hasDroppedTimes(i, i + 1) { return true }
            default: break
            }
            i += 1
        }
        return false
    }

    /// Whether token i ends a clause for this pass: a line break, ";", "?", "!", ":", or a period that does not start a
    /// decimal (".75").
    private func isWordProblemBoundary(_ i: Int) -> Bool {
        switch stream.kind(i) {
        case .newline, .semicolon, .question, .exclamation, .colon, .boxed, .none: return true
        case .period: return !isLeadingDot(i)
        default: return false
        }
    }

    /// Whether period token i is the point of a decimal written without its leading zero: touching the number after
    /// it, and after a space, a currency sign, a bracket or the start of the text (".75*8", "$.50").
    func isLeadingDot(_ i: Int) -> Bool {
        guard stream.kind(i) == .period, stream.kind(i + 1) == .number, stream.adjacent(i),
            !stream[i + 1].hasPoint
        else { return false }
        let start = stream[i].start
        guard start > 0 else { return true }
        let b = stream.bytes[start - 1]
        return b == 0x20 || b == 0x24 || b == 0x28 || b == 0x0A || b == 0x09 || b == 0xAC || b == 0xA3
    }

    private mutating func readChain(_ relations: [Int]) {
        var left: WordSide? = nil
        var nextLeft: WordSide?? = nil
        for (index, r) in relations.enumerated() {
            if index == 0 {
                left = firstLeftSide(before: r, after: -1)
            } else if let n = nextLeft {
                left = n
            }
            nextLeft = nil
            let isLast = index == relations.count - 1
            var right: WordSide? = nil
            if !isLast {
                right = WordSideReader.read(self, from: r + 1, to: relations[index + 1], open: false)
            }
            if right == nil {
                // The last side, or a stretch between two relations that is not one side ("= 16 eggs, and 16 eggs
                // - 18 eggs ="): the right side read as far as it goes, and the next link's left side from its own
                // true start.
                right = WordSideReader.read(self, from: r + 1, to: min(stream.count, r + 1 + ExpressionReader.maxTokens), open: true)
                if let side = right, !endsClean(side.end) { right = nil }
                if !isLast {
                    let next = relations[index + 1]
                    nextLeft = .some(firstLeftSide(before: next, after: right?.end ?? r))
                }
            }
            if let l = left, let rr = right { addWordProblemLink(l, relation: r, right: rr) }
            left = right
        }
    }

    /// The left side of the first "=" at token r, from its true start: the farthest start, within the clause, after
    /// a token that cannot go on with it, from which the side reads exactly up to r.
    private func firstLeftSide(before r: Int, after floor: Int) -> WordSide? {
        var s = r - 1
        var earliest = r
        while s > floor && s >= r - Self.wordProblemReach && !isWordProblemBoundary(s) {
            earliest = s
            s -= 1
        }
        var start = earliest
        while start < r {
            if startsClean(start), let side = WordSideReader.read(self, from: start, to: r, open: false) {
                return side
            }
            start += 1
        }
        return nil
    }

    /// Whether an expression can start at token s with nothing before it that goes on with it.
    private func startsClean(_ s: Int) -> Bool {
        guard let k = stream.kind(s) else { return false }
        switch k {
        case .number, .minus, .openParen: break
        case .period: guard isLeadingDot(s) else { return false }
        default: return false
        }
        if k == .number && stream.kind(s - 1) == .period && isLeadingDot(s - 1) { return false }
        let b = s - 1
        guard let before = stream.kind(b) else { return true }
        if hasDroppedTimes(b, s) { return false }
        switch before {
        case .newline, .semicolon, .colon, .comma, .question, .exclamation: return true
        case .period: return !stream.adjacent(b)
        case .word:
            if stream.adjacent(b) || Self.isMathToken(stream, b) { return false }
            if stream.isWord(b, in: Self.wordProblemBlockingStarts) { return false }
            // "sum of 3 and 4", "in 2 hours 3 * 60": a word after a number belongs to it.
            if stream.kind(b - 1) == .number || stream.kind(b - 1) == .percent { return false }
            if stream.isWord(b, "x") { return false }
            return true
        default: return false
        }
    }

    /// Whether the last right side, ending before token n, ends there: nothing after it goes on with it.
    private func endsClean(_ n: Int) -> Bool {
        guard let after = stream.kind(n) else { return true }
        if hasDroppedTimes(n - 1, n) { return false }
        switch after {
        case .newline, .semicolon, .comma, .question, .colon, .closeParen, .closeBracket: break
        case .exclamation: if stream.adjacent(n - 1) { return false }
        case .period: if isLeadingDot(n) { return false }
        case .word:
            // "= 4 and 1/2": a mixed number not read.
            if stream.isWord(n, "and"), stream.kind(n + 1) == .number, stream.kind(n + 2) == .divide { return false }
            // The words after the value ("= 65 marbles left", "= $6 a week") must not go on into an operation.
            var k = n
            while k < n + 4, stream.kind(k) == .word {
                if stream.isWord(k, in: Self.wordProblemContinuing) || Self.isMathToken(stream, k) { return false }
                if hasDroppedTimes(k, k + 1) { return false }
                k += 1
            }
            if let next = stream.kind(k), Self.expressionOperators & next.bit != 0 || next == .percent { return false }
        default: return false
        }
        return true
    }

    private mutating func addWordProblemLink(_ left: WordSide, relation r: Int, right: WordSide) {
        // Two lone quantities ("1.5 hours = 90 minutes") state no computation; a percent on the right is ambiguous.
        if left.shape.isSingleNumber && right.shape.isSingleNumber { return }
        if right.hasPercent || left.scaled || right.scaled { return }
        if !left.wordForm && !right.wordForm { return }
        // A unit on the right must be one of the left side's, when that has any.
        let rightUnits = right.units.union(right.trailingUnits)
        if !left.units.isEmpty && !rightUnits.isSubset(of: left.units) { return }
        // "So 9 100 + 8 = 108": spaced thousands at the start of a line's first side may be a list number before
        // a number; read so only at the start of a clause or when the other side is spaced too.
        if left.startsSpaced, !right.hasSpaced, let before = stream.kind(left.start - 1),
            before != .newline && before != .colon && before != .semicolon
        {
            return
        }
        let bytes = stream[left.start].start..<stream[right.end - 1].end
        // Only what no other pass claimed: those claims stand as they are.
        for c in claims where c.bytes.overlaps(bytes) { return }
        let before = claims.count
        addEquation((left.expression, left.shape, left.start, left.end), relation: r,
            right: (right.expression, right.shape, right.start, right.end))
        // Whole or nothing holds for these claims too.
        if claims.count > before, !coversWhole(claims[claims.count - 1]) { claims.removeLast() }
    }

    /// Words before a number that make it part of a longer expression.
    static let wordProblemBlockingStarts = WordSet([
        "of", "by", "times", "plus", "minus", "over", "from", "than", "divided", "multiplied", "root", "square",
        "cube", "sum", "product", "difference", "quotient", "negative", "mod", "modulo", "to", "power", "between",
        "x", "log", "exponent", "factorial", "gcd", "lcm", "step", "steps", "line", "item", "case", "part",
        "no", "number", "problem", "question", "example", "rule", "equation", "eq", "stage", "round", "#", "add",
        "subtract", "multiply", "divide",
    ])

    /// Words after a value that go on with it.
    static let wordProblemContinuing = WordSet([
        "times", "x", "plus", "minus", "over", "divided", "multiplied", "of", "mod", "modulo", "remainder", "r",
        "squared", "cubed", "percent", "to", "power", "raised", "less", "more", "with", "rem", "rounded",
        "approximately", "about", "roughly", "nearly", "or",
    ])

    /// Words that scale a number rather than name what it counts: no claim is made with them.
    static let scalingWords = WordSet([
        "cents", "cent", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
        "billion", "billions", "trillion", "k", "m", "bn", "half", "halves", "quarter", "quarters", "thirds",
        "third", "fourths", "tenths", "percent", "pct", "pennies", "penny", "nickels", "dimes", "score", "pair",
        "pairs", "couple",
    ])

    /// Words that never name a unit after a number.
    static let nonUnitWords = WordSet([
        "and", "or", "is", "are", "was", "were", "so", "then", "to", "of", "the", "a", "an", "which", "that", "this",
        "it", "we", "he", "she", "they", "equals", "equal", "gives", "makes", "by", "times", "plus", "minus", "over",
        "divided", "multiplied", "mod", "modulo", "remainder", "than", "from", "for", "with", "in", "on", "at",
        "x", "if", "but", "because", "as", "be", "i", "you", "his", "her", "their", "its", "not", "no", "left",
        "total", "altogether", "all", "more", "less", "fewer", "into", "out", "will", "would", "has", "have", "had",
        "gets", "get", "got", "pays", "paid", "costs", "cost", "spends", "spent", "leaving", "leaves", "remaining",
        "e", "r", "rem", "approximately", "about", "roughly", "squared", "cubed", "power", "raised", "up", "down",
    ])

    /// Unit words with the stems a right side may be stated in ("mph" is miles per hour; "feet" and "ft" agree).
    static func unitStems(_ word: String) -> [String] {
        switch word {
        case "dollars", "dollar", "usd", "bucks": return ["$"]
        case "euros", "euro", "eur": return ["€"]
        case "pounds", "pound", "lb", "lbs": return ["lb"]
        case "feet", "foot", "ft": return ["ft"]
        case "inches", "inch", "in": return ["in"]
        case "mph": return ["mile", "hour"]
        case "hours", "hour", "hr", "hrs", "h": return ["hour"]
        case "minutes", "minute", "min", "mins": return ["minute"]
        case "seconds", "second", "sec", "secs", "s": return ["second"]
        case "square", "sq", "cubic", "per", "each", "a", "an": return []
        default:
            if word.count > 3 && word.hasSuffix("s") { return [String(word.dropLast())] }
            return [word]
        }
    }
}

/// One side of an equation in a word problem, read whole.
struct WordSide {
    var expression: Expression
    var shape: ExpressionReader.Shape
    var start: Int
    var end: Int
    /// The unit stems of the quantities of the side.
    var units: Set<String>
    /// The unit words after a last right side that were not part of it ("= 65 marbles left").
    var trailingUnits: Set<String> = []
    var hasPercent = false
    /// Whether the side has spaced thousands ("1 000"), and whether it starts with them.
    var hasSpaced = false
    var startsSpaced = false
    /// Whether the side has what only this pass reads: a unit word inside it, a percent, spaced thousands, a mixed
    /// number, a decimal without its leading zero, a dropped "*" or "of". A link with none is left to the equation
    /// pass, which knows its own contexts (a substitution tested and denied, "2x-1=1").
    var wordForm = false
    /// Whether a word that scales a number ("cents", "dozen") is among its units.
    var scaled = false
}

/// The grammar of quantities of ``ClaimScanner/scanWordProblemLines()``: a recursive descent over tokens from..<to,
/// depth-bounded.
struct WordSideReader {
    let scanner: ClaimScanner
    var stream: TokenStream { scanner.stream }
    var p: Int
    let end: Int
    /// Whether the side is the last one, whose end is found by reading (units are taken only before an operator).
    let open: Bool
    var depth = 0
    var integerOnly = true
    var hasDivision = false
    var hasPercent = false
    var scaled = false
    var wordForm = false
    /// The first token of the first number written with spaced thousands.
    var spacedAt: Int? = nil
    var quantities = 0
    var operations = 0
    var failed = false

    static func read(_ scanner: ClaimScanner, from: Int, to: Int, open: Bool) -> WordSide? {
        guard from < to else { return nil }
        var reader = WordSideReader(scanner: scanner, p: from, end: to, open: open)
        guard let (e, units) = reader.sum(), !reader.failed, reader.p > from else { return nil }
        if !open && reader.p != to { return nil }
        var shape = ExpressionReader.Shape()
        shape.integerOnly = reader.integerOnly && !reader.hasDivision
        shape.hasDivision = reader.hasDivision
        shape.isSingleNumber = reader.operations == 0 && !reader.hasPercent
        shape.mayBeProduct = false
        var side = WordSide(
            expression: e, shape: shape, start: from, end: reader.p, units: units, hasPercent: reader.hasPercent,
            hasSpaced: reader.spacedAt != nil, startsSpaced: reader.spacedAt == from,
            wordForm: reader.wordForm || reader.hasPercent, scaled: reader.scaled)
        if open {
            // The words right after the value: the first that names a unit is the unit of the side.
            var k = reader.p
            while k < reader.p + 3, scanner.stream.kind(k) == .word {
                let w = scanner.stream.word(k).lowercased()
                if scanner.stream.isWord(k, in: ClaimScanner.scalingWords) { side.scaled = true }
                // "= $130,000 per year", "= $6 a week": a rate after the value, not its unit.
                if scanner.stream.isWord(k, in: ClaimScanner.nonUnitWords) || scanner.stream.isWord(k, "per") { break }
                let stems = ClaimScanner.unitStems(w)
                if !stems.isEmpty {
                    side.trailingUnits.formUnion(stems)
                    break
                }
                k += 1
            }
        }
        return side
    }

    var kind: Token.Kind? { p < end ? stream.kind(p) : nil }

    /// Whether an operand starts at p after a "*" the tokenizer dropped ("12 apples * 1/3", "20% * $300").
    func droppedTimes() -> Bool {
        guard p < end, p > 0 else { return false }
        let k = stream.kind(p)
        guard k == .number || k == .openParen || (k == .period && scanner.isLeadingDot(p)) else { return false }
        let previous = stream.kind(p - 1)
        guard previous == .word || previous == .percent || previous == .closeParen else { return false }
        return scanner.hasDroppedTimes(p - 1, p)
    }

    mutating func sum() -> (Expression, Set<String>)? {
        guard var (left, units) = product() else { return nil }
        while let k = kind, k == .plus || k == .minus {
            p += 1
            guard let (right, rightUnits) = product() else { return nil }
            // "0.5 hours + 30 minutes": terms with different units are no sum to check.
            if !units.isEmpty && !rightUnits.isEmpty && units != rightUnits { return nil }
            units.formUnion(rightUnits)
            operations += 1
            left = k == .plus ? .add(left, right) : .subtract(left, right)
        }
        return (left, units)
    }

    mutating func product() -> (Expression, Set<String>)? {
        guard var (left, units, percent) = factor() else { return nil }
        var lastWasFraction = false
        while p < end {
            let k = stream.kind(p)!
            var make: ((Expression, Expression) -> Expression)? = nil
            if k == .times {
                p += 1
                make = { .multiply($0, $1) }
            } else if k == .word && stream.isWord(p, "x") && !stream.adjacent(p - 1) && !stream.adjacent(p) {
                p += 1
                make = { .multiply($0, $1) }
            } else if k == .divide {
                p += 1
                hasDivision = true
                make = { .divide($0, $1) }
            } else if k == .word && stream.isWord(p, "of") && (percent || lastWasFraction) {
                p += 1
                wordForm = true
                make = { .multiply($0, $1) }
            } else if droppedTimes() {
                wordForm = true
                make = { .multiply($0, $1) }
            } else {
                break
            }
            let isDivision = k == .divide
            guard let make, let (right, rightUnits, rightPercent) = factor() else { return nil }
            if case .number = left, case .number = right, isDivision {
                lastWasFraction = true
            } else {
                lastWasFraction = false
            }
            percent = rightPercent
            units.formUnion(rightUnits)
            operations += 1
            left = make(left, right)
        }
        return (left, units)
    }

    mutating func factor() -> (Expression, Set<String>, Bool)? {
        depth += 1
        defer { depth -= 1 }
        guard depth < 40, let k = kind else { return nil }
        if k == .minus {
            p += 1
            guard let (e, u, pc) = factor() else { return nil }
            return (.negate(e), u, pc)
        }
        if k == .openParen {
            p += 1
            guard let (inner, units) = sum(), kind == .closeParen else { return nil }
            p += 1
            var all = units
            all.formUnion(unitWords())
            return (inner, all, false)
        }
        return quantity()
    }

    /// A number with what may stand around it: a currency sign, spaced thousands, a mixed number, a percent sign
    /// and unit words.
    mutating func quantity() -> (Expression, Set<String>, Bool)? {
        var units: Set<String> = []
        var value: Expression
        var start = p
        if kind == .period {
            guard scanner.isLeadingDot(p), p + 1 < end else { return nil }
            let digits = stream.numberText(p + 1)
            guard digits.allSatisfy(\.isASCIIDigit) else { return nil }
            value = Self.literal(digits, fractionDigits: digits.count)
            integerOnly = false
            wordForm = true
            p += 2
            start += 1
        } else if kind == .number {
            let t = stream[p]
            let first = p
            let text = stream.numberText(p)
            guard !text.contains("e"), !text.contains("-"), !text.contains("+") else { return nil }
            var digits = text.filter(\.isASCIIDigit)
            var fraction = 0
            if let dot = text.firstIndex(of: ".") {
                fraction = text[text.index(after: dot)...].filter(\.isASCIIDigit).count
                integerOnly = false
            }
            p += 1
            // "1 000", "12 345 678": groups of three digits after a space.
            var grouped = false
            if !t.hasPoint && !t.hasSeparators && t.end - t.start <= 3 {
                while p < end && scanner.isSpacedGroup(p) {
                    digits += stream.numberText(p)
                    p += 1
                    grouped = true
                    wordForm = true
                    if spacedAt == nil { spacedAt = first }
                }
            }
            value = Self.literal(digits, fractionDigits: fraction)
            if !grouped && !t.hasPoint && !t.hasSeparators, let mixed = mixedFraction() {
                value = .add(value, mixed)
                wordForm = true
                operations += 1
                hasDivision = true
                integerOnly = false
            }
        } else {
            return nil
        }
        quantities += 1
        if currencyBefore(start) { units.insert("$") }
        var percent = false
        // "20%", "15 percent", "15 per cent".
        let percentWords = kind == .word && stream.isWord(p, "percent") ? 1
            : (kind == .word && stream.isWord(p, "per") && p + 1 < end && stream.isWord(p + 1, "cent") ? 2 : 0)
        if kind == .percent || percentWords > 0 {
            p += max(percentWords, 1)
            percent = true
            hasPercent = true
            hasDivision = true
            value = .divide(value, .number(DecimalLiteral(digits: "100", fractionDigits: 0, exponent: 0)))
        }
        units.formUnion(unitWords())
        return (value, units, percent)
    }

    /// "3 1/2", "1 and 1/3 cups": the fraction of a mixed number after its whole part, read and passed.
    mutating func mixedFraction() -> Expression? {
        var k = p
        let withAnd = k < end && stream.isWord(k, "and")
        if withAnd { k += 1 }
        guard k + 2 < end, stream.kind(k) == .number, stream.kind(k + 1) == .divide, stream.kind(k + 2) == .number,
            stream.bytes[stream[k + 1].start] == 0x2F,
            let n = stream.integer(k), let d = stream.integer(k + 2), n.signum > 0, n < d,
            stream.kind(k + 3) != .divide, stream.kind(k + 3) != .number, stream.kind(k + 3) != .power,
            !stream[k].hasSeparators, !stream[k + 2].hasSeparators
        else { return nil }
        if !withAnd && stream[k].start != stream[k - 1].end + 1 { return nil }
        // A mixed number only before a unit ("1 and 1/3 cups", "3 1/2 hours"), not "multiply 4 and 1/2" or a bare
        // "3 1/2", which may be a number before a fraction.
        if !(stream.kind(k + 3) == .word && !stream.isWord(k + 3, in: ClaimScanner.nonUnitWords)) {
            return nil
        }
        guard k + 3 <= end else { return nil }
        p = k + 3
        return .divide(
            Self.literal(stream.numberText(k), fractionDigits: 0), Self.literal(stream.numberText(k + 2), fractionDigits: 0))
    }

    /// The unit words after a quantity, passed when they stand before an operator (or, in a side between two
    /// relations, before its end): "3 hours * 60", "2.5 miles/day * 7", "90 marbles - 25".
    mutating func unitWords() -> Set<String> {
        var k = p
        var stems: Set<String> = []
        var words = 0
        var scales = false
        while k < end, words < 4, stream.kind(k) == .word, !stream.adjacent(k - 1) || stream.kind(k - 1) == .divide {
            if stream.isWord(k, in: ClaimScanner.nonUnitWords) && !stream.isWord(k, "per") { break }
            if ClaimScanner.isMathToken(stream, k) { break }
            if stream.isWord(k, in: ClaimScanner.scalingWords) { scales = true }
            stems.formUnion(ClaimScanner.unitStems(stream.word(k).lowercased()))
            words += 1
            k += 1
            // "miles/day"
            if k + 1 < end, stream.kind(k) == .divide, stream.kind(k + 1) == .word, stream.adjacent(k - 1), stream.adjacent(k) {
                k += 1
            }
        }
        guard k > p else { return [] }
        // The words belong to the quantity only when the expression goes on after them.
        let goesOn: Bool
        if k == end {
            goesOn = !open
        } else {
            let next = stream.kind(k)!
            let saved = p
            p = k
            goesOn = next == .plus || next == .minus || next == .times || next == .divide
                || (next == .word && stream.isWord(k, "x") && !stream.adjacent(k) && !stream.adjacent(k - 1))
                || droppedTimes()
                || next == .closeParen
            p = saved
        }
        guard goesOn else { return [] }
        if scales { scaled = true }
        wordForm = true
        p = k
        return stems
    }

    /// Whether a currency sign stands just before the token at i ("$40", "€12", "£3"), which the tokenizer drops.
    func currencyBefore(_ i: Int) -> Bool {
        let start = stream[i].start
        guard start > 0 else { return false }
        let b = stream.bytes[start - 1]
        if b == 0x24 { return true }
        if b == 0xAC || b == 0xA3 { return true }  // the last byte of € (E2 82 AC) or £ (C2 A3)
        return false
    }

    static func literal(_ digits: String, fractionDigits: Int) -> Expression {
        let trimmed = digits.drop { $0 == "0" }
        return .number(
            DecimalLiteral(digits: trimmed.isEmpty ? "0" : String(trimmed), fractionDigits: fractionDigits, exponent: 0))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
