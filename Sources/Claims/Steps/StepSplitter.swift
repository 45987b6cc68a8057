/// How a response is cut into reasoning steps (`--steps`).
public enum StepMode: String, Sendable, CaseIterable {
    /// Lines, with a "Step N" marker's body kept with it; sentences when the whole answer is one line.
    case auto
    /// Every line is a step.
    case lines
    /// Every sentence is a step.
    case sentences
}

/// Cuts a response into steps the way process-reward data does, as UTF-8 byte ranges that together cover the
/// response exactly, in order (concatenated, the steps give back the response byte for byte).
///
/// Rules, in every mode:
/// - A LaTeX display block (`$$…$$`, `\[…\]`, `\begin{…}…\end{…}`) and a fenced code block (```` ``` ````) are
///   never cut: the lines they span are one unit.
/// - A line that continues a computation (it starts with `=`, `≈`, `≡`, `&=`, `\approx`, `\equiv`, right after the
///   line before) stays in the step before, as the claim scanner reads it as one chain.
/// - Blank lines and the spaces and line breaks after a step belong to it; spaces before the first step belong to
///   the first step.
///
/// `lines`: every other line starts a step. `sentences`: every sentence of a line starts a step (a sentence ends at
/// `.`, `!` or `?`, after any closing brackets, quotes or `**`, before white space and a word that is not written in
/// lower case; never inside inline math `$…$` or `\(…\)`, inside brackets, after "e.g.", "i.e.", "vs.", "cf." or
/// "approx.", after a list number, or at an ellipsis not followed by a capital).
/// `auto`: lines, except that the lines after a "Step N" marker line (`Step 1:`, `**Step 2.**`, `### Step 3 -`) up
/// to the next blank line, marker or list item are the body of that step, and the indented lines after a numbered
/// list item (`1.`, `2)`) that are not list items themselves go with it; and an answer of one line is cut into
/// sentences.
///
/// Linear in the length of the response.
public enum StepSplitter {
    /// The steps of `text` as byte ranges, covering `0..<text.count` in order; empty for an empty text.
    public static func split(_ text: UnsafeBufferPointer<UInt8>, mode: StepMode) -> [Range<Int>] {
        guard !text.isEmpty else { return [] }
        let units = lineUnits(text)
        let content = units.filter { !$0.blank }
        guard !content.isEmpty else { return [0..<text.count] }
        var starts: [Int] = []
        if mode == .sentences || (mode == .auto && content.count == 1 && !content[0].block) {
            var afterBlank = false
            for unit in units {
                if unit.blank {
                    afterBlank = true
                    continue
                }
                if !(unit.continues && !afterBlank) || starts.isEmpty { starts.append(unit.contentStart) }
                if !unit.block { sentenceStarts(text, unit.contentStart..<unit.end, into: &starts) }
                afterBlank = false
            }
        } else {
            // The kind of the step being built: a marker's body or a numbered item's indented lines join it.
            var open: LineKind = .plain
            var afterBlank = false
            for unit in units {
                if unit.blank {
                    afterBlank = true
                    continue
                }
                let kind = unit.block ? LineKind.plain : lineKind(text, unit.contentStart..<unit.end)
                let joins: Bool
                if starts.isEmpty {
                    joins = false
                } else if unit.continues && !afterBlank {
                    joins = true
                } else if mode == .auto && !afterBlank && kind == .plain {
                    joins = open == .marker || (open == .numbered && unit.indented)
                } else {
                    joins = false
                }
                if !joins {
                    starts.append(unit.contentStart)
                    open = kind
                }
                afterBlank = false
            }
        }
        return ranges(starts, count: text.count)
    }

    /// The byte ranges from sorted, distinct step starts: the first begins at 0, each ends where the next begins.
    static func ranges(_ starts: [Int], count: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(starts.count)
        for (i, start) in starts.enumerated() {
            let lower = i == 0 ? 0 : start
            let upper = i + 1 < starts.count ? starts[i + 1] : count
            if upper > lower { result.append(lower..<upper) }
        }
        return result
    }

    // MARK: - Lines and blocks

    /// A line, or the lines of one display block, with its line break.
    struct Unit {
        /// The first byte that is not a space or tab (`end` for a blank unit).
        var contentStart: Int
        /// After the line break (or the end of the text).
        var end: Int
        var blank: Bool
        /// Spans a display or code block (opened and not closed on its first line).
        var block: Bool
        /// Starts with a relation that continues the computation on the line before.
        var continues: Bool
        /// Starts with a space or tab.
        var indented: Bool
    }

