/// JSON without the whitespace between its tokens (what `minify` makes of a `.json` asset).
enum JSONWhitespace {
    /// `text` with spaces, tabs and line breaks outside strings removed; string contents (and
    /// their escapes) are kept byte for byte.
    static func removed(from text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var strings = JSONStringTracker()
        for byte in text.utf8 where strings.isInString(byte) || (byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) {
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
