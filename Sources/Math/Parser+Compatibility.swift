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
        if stream.peekRaw == .character("\"") {
            radix = 16
            _ = stream.nextRaw()
        } else if stream.peekRaw == .character("'") {
            radix = 8
            _ = stream.nextRaw()
        }
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
        case "htmlClass", "class": return .attributed(body, [HTMLAttribute(name: "class", value: value)])
        case "htmlId", "cssId": return .attributed(body, [HTMLAttribute(name: "id", value: value)])
        case "htmlStyle", "style": return .attributed(body, [HTMLAttribute(name: "style", value: value)])
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

    /// MathJax's `\unicode{x263A}` or `\unicode{9786}` (an optional font argument is ignored).
    mutating func parseUnicodeCharacter() throws(MathError) -> MathNode {
        _ = parseOptionalRawText()
        let text = try parseRawText(for: "unicode").trimmingSpaces
        var digits = Substring(text)
        var radix = 10
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            digits = digits.dropFirst(2)
            radix = 16
        } else if digits.hasPrefix("x") || digits.hasPrefix("X") {
            digits = digits.dropFirst()
            radix = 16
        }
        guard let value = UInt32(digits, radix: radix), let scalar = Unicode.Scalar(value) else {
            throw MathError("\\unicode needs a character code such as x263A", command: "\\unicode")
        }
        return characterNode(scalar)
    }

    /// MathJax's `\bbox[yellow,5px,border:1px solid red]{x}`: background, padding and border.
    mutating func parseBoundingBox() throws(MathError) -> MathNode {
        var css: [String] = []
        for option in (parseOptionalRawText() ?? "").split(separator: ",") {
            let item = String(option).trimmingSpaces
            let safe = item.unicodeScalars.allSatisfy { $0.isASCII && $0 != "\"" && $0 != ";" && $0 != "<" && $0 != ">" }
            guard !item.isEmpty, safe else { continue }
            if item.hasPrefix("border:") {
                css.append(item)
            } else if let length = Dimension.em(item) {
                css.append("padding:" + Dimension.format(length) + "em")
            } else {
                css.append("background-color:" + item)
            }
        }
        let body = try parseArgument(for: "bbox")
        return .decorated(body, css: css.isEmpty ? "padding:0.1em" : css.joined(separator: ";"))
    }

    /// `\cancelto{0}{x}`: `x` struck through with the value as a superscript.
    mutating func parseCancelTo() throws(MathError) -> MathNode {
        let value = try parseArgument(for: "cancelto")
        let body = try parseArgument(for: "cancelto")
        return .scripts(.decorated(body, css: "background:" + Self.diagonalStroke("to top right")), sub: nil, sup: value)
    }

    /// MathJax's `\enclose{box,updiagonalstrike}{x}`: the notations of MathML's `menclose`
    /// (not in MathML Core) drawn with CSS borders and gradients.
    mutating func parseEnclose() throws(MathError) -> MathNode {
        let notations = try parseRawText(for: "enclose")
        _ = parseOptionalRawText()
        let body = try parseArgument(for: "enclose")
        var css: [String] = []
        var strokes: [String] = []
        for notation in notations.split(whereSeparator: { $0 == "," || $0 == " " }) {
            switch notation {
            case "box": css.append("border:0.06em solid;padding:0.1em 0.2em")
            case "roundedbox": css.append("border:0.06em solid;border-radius:0.3em;padding:0.1em 0.2em")
            case "circle": css.append("border:0.06em solid;border-radius:50%;padding:0.1em 0.2em")
            case "top", "bottom", "left", "right": css.append("border-\(notation):0.06em solid")
            case "horizontalstrike": css.append("text-decoration:line-through")
            case "updiagonalstrike": strokes.append(Self.diagonalStroke("to top right"))
            case "downdiagonalstrike": strokes.append(Self.diagonalStroke("to bottom right"))
            default: break
            }
        }
        if !strokes.isEmpty { css.append("background:" + strokes.joined(separator: ",")) }
        return .decorated(body, css: css.isEmpty ? "border:0.06em solid" : css.joined(separator: ";"))
    }

    /// A gradient drawing one diagonal stroke, `to top right` or `to bottom right`.
    static func diagonalStroke(_ direction: String) -> String {
        "linear-gradient(\(direction),transparent calc(50% - 0.04em),currentColor calc(50% - 0.04em),"
            + "currentColor calc(50% + 0.04em),transparent calc(50% + 0.04em))"
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
        let circled: UInt32? =
            switch scalars[0] {
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
