/// One line of diagram source with its position: comments and blank lines are left out, and the
/// text is trimmed (`column` is where the trimmed text starts).
struct SourceLine: Sendable {
    var number: Int
    var column: Int
    var text: String
}

/// A diagram's source split into meaningful lines, with its YAML front matter's title and the
/// accessible title and description (`accTitle:`, `accDescr:` and `accDescr { … }`) taken out.
struct DiagramSource: Sendable {
    var lines: [SourceLine] = []
    var title: String?
    var accessibleTitle: String?
    var accessibleDescription: String?

    init(_ text: String) {
        var raw: [SourceLine] = []
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let content = line.hasSuffix("\r") ? line.dropLast() : line
            let leading = content.prefix { $0 == " " || $0 == "\t" }.count
            let trimmed = content.trimmingSpaces
            raw.append(SourceLine(number: number, column: leading + 1, text: String(trimmed)))
        }
        var index = 0
        while index < raw.count, raw[index].text.isEmpty { index += 1 }
        // Front matter: `---` … `---`, of which the title is used.
        if index < raw.count, raw[index].text == "---" {
            var end = index + 1
            while end < raw.count, raw[end].text != "---" { end += 1 }
            if end < raw.count {
                for line in raw[(index + 1)..<end] where line.column == 1 && line.text.hasPrefix("title:") {
                    title = Self.unquote(String(line.text.dropFirst(6)).trimmingSpaces)
                }
                index = end + 1
            }
        }
        while index < raw.count {
            let line = raw[index]
            index += 1
            if line.text.isEmpty || line.text.hasPrefix("%%") { continue }
            if let value = Self.value(of: "accTitle", in: line.text) {
                accessibleTitle = value
                continue
            }
            if let value = Self.value(of: "accDescr", in: line.text) {
                accessibleDescription = value
                continue
            }
            if line.text.hasPrefix("accDescr"), line.text.dropFirst(8).trimmingSpaces.hasPrefix("{") {
                var parts: [String] = []
                var rest = String(line.text.dropFirst(8).trimmingSpaces.dropFirst())
                while true {
                    if let close = rest.firstIndex(of: "}") {
                        parts.append(String(rest[..<close]).trimmingSpaces)
                        break
                    }
                    parts.append(rest.trimmingSpaces)
                    guard index < raw.count else { break }
                    rest = raw[index].text
                    index += 1
                }
                accessibleDescription = parts.filter { !$0.isEmpty }.joined(separator: " ")
                continue
            }
            lines.append(line)
        }
    }

    /// The text after `key:` when `line` is such a statement.
    private static func value(of key: String, in line: String) -> String? {
        guard line.hasPrefix(key) else { return nil }
        let rest = line.dropFirst(key.count).trimmingSpaces
        guard rest.hasPrefix(":") else { return nil }
        return String(rest.dropFirst()).trimmingSpaces
    }

    /// A YAML scalar without its quotes.
    static func unquote(_ text: String) -> String {
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            return String(text.dropFirst().dropLast())
        }
        return text
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" { slice = slice.dropLast() }
        return String(slice)
    }
}
