/// GitHub alerts: a block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
/// `[!WARNING]` or `[!CAUTION]` becomes an ``NodeKind/alert``.
extension BlockParser {
    /// Called when a paragraph closes: if it opens a block quote with an alert marker, converts the quote.
    mutating func markAlert(_ paragraph: Int32) {
        let node = parser.nodes[Int(paragraph)]
        let quote = node.parent
        guard quote >= 0, parser.nodes[Int(quote)].kind == .blockQuote,
            parser.nodes[Int(quote)].firstChild == paragraph
        else { return }
        let content = parser.bytes(node.text)
        guard content.count >= 6, content.first == UInt8(ascii: "["),
            content[content.startIndex + 1] == UInt8(ascii: "!"),
            let close = content.firstIndex(of: UInt8(ascii: "]"))
        else { return }
        let word = String(decoding: content[(content.startIndex + 2)..<close], as: UTF8.self).uppercased()
        guard let kind = AlertKind.allCases.first(where: { $0.marker == word }) else { return }
        // Obsidian's callout syntax, as Hugo reads it: a fold sign and a title may follow the marker.
        var next = close + 1
        var sign: Int32 = 0
        if next < content.endIndex, content[next] == UInt8(ascii: "+") || content[next] == UInt8(ascii: "-") {
            sign = Int32(content[next])
            next += 1
        }
        while next < content.endIndex, ASCII.isSpaceOrTab(content[next]) { next += 1 }
        let titleStart = next
        while next < content.endIndex, content[next] != ASCII.newline { next += 1 }
        var titleEnd = next
        while titleEnd > titleStart, ASCII.isSpaceOrTab(content[titleEnd - 1]) { titleEnd -= 1 }
        if next < content.endIndex { next += 1 }
        parser.nodes[Int(quote)].kind = .alert
        parser.nodes[Int(quote)].value = kind.rawValue
        parser.nodes[Int(quote)].extra = sign
        parser.nodes[Int(quote)].text2 = TextSpan(
            start: node.text.start + Int32(titleStart - content.startIndex),
            count: Int32(titleEnd - titleStart))
        let consumed = Int32(next - content.startIndex)
        parser.nodes[Int(paragraph)].text.start += consumed
        parser.nodes[Int(paragraph)].text.count -= consumed
        if parser.nodes[Int(paragraph)].text.count == 0 { parser.unlink(paragraph) }
    }
}
