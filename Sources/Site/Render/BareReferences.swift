import Markdown

extension ContentRenderer {
    /// A `ref`/`relref` shortcode outside a Markdown link (`See {{< relref "/docs/x" >}}.`) prints the
    /// page's URL, as Hugo does; the shortcode left `collective-ref:` and its path in the text.
    func resolveBareReferences(_ html: String, for page: Page, sink: DiagnosticSink) -> String {
        guard LinkDestination.mayHoldMarker(html) else { return html }
        var out = ""
        var rest = Substring(html)
        while let range = LinkDestination.firstMarker(in: rest) {
            out += rest[..<range.lowerBound]
            var end = range.upperBound
            while end < rest.endIndex, !" \t\n\"'<>)".contains(rest[end]) { end = rest.index(after: end) }
            let destination = LinkDestination(parsing: String(rest[range.lowerBound..<end]))
            let url =
                resolveLink(destination, for: page, position: SourcePosition(line: 1, column: 1), sink: sink)
                .url(for: destination) ?? "#"
            let absolute = if case .reference(_, true) = destination { true } else { false }
            out += HTMLText.escape(absolute && url.hasPrefix("/") ? config.absoluteURL(String(url.dropFirst(config.basePath.count - 1))) : url)
            rest = rest[end...]
        }
        out += rest
        return out
    }
}
