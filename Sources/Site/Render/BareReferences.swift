import Markdown

extension ContentRenderer {
    /// A `ref`/`relref` shortcode outside a Markdown link (`See {{< relref "/docs/x" >}}.`) prints the
    /// page's URL, as Hugo does; the shortcode left `collective-ref:` and its path in the text.
    func resolveBareReferences(_ html: String, for page: Page, sink: DiagnosticSink) -> String {
        let prefix = ShortcodeExpander.referencePrefix
        guard html.contains(prefix) else { return html }
        var out = ""
        var rest = Substring(html)
        while let range = rest.range(of: prefix) {
            out += rest[..<range.lowerBound]
            var end = range.upperBound
            while end < rest.endIndex, !" \t\n\"'<>)".contains(rest[end]) { end = rest.index(after: end) }
            let destination = String(rest[range.lowerBound..<end])
            let url = resolveLink(destination, for: page, position: SourcePosition(line: 1, column: 1), sink: sink) ?? "#"
            out += HTMLText.escape(url)
            rest = rest[end...]
        }
        out += rest
        return out
    }
}
