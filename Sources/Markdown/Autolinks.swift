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
    ///
    /// Where a scan stops depends only on the bytes, not on where it started, so a scan from
    /// inside the last scanned run stops at the same byte: the run's last two periods and last
    /// underscores are remembered and such a start is answered without scanning again (otherwise
    /// `www.a_www.a_…`, every `w` after an `_` a candidate, is quadratic).
    mutating func domainLength(at start: Int, allowShort: Bool) -> Int {
        if start < domainScan.start || start >= domainScan.stop { scanDomain(from: start) }
        let scan = domainScan
        let i = scan.stop
        // The last segment runs from the last period (or the start) to the stop; the one before
        // it from the period before (or the start) to the last period.
        let lastPeriod = scan.lastPeriod >= start ? scan.lastPeriod : -1
        let periodBefore = scan.periodBefore >= start ? scan.periodBefore : -1
        if scan.lastUnderscore >= max(start, lastPeriod + 1) { return 0 }
        if lastPeriod >= 0, scan.underscoreBeforeLastPeriod >= max(start, periodBefore + 1) { return 0 }
        if i == start || (!allowShort && lastPeriod < 0) { return 0 }
        return i - start
    }

    /// Scans a run of domain bytes from `start`, recording where it stops and its last periods and
    /// underscores.
    mutating func scanDomain(from start: Int) {
        var scan = DomainScan(start: start, stop: start)
        var i = start
        while i < end {
            let c = s[i]
            if c == UInt8(ascii: "_") {
                scan.lastUnderscore = i
            } else if c == UInt8(ascii: ".") {
                if i + 1 >= end || !isHostByte(i + 1) { break }
                scan.underscoreBeforeLastPeriod = scan.lastUnderscore
                scan.periodBefore = scan.lastPeriod
                scan.lastPeriod = i
            } else if !isHostByte(i) && c != UInt8(ascii: "-") {
                break
            }
            i += 1
        }
        scan.stop = i
        domainScan = scan
    }

    /// Trims trailing punctuation, unbalanced `)` and entity-like `&name;` from a link ending at `stop`.
    func trimLinkEnd(_ start: Int, _ stop: Int) -> Int {
        var e = stop
        var parentheses: (opening: Int, closing: Int)?
        while e > start {
            let c = s[e - 1]
            if c == UInt8(ascii: "?") || c == UInt8(ascii: "!") || c == UInt8(ascii: ".") || c == UInt8(ascii: ",")
                || c == UInt8(ascii: ":") || c == UInt8(ascii: "*") || c == UInt8(ascii: "_") || c == UInt8(ascii: "~")
                || c == UInt8(ascii: "'") || c == UInt8(ascii: "\"")
            {
                e -= 1
            } else if c == UInt8(ascii: ";") {
                var k = e - 2
                while k > start, ASCII.isAlphanumeric(s[k]) { k -= 1 }
                if k < e - 2, k >= start, s[k] == UInt8(ascii: "&") { e = k } else { e -= 1 }
            } else if c == UInt8(ascii: ")") {
                // Counted once per link, then kept up to date as `)` are trimmed (recounting for
                // each trailing `)` was quadratic).
                if parentheses == nil {
                    var opening = 0
                    var closing = 0
                    for k in start..<e {
                        if s[k] == UInt8(ascii: "(") { opening += 1 } else if s[k] == UInt8(ascii: ")") { closing += 1 }
                    }
                    parentheses = (opening, closing)
                }
                if let (opening, closing) = parentheses {
                    if closing <= opening { break }
                    parentheses = (opening, closing - 1)
                }
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
        if parser.options.goldmarkLinkify {
            guard atGoldmarkLinkBoundary(pos) else { return false }
        } else if pos > 0 {
            let b = s[pos - 1]
            guard
                ASCII.isWhitespace(b) || b == UInt8(ascii: "*") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~")
                    || b == UInt8(ascii: "(")
            else { return false }
        }
        guard hasPrefix(s, pos, end, caseInsensitive: "www.") else { return false }
        if parser.options.goldmarkLinkify {
            guard s[pos + 1] == UInt8(ascii: "w"), s[pos] == UInt8(ascii: "w"), s[pos + 2] == UInt8(ascii: "w"),
                let stop = goldmarkLinkEnd(from: pos, afterPrefix: pos + 4, www: true)
            else { return false }
            makeExtendedLink(textStart: pos, textEnd: stop, prefix: parser.options.linkifyHTTPS ? "https://" : "http://")
            pos = stop
            return true
        }
        let domain = domainLength(at: pos, allowShort: false)
        guard domain > 0 else { return false }
        let stop = trimLinkEnd(pos, linkRunEnd(from: pos + domain))
        guard stop > pos else { return false }
        makeExtendedLink(textStart: pos, textEnd: stop, prefix: "http://")
        pos = stop
        return true
    }

    /// How many bytes before `pos` are plain text nodes (delimiter runs included) taken straight
    /// from the subject, counting no further than `limit` (so a rewind of a few bytes does not walk
    /// back over every text node of the paragraph).
    func precedingTextLength(upTo limit: Int) -> Int {
        var total = 0
        var node = parser.nodes[Int(container)].lastChild
        var expectedEnd = Int(base) + pos
        while node >= 0, total < limit {
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
        // Only `http`, `https` and `ftp` are schemes: six letters are already too many.
        let available = precedingTextLength(upTo: 6)
        var rewind = 0
        while rewind < min(available, 6), ASCII.isLetter(s[pos - rewind - 1]) { rewind += 1 }
        let schemeStart = pos - rewind
        let scheme = String(decoding: UnsafeBufferPointer(rebasing: s[schemeStart..<pos]), as: UTF8.self).lowercased()
        guard scheme == "http" || scheme == "https" || scheme == "ftp" else { return false }
        let domainStart = pos + 3
        if parser.options.goldmarkLinkify {
            let written = String(decoding: UnsafeBufferPointer(rebasing: s[schemeStart..<pos]), as: UTF8.self)
            guard written == scheme, atGoldmarkLinkBoundary(schemeStart),
                let stop = goldmarkLinkEnd(from: schemeStart, afterPrefix: domainStart, www: false)
            else { return false }
            unputText(rewind)
            makeExtendedLink(textStart: schemeStart, textEnd: stop, prefix: "")
            pos = stop
            return true
        }
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
        // The local part's bytes first (each byte is read by at most one `@`: the next one stops
        // at this `@`), then whether text nodes cover them.
        var rewind = 0
        while rewind < pos {
            let c = s[pos - rewind - 1]
            guard
                ASCII.isAlphanumeric(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "+")
                    || c == UInt8(ascii: "-") || c == UInt8(ascii: "_")
            else { break }
            rewind += 1
        }
        rewind = min(rewind, precedingTextLength(upTo: rewind))
        guard rewind > 0 else { return false }
        if parser.options.goldmarkLinkify, !atGoldmarkLinkBoundary(pos - rewind) { return false }
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
        if parser.options.goldmarkLinkify, stop < end, s[stop] == UInt8(ascii: "-") || s[stop] == UInt8(ascii: "_") {
            return false
        }
        let start = pos - rewind
        unputText(rewind)
        makeExtendedLink(textStart: start, textEnd: stop, prefix: "mailto:")
        pos = stop
        return true
    }

    /// goldmark's linkify starts a link only at the start of a line, after a space, `*`, `_`, `~` or `(`
    /// (so not after `：` or `x:`), or right after a typographer's substitution (`"https://…` with
    /// the quote made curly).
    func atGoldmarkLinkBoundary(_ i: Int) -> Bool {
        guard i > 0, i != typographerEnd else { return true }
        let b = s[i - 1]
        return ASCII.isWhitespace(b) || b == UInt8(ascii: "*") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~")
            || b == UInt8(ascii: "(")
    }

    /// The end of a link goldmark's linkify finds at `start` (its URL and www regular expressions, ASCII
    /// only: `[-a-zA-Z0-9@:%._+~#=]+\.[a-z]+(:\d+)?([/#?][…]*)?`, then its trimming of a final `.`,
    /// unbalanced `)`, an entity, and trailing `?!.,:*_~`); nil when there is none.
    func goldmarkLinkEnd(from start: Int, afterPrefix: Int, www: Bool) -> Int? {
        func isDomainByte(_ c: UInt8) -> Bool {
            ASCII.isAlphanumeric(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: "@") || c == UInt8(ascii: ":")
                || c == UInt8(ascii: "%") || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: "+")
                || c == UInt8(ascii: "~") || c == UInt8(ascii: "#") || c == UInt8(ascii: "=")
        }
        func isLower(_ c: UInt8) -> Bool { c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") }
        func isPathByte(_ c: UInt8) -> Bool {
            if ASCII.isAlphanumeric(c) { return true }
            switch c {
            case UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: ":"), UInt8(ascii: "%"), UInt8(ascii: "_"),
                UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "#"), UInt8(ascii: "!"),
                UInt8(ascii: "?"), UInt8(ascii: "&"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "("),
                UInt8(ascii: ")"), UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "'"), UInt8(ascii: "\""),
                UInt8(ascii: ">"), UInt8(ascii: "^"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["),
                UInt8(ascii: "]"), UInt8(ascii: "`"):
                return true
            case UInt8(ascii: "$"): return !www
            default: return false
            }
        }
        var run = afterPrefix
        while run < end, run - afterPrefix < 256, isDomainByte(s[run]) { run += 1 }
        // The last `.` followed by a lowercase letter, with at least one domain byte before it.
        var dot = run - 1
        while dot > afterPrefix, !(s[dot] == UInt8(ascii: ".") && dot + 1 < end && isLower(s[dot + 1])) { dot -= 1 }
        guard dot > afterPrefix else { return nil }
        var e = dot + 1
        while e < end, isLower(s[e]) { e += 1 }
        if !www, e + 1 < end, s[e] == UInt8(ascii: ":"), ASCII.isDigit(s[e + 1]) {
            e += 1
            while e < end, ASCII.isDigit(s[e]) { e += 1 }
        }
        if e < end, s[e] == UInt8(ascii: "/") || s[e] == UInt8(ascii: "#") || s[e] == UInt8(ascii: "?") {
            e += 1
            while e < end, isPathByte(s[e]) { e += 1 }
        }
        // Trailing punctuation first, then an unbalanced `)` or an entity at the end (Hugo 0.168:
        // `(https://a.com/x), y` and `https://a.com/x). z` both end the link before the `)`).
        while e - 1 > start {
            let c = s[e - 1]
            guard
                c == UInt8(ascii: "?") || c == UInt8(ascii: "!") || c == UInt8(ascii: ".") || c == UInt8(ascii: ",")
                    || c == UInt8(ascii: ":") || c == UInt8(ascii: "*") || c == UInt8(ascii: "_") || c == UInt8(ascii: "~")
            else { break }
            e -= 1
        }
        let last = s[e - 1]
        if last == UInt8(ascii: ")") {
            var closing = 0
            for k in start..<e {
                if s[k] == UInt8(ascii: ")") { closing += 1 } else if s[k] == UInt8(ascii: "(") { closing -= 1 }
            }
            if closing > 0 { e -= closing }
        } else if last == UInt8(ascii: ";") {
            var k = e - 2
            while k >= start, ASCII.isAlphanumeric(s[k]) { k -= 1 }
            if k != e - 2, k >= start, s[k] == UInt8(ascii: "&") { e = k }
        }
        return e > afterPrefix ? e : nil
    }

    mutating func makeExtendedLink(textStart: Int, textEnd: Int, prefix: StaticString) {
        let link = append(.link, at: textStart)
        parser.nodes[Int(link)].flags |= NodeFlags.autolink
        let start = parser.storageEnd
        parser.storage.append(prefix)
        parser.storage.append(contentsOf: UnsafeBufferPointer(rebasing: s[textStart..<textEnd]))
        parser.nodes[Int(link)].text = parser.spanSince(start)
        let (line, column) = position(textStart)
        let text = parser.makeNode(.text, line: line, column: column)
        parser.nodes[Int(text)].text = TextSpan(start: base + Int32(textStart), count: Int32(textEnd - textStart))
        parser.appendChild(link, text)
    }
}

/// The last run of domain bytes scanned (see `InlineParser.domainLength`); positions are subject
/// offsets, -1 for none.
struct DomainScan {
    var start: Int
    var stop: Int
    var lastPeriod = -1
    var periodBefore = -1
    var lastUnderscore = -1
    /// The last underscore before `lastPeriod`.
    var underscoreBeforeLastPeriod = -1
}
