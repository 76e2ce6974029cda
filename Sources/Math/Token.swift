/// One TeX token, as produced by ``Lexer``.
enum Token: Equatable, Sendable {
    /// A control sequence such as `\frac` or `\,`, stored without the backslash.
    case command(String)
    /// Any other single character.
    case character(Unicode.Scalar)
    /// A run of white space.
    case space
    /// `{`
    case beginGroup
    /// `}`
    case endGroup
    /// `^`
    case superscript
    /// `_`
    case `subscript`
    /// `&`
    case alignment
    /// `#1` … `#9` in a macro body.
    case parameter(Int)
    /// `$`
    case mathShift
    /// `~`, an unbreakable space.
    case tie

    /// The token written back as TeX source.
    var source: String {
        switch self {
        case .command(let name):
            if let first = name.unicodeScalars.first, Lexer.isLetter(first) {
                return "\\" + name + " "
            }
            return "\\" + name
        case .character(let scalar): return String(Character(scalar))
        case .space: return " "
        case .beginGroup: return "{"
        case .endGroup: return "}"
        case .superscript: return "^"
        case .subscript: return "_"
        case .alignment: return "&"
        case .parameter(let number): return "#\(number)"
        case .mathShift: return "$"
        case .tie: return "~"
        }
    }
}

extension Array where Element == Token {
    /// The tokens written back as TeX source, trimmed of surrounding white space.
    var source: String {
        var text = ""
        for token in self { text += token.source }
        while text.hasSuffix(" ") { text.removeLast() }
        while text.hasPrefix(" ") { text.removeFirst() }
        return text
    }
}
