import Verifiers

extension ClaimScanner {
    // MARK: - Remainders and congruences

    /// A link of a chain that works modulo m: "(3^3)^35 = 1^35" in "3^105 = (3^3)^35 = 1^35 = 1 mod 13" is no claim
    /// about integers; a link whose right side is a lone integer is a congruence modulo m.
    mutating func relateModulo(
        index: Int, runStart from: Int, left: (Int, Int), relation r: Int, right: (Int, Int), modulus m: BigInteger,
        end: Int, leftExpression: inout (Expression, ExpressionReader.Shape, Int, Int)?
    ) {
        let (ls, le) = left
        let (rs, re) = right
        if index == 0 {
            leftExpression = nil
            if operatorPhrase(before: from, segmentEnd: le) != nil || gluedToName(from) || continuesBefore(from) {
                return
            }
            leftExpression = readTrimmingFront(ls, le)
        }
        defer { leftExpression = ExpressionReader.read(stream, rs, re).map { ($0.0, $0.1, rs, re) } }
        guard let left = leftExpression, stream.kind(r) == .equals, loneInteger(rs, re) != nil else { return }
        addCongruence(left, residue: (rs, re), modulus: m, end: re, relation: r)
    }

    /// "A mod m = r": the claim that A leaves remainder r (or one congruent to it) on division by m, with A the
    /// expression before the modulo operator at `valueEnd`, m the run's first segment and r its second.
    ///
    /// Only read when A is a whole expression (not the end of one with letters), m is a lone integer above 1, and r a
    /// lone integer with its sign. A sum before "mod" without brackets ("3^105 + 4^105 mod 7 = 0") is read as the sum
    /// modulo m. Its other reading, "mod" taking the last term alone, is an equation A + (B mod m) = r that implies
    /// A + B ≡ r (mod m): a claim false as read is false in both readings.
    ///
    /// "2^23 mod 641 = (603 * 2) mod 641" (or with LaTeX's `\mod`, `\bmod`), both sides taken modulo the same m, is
    /// the congruence of A and B.
    mutating func addResidue(valueEnd: Int, modulus: (Int, Int), residue: (Int, Int), relation r: Int) {
        guard let m = loneInteger(modulus.0, modulus.1), let value = wholeOperand(endingAt: valueEnd) else { return }
        if loneInteger(residue.0, residue.1) == nil, isModulo(residue.1), stream.kind(residue.1) != .percent,
            loneInteger(residue.1 + 1, residue.1 + 2) == m, !gluedAfter(residue.1 + 2), stream.kind(r) == .equals,
            let other = wholeOperand(endingAt: residue.1), other.start == residue.0,
            !Self.hasNegatedPower(value.expression), !Self.hasNegatedPower(other.expression)
        {
            if isRejected(after: residue.1 + 2) || isQuestion(at: r) || isHypothetical(value.start) { return }
            claims.append(
                Claim(
                    kind: .arithmetic, statement: .congruent(value.expression, other.expression, modulus: m),
                    bytes: stream[value.start].start..<stream[residue.1 + 1].end))
            return
        }
        guard let stated = loneInteger(residue.0, residue.1), !gluedAfter(residue.1) else { return }
        if isRejected(after: residue.1) || isQuestion(at: r) || isHypothetical(value.start) { return }
        claims.append(
            Claim(
                kind: .arithmetic, statement: .residue(value.expression, modulus: m, residue: stated),
                bytes: stream[value.start].start..<stream[residue.1 - 1].end))
    }

    /// "A = r (mod m)" (``relate``) or "A ≡ r (mod m)" (``congruence(_:_:)``): A and r congruent modulo m.
    mutating func addCongruence(
        _ left: (Expression, ExpressionReader.Shape, Int, Int), residue: (Int, Int), modulus m: BigInteger, end: Int,
        relation r: Int
    ) {
        let (a, shape, start, _) = left
        guard shape.integerOnly, !shape.hasFunction, !Self.hasNegatedPower(a),
            let stated = loneInteger(residue.0, residue.1)
        else { return }
        if isRejected(after: end) || isQuestion(at: r) || isHypothetical(start) { return }
        claims.append(
            Claim(
                kind: .arithmetic, statement: .residue(a, modulus: m, residue: stated),
                bytes: stream[start].start..<stream[end - 1].end))
    }

    /// The congruence "A ≡ r (mod m)" whose A is the last segment of the run from..<sign, and the chain
    /// "A ≡ B ≡ r (mod m)": each link congruent to the one before. A link is a lone integer, or an integer expression
    /// of math tokens ("3^4", "(3^6)^16 · 3^4"); a link that is neither (a letter, a word, a nested "mod") ends the
    /// chain before it, and with no modulus right after the last link read there is no claim.
    mutating func congruence(_ from: Int, _ sign: Int) {
        var start = from
        var k = from
        while k < sign {
            if let kind = stream.kind(k), kind == .equals || kind == .approx || kind == .notEqual { start = k + 1 }
            k += 1
        }
        if start == from && (continuesBefore(from) || gluedToName(from)) { return }
        guard start < sign, let (a, shape) = ExpressionReader.read(stream, start, sign) else { return }
        // The links of "A ≡ B1 ≡ B2 ≡ … (mod m)", each after its sign (a few: chains are short).
        var links: [(sign: Int, start: Int, end: Int)] = []
        var at = sign
        while at < stream.count, stream.kind(at) == .otherRelation, isCongruenceSign(at), links.count < 16 {
            let linkEnd = congruenceLinkEnd(from: at + 1)
            guard linkEnd > at + 1 else { return }
            links.append((at, at + 1, linkEnd))
            at = linkEnd
        }
        guard !links.isEmpty, let (m, end) = modulusAfter(at) else { return }
        var left = (a, shape, start, sign)
        for (index, link) in links.enumerated() {
            let last = index == links.count - 1
            let linkEnd = last ? end : link.end
            if loneInteger(link.start, link.end) != nil {
                addCongruence(left, residue: (link.start, link.end), modulus: m, end: linkEnd, relation: link.sign)
            } else {
                addCongruence(left, to: (link.start, link.end), modulus: m, end: linkEnd, relation: link.sign)
            }
            guard let (e, s) = ExpressionReader.read(stream, link.start, link.end) else { return }
            left = (e, s, link.start, link.end)
        }
    }

