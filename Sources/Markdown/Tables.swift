/// GFM pipe tables: a header row (the paragraph's last line), a delimiter row, then body rows.
extension BlockParser {
    /// How many empty cells may pad a table's short rows before further lines stop being rows
    /// (cmark-gfm's limit, 0x80000): a wide header over many one-cell rows would otherwise turn a
    /// few kilobytes into hundreds of megabytes of `<td></td>`. The row that crosses the limit is
    /// still a row; the next line ends the table.
    static let maxPaddedTableCells = 0x80000

    /// Splits a row into trimmed cell ranges, honouring escaped pipes and optional outer pipes.
    func splitRow(_ a: Int, _ b: Int, in bytes: UnsafeBufferPointer<UInt8>) -> [(Int, Int)] {
        var cells: [(Int, Int)] = []
        Self.splitRow(a, b, in: bytes, into: &cells)
        return cells
    }

    /// Splits a row into `cells` (emptied first, its memory kept).
    static func splitRow(_ a: Int, _ b: Int, in bytes: UnsafeBufferPointer<UInt8>, into cells: inout [(Int, Int)]) {
        if !cells.isEmpty { cells.removeAll(keepingCapacity: true) }
        var i = a
        var end = b
        while i < end, ASCII.isSpaceOrTab(bytes[i]) { i += 1 }
        while end > i, ASCII.isWhitespace(bytes[end - 1]) { end -= 1 }
        if i < end, bytes[i] == UInt8(ascii: "|") {
            i += 1
            if i == end { return }
        }
        var cellStart = i
        var trailingPipe = false
        while i < end {
            let c = bytes[i]
            if c == UInt8(ascii: "\\"), i + 1 < end {
                i += 2
                continue
            }
            if c == UInt8(ascii: "|") {
                cells.append(trim(cellStart, i, bytes))
                cellStart = i + 1
                trailingPipe = i + 1 == end
            }
            i += 1
        }
        if !trailingPipe || cellStart < end { cells.append(trim(cellStart, end, bytes)) }
    }

    private static func trim(_ a: Int, _ b: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var a = a
        var b = b
        while a < b, ASCII.isSpaceOrTab(bytes[a]) { a += 1 }
        while b > a, ASCII.isSpaceOrTab(bytes[b - 1]) { b -= 1 }
        return (a, b)
    }

    /// The column alignments if the current line is a delimiter row.
    func delimiterRow() -> [TableAlignment]? {
        // Asked of every line that continues a paragraph: a row starts with `|`, `:` or `-`.
        let first = peek(firstNonspace)
        guard first == UInt8(ascii: "|") || first == UInt8(ascii: ":") || first == UInt8(ascii: "-") else { return nil }
        let cells = splitRow(firstNonspace, lineEnd, in: s)
        guard !cells.isEmpty else { return nil }
        var sawPipe = false
        for k in firstNonspace..<lineEnd where s[k] == UInt8(ascii: "|") { sawPipe = true }
        var alignments: [TableAlignment] = []
        for (a, b) in cells {
            var i = a
            var e = b
            guard i < e else { return nil }
            let left = s[i] == UInt8(ascii: ":")
            if left { i += 1 }
            let right = e > i && s[e - 1] == UInt8(ascii: ":")
            if right { e -= 1 }
            guard e > i else { return nil }
            for k in i..<e where s[k] != UInt8(ascii: "-") { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        if alignments.count == 1, !sawPipe { return nil }
        return alignments
    }

    /// Turns the open paragraph's last line into a table header if the current line is a delimiter row.
    mutating func openTable(_ paragraph: Int32) -> Int32? {
        guard let lastLine = pendingLines.last, let alignments = delimiterRow() else { return nil }
        materializePending()
        let header = Array(pending[Int(lastLine.offset)...])
        let headerCells = header.withUnsafeBufferPointer { splitRow(0, $0.count, in: $0) }
        guard headerCells.count == alignments.count else { return nil }
        pendingLines.removeLast()
        pending.removeSubrange(Int(lastLine.offset)...)
        let table = addChild(paragraph, .table, column: Int32(lastLine.column))
        paddedTableCells = 0
        parser.nodes[Int(table)].line = lastLine.line
        parser.nodes[Int(table)].value = Int32(alignments.count)
        let row = parser.makeNode(.tableRow, line: lastLine.line, column: lastLine.column)
        parser.nodes[Int(row)].flags |= NodeFlags.header
        parser.appendChild(table, row)
        header.withUnsafeBufferPointer { bytes in
            for (k, cell) in headerCells.enumerated() {
                addCell(
                    row, bytes, cell, alignment: alignments[k], line: lastLine.line,
                    column: lastLine.column + Int32(cell.0))
            }
        }
        return table
    }

    /// Adds the current line as a body row, padded or cut to the table's width.
    mutating func addTableRow(_ table: Int32) {
        let columns = Int(parser.nodes[Int(table)].value)
        var cells = rowCells
        rowCells = []
        defer { rowCells = cells }
        Self.splitRow(firstNonspace, lineEnd, in: s, into: &cells)
        let row = parser.makeNode(.tableRow, line: lineNumber, column: lineColumn)
        parser.appendChild(table, row)
        paddedTableCells += max(0, columns - cells.count)
        if rowAlignmentsTable != table {
            rowAlignmentsTable = table
            rowAlignments.removeAll(keepingCapacity: true)
            var cell = parser.nodes[Int(parser.nodes[Int(table)].firstChild)].firstChild
            while cell >= 0 {
                rowAlignments.append(parser.nodes[Int(cell)].value)
                cell = parser.nodes[Int(cell)].next
            }
        }
        for k in 0..<columns {
            let alignment = TableAlignment(rawValue: rowAlignments[k]) ?? .none
            if k < cells.count {
                addCell(
                    row, s, cells[k], alignment: alignment, line: lineNumber,
                    column: Int32(cells[k].0 - lineStart + 1))
            } else {
                addCell(row, s, (0, 0), alignment: alignment, line: lineNumber, column: lineColumn)
            }
        }
    }

    /// Stores a cell's content (with `\|` unescaped) for the inline pass.
    mutating func addCell(
        _ row: Int32, _ bytes: UnsafeBufferPointer<UInt8>, _ range: (Int, Int),
        alignment: TableAlignment, line: Int32, column: Int32
    ) {
        let cell = parser.makeNode(.tableCell, line: line, column: column)
        parser.nodes[Int(cell)].value = alignment.rawValue
        parser.appendChild(row, cell)
        let start = parser.storageEnd
        parser.lineMap.append((start, line, column))
        // Runs between escaped pipes are appended whole.
        var i = range.0
        var runStart = i
        while i < range.1 {
            if bytes[i] == UInt8(ascii: "\\"), i + 1 < range.1, bytes[i + 1] == UInt8(ascii: "|") {
                parser.storage.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                runStart = i + 1
                i += 1
            }
            i += 1
        }
        if range.1 > runStart { parser.storage.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<range.1])) }
        parser.nodes[Int(cell)].text = parser.spanSince(start)
    }
}
