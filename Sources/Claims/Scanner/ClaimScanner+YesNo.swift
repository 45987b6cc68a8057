import Verifiers

/// Yes / no answers to a question about a number: "[Yes]", "**No**", "Final answer: yes".
extension ClaimScanner {
    // MARK: - Yes / no answers

    mutating func scanYesNo() {
        guard let n = question.subject, question.asksPrimality || question.divisor != nil else { return }
        func statement(_ yes: Bool) -> (Claim.Kind, Statement) {
            if let d = question.divisor, !question.asksPrimality {
                return (.divisibility, .divisibility(n, divisor: d, divides: yes))
            }
            return (.primality, .primality(n, isPrime: yes))
        }
        var firstWordSeen = false
        var retraction: Int? = nil
        var retractionSought = false
        // "yes" and "no" by their vocabulary numbers, read through a pointer: this loop looks at every token of
        // every answer. (A word has a vocabulary word's number exactly when it is that word.)
        let yesNumber = Self.yesNumber
        let noNumber = Self.noNumber
        let count = stream.count
        var next = 0
        while next < count {
            // The next "yes" or "no" at or after `next`, and whether another word comes before it (asked only until
            // the first one: every "yes" or "no" found marks the first word seen). Only words have a vocabulary
            // number, so the search compares numbers alone.
            let (i, sawWord) = stream.tokens.withUnsafeBufferPointer { tokens -> (Int, Bool) in
                var k = next
                while k < tokens.count {
                    let number = tokens[k].word
                    if number == yesNumber || number == noNumber { break }
                    k += 1
                }
                let sawWord = !firstWordSeen && tokens[next..<k].contains { $0.kind == .word }
                return (k, sawWord)
            }
            if sawWord { firstWordSeen = true }
            guard i < count else { break }
            next = i + 1
            let yes = stream[i].word == yesNumber
            let bracketed = stream.kind(i - 1) == .openBracket && stream.kind(i + 1) == .closeBracket
            let boxed = (1...3).contains { stream.kind(i - $0) == .boxed }
            let labelled =
                (stream.kind(i - 1) == .colon && stream.isWord(i - 2, "answer"))
                || (stream.isWord(i - 1, "is") && stream.isWord(i - 2, "answer"))
            let leading = !firstWordSeen && (stream.kind(i + 1).map { $0.bit & Self.afterLeadingYesNo != 0 } ?? true)
            firstWordSeen = true
            guard bracketed || boxed || labelled || leading else { continue }
            // (The sentence by binary search: a yes or no that needs it is rare, and a call that may change the
            // scanner costs this loop more than the search.)
            if !bracketed && !boxed && !labelled && stream.kind(sentence(i).1) == .question { continue }
            // "[Yes]" if N is prime or "[No]" if it is not: no answer is given; "the answer is [No] is incorrect":
            // one is taken back.
            let after = bracketed ? i + 2 : i + 1
            if stream.isWord(after, in: Self.conditionsAfter) && !stream.isWord(after, "because") { continue }
            if isTakenBack(after: after) { continue }
            // "[Yes] or [No] are not appropriate answers": both forms named, neither given.
            if bracketed
                && ((stream.isWord(after, "or") && stream.kind(after + 1) == .openBracket)
                    || (stream.isWord(i - 2, "or") && stream.kind(i - 3) == .closeBracket))
            {
                continue
            }
            // "[No] … I must correct my previous answer. 1171 is actually a prime number.": an answer the text
            // later withdraws. (Looked for once, from the first answer on.)
            if !retractionSought {
                retraction = Self.lastRetraction(stream, from: i)
                retractionSought = true
            }
            if let retraction, retraction > i { continue }
            // "Yes, 91 is divisible by 7, so it is not prime": the sentence answers the other way, so the leading
            // "Yes" agrees with something else.
            if !bracketed && !boxed && !labelled && answeredOtherwise(afterYesNo: i, n, yes: yes) { continue }
            let (kind, s) = statement(yes)
            let bytes = bracketed ? stream[i - 1].start..<stream[i + 1].end : stream[i].start..<stream[i].end
            claims.append(Claim(kind: kind, statement: s, bytes: bytes))
            claims[claims.count - 1].role = .answer
        }
    }

    /// Whether the rest of the sentence of the "yes" or "no" at token i states the question's answer the other way:
    /// a claim found there that N is prime (or divisible by the question's divisor) when the word says it is not,
    /// or the reverse.
    func answeredOtherwise(afterYesNo i: Int, _ n: BigInteger, yes: Bool) -> Bool {
        let end = sentence(i).1
        let from = stream[i].end
        let limit = end < stream.count ? stream[end].start : Int.max
        return claims.contains { claim in
            guard claim.bytes.lowerBound >= from && claim.bytes.lowerBound < limit else { return false }
            switch claim.statement {
            case .primality(let m, let isPrime):
                return question.asksPrimality && m == n && isPrime != yes
            case .divisibility(let m, let d, let divides):
                return !question.asksPrimality && m == n && d == question.divisor && divides != yes
            default:
                return false
            }
        }
    }
}
