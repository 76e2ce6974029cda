/// Text mode: `\text{…}` and friends, with `$…$` math inside.
extension Parser {
    /// CSS for the text commands that change the font.
    private static func css(for command: String) -> String? {
        switch command {
        case "textbf": return "font-weight:bold"
        case "textit", "emph", "textsl": return "font-style:italic"
        case "textsf": return "font-family:sans-serif"
        case "texttt": return "font-family:monospace"
        case "textsc": return "font-variant:small-caps"
        default: return nil
        }
    }

    /// Parses the braced (or single-token) argument of a text command.
    mutating func parseTextArgument(_ command: String) throws(MathError) -> MathNode {
        stream.skipSpaces()
        guard let token = try stream.next() else { throw MathError("missing argument", command: "\\" + command) }
        let css = Self.css(for: command)
        guard token == .beginGroup else {
            if case .character(let scalar) = token { return .text(String(scalar), css: css) }
            throw MathError("\\\(command) needs a braced argument", command: "\\" + command)
        }
        return try parseTextBody(css: css)
    }

    /// Reads text up to the `}` closing an already consumed `{`.
    private mutating func parseTextBody(css: String?) throws(MathError) -> MathNode {
        try enter()
        defer { leave() }
        var parts: [MathNode] = []
        var text = ""
        var braces = 0
        func flush() {
            guard !text.isEmpty else { return }
            parts.append(.text(Self.protectEdges(text), css: css))
            text = ""
        }
        while true {
            guard let token = try stream.next() else { throw MathError("missing } to close text") }
            switch token {
            case .endGroup:
                if braces == 0 {
                    flush()
                    if parts.isEmpty { return .text("", css: css) }
                    return Self.row(parts)
                }
                braces -= 1
            case .beginGroup: braces += 1
            case .character(let scalar): appendTextCharacter(scalar, to: &text)
            case .space: text += " "
            case .tie: text += "\u{A0}"
            case .superscript: text += "^"
            case .subscript: text += "_"
            case .mathShift:
                flush()
                let list = try parseList(stops: .dollar)
                guard try stream.next() == .mathShift else { throw MathError("missing $ to close math in text") }
                parts.append(Self.row(list))
            case .alignment: throw MathError("& is not allowed in text", command: "&")
            case .parameter(let number): throw MathError("#\(number) outside a macro definition", command: "#")
            case .command(let name):
                if let nestedCSS = Self.textCommandCSS(name) {
                    flush()
                    let combined = [css, nestedCSS].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ";")
                    stream.skipSpaces()
                    guard try stream.next() == .beginGroup else {
                        throw MathError("\\\(name) needs a braced argument", command: "\\" + name)
                    }
                    parts.append(try parseTextBody(css: combined.isEmpty ? nil : combined))
                } else {
                    text += try textCommand(name)
                }
            }
        }
    }

    /// The CSS of a nested text command ("" for plain `\text`), or nil if `name` is not one.
    private static func textCommandCSS(_ name: String) -> String? {
        switch name {
        case "text", "textrm", "textnormal", "textup", "textmd", "mbox", "hbox": return ""
        default: return css(for: name)
        }
    }

    /// What a command inside text stands for.
    private func textCommand(_ name: String) throws(MathError) -> String {
        switch name {
        case "$", "%", "&", "#", "_", "{", "}": return name
        case " ", "space", "nobreakspace": return "\u{A0}"
        case ",", "thinspace": return "\u{2009}"
        case "quad": return "\u{2003}"
        case "qquad": return "\u{2003}\u{2003}"
        case "\\", "newline", "relax": return ""
        case "textbackslash": return "\\"
        case "textdollar": return "$"
        case "textasciitilde": return "~"
        case "textasciicircum": return "^"
        case "textendash": return "–"
        case "textemdash": return "—"
        case "textquoteleft": return "‘"
        case "textquoteright": return "’"
        case "textbullet": return "•"
        case "dag": return "†"
        case "ddag": return "‡"
        case "i": return "ı"
        case "j": return "ȷ"
        default:
            if let symbol = Symbols.symbol(name) { return symbol.text }
            throw MathError("unknown command \\\(name) in text", command: "\\" + name)
        }
    }

    /// Appends a character, turning `--`, `---`, ` `` ` and `''` into typographic dashes and quotes.
    private func appendTextCharacter(_ scalar: Unicode.Scalar, to text: inout String) {
        let last = text.unicodeScalars.last
        switch (last, scalar) {
        case ("–", "-"): text.unicodeScalars.removeLast(); text += "—"
        case ("-", "-"): text.unicodeScalars.removeLast(); text += "–"
        case ("`", "`"): text.unicodeScalars.removeLast(); text += "“"
        case ("'", "'"): text.unicodeScalars.removeLast(); text += "”"
        default: text.unicodeScalars.append(scalar)
        }
    }

    /// Leading and trailing spaces would collapse in HTML; make them unbreakable.
    private static func protectEdges(_ text: String) -> String {
        guard text.hasPrefix(" ") || text.hasSuffix(" ") else { return text }
        var scalars = Array(text.unicodeScalars)
        if scalars.first == " " { scalars[0] = "\u{A0}" }
        if scalars.last == " " { scalars[scalars.count - 1] = "\u{A0}" }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }
}
