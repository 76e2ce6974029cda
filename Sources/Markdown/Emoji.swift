/// `:name:` emoji shortcodes as goldmark-emoji (Hugo's `enableEmoji`) reads them: a name of ASCII
/// letters, digits, `_`, `-` and `+` between two colons on one line, looked up in GitHub's table
/// (``emojiTableText``); an unknown name stays text. The emoji is a text node whose heading-id
/// text is the name, as in Hugo (`# Launch :rocket:` gets the id `launch-rocket`).
extension InlineParser {
    /// Tries an emoji shortcode at `pos` (a colon); false when there is none.
    mutating func handleEmoji() -> Bool {
        var i = pos + 1
        while i < end {
            let c = s[i]
            guard ASCII.isAlphanumeric(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") else { break }
            i += 1
        }
        guard i < end, s[i] == UInt8(ascii: ":"), i > pos + 1 else { return false }
        let name = String(decoding: UnsafeBufferPointer(rebasing: s[(pos + 1)..<i]), as: UTF8.self)
        guard let emoji = EmojiTable.characters[name] else { return false }
        let node = appendStoredText(emoji.utf8, at: pos)
        parser.nodes[Int(node)].text2 = parser.store(name.utf8)
        pos = i + 1
        return true
    }
}

/// The emoji table, read once from its generated text.
enum EmojiTable {
    static let characters: [String: String] = {
        var table: [String: String] = [:]
        for line in emojiTableText.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            var text = ""
            for hex in line[line.index(after: space)...].split(separator: "-") {
                if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
            }
            table[String(line[..<space])] = text
        }
        return table
    }()
}
