/// Presentation options for one highlighted block, mirroring Hugo's code fence attributes.
public struct HighlightOptions: Sendable, Equatable {
    /// Whether and how line numbers are shown.
    public var lineNumbers: LineNumbers = .none
    /// The number of the first line (Hugo's `linenostart`). Values beyond
    /// ±``maxLineNumberStart`` are clamped to it, so no value can overflow a line number.
    public var lineNumberStart = 1
    /// The largest `linenostart` honoured (one billion); larger values, up to `Int.max`, and
    /// numbers too long for an `Int` in a fence attribute count as this (smaller ones as its negative).
    public static let maxLineNumberStart = 1_000_000_000

    /// ``lineNumberStart`` within ±``maxLineNumberStart``.
    var clampedLineNumberStart: Int { min(max(lineNumberStart, -Self.maxLineNumberStart), Self.maxLineNumberStart) }
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
                if let start = Self.clampedInteger(value) { lineNumberStart = start }
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

    /// A decimal integer (optionally signed) clamped to ±``maxLineNumberStart``, however many
    /// digits it has; `nil` if it is not one.
    static func clampedInteger(_ text: String) -> Int? {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if negative || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var value = 0
        for digit in digits.utf8 {
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
            if value > maxLineNumberStart {
                value = maxLineNumberStart
                break
            }
        }
        return negative ? -value : value
    }

    /// Parses `[2,"4-6"]`, `2 4-6` or `2,4-6` into line numbers; ranges are capped at 100,000 lines.
    static func lineSet(_ text: String) -> Set<Int> {
        var lines: Set<Int> = []
        let separators: Set<Character> = [",", " ", "[", "]", "\"", "'", "\t"]
        for item in text.split(whereSeparator: { separators.contains($0) }) {
            let bounds = item.split(separator: "-", maxSplits: 1).map { Int($0) }
            if bounds.count == 1, let line = bounds[0] {
                lines.insert(line)
            } else if bounds.count == 2, let low = bounds[0], let high = bounds[1], low <= high,
                case (let span, let overflow) = high.subtractingReportingOverflow(low), !overflow, span < 100_000
            {
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
