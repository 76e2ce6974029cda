/// The state of one rendering: walks the arena without recursion and appends bytes.
struct HTMLWriter {
    let document: Document
    let options: MarkdownOptions
    let hooks: RenderHooks
    /// The output so far (freed by `HTMLRenderer.withWriter`).
    var out = OutputBytes()
    /// Goldmark footnotes: how many references to each footnote number were written so far.
    var footnoteReferencesWritten: [Int32: Int] = [:]
    /// Goldmark footnotes: references to each footnote number in the document (counted once).
    var footnoteReferenceCounts: [Int32: Int]?
    /// Where the text of the last tight `<dd>` starts (counting bytes already handed on): a block
    /// there follows `<dd>` without a line break.
    var tightDescriptionStart = -1
    /// Streaming: where finished output goes once `out` holds `chunkSize` bytes (nil: keep it all).
    var sink: ((UnsafeRawBufferPointer) -> Void)?
    var chunkSize = Int.max
    /// Bytes already handed to the sink, and the last of them.
    var written = 0
    var lastWritten: UInt8?
    /// Nonzero while rendering into a separate buffer (`renderChildren`), where nothing is handed on.
    var separateBuffers = 0

    /// The document's arrays, read through pointers while it renders (see `HTMLRenderer.withWriter`).
    let nodes: UnsafeBufferPointer<Node>
    let source: UnsafeBufferPointer<UInt8>
    let storage: UnsafeBufferPointer<UInt8>

    init(
        document: Document, nodes: UnsafeBufferPointer<Node>, source: UnsafeBufferPointer<UInt8>,
        storage: UnsafeBufferPointer<UInt8>, options: MarkdownOptions, hooks: RenderHooks
    ) {
        self.document = document
        self.nodes = nodes
        self.source = source
        self.storage = storage
        self.options = options
        self.hooks = hooks
    }

    @inline(__always)
    func bytes(_ span: TextSpan) -> ArraySlice<UInt8> { document.bytes(span) }

    /// The bytes of a span, without retaining an array.
    @inline(__always)
    func buffer(_ span: TextSpan) -> UnsafeBufferPointer<UInt8> {
        let start = Int(span.start)
        let count = Int(span.count)
        return start < source.count
            ? UnsafeBufferPointer(rebasing: source[start..<(start + count)])
            : UnsafeBufferPointer(rebasing: storage[(start - source.count)..<(start - source.count + count)])
    }

    mutating func newlineIfNeeded() {
        if outputPosition == tightDescriptionStart { return }
        if let last = out.last ?? (separateBuffers == 0 ? lastWritten : nil), last != ASCII.newline {
            out.append(ASCII.newline)
        }
    }

    /// How many bytes the current buffer has received (the main buffer counts what was handed on).
    var outputPosition: Int { (separateBuffers == 0 ? written : 0) + out.count }

    /// Hands the output so far to the sink.
    mutating func flush() {
        guard let sink, !out.isEmpty, separateBuffers == 0 else { return }
        out.withUnsafeBytes { sink($0) }
        written += out.count
        lastWritten = out.last
        out.removeAll()
    }

    mutating func escaped(_ span: TextSpan) { HTMLEscaping.appendEscaped(buffer(span), to: &out) }

