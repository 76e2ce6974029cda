/// Commands KaTeX accepts that LaTeX's math mode has in other packages or in text mode:
/// `\raisebox`, `\rule`, `\mathchoice`, `\char`, `\verb`, `\url`, `\href`, `\html…`, `\textcircled`.
extension Parser {
    /// `\raisebox{2pt}{text}`: the text moved up (down for a negative length).
    mutating func parseRaisebox() throws(MathError) -> MathNode {
        let length = try readDimension(for: "raisebox")
        let body = try parseTextArgument("raisebox")
        return .raised(body, voffset: length)
    }

    /// `\rule[raise]{width}{height}`: a filled box.
    mutating func parseRule() throws(MathError) -> MathNode {
        let raise = parseOptionalRawText().flatMap(Dimension.em) ?? 0
        let width = try readDimension(for: "rule")
        let height = try readDimension(for: "rule")
        return .rule(width: max(width, 0), height: max(height, 0), raise: raise)
    }

    /// `\mathchoice{display}{text}{script}{scriptscript}`: the display or text branch, by the
    /// formula's mode (the script branches are read and dropped).
    mutating func parseMathChoice() throws(MathError) -> MathNode {
        var branches: [MathNode] = []
        for _ in 0..<4 { branches.append(try parseArgument(for: "mathchoice")) }
        return display ? branches[0] : branches[1]
    }

    /// `\char"263A`, `\char'101`, `\char65`: the character with that code.
    mutating func parseCharacterCode() throws(MathError) -> MathNode {
        stream.skipSpaces()
        var radix: UInt32 = 10
        if stream.peekRaw == .character("\"") { radix = 16; _ = stream.nextRaw() }
        else if stream.peekRaw == .character("'") { radix = 8; _ = stream.nextRaw() }
        var value: UInt32 = 0
        var digits = 0
        while case .character(let scalar)? = stream.peekRaw, let digit = Self.digitValue(scalar), digit < radix, digits < 8 {
            value = value * radix + digit
            digits += 1
            _ = stream.nextRaw()
        }
        guard digits > 0, let scalar = Unicode.Scalar(value) else {
            throw MathError("\\char needs a character code such as \"263A", command: "\\char")
        }
        return characterNode(scalar)
    }

    private static func digitValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 48
        case "a"..."f": return scalar.value - 87
        case "A"..."F": return scalar.value - 55
        default: return nil
        }
    }

    /// `\verb!…!` and `\url{…}`: the characters as typed, in a monospace font.
    mutating func parseVerbatim(_ name: String) throws(MathError) -> MathNode {
        let css = "font-family:monospace"
        if name == "url" { return .text(try parseRawText(for: name), css: css) }
        _ = consumeStar()
        guard let delimiter = stream.nextRaw(), delimiter != .space else {
            throw MathError("\\verb needs a delimiter such as !", command: "\\verb")
        }
        var tokens: [Token] = []
        while let token = stream.nextRaw() {
            if token == delimiter { return .text(tokens.source, css: css) }
            tokens.append(token)
        }
        throw MathError("\\verb is not closed by \(delimiter.source)", command: "\\verb")
    }

    /// `\href{url}{math}`: MathML Core has no links, so the math is shown without one.
    mutating func parseHref() throws(MathError) -> MathNode {
        _ = try parseRawText(for: "href")
        return try parseArgument(for: "href")
    }

    /// `\htmlClass{c}{x}`, `\htmlId{i}{x}`, `\htmlStyle{css}{x}`, `\htmlData{k=v, …}{x}`: the
    /// attribute set on an `<mrow>` around the math.
    mutating func parseHTMLAttribute(_ name: String) throws(MathError) -> MathNode {
        let value = try parseRawText(for: name)
        let body = try parseArgument(for: name)
        switch name {
        case "htmlClass": return .attributed(body, [HTMLAttribute(name: "class", value: value)])
        case "htmlId": return .attributed(body, [HTMLAttribute(name: "id", value: value)])
        case "htmlStyle": return .attributed(body, [HTMLAttribute(name: "style", value: value)])
        default:
            var attributes: [HTMLAttribute] = []
            for pair in value.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                let key = parts[0].filter { $0.isLetter || $0.isNumber || $0 == "-" }.lowercased()
                guard !key.isEmpty, key.unicodeScalars.allSatisfy(\.isASCII) else { continue }
                let text = parts.count > 1 ? String(parts[1]) : ""
                attributes.append(HTMLAttribute(name: "data-" + key, value: text.trimmingSpaces))
            }
            return .attributed(body, attributes)
        }
    }

    /// `\textcircled{a}`: ⓐ, or the text with a combining circle when Unicode has no circled form.
    mutating func parseCircled() throws(MathError) -> String {
        let text = try parseRawText(for: "textcircled")
        return Self.circled(text)
    }

    static func circled(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 1 else { return text + "\u{20DD}" }
        let value = scalars[0].value
        let circled: UInt32? = switch scalars[0] {
        case "a"..."z": 0x24D0 + value - 0x61
        case "A"..."Z": 0x24B6 + value - 0x41
        case "1"..."9": 0x2460 + value - 0x31
        case "0": 0x24EA
        default: nil
        }
        guard let circled, let scalar = Unicode.Scalar(circled) else { return text + "\u{20DD}" }
        return String(Character(scalar))
    }
}

/// An attribute set by `\htmlClass` and friends.
struct HTMLAttribute: Sendable, Equatable {
    var name: String
    var value: String
}

extension String {
    /// The string without leading and trailing spaces.
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
