/// Renders a ``Document`` to HTML the way cmark-gfm does, with optional hooks.
public struct HTMLRenderer {
    /// The options that decide raw HTML handling and the tag filter.
    public var options: MarkdownOptions
    /// Caller-supplied renderers for code blocks, math, images, links and headings.
    public var hooks: RenderHooks

    /// Creates a renderer.
    public init(options: MarkdownOptions = .site, hooks: RenderHooks = RenderHooks()) {
        self.options = options
        self.hooks = hooks
    }

    /// The HTML for the whole document.
    public func render(_ document: Document) -> String {
        var writer = HTMLWriter(document: document, options: options, hooks: hooks)
        writer.out.reserveCapacity(document.storage.count + document.storage.count / 4 + 64)
        writer.renderSubtree(document.root.raw)
        writer.renderFootnotes()
        var bytes = writer.out
        if options.mathTextScan {
            let hook = hooks.math
            bytes = MathTextScan.apply(bytes) { tex, display in
                if let html = hook?(MathInfo(tex: tex, isDisplay: display, position: SourcePosition(line: 1, column: 1))) {
                    return html
                }
                var bytes: [UInt8] = []
                HTMLEscaping.appendEscaped(Array(tex.utf8)[...], to: &bytes)
                let escaped = String(decoding: bytes, as: UTF8.self)
                return display ? "<span class=\"math display\">\\[\(escaped)\\]</span>"
                    : "<span class=\"math inline\">\\(\(escaped)\\)</span>"
            }
        }
        return String(unsafeUninitializedCapacity: bytes.count) { target in
            _ = target.initialize(fromContentsOf: bytes)
            return bytes.count
        }
    }
}

/// Parses `markdown` and renders it with the default hooks.
public func renderHTML(_ markdown: String, options: MarkdownOptions = .site) -> String {
    HTMLRenderer(options: options).render(Document.parse(markdown, options: options))
}
