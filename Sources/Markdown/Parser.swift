/// Parsing state shared by the block pass, the inline pass and the extensions:
/// the node arena, the text storage and the link reference definitions.
final class Parser {
    let options: MarkdownOptions
    @exclusivity(unchecked) var nodes: [Node] = []
    /// Literal bytes of all nodes (block contents, escaped text, destinations, titles).
    @exclusivity(unchecked) var storage: [UInt8] = []
    /// Source line of each stored content line: (storage offset, line, column), sorted by offset.
    @exclusivity(unchecked) var lineMap: [(offset: Int32, line: Int32, column: Int32)] = []
    /// Link reference definitions by normalised label: (destination, title).
    var references: [[UInt8]: (TextSpan, TextSpan)] = [:]
    /// Footnote definitions by normalised label.
    var footnoteDefinitions: [[UInt8]: Int32] = [:]
    /// Bytes that reference links may still copy out of their definitions (destination plus title
    /// per use). As in cmark, the total is capped at the input's size, and at least 100,000, so one
    /// long definition used many times cannot blow a small input up quadratically; once the budget
    /// is spent, further references stay literal text.
    var referenceExpansionBudget = 100_000
    /// Quotes the typographer opened and has not closed yet: goldmark's unclosed counter, which
    /// lasts the whole document (its reset hook never runs), so `'` in one paragraph can close in another.
    var typographerQuotes = (single: 0, double: 0)

    init(options: MarkdownOptions) {
        self.options = options
    }

    // MARK: - Arena

    @inline(__always)
    func makeNode(_ kind: NodeKind, line: Int32, column: Int32) -> Int32 {
        nodes.append(Node(kind: kind, line: line, column: column))
        return Int32(nodes.count - 1)
    }

    func appendChild(_ parent: Int32, _ child: Int32) {
        let p = Int(parent), c = Int(child)
        nodes[c].parent = parent
        nodes[c].next = -1
        let last = nodes[p].lastChild
        nodes[c].previous = last
        if last >= 0 { nodes[Int(last)].next = child } else { nodes[p].firstChild = child }
        nodes[p].lastChild = child
    }

    func insertAfter(_ sibling: Int32, _ node: Int32) {
        let s = Int(sibling), n = Int(node)
        let parent = nodes[s].parent
        let next = nodes[s].next
        nodes[n].parent = parent
        nodes[n].previous = sibling
        nodes[n].next = next
        nodes[s].next = node
        if next >= 0 { nodes[Int(next)].previous = node } else if parent >= 0 { nodes[Int(parent)].lastChild = node }
    }

    func unlink(_ node: Int32) {
        let n = Int(node)
        let previous = nodes[n].previous, next = nodes[n].next, parent = nodes[n].parent
        if previous >= 0 { nodes[Int(previous)].next = next } else if parent >= 0 { nodes[Int(parent)].firstChild = next }
        if next >= 0 { nodes[Int(next)].previous = previous } else if parent >= 0 { nodes[Int(parent)].lastChild = previous }
        nodes[n].parent = -1
        nodes[n].next = -1
        nodes[n].previous = -1
    }

    /// The definition of a reference link, unless the expansion budget is spent.
    func useReference(_ key: [UInt8]) -> (TextSpan, TextSpan)? {
        guard referenceExpansionBudget >= 0, let reference = references[key] else { return nil }
        referenceExpansionBudget -= Int(reference.0.count) + Int(reference.1.count)
        return referenceExpansionBudget >= 0 ? reference : nil
    }

    // MARK: - Storage

    @inline(__always)
    func store(_ bytes: some Sequence<UInt8>) -> TextSpan {
        let start = storage.count
        storage.append(contentsOf: bytes)
        return TextSpan(start: Int32(start), count: Int32(storage.count - start))
    }

    func bytes(_ span: TextSpan) -> ArraySlice<UInt8> {
        storage[Int(span.start)..<span.end]
    }

    /// The source position of a storage offset inside stored block content.
    func position(ofStorageOffset offset: Int32) -> (line: Int32, column: Int32)? {
        var lo = 0, hi = lineMap.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lineMap[mid].offset <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        let entry = lineMap[lo - 1]
        return (entry.line, entry.column + (offset - entry.offset))
    }

    /// Runs both passes and returns the finished document.
    func parseDocument(_ source: UnsafeBufferPointer<UInt8>) -> Document {
        referenceExpansionBudget = max(source.count, 100_000)
        storage.reserveCapacity(source.count + source.count / 8 + 64)
        nodes.reserveCapacity(source.count / 32 + 16)
        var blocks = BlockParser(parser: self, source: source)
        blocks.parse()
        if options.footnotes { registerFootnoteDefinitions() }
        parseInlines()
        if options.headingIDs { assignHeadingIDs() }
        if options.footnotes { orderFootnotes() }
        return Document(nodes: nodes, storage: storage, options: options)
    }
}