    /// Appends `n` in decimal, without making a `String` of it.
    mutating func appendNumber(_ n: Int32) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        var value = n.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { digits in
            var first = 10
            repeat {
                first -= 1
                digits[first] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            } while value > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[first...]))
        }
    }

    // MARK: - Traversal

    /// Renders `start` and everything below it.
    mutating func renderSubtree(_ start: Int32) {
        var node = start
        var entering = true
        while true {
            if entering {
                if enter(node) {
                    let first = nodes[Int(node)].firstChild
                    if first >= 0 {
                        node = first
                        continue
                    }
                    exit(node)
                }
            } else {
                exit(node)
            }
            if node == start { return }
            if out.count >= chunkSize { flush() }
            let next = nodes[Int(node)].next
            if next >= 0 {
                node = next
                entering = true
            } else {
                node = nodes[Int(node)].parent
                entering = false
            }
        }
    }

    /// Renders the children of `node` into a separate buffer.
    mutating func renderChildren(_ node: Int32) -> [UInt8] {
        let saved = out
        out = OutputBytes()
        separateBuffers += 1
        var child = nodes[Int(node)].firstChild
        while child >= 0 {
            renderSubtree(child)
            child = nodes[Int(child)].next
        }
        separateBuffers -= 1
        let result = out.array
        out.deallocate()
        out = saved
        return result
    }

    func isInTightList(_ paragraph: Int32) -> Bool {
        let parent = nodes[Int(paragraph)].parent
        if parent >= 0, nodes[Int(parent)].kind == .definitionDescription {
            // goldmark turns only the first paragraph of a tight description into plain text.
            guard nodes[Int(parent)].has(NodeFlags.tight) else { return false }
            var child = nodes[Int(parent)].firstChild
            while child >= 0, nodes[Int(child)].kind != .paragraph { child = nodes[Int(child)].next }
            return child == paragraph
        }
        guard parent >= 0, nodes[Int(parent)].kind == .item else { return false }
        let list = nodes[Int(parent)].parent
        return list >= 0 && nodes[Int(list)].has(NodeFlags.tight)
    }

    /// Opens `node`; returns whether its children should be visited (and `exit` called).
    mutating func enter(_ id: Int32) -> Bool {
        let node = nodes[Int(id)]
        switch node.kind {
        case .document:
            return true
        case .blockQuote, .alert:
            if hooks.blockQuote != nil { return enterHookedBlockQuote(id) }
            openBlockQuote(node, id)
        case .list:
            newlineIfNeeded()
            if node.has(NodeFlags.ordered) {
                out.append("<ol")
                if node.value != 1 {
                    out.append(" start=\"")
                    appendNumber(node.value)
                    out.append("\"")
                }
            } else {
                out.append("<ul")
            }
            appendBlockAttributes(id)
            out.append(">\n")
        case .item:
            newlineIfNeeded()
            out.append("<li>")
            if node.has(NodeFlags.task) {
                out.append(
                    node.has(NodeFlags.checked)
                        ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> "
                        : "<input type=\"checkbox\" disabled=\"\" /> ")
            }
        case .paragraph:
            if !isInTightList(id) {
                newlineIfNeeded()
                out.append("<p")
                appendBlockAttributes(id)
                out.append(">")
            }
        case .definitionList:
            newlineIfNeeded()
            out.append("<dl>\n")
        case .definitionTerm:
            newlineIfNeeded()
            out.append("<dt>")
        case .definitionDescription:
            newlineIfNeeded()
            if node.has(NodeFlags.tight) {
                out.append("<dd>")
                tightDescriptionStart = outputPosition
            } else {
                out.append("<dd>\n")
            }
        case .heading:
            return enterHeading(id)
        case .codeBlock:
            renderCodeBlock(id)
            return false
        case .htmlBlock:
            newlineIfNeeded()
            rawHTML(node.text)
            newlineIfNeeded()
            return false
        case .thematicBreak:
            newlineIfNeeded()
            out.append("<hr />\n")
            return false
        case .mathBlock:
            newlineIfNeeded()
            renderMath(id, block: true)
            out.append(ASCII.newline)
            return false
        case .table:
            newlineIfNeeded()
            out.append("<table")
            appendBlockAttributes(id)
            out.append(">\n")
        case .tableRow:
            let isHeader = node.has(NodeFlags.header)
            if isHeader {
                out.append("<thead>\n")
            } else if node.previous >= 0, nodes[Int(node.previous)].has(NodeFlags.header) {
                out.append("<tbody>\n")
            }
            out.append("<tr>\n")
        case .tableCell:
            let header = nodes[Int(node.parent)].has(NodeFlags.header)
            out.append(header ? "<th" : "<td")
            let style = options.tableAlignmentStyle
            switch TableAlignment(rawValue: node.value) ?? .none {
            case .left: out.append(style ? " style=\"text-align:left\"" : " align=\"left\"")
            case .center: out.append(style ? " style=\"text-align:center\"" : " align=\"center\"")
            case .right: out.append(style ? " style=\"text-align:right\"" : " align=\"right\"")
            case .none: break
            }
            out.append(">")
        case .footnoteDefinition:
            return false
        case .text:
            if node.has(NodeFlags.plainText) { out.append(contentsOf: buffer(node.text)) } else { escaped(node.text) }
            return false
        case .softBreak:
            out.append(ASCII.newline)
            return false
        case .lineBreak:
            out.append("<br />\n")
            return false
        case .code:
            out.append("<code>")
            escaped(node.text)
            out.append("</code>")
            return false
        case .inlineHTML:
            rawHTML(node.text)
            return false
        case .emphasis:
            out.append("<em>")
        case .strong:
            out.append("<strong>")
        case .strikethrough:
            out.append("<del>")
        case .link:
            return enterLink(id)
        case .image:
            renderImage(id)
            return false
        case .footnoteReference where options.goldmarkFootnotes:
            writeGoldmarkFootnoteReference(node.value)
            return false
        case .footnoteReference:
            out.append("<sup class=\"footnote-ref\"><a href=\"#fn")
            appendNumber(node.value)
            out.append("\" id=\"fnref")
            appendNumber(node.value)
            out.append("\">")
            appendNumber(node.value)
            out.append("</a></sup>")
            return false
        case .math:
            renderMath(id, block: false)
            return false
        }
        return true
    }

    mutating func exit(_ id: Int32) {
        let node = nodes[Int(id)]
        switch node.kind {
        case .blockQuote, .alert:
            closeBlockQuote(node)
        case .list:
            newlineIfNeeded()
            out.append(node.has(NodeFlags.ordered) ? "</ol>\n" : "</ul>\n")
        case .item:
            out.append("</li>\n")
        case .definitionList:
            newlineIfNeeded()
            out.append("</dl>\n")
        case .definitionTerm:
            out.append("</dt>\n")
        case .definitionDescription:
            out.append("</dd>\n")
        case .paragraph:
            if let number = footnoteNumberIfLastParagraph(id) {
                appendBackReference(number)
            }
            if !isInTightList(id) { out.append("</p>\n") }
        case .heading:
            out.append("</h")
            appendNumber(node.value)
            out.append(">\n")
        case .table:
            if nodes[Int(node.lastChild)].has(NodeFlags.header) == false { out.append("</tbody>\n") }
            out.append("</table>\n")
        case .tableRow:
            out.append("</tr>\n")
            if node.has(NodeFlags.header) { out.append("</thead>\n") }
        case .tableCell:
            out.append(nodes[Int(node.parent)].has(NodeFlags.header) ? "</th>\n" : "</td>\n")
        case .emphasis:
            out.append("</em>")
        case .strong:
            out.append("</strong>")
        case .strikethrough:
            out.append("</del>")
        case .link:
            out.append("</a>")
        default:
            break
        }
    }

    // MARK: - Pieces

    /// goldmark's marker where it leaves raw HTML out.
    static let rawHTMLOmitted = Array("<!-- raw HTML omitted -->".utf8)

    mutating func rawHTML(_ span: TextSpan) {
        if !options.rawHTML {
            // A lone comment (such as Hugo's `<!--more-->`) is harmless and kept; anything else is
            // left out with goldmark's marker, as Hugo does when `unsafe` is off.
            out.append(contentsOf: isSingleComment(bytes(span)) ? bytes(span) : Self.rawHTMLOmitted[...])
        } else if options.tagFilter {
            TagFilter.append(bytes(span), to: &out)
        } else {
            out.append(contentsOf: buffer(span))
        }
    }

    func isSingleComment(_ html: ArraySlice<UInt8>) -> Bool {
        var end = html.endIndex
        while end > html.startIndex, ASCII.isWhitespace(html[end - 1]) { end -= 1 }
        let text = html[html.startIndex..<end]
        guard text.count >= 7, text.starts(with: "<!--".utf8), text.suffix(3).elementsEqual("-->".utf8) else { return false }
        var i = text.startIndex + 4
        while i + 2 < end - 3 {
            if text[i] == UInt8(ascii: "-"), text[i + 1] == UInt8(ascii: "-"), text[i + 2] == UInt8(ascii: ">") { return false }
            i += 1
        }
        return true
    }

    mutating func openBlockQuote(_ node: Node, _ id: Int32) {
        newlineIfNeeded()
        guard node.kind == .alert else {
            out.append("<blockquote")
            appendBlockAttributes(id)
            out.append(">\n")
            return
        }
        let kind = AlertKind(rawValue: node.value) ?? .note
        out.append("<div class=\"markdown-alert markdown-alert-")
        out.append(contentsOf: kind.marker.lowercased().utf8)
        out.append("\">\n<p class=\"markdown-alert-title\">")
        if node.text2.count > 0 { escaped(node.text2) } else { out.append(contentsOf: kind.title.utf8) }
        out.append("</p>\n")
    }

    mutating func closeBlockQuote(_ node: Node) {
        newlineIfNeeded()
        out.append(node.kind == .alert ? "</div>\n" : "</blockquote>\n")
    }

    /// A block quote or alert through ``RenderHooks/blockQuote`` (its content rendered once, so
    /// the inner hooks run once); the default markup around that content when the hook declines.
    mutating func enterHookedBlockQuote(_ id: Int32) -> Bool {
        let node = nodes[Int(id)]
        let content = renderChildren(id)
        let alert = node.kind == .alert ? AlertKind(rawValue: node.value) ?? .note : nil
        var info = BlockQuoteInfo(
            alert: alert, contentHTML: String(decoding: content, as: UTF8.self),
            position: document.position(of: NodeID(id)))
        if alert != nil {
            info.title = String(decoding: bytes(node.text2), as: UTF8.self)
            info.sign = node.extra == 0 ? "" : String(UnicodeScalar(UInt8(node.extra)))
        }
        if let html = hooks.blockQuote?(info) {
            newlineIfNeeded()
            out.append(contentsOf: html.utf8)
        } else {
            openBlockQuote(node, id)
            out.append(contentsOf: content)
            closeBlockQuote(node)
        }
        newlineIfNeeded()
        return false
    }

    mutating func enterHeading(_ id: Int32) -> Bool {
        let node = nodes[Int(id)]
        if let hook = hooks.heading {
            let content = renderChildren(id)
            let info = HeadingRenderInfo(
                level: Int(node.value), id: node.text2.count > 0 ? document.string(node.text2) : nil,
                contentHTML: String(decoding: content, as: UTF8.self), text: document.plainText(of: NodeID(id)),
                position: document.position(of: NodeID(id)),
                attributesHTML: document.blockAttributes[id].map { String(decoding: $0, as: UTF8.self) } ?? "")
            if let html = hook(info) {
                newlineIfNeeded()
                out.append(contentsOf: html.utf8)
                newlineIfNeeded()
                return false
            }
        }
        newlineIfNeeded()
        out.append("<h")
        appendNumber(node.value)
        if node.text2.count > 0 {
            out.append(" id=\"")
            escaped(node.text2)
            out.append("\"")
        }
        appendBlockAttributes(id)
        out.append(">")
        return true
    }

    /// The block's attributes from a `{…}` line below it (``MarkdownOptions/blockAttributes``).
    mutating func appendBlockAttributes(_ id: Int32) {
        if let attributes = document.blockAttributes[id] { out.append(contentsOf: attributes) }
    }

    mutating func renderCodeBlock(_ id: Int32) {
        let node = nodes[Int(id)]
        let info = bytes(node.text2)
        var languageEnd = info.startIndex
        while languageEnd < info.endIndex, !ASCII.isWhitespace(info[languageEnd]) { languageEnd += 1 }
        var language = info[info.startIndex..<languageEnd]
        if options.fenceAttributes, let brace = language.firstIndex(of: UInt8(ascii: "{")) {
            language = language[language.startIndex..<brace]
        }
        if let hook = hooks.codeBlock {
            let infoString = String(decoding: info, as: UTF8.self)
            let block = CodeBlockInfo(
                language: language.isEmpty ? nil : String(decoding: language, as: UTF8.self), info: infoString,
                attributes: options.fenceAttributes ? FenceAttributes.parse(infoString) : [:],
                code: document.string(node.text), position: document.position(of: NodeID(id)),
                isFenced: node.has(NodeFlags.fenced))
            if let html = hook(block) {
                newlineIfNeeded()
                out.append(contentsOf: html.utf8)
                newlineIfNeeded()
                return
            }
        }
        newlineIfNeeded()
        if language.isEmpty {
            out.append("<pre><code>")
        } else {
            out.append("<pre><code class=\"language-")
            HTMLEscaping.appendEscaped(language, to: &out)
            out.append("\">")
        }
        escaped(node.text)
        out.append("</code></pre>\n")
    }

    mutating func renderMath(_ id: Int32, block: Bool) {
        let node = nodes[Int(id)]
        let display = block || node.has(NodeFlags.display)
        if let hook = hooks.math,
            let html = hook(
                MathInfo(
                    tex: document.string(node.text), isDisplay: display,
                    position: document.position(of: NodeID(id))))
        {
            out.append(contentsOf: html.utf8)
            return
        }
        if block {
            out.append("<div class=\"math display\">\\[")
            escaped(node.text)
            out.append("\\]</div>")
        } else if display {
            out.append("<span class=\"math display\">\\[")
            escaped(node.text)
            out.append("\\]</span>")
        } else {
            out.append("<span class=\"math inline\">\\(")
            escaped(node.text)
            out.append("\\)</span>")
        }
    }

    mutating func enterLink(_ id: Int32) -> Bool {
        let node = nodes[Int(id)]
        if let hook = hooks.link {
            let content = renderChildren(id)
            let info = LinkInfo(
                destination: document.string(node.text),
                title: node.text2.count > 0 ? document.string(node.text2) : nil,
                contentHTML: String(decoding: content, as: UTF8.self), position: document.position(of: NodeID(id)))
            if let html = hook(info) {
                out.append(contentsOf: html.utf8)
                return false
            }
        }
        out.append("<a href=\"")
        HTMLEscaping.appendHref(bytes(node.text), to: &out)
        if node.text2.count > 0 {
            out.append("\" title=\"")
            escaped(node.text2)
        }
        out.append("\">")
        return true
    }

    mutating func renderImage(_ id: Int32) {
        let node = nodes[Int(id)]
        var alt: [UInt8] = []
        document.appendPlainText(of: id, to: &alt, asAltText: true)
        if let hook = hooks.image {
            let info = ImageInfo(
                destination: document.string(node.text),
                title: node.text2.count > 0 ? document.string(node.text2) : nil,
                alt: String(decoding: alt, as: UTF8.self), id: document.imageID(of: NodeID(id)),
                position: document.position(of: NodeID(id)))
            if let html = hook(info) {
                out.append(contentsOf: html.utf8)
                return
            }
        }
        out.append("<img src=\"")
        HTMLEscaping.appendHref(bytes(node.text), to: &out)
        out.append("\" alt=\"")
        HTMLEscaping.appendEscaped(alt[...], to: &out)
        out.append("\"")
        if node.text2.count > 0 {
            out.append(" title=\"")
            escaped(node.text2)
            out.append("\"")
        }
        if node.imageID.count > 0 {
            out.append(" id=\"")
            escaped(node.imageID)
            out.append("\"")
        }
        out.append(" />")
    }

    // MARK: - Footnotes

    func footnoteNumberIfLastParagraph(_ paragraph: Int32) -> Int32? {
        let node = nodes[Int(paragraph)]
        guard node.next < 0, node.parent >= 0 else { return nil }
        let parent = nodes[Int(node.parent)]
        return parent.kind == .footnoteDefinition ? parent.value : nil
    }

    mutating func appendBackReference(_ number: Int32) {
        if options.goldmarkFootnotes { return writeGoldmarkBacklinks(number) }
        out.append(" <a href=\"#fnref")
        appendNumber(number)
        out.append("\" class=\"footnote-backref\">\u{21A9}</a>")
    }

    /// The footnotes section: referenced definitions in order of first reference.
    mutating func renderFootnotes() {
        var definitions: [(Int32, Int32)] = []
        for id in document.footnoteDefinitions where nodes[Int(id)].value > 0 {
            definitions.append((nodes[Int(id)].value, id))
        }
        guard !definitions.isEmpty else { return }
        definitions.sort { $0.0 < $1.0 }
        newlineIfNeeded()
        let goldmark = options.goldmarkFootnotes
        out.append(goldmark ? "<div class=\"footnotes\" role=\"doc-endnotes\">\n<ol>\n" : "<section class=\"footnotes\">\n<ol>\n")
        for (number, id) in definitions {
            out.append(goldmark ? "<li id=\"fn:" : "<li id=\"fn")
            appendNumber(number)
            out.append("\">\n")
            var child = nodes[Int(id)].firstChild
            while child >= 0 {
                renderSubtree(child)
                child = nodes[Int(child)].next
            }
            let last = nodes[Int(id)].lastChild
            if last < 0 || nodes[Int(last)].kind != .paragraph {
                if goldmark {
                    writeGoldmarkBacklinks(number)
                    out.append("</li>\n")
                    continue
                }
                newlineIfNeeded()
                out.append("<a href=\"#fnref")
                appendNumber(number)
                out.append("\" class=\"footnote-backref\">\u{21A9}</a>\n")
            }
            newlineIfNeeded()
            out.append("</li>\n")
        }
        out.append(goldmark ? "</ol>\n</div>\n" : "</ol>\n</section>\n")
    }

    /// goldmark's footnote reference: `<sup id="fnref:1">`, then `fnref1:1`, `fnref2:1` for later references.
    mutating func writeGoldmarkFootnoteReference(_ number: Int32) {
        let index = footnoteReferencesWritten[number, default: 0]
        footnoteReferencesWritten[number] = index + 1
        out.append("<sup id=\"fnref")
        if index > 0 { appendNumber(Int32(index)) }
        out.append(":")
        appendNumber(number)
        out.append("\"><a href=\"#fn:")
        appendNumber(number)
        out.append("\" class=\"footnote-ref\" role=\"doc-noteref\">")
        appendNumber(number)
        out.append("</a></sup>")
    }

    /// goldmark's back-links: one per reference to the footnote, each after a no-break space.
    mutating func writeGoldmarkBacklinks(_ number: Int32) {
        if footnoteReferenceCounts == nil {
            var counts: [Int32: Int] = [:]
            for node in nodes where node.kind == .footnoteReference { counts[node.value, default: 0] += 1 }
            footnoteReferenceCounts = counts
        }
        let count = max(1, footnoteReferenceCounts?[number] ?? 1)
        for index in 0..<count {
            out.append("&#160;<a href=\"#fnref")
            if index > 0 { appendNumber(Int32(index)) }
            out.append(":")
            appendNumber(number)
            out.append("\" class=\"footnote-backref\" role=\"doc-backlink\">")
            out.append(contentsOf: options.footnoteBacklinkHTML.utf8)
            out.append("</a>")
        }
    }
}
