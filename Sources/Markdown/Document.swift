/// A parsed Markdown document: a tree of nodes kept in one flat arena.
///
/// Walk it from ``root`` with ``firstChild(of:)`` and ``nextSibling(of:)`` (or ``children(of:)``),
/// and read each node with ``kind(of:)``, ``position(of:)`` and the typed accessors.
public struct Document: Sendable {
    let nodes: NodeBuffer
    /// The input (text spans below its count point into it) and the bytes made while parsing.
    let source: [UInt8]
    let storage: [UInt8]
    /// The options the document was parsed with.
    public let options: MarkdownOptions
    /// Block attributes by node, as HTML (` id="a" class="b"`).
    let blockAttributes: [Int32: [UInt8]]
    /// The footnote definition nodes in document order (numbered or not).
    let footnoteDefinitions: [Int32]

    init(
        nodes: NodeBuffer, source: [UInt8], storage: [UInt8], options: MarkdownOptions,
        blockAttributes: [Int32: [UInt8]] = [:], footnoteDefinitions: [Int32] = []
    ) {
        self.nodes = nodes
        self.source = source
        self.storage = storage
        self.options = options
        self.blockAttributes = blockAttributes
        self.footnoteDefinitions = footnoteDefinitions
    }

    /// Parses `markdown` (U+0000 becomes U+FFFD).
    public static func parse(_ markdown: String, options: MarkdownOptions = .site) -> Document {
        var markdown = markdown
        let bytes = markdown.withUTF8 { buffer in
            containsNUL(buffer) ? replacingNUL(buffer) : Array(buffer)
        }
        return Parser(options: options, source: bytes).parseDocument()
    }

    /// Parses Markdown given as UTF-8 bytes, without making a `String` of it: invalid UTF-8
    /// becomes U+FFFD as `String(decoding:as:)` would make it, and so does U+0000.
    public static func parse(utf8 bytes: [UInt8], options: MarkdownOptions = .site) -> Document {
        var bytes = bytes
        if !UTF8Validation.isValid(bytes) { bytes = Array(String(decoding: bytes, as: UTF8.self).utf8) }
        if bytes.withUnsafeBufferPointer({ containsNUL($0) }) {
            bytes = bytes.withUnsafeBufferPointer { replacingNUL($0) }
        }
        return Parser(options: options, source: bytes).parseDocument()
    }

    private static func replacingNUL(_ buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(buffer.count + 16)
        for byte in buffer {
            if byte == 0 { cleaned.append(contentsOf: [0xEF, 0xBF, 0xBD]) } else { cleaned.append(byte) }
        }
        return cleaned
    }

    /// The bytes of a text span (in the source or in the storage).
    func bytes(_ span: TextSpan) -> ArraySlice<UInt8> {
        let sourceCount = source.count
        return Int(span.start) < sourceCount
            ? source[Int(span.start)..<span.end]
            : storage[(Int(span.start) - sourceCount)..<(span.end - sourceCount)]
    }

    // MARK: - Tree

    /// The document node.
    public var root: NodeID { NodeID(0) }

    /// The number of nodes in the arena (some may be detached from the tree).
    public var nodeCount: Int { nodes.count }

    /// What `node` is.
    public func kind(of node: NodeID) -> NodeKind { nodes[node.index].kind }

    /// Where `node` starts in the source.
    public func position(of node: NodeID) -> SourcePosition {
        let n = nodes[node.index]
        return SourcePosition(line: Int(n.line), column: Int(n.column))
    }

    /// The parent of `node`, or nil for the root.
    public func parent(of node: NodeID) -> NodeID? { id(nodes[node.index].parent) }

    /// The first child of `node`.
    public func firstChild(of node: NodeID) -> NodeID? { id(nodes[node.index].firstChild) }

    /// The last child of `node`.
    public func lastChild(of node: NodeID) -> NodeID? { id(nodes[node.index].lastChild) }

    /// The sibling after `node`.
    public func nextSibling(of node: NodeID) -> NodeID? { id(nodes[node.index].next) }

    /// The sibling before `node`.
    public func previousSibling(of node: NodeID) -> NodeID? { id(nodes[node.index].previous) }

    /// The children of `node` in order.
    public func children(of node: NodeID) -> [NodeID] {
        var result: [NodeID] = []
        var child = nodes[node.index].firstChild
        while child >= 0 {
            result.append(NodeID(child))
            child = nodes[Int(child)].next
        }
        return result
    }

    /// `node` and all its descendants in document order (pre-order), without recursion.
    public func descendants(of node: NodeID) -> [NodeID] {
        var result: [NodeID] = []
        var current = node.raw
        while true {
            result.append(NodeID(current))
            if nodes[Int(current)].firstChild >= 0 {
                current = nodes[Int(current)].firstChild
                continue
            }
            while current != node.raw, nodes[Int(current)].next < 0 { current = nodes[Int(current)].parent }
            if current == node.raw { return result }
            current = nodes[Int(current)].next
        }
    }

    private func id(_ raw: Int32) -> NodeID? { raw >= 0 ? NodeID(raw) : nil }

