/// Markdown: headings (ATX and setext), list and quote markers, fenced code blocks whose
/// contents are highlighted in their own language, and inline code, emphasis and links.
struct MarkdownLexer: Lexer {
    func lex(_ scanner: inout Scanner) {
        var inline = InlineScanner()
        scanner.run { s in
            guard s.pos == 0 || s[s.pos - 1] == .newline else {
                return inline.lex(&s, to: s.lineEnd(from: s.pos))
            }
            if lexFence(&s) { return }
            let lineEnd = s.lineEnd(from: s.pos)
            let indent = s.end(from: s.pos, while: \.isBlank)
            let byte = s[indent]
            if byte == UInt8(ascii: "#"), s.pos == indent {
                let hashes = s.end(from: indent) { $0 == UInt8(ascii: "#") } - indent
                if hashes <= 6, s[indent + hashes] == UInt8(ascii: " ") {
                    return s.emit(hashes == 1 ? .genericHeading : .genericSubheading, to: lineEnd)
                }
            }
            if let underline = setextUnderline(s, lineEnd) {
                s.emit(underline, to: lineEnd)
                s.emit(.text, to: lineEnd + 1)
                return s.emit(underline, to: s.lineEnd(from: s.pos))
            }
            if isTableDelimiterRow(s, indent, lineEnd) {
                return s.emit(.punctuation, to: lineEnd)
            }
            if byte == UInt8(ascii: ">") {
                s.emit(.text, to: indent)
                s.emit(.keyword, to: s[indent + 1].isBlank ? indent + 2 : indent + 1)
                return s.emit(.genericEmph, to: lineEnd)
            }
            if let markerEnd = listMarkerEnd(s, indent) {
                s.emit(.text, to: indent)
                s.emit(.keyword, to: markerEnd)
                let task = s.end(from: s.pos, while: \.isBlank)
                if s[task] == UInt8(ascii: "["), "xX ".utf8.contains(s[task + 1]), s[task + 2] == UInt8(ascii: "]") {
                    s.emit(.text, to: task)
                    s.emit(.keyword, length: 3)
                }
                return
            }
            if byte == UInt8(ascii: "["), s.pos == indent, let definition = referenceDefinition(s, lineEnd) {
                s.emit(.text, length: 1)
                s.emit(.nameLabel, to: definition.labelEnd)
                s.emit(.text, to: definition.targetStart)
                return s.emit(.nameAttribute, to: lineEnd)
            }
            inline.lex(&s, to: lineEnd)
        }
    }

    /// A fenced code block starting on this line: fences as backtick strings, the body in its
    /// language when one is named and known (never Markdown again, so nesting stays bounded).
    private func lexFence(_ s: inout Scanner) -> Bool {
        let indent = s.end(from: s.pos, while: \.isBlank)
        let fenceByte = s[indent]
        guard indent - s.pos < 4, fenceByte == UInt8(ascii: "`") || fenceByte == UInt8(ascii: "~") else { return false }
        let fenceEnd = s.end(from: indent) { $0 == fenceByte }
        let fenceLength = fenceEnd - indent
        guard fenceLength >= 3 else { return false }
        let infoEnd = s.lineEnd(from: fenceEnd)
        if fenceByte == UInt8(ascii: "`"), s.slice(fenceEnd, infoEnd).contains(UInt8(ascii: "`")) { return false }
        let languageStart = s.end(from: fenceEnd, while: \.isBlank)
        let languageEnd = s.end(from: languageStart) { !$0.isSpace && $0 != UInt8(ascii: "{") && $0 != UInt8(ascii: ",") }
        let language = String(decoding: s.slice(languageStart, languageEnd), as: UTF8.self).lowercased()
        // Find the closing fence: at least as long, nothing else on its line.
        var bodyEnd = infoEnd < s.count ? infoEnd + 1 : infoEnd
        var closeStart = s.count
        var line = bodyEnd
        while line < s.count {
            let end = s.lineEnd(from: line)
            let fence = s.end(from: line, while: \.isBlank)
            let run = s.end(from: fence) { $0 == fenceByte }
            if fence - line < 4, run - fence >= fenceLength, s.end(from: run, while: \.isBlank) == end {
                closeStart = line
                break
            }
            line = end + 1
        }
        bodyEnd = min(closeStart, s.count)
        s.emit(.stringBacktick, to: infoEnd)
        s.emit(.text, to: infoEnd + 1)
        if let lexer = LanguageRegistry.lexer(for: language), !(lexer is MarkdownLexer) {
            s.emit(lexedBy: lexer, to: bodyEnd)
        } else {
            s.emit(.stringBacktick, to: bodyEnd)
        }
        s.emit(.stringBacktick, to: s.lineEnd(from: s.pos))
        return true
    }

    /// The kind for a setext heading when the next line underlines this one.
    private func setextUnderline(_ s: Scanner, _ lineEnd: Int) -> TokenKind? {
        guard lineEnd < s.count, s.end(from: s.pos, while: \.isBlank) < lineEnd else { return nil }
        let next = lineEnd + 1
        let marker = s[next]
        guard marker == UInt8(ascii: "=") || marker == UInt8(ascii: "-") else { return nil }
        let run = s.end(from: next) { $0 == marker }
        guard s.end(from: run, while: \.isBlank) == s.lineEnd(from: next) else { return nil }
        return marker == UInt8(ascii: "=") ? .genericHeading : .genericSubheading
    }

