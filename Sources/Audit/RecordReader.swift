public import JSON

/// Reads the fields a record needs straight from the bytes of its JSONL line, without building a tree of the rest.
///
/// The whole line is validated as strict JSON, with the grammar and limits of ``JSONParser`` (UTF-8 strings,
/// well-formed escapes, no lone surrogates, at most ``JSONParser/maxDepth`` levels), but only the members a record
/// uses — `id`, `label`, `reference`, `prompt`, and `response`, `completion`, `output` or `answer` — become values;
/// the rest are only checked. The prompt and response are handed over as UTF-8 bytes: in place in the line when
/// they have no escapes, otherwise unescaped into buffers the reader keeps between lines.
///
/// Only the common shape is read this way: a JSON object whose keys have no escapes, without `messages`, whose
/// fields have the types ``Record`` expects. Every other line (invalid JSON, another JSON type, the chat shape, a
/// field of the wrong type) is read by the general path, ``JSONParser`` then ``Record/init(_:)``, so its record or
/// error is exactly what that path gives. Cost: one pass over the line (eight bytes at a time inside strings) and
/// no allocation for the prompt or response.
public struct RecordReader: Sendable {
    /// A record's fields. The byte buffers are only valid inside the closure given to ``read(_:_:)``.
    public struct Fields {
        /// `correct`, `wrong` or `no_claims`, when the record has a label (not yet checked against those).
        public var label: String?
        /// The reference answer, as given.
        public var reference: JSONValue?
        /// The prompt's UTF-8 bytes (empty when the record has none).
        public var prompt: UnsafeBufferPointer<UInt8>
        /// The response's UTF-8 bytes.
        public var response: UnsafeBufferPointer<UInt8>
    }

    private var promptBuffer: [UInt8] = []
    private var responseBuffer: [UInt8] = []

    public init() {}

    /// Reads one line and calls `body` with the record's fields or why the line is not a record, and with the
    /// record's `"id"` (as given; nil when the line is not a JSON object or has none).
    public mutating func read<R>(
        _ line: UnsafeBufferPointer<UInt8>, _ body: (Result<Fields, RecordError>, _ id: JSONValue?) -> R
    ) -> R {
        var scan = MemberScan(line)
        guard scan.scanObject(), let id = scan.value(.id), let reference = scan.value(.reference),
            let response = scan.responseMember()
        else { return readGenerally(line, body) }
        var label: String? = nil
        if let member = scan.members[.label] {
            guard member.isString else { return readGenerally(line, body) }
            label = scan.string(member, buffer: &promptBuffer)
        }
        let prompt = scan.members[.prompt]
        if let prompt, !prompt.isString && !scan.isNull(prompt) { return readGenerally(line, body) }
        // The buffers are moved out for the call, so the closures below borrow two locals rather than `self`.
        var promptScratch: [UInt8] = []
        var responseScratch: [UInt8] = []
        swap(&promptScratch, &promptBuffer)
        swap(&responseScratch, &responseBuffer)
        defer {
            swap(&promptScratch, &promptBuffer)
            swap(&responseScratch, &responseBuffer)
        }
        return Self.withBytes(scan, prompt, &promptScratch) { promptBytes in
            Self.withBytes(scan, response, &responseScratch) { responseBytes in
                body(
                    .success(Fields(label: label, reference: reference, prompt: promptBytes, response: responseBytes)),
                    id)
            }
        }
    }

    /// The bytes of a string member, in place or unescaped into `buffer`; empty for none or null.
    private static func withBytes<R>(
        _ scan: MemberScan, _ member: Member?, _ buffer: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        guard let member, member.isString else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        guard member.hasEscapes else {
            return body(UnsafeBufferPointer(rebasing: scan.bytes[member.start..<member.end]))
        }
        let count = scan.unescape(member, into: &buffer)
        return buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }

