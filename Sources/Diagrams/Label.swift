import TextUtilities
import SVGText

/// A stretch of label text in one style.
struct TextRun: Sendable, Equatable {
    var text: String
    var bold = false
    var italic = false
    /// Underlined (a class diagram's static members).
    var underline = false
}

/// The text of a node, edge, note or message: lines of styled runs, measured with the charts' text metrics.
struct Label: Sendable, Equatable {
    var lines: [[TextRun]]

    static let empty = Label(lines: [])

    /// Line height as a multiple of the font size.
    static let leading = 1.3

    /// The words of the label on one line, for descriptions and tooltips.
    var plain: String {
        lines.map { $0.map(\.text).joined() }.joined(separator: " ").trimmingSpaces
    }

    var isEmpty: Bool { plain.isEmpty }

    /// Reads label source: a quoted string's content or bare text. A Markdown string (`` "`…`" ``) takes
    /// `**bold**` and `*italic*`, and its line breaks are kept; other text takes `<br>` as a line break and
    /// `<b>`/`<strong>`/`<i>`/`<em>`. Mermaid's entity codes (`#quot;`, `#9829;`) and HTML entities are decoded.
    static func parse(_ source: String) -> Label {
        var text = droppingIcons(source).text.trimmingSpaces
        if text.count >= 2, text.first == "\"", text.last == "\"" { text = String(text.dropFirst().dropLast()) }
        if text.count >= 2, text.first == "`", text.last == "`" {
            let body = String(text.dropFirst().dropLast())
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                markdownRuns(decodeEntities(line.trimmingSpaces))
            }
            return Label(lines: lines)
        }
        return Label(lines: htmlLines(text))
    }

    /// Font Awesome icon names (`fa:fa-car`, `fab:fa-github`) taken out of label text, which mermaid.js draws
    /// with an icon font from elsewhere; `found` says whether there were any.
    static func droppingIcons(_ text: String) -> (text: String, found: Bool) {
        guard text.contains(":fa-") else { return (text, false) }
        var result = ""
        var found = false
        var rest = Substring(text)
        while let range = rest.range(of: ":fa-") {
            let prefix = rest[..<range.lowerBound]
            let style = prefix.reversed().prefix { $0.isLetter }
            let name = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            guard ["fa", "fab", "fas", "far", "fal", "fad", "fak"].contains(String(style.reversed())), !name.isEmpty else {
                result += rest[..<range.upperBound]
                rest = rest[range.upperBound...]
                continue
            }
            found = true
            result += prefix.dropLast(style.count)
            rest = rest[range.upperBound...].dropFirst(name.count)
            if rest.first == " " { rest = rest.dropFirst() }
        }
        return (result + rest, found)
    }

    /// Text with `**`/`__` bold and `*`/`_` italic markers as runs.
    private static func markdownRuns(_ text: String) -> [TextRun] {
        var runs: [TextRun] = []
        var current = TextRun(text: "")
        var bold = false
        var italic = false
        let characters = Array(text)
        var index = 0
        func flush() {
            if !current.text.isEmpty { runs.append(current) }
            current = TextRun(text: "", bold: bold, italic: italic)
        }
        while index < characters.count {
            let character = characters[index]
            if character == "*" || character == "_" {
                let double = index + 1 < characters.count && characters[index + 1] == character
                // An underscore inside a word is text, as in Markdown.
                let inWord =
                    character == "_" && index > 0 && characters[index - 1].isLetter
                    && index + 1 < characters.count && characters[index + 1].isLetter
                if !inWord {
                    flush()
                    if double {
                        bold.toggle()
                        index += 2
                    } else {
                        italic.toggle()
                        index += 1
                    }
                    current.bold = bold
                    current.italic = italic
                    continue
                }
            }
            current.text.append(character)
            index += 1
        }
        flush()
        return runs
    }

    /// HTML-ish label text split at `<br>`, with bold and italic tags as runs and other tags dropped.
    private static func htmlLines(_ text: String) -> [[TextRun]] {
        var lines: [[TextRun]] = [[]]
        var current = ""
        var bold = 0
        var italic = 0
        func flush() {
            if !current.isEmpty {
                lines[lines.count - 1].append(TextRun(text: decodeEntities(current), bold: bold > 0, italic: italic > 0))
            }
            current = ""
        }
        var rest = Substring(text)
        while let first = rest.first {
            if first == "<", let close = rest.firstIndex(of: ">") {
                let tag = rest[rest.index(after: rest.startIndex)..<close].lowercased().trimmingSpaces
                let name = tag.split(whereSeparator: { $0 == " " || $0 == "/" }).first.map(String.init) ?? ""
                let closing = tag.hasPrefix("/")
                let known = ["br", "b", "strong", "i", "em", "span", "p", "u", "small", "sub", "sup", "code", "a", "font", "div"]
                let tagName = closing ? String(tag.dropFirst()).trimmingSpaces : name
                if known.contains(tagName) {
                    flush()
                    switch tagName {
                    case "br": lines.append([])
                    case "b", "strong": bold = max(0, bold + (closing ? -1 : 1))
                    case "i", "em": italic = max(0, italic + (closing ? -1 : 1))
                    default: break
                    }
                    rest = rest[rest.index(after: close)...]
                    continue
                }
            }
            if first == "\n" {
                flush()
                lines.append([])
                rest = rest.dropFirst()
                continue
            }
            current.append(first)
            rest = rest.dropFirst()
        }
        flush()
        return lines.map { line in
            var runs = line
            if let first = runs.first { runs[0].text = String(first.text.drop { $0 == " " }) }
            if let last = runs.last { runs[runs.count - 1].text = String(last.text.dropping(trailing: " ")) }
            return runs.filter { !$0.text.isEmpty }
        }
    }

    /// Mermaid's `#name;` and `#123;` codes and HTML's `&name;` and `&#123;` references as characters.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("#") || text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let first = rest.first {
            if first == "#" || first == "&", let semicolon = rest.prefix(12).firstIndex(of: ";") {
                var code = rest[rest.index(after: rest.startIndex)..<semicolon]
                if first == "&", code.hasPrefix("#") { code = code.dropFirst() }
                if let decoded = decode(code) {
                    result += decoded
                    rest = rest[rest.index(after: semicolon)...]
                    continue
                }
            }
            result.append(first)
            rest = rest.dropFirst()
        }
        return result
    }

    /// One code: a decimal number, `x` and a hexadecimal one, or a name from HTML's table (Mermaid hands
    /// `#name;` to the browser as `&name;`), or Mermaid's own `hash`.
    private static func decode(_ code: Substring) -> String? {
        if code == "hash" { return "#" }
        guard code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        let decimal = !code.isEmpty && code.allSatisfy { $0.isASCII && $0.isNumber }
        let hexadecimal = code.count > 1 && code.first?.lowercased() == "x" && code.dropFirst().allSatisfy(\.isHexDigit)
        let reference = "&" + (decimal || hexadecimal ? "#" : "") + code + ";"
        let decoded = CharacterReferences.decodeAll(reference)
        return decoded == reference ? nil : decoded
    }

    // MARK: Measuring

    /// The width of one run at `size`.
    static func width(_ run: TextRun, size: Double) -> Double {
        TextMetrics.width(run.text, size: size) * (run.bold ? 1.06 : 1)
    }

    /// The label's width and height at `size`.
    func size(_ size: Double) -> (width: Double, height: Double) {
        let width = lines.map { $0.reduce(0) { $0 + Self.width($1, size: size) } }.max() ?? 0
        return (width, Double(lines.count) * size * Self.leading)
    }

    /// The label with lines longer than `limit` broken between words.
    func wrapped(to limit: Double, size: Double) -> Label {
        var result: [[TextRun]] = []
        for line in lines {
            var current: [TextRun] = []
            var width = 0.0
            for run in line {
                // Words keep the space before them, so joining runs restores the spacing.
                var words: [String] = []
                var word = ""
                for character in run.text {
                    if character == " ", !word.isEmpty, word.contains(where: { $0 != " " }) {
                        words.append(word)
                        word = ""
                    }
                    word.append(character)
                }
                if !word.isEmpty { words.append(word) }
                for word in words {
                    var piece = run
                    piece.text = word
                    let pieceWidth = Self.width(piece, size: size)
                    if width + pieceWidth > limit, !current.isEmpty {
                        result.append(current)
                        current = []
                        width = 0
                        var trimmed = run
                        trimmed.text = String(word.drop { $0 == " " })
                        current.append(trimmed)
                        width = Self.width(trimmed, size: size)
                        continue
                    }
                    if let last = current.last, last.bold == run.bold, last.italic == run.italic, last.underline == run.underline {
                        current[current.count - 1].text += word
                    } else {
                        current.append(piece)
                    }
                    width += pieceWidth
                }
            }
            result.append(current)
        }
        return Label(lines: result)
    }

    // MARK: Drawing

    /// `<text>` lines centred on (`x`, `y`); `anchor` is the SVG text-anchor.
    func svg(x: Double, y: Double, size: Double, anchor: String = "middle", attributes: String = "") -> String {
        guard !lines.isEmpty else { return "" }
        let lineHeight = size * Self.leading
        let top = y - Double(lines.count) * lineHeight / 2
        var markup = "<text text-anchor=\"\(anchor)\" font-size=\"\(SVGWriter.number(size))\"\(attributes)>"
        for (index, line) in lines.enumerated() {
            let baseline = top + Double(index) * lineHeight + lineHeight / 2 + size * 0.35
            markup += "<tspan x=\"\(SVGWriter.number(x))\" y=\"\(SVGWriter.number(baseline))\">"
            if line.isEmpty { markup += "\u{A0}" }
            for run in line {
                let escaped = SVGWriter.escape(run.text)
                if run.bold || run.italic || run.underline {
                    markup +=
                        "<tspan" + (run.bold ? " font-weight=\"bold\"" : "") + (run.italic ? " font-style=\"italic\"" : "")
                        + (run.underline ? " text-decoration=\"underline\"" : "") + ">" + escaped + "</tspan>"
                } else {
                    markup += escaped
                }
            }
            markup += "</tspan>"
        }
        return markup + "</text>"
    }
}
