/// Links, images and footnote references: the bracket stack and `]` handling.
extension InlineParser {
    mutating func pushBracket(node: Int32, position: Int, isImage: Bool) {
        if !brackets.isEmpty { brackets[brackets.count - 1].bracketAfter = true }
        brackets.append(Bracket(node: node, position: position, isImage: isImage, delimiterBottom: lastDelimiter))
    }

    mutating func handleCloseBracket() {
        let closeAt = pos
        pos += 1
        guard let opener = brackets.last else {
            appendText(closeAt, pos)
            return
        }
        guard opener.active else {
            brackets.removeLast()
            appendText(closeAt, pos)
            return
        }
        let afterLabel = pos
        var destination = TextSpan.empty
        var title = TextSpan.empty
        var matched = false

        // An inline link: `(destination "title")`.
        if pos < end, s[pos] == UInt8(ascii: "(") {
            var j = pos + 1
            while j < end, ASCII.isWhitespace(s[j]) { j += 1 }
            if let dest = scanLinkDestination(s, j, end, allowEmpty: true) {
                let afterDestination = dest.next
                j = afterDestination
                while j < end, ASCII.isWhitespace(s[j]) { j += 1 }
                var titlePart: ScannedPart?
                if j > afterDestination, let t = scanLinkTitle(s, j, end) {
                    titlePart = t
                    j = t.next
                    while j < end, ASCII.isWhitespace(s[j]) { j += 1 }
                }
                if j < end, s[j] == UInt8(ascii: ")") {
                    destination = parser.storeUnescaped(UnsafeBufferPointer(rebasing: s[dest.start..<dest.end]))
                    if let t = titlePart {
                        title = parser.storeUnescaped(UnsafeBufferPointer(rebasing: s[t.start..<t.end]))
                    }
                    pos = j + 1
                    matched = true
                }
            }
        }

        // A reference link: full `[label]`, collapsed `[]` or shortcut.
        if !matched {
            var key: [UInt8] = []
            var next = afterLabel
            if let label = scanLinkLabel(s, afterLabel, end), label.end > label.start {
                key = normalizeLabel(s, label.start, label.end)
                next = label.next
            } else if !opener.bracketAfter, closeAt - opener.position <= 999 {
                key = normalizeLabel(s, opener.position, closeAt)
                if afterLabel + 1 < end, s[afterLabel] == UInt8(ascii: "["), s[afterLabel + 1] == UInt8(ascii: "]") {
                    next = afterLabel + 2
                }
            }
            if let reference = key.isEmpty ? nil : parser.useReference(key) {
                destination = reference.0
                title = reference.1
                pos = next
                matched = true
            } else if parser.options.footnotes, makeFootnoteReference(opener: opener, closeAt: closeAt) {
                return
            }
        }

        guard matched else {
            brackets.removeLast()
            pos = afterLabel
            appendText(closeAt, afterLabel)
            return
        }

        let openerNode = parser.nodes[Int(opener.node)]
        let link = parser.makeNode(opener.isImage ? .image : .link, line: openerNode.line, column: openerNode.column)
        parser.nodes[Int(link)].text = destination
        parser.nodes[Int(link)].text2 = title
        wrapToEnd(after: opener.node, in: link)
        if opener.isImage, parser.options.imageIDs { takeImageID(for: link) }
        processEmphasis(bottom: opener.delimiterBottom)
        parser.unlink(opener.node)
        brackets.removeLast()
        if !opener.isImage {
            // Links may not contain links: deactivate earlier `[` openers (stopping at one already
            // inactive, as everything below it is too).
            var k = brackets.count - 1
            while k >= 0 {
                if !brackets[k].isImage {
                    if !brackets[k].active { break }
                    brackets[k].active = false
                }
                k -= 1
            }
        }
    }

    /// Moves every sibling after `first` into `wrapper`, placed after `first`.
    mutating func wrapToEnd(after first: Int32, in wrapper: Int32) {
        var node = parser.nodes[Int(first)].next
        while node >= 0 {
            let next = parser.nodes[Int(node)].next
            parser.unlink(node)
            parser.appendChild(wrapper, node)
            node = next
        }
        parser.insertAfter(first, wrapper)
    }

    /// `[^label]` naming a defined footnote becomes a footnote reference.
    mutating func makeFootnoteReference(opener: Bracket, closeAt: Int) -> Bool {
        let start = opener.position
        guard closeAt - start >= 2, s[start] == UInt8(ascii: "^") else { return false }
        let key = normalizeLabel(s, start + 1, closeAt)
        guard !key.isEmpty, parser.footnoteDefinitions[key] != nil else { return false }
        // Any delimiters inside the brackets are plain text now.
        while lastDelimiter >= 0, lastDelimiter != opener.delimiterBottom { removeDelimiter(lastDelimiter) }
        var node = parser.nodes[Int(opener.node)].next
        while node >= 0 {
            let next = parser.nodes[Int(node)].next
            parser.unlink(node)
            node = next
        }
        let openerNode = parser.nodes[Int(opener.node)]
        let reference = parser.makeNode(.footnoteReference, line: openerNode.line, column: openerNode.column)
        parser.footnoteReferenceNodes.append(reference)
        parser.nodes[Int(reference)].text = parser.store(key)
        parser.insertAfter(opener.node, reference)
        if opener.isImage {
            // `![^1]` is a "!" followed by the reference.
            parser.nodes[Int(opener.node)].text.count = 1
        } else {
            parser.unlink(opener.node)
        }
        brackets.removeLast()
        return true
    }
}
