/// GFM extended autolinks: `www.example.com`, `https://example.com` and `user@example.com`
/// written without angle brackets.
extension InlineParser {
    mutating func parseExtendedAutolink(_ c: UInt8) -> Bool {
        guard parser.options.autolinks, brackets.isEmpty else { return false }
        switch c {
        case UInt8(ascii: "w"), UInt8(ascii: "W"): return parseWWWAutolink()
        case UInt8(ascii: ":"): return parseURLAutolink()
        case UInt8(ascii: "@"): return parseEmailAutolink()
        default: return false
        }
    }

    /// Whether `s[i]` is a byte that can be part of a host name (not space, not ASCII punctuation).
    func isHostByte(_ i: Int) -> Bool {
        let c = s[i]
        return !(ASCII.isWhitespace(c) || ASCII.isPunctuation(c))
    }

    /// The length of a valid domain at `start`, or 0.
    func domainLength(at start: Int, allowShort: Bool) -> Int {
        var i = start
        var periods = 0, underscoresLast = 0, underscoresBeforeLast = 0
        while i < end {
            let c = s[i]
            if c == UInt8(ascii: "_") {
                underscoresLast += 1
            } else if c == UInt8(ascii: ".") {
                if i + 1 >= end || !isHostByte(i + 1) { break }
                underscoresBeforeLast = underscoresLast
                underscoresLast = 0
                periods += 1
            } else if !isHostByte(i) && c != UInt8(ascii: "-") {
                break
            }
            i += 1
        }
        if underscoresLast > 0 || underscoresBeforeLast > 0 { return 0 }
        if i == start || (!allowShort && periods == 0) { return 0 }
        return i - start
    }

