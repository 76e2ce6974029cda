/// Parsing state shared by the block pass, the inline pass and the extensions:
/// the node arena, the text storage and the link reference definitions.
/// Where a line of block content starts: its text offset and its source line and column.
typealias LineEntry = (offset: Int32, line: Int32, column: Int32)

final class Parser {
    let options: MarkdownOptions
    @exclusivity(unchecked) var nodes = NodeArena()
    /// Whether the finished document took over `nodes` (otherwise they are freed with the parser).
    var handedOver = false
    /// The input. Text spans below `sourceCount` point into it: leaf content that lies in one
    /// piece in the source (most paragraphs and headings) is never copied.
    let source: [UInt8]
    let sourceCount: Int32
    /// Bytes made while parsing (content joined from several pieces, escaped text, destinations,
    /// titles): a span starting at `sourceCount + k` starts at `storage[k]`.
    @exclusivity(unchecked) var storage: [UInt8] = []
    /// Source line of each content line kept in place: (offset, line, column), sorted by offset.
    @exclusivity(unchecked) var sourceLineMap = Arena<LineEntry>()
    /// The same for content lines copied into `storage` (offsets from `sourceCount` up).
    @exclusivity(unchecked) var lineMap = Arena<LineEntry>()
    /// Where `lineEntries(for:)` found the last block's first entry in each map.
    @exclusivity(unchecked) var lineEntryHint = (source: 0, stored: 0)
    /// Link reference definitions by normalised label: (destination, title).
    var references: [[UInt8]: (TextSpan, TextSpan)] = [:]
    /// Block attributes (``MarkdownOptions/blockAttributes``) by node, as HTML (` id="a" class="b"`).
    var blockAttributes: [Int32: [UInt8]] = [:]
    /// The ids that heading attribute lists (`## Title {id="t"}`) give, by heading node.
    var headingAttributeIDs: [Int32: String] = [:]
    /// Footnote definitions by normalised label.
    var footnoteDefinitions: [[UInt8]: Int32] = [:]
    /// The footnote definition nodes and the footnote reference nodes in the order they were made,
    /// which is document order: blocks are made in the order they start, each block's inlines
    /// are parsed in the order of the blocks, and left to right. (Walking the tree for them read
    /// every node of the document once more.)
    var footnoteDefinitionNodes: [Int32] = []
    var footnoteReferenceNodes: [Int32] = []
    /// Bytes that reference links may still copy out of their definitions (destination plus title
    /// per use). As in cmark, the total is capped at the input's size, and at least 100,000, so one
    /// long definition used many times cannot blow a small input up quadratically; once the budget
    /// is spent, further references stay literal text.
    var referenceExpansionBudget = 100_000
    /// Quotes the typographer opened and has not closed yet: goldmark's unclosed counter, which
    /// lasts the whole document (its reset hook never runs), so `'` in one paragraph can close in another.
    var typographerQuotes = (single: 0, double: 0)

    init(options: MarkdownOptions, source: [UInt8]) {
        self.options = options
        self.source = source
        self.sourceCount = Int32(source.count)
    }

    deinit {
        if !handedOver { nodes.deallocate() }
        sourceLineMap.deallocate()
        lineMap.deallocate()
    }

    // MARK: - Arena

    @inline(__always)
    func makeNode(_ kind: NodeKind, line: Int32, column: Int32) -> Int32 {
        nodes.append(Node(kind: kind, line: line, column: column))
        return Int32(nodes.count - 1)
    }

    func appendChild(_ parent: Int32, _ child: Int32) {
        let p = Int(parent)
        let c = Int(child)
        nodes[c].parent = parent
        nodes[c].next = -1
        let last = nodes[p].lastChild
        nodes[c].previous = last
        if last >= 0 { nodes[Int(last)].next = child } else { nodes[p].firstChild = child }
        nodes[p].lastChild = child
    }

