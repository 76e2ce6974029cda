/// Scanners for the parts of links shared by inline links and reference definitions:
/// destinations, titles and labels. Each returns the content range and the index after it.
struct ScannedPart {
    var start: Int
    var end: Int
    var next: Int
}

/// A link destination: `<…>` or a run of non-space bytes with balanced parentheses
/// (which may be empty only when `allowEmpty`).
func scanLinkDestination(
    _ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, allowEmpty: Bool = false
) -> ScannedPart? {
    guard i < end else { return allowEmpty ? ScannedPart(start: i, end: i, next: i) : nil }
    if s[i] == UInt8(ascii: "<") {
        var j = i + 1
        while j < end {
            let c = s[j]
            if c == UInt8(ascii: ">") { return ScannedPart(start: i + 1, end: j, next: j + 1) }
            if c == UInt8(ascii: "<") || c == ASCII.newline || c == ASCII.carriageReturn { return nil }
            if c == UInt8(ascii: "\\"), j + 1 < end, ASCII.isPunctuation(s[j + 1]) { j += 1 }
            j += 1
        }
        return nil
    }
    var depth = 0
    var j = i
    while j < end {
        let c = s[j]
        if c == UInt8(ascii: "\\"), j + 1 < end, ASCII.isPunctuation(s[j + 1]) {
            j += 2
            continue
        }
        if c <= 0x20 || c == 0x7F { break }
        if c == UInt8(ascii: "(") {
            depth += 1
            if depth > 32 { return nil }
        } else if c == UInt8(ascii: ")") {
            if depth == 0 { break }
            depth -= 1
        }
        j += 1
    }
    guard j > i || allowEmpty, depth == 0 else { return nil }
    return ScannedPart(start: i, end: j, next: j)
}

