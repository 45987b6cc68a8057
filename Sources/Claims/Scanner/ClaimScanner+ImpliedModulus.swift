import Verifiers

extension ClaimScanner {
    // MARK: - Implied moduli

    // Answers that work modulo m sometimes write "=" for "≡ (mod m)": a table of last digits "4^2 = 6, 5^2 = 5, …",
    // a step "5 × (5^2)^2 = 5 × 3^2" of a computation mod 11. Such a claim is false about integers and true about
    // remainders; it is made `unverified` with the reason, never `wrong` and never dropped. Both rules look only at a
    // claim that came out wrong, and only at forms no arithmetic slip takes: a remainder written for an integer
    // ("1147 + 7(3) = 1178" for 1168, which holds modulo 10) is an isolated equation and stays wrong.

    /// Why the wrong claim at `index` likely states a congruence modulo a modulus the answer leaves implicit, or
    /// nil when it does not (the claim then stays wrong). `claims` are the scanned claims in order of their start.
    ///
    /// Two forms qualify: an entry of a residue table (``residueTable(around:in:)``) and a step that replaces a
    /// part by its remainder modulo an m named on the same line (``reducedStep(_:)``). Neither is read from the
    /// checker's verdicts, so the answer-only audit, which checks one claim, decides as the full audit does.
    func impliedModulus(of index: Int, in claims: UnsafeBufferPointer<Claim>) -> String? {
        guard claims[index].kind == .factorization || claims[index].kind == .arithmetic else { return nil }
        if let m = residueTable(around: index, in: claims) {
            return "residue table: every entry holds modulo \(m), so the answer likely means remainders"
        }
        if let m = reducedStep(claims[index]) {
            return "modular step: the right side replaces a part of the left by its remainder modulo \(m), a modulus"
                + " named on the same line, so the answer likely means a congruence"
        }
        return nil
    }

    // MARK: Residue tables

    /// One entry of a residue table as written: "4^2 = 6", "4² = 6", "4^{2} = 6", "3 × 4 = 2", "2^4 = 6 (mod 10)".
    struct TableEntry {
        /// Whether the operation is a power (else a product).
        var isPower: Bool
        /// The base and the exponent, or the two factors.
        var first: Int
        var second: Int
        /// The number on the right.
        var value: Int
        /// The modulus written after the entry ("(mod 10)"), if any.
        var modulus: Int?
        /// The entry's tokens.
        var tokens: Range<Int>

        /// Whether `first op second = value` holds for integers.
        var holdsAsIntegers: Bool {
            guard isPower else {
                let (p, overflow) = first.multipliedReportingOverflow(by: second)
                return !overflow && p == value
            }
            if first <= 1 || second == 0 { return value == (second == 0 ? 1 : first) }
            // A power of a base above 1 only grows: it fails once it passes `value`.
            var p = 1
            for _ in 0..<second {
                let (q, overflow) = p.multipliedReportingOverflow(by: first)
                if overflow || q > value { return false }
                p = q
            }
            return p == value
        }

        /// Whether `first op second ≡ value (mod m)`, with every number of the entry but an exponent reduced
        /// (0 ≤ n < m): a residue table lists residues. `m` is at most ``ClaimScanner/largestImpliedModulus``.
        func holds(modulo m: Int) -> Bool {
            guard value < m, first < m, isPower || second < m, modulus == nil || modulus == m else { return false }
            guard isPower else { return first * second % m == value }
            var result = 1 % m
            var base = first
            var exponent = second
            while exponent > 0 {
                if exponent & 1 == 1 { result = result * base % m }
                base = base * base % m
                exponent >>= 1
            }
            return result == value
        }
    }

    /// The most entries of a table looked at on either side of a claim (which bounds the work on hostile input).
    static let tableReach = 64
    /// The largest modulus a table or a step is read modulo: products of residues stay far inside an Int.
    static let largestImpliedModulus = 1_000_000

