#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The first pass: splits the source into lines and builds the block tree
/// (containers and leaves), following the CommonMark block-structure algorithm.
struct BlockParser {
    let parser: Parser
    let s: UnsafeBufferPointer<UInt8>
    var lineStart = 0
    var lineEnd = 0
    var lineNumber: Int32 = 0
    var offset = 0
    var column = 0
    var firstNonspace = 0
    var firstNonspaceColumn = 0
    var indent = 0
    var blank = false
    var partiallyConsumedTab = false
    /// The deepest open block.
    var tip: Int32 = 0
    /// The deepest block the current line continues.
    var lastMatched: Int32 = 0
    /// Content of the open leaf block, moved to storage when the leaf closes, unless it lies in
    /// one piece in the source (`inPlaceStart`): then it is not copied at all.
    var pending: [UInt8] = []
    /// Where the open leaf's content starts in the source while it is one piece there (-1 when it
    /// is empty or copied into `pending`), and where it ends.
    var inPlaceStart = -1
    var inPlaceEnd = 0
    /// Freed by `Parser.parseDocument` when the block pass ends.
    var pendingLines = Arena<LineEntry>()
    /// The offset where the last failed thematic-break scan failed (see `isThematicBreak`).
    var thematicBreakKill = -1
    /// Empty cells added so far to pad the open table's short rows to its width.
    var paddedTableCells = 0
    /// The cells of the last body row, kept so each row does not allocate an array.
    var rowCells: [(Int, Int)] = []
    /// The column alignments of the table `rowAlignmentsTable` (read from its header once).
    var rowAlignments: [Int32] = []
    var rowAlignmentsTable: Int32 = -1
    /// Closed lists and items whose last child ends with a blank line (see `endsWithBlankLine`).
    var blankBelow: Set<Int32> = []
    /// Whether the previous line was blank (a definition description after one is loose).
    var previousLineBlank = false

    init(parser: Parser, source: UnsafeBufferPointer<UInt8>) {
        self.parser = parser
        self.s = source
    }

    // MARK: - Driver

