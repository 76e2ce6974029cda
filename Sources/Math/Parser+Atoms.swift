/// Single atoms: characters, symbol commands and groups.
extension Parser {
    /// Parses the next atom. Returns nil for tokens that produce nothing (`\label`, definitions).
    mutating func parseAtom() throws(MathError) -> MathNode? {
        guard let token = try stream.next() else { return nil }
        switch token {
        case .character(let scalar): return characterNode(scalar)
        case .beginGroup: return try parseGroupBody()
        case .command(let name): return try parseCommand(name)
        case .tie: return .text("\u{A0}", css: nil)
        case .space: return nil
        case .mathShift: throw MathError("$ is not allowed inside math", command: "$")
        case .parameter(let number):
            throw MathError("#\(number) is only allowed in a macro definition", command: "#")
        case .endGroup: throw MathError("unmatched }")
        case .alignment: throw MathError("& is only allowed inside a table environment", command: "&")
        case .superscript, .subscript: throw MathError("unexpected script")
        }
    }

    /// The node for a character typed in math mode.
    func characterNode(_ scalar: Unicode.Scalar) -> MathNode {
        if Lexer.isLetter(scalar) { return letter(scalar) }
        switch scalar {
        case "0"..."9":
            return .number(font.map { $0.isUpright ? String(scalar) : $0.map(String(scalar)) } ?? String(scalar))
        case ":": return .operator(":", OperatorAttributes(lspace: 0.2778, rspace: 0.2778))
        case "=", "<", ">", ",", ";", "!", "?":
            return .operator(String(scalar), OperatorAttributes())
        case "+": return .operator("+", OperatorAttributes(isBinary: true))
        case "-": return .operator("−", OperatorAttributes(isBinary: true))
        case "*": return .operator("∗", OperatorAttributes(isBinary: true))
        case "(", "[": return .operator(String(scalar), OperatorAttributes(stretchy: false, isOpening: true))
        case ")", "]": return .operator(String(scalar), OperatorAttributes(stretchy: false, isClosing: true))
        case "|": return .operator("|", OperatorAttributes(stretchy: false, lspace: 0, rspace: 0, isClosing: true))
        case "/": return .operator("/", OperatorAttributes(stretchy: false, lspace: 0, rspace: 0))
        case ".": return .operator(".", OperatorAttributes(lspace: 0, rspace: 0))
        default:
            if scalar.isASCII { return .identifier(String(scalar), upright: true, isFunction: false) }
            if let kind = Symbols.kind(of: scalar) { return symbolNode(MathSymbol(text: String(scalar), kind: kind)) }
            if scalar.properties.isAlphabetic { return letter(scalar) }
            return .operator(String(scalar), OperatorAttributes())
        }
    }

    /// A letter in the current font.
    func letter(_ scalar: Unicode.Scalar) -> MathNode {
        guard let font else { return .identifier(String(scalar), upright: false, isFunction: false) }
        if font.isUpright { return .identifier(String(scalar), upright: true, isFunction: false) }
        return .identifier(font.map(String(scalar)), upright: false, isFunction: false)
    }

    /// The node for a symbol from the tables.
    func symbolNode(_ symbol: MathSymbol) -> MathNode {
        switch symbol.kind {
        case .ordinary, .upright:
            if var font, !font.isUpright, symbol.text.unicodeScalars.count == 1 {
                if symbol.kind == .upright, font == .boldItalic { font = .bold }
                let mapped = font.map(symbol.text)
                if mapped != symbol.text { return .identifier(mapped, upright: false, isFunction: false) }
            }
            return .identifier(symbol.text, upright: symbol.kind == .upright, isFunction: false)
        case .binary:
            return .operator(symbol.text, OperatorAttributes(isBinary: true))
        case .relation, .punctuation:
            return .operator(symbol.text, OperatorAttributes())
        case .open, .close:
            let isBar = symbol.text == "|" || symbol.text == "‖"
            return .operator(
                symbol.text,
                OperatorAttributes(
                    stretchy: false, lspace: isBar ? 0 : nil, rspace: isBar ? 0 : nil,
                    isOpening: symbol.kind == .open, isClosing: symbol.kind == .close))
        case .fence:
            return .operator(symbol.text, OperatorAttributes(stretchy: false, lspace: 0, rspace: 0, isClosing: true))
        case .largeOperator:
            return .operator(symbol.text, OperatorAttributes(limits: .displayLimits, isLarge: true))
        case .integral:
            return .operator(symbol.text, OperatorAttributes(limits: .scripts, isLarge: true))
        }
    }

    /// Consumes a `*` right after a command name (`\tag*`, `\operatorname*`).
    mutating func consumeStar() -> Bool {
        guard stream.peekRaw == .character("*") else { return false }
        _ = stream.nextRaw()
        return true
    }

    /// Parses an argument with another math alphabet in force. Upright letters in a row are
    /// joined into one identifier (`\mathrm{Var}` is `<mi>Var</mi>`, read as a word).
    mutating func parseArgument(for command: String, font newFont: MathFont?) throws(MathError) -> MathNode {
        let saved = font
        font = newFont
        defer { font = saved }
        let argument = try parseArgument(for: command)
        guard newFont == .roman, case .row(let children) = argument else { return argument }
        return Self.row(Self.joiningUprightLetters(children))
    }

    /// Runs of upright letter identifiers become one identifier. The run is gathered in one
    /// string and stored once it ends (rebuilding the identifier for each letter, and re-checking
    /// the letters so far, was quadratic: 48,000 letters took 3.2 s).
    private static func joiningUprightLetters(_ nodes: [MathNode]) -> [MathNode] {
        var result: [MathNode] = []
        var word = ""
        var inWord = false
        for node in nodes {
            if case .identifier(let text, true, false) = node, text.unicodeScalars.allSatisfy(Lexer.isLetter) {
                word += text
                inWord = true
            } else {
                if inWord { result.append(.identifier(word, upright: true, isFunction: false)) }
                word = ""
                inWord = false
                result.append(node)
            }
        }
        if inWord { result.append(.identifier(word, upright: true, isFunction: false)) }
        return result
    }

    /// Joins the text of a list of identifiers and numbers (`\operatorname{arg\,max}`), or nil.
    static func plainText(of node: MathNode) -> String? {
        switch node {
        case .identifier(let text, _, _), .number(let text), .text(let text, nil): return text
        case .operator(let text, _): return text == "−" ? "-" : text
        case .space: return "\u{2009}"
        case .row(let children):
            var text = ""
            for child in children {
                guard let part = plainText(of: child) else { return nil }
                text += part
            }
            return text
        default: return nil
        }
    }
}
