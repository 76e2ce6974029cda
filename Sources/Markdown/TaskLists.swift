/// GFM task list items: the `[ ]` or `[x]` marker is taken from the item's first paragraph.
extension Parser {
    /// `[ ]`, `[x]` or `[X]` and a space opening an item's first paragraph make the item a task.
    func takeTaskMarker(paragraph: Int32, _ span: TextSpan) -> TextSpan {
        let item = nodes[Int(paragraph)].parent
        guard nodes[Int(item)].kind == .item, nodes[Int(item)].firstChild == paragraph, span.count >= 4 else { return span }
        let b = Int(span.start)
        guard byte(at: b) == UInt8(ascii: "["), byte(at: b + 2) == UInt8(ascii: "]"),
            ASCII.isWhitespace(byte(at: b + 3))
        else { return span }
        let mark = byte(at: b + 1)
        guard mark == 0x20 || mark == UInt8(ascii: "x") || mark == UInt8(ascii: "X") else { return span }
        nodes[Int(item)].flags |= NodeFlags.task
        if mark != 0x20 { nodes[Int(item)].flags |= NodeFlags.checked }
        var rest = TextSpan(start: span.start + 3, count: span.count - 3)
        while rest.count > 0, ASCII.isSpaceOrTab(byte(at: Int(rest.start))) {
            rest.start += 1
            rest.count -= 1
        }
        return rest
    }
}
