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
        func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            String(unsafeUninitializedCapacity: bytes.count) { target in
                _ = target.initialize(fromContentsOf: bytes)
                return bytes.count
            }
        }
        if options.mathTextScan { return renderBytes(document).withUnsafeBufferPointer(string) }
        return withWriter(document) { writer in
            renderWhole(document, &writer)
            return string(UnsafeBufferPointer(start: writer.out.base, count: writer.out.count))
        }
    }

    /// Renders the document piece by piece, handing `write` about `chunkSize` bytes of UTF-8 at a
    /// time: a large document becomes a file without all of its HTML in memory at once. (With
    /// `mathTextScan` the whole output is made first, then handed over in one piece.)
    public func render(
        _ document: Document, chunkSize: Int = 1 << 18,
        write: (UnsafeRawBufferPointer) -> Void
    ) {
        if options.mathTextScan {
            renderBytes(document).withUnsafeBytes { write($0) }
            return
        }
        withoutActuallyEscaping(write) { write in
            withWriter(document) { writer in
                writer.sink = write
                writer.chunkSize = max(chunkSize, 1)
                writer.out.reserveCapacity(writer.chunkSize + 1 << 12)
                writer.renderSubtree(document.root.raw)
                writer.renderFootnotes()
                writer.flush()
            }
        }
    }

    /// Runs `body` with a writer that reads the document's arrays through pointers.
    func withWriter<R>(_ document: Document, _ body: (inout HTMLWriter) -> R) -> R {
        withExtendedLifetime(document.nodes) {
            let nodes = document.nodes.buffer
            return document.source.withUnsafeBufferPointer { source in
                document.storage.withUnsafeBufferPointer { storage in
                    var writer = HTMLWriter(
                        document: document, nodes: nodes, source: source, storage: storage,
                        options: options, hooks: hooks)
                    defer { writer.out.deallocate() }
                    return body(&writer)
                }
            }
        }
    }

    /// Renders the whole document into the writer's buffer.
    private func renderWhole(_ document: Document, _ writer: inout HTMLWriter) {
        writer.out.reserveCapacity(document.source.count + document.source.count / 4 + 64)
        writer.renderSubtree(document.root.raw)
        writer.renderFootnotes()
    }

    /// The HTML for the whole document as UTF-8 bytes.
    func renderBytes(_ document: Document) -> [UInt8] {
        var bytes = withWriter(document) { writer in
            renderWhole(document, &writer)
            return writer.out.array
        }
        if options.mathTextScan {
            let hook = hooks.math
            bytes = MathTextScan.apply(bytes) { tex, display in
                if let html = hook?(MathInfo(tex: tex, isDisplay: display, position: SourcePosition(line: 1, column: 1))) {
                    return html
                }
                var bytes: [UInt8] = []
                HTMLEscaping.appendEscaped(Array(tex.utf8)[...], to: &bytes)
                let escaped = String(decoding: bytes, as: UTF8.self)
                return display
                    ? "<span class=\"math display\">\\[\(escaped)\\]</span>"
                    : "<span class=\"math inline\">\\(\(escaped)\\)</span>"
            }
        }
        return bytes
    }
}

/// Parses `markdown` and renders it with the default hooks.
public func renderHTML(_ markdown: String, options: MarkdownOptions = .site) -> String {
    HTMLRenderer(options: options).render(Document.parse(markdown, options: options))
}
