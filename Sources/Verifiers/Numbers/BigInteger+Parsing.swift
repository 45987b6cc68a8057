internal import CGMP

extension BigInteger {
    /// Parses a strict decimal integer: an optional `-` or `+`, then ASCII digits only.
    ///
    /// GMP's own parser skips whitespace anywhere (" 1 2 3" reads as 123), so the text is validated here first.
    /// Thousands separators are the claim scanner's business, not this parser's.
    /// - Throws: ``VerifierError`` `invalid_number` for anything else, `too_large` past `bounds.maxIntegerDigits`.
    public init(parsing text: some StringProtocol, bounds: Bounds = .standard) throws(VerifierError) {
        // Up to 18 digits always fit in an Int: read them directly (the same value, without the copy for GMP).
        if bounds.maxIntegerDigits >= 18, let value = Self.shortDecimal(text.utf8) {
            self.init(value)
            return
        }
        var utf8 = Array(text.utf8)
        var start = 0
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { start = 1 }
        guard start < utf8.count else {
            throw VerifierError(.invalidNumber, "'\(abbreviated(text))' is not an integer: expected decimal digits")
        }
        for i in start..<utf8.count where !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(utf8[i]) {
            throw VerifierError(
                .invalidNumber,
                "'\(abbreviated(text))' is not an integer: only the digits 0-9 and a leading sign are allowed")
        }
        guard utf8.count - start <= bounds.maxIntegerDigits else {
            throw VerifierError(
                .tooLarge,
                "the integer has \(utf8.count - start) digits; the limit is \(bounds.maxIntegerDigits)")
        }
        if utf8[0] == UInt8(ascii: "+") { utf8.removeFirst() }
        utf8.append(0)
        self = BigInteger.result { r in
            utf8.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    let status = __gmpz_set_str(r, chars.baseAddress, 10)
                    precondition(status == 0, "validated decimal text was rejected by GMP")
                }
            }
        }
    }
}

extension BigInteger {
    /// The value of "[+|-]d…d" with 1 to 18 ASCII digits, or nil for anything else (left to the full parser, which
    /// also says what is wrong).
    static func shortDecimal(_ utf8: some Collection<UInt8>) -> Int? {
        var rest = utf8[...]
        let negative = rest.first == UInt8(ascii: "-")
        if negative || rest.first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        var value = 0
        var digits = 0
        for b in rest {
            guard b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"), digits < 18 else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
            digits += 1
        }
        guard digits > 0 else { return nil }
        return negative ? -value : value
    }
}

// MARK: - CustomStringConvertible

extension BigInteger: CustomStringConvertible, LosslessStringConvertible {
    /// The value in decimal.
    public var description: String {
        if let w = word { return String(w) }  // what mpz_get_str writes for it
        return withPointer { p in
            let capacity = Int(__gmpz_sizeinbase(p, 10)) + 2
            return String(unsafeUninitializedCapacity: capacity) { buffer in
                _ = buffer.withMemoryRebound(to: CChar.self) { chars in __gmpz_get_str(chars.baseAddress, 10, p) }
                return buffer.firstIndex(of: 0) ?? capacity
            }
        }
    }

    public init?(_ description: String) {
        guard let value = try? BigInteger(parsing: description) else { return nil }
        self = value
    }
}
