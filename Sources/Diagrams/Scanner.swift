/// Reads one statement character by character, with errors located at the current column.
struct Scanner {
    let text: [Character]
    let line: Int
    let column: Int
    var position = 0

    init(text: [Character], line: Int, column: Int) {
        self.text = text
        self.line = line
        self.column = column
    }

    var atEnd: Bool { position >= text.count }
    var peek: Character? { position < text.count ? text[position] : nil }

    func peek(at offset: Int) -> Character? {
        position + offset < text.count ? text[position + offset] : nil
    }

    mutating func advance(_ count: Int = 1) { position = min(text.count, position + count) }

    mutating func skipSpaces() {
        while let character = peek, character == " " || character == "\t" || character == "\n" { position += 1 }
    }

    /// Whether `character` may be part of a node id.
    static func isIdentifier(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "$"
    }

    /// A node id: letters, digits and `_`, with single `-` or `.` between them (`api-gateway`, `v1.2`).
    mutating func readIdentifier() -> String {
        var result = ""
        while let character = peek {
            if Self.isIdentifier(character) {
                result.append(character)
                position += 1
            } else if character == "-" || character == "." || character == "'", !result.isEmpty,
                let next = peek(at: 1), Self.isIdentifier(next)
            {
                // `A-xB` style end marks are not ids, but `a-b` is.
                if character == "-", next == "x" || next == "o", let after = peek(at: 2), !Self.isIdentifier(after) { break }
                result.append(character)
                position += 1
            } else {
                break
            }
        }
        return result
    }

    mutating func readWhile(_ predicate: (Character) -> Bool) -> String {
        var result = ""
        while let character = peek, predicate(character) {
            result.append(character)
            position += 1
        }
        return result
    }

    /// Whether the text at the current position starts with `prefix`.
    func matches(_ prefix: String) -> Bool {
        var index = position
        for character in prefix {
            guard index < text.count, text[index] == character else { return false }
            index += 1
        }
        return true
    }

    /// Where `needle` next occurs from the current position, outside nothing (raw search).
    func find(_ needle: String) -> Int? {
        let characters = Array(needle)
        guard !characters.isEmpty, text.count >= characters.count else { return nil }
        var index = position
        while index + characters.count <= text.count {
            if text[index] == characters[0], Array(text[index..<(index + characters.count)]) == characters { return index }
            index += 1
        }
        return nil
    }

    /// A `"…"` string, quotes included.
    mutating func readQuoted() throws -> String {
        let start = position
        advance()
        while let character = peek, character != "\"" { position += 1 }
        guard peek == "\"" else {
            position = start
            throw error("the quoted text is never closed with `\"`")
        }
        position += 1
        return String(text[start..<position])
    }

    /// Text up to the `close` that balances the opener just read, quotes respected; the closer is consumed.
    mutating func readUntilClosing(_ close: Character, what: String) throws -> String {
        let start = position
        var quoted = false
        var depth = 0
        while let character = peek {
            if character == "\"" { quoted.toggle() }
            if !quoted {
                if character == "{" { depth += 1 }
                if character == close {
                    if depth == 0 {
                        let body = String(text[start..<position])
                        position += 1
                        return body
                    }
                    depth -= 1
                }
            }
            position += 1
        }
        position = start
        throw error("\(what) is never closed with `\(close)`")
    }

    /// The text of a `-- text -->` link after its opener, the closing run of the link and its end mark.
    mutating func readLinkText(opener: String) -> (String, String, EdgeEnd)? {
        let start = position
        var index = position
        if index < text.count, text[index] == " " { index += 1 }
        if index < text.count, text[index] == "\"" {
            index += 1
            while index < text.count, text[index] != "\"" { index += 1 }
        }
        let dash: Character = opener == "==" ? "=" : "-"
        while index < text.count {
            if opener == "-." {
                if text[index] == ".", index + 1 < text.count, text[index + 1] == "-" {
                    var end = index
                    while end < text.count, text[end] == "." || text[end] == "-" { end += 1 }
                    let closing = String(text[index..<end])
                    var mark = EdgeEnd.none
                    if end < text.count, text[end] == ">" {
                        mark = .arrow
                        end += 1
                    }
                    let label = String(text[start..<index]).trimmingSpaces
                    position = end
                    return (label, closing, mark)
                }
            } else if text[index] == dash, index + 1 < text.count, text[index + 1] == dash {
                var end = index
                while end < text.count, text[end] == dash { end += 1 }
                let run = end - index
                var mark = EdgeEnd.none
                if end < text.count, text[end] == ">" {
                    mark = .arrow
                    end += 1
                } else if end < text.count, text[end] == "o" || text[end] == "x",
                    end + 1 >= text.count || !Self.isIdentifier(text[end + 1])
                {
                    mark = text[end] == "o" ? .circle : .cross
                    end += 1
                }
                if mark != .none || run >= 3 {
                    let label = String(text[start..<index]).trimmingSpaces
                    position = end
                    return (label, String(repeating: String(dash), count: run), mark)
                }
                index = end
                continue
            }
            index += 1
        }
        return nil
    }

    /// The next word, for messages.
    var peekWord: String {
        let word = text[position...].prefix { $0 != " " && $0 != "\n" }.prefix(20)
        return word.isEmpty ? "the end of the line" : String(word)
    }

    /// An error at the current position.
    func error(_ message: String) -> DiagramDiagnostic {
        DiagramDiagnostic(line: line, column: column + position, message: message)
    }

    /// A warning at the current position.
    func warning(_ message: String) -> DiagramDiagnostic {
        DiagramDiagnostic(line: line, column: column + position, message: message, severity: .warning)
    }
}

/// Small text helpers for diagram statements.
enum SourceText {
    /// Text without surrounding double or single quotes.
    static func unquoted(_ text: String) -> String {
        DiagramSource.unquote(text.trimmingSpaces)
    }

    /// Words split at spaces outside double quotes (quotes kept).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if !quoted, character == " " || character == "\t" {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `key: value` pairs separated by commas or line breaks (values may be quoted).
    static func attributes(_ body: String) -> [(String, String)] {
        var pairs: [(String, String)] = []
        var parts: [String] = []
        var current = ""
        var quoted = false
        for character in body {
            if character == "\"" { quoted.toggle() }
            if !quoted, character == "," || character == "\n" {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        for part in parts {
            guard let colon = part.firstIndex(of: ":") else { continue }
            let key = part[..<colon].trimmingSpaces.lowercased()
            let value = part[part.index(after: colon)...].trimmingSpaces
            if !key.isEmpty { pairs.append((key, value)) }
        }
        return pairs
    }
}
