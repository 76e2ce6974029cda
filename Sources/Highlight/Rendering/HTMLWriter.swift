/// Writes lexed tokens as Chroma-style markup: one `<span class="line">` per source line, token
/// spans that never cross a line break, and the optional line-number column, title and anchors.
struct HTMLWriter {
    let source: [UInt8]
    let tokens: [RawToken]
    /// The language name as written by the author (already sanitised), or `nil`.
    let language: String?
    let options: HighlightOptions

    private var out: [UInt8] = []

    init(source: [UInt8], tokens: [RawToken], language: String?, options: HighlightOptions) {
        self.source = source
        self.tokens = tokens
        self.language = language
        self.options = options
    }

    /// The complete block.
    mutating func render() -> String {
        out.reserveCapacity(source.count * 3 + 256)
        write("<div class=\"highlight\">")
        if let title = options.title {
            write("<div class=\"highlight-title\">")
            writeEscaped(Array(title.utf8)[...])
            write("</div>")
        }
        let lineCount = countLines()
        if options.lineNumbers == .table {
            write("<div class=\"chroma\">\n<table class=\"lntable\"><tr><td class=\"lntd\">\n<pre class=\"chroma\"><code>")
            for line in stride(from: 1, through: lineCount, by: 1) {
                write(highlighted(line) ? "<span class=\"lnt hl\"" : "<span class=\"lnt\"")
                writeLineNumber(line)
                write("\n</span>")
            }
            write("</code></pre></td>\n<td class=\"lntd\">\n")
        }
        write("<pre class=\"chroma\">")
        writeCodeOpen()
        writeLines()
        write("</code></pre>")
        if options.lineNumbers == .table { write("</td></tr></table>\n</div>\n") }
        write("</div>")
        return String(decoding: out, as: UTF8.self)
    }

    private func countLines() -> Int {
        var lines = 0
        for byte in source where byte == .newline { lines += 1 }
        if let last = source.last, last != .newline { lines += 1 }
        return lines
    }

    private func highlighted(_ line: Int) -> Bool { options.highlightedLines.contains(line) }

    private mutating func writeCodeOpen() {
        guard let language else { return write("<code>") }
        write("<code class=\"language-\(language)\" data-lang=\"\(language)\">")
    }

    /// Writes the attributes-and-content tail of a line-number span opened by the caller.
    private mutating func writeLineNumber(_ line: Int) {
        let number = String(options.lineNumberStart + line - 1)
        if options.anchorLineNumbers {
            let id = "\(options.lineAnchorPrefix)-\(number)"
            write(" id=\""); writeEscaped(Array(id.utf8)[...])
            write("\"><a class=\"lnlinks\" href=\"#"); writeEscaped(Array(id.utf8)[...])
            write("\">\(number)</a>")
        } else {
            write(">\(number)")
        }
    }

    private mutating func openLine(_ line: Int) {
        write(highlighted(line) ? "<span class=\"line hl\">" : "<span class=\"line\">")
        if options.lineNumbers == .inline {
            write("<span class=\"ln\"")
            writeLineNumber(line)
            write("</span>")
        }
        write("<span class=\"cl\">")
    }

    private mutating func writeLines() {
        guard !source.isEmpty else { return }
        var line = 1
        var lineOpen = false
        for token in tokens {
            var start = token.start
            while start < token.end {
                if !lineOpen { openLine(line); lineOpen = true }
                var end = start
                while end < token.end, source[end] != .newline { end += 1 }
                let closesLine = end < token.end
                if closesLine { end += 1 }
                writeSpan(token.kind, source[start..<end])
                if closesLine {
                    write("</span></span>")
                    lineOpen = false
                    line += 1
                }
                start = end
            }
        }
        if lineOpen { write("\n</span></span>") }
    }

    private mutating func writeSpan(_ kind: TokenKind, _ text: ArraySlice<UInt8>) {
        guard let cssClass = kind.cssClass else { return writeEscaped(text) }
        write("<span class=\"\(cssClass)\">")
        writeEscaped(text)
        write("</span>")
    }

    private mutating func write(_ text: String) { out.append(contentsOf: text.utf8) }

    private mutating func writeEscaped(_ text: ArraySlice<UInt8>) {
        for byte in text {
            switch byte {
            case UInt8(ascii: "&"): write("&amp;")
            case UInt8(ascii: "<"): write("&lt;")
            case UInt8(ascii: ">"): write("&gt;")
            case UInt8(ascii: "\""): write("&#34;")
            default: out.append(byte)
            }
        }
    }
}