    func insertAfter(_ sibling: Int32, _ node: Int32) {
        let s = Int(sibling)
        let n = Int(node)
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
        let previous = nodes[n].previous
        let next = nodes[n].next
        let parent = nodes[n].parent
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

    /// The text offset of the next byte appended to `storage`.
    var storageEnd: Int32 { sourceCount + Int32(storage.count) }

    @inline(__always)
    func store(_ bytes: some Sequence<UInt8>) -> TextSpan {
        let start = storageEnd
        storage.append(contentsOf: bytes)
        return TextSpan(start: start, count: storageEnd - start)
    }

    /// The span from `start` (a `storageEnd` taken earlier) to the end of `storage`.
    @inline(__always)
    func spanSince(_ start: Int32) -> TextSpan { TextSpan(start: start, count: storageEnd - start) }

    func bytes(_ span: TextSpan) -> ArraySlice<UInt8> {
        span.start < sourceCount
            ? source[Int(span.start)..<span.end]
            : storage[Int(span.start - sourceCount)..<(span.end - Int(sourceCount))]
    }

    /// The byte at a text offset.
    @inline(__always)
    func byte(at offset: Int) -> UInt8 {
        offset < Int(sourceCount) ? source[offset] : storage[offset - Int(sourceCount)]
    }

    /// The source position of a text offset inside block content, searched among the line-map
    /// entries `range` (the whole map when nil; see `lineEntries(for:)`).
    func position(ofTextOffset offset: Int32, in range: Range<Int>? = nil) -> (line: Int32, column: Int32)? {
        let map = offset < sourceCount ? sourceLineMap : lineMap
        var lo = range?.lowerBound ?? 0
        var hi = range?.upperBound ?? map.count
        let first = lo
        while lo < hi {
            let mid = (lo + hi) / 2
            if map[mid].offset <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo > first else { return nil }
        let entry = map[lo - 1]
        return (entry.line, entry.column + (offset - entry.offset))
    }

    /// Entry `index` of the line map that holds `offset` (the source's or the storage's).
    func lineEntry(_ index: Int, forTextOffset offset: Int32) -> LineEntry {
        offset < sourceCount ? sourceLineMap[index] : lineMap[index]
    }

    /// The line-map entries that can hold the position of an offset in `span`: from the last entry
    /// at or before its start to the last before its end. A search among them gives what a search
    /// of the whole map gives, in a few steps.
    func lineEntries(for span: TextSpan) -> Range<Int> {
        let inSource = span.start < sourceCount
        let map = inSource ? sourceLineMap : lineMap
        // Blocks come in document order, mostly just after the previous one: try there first.
        var lo = 0
        var hi = map.count
        let hint = inSource ? lineEntryHint.source : lineEntryHint.stored
        if hint < map.count, map[hint].offset <= span.start {
            var k = hint + 1
            while k < map.count, k < hint + 8, map[k].offset <= span.start { k += 1 }
            lo = k
            if k == map.count || map[k].offset > span.start { hi = k }
        }
        while lo < hi {
            let mid = (lo + hi) / 2
            if map[mid].offset <= span.start { lo = mid + 1 } else { hi = mid }
        }
        let first = max(lo - 1, 0)
        var last = lo
        let end = Int32(span.end)
        while last < map.count, map[last].offset < end { last += 1 }
        // The next block starts after this one ends: at or after its last entry.
        let next = max(first, last - 1)
        if inSource { lineEntryHint.source = next } else { lineEntryHint.stored = next }
        return first..<last
    }

    /// Runs both passes and returns the finished document.
    func parseDocument() -> Document {
        referenceExpansionBudget = max(source.count, 100_000)
        // Untouched capacity costs address space, not memory: reserve enough that the arena rarely
        // has to be copied to grow (a copy briefly holds both).
        nodes.reserveCapacity(source.count / 8 + 16)
        storage.reserveCapacity(source.count / 4 + 64)
        source.withUnsafeBufferPointer { source in
            var blocks = BlockParser(parser: self, source: source)
            blocks.parse()
            blocks.pendingLines.deallocate()
        }
        if options.footnotes { registerFootnoteDefinitions() }
        parseInlines()
        if options.headingIDs { assignHeadingIDs() }
        if options.footnotes { orderFootnotes() }
        handedOver = true
        return Document(
            nodes: NodeBuffer(nodes), source: source, storage: storage, options: options,
            blockAttributes: blockAttributes, footnoteDefinitions: footnoteDefinitionNodes)
    }
}