    /// The modulus m when the claim at `index` is an entry that is false for integers in a residue table, and nil
    /// otherwise.
    ///
    /// A residue table is a run of at least three entries ``TableEntry`` of one operation, each separated from the
    /// next by commas, semicolons, line breaks or "and" only, over listed operands: one operand the same in every
    /// entry and the other strictly increasing ("0^2, 1^2, …, 9^2", "2^1, 2^2, 2^3, 2^4", "3 × 1, 3 × 2, …"), or a
    /// product of equal factors ("4 × 4, 5 × 5"). It is read modulo m when every entry holds modulo m with every
    /// number reduced (0 ≤ n < m, exponents aside), and m is either written as "mod m", "modulo m", "\pmod{m}" or
    /// "(mod m)" on the table's lines or the two lines before, or is 10 (last digits). For 10 written nowhere, two
    /// entries must be false for integers, or the same lines must speak of last digits ("last digit", "ends in"): a
    /// lone entry that drops its tens digit ("4^2 = 6" among true squares) could be a slip.
    ///
    /// So an isolated equation, a run of two, and a run in which one entry fails modulo m (a real slip in a table
    /// of last digits, "4^2 = 7") all stay wrong, every entry of the run with them.
    func residueTable(around index: Int, in claims: UnsafeBufferPointer<Claim>) -> Int? {
        guard let entry = tableEntry(claims[index].bytes), !entry.holdsAsIntegers else { return nil }
        // The run's first and last claims.
        var low = index
        var lowEntry = entry
        var count = 1
        while count <= Self.tableReach, let (p, e) = adjacentEntry(to: low, lowEntry, in: claims, step: -1) {
            (low, lowEntry) = (p, e)
            count += 1
        }
        var high = index
        var highEntry = entry
        while count <= 2 * Self.tableReach, let (q, e) = adjacentEntry(to: high, highEntry, in: claims, step: 1) {
            (high, highEntry) = (q, e)
            count += 1
        }
        guard count >= 3, isListed(from: low, through: high, in: claims) else { return nil }
        let window = (tableWindowStart(lowEntry.tokens.lowerBound), lineEnd(highEntry.tokens.upperBound))
        // A modulus written near the table (the entry at `index` fails for integers, so one entry does).
        for k in window.0..<window.1 {
            if let m = namedModulus(at: k), table(from: low, through: high, in: claims, holdModulo: m) != nil {
                return m
            }
        }
        // Last digits, written nowhere as a modulus.
        guard let failures = table(from: low, through: high, in: claims, holdModulo: 10) else { return nil }
        return failures >= 2 || speaksOfLastDigits(window.0, window.1) ? 10 : nil
    }

    /// The entry of the claim next to the one at `index` (before it for `step` −1, after it for +1) when it is an
    /// entry of the same operation separated from `entry` by separators only, with its index.
    private func adjacentEntry(to index: Int, _ entry: TableEntry, in claims: UnsafeBufferPointer<Claim>, step: Int)
        -> (Int, TableEntry)?
    {
        var j = index + step
        // A claim of another kind over the same bytes is the same entry.
        while j >= 0 && j < claims.count && claims[j].bytes == claims[index].bytes { j += step }
        guard j >= 0 && j < claims.count, let next = tableEntry(claims[j].bytes), next.isPower == entry.isPower
        else { return nil }
        let (before, after) = step < 0 ? (next, entry) : (entry, next)
        let (gapStart, gapEnd) = (before.tokens.upperBound, after.tokens.lowerBound)
        guard gapStart <= gapEnd, gapEnd - gapStart <= 4 else { return nil }
        for k in gapStart..<gapEnd {
            guard let kind = stream.kind(k) else { return nil }
            if kind == .comma || kind == .semicolon || kind == .newline || stream.isWord(k, "and") { continue }
            return nil
        }
        return (j, next)
    }

    /// Calls `body` with each distinct entry of the claims low...high (claims over the same bytes are one entry).
    private func forEachEntry(
        from low: Int, through high: Int, in claims: UnsafeBufferPointer<Claim>, _ body: (TableEntry) -> Bool
    ) {
        var j = low
        while j <= high {
            if j == low || claims[j].bytes != claims[j - 1].bytes, let e = tableEntry(claims[j].bytes), !body(e) {
                return
            }
            j += 1
        }
    }

