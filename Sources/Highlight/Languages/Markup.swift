/// HTML and XML: tags, attributes and their values, comments, doctypes, processing
/// instructions, CDATA and entities. In HTML, `<script>` and `<style>` bodies are lexed as
/// JavaScript and CSS.
struct MarkupLexer: Lexer {
    /// XML marks brackets as part of tags (`<tag`, `>`); HTML marks them as punctuation.
    let isXML: Bool

    func lex(_ scanner: inout Scanner) {
        var inTag = false
        var embedded: (lexer: any Lexer, closing: String)?
        scanner.run { s in
            if inTag {
                // A `<` inside a tag means the tag was never closed: start the next one.
                guard s.peek() == UInt8(ascii: "<") else { return lexInsideTag(&s, &inTag) }
                inTag = false
            }
            if let content = embedded {
                embedded = nil
                return s.emit(lexedBy: content.lexer, to: s.firstCaseInsensitive(content.closing, from: s.pos))
            }
            let byte = s.peek()
            guard byte == UInt8(ascii: "<") else {
                if byte == UInt8(ascii: "&") {
                    let end = s.end(from: s.pos + 1) { $0.isIdentifier || $0 == UInt8(ascii: "#") }
                    return s.emit(s[end] == UInt8(ascii: ";") ? .nameEntity : .text, to: s[end] == UInt8(ascii: ";") ? end + 1 : end)
                }
                return s.emit(.text, to: s.end(from: s.pos) { $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: "&") })
            }
            if s.matches("<!--") {
                return s.emit(.commentMultiline, to: s.endOf("-->", from: s.pos + 4))
            }
            if s.matches("<![CDATA[") {
                return s.emit(.commentPreproc, to: s.endOf("]]>", from: s.pos + 9))
            }
            if s.matches("<?") {
                return s.emit(.commentPreproc, to: s.endOf("?>", from: s.pos + 2))
            }
            if s.matches("<!") {
                return s.emit(.commentPreproc, to: s.endOf(">", from: s.pos + 2))
            }
            let slash = s.nextNonBlank(from: s.pos + 1)
            let nameStart = slash.byte == UInt8(ascii: "/") ? s.end(from: slash.index + 1, while: \.isBlank) : slash.index
            let nameEnd = s.end(from: nameStart) { $0.isIdentifier || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
            guard nameEnd > nameStart else { return s.emit(.text, length: 1) }
            if isXML {
                s.emit(.nameTag, to: nameEnd)
            } else {
                s.emit(.punctuation, length: 1)
                s.emit(.text, to: slash.index)
                if slash.byte == UInt8(ascii: "/") { s.emit(.punctuation, length: 1) }
                s.emit(.text, to: nameStart)
                s.emit(.nameTag, to: nameEnd)
                let name = s.slice(nameStart, nameEnd).map { $0 | 0x20 }
                if slash.byte != UInt8(ascii: "/") {
                    if name.elementsEqual("script".utf8) {
                        embedded = (CodeLexer(spec: JavaScript.javascript), "</script")
                    } else if name.elementsEqual("style".utf8) {
                        embedded = (CSSLexer(), "</style")
                    }
                }
            }
            inTag = true
        }
    }

    private func lexInsideTag(_ s: inout Scanner, _ inTag: inout Bool) {
        let byte = s.peek()
        if byte.isSpace {
            return s.emit(.text, to: s.end(from: s.pos, while: \.isSpace))
        }
        if byte == UInt8(ascii: ">") || (byte == UInt8(ascii: "/") && s.nextNonBlank(from: s.pos + 1).byte == UInt8(ascii: ">")) {
            let end = s.nextNonBlank(from: s.pos + (byte == UInt8(ascii: "/") ? 1 : 0)).index + 1
            inTag = false
            return s.emit(isXML ? .nameTag : .punctuation, to: end)
        }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            let close = s.end(from: s.pos + 1) { $0 != byte }
            return s.emit(.string, to: min(close + 1, s.count))
        }
        if byte == UInt8(ascii: "=") {
            s.emit(isXML ? .nameAttribute : .operator, length: 1)
            let value = s.end(from: s.pos, while: \.isSpace)
            if s[value] != UInt8(ascii: "\""), s[value] != UInt8(ascii: "'"), s[value] != UInt8(ascii: ">") {
                s.emit(.text, to: value)
                s.emit(.string, to: s.end(from: s.pos) { !$0.isSpace && $0 != UInt8(ascii: ">") })
            }
            return
        }
        let end = s.end(from: s.pos) {
            !$0.isSpace && $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "<")
        }
        s.emit(.nameAttribute, to: max(end, s.scalarEnd(from: s.pos)))
    }
}

extension Scanner {
    /// The index just after the first `terminator` at or after `index`, or the end of the source.
    func endOf(_ terminator: String, from index: Int) -> Int {
        let bytes = Array(terminator.utf8)
        var i = index
        while i < count {
            if self[i] == bytes[0], matches(bytes, at: i) { return i + bytes.count }
            i += 1
        }
        return count
    }

    /// The index of the first ASCII case-insensitive occurrence of `needle`, or the end.
    func firstCaseInsensitive(_ needle: String, from index: Int) -> Int {
        let lower = Array(needle.utf8)
        var i = index
        while i + lower.count <= count {
            var k = 0
            while k < lower.count, self[i + k] | (lower[k].isLetter ? 0x20 : 0) == lower[k] { k += 1 }
            if k == lower.count { return i }
            i += 1
        }
        return count
    }
}
