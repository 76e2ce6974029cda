import TextUtilities

/// Writes lexed tokens as Chroma-style markup: one `<span class="line">` per source line, token
/// spans that never cross a line break, and the optional line-number column, title and anchors.
struct HTMLWriter {
    let source: [UInt8]
    let tokens: [RawToken]
    /// The language name as written by the author (already sanitised), or `nil`.
    let language: String?
    let options: HighlightOptions

    /// The complete block.
    func render() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(source.count * 3 + 256)
        out += "<div class=\"highlight\">".utf8
        if let title = options.title {
            out += "<div class=\"highlight-title\">".utf8
            appendEscaped(title, to: &out)
            out += "</div>".utf8
        }
        let lineCount = countLines()
        if options.lineNumbers == .table {
            out += "<div class=\"chroma\">\n<table class=\"lntable\"><tr><td class=\"lntd\">\n<pre class=\"chroma\"><code>".utf8
            for line in stride(from: 1, through: lineCount, by: 1) {
                out += (highlighted(line) ? "<span class=\"lnt hl\"" : "<span class=\"lnt\"").utf8
                appendLineNumber(line, to: &out)
                out += "\n</span>".utf8
            }
            out += "</code></pre></td>\n<td class=\"lntd\">\n".utf8
        }
        out += "<pre class=\"chroma\">".utf8
        if let language {
            out += "<code class=\"language-\(language)\" data-lang=\"\(language)\">".utf8
        } else {
            out += "<code>".utf8
        }
        appendLines(to: &out)
        out += "</code></pre>".utf8
        if options.lineNumbers == .table { out += "</td></tr></table>\n</div>\n".utf8 }
        out += "</div>".utf8
        return String(decoding: out, as: UTF8.self)
    }

    private func countLines() -> Int {
        var lines = 0
        for byte in source where byte == .newline { lines += 1 }
        if let last = source.last, last != .newline { lines += 1 }
        return lines
    }

    private func highlighted(_ line: Int) -> Bool { options.highlightedLines.contains(line) }

    /// The attributes-and-content tail of a line-number span whose opening the caller wrote.
    private func appendLineNumber(_ line: Int, to out: inout [UInt8]) {
        // Clamped to ±1e9, so adding a line index (at most the source's size) cannot overflow.
        let number = String(options.clampedLineNumberStart + (line - 1))
        guard options.anchorLineNumbers else {
            out += ">\(number)".utf8
            return
        }
        let id = "\(options.lineAnchorPrefix)-\(number)"
        out += " id=\"".utf8
        appendEscaped(id, to: &out)
        out += "\"><a class=\"lnlinks\" href=\"#".utf8
        appendEscaped(id, to: &out)
        out += "\">\(number)</a>".utf8
    }

    private func openLine(_ line: Int, to out: inout [UInt8]) {
        out += (highlighted(line) ? "<span class=\"line hl\">" : "<span class=\"line\">").utf8
        if options.lineNumbers == .inline {
            out += "<span class=\"ln\"".utf8
            appendLineNumber(line, to: &out)
            out += "</span>".utf8
        }
        out += "<span class=\"cl\">".utf8
    }

    /// The code lines; the hot loop works on buffer pointers so it neither retains nor copies.
    private func appendLines(to out: inout [UInt8]) {
        guard !source.isEmpty else { return }
        var line = 1
        var lineOpen = false
        source.withUnsafeBufferPointer { src in
            Self.tagBytes.withUnsafeBufferPointer { tags in
                for token in tokens {
                    let tag = Self.tagRanges[Int(token.kind.rawValue)]
                    var start = token.start
                    while start < token.end {
                        if !lineOpen {
                            openLine(line, to: &out)
                            lineOpen = true
                        }
                        var end = start
                        while end < token.end, src[end] != .newline { end += 1 }
                        let closesLine = end < token.end
                        if closesLine { end += 1 }
                        if tag.isEmpty {
                            appendEscaped(UnsafeBufferPointer(rebasing: src[start..<end]), to: &out)
                        } else {
                            out.append(contentsOf: UnsafeBufferPointer(rebasing: tags[tag]))
                            appendEscaped(UnsafeBufferPointer(rebasing: src[start..<end]), to: &out)
                            out += "</span>".utf8
                        }
                        if closesLine {
                            out += "</span></span>".utf8
                            lineOpen = false
                            line += 1
                        }
                        start = end
                    }
                }
            }
        }
        if lineOpen { out += "\n</span></span>".utf8 }
    }

    /// Every `<span class="…">` opening tag, back to back, and each kind's range in it (empty
    /// for plain text).
    private static let tagBytes: [UInt8] = TokenKind.allCases.flatMap { kind in
        kind.cssClass.map { Array("<span class=\"\($0)\">".utf8) } ?? []
    }
    private static let tagRanges: [Range<Int>] = {
        var ranges: [Range<Int>] = []
        var offset = 0
        for kind in TokenKind.allCases {
            let length = kind.cssClass.map { "<span class=\"\($0)\">".utf8.count } ?? 0
            ranges.append(offset..<offset + length)
            offset += length
        }
        return ranges
    }()

    private func appendEscaped(_ text: String, to out: inout [UInt8]) {
        Array(text.utf8).withUnsafeBufferPointer { appendEscaped($0, to: &out) }
    }

    private func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        HTMLEscaper.numericQuote.append(text, to: &out)
    }
}
