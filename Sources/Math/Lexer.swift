/// Splits TeX source into ``Token``s, dropping comments and the spaces after control words.
/// Works on the UTF-8 bytes, decoding only non-ASCII characters.
enum Lexer {
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// Tokenizes `source`.
    static func tokenize(_ source: String) throws(MathError) -> [Token] {
        var source = source
        source.makeContiguousUTF8()
        let result = source.utf8.withContiguousStorageIfAvailable { bytes in
            Result<[Token], MathError> { () throws(MathError) -> [Token] in try tokenize(bytes) }
        }
        guard let result else { return [] }
        return try result.get()
    }

    private static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) throws(MathError) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\\"):
                guard index < bytes.count else {
                    throw MathError("a backslash ends the formula", command: "\\")
                }
                let start = index
                if isLetter(bytes[index]) {
                    while index < bytes.count, isLetter(bytes[index]) { index += 1 }
                    tokens.append(.command(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)))
                    while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                } else if isSpace(bytes[index]) {
                    // `\` before a line break or tab is a control space, like `\ `.
                    index += 1
                    tokens.append(.command(" "))
                } else {
                    let (scalar, length) = decode(bytes, at: index)
                    index += length
                    tokens.append(.command(String(Character(scalar))))
                }
            case UInt8(ascii: "%"):
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            case UInt8(ascii: "#"):
                guard index < bytes.count, bytes[index] >= UInt8(ascii: "1"), bytes[index] <= UInt8(ascii: "9") else {
                    tokens.append(.character("#"))
                    continue
                }
                tokens.append(.parameter(Int(bytes[index] - UInt8(ascii: "0"))))
                index += 1
            case UInt8(ascii: "{"): tokens.append(.beginGroup)
            case UInt8(ascii: "}"): tokens.append(.endGroup)
            case UInt8(ascii: "^"): tokens.append(.superscript)
            case UInt8(ascii: "_"): tokens.append(.subscript)
            case UInt8(ascii: "&"): tokens.append(.alignment)
            case UInt8(ascii: "$"): tokens.append(.mathShift)
            case UInt8(ascii: "~"): tokens.append(.tie)
            default:
                if isSpace(byte) {
                    while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                    if tokens.last != .space { tokens.append(.space) }
                } else if byte < 0x20 || byte == 0x7F {
                    continue
                } else if byte < 0x80 {
                    tokens.append(.character(Unicode.Scalar(byte)))
                } else {
                    let (scalar, length) = decode(bytes, at: index - 1)
                    index += length - 1
                    tokens.append(.character(scalar))
                }
            }
        }
        return tokens
    }

    /// Decodes the scalar starting at `index` (valid UTF-8, as Swift strings always are).
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = length == 1 ? lead : lead & (0xFF >> UInt32(length + 1))
        for offset in 1..<max(length, 1) where length > 1 {
            value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
