/// One pass over a JSONL line that validates it and notes where a record's fields are (``RecordField``), for
/// readers that need a few fields of each line without building a tree of the rest.

// MARK: - Fields

/// The keys of a JSONL record that ``RecordFieldScan`` notes, in slot order: the id, the label and reference of a
/// graded record, the prompt, and the four names a response goes by. `messages` (the chat shape) is noted only to
/// send the line to the general path.
package enum RecordField {
    case id, label, reference, prompt, response, completion, output, answer, messages

    /// The keys a response may have, in the order they are looked for (`Record.responseKeys`).
    package static let responseKeys: [RecordField] = [.response, .completion, .output, .answer]

    /// The slot of a key given as its (escape-free) bytes.
    static func slot(_ key: UnsafeBufferPointer<UInt8>) -> RecordField? {
        func matches(_ word: StaticString) -> Bool {
            guard key.count == word.utf8CodeUnitCount else { return false }
            for i in 0..<key.count where key[i] != word.utf8Start[i] { return false }
            return true
        }
        switch key.count {
        case 2: return matches("id") ? .id : nil
        case 5: return matches("label") ? .label : nil
        case 6: return matches("prompt") ? .prompt : matches("output") ? .output : matches("answer") ? .answer : nil
        case 8: return matches("response") ? .response : matches("messages") ? .messages : nil
        case 9: return matches("reference") ? .reference : nil
        case 10: return matches("completion") ? .completion : nil
        default: return nil
        }
    }
}

extension RecordFieldScan {
    /// The first occurrence of each key, in fixed storage (no allocation per line).
    package struct Members {
        private var slots: (Member?, Member?, Member?, Member?, Member?, Member?, Member?, Member?) =
            (nil, nil, nil, nil, nil, nil, nil, nil)

        package subscript(key: RecordField) -> Member? {
            get {
                switch key {
                case .id: return slots.0
                case .label: return slots.1
                case .reference: return slots.2
                case .prompt: return slots.3
                case .response: return slots.4
                case .completion: return slots.5
                case .output: return slots.6
                case .answer: return slots.7
                case .messages: return nil
                }
            }
            set {
                switch key {
                case .id: slots.0 = newValue
                case .label: slots.1 = newValue
                case .reference: slots.2 = newValue
                case .prompt: slots.3 = newValue
                case .response: slots.4 = newValue
                case .completion: slots.5 = newValue
                case .output: slots.6 = newValue
                case .answer: slots.7 = newValue
                case .messages: break
                }
            }
        }
    }

    /// Where a member's value is in the line: for a string, its contents between the quotes.
    package struct Member {
        package var start: Int
        package var end: Int
        package var isString: Bool
        package var hasEscapes: Bool
    }
}

// MARK: - Scanning