/// A link title in `"…"`, `'…'` or `(…)`.
func scanLinkTitle(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> ScannedPart? {
    guard i < end else { return nil }
    let open = s[i]
    let close: UInt8
    switch open {
    case UInt8(ascii: "\""), UInt8(ascii: "'"): close = open
    case UInt8(ascii: "("): close = UInt8(ascii: ")")
    default: return nil
    }
    var j = i + 1
    while j < end {
        let c = s[j]
        if c == close { return ScannedPart(start: i + 1, end: j, next: j + 1) }
        if open == UInt8(ascii: "("), c == UInt8(ascii: "(") { return nil }
        if c == UInt8(ascii: "\\"), j + 1 < end, ASCII.isPunctuation(s[j + 1]) { j += 1 }
        j += 1
    }
    return nil
}

/// A link label `[…]` of at most 999 bytes without unescaped brackets.
func scanLinkLabel(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> ScannedPart? {
    guard i < end, s[i] == UInt8(ascii: "[") else { return nil }
    var j = i + 1
    while j < end, j - i <= 1000 {
        let c = s[j]
        if c == UInt8(ascii: "]") {
            return j - i - 1 <= 999 ? ScannedPart(start: i + 1, end: j, next: j + 1) : nil
        }
        if c == UInt8(ascii: "[") { return nil }
        if c == UInt8(ascii: "\\"), j + 1 < end, ASCII.isPunctuation(s[j + 1]) { j += 1 }
        j += 1
    }
    return nil
}

/// Skips spaces and tabs and at most one line ending.
func skipSpacesAndOneNewline(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
    var j = i
    while j < end, ASCII.isSpaceOrTab(s[j]) { j += 1 }
    if j < end, s[j] == ASCII.newline {
        j += 1
        while j < end, ASCII.isSpaceOrTab(s[j]) { j += 1 }
    }
    return j
}

/// The normalised form of a link label: trimmed, inner whitespace collapsed, case folded.
func normalizeLabel(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(end - start)
    var ascii = true
    var pendingSpace = false
    for k in start..<end {
        let c = s[k]
        if ASCII.isWhitespace(c) {
            pendingSpace = !out.isEmpty
            continue
        }
        if pendingSpace {
            out.append(0x20)
            pendingSpace = false
        }
        if c >= 0x80 { ascii = false }
        out.append(ASCII.lowercased(c))
    }
    if ascii { return out }
    let folded = String(decoding: out, as: UTF8.self).lowercased().uppercased().lowercased()
    return Array(folded.utf8)
}

extension Parser {
    /// Stores `bytes` with backslash escapes and entity references resolved.
    func storeUnescaped(_ s: UnsafeBufferPointer<UInt8>) -> TextSpan {
        let start = storageEnd
        var i = 0
        var runStart = 0
        let end = s.count
        // Runs without `\` or `&` are appended whole (a byte-by-byte append tests the array's
        // uniqueness and capacity every time).
        while i < end {
            let c = s[i]
            if c == UInt8(ascii: "\\"), i + 1 < end, ASCII.isPunctuation(s[i + 1]) {
                storage.append(contentsOf: UnsafeBufferPointer(rebasing: s[runStart..<i]))
                storage.append(s[i + 1])
                i += 2
                runStart = i
            } else if c == UInt8(ascii: "&"), let (decoded, next) = decodeEntity(s, i, end) {
                storage.append(contentsOf: UnsafeBufferPointer(rebasing: s[runStart..<i]))
                storage.append(contentsOf: decoded)
                i = next
                runStart = i
            } else {
                i += 1
            }
        }
        storage.append(contentsOf: UnsafeBufferPointer(rebasing: s[runStart..<end]))
        return spanSince(start)
    }

    /// Parses link reference definitions at the start of a paragraph's content, records them and
    /// returns what is left of the content.
    func consumeReferenceDefinitions(_ span: TextSpan) -> TextSpan {
        guard span.count > 0, byte(at: Int(span.start)) == UInt8(ascii: "[") else { return span }
        let content = Array(bytes(span))
        var consumed = 0
        content.withUnsafeBufferPointer { s in
            while consumed < s.count, s[consumed] == UInt8(ascii: "["),
                let next = parseReferenceDefinition(s, consumed)
            {
                consumed = next
            }
        }
        return TextSpan(start: span.start + Int32(consumed), count: span.count - Int32(consumed))
    }

    /// One definition `[label]: destination "title"` starting at `i`; returns the index after its line.
    private func parseReferenceDefinition(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let end = s.count
        if options.footnotes, i + 1 < end, s[i + 1] == UInt8(ascii: "^") { return nil }
        guard let label = scanLinkLabel(s, i, end), label.next < end, s[label.next] == UInt8(ascii: ":") else { return nil }
        var j = skipSpacesAndOneNewline(s, label.next + 1, end)
        guard let destination = scanLinkDestination(s, j, end) else { return nil }
        if destination.start == destination.end, s[j] != UInt8(ascii: "<") { return nil }
        j = destination.next
        let beforeTitle = j
        j = skipSpacesAndOneNewline(s, j, end)
        var title: ScannedPart?
        if j > beforeTitle, let t = scanLinkTitle(s, j, end) {
            var k = t.next
            while k < end, ASCII.isSpaceOrTab(s[k]) { k += 1 }
            if k == end || s[k] == ASCII.newline {
                title = t
                j = k
            }
        }
        if title == nil {
            j = beforeTitle
            while j < end, ASCII.isSpaceOrTab(s[j]) { j += 1 }
            guard j == end || s[j] == ASCII.newline else { return nil }
        }
        let key = normalizeLabel(s, label.start, label.end)
        guard !key.isEmpty else { return nil }
        if references[key] == nil {
            let d = storeUnescaped(UnsafeBufferPointer(rebasing: s[destination.start..<destination.end]))
            let t = title.map { storeUnescaped(UnsafeBufferPointer(rebasing: s[$0.start..<$0.end])) } ?? TextSpan.empty
            references[key] = (d, t)
        }
        return j < end ? j + 1 : j
    }
}
