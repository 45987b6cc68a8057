/// Sets of token kinds the passes test in one instruction, and the vocabulary numbers of words they look for.
extension ClaimScanner {
    // MARK: - Sets of token kinds (bits over `Token.Kind.rawValue`; computed, so that they fold to constants)

    /// After a number in a list: an operator, so the number is the start of an expression, not a list item.
    static var operatorsAfterListNumber: UInt64 {
        @inline(__always) get {
            Token.Kind.times.bit | Token.Kind.power.bit | Token.Kind.divide.bit | Token.Kind.plus.bit
                | Token.Kind.minus.bit
        }
    }
    /// After the next number of a list: it ends there, so it continues the list.
    static var listNumberEnds: UInt64 {
        @inline(__always) get {
            Token.Kind.comma.bit | Token.Kind.period.bit | Token.Kind.closeParen.bit | Token.Kind.newline.bit
                | Token.Kind.semicolon.bit | Token.Kind.colon.bit
        }
    }
    /// After a leading "yes" / "no": it stands alone.
    static var afterLeadingYesNo: UInt64 {
        @inline(__always) get {
            Token.Kind.comma.bit | Token.Kind.period.bit | Token.Kind.exclamation.bit | Token.Kind.newline.bit
                | Token.Kind.closeParen.bit | Token.Kind.closeBracket.bit | Token.Kind.colon.bit
                | Token.Kind.semicolon.bit
        }
    }
    /// Before a bare value answer: markup and links that are skipped.
    static var beforeValueAnswer: UInt64 {
        @inline(__always) get {
            Token.Kind.newline.bit | Token.Kind.approx.bit | Token.Kind.equals.bit | Token.Kind.colon.bit
                | Token.Kind.boxed.bit | Token.Kind.openParen.bit
        }
    }
    /// After a bare value answer: trailing punctuation that is skipped.
    static var afterValueAnswer: UInt64 {
        @inline(__always) get { Token.Kind.newline.bit | Token.Kind.period.bit | Token.Kind.closeParen.bit }
    }

    /// The vocabulary number of "divisible".
    static let divisibleNumber = vocabularyNumber("divisible")

    /// Whether a stated value has a decimal point, read from its bytes in place.
    static func hasPoint(_ stated: String) -> Bool {
        var stated = stated
        return stated.withUTF8 { $0.contains(UInt8(ascii: ".")) }
    }

    /// The vocabulary numbers of "yes" and "no".
    static let yesNumber = vocabularyNumber("yes")
    static let noNumber = vocabularyNumber("no")

    /// The number of a word the scanner needs in the vocabulary (never 0, which every other word has).
    static func vocabularyNumber(_ word: StaticString) -> UInt8 {
        guard let number = Vocabulary.shared.number(of: word) else {
            preconditionFailure("\(word) is in the vocabulary")
        }
        return number
    }
}