/// One pass over a line: validates it as JSON and notes the first occurrence of each record key at the top level.
///
/// The grammar is ``JSONGrammar``'s, the one ``JSONParser`` reads, so a line passes exactly when the parser accepts
/// it; the scan only says whether it passed (the general path then reports the parser's own error).
package struct RecordFieldScan {
    package let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    package var members = Members()

    package init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// True when the line is one valid JSON object with no escaped keys and no `messages`.
    package mutating func scanObject() -> Bool {
        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else { return false }
        position += 1
        skipSpace()
        if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
            position += 1
        } else {
            while true {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return false }
                guard let key = scanString(), !key.hasEscapes else { return false }
                let slot = RecordField.slot(UnsafeBufferPointer(rebasing: bytes[key.start..<key.end]))
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return false }
                position += 1
                skipSpace()
                let start = position
                let value: Member
                if position < bytes.count && bytes[position] == UInt8(ascii: "\"") {
                    guard let string = scanString() else { return false }
                    value = string
                } else {
                    guard skipValue(depth: 1) else { return false }
                    value = Member(start: start, end: position, isString: false, hasEscapes: false)
                }
                if let slot, members[slot] == nil {
                    if slot == .messages { return false }
                    members[slot] = value
                }
                skipSpace()
                guard position < bytes.count else { return false }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                guard bytes[position] == UInt8(ascii: "}") else { return false }
                position += 1
                break
            }
        }
        skipSpace()
        return position == bytes.count
    }

    /// The response member: the first of ``RecordField/responseKeys`` present, when it is a string; nil otherwise.
    package func responseMember() -> Member? {
        for key in RecordField.responseKeys {
            if let member = members[key] { return member.isString ? member : nil }
        }
        return nil
    }

    /// A member as a `JSONValue`: `.some(nil)` when absent, nil when it cannot be made (never, for a scanned line).
    package func value(_ key: RecordField) -> JSONValue?? {
        guard let member = members[key] else { return .some(nil) }
        if member.isString {
            var buffer: [UInt8] = []
            return .string(string(member, buffer: &buffer))
        }
        let slice = UnsafeBufferPointer(rebasing: bytes[member.start..<member.end])
        switch bytes[member.start] {
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(String(decoding: slice, as: UTF8.self))
        case UInt8(ascii: "t"): return .bool(true)
        case UInt8(ascii: "f"): return .bool(false)
        case UInt8(ascii: "n"): return .null
        default: return (try? JSONParser.parse(slice)).map { .some($0) }
        }
    }

    package func isNull(_ member: Member) -> Bool { !member.isString && bytes[member.start] == UInt8(ascii: "n") }

    /// A string member as a String (its bytes were validated as UTF-8 by the scan), unescaped in `buffer`.
    package func string(_ member: Member, buffer: inout [UInt8]) -> String {
        guard member.hasEscapes else {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[member.start..<member.end]), as: UTF8.self)
        }
        let count = unescape(member, into: &buffer)
        return buffer.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[..<count]), as: UTF8.self)
        }
    }

    /// Writes a scanned string's contents with its escapes resolved to the start of `buffer` (grown when needed)
    /// and returns their length. The scan has checked every escape, and resolving one never lengthens it.
    package func unescape(_ member: Member, into buffer: inout [UInt8]) -> Int {
        let end = member.end
        if buffer.count < end - member.start {
            buffer = [UInt8](repeating: 0, count: max(end - member.start, 2 * buffer.count))
        }
        return buffer.withUnsafeMutableBufferPointer { out -> Int in
            guard let base = out.baseAddress, let source = bytes.baseAddress else { return 0 }
            var length = 0
            var i = member.start
            while i < end {
                let runStart = i
                i = Self.firstBackslash(bytes, from: i, to: end)
                if i > runStart {
                    (base + length).update(from: source + runStart, count: i - runStart)
                    length += i - runStart
                }
                guard i < end else { break }
                let e = bytes[i + 1]
                i += 2
                if let byte = JSONGrammar.escaped(e) {
                    base[length] = byte
                    length += 1
                } else {  // \u, a pair for a high surrogate: the scan has checked both
                    var code = JSONGrammar.hex4(bytes, &i).unsafelyUnwrapped
                    if (0xD800...0xDBFF).contains(code) {
                        i += 2
                        code = 0x10000 + ((code - 0xD800) << 10) + (JSONGrammar.hex4(bytes, &i).unsafelyUnwrapped - 0xDC00)
                    }
                    length += JSONGrammar.writeUTF8(code, to: base + length)
                }
            }
            return length
        }
    }

    /// The index of the first backslash in bytes[from..<to], or `to`; eight bytes at a time.
    static func firstBackslash(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        let raw = UnsafeRawBufferPointer(bytes)
        var i = from
        while i &+ 8 <= to {
            let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) ^ 0x5C5C_5C5C_5C5C_5C5C
            let zero = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
            // The lowest flagged byte is a backslash (borrows only run upward, past a real zero byte).
            if zero != 0 { return i &+ zero.trailingZeroBitCount / 8 }
            i &+= 8
        }
        while i < to && bytes[i] != UInt8(ascii: "\\") { i &+= 1 }
        return i
    }
}

// MARK: - Validating

extension RecordFieldScan {
    /// After a member or an element: true past a comma (another follows), false past the `closing` bracket, nil
    /// where the parser throws.
    private mutating func next(closing: UInt8) -> Bool? {
        skipSpace()
        guard position < bytes.count else { return nil }
        if bytes[position] == UInt8(ascii: ",") {
            position += 1
            return true
        }
        guard bytes[position] == closing else { return nil }
        position += 1
        return false
    }