    func string(_ span: TextSpan) -> String {
        String(decoding: bytes(span), as: UTF8.self)
    }

    // MARK: - Node data

    /// The text of a text, code span, inline HTML, HTML block, code block or math node.
    public func literal(of node: NodeID) -> String { string(nodes[node.index].text) }

    /// The level (1–6) of a heading.
    public func headingLevel(of node: NodeID) -> Int? {
        nodes[node.index].kind == .heading ? Int(nodes[node.index].value) : nil
    }

    /// The `id` of a heading (site mode), if it has one.
    public func headingID(of node: NodeID) -> String? {
        let n = nodes[node.index]
        return n.kind == .heading && n.text2.count > 0 ? string(n.text2) : nil
    }

    /// The destination of a link or image.
    public func destination(of node: NodeID) -> String? {
        let n = nodes[node.index]
        return n.kind == .link || n.kind == .image ? string(n.text) : nil
    }

    /// The title of a link or image, if it has one.
    public func title(of node: NodeID) -> String? {
        let n = nodes[node.index]
        return (n.kind == .link || n.kind == .image) && n.text2.count > 0 ? string(n.text2) : nil
    }

    /// The `id` of an image written `![…](…){#id}` (site mode), if it has one.
    public func imageID(of node: NodeID) -> String? {
        let span = nodes[node.index].imageID
        return span.count > 0 ? string(span) : nil
    }

    /// The full info string of a fenced code block.
    public func info(of node: NodeID) -> String? {
        nodes[node.index].kind == .codeBlock ? string(nodes[node.index].text2) : nil
    }

    /// Whether a list is ordered.
    public func isOrderedList(_ node: NodeID) -> Bool { nodes[node.index].has(NodeFlags.ordered) }

    /// Whether a list is tight (its paragraphs render without `<p>`).
    public func isTightList(_ node: NodeID) -> Bool { nodes[node.index].has(NodeFlags.tight) }

    /// The start number of an ordered list.
    public func listStart(of node: NodeID) -> Int { Int(nodes[node.index].value) }

    /// For a task list item, whether it is checked; nil for other nodes.
    public func taskState(of node: NodeID) -> Bool? {
        let n = nodes[node.index]
        return n.has(NodeFlags.task) ? n.has(NodeFlags.checked) : nil
    }

    /// The kind of a GitHub alert.
    public func alertKind(of node: NodeID) -> AlertKind? {
        nodes[node.index].kind == .alert ? AlertKind(rawValue: nodes[node.index].value) : nil
    }

    /// Whether a math node is display math.
    public func isDisplayMath(_ node: NodeID) -> Bool {
        nodes[node.index].kind == .mathBlock || nodes[node.index].has(NodeFlags.display)
    }

    /// The alignment of a table cell.
    public func alignment(of node: NodeID) -> TableAlignment {
        nodes[node.index].kind == .tableCell ? TableAlignment(rawValue: nodes[node.index].value) ?? .none : .none
    }

    /// The label of a footnote definition or reference.
    public func footnoteLabel(of node: NodeID) -> String? {
        let n = nodes[node.index]
        return n.kind == .footnoteDefinition || n.kind == .footnoteReference ? string(n.text) : nil
    }

    /// The plain text of `node`: the literals of its text and code descendants.
    public func plainText(of node: NodeID) -> String {
        var out: [UInt8] = []
        appendPlainText(of: node.raw, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The text of `node`'s descendants; `asAltText` leaves out `<https://…>` autolinks, as goldmark
    /// (Hugo 0.168) leaves them out of an image's `alt`.
    func appendPlainText(of node: Int32, to out: inout [UInt8], asAltText: Bool = false) {
        for id in descendants(of: NodeID(node)) {
            let n = nodes[id.index]
            if asAltText, n.kind == .text || n.kind == .code, isInsideAngleAutolink(id.raw, below: node) { continue }
            switch n.kind {
            case .text, .code, .math: out.append(contentsOf: bytes(n.text))
            case .softBreak, .lineBreak: out.append(0x20)
            default: break
            }
        }
    }

    private func isInsideAngleAutolink(_ node: Int32, below top: Int32) -> Bool {
        var current = nodes[Int(node)].parent
        while current >= 0, current != top {
            if nodes[Int(current)].kind == .link, nodes[Int(current)].flags & NodeFlags.angleAutolink != 0 { return true }
            current = nodes[Int(current)].parent
        }
        return false
    }

    /// Headings in document order, with their final ids in site mode.
    public var headings: [HeadingInfo] {
        descendants(of: root).compactMap { id in
            guard kind(of: id) == .heading else { return nil }
            return HeadingInfo(
                level: headingLevel(of: id) ?? 1, id: headingID(of: id), text: plainText(of: id),
                position: position(of: id))
        }
    }
}

/// A heading as the table of contents needs it.
public struct HeadingInfo: Sendable, Hashable {
    /// 1 to 6.
    public var level: Int
    /// The `id` attribute (site mode), if any.
    public var id: String?
    /// The heading's plain text.
    public var text: String
    /// Where the heading starts.
    public var position: SourcePosition
}
