/// Emphasis, strong emphasis, strikethrough and smart quotes: the delimiter stack.
extension InlineParser {
    mutating func handleDelimiter(_ c: UInt8) {
        let start = pos
        let isQuote = c == UInt8(ascii: "'") || c == UInt8(ascii: "\"")
        if isQuote {
            pos += 1
        } else {
            while pos < end, s[pos] == c { pos += 1 }
        }
        let count = pos - start
        let before: Unicode.Scalar = start == 0 ? "\n" : decodeScalar(before: start, s, 0)
        let after: Unicode.Scalar = pos >= end ? "\n" : decodeScalar(s, pos, end).0
        let afterSpace = after.isMarkdownWhitespace
        let beforeSpace = before.isMarkdownWhitespace
        let afterPunct = after.isMarkdownPunctuation
        let beforePunct = before.isMarkdownPunctuation
        let leftFlanking = !afterSpace && (!afterPunct || beforeSpace || beforePunct)
        let rightFlanking = !beforeSpace && (!beforePunct || afterSpace || afterPunct)
        var canOpen = leftFlanking
        var canClose = rightFlanking
        if c == UInt8(ascii: "_") {
            canOpen = leftFlanking && (!rightFlanking || beforePunct)
            canClose = rightFlanking && (!leftFlanking || afterPunct)
        } else if isQuote {
            canOpen = leftFlanking && !rightFlanking && before != "]" && before != ")"
            canClose = rightFlanking
        }
        let node: Int32
        if isQuote {
            let quote: String = c == UInt8(ascii: "'") ? "\u{2019}" : (canClose ? "\u{201D}" : "\u{201C}")
            node = appendStoredText(quote.utf8, at: start)
        } else {
            node = append(.text, at: start)
            parser.nodes[Int(node)].text = TextSpan(start: base + Int32(start), count: Int32(count))
        }
        if c == UInt8(ascii: "~"), count > 2 { return }
        if canOpen || canClose {
            let d = Delimiter(
                node: node, char: c, count: count, originalCount: count, canOpen: canOpen,
                canClose: canClose, previous: lastDelimiter, next: -1)
            delimiters.append(d)
            let index = delimiters.count - 1
            if lastDelimiter >= 0 { delimiters[lastDelimiter].next = index }
            lastDelimiter = index
        }
    }

    mutating func removeDelimiter(_ index: Int) {
        let d = delimiters[index]
        if d.next >= 0 { delimiters[d.next].previous = d.previous } else { lastDelimiter = d.previous }
        if d.previous >= 0 { delimiters[d.previous].next = d.next }
    }

    private func bottomIndex(_ d: Delimiter) -> Int {
        switch d.char {
        case UInt8(ascii: "\""): 0
        case UInt8(ascii: "'"): 1
        case UInt8(ascii: "~"): 2 + (d.originalCount == 2 ? 1 : 0)
        case UInt8(ascii: "_"): 4 + (d.canOpen ? 3 : 0) + d.originalCount % 3
        default: 10 + (d.canOpen ? 3 : 0) + d.originalCount % 3
        }
    }