    /// The general path: the whole line as a `JSONValue`, then ``Record/init(_:)``.
    private func readGenerally<R>(
        _ line: UnsafeBufferPointer<UInt8>, _ body: (Result<Fields, RecordError>, _ id: JSONValue?) -> R
    ) -> R {
        let value: JSONValue
        do { value = try JSONParser.parse(line) } catch {
            return body(.failure(RecordError("invalid JSON: \(error)")), nil)
        }
        let record: Record
        do { record = try Record(value) } catch { return body(.failure(error), value["id"]) }
        var prompt = record.prompt
        var response = record.response
        return prompt.withUTF8 { promptBytes in
            response.withUTF8 { responseBytes in
                body(
                    .success(
                        Fields(
                            label: record.label, reference: record.reference, prompt: promptBytes,
                            response: responseBytes)), value["id"])
            }
        }
    }
}

// MARK: - Members

extension RecordReader {
    /// The keys a record reads, in slot order.
    enum Key {
        case id, label, reference, prompt, response, completion, output, answer, messages

        /// ``Record/responseKeys``, in order.
        static let responseKeys: [Key] = [.response, .completion, .output, .answer]

        /// The slot of a key given as its (escape-free) bytes.
        static func slot(_ key: UnsafeBufferPointer<UInt8>) -> Key? {
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

    /// The first occurrence of each key, in fixed storage (no allocation per line).
    struct Members {
        private var slots: (Member?, Member?, Member?, Member?, Member?, Member?, Member?, Member?) =
            (nil, nil, nil, nil, nil, nil, nil, nil)

        subscript(key: Key) -> Member? {
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
    struct Member {
        var start: Int
        var end: Int
        var isString: Bool
        var hasEscapes: Bool
    }
}

// MARK: - Scanning

/// One pass over a line: validates it as JSON and notes the first occurrence of each record key at the top level.
///
/// Every check mirrors one in ``JSONParser``, so a line passes exactly when the parser accepts it; the scan only
/// says whether it passed (the general path then reports the parser's own error).
struct MemberScan {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var members = RecordReader.Members()

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// True when the line is one valid JSON object with no escaped keys and no `messages`.
    mutating func scanObject() -> Bool {
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
                let slot = RecordReader.Key.slot(UnsafeBufferPointer(rebasing: bytes[key.start..<key.end]))
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return false }
                position += 1
                skipSpace()
                let start = position
                let value: RecordReader.Member
                if position < bytes.count && bytes[position] == UInt8(ascii: "\"") {
                    guard let string = scanString() else { return false }
                    value = string
                } else {
                    guard skipValue(depth: 1) else { return false }
                    value = RecordReader.Member(start: start, end: position, isString: false, hasEscapes: false)
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

    /// The response member: the first of ``Record/responseKeys`` present, when it is a string; nil otherwise.
    func responseMember() -> RecordReader.Member? {
        for key in RecordReader.Key.responseKeys {
            if let member = members[key] { return member.isString ? member : nil }
        }
        return nil
    }

    /// A member as a `JSONValue`: `.some(nil)` when absent, nil when it cannot be made (never, for a scanned line).
    func value(_ key: RecordReader.Key) -> JSONValue?? {
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

    func isNull(_ member: RecordReader.Member) -> Bool { !member.isString && bytes[member.start] == UInt8(ascii: "n") }

    /// A string member as a String (its bytes were validated as UTF-8 by the scan), unescaped in `buffer`.
    func string(_ member: RecordReader.Member, buffer: inout [UInt8]) -> String {
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
    func unescape(_ member: RecordReader.Member, into buffer: inout [UInt8]) -> Int {
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
                var code: UInt32
                switch e {
                case UInt8(ascii: "b"): code = 0x08
                case UInt8(ascii: "f"): code = 0x0C
                case UInt8(ascii: "n"): code = 0x0A
                case UInt8(ascii: "r"): code = 0x0D
                case UInt8(ascii: "t"): code = 0x09
                case UInt8(ascii: "u"):
                    code = hex4(at: i)
                    i += 4
                    if (0xD800...0xDBFF).contains(code) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (hex4(at: i + 2) - 0xDC00)
                        i += 6
                    }
                default: code = UInt32(e)  // \" \\ \/
                }
                length += Self.writeUTF8(code, to: base + length)
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

    private static func writeUTF8(_ code: UInt32, to p: UnsafeMutablePointer<UInt8>) -> Int {
        switch code {
        case ..<0x80:
            p[0] = UInt8(code)
            return 1
        case ..<0x800:
            p[0] = UInt8(0xC0 | code >> 6)
            p[1] = UInt8(0x80 | code & 0x3F)
            return 2
        case ..<0x10000:
            p[0] = UInt8(0xE0 | code >> 12)
            p[1] = UInt8(0x80 | code >> 6 & 0x3F)
            p[2] = UInt8(0x80 | code & 0x3F)
            return 3
        default:
            p[0] = UInt8(0xF0 | code >> 18)
            p[1] = UInt8(0x80 | code >> 12 & 0x3F)
            p[2] = UInt8(0x80 | code >> 6 & 0x3F)
            p[3] = UInt8(0x80 | code & 0x3F)
            return 4
        }
    }

    private func hex4(at i: Int) -> UInt32 {
        var value: UInt32 = 0
        for k in i..<(i + 4) { value = value * 16 + UInt32(Self.hexValue(bytes[k])) }
        return value
    }

    /// 0–15 for a hex digit, 16 otherwise.
    static func hexValue(_ b: UInt8) -> UInt8 {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return 16
        }
    }
}

// MARK: - Validating

extension MemberScan {
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
    mutating func scanString() -> RecordReader.Member? {
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
        if high & 0x8080_8080_8080_8080 != 0 && !Self.isValidUTF8(UnsafeBufferPointer(rebasing: bytes[start..<end])) {
            return nil
        }
        return RecordReader.Member(start: start, end: end, isString: true, hasEscapes: escapes)
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
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        case UInt8(ascii: "u"):
            guard let code = skipHex4() else { return false }
            if (0xD800...0xDBFF).contains(code) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else { return false }
                position += 2
                guard let low = skipHex4(), (0xDC00...0xDFFF).contains(low) else { return false }
                return true
            }
            return !(0xDC00...0xDFFF).contains(code)
        default: return false
        }
    }

    private mutating func skipHex4() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let digit = Self.hexValue(bytes[position])
            guard digit < 16 else { return nil }
            value = value * 16 + UInt32(digit)
            position += 1
        }
        return value
    }

    private mutating func skipNumber() -> Bool {
        func digit() -> Bool { position < bytes.count && bytes[position] &- UInt8(ascii: "0") < 10 }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard digit() else { return false }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if digit() { return false }
        } else {
            while digit() { position += 1 }
        }
        if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digit() else { return false }
            while digit() { position += 1 }
        }
        if position < bytes.count && (bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")) {
            position += 1
            if position < bytes.count && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-"))
            {
                position += 1
            }
            guard digit() else { return false }
            while digit() { position += 1 }
        }
        return true
    }

    private mutating func skipLiteral(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for i in 0..<count where bytes[position + i] != word.utf8Start[i] { return false }
        position += count
        return true
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Well-formed UTF-8 (Unicode 15, table 3-7): no overlong forms, no surrogates, nothing above U+10FFFF.
    static func isValidUTF8(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = s.count
        func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            k < n && s[k] >= low && s[k] <= high
        }
        while i < n {
            let b = s[i]
            switch b {
            case 0x00...0x7F: i += 1
            case 0xC2...0xDF:
                guard continuation(i + 1) else { return false }
                i += 2
            case 0xE0...0xEF:
                let (low, high): (UInt8, UInt8) = b == 0xE0 ? (0xA0, 0xBF) : b == 0xED ? (0x80, 0x9F) : (0x80, 0xBF)
                guard continuation(i + 1, low, high), continuation(i + 2) else { return false }
                i += 3
            case 0xF0...0xF4:
                let (low, high): (UInt8, UInt8) = b == 0xF0 ? (0x90, 0xBF) : b == 0xF4 ? (0x80, 0x8F) : (0x80, 0xBF)
                guard continuation(i + 1, low, high), continuation(i + 2), continuation(i + 3) else { return false }
                i += 4
            default: return false
            }
        }
        return true
    }
}