    mutating func parse() {
        let root = parser.makeNode(.document, line: 1, column: 1)
        parser.nodes[Int(root)].flags = NodeFlags.open
        tip = root
        var i = 0
        let n = s.count
        guard let base = s.baseAddress else { return finishAll() }
        // Line ends found with memchr: the next line feed, and the next carriage return (looked
        // for again only once passed; most documents have none).
        var nextCR = -1
        while i < n {
            if nextCR < i {
                nextCR = memchr(base + i, 0x0D, n - i).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? n
            }
            let lf = memchr(base + i, 0x0A, min(n, nextCR) - i).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base }
            var j = lf ?? min(n, nextCR)
            lineStart = i
            lineEnd = j
            processLine()
            if j < n, s[j] == 0x0D, j + 1 < n, s[j + 1] == 0x0A { j += 1 }
            i = j + 1
        }
        finishAll()
    }

    /// Whether a block can start with `c` as the first byte of a line that is not indented: every
    /// block start tested in `processLine` begins with one of these bytes.
    @inline(__always)
    static func mayStartBlock(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: ">"), UInt8(ascii: "#"), UInt8(ascii: "`"), UInt8(ascii: "~"), UInt8(ascii: "$"),
            UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: "-"), UInt8(ascii: "*"),
            UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: ":"), UInt8(ascii: "+"), UInt8(ascii: "|"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            false
        }
    }

    /// Closes every open block.
    mutating func finishAll() {
        while tip >= 0 { tip = finalize(tip) }
    }

    // MARK: - Line helpers

    @inline(__always)
    func peek(_ i: Int) -> UInt8 { i < lineEnd ? s[i] : 0x0A }

    func kind(_ node: Int32) -> NodeKind { parser.nodes[Int(node)].kind }

    mutating func findFirstNonspace() {
        var charsToTab = 4 - (column % 4)
        if firstNonspace <= offset {
            firstNonspace = offset
            firstNonspaceColumn = column
            while firstNonspace < lineEnd {
                let c = s[firstNonspace]
                if c == 0x20 {
                    firstNonspace += 1
                    firstNonspaceColumn += 1
                    charsToTab -= 1
                    if charsToTab == 0 { charsToTab = 4 }
                } else if c == 0x09 {
                    firstNonspace += 1
                    firstNonspaceColumn += charsToTab
                    charsToTab = 4
                } else {
                    break
                }
            }
        }
        indent = firstNonspaceColumn - column
        blank = firstNonspace >= lineEnd
    }

    mutating func advanceOffset(_ count: Int, columns: Bool) {
        var count = count
        while count > 0, offset < lineEnd {
            if s[offset] == 0x09 {
                let charsToTab = 4 - (column % 4)
                if columns {
                    partiallyConsumedTab = charsToTab > count
                    let advance = min(count, charsToTab)
                    column += advance
                    offset += partiallyConsumedTab ? 0 : 1
                    count -= advance
                } else {
                    partiallyConsumedTab = false
                    column += charsToTab
                    offset += 1
                    count -= 1
                }
            } else {
                partiallyConsumedTab = false
                offset += 1
                column += 1
                count -= 1
            }
        }
    }

    var lineColumn: Int32 { Int32(firstNonspace - lineStart + 1) }

    // MARK: - Tree building

    func canContain(_ parent: NodeKind, _ child: NodeKind) -> Bool {
        switch parent {
        case .document, .blockQuote, .item, .footnoteDefinition, .alert, .definitionDescription: child != .item
        case .list: child == .item
        case .definitionList: child == .definitionTerm || child == .definitionDescription
        default: false
        }
    }

    mutating func addChild(_ parent: Int32, _ kind: NodeKind, column: Int32) -> Int32 {
        while tip != lastMatched { tip = finalize(tip) }
        var parent = parent
        while !canContain(self.kind(parent), kind) { parent = finalize(parent) }
        let child = parser.makeNode(kind, line: lineNumber, column: column)
        parser.nodes[Int(child)].flags = NodeFlags.open
        parser.appendChild(parent, child)
        if kind == .paragraph || kind == .heading || kind == .codeBlock || kind == .htmlBlock || kind == .mathBlock {
            if !pending.isEmpty { pending.removeAll(keepingCapacity: true) }
            inPlaceStart = -1
            pendingLines.removeAll()
        }
        return child
    }

    mutating func addLine() {
        pendingLines.append((Int32(pendingCount), lineNumber, Int32(offset - lineStart + 1)))
        if partiallyConsumedTab {
            offset += 1
            let charsToTab = 4 - (column % 4)
            materializePending()
            for _ in 0..<charsToTab { pending.append(0x20) }
        }
        let a = min(offset, lineEnd)
        appendPending(a, lineEnd, newline: true)
    }

    /// The length of the open leaf's content so far.
    var pendingCount: Int { inPlaceStart >= 0 ? inPlaceEnd - inPlaceStart : pending.count }

    var pendingIsEmpty: Bool { inPlaceStart < 0 && pending.isEmpty }

    /// Adds `s[a..<b]`, then a line feed if `newline`, to the open leaf's content: in place while
    /// the content stays one piece of the source, copied otherwise.
    mutating func appendPending(_ a: Int, _ b: Int, newline: Bool) {
        if !newline || (b < s.count && s[b] == 0x0A) {
            let end = newline ? b + 1 : b
            if inPlaceStart >= 0 {
                if a == inPlaceEnd {
                    inPlaceEnd = end
                    return
                }
            } else if pending.isEmpty {
                inPlaceStart = a
                inPlaceEnd = end
                return
            }
        }
        materializePending()
        if b > a { pending.append(contentsOf: UnsafeBufferPointer(rebasing: s[a..<b])) }
        if newline { pending.append(0x0A) }
    }

    /// Copies content kept in place into `pending`, for edits or for content in several pieces.
    mutating func materializePending() {
        guard inPlaceStart >= 0 else { return }
        pending.append(contentsOf: UnsafeBufferPointer(rebasing: s[inPlaceStart..<inPlaceEnd]))
        inPlaceStart = -1
    }

    /// Moves the pending leaf content into storage (unless it is in place) and returns its span.
    mutating func flushPending() -> TextSpan {
        if inPlaceStart >= 0 {
            let base = Int32(inPlaceStart)
            for k in pendingLines.indices {
                let entry = pendingLines[k]
                parser.sourceLineMap.append((entry.offset + base, entry.line, entry.column))
            }
            let span = TextSpan(start: base, count: Int32(inPlaceEnd - inPlaceStart))
            inPlaceStart = -1
            pendingLines.removeAll()
            return span
        }
        let base = parser.storageEnd
        for k in pendingLines.indices {
            let entry = pendingLines[k]
            parser.lineMap.append((entry.offset + base, entry.line, entry.column))
        }
        let span = parser.store(pending)
        pending.removeAll(keepingCapacity: true)
        pendingLines.removeAll()
        return span
    }

    // MARK: - Per line

    mutating func processLine() {
        offset = lineStart
        column = 0
        firstNonspace = lineStart
        firstNonspaceColumn = 0
        indent = 0
        blank = false
        partiallyConsumedTab = false
        lineNumber += 1
        defer { previousLineBlank = blank }

        var container: Int32 = 0
        var allMatched = true
        // 1. Which open blocks does this line continue?
        while true {
            let last = parser.nodes[Int(container)].lastChild
            guard last >= 0, parser.nodes[Int(last)].has(NodeFlags.open) else { break }
            container = last
            findFirstNonspace()
            var matched = true
            switch kind(container) {
            case .blockQuote, .alert:
                if indent <= 3, peek(firstNonspace) == UInt8(ascii: ">") {
                    advanceOffset(firstNonspace + 1 - offset, columns: false)
                    if peek(offset) == 0x20 || peek(offset) == 0x09 { advanceOffset(1, columns: true) }
                } else {
                    matched = false
                }
            case .item:
                let node = parser.nodes[Int(container)]
                let width = Int(node.value + node.extra)
                if indent >= width {
                    advanceOffset(width, columns: true)
                } else if blank, node.firstChild >= 0 {
                    advanceOffset(firstNonspace - offset, columns: false)
                } else {
                    matched = false
                }
            case .footnoteDefinition:
                if indent >= 4 {
                    advanceOffset(4, columns: true)
                } else if blank {
                    advanceOffset(firstNonspace - offset, columns: false)
                } else {
                    matched = false
                }
            case .codeBlock:
                let node = parser.nodes[Int(container)]
                if node.has(NodeFlags.fenced) {
                    let fenceChar = UInt8(node.extra & 0xFF)
                    if indent <= 3, peek(firstNonspace) == fenceChar,
                        let length = closingFenceLength(at: firstNonspace, char: fenceChar),
                        length >= Int(node.value)
                    {
                        tip = finalize(container)
                        return
                    }
                    var i = Int(node.extra >> 8)
                    while i > 0, peek(offset) == 0x20 || peek(offset) == 0x09 {
                        advanceOffset(1, columns: true)
                        i -= 1
                    }
                } else if indent >= 4 {
                    advanceOffset(4, columns: true)
                } else if blank {
                    advanceOffset(firstNonspace - offset, columns: false)
                } else {
                    matched = false
                }
            case .mathBlock:
                if closesMathBlock(container) {
                    tip = finalize(container)
                    return
                }
            case .htmlBlock:
                let type = parser.nodes[Int(container)].value
                if blank, type == 6 || type == 7 { matched = false }
            case .paragraph:
                if blank { matched = false }
            case .table:
                // Past the padding limit the line is not a row: the table ends and the line
                // starts a paragraph (as in cmark-gfm).
                if blank || paddedTableCells > BlockParser.maxPaddedTableCells { matched = false }
            case .definitionDescription:
                let width = Int(parser.nodes[Int(container)].value)
                if indent >= width {
                    advanceOffset(width, columns: true)
                } else if blank {
                    advanceOffset(firstNonspace - offset, columns: false)
                } else {
                    matched = false
                }
            case .list, .definitionList:
                break
            default:
                matched = false
            }
            if !matched {
                container = parser.nodes[Int(container)].parent
                allMatched = false
                break
            }
        }
        lastMatched = container

        // goldmark's block attributes: the line gives its attributes to the block just above.
        if parser.options.blockAttributes, takeBlockAttributes(container) { return }

        // 2. Does it open new blocks?
        var maybeLazy = kind(tip) == .paragraph
        var lineConsumed = false
        newBlocks: while true {
            let containerKind = kind(container)
            if containerKind == .codeBlock || containerKind == .htmlBlock || containerKind == .mathBlock { break }
            findFirstNonspace()
            let indented = indent >= 4
            let c = peek(firstNonspace)
            // Most lines start with a byte that starts no block (a letter): none of the tests below.
            if !indented, !Self.mayStartBlock(c) { break }
            if !indented, c == UInt8(ascii: ">") {
                let start = lineColumn
                advanceOffset(firstNonspace + 1 - offset, columns: false)
                if peek(offset) == 0x20 || peek(offset) == 0x09 { advanceOffset(1, columns: true) }
                container = addChild(container, .blockQuote, column: start)
            } else if !indented, c == UInt8(ascii: "#"), let level = atxHeadingLevel(at: firstNonspace) {
                let start = lineColumn
                advanceOffset(firstNonspace + level - offset, columns: false)
                while peek(offset) == 0x20 || peek(offset) == 0x09 { advanceOffset(1, columns: false) }
                container = addChild(container, .heading, column: start)
                parser.nodes[Int(container)].value = Int32(level)
            } else if !indented, c == UInt8(ascii: "`") || c == UInt8(ascii: "~"),
                let length = openingFenceLength(at: firstNonspace)
            {
                container = addChild(container, .codeBlock, column: lineColumn)
                let fenceOffset = firstNonspace - offset
                advanceOffset(firstNonspace + length - offset, columns: false)
                openFence(container, char: c, length: length, fenceOffset: fenceOffset)
                lineConsumed = true
            } else if !indented, parser.options.math, c == UInt8(ascii: "$") || c == UInt8(ascii: "\\"),
                // On a line that would continue a list item's paragraph lazily the delimiters stay
                // in that paragraph (as goldmark's passthrough leaves them), inline display math.
                !(maybeLazy && !allMatched),
                let kindOfMath = mathBlockOpener(at: firstNonspace)
            {
                container = addChild(container, .mathBlock, column: lineColumn)
                container = openMathBlock(container, opener: kindOfMath)
                lineConsumed = true
                // The block took the whole line, even when it closed on it (then `container` is
                // its parent, and looking for more blocks would open one per remaining `$$`).
                break newBlocks
            } else if !indented, c == UInt8(ascii: "<"),
                let type = htmlBlockStart(
                    s, firstNonspace, lineEnd,
                    allowType7: !continuesParagraph(containerKind) && !maybeLazy)
            {
                container = addChild(container, .htmlBlock, column: lineColumn)
                parser.nodes[Int(container)].value = Int32(type)
            } else if !indented, containerKind == .paragraph,
                c == UInt8(ascii: "=") || c == UInt8(ascii: "-"),
                let level = setextLevel(at: firstNonspace)
            {
                if convertToSetextHeading(container, level: level) {
                    advanceOffset(lineEnd - offset, columns: false)
                }
                break newBlocks
            } else if !indented, !(containerKind == .paragraph && !allMatched),
                c == UInt8(ascii: "*") || c == UInt8(ascii: "-") || c == UInt8(ascii: "_"),
                isThematicBreak(at: firstNonspace)
            {
                container = addChild(container, .thematicBreak, column: lineColumn)
                advanceOffset(lineEnd - offset, columns: false)
            } else if !indented, parser.options.footnotes, c == UInt8(ascii: "["),
                let (label, length) = footnoteDefinitionStart(at: firstNonspace)
            {
                let start = lineColumn
                advanceOffset(firstNonspace + length - offset, columns: false)
                while peek(offset) == 0x20 || peek(offset) == 0x09 { advanceOffset(1, columns: true) }
                container = addChild(container, .footnoteDefinition, column: start)
                parser.footnoteDefinitionNodes.append(container)
                parser.nodes[Int(container)].text = parser.store(label)
            } else if parser.options.definitionLists, indent == 0, c == UInt8(ascii: ":"),
                let description = openDefinitionDescription(container)
            {
                container = description
            } else if !indented || containerKind == .list, indent < 4,
                let marker = listMarker(at: firstNonspace, interruptsParagraph: continuesParagraph(containerKind))
            {
                container = openListItem(container, marker: marker)
            } else if indented, !maybeLazy, !blank, !(containerKind == .table && parser.options.goldmarkTables) {
                advanceOffset(4, columns: true)
                container = addChild(container, .codeBlock, column: Int32(offset - lineStart + 1))
            } else if parser.options.tables, containerKind == .paragraph, !indented,
                let table = openTable(container)
            {
                container = table
                lineConsumed = true
                break newBlocks
            } else {
                break
            }
            let k = kind(container)
            if k == .paragraph || k == .heading || k == .codeBlock || k == .mathBlock { break }
            maybeLazy = false
        }

        // 3. Add the rest of the line to the right block.
        findFirstNonspace()
        if blank {
            let last = parser.nodes[Int(container)].lastChild
            if last >= 0 { parser.nodes[Int(last)].flags |= NodeFlags.lastLineBlank }
        }
        let ck = kind(container)
        let node = parser.nodes[Int(container)]
        let lastLineBlank =
            blank && ck != .blockQuote && ck != .alert && ck != .heading && ck != .thematicBreak
            && !(ck == .codeBlock && node.has(NodeFlags.fenced)) && ck != .mathBlock
            && !(ck == .item && node.firstChild < 0 && node.line == lineNumber)
        setLastLineBlank(container, lastLineBlank)
        var p = parser.nodes[Int(container)].parent
        while p >= 0 {
            parser.nodes[Int(p)].flags &= ~NodeFlags.lastLineBlank
            p = parser.nodes[Int(p)].parent
        }

        if tip != lastMatched, container == lastMatched, !blank, kind(tip) == .paragraph {
            addLine()
            return
        }
        while tip != lastMatched { tip = finalize(tip) }
        if lineConsumed {
            tip = container
            return
        }
        switch ck {
        case .codeBlock, .mathBlock:
            addLine()
        case .htmlBlock:
            addLine()
            if htmlBlockEnds(type: Int(node.value), s, firstNonspace, lineEnd) {
                container = finalize(container)
            }
        case .table:
            if !blank { addTableRow(container) }
        default:
            if blank {
                // Nothing to add.
            } else if ck == .paragraph || ck == .heading {
                if ck == .heading, !node.has(NodeFlags.setext) {
                    advanceOffset(firstNonspace - offset, columns: false)
                    addHeadingLine(container)
                } else {
                    advanceOffset(firstNonspace - offset, columns: false)
                    addLine()
                }
            } else {
                container = addChild(container, .paragraph, column: lineColumn)
                advanceOffset(firstNonspace - offset, columns: false)
                addLine()
            }
        }
        tip = container
    }

    mutating func setLastLineBlank(_ node: Int32, _ value: Bool) {
        if value {
            parser.nodes[Int(node)].flags |= NodeFlags.lastLineBlank
        } else {
            parser.nodes[Int(node)].flags &= ~NodeFlags.lastLineBlank
        }
    }

    /// Adds an ATX heading's text without its closing sequence of `#`, and (with heading ids) without
    /// a trailing attribute list such as `{id="a" .wide}`, which gives the heading its attributes as
    /// goldmark's heading attributes do. A plain `{#id}` is left to ``Parser/assignHeadingIDs()``.
    mutating func addHeadingLine(_ heading: Int32) {
        var end = lineEnd
        while end > offset, s[end - 1] == 0x20 || s[end - 1] == 0x09 { end -= 1 }
        var hashes = end
        while hashes > offset, s[hashes - 1] == UInt8(ascii: "#") { hashes -= 1 }
        if hashes < end {
            if hashes == offset {
                end = hashes
            } else if s[hashes - 1] == 0x20 || s[hashes - 1] == 0x09 {
                end = hashes
                while end > offset, s[end - 1] == 0x20 || s[end - 1] == 0x09 { end -= 1 }
            }
        }
        if parser.options.headingIDs, parser.options.headingAttributes, end > offset, s[end - 1] == UInt8(ascii: "}"),
            let open = (offset..<end).last(where: { s[$0] == UInt8(ascii: "{") }),
            !(open + 1 < end && s[open + 1] == UInt8(ascii: "#") && !s[open..<end].contains(0x20)),
            let attributes = BlockAttributes.parse(s, open, end)
        {
            if let id = attributes.id { parser.headingAttributeIDs[heading] = String(decoding: id, as: UTF8.self) }
            if !attributes.others.isEmpty { parser.blockAttributes[heading] = attributes.others }
            end = open
            while end > offset, s[end - 1] == 0x20 || s[end - 1] == 0x09 { end -= 1 }
        }
        pendingLines.append((Int32(pendingCount), lineNumber, Int32(offset - lineStart + 1)))
        appendPending(offset, max(offset, end), newline: false)
    }

    mutating func openListItem(_ container: Int32, marker: ListMarker) -> Int32 {
        var container = container
        let markerIndent = indent
        advanceOffset(firstNonspace + marker.length - offset, columns: false)
        let savedTab = partiallyConsumedTab
        let savedOffset = offset
        let savedColumn = column
        while column - savedColumn <= 5, peek(offset) == 0x20 || peek(offset) == 0x09 {
            advanceOffset(1, columns: true)
        }
        let spaces = column - savedColumn
        var padding: Int
        if spaces >= 5 || spaces < 1 || offset >= lineEnd {
            padding = marker.length + 1
            offset = savedOffset
            column = savedColumn
            partiallyConsumedTab = savedTab
            if spaces > 0 { advanceOffset(1, columns: true) }
        } else {
            padding = marker.length + spaces
        }
        if padding < 0 { padding = 0 }
        let start = lineColumn
        var sameList = false
        if kind(container) == .list {
            let list = parser.nodes[Int(container)]
            sameList = list.has(NodeFlags.ordered) == marker.ordered && list.extra == Int32(marker.char)
        }
        if !sameList {
            container = addChild(container, .list, column: start)
            parser.nodes[Int(container)].value = Int32(marker.start)
            parser.nodes[Int(container)].extra = Int32(marker.char)
            if marker.ordered { parser.nodes[Int(container)].flags |= NodeFlags.ordered }
        }
        container = addChild(container, .item, column: start)
        parser.nodes[Int(container)].value = Int32(markerIndent)
        parser.nodes[Int(container)].extra = Int32(padding)
        return container
    }

    mutating func openFence(_ node: Int32, char: UInt8, length: Int, fenceOffset: Int) {
        parser.nodes[Int(node)].flags |= NodeFlags.fenced
        parser.nodes[Int(node)].value = Int32(length)
        parser.nodes[Int(node)].extra = Int32(char) | Int32(fenceOffset) << 8
        var a = offset
        var b = lineEnd
        while a < b, s[a] == 0x20 || s[a] == 0x09 { a += 1 }
        while b > a, s[b - 1] == 0x20 || s[b - 1] == 0x09 { b -= 1 }
        parser.nodes[Int(node)].text2 = parser.storeUnescaped(UnsafeBufferPointer(rebasing: s[a..<b]))
    }

    /// Turns the paragraph into a setext heading unless it held only link reference definitions.
    mutating func convertToSetextHeading(_ paragraph: Int32, level: Int) -> Bool {
        var span = flushPending()
        span = parser.consumeReferenceDefinitions(span)
        if span.count == 0 {
            parser.nodes[Int(paragraph)].text = span
            return false
        }
        parser.nodes[Int(paragraph)].kind = .heading
        parser.nodes[Int(paragraph)].flags |= NodeFlags.setext
        parser.nodes[Int(paragraph)].value = Int32(level)
        parser.nodes[Int(paragraph)].text = span
        return true
    }

    // MARK: - Closing blocks

    /// Closes a block and returns its parent.
    /// Whether a line in a block of this kind continues it unless it may interrupt a paragraph:
    /// paragraphs, and goldmark's tables (read from a paragraph's lines).
    func continuesParagraph(_ kind: NodeKind) -> Bool {
        kind == .paragraph || (kind == .table && parser.options.goldmarkTables)
    }

    /// For a line that holds only `{…}` attributes: gives them to the open paragraph or table it
    /// would continue, or to the list, quote, heading or other block that ended on the line
    /// above, and closes that block. The line is used up (true) even when no block takes it.
    mutating func takeBlockAttributes(_ matched: Int32) -> Bool {
        findFirstNonspace()
        guard indent < 4, peek(firstNonspace) == UInt8(ascii: "{") else { return false }
        let kindMatched = kind(matched)
        guard ![.codeBlock, .htmlBlock, .mathBlock].contains(kindMatched),
            let html = BlockAttributes.html(s, firstNonspace, lineEnd)
        else { return false }
        var target: Int32 = -1
        if kindMatched == .paragraph || kindMatched == .table || kindMatched == .list {
            target = matched
        } else if !previousLineBlank {
            target = parser.nodes[Int(matched)].lastChild
        }
        // Close what this line does not continue, and the block it names.
        while tip != matched { tip = finalize(tip) }
        if target >= 0 {
            // A heading keeps the id it has (its table of contents entry links to it).
            parser.blockAttributes[target] =
                kind(target) == .heading
                ? BlockAttributes.html(s, firstNonspace, lineEnd, includingID: false) : html
            if target == matched { tip = finalize(matched) }
        }
        return true
    }

    mutating func finalize(_ block: Int32) -> Int32 {
        let b = Int(block)
        parser.nodes[b].flags &= ~NodeFlags.open
        let parent = parser.nodes[b].parent
        switch parser.nodes[b].kind {
        case .paragraph:
            let span = joinPending(block)
            let rest = parser.consumeReferenceDefinitions(span)
            parser.nodes[b].text = rest
            if rest.count == 0 {
                parser.unlink(block)
            } else if parser.options.alerts {
                markAlert(block)
            }
        case .heading:
            parser.nodes[b].text = joinPending(block)
        case .codeBlock:
            if parser.nodes[b].has(NodeFlags.fenced) {
                parser.nodes[b].text = flushPending()
            } else {
                trimTrailingBlankLines()
                parser.nodes[b].text = flushPending()
            }
        case .htmlBlock:
            parser.nodes[b].text = flushPending()
        case .mathBlock:
            materializePending()
            if pending.last == ASCII.newline { pending.removeLast() }
            parser.nodes[b].text = flushPending()
        case .list:
            finalizeList(block)
            noteBlankBelow(block)
        case .item:
            noteBlankBelow(block)
        default:
            break
        }
        return parent
    }

    /// Stores the pending content of a paragraph or heading (a setext heading stored it already).
    mutating func joinPending(_ block: Int32) -> TextSpan {
        let node = parser.nodes[Int(block)]
        if node.text.count > 0, pendingIsEmpty { return node.text }
        return flushPending()
    }

    mutating func trimTrailingBlankLines() {
        materializePending()
        var i = pending.count - 1
        while i >= 0, pending[i] == 0x20 || pending[i] == 0x09 || pending[i] == 0x0A { i -= 1 }
        if i < 0 {
            pending.removeAll(keepingCapacity: true)
            return
        }
        var j = i
        while j < pending.count, pending[j] != 0x0A { j += 1 }
        pending.removeSubrange(j...)
        pending.append(0x0A)
        while let last = pendingLines.last, Int(last.offset) >= pending.count { pendingLines.removeLast() }
    }

    mutating func finalizeList(_ list: Int32) {
        var tight = true
        var item = parser.nodes[Int(list)].firstChild
        outer: while item >= 0 {
            let itemNode = parser.nodes[Int(item)]
            if itemNode.has(NodeFlags.lastLineBlank), itemNode.next >= 0 {
                tight = false
                break
            }
            var sub = itemNode.firstChild
            while sub >= 0 {
                if endsWithBlankLine(sub), itemNode.next >= 0 || parser.nodes[Int(sub)].next >= 0 {
                    tight = false
                    break outer
                }
                sub = parser.nodes[Int(sub)].next
            }
            item = itemNode.next
        }
        if tight { parser.nodes[Int(list)].flags |= NodeFlags.tight }
    }

    /// Whether the block ends with a blank line: its own last line, or, for a list or an item, its
    /// last child's. A closed list or item remembers the answer for its last child (children close
    /// first and a closed block's children never change), so nested lists stay linear.
    func endsWithBlankLine(_ node: Int32) -> Bool {
        var n = node
        while n >= 0 {
            let current = parser.nodes[Int(n)]
            if current.has(NodeFlags.lastLineBlank) { return true }
            guard current.kind == .list || current.kind == .item else { return false }
            if !current.has(NodeFlags.open) { return blankBelow.contains(n) }
            n = current.lastChild
        }
        return false
    }

    /// Records, as a list or item closes, whether its last child ends with a blank line.
    mutating func noteBlankBelow(_ block: Int32) {
        let last = parser.nodes[Int(block)].lastChild
        if last >= 0, endsWithBlankLine(last) { blankBelow.insert(block) }
    }
}
