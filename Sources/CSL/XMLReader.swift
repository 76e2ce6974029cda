/// An element of an XML document: its name (without namespace prefix), attributes, child elements and text.
public struct XMLElement: Sendable, Equatable {
    public var name: String
    public var attributes: [String: String]
    public var children: [XMLElement]
    /// The element's own text (character data directly inside it), entities decoded.
    public var text: String
    /// Where the element starts in its file.
    public var line: Int

    /// The child elements named `name`.
    public func children(named name: String) -> [XMLElement] { children.filter { $0.name == name } }

    /// The first child element named `name`.
    public func child(named name: String) -> XMLElement? { children.first { $0.name == name } }
}

/// A problem reading an XML file: where and what.
public struct XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "\(line):\(column): \(message)" }
}

/// A small non-validating XML reader, enough for CSL styles and locales: elements, attributes, text, comments,
/// CDATA, processing instructions, a DOCTYPE without internal subset, and the predefined and numeric entities.
/// It keeps the project free of libxml2, which Foundation's XML parser needs on Linux.
public enum XMLReader {
    /// Parses `text` into its root element, or throws an `XMLError` with line and column.
    public static func parse(_ text: String) throws -> XMLElement {
        var scanner = Scanner(Array(text.unicodeScalars))
        return try scanner.document()
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        var lineStart = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        func error(_ message: String) -> XMLError {
            XMLError(line: line, column: index - lineStart + 1, message: message)
        }

        var atEnd: Bool { index >= scalars.count }
        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func advance() {
            if scalars[index] == "\n" {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }

        func starts(with literal: String) -> Bool {
            var i = index
            for scalar in literal.unicodeScalars {
                guard i < scalars.count, scalars[i] == scalar else { return false }
                i += 1
            }
            return true
        }

        mutating func skip(_ literal: String) { for _ in literal.unicodeScalars { advance() } }

        mutating func skipSpace() {
            while let c = current, c == " " || c == "\n" || c == "\t" || c == "\r" { advance() }
        }

        mutating func skip(until literal: String, what: String) throws {
            while !atEnd && !starts(with: literal) { advance() }
            guard !atEnd else { throw error("\(what) is never closed (expected `\(literal)`)") }
            skip(literal)
        }

        mutating func document() throws -> XMLElement {
            if current == "\u{FEFF}" { advance() }
            while true {
                skipSpace()
                if starts(with: "<?") {
                    try skip(until: "?>", what: "a processing instruction")
                } else if starts(with: "<!--") {
                    try skip(until: "-->", what: "a comment")
                } else if starts(with: "<!") {
                    try skip(until: ">", what: "a declaration")
                } else {
                    break
                }
            }
            guard current == "<" else { throw error("expected the root element") }
            let root = try element()
            while true {
                skipSpace()
                if starts(with: "<!--") {
                    try skip(until: "-->", what: "a comment")
                } else if starts(with: "<?") {
                    try skip(until: "?>", what: "a processing instruction")
                } else {
                    break
                }
            }
            guard atEnd else { throw error("text after the root element") }
            return root
        }

        static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
            !(c == " " || c == "\n" || c == "\t" || c == "\r" || c == "/" || c == ">" || c == "=" || c == "<"
                || c == "\"" || c == "'")
        }

        mutating func name() throws -> String {
            var result = String.UnicodeScalarView()
            while let c = current, Self.isNameScalar(c) {
                result.append(c)
                advance()
            }
            guard !result.isEmpty else { throw error("expected a name") }
            return String(result)
        }

        /// Drops a namespace prefix (`xml:lang` keeps its prefix; `cs:text` becomes `text`).
        static func localName(_ name: String) -> String {
            guard let colon = name.firstIndex(of: ":"), !name.hasPrefix("xml:") else { return name }
            return String(name[name.index(after: colon)...])
        }

        mutating func element() throws -> XMLElement {
            let startLine = line
            advance()  // <
            let tag = try name()
            var attributes: [String: String] = [:]
            while true {
                skipSpace()
                guard let c = current else { throw error("the tag <\(tag)> is never closed") }
                if c == "/" {
                    advance()
                    guard current == ">" else { throw error("expected `>` after `/` in <\(tag)>") }
                    advance()
                    return XMLElement(name: Self.localName(tag), attributes: attributes, children: [], text: "", line: startLine)
                }
                if c == ">" {
                    advance()
                    break
                }
                let attribute = try name()
                skipSpace()
                guard current == "=" else { throw error("expected `=` after the attribute \(attribute) of <\(tag)>") }
                advance()
                skipSpace()
                guard let quote = current, quote == "\"" || quote == "'" else {
                    throw error("expected a quoted value for the attribute \(attribute) of <\(tag)>")
                }
                advance()
                var raw = String.UnicodeScalarView()
                while let v = current, v != quote {
                    raw.append(v)
                    advance()
                }
                guard !atEnd else { throw error("the value of \(attribute) is never closed") }
                advance()
                if !attribute.hasPrefix("xmlns") { attributes[Self.localName(attribute)] = try decode(String(raw)) }
            }
            var children: [XMLElement] = []
            var text = ""
            while true {
                guard !atEnd else { throw error("<\(tag)> (line \(startLine)) is never closed") }
                if starts(with: "</") {
                    let closingStart = error("")
                    skip("</")
                    let closing = try name()
                    guard closing == tag else {
                        throw XMLError(
                            line: closingStart.line, column: closingStart.column,
                            message: "</\(closing)> closes <\(tag)> (line \(startLine))")
                    }
                    skipSpace()
                    guard current == ">" else { throw error("expected `>` in </\(closing)>") }
                    advance()
                    break
                } else if starts(with: "<!--") {
                    try skip(until: "-->", what: "a comment")
                } else if starts(with: "<![CDATA[") {
                    skip("<![CDATA[")
                    let start = index
                    try skip(until: "]]>", what: "a CDATA section")
                    text += String(String.UnicodeScalarView(scalars[start..<(index - 3)]))
                } else if starts(with: "<?") {
                    try skip(until: "?>", what: "a processing instruction")
                } else if current == "<" {
                    children.append(try element())
                } else {
                    var raw = String.UnicodeScalarView()
                    while let c = current, c != "<" {
                        raw.append(c)
                        advance()
                    }
                    text += try decode(String(raw))
                }
            }
            return XMLElement(name: Self.localName(tag), attributes: attributes, children: children, text: text, line: startLine)
        }

        func decode(_ raw: String) throws -> String {
            guard raw.contains("&") else { return raw }
            var result = ""
            var rest = Substring(raw)
            while let amp = rest.firstIndex(of: "&") {
                result += rest[..<amp]
                guard let semicolon = rest[amp...].firstIndex(of: ";") else { throw error("`&` without `;` (write &amp;)") }
                let entity = rest[rest.index(after: amp)..<semicolon]
                switch entity {
                case "amp": result += "&"
                case "lt": result += "<"
                case "gt": result += ">"
                case "quot": result += "\""
                case "apos": result += "'"
                default:
                    var code: UInt32?
                    if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                        code = UInt32(entity.dropFirst(2), radix: 16)
                    } else if entity.hasPrefix("#") {
                        code = UInt32(entity.dropFirst())
                    }
                    guard let code, let scalar = Unicode.Scalar(code) else { throw error("unknown entity &\(entity);") }
                    result.unicodeScalars.append(scalar)
                }
                rest = rest[rest.index(after: semicolon)...]
            }
            return result + rest
        }
    }
}
