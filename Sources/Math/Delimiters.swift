/// Delimiters for `\left`, `\right`, `\middle` and `\big`.
enum Delimiters {
    /// The character drawn for a delimiter token; "" for the null delimiter `.`; nil if not a delimiter.
    static func text(for token: Token) -> String? {
        switch token {
        case .character(let scalar):
            switch scalar {
            case ".": return ""
            case "(", ")", "[", "]", "|", "/", "<", ">":
                return scalar == "<" ? "⟨" : scalar == ">" ? "⟩" : String(scalar)
            default: return nil
            }
        case .command(let name):
            switch name {
            case "backslash": return "\\"
            case "uparrow", "downarrow", "updownarrow", "Uparrow", "Downarrow", "Updownarrow":
                return Symbols.symbol(name)?.text
            default:
                guard let symbol = Symbols.symbol(name) else { return nil }
                switch symbol.kind {
                case .open, .close, .fence: return symbol.text
                default: return name == "mid" ? "|" : nil
                }
            }
        default:
            return nil
        }
    }

    /// The delimiter written as TeX source (`\genfrac`'s arguments), "" for none.
    static func text(forSource source: String) -> String? {
        guard !source.isEmpty else { return "" }
        guard let tokens = try? Lexer.tokenize(source), tokens.count == 1 else { return nil }
        return text(for: tokens[0])
    }
}

extension Parser {
    /// Reads the delimiter after `\left`, `\right`, `\middle` or `\big`.
    mutating func parseDelimiter(after command: String) throws(MathError) -> String {
        stream.skipSpaces()
        guard let token = try stream.next(), let text = Delimiters.text(for: token) else {
            throw MathError("missing or invalid delimiter after \\\(command)", command: "\\" + command)
        }
        return text
    }

    /// `\left( … \middle| … \right)`, after `\left` has been read. Around content no taller
    /// than a line the delimiters keep their normal size, as in TeX.
    mutating func parseLeftRight() throws(MathError) -> MathNode {
        var delimiters = [try parseDelimiter(after: "left")]
        var bodies: [MathNode] = []
        while true {
            bodies.append(Self.row(try parseList(stops: [.right])))
            guard case .command(let name)? = try stream.next() else {
                throw MathError("missing \\right", command: "\\left")
            }
            delimiters.append(try parseDelimiter(after: name))
            if name == "right" { break }
        }
        let stretchy = bodies.contains(where: \.isTall)
        var parts: [MathNode] = []
        for (index, delimiter) in delimiters.enumerated() {
            if index > 0 { parts.append(bodies[index - 1]) }
            var attributes = OperatorAttributes(stretchy: stretchy, fence: true)
            if index == 0 {
                attributes.form = "prefix"
                attributes.isOpening = true
            } else if index == delimiters.count - 1 {
                attributes.form = "postfix"
                attributes.isClosing = true
            } else {
                attributes.lspace = 0.1667
                attributes.rspace = 0.1667
            }
            if !delimiter.isEmpty || (index > 0 && index < delimiters.count - 1) {
                parts.append(.operator(delimiter.isEmpty ? "\u{200B}" : delimiter, attributes))
            }
        }
        return .row(parts)
    }

    /// `\big(`, `\Bigl[`, `\biggm|` …: a delimiter of a fixed size.
    mutating func parseBigDelimiter(_ name: String, size: Double, kind: String) throws(MathError) -> MathNode {
        let delimiter = try parseDelimiter(after: name)
        var attributes = OperatorAttributes(stretchy: true, symmetric: true, size: size)
        switch kind {
        case "l":
            attributes.form = "prefix"
            attributes.isOpening = true
        case "r": attributes.form = "postfix"
        case "m":
            attributes.lspace = 0.2778
            attributes.rspace = 0.2778
        default:
            attributes.lspace = 0
            attributes.rspace = 0
        }
        // In its own row, so that Chromium still gives it its size when it carries scripts.
        return .row([.operator(delimiter.isEmpty ? "\u{200B}" : delimiter, attributes)])
    }
}