    /// Matches openers and closers above `bottom` (a delimiter index, or -1 for all).
    mutating func processEmphasis(bottom: Int) {
        // Most paragraphs have no delimiter: no table to make.
        if lastDelimiter < 0 || lastDelimiter == bottom { return }
        // One slot per `bottomIndex` (on the stack: an array was allocated per paragraph).
        var openersBottom = SIMD16<Int>(repeating: bottom)
        // Find the first delimiter above the bottom.
        var closer = lastDelimiter
        while closer >= 0, delimiters[closer].previous != bottom { closer = delimiters[closer].previous }
        while closer >= 0 {
            let d = delimiters[closer]
            guard d.canClose else {
                closer = d.next
                continue
            }
            let slot = bottomIndex(d)
            var opener = d.previous
            var found = false
            while opener >= 0, opener != bottom, opener != openersBottom[slot] {
                let o = delimiters[opener]
                if o.canOpen, o.char == d.char {
                    if d.char == UInt8(ascii: "*") || d.char == UInt8(ascii: "_") {
                        let oddMatch =
                            (d.canOpen || o.canClose) && (o.originalCount + d.originalCount) % 3 == 0
                            && !(o.originalCount % 3 == 0 && d.originalCount % 3 == 0)
                        if !oddMatch {
                            found = true
                            break
                        }
                    } else if d.char == UInt8(ascii: "~") {
                        if o.originalCount == d.originalCount {
                            found = true
                            break
                        }
                    } else {
                        found = true
                        break
                    }
                }
                opener = o.previous
            }
            let oldCloser = closer
            switch d.char {
            case UInt8(ascii: "*"), UInt8(ascii: "_"):
                closer = found ? insertEmphasis(opener: opener, closer: closer) : d.next
            case UInt8(ascii: "~"):
                closer = d.next
                if found { insertStrikethrough(opener: opener, closer: oldCloser) }
            default:
                let right = d.char == UInt8(ascii: "'") ? "\u{2019}" : "\u{201D}"
                parser.nodes[Int(d.node)].text = parser.store(right.utf8)
                closer = d.next
                if found {
                    let left = d.char == UInt8(ascii: "'") ? "\u{2018}" : "\u{201C}"
                    parser.nodes[Int(delimiters[opener].node)].text = parser.store(left.utf8)
                    removeDelimiter(opener)
                    removeDelimiter(oldCloser)
                }
            }
            if !found {
                openersBottom[slot] = d.previous
                if !d.canOpen { removeDelimiter(oldCloser) }
            }
        }
        // Drop every delimiter above the bottom.
        while lastDelimiter >= 0, lastDelimiter != bottom { removeDelimiter(lastDelimiter) }
    }

    /// Wraps the nodes between an opener and a closer in emphasis; returns the next closer to try.
    private mutating func insertEmphasis(opener: Int, closer: Int) -> Int {
        let use = delimiters[closer].count >= 2 && delimiters[opener].count >= 2 ? 2 : 1
        delimiters[opener].count -= use
        delimiters[closer].count -= use
        let openerNode = delimiters[opener].node
        let closerNode = delimiters[closer].node
        parser.nodes[Int(openerNode)].text.count -= Int32(use)
        parser.nodes[Int(closerNode)].text.count -= Int32(use)
        parser.nodes[Int(closerNode)].text.start += Int32(use)
        var between = delimiters[closer].previous
        while between >= 0, between != opener {
            let previous = delimiters[between].previous
            removeDelimiter(between)
            between = previous
        }
        let o = parser.nodes[Int(openerNode)]
        let emphasis = parser.makeNode(
            use == 1 ? .emphasis : .strong, line: o.line,
            column: o.column + o.text.count)
        wrap(from: openerNode, to: closerNode, in: emphasis)
        if delimiters[opener].count == 0 {
            parser.unlink(openerNode)
            removeDelimiter(opener)
        }
        if delimiters[closer].count == 0 {
            let next = delimiters[closer].next
            parser.unlink(closerNode)
            removeDelimiter(closer)
            return next
        }
        return closer
    }

    private mutating func insertStrikethrough(opener: Int, closer: Int) {
        let openerNode = delimiters[opener].node
        let closerNode = delimiters[closer].node
        var between = delimiters[closer].previous
        while between >= 0, between != opener {
            let previous = delimiters[between].previous
            removeDelimiter(between)
            between = previous
        }
        let o = parser.nodes[Int(openerNode)]
        let strike = parser.makeNode(.strikethrough, line: o.line, column: o.column)
        wrap(from: openerNode, to: closerNode, in: strike)
        parser.unlink(openerNode)
        parser.unlink(closerNode)
        removeDelimiter(opener)
        removeDelimiter(closer)
    }

    /// Moves the siblings strictly between `first` and `last` into `wrapper`, placed after `first`.
    mutating func wrap(from first: Int32, to last: Int32, in wrapper: Int32) {
        var node = parser.nodes[Int(first)].next
        while node >= 0, node != last {
            let next = parser.nodes[Int(node)].next
            parser.unlink(node)
            parser.appendChild(wrapper, node)
            node = next
        }
        parser.insertAfter(first, wrapper)
    }
}
