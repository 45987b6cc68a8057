extension JSONValue {
    /// Compact JSON (no spaces), keys in order: the same value always gives the same bytes.
    public var serialized: String {
        var out: [UInt8] = []
        write(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// JSON indented by two spaces per level, for people.
    public var pretty: String {
        var out: [UInt8] = []
        write(into: &out, indent: 2, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends compact JSON to `out` (the hot path of the audit: no intermediate strings).
    public func write<Sink: ByteSink & ~Copyable>(into out: inout Sink) {
        write(into: &out, indent: nil, level: 0)
    }

    func write<Sink: ByteSink & ~Copyable>(into out: inout Sink, indent: Int?, level: Int) {
        switch self {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .number(var text): text.withUTF8 { out.append(bytes: $0) }
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out.append("[]")
                return
            }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent, level + 1)
                item.write(into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                out.append("{}")
                return
            }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent, level + 1)
                JSONValue.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                value.write(into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline<Sink: ByteSink & ~Copyable>(_ out: inout Sink, _ indent: Int?, _ level: Int) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<(indent * level) { out.append(UInt8(ascii: " ")) }
    }

    /// Writes `s` as a JSON string: quotes, backslashes and control characters escaped, everything else as UTF-8
    /// bytes, copied in runs.
    @inlinable
    public static func writeString<Sink: ByteSink & ~Copyable>(_ s: String, into out: inout Sink) {
        // Every string the parser or the checker makes is contiguous UTF-8: read in place, no copy to make mutable.
        if s.utf8.withContiguousStorageIfAvailable({ writeString(utf8: $0, into: &out) }) != nil { return }
        var copy = s
        copy.withUTF8 { writeString(utf8: $0, into: &out) }
    }

    /// Writes UTF-8 bytes as a JSON string: quotes, escapes for `"`, `\` and control characters.
    ///
    /// The audit writes most of its output through here, and almost none of it needs escaping: a search eight bytes
    /// at a time (``escapeSearchStart(_:count:)``) finds that, and the quoted bytes are then written in one append.
    /// Only from the first eight-byte group that may hold a byte to escape does ``writeEscaped(_:count:from:into:)``
    /// look at single bytes.
    @inlinable @inline(__always)
    public static func writeString<Sink: ByteSink & ~Copyable>(
        utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout Sink
    ) {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else {
            out.append(#""""#)
            return
        }
        let start = escapeSearchStart(base, count: count)
        if start == count {
            out.append(quoted: bytes)
        } else {
            out.reserve(count + 2)
            out.append(UInt8(ascii: "\""))
            writeEscaped(base, count: count, from: start, into: &out)
            out.append(UInt8(ascii: "\""))
        }
    }

    /// Where the byte-by-byte escaping of `count` (> 0) bytes at `base` must start: the offset of the first eight
    /// bytes that may hold a byte to escape, or `count` when none does.
    ///
    /// Reads only the `count` bytes: sixteen at a time, then eight, then the eight ending at `count` (overlapping the
    /// bytes before them, which already passed); fewer than eight bytes are packed into one word
    /// (``shortWord(_:count:)``).
    @inlinable @inline(__always)
    static func escapeSearchStart(_ base: UnsafePointer<UInt8>, count: Int) -> Int {
        let raw = UnsafeRawPointer(base)
        guard count >= 8 else { return mayNeedEscape(shortWord(raw, count: count)) ? 0 : count }
        var i = 0
        while i <= count - 16 {
            let low = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let high = raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
            if escapeFlags(low) | escapeFlags(high) != 0 { return i }
            i += 16
        }
        if i <= count - 8 {
            if mayNeedEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return i }
            i += 8
        }
        if i < count, mayNeedEscape(raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) { return i }
        return count
    }

    /// One word holding every one of `count` (1…7) bytes at `raw`, for ``mayNeedEscape(_:)``: four bytes from the
    /// start and four ending at `count` (overlapping when `count` < 8); for 1…3 bytes, the bytes at 0, `count / 2`
    /// and `count − 1` over spaces (which need no escape).
    @inlinable @inline(__always)
    static func shortWord(_ raw: UnsafeRawPointer, count: Int) -> UInt64 {
        if count >= 4 {
            let head = UInt64(raw.loadUnaligned(as: UInt32.self))
            let tail = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            return head | tail << 32
        }
        let first = UInt64(raw.load(as: UInt8.self))
        let middle = UInt64(raw.load(fromByteOffset: count >> 1, as: UInt8.self))
        let last = UInt64(raw.load(fromByteOffset: count - 1, as: UInt8.self))
        return 0x2020_2020_2000_0000 | first | middle << 8 | last << 16
    }

    /// Writes the `count` bytes at `base` with escapes, knowing the first `start` bytes need none: the slow path of
    /// ``writeString(utf8:into:)``, kept out of line so the common path stays small.
    @inlinable @inline(never)
    static func writeEscaped<Sink: ByteSink & ~Copyable>(
        _ base: UnsafePointer<UInt8>, count: Int, from start: Int, into out: inout Sink
    ) {
        var runStart = 0
        var i = start
        while i < count {
            if i + 8 <= count, !mayNeedEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let end = min(i + 8, count)
            while i < end {
                let b = base[i]
                i += 1
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                out.append(bytes: UnsafeBufferPointer(start: base + runStart, count: i - 1 - runStart))
                switch b {
                case 0x22: out.append("\\\"")
                case 0x5C: out.append("\\\\")
                case 0x0A: out.append("\\n")
                case 0x0D: out.append("\\r")
                case 0x09: out.append("\\t")
                case 0x08: out.append("\\b")
                case 0x0C: out.append("\\f")
                default:
                    let hex: StaticString = "0123456789abcdef"
                    out.append("\\u00")
                    out.append(hex.utf8Start[Int(b >> 4)])
                    out.append(hex.utf8Start[Int(b & 0xF)])
                }
                runStart = i
            }
        }
        out.append(bytes: UnsafeBufferPointer(start: base + runStart, count: count - runStart))
    }

    /// Whether any of the eight bytes packed in `w` needs escaping: a byte below 0x20, a quote or a backslash.
    @inline(__always)
    @inlinable
    static func mayNeedEscape(_ w: UInt64) -> Bool { escapeFlags(w) != 0 }

    /// Nonzero exactly when one of the eight bytes packed in `w` is below 0x20, a quote (0x22) or a backslash (0x5C).
    ///
    /// The classic SWAR tests (Hacker's Delight §6.1; "Bit Twiddling Hacks", *haszero* and *hasless*), sharing one
    /// mask: a byte equal to c is a zero byte of `w ^ (c × 0x01…01)`, and the result is
    /// `((w ^ 0x22…22) − 0x01…01 | (w ^ 0x5C…5C) − 0x01…01 | w − 0x20…20) & ~w & 0x80…80`.
    /// - If some byte matches, take the lowest: no borrow reaches it (a borrow starts only at a zero byte of
    ///   `w ^ c…c` or a byte of `w` below 0x20, that is at a match), so its subtraction wraps and sets its high bit;
    ///   and its byte of `w` is below 0x80, so `~w` keeps that bit.
    /// - If none does, nothing borrows or wraps, and a difference can reach 0x80 only from a byte of `w` at or above
    ///   0x80 (0x22 and 0x5C have no high bit; `w − 0x20` ≥ 0x80 needs `w` ≥ 0xA0), whose bit `~w` clears.
    ///
    /// Only the lowest match is sure to be flagged (a borrow may flag a byte above it): callers test for zero.
    @inline(__always)
    @inlinable
    static func escapeFlags(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = (w ^ (ones &* 0x22)) &- ones
        let backslashes = (w ^ (ones &* 0x5C)) &- ones
        let controls = w &- ones &* 0x20
        return (quotes | backslashes | controls) & ~w & highs
    }
}
