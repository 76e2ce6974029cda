/// The front matter block at the top of a content file and the Markdown body after it.
struct FrontMatter {
    var format: DataFormat?
    /// The front matter text, without its delimiters.
    var text: String
    /// The file line on which ``text`` starts (1-based).
    var firstLine: Int
    /// The Markdown after the front matter.
    var body: String
    /// The file line on which ``body`` starts (1-based).
    var bodyLine: Int

    /// Splits a content file into front matter and body: YAML between `---` lines, TOML between
    /// `+++` lines, or a JSON object starting with `{` on the first line.
    static func split(_ source: String) -> FrontMatter? {
        var text = Substring(source)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        // Walks line ends over UTF-8 bytes and slices once: the body is most of the file.
        let bytes = text.utf8
        let end = bytes.endIndex
        func nextLine(after lineEnd: Substring.Index) -> Substring.Index { lineEnd == end ? end : bytes.index(after: lineEnd) }
        let firstEnd = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? end
        let first = text[..<firstEnd].trimmingTrailingSpace
        let format: DataFormat
        let closer: Set<Substring>
        switch first {
        case "---":
            format = .yaml
            closer = ["---", "..."]
        case "+++":
            format = .toml
            closer = ["+++"]
        default:
            if first.hasPrefix("{") { return splitJSON(text.split(separator: "\n", omittingEmptySubsequences: false)) }
            return FrontMatter(format: nil, text: "", firstLine: 1, body: String(text), bodyLine: 1)
        }
        let frontMatterStart = nextLine(after: firstEnd)
        var lineStart = frontMatterStart
        var lineNumber = 2
        while lineStart < end {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? end
            if closer.contains(text[lineStart..<lineEnd].trimmingTrailingSpace) {
                let frontMatterEnd = lineStart == frontMatterStart ? lineStart : bytes.index(before: lineStart)
                return FrontMatter(
                    format: format, text: String(text[frontMatterStart..<frontMatterEnd]), firstLine: 2,
                    body: String(text[nextLine(after: lineEnd)...]), bodyLine: lineNumber + 1)
            }
            lineStart = nextLine(after: lineEnd)
            lineNumber += 1
        }
        return nil
    }

    /// JSON front matter ends at the line holding the brace that closes the first one.
    private static func splitJSON(_ lines: [Substring]) -> FrontMatter? {
        var depth = 0
        var strings = JSONStringTracker()
        for (index, line) in lines.enumerated() {
            for byte in line.utf8 where !strings.isInString(byte) {
                if byte == UInt8(ascii: "{") { depth += 1 } else if byte == UInt8(ascii: "}") { depth -= 1 }
            }
            if depth == 0 {
                let fm = lines[0...index].joined(separator: "\n")
                let body = lines[(index + 1)...].joined(separator: "\n")
                return FrontMatter(format: .json, text: fm, firstLine: 1, body: body, bodyLine: index + 2)
            }
        }
        return nil
    }
}

extension Substring {
    var trimmingTrailingSpace: Substring {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last == " " || last == "\t" || last == "\r" {
            end = index(before: end)
        }
        return self[..<end]
    }
}