    /// Whether the entries of claims low...high run over listed operands: one the same throughout and the other
    /// strictly increasing, or (products) two equal factors increasing.
    private func isListed(from low: Int, through high: Int, in claims: UnsafeBufferPointer<Claim>) -> Bool {
        var previous: TableEntry? = nil
        var firstFixed = true
        var secondFixed = true
        var firstRises = true
        var secondRises = true
        var squares = true
        forEachEntry(from: low, through: high, in: claims) { e in
            if let p = previous {
                firstFixed = firstFixed && e.first == p.first
                secondFixed = secondFixed && e.second == p.second
                firstRises = firstRises && e.first > p.first
                secondRises = secondRises && e.second > p.second
            }
            squares = squares && !e.isPower && e.first == e.second
            previous = e
            return true
        }
        return (firstFixed && secondRises) || (secondFixed && firstRises) || (squares && firstRises)
    }

    /// How many entries of claims low...high are false for integers, when every one holds modulo m; nil when one
    /// does not.
    private func table(from low: Int, through high: Int, in claims: UnsafeBufferPointer<Claim>, holdModulo m: Int)
        -> Int?
    {
        var failures = 0
        var holds = true
        forEachEntry(from: low, through: high, in: claims) { e in
            holds = e.holds(modulo: m)
            if !e.holdsAsIntegers { failures += 1 }
            return holds
        }
        return holds ? failures : nil
    }

    /// The entry the claim over `bytes` is, when its tokens are exactly one.
    func tableEntry(_ bytes: Range<Int>) -> TableEntry? {
        guard let start = tokenIndex(startingAt: bytes.lowerBound), let first = smallInteger(start) else { return nil }
        var k = start + 1
        var entry = TableEntry(isPower: true, first: first, second: 0, value: 0, modulus: nil, tokens: start..<start)
        if let (exponent, next) = stream.superscriptNumber(k) {
            entry.second = exponent
            k = next
        } else if stream.kind(k) == .power {
            k += 1
            let braced = stream.kind(k) == .openParen  // 4^{2}
            if braced { k += 1 }
            guard let exponent = smallInteger(k) else { return nil }
            entry.second = exponent
            k += 1
            if braced {
                guard stream.kind(k) == .closeParen else { return nil }
                k += 1
            }
        } else if stream.kind(k) == .times, let factor = smallInteger(k + 1) {
            entry.isPower = false
            entry.second = factor
            k += 2
        } else {
            return nil
        }
        guard stream.kind(k) == .equals, let value = smallInteger(k + 1) else { return nil }
        entry.value = value
        k += 2
        if let (m, end) = modulusAfter(k) {
            guard let m = m.intValue, m > 1, m <= Self.largestImpliedModulus else { return nil }
            entry.modulus = m
            k = end
        }
        guard stream[k - 1].end == bytes.upperBound else { return nil }
        entry.tokens = start..<k
        return entry
    }

    /// The value of number token i when it is a plain non-negative integer of at most six digits.
    private func smallInteger(_ i: Int) -> Int? {
        guard stream.kind(i) == .number else { return nil }
        let t = stream[i]
        guard !t.hasPoint, !t.hasSeparators, t.end - t.start <= 6 else { return nil }
        var value = 0
        for k in t.start..<t.end {
            let b = stream.bytes[k]
            guard b >= 48 && b <= 57 else { return nil }
            value = value * 10 + Int(b - 48)
        }
        return value
    }

    /// The index of the token that starts at byte `offset`, by binary search.
    func tokenIndex(startingAt offset: Int) -> Int? {
        var low = 0
        var high = stream.count
        while low < high {
            let middle = (low + high) / 2
            if stream[middle].start < offset { low = middle + 1 } else { high = middle }
        }
        return low < stream.count && stream[low].start == offset ? low : nil
    }

    /// The most tokens a window around a table or a step reaches on either side.
    static let windowReach = 512

    /// The first token of the line two non-blank lines before the one of token i (or as far as it goes).
    private func tableWindowStart(_ i: Int) -> Int {
        var k = i
        var lines = 0
        while k > 0 && i - k < Self.windowReach {
            if stream.kind(k - 1) == .newline {
                if lines == 2 { break }
                lines += 1
                while k > 0 && stream.kind(k - 1) == .newline { k -= 1 }
                continue
            }
            k -= 1
        }
        return k
    }

    /// The first token of the line of token i.
    private func lineStart(_ i: Int) -> Int {
        var k = i
        while k > 0 && i - k < Self.windowReach && stream.kind(k - 1) != .newline { k -= 1 }
        return k
    }

