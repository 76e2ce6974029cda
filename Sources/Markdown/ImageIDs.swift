/// Image ids (site mode): `![alt](a.png){#fig-a}`, or `{#fig-a}` alone on the line after an image when it
/// ends the paragraph, gives the image an `id`. Anything else after an image stays text.
extension InlineParser {
    /// Reads a `{#id}` that follows the image closed just before `pos`; stores it on `image` and moves past it.
    mutating func takeImageID(for image: Int32) {
        guard let (idStart, idEnd, next) = scanImageID(from: pos) else { return }
        parser.nodes[Int(image)].imageID = TextSpan(start: base + Int32(idStart), count: Int32(idEnd - idStart))
        pos = next
    }

    /// The id's bounds and the index after the attribute, for `{#id}` at `start`, or on the next line when
    /// nothing else follows it in the subject (whose trailing white space is already trimmed).
    func scanImageID(from start: Int) -> (Int, Int, Int)? {
        var brace = start
        var mustEnd = false
        if brace < end, s[brace] != UInt8(ascii: "{") {
            while brace < end, ASCII.isSpaceOrTab(s[brace]) { brace += 1 }
            guard brace < end, s[brace] == ASCII.newline else { return nil }
            brace += 1
            while brace < end, ASCII.isSpaceOrTab(s[brace]) { brace += 1 }
            mustEnd = true
        }
        guard brace + 3 < end, s[brace] == UInt8(ascii: "{"), s[brace + 1] == UInt8(ascii: "#") else { return nil }
        let idStart = brace + 2
        guard ASCII.isLetter(s[idStart]) || s[idStart] >= 0x80 else { return nil }
        var idEnd = idStart + 1
        while idEnd < end, Self.isIDByte(s[idEnd]) { idEnd += 1 }
        guard idEnd < end, s[idEnd] == UInt8(ascii: "}") else { return nil }
        let next = idEnd + 1
        guard !mustEnd || next == end else { return nil }
        return (idStart, idEnd, next)
    }

    /// Letters, digits, `-`, `_`, `:`, `.` and any non-ASCII byte.
    private static func isIDByte(_ c: UInt8) -> Bool {
        ASCII.isAlphanumeric(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") || c == UInt8(ascii: ":")
            || c == UInt8(ascii: ".") || c >= 0x80
    }
}
