/// Character classes on UTF-8 bytes; any byte of a non-ASCII scalar counts as a letter.
extension UInt8 {
    static let newline = UInt8(ascii: "\n")

    var isDigit: Bool { self >= 0x30 && self <= 0x39 }
    var isHexDigit: Bool { isDigit || (self | 0x20 >= 0x61 && self | 0x20 <= 0x66) }
    var isLetter: Bool { (self | 0x20 >= 0x61 && self | 0x20 <= 0x7A) || self >= 0x80 }
    var isIdentifierStart: Bool { isLetter || self == 0x5F }
    var isIdentifier: Bool { isIdentifierStart || isDigit }
    var isBlank: Bool { self == 0x20 || self == 0x09 }
    var isSpace: Bool { isBlank || self == 0x0A || self == 0x0D || self == 0x0C || self == 0x0B }
    var isUpper: Bool { self >= 0x41 && self <= 0x5A }
    /// ASCII punctuation usable in operators.
    var isOperatorSymbol: Bool {
        switch self {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"),
            UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "!"), UInt8(ascii: "&"),
            UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "~"), UInt8(ascii: "?"):
            true
        default: false
        }
    }
}