    /// The text's lines, with the lines of each display block joined into one unit.
    static func lineUnits(_ text: UnsafeBufferPointer<UInt8>) -> [Unit] {
        var units: [Unit] = []
        var state = BlockState()
        var unitStart = 0
        var lineStart = 0
        var spansLines = false
        // Cleared when a block opened and never closed: its lines, and every line after them, are then read one by
        // one (a stray "$$" or "\[" does not swallow the answer, and each line is still read once).
        var blocks = true
        while lineStart < text.count {
            var lineEnd = lineStart
            while lineEnd < text.count && text[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd < text.count ? lineEnd + 1 : lineEnd
            if blocks { state.read(text, lineStart..<lineEnd) }
            if blocks && state.isOpen {
                if next < text.count {
                    spansLines = true
                    lineStart = next
                    continue
                }
                if lineStart > unitStart {
                    // The end of the text inside a block: back to its first line, without blocks from there on.
                    blocks = false
                    spansLines = false
                    state = BlockState()
                    lineStart = unitStart
                    continue
                }
            }
            var contentStart = unitStart
            while contentStart < next && isBlankByte(text[contentStart]) { contentStart += 1 }
            let blank = contentStart == next
            units.append(
                Unit(
                    contentStart: blank ? next : contentStart, end: next, blank: blank, block: spansLines,
                    continues: !blank && continuesComputation(text, contentStart),
                    indented: !blank && contentStart > unitStart && text[unitStart] != 0x0A && text[unitStart] != 0x0D))
            state = BlockState()
            spansLines = false
            unitStart = next
            lineStart = next
        }
        return units
    }

    package static func isBlankByte(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }

    /// Which display or code blocks are open after the lines read so far.
    struct BlockState {
        var dollars = false
        var brackets = 0
        var environments = 0
        var fence = false

        var isOpen: Bool { dollars || brackets > 0 || environments > 0 || fence }

        mutating func read(_ text: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) {
            var k = line.lowerBound
            while k < line.upperBound && (text[k] == 0x20 || text[k] == 0x09) { k += 1 }
            if StepSplitter.has(text, k, line.upperBound, "```") {
                fence.toggle()
                return
            }
            if fence { return }
            k = line.lowerBound
            while k < line.upperBound {
                let b = text[k]
                if b == UInt8(ascii: "$"), k + 1 < line.upperBound, text[k + 1] == UInt8(ascii: "$") {
                    dollars.toggle()
                    k += 2
                    continue
                }
                if b == UInt8(ascii: "\\"), k + 1 < line.upperBound {
                    let c = text[k + 1]
                    if c == UInt8(ascii: "\\") {
                        k += 2  // a LaTeX line break ("\\[2pt]" is one too): no bracket opens here
                        continue
                    }
                    if c == UInt8(ascii: "[") { brackets += 1 }
                    if c == UInt8(ascii: "]") { brackets = max(0, brackets - 1) }
                    if StepSplitter.has(text, k + 1, line.upperBound, "begin{") { environments += 1 }
                    if StepSplitter.has(text, k + 1, line.upperBound, "end{") { environments = max(0, environments - 1) }
                    k += 2
                    continue
                }
                k += 1
            }
        }
    }

    /// Whether text[at...] starts with `word` before `end`.
    static func has(_ text: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard at + n <= end else { return false }
        for i in 0..<n where text[at + i] != word.utf8Start[i] { return false }
        return true
    }

    /// Whether the line starting at `k` (its first non-blank byte) continues a computation: `=`, `≈`, `≡`, or `&`,
    /// `\approx`, `\equiv` before one of them (LaTeX alignment).
    static func continuesComputation(_ text: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        var k = start
        let end = text.count
        if text[k] == UInt8(ascii: "&") {
            k += 1
            while k < end && (text[k] == 0x20 || text[k] == 0x09) { k += 1 }
            guard k < end else { return false }
        }
        if text[k] == UInt8(ascii: "=") { return true }
        if has(text, k, end, "≈") || has(text, k, end, "≡") { return true }
        return has(text, k, end, "\\approx") || has(text, k, end, "\\equiv")
    }

    // MARK: - Markers and list items

    enum LineKind { case plain, marker, numbered, bullet }

    /// Whether a line opens a "Step N" marker, a numbered list item or a bullet.
    static func lineKind(_ text: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> LineKind {
        var k = line.lowerBound
        let end = line.upperBound
        // Markdown before a marker: headings, emphasis.
        while k < end && (text[k] == UInt8(ascii: "#") || text[k] == UInt8(ascii: "*") || text[k] == UInt8(ascii: "_")
            || text[k] == 0x20)
        {
            k += 1
        }
        if k + 4 < end, text[k] | 0x20 == UInt8(ascii: "s"), text[k + 1] | 0x20 == UInt8(ascii: "t"),
            text[k + 2] | 0x20 == UInt8(ascii: "e"), text[k + 3] | 0x20 == UInt8(ascii: "p")
        {
            var j = k + 4
            while j < end && text[j] == 0x20 { j += 1 }
            let digits = j
            while j < end && isDigit(text[j]) { j += 1 }
            if j > digits && j - digits <= 3 { return .marker }
        }
        k = line.lowerBound
        let first = text[k]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            if k + 1 < end && text[k + 1] == 0x20 { return .bullet }
        }
        if has(text, k, end, "•") { return .bullet }
        var j = k
        while j < end && isDigit(text[j]) { j += 1 }
        if j > k && j - k <= 3 && j + 1 < end && (text[j] == UInt8(ascii: ".") || text[j] == UInt8(ascii: ")"))
            && text[j + 1] == 0x20
        {
            return .numbered
        }
        return .plain
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    // MARK: - Sentences

    /// Appends the start of every sentence in `unit` after its first.
    static func sentenceStarts(_ text: UnsafeBufferPointer<UInt8>, _ unit: Range<Int>, into starts: inout [Int]) {
        var k = unit.lowerBound
        let end = unit.upperBound
        // A list number at the start ("1. ", "12) ") is no sentence end.
        var j = k
        while j < end && isDigit(text[j]) { j += 1 }
        if j > k && j < end && (text[j] == UInt8(ascii: ".") || text[j] == UInt8(ascii: ")")) { k = j + 1 }
        var depth = 0
        var dollar = false
        var parenMath = false
        var display = false
        while k < end {
            let b = text[k]
            switch b {
            case UInt8(ascii: "$"):
                if k + 1 < end, text[k + 1] == UInt8(ascii: "$") {
                    display.toggle()
                    k += 2
                } else {
                    dollar.toggle()
                    k += 1
                }
                continue
            case UInt8(ascii: "\\"):
                if k + 1 < end {
                    switch text[k + 1] {
                    case UInt8(ascii: "("): parenMath = true
                    case UInt8(ascii: ")"): parenMath = false
                    case UInt8(ascii: "["): display = true
                    case UInt8(ascii: "]"): display = false
                    default: break
                    }
                }
                k += 2
                continue
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
                if depth == 0 && !dollar && !parenMath && !display, let next = sentenceStart(text, after: k, unit) {
                    if next > (starts.last ?? -1) { starts.append(next) }
                    k = next
                    continue
                }
            default: break
            }
            k += 1
        }
    }

    /// Where the next sentence starts when the terminator at `k` ends one, else nil.
    static func sentenceStart(_ text: UnsafeBufferPointer<UInt8>, after k: Int, _ unit: Range<Int>) -> Int? {
        let end = unit.upperBound
        var j = k + 1
        let ellipsis = text[k] == UInt8(ascii: ".") && (j < end && text[j] == UInt8(ascii: ".") || k > unit.lowerBound
            && text[k - 1] == UInt8(ascii: "."))
        if text[k] == UInt8(ascii: ".") {
            while j < end && text[j] == UInt8(ascii: ".") { j += 1 }
            if isAbbreviation(text, k, unit.lowerBound) { return nil }
        }
        // Closing brackets, quotes and emphasis after the terminator stay with its sentence.
        while j < end {
            let c = text[j]
            if c == UInt8(ascii: ")") || c == UInt8(ascii: "]") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")
                || c == UInt8(ascii: "*") || c == UInt8(ascii: "_")
            {
                j += 1
            } else if has(text, j, end, "”") || has(text, j, end, "’") {
                j += 3
            } else {
                break
            }
        }
        guard j < end, text[j] == 0x20 || text[j] == 0x09 else { return nil }
        while j < end && (text[j] == 0x20 || text[j] == 0x09) { j += 1 }
        guard j < end else { return nil }
        let c = text[j]
        let upper = c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")
        if ellipsis { return upper ? j : nil }
        if upper || isDigit(c) || c == UInt8(ascii: "[") || c == UInt8(ascii: "$") || c == UInt8(ascii: "\\")
            || c == UInt8(ascii: "*") || c == UInt8(ascii: "\"") || c >= 0xC0
        {
            return j
        }
        return nil
    }

    /// Whether the "." at `k` ends "e.g.", "i.e.", "vs.", "cf.", "approx.", "eq." or "fig." (any case).
    static func isAbbreviation(_ text: UnsafeBufferPointer<UInt8>, _ k: Int, _ start: Int) -> Bool {
        var w = k
        while w > start && k - w < 8 && (isLetter(text[w - 1]) || text[w - 1] == UInt8(ascii: ".")) { w -= 1 }
        guard w == start || !isLetter(text[w - 1]) else { return false }
        let word = String(decoding: UnsafeBufferPointer(rebasing: text[w...k]), as: UTF8.self).lowercased()
        return abbreviations.contains(word)
    }

    static let abbreviations: Set<String> = ["e.g.", "i.e.", "vs.", "cf.", "approx.", "eq.", "fig."]

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
}
