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
        case "sout": return "text-decoration:line-through"
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
            case .command("("):
                // `\(…\)` is math inside text, like `$…$`.
                flush()
                let list = try parseList(stops: .parenthesis)
                guard try stream.next() == .command(")") else { throw MathError("missing \\) to close math in text") }
                parts.append(Self.row(list))
            case .command("textcircled"):
                text += Self.circled(try parseRawText(for: "textcircled"))
            case .command(let name) where Self.textAccents[name] != nil:
                let base = try parseRawText(for: name)
                var scalars = Array(base.unicodeScalars)
                if scalars.isEmpty { scalars = ["\u{A0}"] }
                text.unicodeScalars.append(scalars[0])
                text.unicodeScalars.append(Self.textAccents[name] ?? "\u{301}")
                text.unicodeScalars.append(contentsOf: scalars.dropFirst())
            case .command("color"):
                // `\color` in text colours the rest of the group it is in.
                flush()
                let color = try parseColor("color")
                parts.append(.color(try parseTextBody(css: css), color))
                if braces == 0 { return Self.row(parts) }
                braces -= 1
            case .command("textcolor"):
                flush()
                let color = try parseColor("textcolor")
                stream.skipSpaces()
                guard try stream.next() == .beginGroup else {
                    throw MathError("\\textcolor needs a braced argument", command: "\\textcolor")
                }
                parts.append(.color(try parseTextBody(css: css), color))
            case .command(let name):
                if let nestedCSS = Self.textCommandCSS(name) {
                    flush()
                    let combined = [css, nestedCSS].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ";")
                    stream.skipSpaces()
                    guard try stream.next() == .beginGroup else {
                        throw MathError("\\\(name) needs a braced argument", command: "\\" + name)
                    }
                    parts.append(try parseTextBody(css: combined.isEmpty ? nil : combined))
                } else if let replacement = Self.textCommand(name) {
                    text += replacement
                } else {
                    flush()
                    problems.append(MathError("unknown command \\\(name) in text", command: "\\" + name))
                    parts.append(.error("\\" + name))
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

    /// Combining marks of the text accents (`\'{e}` é, `\"{o}` ö, `\v{c}` č).
    private static let textAccents: [String: Unicode.Scalar] = [
        "'": "\u{301}", "`": "\u{300}", "^": "\u{302}", "\"": "\u{308}", "~": "\u{303}", "=": "\u{304}",
        ".": "\u{307}", "u": "\u{306}", "v": "\u{30C}", "H": "\u{30B}", "r": "\u{30A}", "c": "\u{327}", "k": "\u{328}",
    ]

    /// Letters and symbols written by name in text.
    private static let textSymbols: [String: String] = [
        "AA": "Å", "aa": "å", "AE": "Æ", "ae": "æ", "O": "Ø", "o": "ø", "OE": "Œ", "oe": "œ", "ss": "ß", "L": "Ł", "l": "ł",
        "sect": "§", "textbar": "|", "textbardbl": "‖", "textbraceleft": "{", "textbraceright": "}",
        "textdagger": "†", "textdaggerdbl": "‡", "textellipsis": "…", "textgreater": ">", "textless": "<",
        "textquotedblleft": "“", "textquotedblright": "”", "textregistered": "®", "textsterling": "£",
        "textunderscore": "_", "textasciitilde": "~", "textasciicircum": "^", "textendash": "–", "textemdash": "—",
        "textquoteleft": "‘", "textquoteright": "’", "textbullet": "•", "textbackslash": "\\", "textdollar": "$",
        "dag": "†", "ddag": "‡", "i": "ı", "j": "ȷ",
    ]

    /// What a command inside text stands for, or nil for an unknown command.
    private static func textCommand(_ name: String) -> String? {
        switch name {
        case "$", "%", "&", "#", "_", "{", "}": return name
        case " ", "space", "nobreakspace": return "\u{A0}"
        case ",", "thinspace": return "\u{2009}"
        case "quad": return "\u{2003}"
        case "qquad": return "\u{2003}\u{2003}"
        case "\\", "newline", "relax": return ""
        default:
            return textSymbols[name] ?? Symbols.symbol(name)?.text
        }
    }

    /// Appends a character, turning `--`, `---`, ` `` ` and `''` into typographic dashes and quotes.
    private func appendTextCharacter(_ scalar: Unicode.Scalar, to text: inout String) {
        let last = text.unicodeScalars.last
        switch (last, scalar) {
        case ("–", "-"):
            text.unicodeScalars.removeLast()
            text += "—"
        case ("-", "-"):
            text.unicodeScalars.removeLast()
            text += "–"
        case ("`", "`"):
            text.unicodeScalars.removeLast()
            text += "“"
        case ("'", "'"):
            text.unicodeScalars.removeLast()
            text += "”"
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
