/// Splits TeX source into ``Token``s, dropping comments and the spaces after control words.
enum Lexer {
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r"
    }

    /// Tokenizes `source`.
    static func tokenize(_ source: String) throws(MathError) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(source.utf8.count)
        let scalars = Array(source.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\\":
                guard index < scalars.count else {
                    throw MathError("a backslash ends the formula", command: "\\")
                }
                let first = scalars[index]
                index += 1
                if isLetter(first) {
                    var name = String(Character(first))
                    while index < scalars.count, isLetter(scalars[index]) {
                        name.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                    while index < scalars.count, isSpace(scalars[index]) { index += 1 }
                    tokens.append(.command(name))
                } else {
                    tokens.append(.command(String(Character(first))))
                }
            case "%":
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            case "#":
                if index < scalars.count, scalars[index] >= "1", scalars[index] <= "9" {
                    tokens.append(.parameter(Int(scalars[index].value - 0x30)))
                    index += 1
                } else {
                    throw MathError("# must be followed by a parameter number 1 to 9", command: "#")
                }
            case "{": tokens.append(.beginGroup)
            case "}": tokens.append(.endGroup)
            case "^": tokens.append(.superscript)
            case "_": tokens.append(.subscript)
            case "&": tokens.append(.alignment)
            case "$": tokens.append(.mathShift)
            case "~": tokens.append(.tie)
            default:
                if isSpace(scalar) {
                    while index < scalars.count, isSpace(scalars[index]) { index += 1 }
                    if tokens.last != .space { tokens.append(.space) }
                } else if scalar.value < 0x20 || scalar.value == 0x7F {
                    continue
                } else {
                    tokens.append(.character(scalar))
                }
            }
        }
        return tokens
    }
}
