/// TOML: table headers, keys, the four string forms, dates and numbers.
struct TOMLLexer: Lexer {
    func lex(_ scanner: inout Scanner) {
        var bracketDepth = 0
        var braceDepth = 0
        scanner.run { s in
            let byte = s.peek()
            if byte.isSpace {
                s.emit(.text, to: s.end(from: s.pos, while: \.isSpace))
            } else if byte == UInt8(ascii: "#") {
                s.emitRestOfLine(.commentSingle)
            } else if byte == UInt8(ascii: "["), bracketDepth == 0, braceDepth == 0, s.isFirstOnLine(s.pos) {
                let close = s.end(from: s.pos) { $0 != UInt8(ascii: "]") && $0 != .newline }
                s.emit(.keyword, to: s.end(from: close) { $0 == UInt8(ascii: "]") })
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                lexString(&s)
            } else if byte == UInt8(ascii: "=") {
                s.emit(braceDepth > 0 ? .punctuation : .operator, length: 1)
            } else if "[]{},.".utf8.contains(byte) {
                switch byte {
                case UInt8(ascii: "["): bracketDepth += 1
                case UInt8(ascii: "]"): bracketDepth = max(0, bracketDepth - 1)
                case UInt8(ascii: "{"): braceDepth += 1
                case UInt8(ascii: "}"): braceDepth = max(0, braceDepth - 1)
                default: break
                }
                s.emit(.punctuation, length: 1)
            } else if let date = dateEnd(s) {
                s.emit(.literalDate, to: date)
            } else if byte.isDigit || ((byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")) && s.peek(1).isDigit) {
                let start = byte.isDigit ? s.pos : s.pos + 1
                let (end, kind) = s.number(from: start, suffixes: false)
                s.emit(kind, to: end)
            } else if byte.isIdentifier || byte == UInt8(ascii: "-") {
                let end = s.end(from: s.pos) { $0.isIdentifier || $0 == UInt8(ascii: "-") }
                let word = s.slice(s.pos, end)
                let isValue = s.nextNonBlank(from: end).byte != UInt8(ascii: "=") && s.nextNonBlank(from: end).byte != UInt8(ascii: ".")
                if isValue, word.elementsEqual("true".utf8) || word.elementsEqual("false".utf8) {
                    s.emit(.keywordConstant, to: end)
                } else if isValue, word.elementsEqual("inf".utf8) || word.elementsEqual("nan".utf8) {
                    s.emit(.numberFloat, to: end)
                } else {
                    s.emit(.name, to: end)
                }
            } else {
                s.emitScalar(.text)
            }
        }
    }

    /// Basic strings escape, literal strings do not; tripled quotes span lines.
    private func lexString(_ s: inout Scanner) {
        let quote = s.peek()
        let triple = s.peek(1) == quote && s.peek(2) == quote
        let kind: TokenKind = quote == UInt8(ascii: "\"") ? .stringDouble : .stringSingle
        let closeLength = triple ? 3 : 1
        s.emit(kind, length: closeLength)
        while !s.atEnd {
            let byte = s.peek()
            if byte == quote, !triple || (s.peek(1) == quote && s.peek(2) == quote) {
                s.emit(kind, length: closeLength)
                return
            }
            if byte == .newline, !triple { return }
            if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                s.emit(.stringEscape, to: s.escapeEnd(from: s.pos + 1))
            } else {
                let runEnd = s.end(from: s.pos) { $0 != quote && $0 != UInt8(ascii: "\\") && $0 != .newline }
                s.emit(kind, to: max(runEnd, s.pos + 1))
            }
        }
    }

    /// The end of a date, time or date-time at the cursor (`1979-05-27T07:32:00-08:00`, `07:32:00`).
    private func dateEnd(_ s: Scanner) -> Int? {
        let digits = s.end(from: s.pos, while: \.isDigit) - s.pos
        let isDate = digits == 4 && s.peek(4) == UInt8(ascii: "-") && s.peek(5).isDigit
        let isTime = digits == 2 && s.peek(2) == UInt8(ascii: ":") && s.peek(3).isDigit
        guard isDate || isTime else { return nil }
        return s.end(from: s.pos) {
            $0.isDigit || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "T")
                || $0 == UInt8(ascii: "Z") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "+")
        }
    }
}