    /// Whether the line is a table's delimiter row, such as `|---|:--:|`.
    private func isTableDelimiterRow(_ s: Scanner, _ start: Int, _ lineEnd: Int) -> Bool {
        let row = s.slice(start, lineEnd)
        return row.contains(UInt8(ascii: "|")) && row.contains(UInt8(ascii: "-"))
            && row.allSatisfy { "|-: \t".utf8.contains($0) }
    }

    /// The end of a `-`, `*`, `+` or `1.` list marker at `index`, if there is one.
    private func listMarkerEnd(_ s: Scanner, _ index: Int) -> Int? {
        let byte = s[index]
        if "-*+".utf8.contains(byte), s[index + 1].isBlank { return index + 1 }
        let digits = s.end(from: index, while: \.isDigit)
        if digits > index, digits - index <= 9, s[digits] == UInt8(ascii: ".") || s[digits] == UInt8(ascii: ")"),
            s[digits + 1].isBlank
        {
            return digits + 1
        }
        return nil
    }

    /// `[label]: target`: where the label ends and the target starts.
    private func referenceDefinition(_ s: Scanner, _ lineEnd: Int) -> (labelEnd: Int, targetStart: Int)? {
        let close = s.end(from: s.pos + 1) { $0 != UInt8(ascii: "]") && $0 != .newline }
        guard close < lineEnd, s[close + 1] == UInt8(ascii: ":") else { return nil }
        return (close, s.end(from: close + 2, while: \.isBlank))
    }
}

/// Inline Markdown on one line: code spans, strong and emphasis, strikethrough and links. Each
/// search for a closing delimiter stops at the next candidate, and the last result per delimiter
/// is reused, so a line is scanned in linear time.
private struct InlineScanner {
    /// Bytes where an inline construct may start.
    private static let inlineStarts: ByteSet = "\\`*_~[!\n"

    /// Per byte: the last search's start and the next occurrence from there (or the source's end),
    /// not cut at the line's end, so later lines reuse it too.
    private var cache: [UInt8: (from: Int, found: Int)] = [:]

    /// The index of the next `byte` at or after `index`, before `limit` (or `limit`).
    ///
    /// The remembered occurrence answers every search that starts between the last search's start
    /// and it; caching the result cut at the line's end made a line of `[` without `]` search to
    /// the end of the source on every line (quadratic).
    private mutating func next(_ byte: UInt8, from index: Int, limit: Int, in s: Scanner) -> Int {
        if let hit = cache[byte], hit.from <= index, hit.found >= index {
            return min(hit.found, limit)
        }
        let found = s.end(from: index) { $0 != byte }
        cache[byte] = (index, found)
        return min(found, limit)
    }

    mutating func lex(_ s: inout Scanner, to lineEnd: Int) {
        while s.pos < lineEnd {
            let byte = s.peek()
            switch byte {
            case UInt8(ascii: "\\"):
                s.emit(.text, to: min(s.scalarEnd(from: s.pos + 1), lineEnd))
            case UInt8(ascii: "`"):
                let close = next(byte, from: s.pos + 1, limit: lineEnd, in: s)
                s.emit(close < lineEnd && close > s.pos + 1 ? .stringBacktick : .text, to: close < lineEnd ? close + 1 : s.pos + 1)
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                lexEmphasis(&s, byte, lineEnd)
            case UInt8(ascii: "["), UInt8(ascii: "!"):
                lexLink(&s, lineEnd)
            default:
                s.emit(.text, to: max(s.pos + 1, s.end(from: s.pos) { !Self.inlineStarts.contains($0) }))
            }
        }
        s.emit(.text, to: lineEnd + 1)
    }

    /// `**strong**`, `__strong__`, `*emphasis*`, `_emphasis_` or `~~deleted~~`.
    private mutating func lexEmphasis(_ s: inout Scanner, _ byte: UInt8, _ lineEnd: Int) {
        let double = s.peek(1) == byte
        guard byte != UInt8(ascii: "~") || double else { return s.emit(.text, length: 1) }
        let open = s.pos + (double ? 2 : 1)
        guard !s[open].isSpace, s[open] != byte else { return s.emit(.text, to: open) }
        let close = next(byte, from: open, limit: lineEnd, in: s)
        guard close < lineEnd, !double || s[close + 1] == byte else { return s.emit(.text, to: open) }
        let kind: TokenKind = byte == UInt8(ascii: "~") ? .genericDeleted : double ? .genericStrong : .genericEmph
        s.emit(kind, to: close + (double ? 2 : 1))
    }

    /// `[text](url)`, `![alt](src)` and `[text][label]`.
    private mutating func lexLink(_ s: inout Scanner, _ lineEnd: Int) {
        let bracket = s.peek() == UInt8(ascii: "!") ? s.pos + 1 : s.pos
        guard s[bracket] == UInt8(ascii: "[") else { return s.emit(.text, length: 1) }
        let textEnd = next(UInt8(ascii: "]"), from: bracket + 1, limit: lineEnd, in: s)
        let opener = s[textEnd + 1]
        guard textEnd < lineEnd, textEnd > bracket + 1, opener == UInt8(ascii: "(") || opener == UInt8(ascii: "[") else {
            return s.emit(.text, to: bracket + 1)
        }
        let closer = opener == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
        let targetEnd = next(closer, from: textEnd + 2, limit: lineEnd, in: s)
        guard targetEnd < lineEnd else { return s.emit(.text, to: bracket + 1) }
        s.emit(.text, to: bracket + 1)
        s.emit(.nameTag, to: textEnd)
        s.emit(.text, to: textEnd + 2)
        s.emit(opener == UInt8(ascii: "(") ? .nameAttribute : .nameLabel, to: targetEnd)
        s.emit(.text, to: targetEnd + 1)
    }
}