    /// Trims trailing punctuation, unbalanced `)` and entity-like `&name;` from a link ending at `stop`.
    func trimLinkEnd(_ start: Int, _ stop: Int) -> Int {
        var e = stop
        while e > start {
            let c = s[e - 1]
            if c == UInt8(ascii: "?") || c == UInt8(ascii: "!") || c == UInt8(ascii: ".") || c == UInt8(ascii: ",")
                || c == UInt8(ascii: ":") || c == UInt8(ascii: "*") || c == UInt8(ascii: "_") || c == UInt8(ascii: "~")
                || c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                e -= 1
            } else if c == UInt8(ascii: ";") {
                var k = e - 2
                while k > start, ASCII.isAlphanumeric(s[k]) { k -= 1 }
                if k < e - 2, k >= start, s[k] == UInt8(ascii: "&") { e = k } else { e -= 1 }
            } else if c == UInt8(ascii: ")") {
                var opening = 0, closing = 0
                for k in start..<e {
                    if s[k] == UInt8(ascii: "(") { opening += 1 } else if s[k] == UInt8(ascii: ")") { closing += 1 }
                }
                if closing <= opening { break }
                e -= 1
            } else {
                break
            }
        }
        return e
    }

    func linkRunEnd(from i: Int) -> Int {
        var e = i
        while e < end, !ASCII.isWhitespace(s[e]), s[e] != UInt8(ascii: "<") { e += 1 }
        return e
    }

    mutating func parseWWWAutolink() -> Bool {
        if pos > 0 {
            let b = s[pos - 1]
            guard ASCII.isWhitespace(b) || b == UInt8(ascii: "*") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~")
                || b == UInt8(ascii: "(") else { return false }
        }
        guard hasPrefix(s, pos, end, caseInsensitive: "www.") else { return false }
        let domain = domainLength(at: pos, allowShort: false)
        guard domain > 0 else { return false }
        let stop = trimLinkEnd(pos, linkRunEnd(from: pos + domain))
        guard stop > pos else { return false }
        makeExtendedLink(textStart: pos, textEnd: stop, prefix: "http://")
        pos = stop
        return true
    }

    /// How many bytes before `pos` are plain text nodes (delimiter runs included) taken straight
    /// from the subject.
    func precedingTextLength() -> Int {
        var total = 0
        var node = parser.nodes[Int(container)].lastChild
        var expectedEnd = Int(base) + pos
        while node >= 0 {
            let n = parser.nodes[Int(node)]
            guard n.kind == .text, n.text.end == expectedEnd else { break }
            total += Int(n.text.count)
            expectedEnd = Int(n.text.start)
            node = n.previous
        }
        return total
    }

    /// Removes the last `count` bytes of preceding text, dropping emptied nodes and their delimiters.
    mutating func unputText(_ count: Int) {
        var remaining = count
        while remaining > 0 {
            let last = parser.nodes[Int(container)].lastChild
            let length = Int(parser.nodes[Int(last)].text.count)
            if length > remaining {
                parser.nodes[Int(last)].text.count -= Int32(remaining)
                if lastDelimiter >= 0, delimiters[lastDelimiter].node == last { removeDelimiter(lastDelimiter) }
                return
            }
            remaining -= length
            if lastDelimiter >= 0, delimiters[lastDelimiter].node == last { removeDelimiter(lastDelimiter) }
            parser.unlink(last)
        }
    }

    mutating func parseURLAutolink() -> Bool {
        guard pos + 2 < end, s[pos + 1] == UInt8(ascii: "/"), s[pos + 2] == UInt8(ascii: "/") else { return false }
        let available = precedingTextLength()
        var rewind = 0
        while rewind < available, ASCII.isLetter(s[pos - rewind - 1]) { rewind += 1 }
        let schemeStart = pos - rewind
        let scheme = String(decoding: UnsafeBufferPointer(rebasing: s[schemeStart..<pos]), as: UTF8.self).lowercased()
        guard scheme == "http" || scheme == "https" || scheme == "ftp" else { return false }
        let domainStart = pos + 3
        guard domainStart < end else { return false }
        let domain = domainLength(at: domainStart, allowShort: true)
        guard domain > 0 else { return false }
        let stop = trimLinkEnd(schemeStart, linkRunEnd(from: domainStart + domain))
        guard stop > domainStart else { return false }
        unputText(rewind)
        makeExtendedLink(textStart: schemeStart, textEnd: stop, prefix: "")
        pos = stop
        return true
    }

    mutating func parseEmailAutolink() -> Bool {
        let available = precedingTextLength()
        var rewind = 0
        while rewind < available {
            let c = s[pos - rewind - 1]
            guard ASCII.isAlphanumeric(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "+")
                || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") else { break }
            rewind += 1
        }
        guard rewind > 0 else { return false }
        var e = pos + 1
        var periods = 0
        while e < end {
            let c = s[e]
            if ASCII.isAlphanumeric(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") {
                e += 1
            } else if c == UInt8(ascii: "."), e + 1 < end, ASCII.isAlphanumeric(s[e + 1]) {
                periods += 1
                e += 1
            } else {
                break
            }
        }
        guard e - pos >= 2, periods > 0 else { return false }
        let lastByte = s[e - 1]
        guard ASCII.isLetter(lastByte) || lastByte == UInt8(ascii: ".") else { return false }
        let stop = trimLinkEnd(pos, e)
        guard stop > pos + 1 else { return false }
        let start = pos - rewind
        unputText(rewind)
        makeExtendedLink(textStart: start, textEnd: stop, prefix: "mailto:")
        pos = stop
        return true
    }

    mutating func makeExtendedLink(textStart: Int, textEnd: Int, prefix: StaticString) {
        let link = append(.link, at: textStart)
        let start = parser.storage.count
        parser.storage.append(prefix)
        parser.storage.append(contentsOf: UnsafeBufferPointer(rebasing: s[textStart..<textEnd]))
        parser.nodes[Int(link)].text = TextSpan(start: Int32(start), count: Int32(parser.storage.count - start))
        let (line, column) = position(textStart)
        let text = parser.makeNode(.text, line: line, column: column)
        parser.nodes[Int(text)].text = TextSpan(start: base + Int32(textStart), count: Int32(textEnd - textStart))
        parser.appendChild(link, text)
    }
}
