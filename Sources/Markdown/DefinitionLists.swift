/// goldmark's definition lists (Hugo turns the extension on by default):
///
///     Term one
///     Term two
///     : A definition.
///
/// A line that starts with `:` and a space or tab, at no indent, right after a paragraph makes each line
/// of that paragraph a term and opens a description; more `:` lines add descriptions to the same list,
/// and a paragraph followed by `:` right after a list adds terms to it. A description holds blocks
/// indented as far as its text (lazy paragraph continuation applies). It is tight unless a blank line
/// comes before its `:`; a tight description's first paragraph renders without `<p>`.
extension BlockParser {
    /// Opens a description for the `:` at `firstNonspace`, or returns `nil` when the line does not start one.
    mutating func openDefinitionDescription(_ container: Int32) -> Int32? {
        // One or more columns of space after the colon (goldmark: at most 4 count when 8 or more follow,
        // as for an indented code block inside).
        var j = firstNonspace + 1
        var width = 0
        var col = firstNonspaceColumn + 1
        while j < lineEnd, s[j] == 0x20 || s[j] == 0x09 {
            let w = s[j] == 0x09 ? 4 - (col % 4) : 1
            width += w
            col += w
            j += 1
        }
        guard width >= 1 else { return nil }
        if width >= 8 { width = 5 }

        var list: Int32 = -1
        var paragraph: Int32 = -1
        switch kind(container) {
        case .paragraph:
            paragraph = container
        case .definitionList:
            list = container
        default:
            let last = parser.nodes[Int(container)].lastChild
            guard last >= 0 else { return nil }
            switch kind(last) {
            case .paragraph: paragraph = last
            case .definitionList: list = last
            default: return nil
            }
        }

        if paragraph >= 0 {
            while tip != lastMatched { tip = finalize(tip) }
            if parser.nodes[Int(paragraph)].has(NodeFlags.open) { tip = finalize(paragraph) }
            let node = parser.nodes[Int(paragraph)]
            let parent = node.parent
            guard parent >= 0 else { return nil }  // only reference definitions: no terms
            let previous = node.previous
            parser.unlink(paragraph)
            if previous >= 0, kind(previous) == .definitionList {
                list = previous
            } else {
                list = parser.makeNode(.definitionList, line: node.line, column: node.column)
                parser.appendChild(parent, list)
            }
            addTerms(from: node.text, line: node.line, column: node.column, to: list)
        } else {
            while tip != lastMatched { tip = finalize(tip) }
            while tip != list, tip >= 0, tip != parser.nodes[Int(list)].parent { tip = finalize(tip) }
        }
        parser.nodes[Int(list)].flags |= NodeFlags.open
        let description = parser.makeNode(.definitionDescription, line: lineNumber, column: lineColumn)
        parser.nodes[Int(description)].flags = NodeFlags.open | (previousLineBlank ? 0 : NodeFlags.tight)
        parser.nodes[Int(description)].value = Int32(1 + width)
        parser.appendChild(list, description)
        advanceOffset(1, columns: false)
        advanceOffset(width, columns: true)
        tip = description
        lastMatched = description
        return description
    }

    /// One term per line of a paragraph's text.
    private mutating func addTerms(from text: TextSpan, line: Int32, column: Int32, to list: Int32) {
        var start = Int(text.start)
        let end = text.end
        var termLine = line
        while start < end {
            var stop = start
            while stop < end, parser.byte(at: stop) != 0x0A { stop += 1 }
            let term = parser.makeNode(.definitionTerm, line: termLine, column: termLine == line ? column : 1)
            parser.nodes[Int(term)].text = TextSpan(start: Int32(start), count: Int32(stop - start))
            parser.appendChild(list, term)
            start = stop + 1
            termLine += 1
        }
    }
}
