import Markdown

/// Math openers a page leaves unclosed (`$$` with no `$$` after it): the reader sees the TeX as
/// text. The build warns with the opener's place in the file, and `collective check` lists it.
enum UnclosedMath {
    /// A warning for each unclosed opener in the page's final `html`, placed in `body` (the page's
    /// Markdown, which starts at file line `bodyLine`).
    static func diagnostics(html: String, body: String, bodyLine: Int, file: String?) -> [Diagnostic] {
        // Runs on every page: most have none of the openers, which a byte search tells without a copy.
        guard openers.contains(where: { html.contains(bytes: $0) }) else { return [] }
        var searchFrom = body.startIndex
        return unclosedMathOpeners(inHTML: html).map { found in
            var place: Range<String.Index>?
            let context = found.following.prefix { $0 != "\n" }.prefix(16)
            if !context.isEmpty { place = body.range(of: found.opener + context, range: searchFrom..<body.endIndex) }
            place = place ?? body.range(of: found.opener, range: searchFrom..<body.endIndex)
            var line: Int?
            var column: Int?
            if let place {
                let before = body[..<place.lowerBound]
                let lineStart = before.lastIndex(of: "\n").map { body.index(after: $0) } ?? body.startIndex
                line = bodyLine + before.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
                column = body[lineStart..<place.lowerBound].count + 1
                searchFrom = place.upperBound
            }
            return Diagnostic(
                .warning, "math opened with `\(found.opener)` is never closed, so readers see its TeX as text",
                file: file, line: line ?? bodyLine, column: column,
                hint: "close it with `\(closer(of: found.opener))` where the formula ends",
                kind: .unclosedMath)
        }
    }

    /// What the page's text must hold for an opener to be left in it.
    private static let openers = ["$$", "\\(", "\\[", "\\begin{"]

    /// `$$` → `$$`, `\[` → `\]`, `\(` → `\)`, `\begin{align}` → `\end{align}`.
    static func closer(of opener: String) -> String {
        switch opener {
        case "\\[": "\\]"
        case "\\(": "\\)"
        default: opener.hasPrefix("\\begin") ? "\\end" + opener.dropFirst("\\begin".count) : opener
        }
    }
}