    /// The index of the line break that ends the line of the token before i (or of the end).
    private func lineEnd(_ i: Int) -> Int {
        var k = i
        while k < stream.count && k - i < Self.windowReach && stream.kind(k) != .newline { k += 1 }
        return k
    }

    /// The modulus written at token i: "mod 7", "modulo 7", "\pmod{7}", "\bmod 7", "(mod 7)" (from its "mod").
    private func namedModulus(at i: Int) -> Int? {
        guard isModulo(i), stream.kind(i) != .percent else { return nil }
        let k = stream.kind(i + 1) == .openParen ? i + 2 : i + 1
        guard let m = smallInteger(k), m > 1, m <= Self.largestImpliedModulus else { return nil }
        return m
    }

    /// Whether tokens from..<to speak of last digits: "last digit", "units digit", "ones digit", "ends in".
    private func speaksOfLastDigits(_ from: Int, _ to: Int) -> Bool {
        for k in from..<to {
            if stream.isWord(k, in: Self.digitWords) && stream.isWord(k - 1, in: Self.lastWords) { return true }
            if stream.isWord(k, in: Self.endWords) && stream.isWord(k + 1, "in") { return true }
        }
        return false
    }

    static let digitWords = WordSet(["digit", "digits"])
    /// Before "digit": the digit is the last one.
    static let lastWords = WordSet(["last", "units", "unit", "ones", "final", "rightmost"])
    /// Before "in": "ends in 6".
    static let endWords = WordSet(["end", "ends", "ending"])

    // MARK: Modular steps

    /// The modulus m when the claim is a step of a computation modulo m: its right side is its left with one part
    /// replaced by that part's remainder modulo m (0 ≤ r < m), and m is written as "mod m", "(mod m)" or
    /// "\pmod{m}" on the claim's line. "5 × (5^2)^2 = 5 × 3^2" before "…, and 45 mod 11 = 1": 5^2 ≡ 3 (mod 11).
    ///
    /// The part is a proper part: not a whole side, and never inside an exponent (an exponent is not reduced modulo
    /// m). An equation that merely holds modulo m stays wrong: a slip off by a multiple of m ("1147 + 7(3) = 1178",
    /// 10 too many) is no reduction.
    func reducedStep(_ claim: Claim) -> Int? {
        guard case .value(let left, _, let right?, let rule, _, let negated) = claim.statement, rule == .exact,
            !negated, let (part, remainder) = Self.replacedPart(left, right, whole: true),
            let start = tokenIndex(startingAt: claim.bytes.lowerBound)
        else { return nil }
        var k = lineStart(start)
        let end = lineEnd(start)
        while k < end {
            if let m = namedModulus(at: k), remainder < BigInteger(m) {
                let modulus = BigInteger(m)
                // The whole step holds modulo m too (it must, the part being no exponent: checked all the same).
                if ClaimChecker.residue(part, modulo: modulus) == remainder,
                    let l = ClaimChecker.residue(left, modulo: modulus),
                    l == ClaimChecker.residue(right, modulo: modulus)
                {
                    return m
                }
            }
            k += 1
        }
        return nil
    }

    /// The part of `left` that `right` replaces by an integer literal, when the two are the same expression but
    /// for that (one operand of a sum, difference or product, or the base of a power with the same exponent), with
    /// the literal's value; nil otherwise, and for a whole side (`whole`).
    static func replacedPart(_ left: Expression, _ right: Expression, whole: Bool) -> (Expression, BigInteger)? {
        if !whole, case .number(let literal) = right, literal.scale == 0, left != right,
            let value = try? BigInteger(parsing: literal.digits)
        {
            return (left, value)
        }
        switch (left, right) {
        case (.add(let a, let b), .add(let c, let d)), (.subtract(let a, let b), .subtract(let c, let d)),
            (.multiply(let a, let b), .multiply(let c, let d)):
            if a == c { return replacedPart(b, d, whole: false) }
            if b == d { return replacedPart(a, c, whole: false) }
            return nil
        case (.power(let a, let b), .power(let c, let d)):
            return b == d ? replacedPart(a, c, whole: false) : nil
        case (.negate(let a), .negate(let c)):
            return replacedPart(a, c, whole: whole)
        default:
            return nil
        }
    }
}
