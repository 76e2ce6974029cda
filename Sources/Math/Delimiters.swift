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

    /// `\left( … \middle| … \right)`, after `\left` has been read.
    mutating func parseLeftRight() throws(MathError) -> MathNode {
        let open = try parseDelimiter(after: "left")
        var parts: [MathNode] = []
        if !open.isEmpty {
            parts.append(.operator(open, OperatorAttributes(stretchy: true, fence: true, form: "prefix", isOpening: true)))
        }
        while true {
            let list = try parseList(stops: [.right])
            parts.append(row(list))
            guard case .command(let name)? = try stream.next() else {
                throw MathError("missing \\right", command: "\\left")
            }
            let delimiter = try parseDelimiter(after: name)
            if name == "right" {
                if !delimiter.isEmpty {
                    parts.append(.operator(delimiter, OperatorAttributes(stretchy: true, fence: true, form: "postfix")))
                }
                return .row(parts)
            }
            parts.append(.operator(delimiter.isEmpty ? "\u{200B}" : delimiter,
                                   OperatorAttributes(stretchy: true, fence: true, lspace: 0.1667, rspace: 0.1667)))
        }
    }

    /// `\big(`, `\Bigl[`, `\biggm|` …: a delimiter of a fixed size.
    mutating func parseBigDelimiter(_ name: String, size: Double, kind: String) throws(MathError) -> MathNode {
        let delimiter = try parseDelimiter(after: name)
        var attributes = OperatorAttributes(stretchy: true, symmetric: true, size: size)
        switch kind {
        case "l": attributes.form = "prefix"; attributes.isOpening = true
        case "r": attributes.form = "postfix"
        case "m": attributes.lspace = 0.2778; attributes.rspace = 0.2778
        default: attributes.lspace = 0; attributes.rspace = 0
        }
        return .operator(delimiter.isEmpty ? "\u{200B}" : delimiter, attributes)
    }
}
