/// One statement of diagram source: a line, or a part of a line between `;`, or several lines joined
/// when a quoted string or a `{ … }` block runs on.
struct Statement: Sendable {
    var line: Int
    var column: Int
    var text: [Character]

    /// Splits lines into statements at `;` outside quotes and brackets when `semicolons` is true.
    static func split(_ lines: [SourceLine], semicolons: Bool) -> [Statement] {
        var result: [Statement] = []
        var index = 0
        while index < lines.count {
            let first = lines[index]
            var text = Array(first.text)
            while index + 1 < lines.count, isOpen(text) {
                index += 1
                text += ["\n"] + Array(lines[index].text)
            }
            index += 1
            guard semicolons else {
                result.append(Statement(line: first.number, column: first.column, text: text))
                continue
            }
            var start = 0
            var depth = 0
            var quoted = false
            for (position, character) in text.enumerated() {
                switch character {
                case "\"": quoted.toggle()
                case "[", "(", "{":
                    if !quoted { depth += 1 }
                case "]", ")", "}":
                    if !quoted { depth = max(0, depth - 1) }
                case ";" where !quoted && depth == 0:
                    result.append(Statement(line: first.number, column: first.column + start, text: Array(text[start..<position])))
                    start = position + 1
                default: break
                }
            }
            result.append(Statement(line: first.number, column: first.column + start, text: Array(text[start...])))
        }
        return result.compactMap { statement in
            var statement = statement
            while let first = statement.text.first, first == " " || first == "\t" {
                statement.text.removeFirst()
                statement.column += 1
            }
            while let last = statement.text.last, last == " " || last == "\t" { statement.text.removeLast() }
            return statement.text.isEmpty ? nil : statement
        }
    }

    /// Whether a quote or a `@{` block is still open at the end of `text` (the statement continues).
    private static func isOpen(_ text: [Character]) -> Bool {
        var quoted = false
        var braces = 0
        var previous: Character = " "
        for character in text {
            if character == "\"" { quoted.toggle() }
            if !quoted {
                if character == "{", previous == "@" { braces += 1 } else if character == "}", braces > 0 { braces -= 1 }
            }
            previous = character
        }
        return quoted || braces > 0
    }
}

extension Statement {
    var string: String { String(text) }

    /// The first word and the rest, trimmed.
    var keyword: (String, String) {
        let word = text.prefix { $0 != " " && $0 != "\t" }
        return (String(word), String(text.dropFirst(word.count)).trimmingSpaces)
    }
}
