/// Presentation options for one highlighted block, mirroring Hugo's code fence attributes.
public struct HighlightOptions: Sendable, Equatable {
    /// Whether and how line numbers are shown.
    public var lineNumbers: LineNumbers = .none
    /// The number of the first line (Hugo's `linenostart`).
    public var lineNumberStart = 1
    /// Lines to emphasise, 1-based and relative to the block (Hugo's `hl_lines`).
    public var highlightedLines: Set<Int> = []
    /// Whether line numbers are links to their own anchors (Hugo's `anchorlinenos`).
    public var anchorLineNumbers = false
    /// Prefix of line anchor ids: line 3 gets `id="<prefix>-3"` (Hugo's `lineanchors`).
    public var lineAnchorPrefix = "hl"
    /// A file name shown above the block.
    public var title: String?

    /// Options with nothing turned on.
    public init() {}

    /// Parses Hugo fence attributes as given by the Markdown engine, e.g. `["linenos": "true",
    /// "hl_lines": "[2,\"4-6\"]", "linenostart": "5", "title": "a.py"]`. Keys are case-insensitive;
    /// values that do not parse leave the default in place.
    public init(fenceAttributes: [String: String]) {
        for (key, value) in fenceAttributes {
            let value = value.trimmingBlanksAndQuotes()
            switch key.lowercased() {
            case "linenos":
                switch value.lowercased() {
                case "inline": lineNumbers = .inline
                case "false", "none", "no", "0": lineNumbers = .none
                default: lineNumbers = .table
                }
            case "linenostart":
                if let start = Int(value) { lineNumberStart = start }
            case "hl_lines":
                highlightedLines = Self.lineSet(value)
            case "anchorlinenos":
                anchorLineNumbers = value.isEmpty || value.lowercased() == "true"
            case "lineanchors":
                if !value.isEmpty { lineAnchorPrefix = value }
            case "title":
                title = value.isEmpty ? nil : value
            default:
                break
            }
        }
    }

    /// Parses `[2,"4-6"]`, `2 4-6` or `2,4-6` into line numbers; ranges are capped at 100,000 lines.
    static func lineSet(_ text: String) -> Set<Int> {
        var lines: Set<Int> = []
        let separators: Set<Character> = [",", " ", "[", "]", "\"", "'", "\t"]
        for item in text.split(whereSeparator: { separators.contains($0) }) {
            let bounds = item.split(separator: "-", maxSplits: 1).map { Int($0) }
            if bounds.count == 1, let line = bounds[0] {
                lines.insert(line)
            } else if bounds.count == 2, let low = bounds[0], let high = bounds[1], low <= high, high - low < 100_000 {
                lines.formUnion(low...high)
            }
        }
        return lines
    }
}

extension String {
    /// The string without surrounding blanks and one pair of surrounding quotes.
    func trimmingBlanksAndQuotes() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            text = text.dropFirst().dropLast()
        }
        return String(text)
    }
}
