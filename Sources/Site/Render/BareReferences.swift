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
            let absolute = destination.dropFirst(prefix.count).hasPrefix(ShortcodeExpander.absoluteReferenceMarker)
            out += HTMLText.escape(absolute && url.hasPrefix("/") ? config.absoluteURL(String(url.dropFirst(config.basePath.count - 1))) : url)
            rest = rest[end...]
        }
        out += rest
        return out
    }
}

extension ShortcodeExpander {
    /// A reference's target without the `ref` marker.
    static func dropAbsoluteMarker(_ target: Substring) -> String {
        String(target.hasPrefix(absoluteReferenceMarker) ? target.dropFirst(absoluteReferenceMarker.count) : target)
    }
}
