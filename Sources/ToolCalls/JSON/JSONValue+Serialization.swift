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
    public func write(into out: inout [UInt8]) {
        write(into: &out, indent: nil, level: 0)
    }

    func write(into out: inout [UInt8], indent: Int?, level: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out.append(contentsOf: "[]".utf8)
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
                out.append(contentsOf: "{}".utf8)
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

    private func newline(_ out: inout [UInt8], _ indent: Int?, _ level: Int) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    /// Writes `s` as a JSON string: quotes, backslashes and control characters escaped, everything else as UTF-8
    /// bytes, copied in runs.
    ///
    /// The audit writes most of its output through here, so the search for the next byte to escape looks at eight
    /// bytes at a time (``mayNeedEscape(_:)``) and only looks at single bytes in a word that may hold one.
    public static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var copy = s
        copy.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            let count = bytes.count
            while i < count {
                if i + 8 <= count, let base = bytes.baseAddress,
                    !mayNeedEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                {
                    i += 8
                    continue
                }
                let end = min(i + 8, count)
                while i < end {
                    let b = bytes[i]
                    i += 1
                    guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<(i - 1)]))
                    switch b {
                    case 0x22: out.append(contentsOf: "\\\"".utf8)
                    case 0x5C: out.append(contentsOf: "\\\\".utf8)
                    case 0x0A: out.append(contentsOf: "\\n".utf8)
                    case 0x0D: out.append(contentsOf: "\\r".utf8)
                    case 0x09: out.append(contentsOf: "\\t".utf8)
                    case 0x08: out.append(contentsOf: "\\b".utf8)
                    case 0x0C: out.append(contentsOf: "\\f".utf8)
                    default:
                        let hex: [UInt8] = Array("0123456789abcdef".utf8)
                        out.append(contentsOf: "\\u00".utf8)
                        out.append(hex[Int(b >> 4)])
                        out.append(hex[Int(b & 0xF)])
                    }
                    runStart = i
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes packed in `w` may need escaping: a byte below 0x20, a quote or a backslash.
    ///
    /// The classic SWAR tests (Hacker's Delight §6.1; "Bit Twiddling Hacks", *haszero* and *hasless*):
    /// `(x − 0x01…01) & ~x & 0x80…80` is nonzero exactly when some byte of x is zero, and
    /// `(w − 0x20…20) & ~w & 0x80…80` is nonzero exactly when some byte of w is below 0x20. A byte equal to c is a
    /// zero byte of `w ^ (c × 0x01…01)`. A false alarm would only send the word through the byte loop.
    @inline(__always)
    static func mayNeedEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = w ^ (ones &* 0x22)
        let backslash = w ^ (ones &* 0x5C)
        let control = (w &- ones &* 0x20) & ~w
        let quotes = (quote &- ones) & ~quote
        let backslashes = (backslash &- ones) & ~backslash
        return (control | quotes | backslashes) & highs != 0
    }
}
