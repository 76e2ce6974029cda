/// Smart punctuation: `--` and `---` become dashes and `...` an ellipsis (quotes are delimiters).
extension InlineParser {
    mutating func handleSmartDashOrDots(_ c: UInt8) {
        let start = pos
        if c == UInt8(ascii: ".") {
            if pos + 2 < end, s[pos + 1] == c, s[pos + 2] == c {
                appendStoredText("\u{2026}".utf8, at: start)
                pos += 3
            } else {
                literalByte()
            }
            return
        }
        while pos < end, s[pos] == c { pos += 1 }
        let count = pos - start
        guard count > 1 else {
            appendText(start, pos)
            return
        }
        var em = 0
        var en = 0
        if count % 3 == 0 {
            em = count / 3
        } else if count % 2 == 0 {
            en = count / 2
        } else if count % 3 == 2 {
            en = 1
            em = (count - 2) / 3
        } else {
            en = 2
            em = (count - 4) / 3
        }
        var bytes: [UInt8] = []
        for _ in 0..<em { bytes.append(contentsOf: "\u{2014}".utf8) }
        for _ in 0..<en { bytes.append(contentsOf: "\u{2013}".utf8) }
        appendStoredText(bytes, at: start)
    }
}