    /// Skips one value at `depth`, as `JSONParser.parseValue` reads it; false where the parser throws.
    mutating func skipValue(depth: Int) -> Bool {
        guard depth < JSONParser.maxDepth, position < bytes.count else { return false }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            skipSpace()
            if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
                position += 1
                return true
            }
            while true {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\""), scanString() != nil else {
                    return false
                }
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return false }
                position += 1
                skipSpace()
                guard skipValue(depth: depth + 1), let more = next(closing: UInt8(ascii: "}")) else { return false }
                if !more { return true }
            }
        case UInt8(ascii: "["):
            position += 1
            skipSpace()
            if position < bytes.count && bytes[position] == UInt8(ascii: "]") {
                position += 1
                return true
            }
            while true {
                skipSpace()
                guard skipValue(depth: depth + 1), let more = next(closing: UInt8(ascii: "]")) else { return false }
                if !more { return true }
            }
        case UInt8(ascii: "\""): return scanString() != nil
        case UInt8(ascii: "t"): return skipLiteral("true")
        case UInt8(ascii: "f"): return skipLiteral("false")
        case UInt8(ascii: "n"): return skipLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return skipNumber()
        default: return false
        }
    }

    /// Scans a string from its opening quote: its contents' range, or nil where the parser throws (a control
    /// character, a bad escape or surrogate, invalid UTF-8, no closing quote).
    ///
    /// Runs of plain bytes are skipped eight at a time: a word holds a byte that needs a look exactly when it has a
    /// byte below 0x20, a quote or a backslash (the zero-byte tests of Hacker's Delight §6-1 on the word and on its
    /// XOR with the repeated byte, which never miss one); bytes of 0x80 and up are only noted, and the contents are
    /// validated as UTF-8 at the end when there were any.
    mutating func scanString() -> Member? {
        position += 1
        let start = position
        var escapes = false
        var high: UInt64 = 0
        while true {
            position = Self.firstSpecial(bytes, from: position, high: &high)
            guard position < bytes.count else { return nil }
            let b = bytes[position]
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") {
                escapes = true
                guard skipEscape() else { return nil }
                continue
            }
            if b < 0x20 { return nil }
            high |= UInt64(b)
            position += 1
        }
        let end = position
        position += 1
        if high & 0x8080_8080_8080_8080 != 0 && !JSONGrammar.isValidUTF8(UnsafeBufferPointer(rebasing: bytes[start..<end])) {
            return nil
        }
        return Member(start: start, end: end, isString: true, hasEscapes: escapes)
    }

    /// The index of the first byte from `from` on that a string scan must look at (a byte below 0x20, a quote or a
    /// backslash), or of the first of the last seven bytes; ORs the bytes passed over into `high` (its top bits say
    /// whether any was 0x80 or up).
    ///
    /// Eight bytes at a time: with w the word read little-endian, the bytes to look at are flagged by
    /// ((w − 0x20…) | (w ^ 0x22… − 0x01…) | (w ^ 0x5C… − 0x01…)) & ¬w & 0x80…, the zero-byte test of Hacker's
    /// Delight §6-1 on the word and on its XOR with the repeated quote and backslash (both have the top bit clear, so
    /// ¬w masks them alike). A borrow can flag a byte falsely only above a truly flagged one, so the lowest flag
    /// is exact.
    @inline(__always)
    static func firstSpecial(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, high: inout UInt64) -> Int {
        let raw = UnsafeRawBufferPointer(bytes)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let tops: UInt64 = 0x8080_8080_8080_8080
        var i = from
        var seen: UInt64 = 0
        @inline(__always) func flags(_ w: UInt64) -> UInt64 {
            ((w &- 0x2020_2020_2020_2020) | ((w ^ 0x2222_2222_2222_2222) &- ones)
                | ((w ^ 0x5C5C_5C5C_5C5C_5C5C) &- ones))
                & ~w & tops
        }
        // Sixteen bytes a step while no byte needs a look, then word by word to the exact byte.
        while i &+ 16 <= bytes.count {
            let a = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let b = raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)
            if flags(a) | flags(b) != 0 { break }
            seen |= a | b
            i &+= 16
        }
        while i &+ 8 <= bytes.count {
            let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let flags = flags(w)
            if flags != 0 {
                let k = flags.trailingZeroBitCount &>> 3
                seen |= w & ((1 &<< (k &* 8)) &- 1)
                i &+= k
                break
            }
            seen |= w
            i &+= 8
        }
        high |= seen & tops
        return i
    }

    /// Skips an escape from its backslash, as the parser reads it.
    private mutating func skipEscape() -> Bool {
        position += 1
        guard position < bytes.count else { return false }
        let e = bytes[position]
        position += 1
        if JSONGrammar.escaped(e) != nil { return true }
        return e == UInt8(ascii: "u") && (try? JSONGrammar.unicodeEscape(bytes, &position)) != nil
    }

    private mutating func skipNumber() -> Bool { (try? JSONGrammar.skipNumber(bytes, &position)) != nil }

    private mutating func skipLiteral(_ word: StaticString) -> Bool { JSONGrammar.skipLiteral(word, bytes, &position) }

    private mutating func skipSpace() { JSONGrammar.skipSpace(bytes, &position) }
}