    /// Where a link of a congruence chain that starts at `from` ends: after the math tokens up to the next relation,
    /// a "mod" or anything else; `from` when none is there.
    func congruenceLinkEnd(from: Int) -> Int {
        var k = from
        while k < stream.count, Self.isMathToken(stream, k), !isModulo(k) {
            let kind = stream.kind(k)
            if kind == .openParen && isModulo(k + 1) { break }  // "(mod 7)"
            if kind == .equals || kind == .approx || kind == .notEqual || kind == .otherRelation || kind == .word {
                break
            }
            k += 1
        }
        return k
    }

    /// "A ≡ B (mod m)" with B an integer expression (``congruence(_:_:)``): A and B congruent modulo m.
    mutating func addCongruence(
        _ left: (Expression, ExpressionReader.Shape, Int, Int), to right: (Int, Int), modulus m: BigInteger, end: Int,
        relation r: Int
    ) {
        let (a, shape, start, _) = left
        guard shape.integerOnly, !shape.hasFunction, !gluedToName(right.0),
            let (b, rightShape) = ExpressionReader.read(stream, right.0, right.1), rightShape.integerOnly,
            !rightShape.hasFunction, !Self.hasNegatedPower(a), !Self.hasNegatedPower(b)
        else { return }
        if isRejected(after: end) || isQuestion(at: r) || isHypothetical(start) { return }
        claims.append(
            Claim(
                kind: .arithmetic, statement: .congruent(a, b, modulus: m),
                bytes: stream[start].start..<stream[end - 1].end))
    }

    /// Whether `e` negates a power whose reading depends on the precedence ("-5^{1980}"): −(5^1980) by the usual
    /// rule, but in congruences answers mean (−5)^1980 as often (after "385 ≡ −5 (mod 13)"), so such a side is read
    /// as neither. With an odd integer exponent written out ("-2^5") both readings are the same number.
    static func hasNegatedPower(_ e: Expression) -> Bool {
        switch e {
        case .negate(.power(let base, let exponent)):
            if case .number(let n) = exponent, n.scale == 0, let last = n.digits.utf8.last, last & 1 == 1 {
                return hasNegatedPower(base)
            }
            return true
        case .negate(let a), .degrees(let a), .radians(let a), .function(_, let a): return hasNegatedPower(a)
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b),
            .power(let a, let b):
            return hasNegatedPower(a) || hasNegatedPower(b)
        case .number, .pi, .e: return false
        }
    }

    /// Whether token i is "≡" or "\equiv".
    func isCongruenceSign(_ i: Int) -> Bool {
        let t = stream[i]
        let b = stream.bytes
        if t.end - t.start == 3 { return b[t.start] == 0xE2 && b[t.start + 1] == 0x89 && b[t.start + 2] == 0xA1 }  // ≡
        return t.end - t.start == 6 && b[t.start] == 0x5C && b[t.start + 1] == 0x65  // \equiv
    }

    /// The modulus written at token i ("(mod 25)", "\pmod{25}", "mod 25", "(\bmod 25)") and the index after it.
    func modulusAfter(_ i: Int) -> (BigInteger, Int)? {
        var k = i
        let bracketed = stream.kind(k) == .openParen
        if bracketed { k += 1 }
        guard isModulo(k), stream.kind(k) != .percent else { return nil }
        k += 1
        let braced = stream.kind(k) == .openParen  // \pmod{25}
        if braced { k += 1 }
        guard let m = loneInteger(k, k + 1) else { return nil }
        k += 1
        if braced {
            guard stream.kind(k) == .closeParen else { return nil }
            k += 1
        }
        if bracketed {
            guard stream.kind(k) == .closeParen else { return nil }
            k += 1
        }
        if gluedAfter(k) { return nil }
        return (m, k)
    }

    /// The integer of tokens from..<to when they are one integer, with its sign ("19", "−1"); nil otherwise.
    func loneInteger(_ from: Int, _ to: Int) -> BigInteger? {
        if to - from == 2, stream.kind(from) == .minus, let n = stream.integer(from + 1) { return -n }
        guard to - from == 1 else { return nil }
        return stream.integer(from)
    }

    /// Whether the token at i is written against the one before it so that they read as one thing ("10c", "5!",
    /// "12(n+m)") or continues it in an operation ("3^y").
    func gluedAfter(_ i: Int) -> Bool {
        guard let kind = stream.kind(i) else { return false }
        return kind.bit & Self.expressionOperators != 0 || isWrittenAgainst(i)
    }

    /// The operand that ends before the modulo operator at `end`: the math tokens before it back to a relation or
    /// a word, read as one integer expression that is whole.
    func wholeOperand(endingAt end: Int) -> (expression: Expression, start: Int)? {
        var start = end
        while start > 0, Self.isMathToken(stream, start - 1) {
            let kind = stream.kind(start - 1)
            if kind == .equals || kind == .approx || kind == .notEqual { break }
            start -= 1
        }
        guard start < end, !continuesBefore(start), !gluedToName(start) else { return nil }
        guard let (e, shape) = ExpressionReader.read(stream, start, end), shape.integerOnly, !shape.hasFunction
        else { return nil }
        return (e, start)
    }
}
