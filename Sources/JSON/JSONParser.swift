/// Why a text is not valid JSON, with the byte offset where the problem was found.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int

    public var description: String { "\(message) at byte \(offset + 1)" }
}

/// A strict RFC 8259 JSON parser over UTF-8 bytes.
///
/// Numbers keep their text. Strings must be valid UTF-8 and escapes well-formed (surrogate pairs combined, lone
/// surrogates rejected). Nesting is bounded so that a hostile document cannot exhaust the stack.
public struct JSONParser {
    public static let maxDepth = 512

    /// Parses one JSON document that fills `text` (surrounding whitespace allowed).
    public static func parse(_ text: String) throws(JSONError) -> JSONValue {
        var copy = text
        let result: Result<JSONValue, JSONError> = copy.withUTF8 { bytes in
            do throws(JSONError) { return .success(try parse(bytes)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Parses one JSON document that fills `bytes`.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipSpace()
        let value = try parser.parseValue(depth: 0)
        parser.skipSpace()
        guard parser.position == bytes.count else { throw parser.error("unexpected text after the JSON value") }
        return value
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func parseValue(depth: Int) throws(JSONError) -> JSONValue {
        guard depth < Self.maxDepth else { throw error("JSON nested deeper than \(Self.maxDepth) levels") }
        guard position < bytes.count else { throw error("unexpected end of input") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character '\(printable(bytes[position]))'")
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONError) -> JSONValue {
        position += 1
        var members: [(String, JSONValue)] = []
        skipSpace()
        if peek == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\"") else { throw error("expected a string key") }
            let key = try parseString()
            skipSpace()
            guard peek == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
            position += 1
            skipSpace()
            members.append((key, try parseValue(depth: depth + 1)))
            skipSpace()
            if peek == UInt8(ascii: ",") {
                position += 1
                continue
            }
            guard peek == UInt8(ascii: "}") else { throw error("expected ',' or '}' in an object") }
            position += 1
            return .object(members)
        }
    }

    /// The string of UTF-8 bytes, or nil when they are not valid UTF-8.
    ///
    /// `String(validating:as:)` goes through an unspecialized generic validator (about a thousand instructions for
    /// a short string, most of the parser's time); this checks the bytes here, skips the check when the caller saw
    /// only ASCII, and builds the string with `String(decoding:as:)`, which repairs nothing on valid input.
    @inline(__always)
    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String? {
        guard ascii || JSONGrammar.isValidUTF8(bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func parseArray(depth: Int) throws(JSONError) -> JSONValue {
        position += 1
        var items: [JSONValue] = []
        skipSpace()
        if peek == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try parseValue(depth: depth + 1))
            skipSpace()
            if peek == UInt8(ascii: ",") {
                position += 1
                continue
            }
            guard peek == UInt8(ascii: "]") else { throw error("expected ',' or ']' in an array") }
            position += 1
            return .array(items)
        }
    }

    private mutating func parseString() throws(JSONError) -> String {
        position += 1
        let start = position
        // Fast path: no escapes. The bytes are or-ed together on the way: an ASCII string needs no validation.
        var high: UInt8 = 0
        while position < bytes.count {
            let b = bytes[position]
            high |= b
            if b == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
                guard let s = Self.string(slice, ascii: high < 0x80) else {
                    throw JSONError(message: "a string is not valid UTF-8", offset: start)
                }
                position += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw error("a control character inside a string must be escaped") }
            position += 1
        }
        // With escapes ("\n" in every multi-line answer): unescaped runs are copied whole, escapes one by one.
        var buffer: [UInt8] = []
        buffer.reserveCapacity(2 * (position - start) + 64)
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let runStart = position
            while position < bytes.count {
                let b = bytes[position]
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { break }
                position += 1
            }
            if position > runStart { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position])) }
            guard position < bytes.count else { break }
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                position += 1
                guard let s = buffer.withUnsafeBufferPointer({ Self.string($0, ascii: false) }) else {
                    throw JSONError(message: "a string is not valid UTF-8", offset: start)
                }
                return s
            }
            if b < 0x20 { throw error("a control character inside a string must be escaped") }
            position += 1
            guard position < bytes.count else { break }
            let e = bytes[position]
            position += 1
            if let byte = JSONGrammar.escaped(e) {
                buffer.append(byte)
                continue
            }
            guard e == UInt8(ascii: "u") else { throw error("invalid escape '\\\(printable(e))'") }
            let code: UInt32
            do throws(JSONGrammar.EscapeError) {
                code = try JSONGrammar.unicodeEscape(bytes, &position)
            } catch {
                throw self.error(error.message)
            }
            guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
            UTF8.encode(scalar) { buffer.append($0) }
        }
        throw JSONError(message: "unterminated string", offset: start - 1)
    }

    private mutating func parseNumber() throws(JSONError) -> JSONValue {
        let start = position
        do throws(JSONGrammar.NumberError) {
            try JSONGrammar.skipNumber(bytes, &position)
        } catch {
            throw self.error(error.message)
        }
        return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(JSONError) -> JSONValue {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw error("unexpected end of input") }
        for i in 0..<count where bytes[position + i] != word.utf8Start[i] {
            throw error("unexpected character '\(printable(bytes[position + i]))'")
        }
        position += count
        return value
    }

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipSpace() { JSONGrammar.skipSpace(bytes, &position) }


    private func printable(_ b: UInt8) -> String {
        b >= 0x20 && b < 0x7F ? String(UnicodeScalar(b)) : "\\x" + String(b, radix: 16)
    }

    private func error(_ message: String) -> JSONError { JSONError(message: message, offset: position) }
}
