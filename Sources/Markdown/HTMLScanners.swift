/// Scanners for raw HTML: block starts and ends, and inline tags.

private let blockTagNames: Set<[UInt8]> = Set(
    [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
        "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
        "optgroup", "option", "p", "param", "search", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "title", "tr", "track", "ul",
    ].map { Array($0.utf8) })

private let rawTextTagNames: Set<[UInt8]> = Set(["pre", "script", "style", "textarea"].map { Array($0.utf8) })

/// The HTML block type (1–7) that starts at `s[i]` (a `<`), if any.
func htmlBlockStart(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, allowType7: Bool) -> Int? {
    guard i + 1 < end else { return nil }
    let c = s[i + 1]
    if c == UInt8(ascii: "!") {
        if hasPrefix(s, i, end, caseInsensitive: "<!--") { return 2 }
        if i + 2 < end, ASCII.isLetter(s[i + 2]) { return 4 }
        if hasPrefix(s, i, end, caseInsensitive: "<![cdata[") {
            return s[i + 3] == UInt8(ascii: "C") && s[i + 4] == UInt8(ascii: "D") && s[i + 5] == UInt8(ascii: "A")
                && s[i + 6] == UInt8(ascii: "T") && s[i + 7] == UInt8(ascii: "A") ? 5 : nil
        }
        return nil
    }
    if c == UInt8(ascii: "?") { return 3 }
    let closing = c == UInt8(ascii: "/")
    var j = closing ? i + 2 : i + 1
    let nameStart = j
    while j < end, ASCII.isAlphanumeric(s[j]) || s[j] == UInt8(ascii: "-") { j += 1 }
    guard j > nameStart, ASCII.isLetter(s[nameStart]) else { return nil }
    let name = s[nameStart..<j].map(ASCII.lowercased)
    let after: UInt8 = j < end ? s[j] : ASCII.newline
    if !closing, rawTextTagNames.contains(name), ASCII.isWhitespace(after) || after == UInt8(ascii: ">") {
        return 1
    }
    if blockTagNames.contains(name) {
        if ASCII.isWhitespace(after) || after == UInt8(ascii: ">") { return 6 }
        if after == UInt8(ascii: "/"), j + 1 < end, s[j + 1] == UInt8(ascii: ">") { return 6 }
    }
    if allowType7 {
        let tagEnd = closing ? scanClosingTag(s, i, end) : scanOpenTag(s, i, end)
        if let tagEnd {
            var k = tagEnd
            while k < end, ASCII.isSpaceOrTab(s[k]) { k += 1 }
            if k == end { return 7 }
        }
    }
    return nil
}

/// Whether the line `s[i..<end]` contains the end condition of an HTML block of `type`.
func htmlBlockEnds(type: Int, _ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
    switch type {
    case 1:
        var k = i
        while k < end {
            if s[k] == UInt8(ascii: "<"), k + 1 < end, s[k + 1] == UInt8(ascii: "/") {
                if hasPrefix(s, k, end, caseInsensitive: "</script>") || hasPrefix(s, k, end, caseInsensitive: "</pre>")
                    || hasPrefix(s, k, end, caseInsensitive: "</style>")
                    || hasPrefix(s, k, end, caseInsensitive: "</textarea>")
                {
                    return true
                }
            }
            k += 1
        }
        return false
    case 2: return find(s, i, end, "-->") != nil
    case 3: return find(s, i, end, "?>") != nil
    case 4: return find(s, i, end, ">") != nil
    case 5: return find(s, i, end, "]]>") != nil
    default: return false
    }
}

/// Skips spaces, tabs and line endings.
@inline(__always)
private func skipWhitespace(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
    var j = i
    while j < end, ASCII.isWhitespace(s[j]) { j += 1 }
    return j
}

/// An open tag `<name attr="v" …>` starting at `s[i]`; returns the index after `>`.
func scanOpenTag(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
    var j = i + 1
    guard j < end, ASCII.isLetter(s[j]) else { return nil }
    while j < end, ASCII.isAlphanumeric(s[j]) || s[j] == UInt8(ascii: "-") { j += 1 }
    while true {
        let beforeSpace = j
        j = skipWhitespace(s, j, end)
        guard j < end else { return nil }
        let c = s[j]
        if c == UInt8(ascii: ">") { return j + 1 }
        if c == UInt8(ascii: "/") { return j + 1 < end && s[j + 1] == UInt8(ascii: ">") ? j + 2 : nil }
        // An attribute needs whitespace before it.
        guard j > beforeSpace, ASCII.isLetter(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") else { return nil }
        j += 1
        while j < end,
            ASCII.isAlphanumeric(s[j]) || s[j] == UInt8(ascii: "_") || s[j] == UInt8(ascii: ".")
                || s[j] == UInt8(ascii: ":") || s[j] == UInt8(ascii: "-")
        { j += 1 }
        let afterName = j
        j = skipWhitespace(s, j, end)
        if j < end, s[j] == UInt8(ascii: "=") {
            j = skipWhitespace(s, j + 1, end)
            guard j < end else { return nil }
            let q = s[j]
            if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
                j += 1
                while j < end, s[j] != q { j += 1 }
                guard j < end else { return nil }
                j += 1
            } else {
                let valueStart = j
                while j < end {
                    let v = s[j]
                    if ASCII.isWhitespace(v) || v == UInt8(ascii: "\"") || v == UInt8(ascii: "'") || v == UInt8(ascii: "=")
                        || v == UInt8(ascii: "<") || v == UInt8(ascii: ">") || v == UInt8(ascii: "`")
                    {
                        break
                    }
                    j += 1
                }
                guard j > valueStart else { return nil }
            }
        } else {
            j = afterName
        }
    }
}

/// A closing tag `</name >` starting at `s[i]`; returns the index after `>`.
func scanClosingTag(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
    var j = i + 2
    guard j < end, ASCII.isLetter(s[j]) else { return nil }
    while j < end, ASCII.isAlphanumeric(s[j]) || s[j] == UInt8(ascii: "-") { j += 1 }
    j = skipWhitespace(s, j, end)
    return j < end && s[j] == UInt8(ascii: ">") ? j + 1 : nil
}
