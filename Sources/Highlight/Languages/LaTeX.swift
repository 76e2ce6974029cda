/// TeX and LaTeX: control sequences with optional `[…]` arguments, groups, comments, and inline
/// and display math (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`) whose contents are marked symbol by symbol.
struct LaTeXLexer: Lexer {
    private static let textBreaks: ByteSet = "\\$%&_^{}"
    private static let mathBreaks: ByteSet = "=!+*/()[]\\$%&_^{}-"

    func lex(_ scanner: inout Scanner) {
        /// The closing delimiter of the math mode we are in and the kind of its delimiters.
        var mathClose: (text: String, kind: TokenKind)?
        scanner.run { s in
            let byte = s.peek()
            if byte == UInt8(ascii: "%") {
                return s.emitRestOfLine(.comment)
            }
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "&")
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "^")
            {
                return s.emit(.nameBuiltin, length: 1)
            }
            if let close = mathClose {
                if s.matches(close.text) {
                    mathClose = nil
                    return s.emit(close.kind, length: close.text.utf8.count)
                }
                return lexMath(&s)
            }
            if s.matches("\\[") || s.matches("$$") {
                mathClose = (s.matches("$$") ? "$$" : "\\]", .stringBacktick)
                return s.emit(.stringBacktick, length: 2)
            }
            if s.matches("\\(") {
                mathClose = ("\\)", .string)
                return s.emit(.string, length: 2)
            }
            if byte == UInt8(ascii: "$") {
                mathClose = ("$", .string)
                return s.emit(.string, length: 1)
            }
            if byte == UInt8(ascii: "\\") {
                return lexCommand(&s)
            }
            s.emit(.text, to: s.end(from: s.pos) { !Self.textBreaks.contains($0) })
        }
    }

    /// `\name`, `\name*` or `\c` for one other character, then an optional `[options]`.
    private func lexCommand(_ s: inout Scanner) {
        let nameEnd = s.end(from: s.pos + 1) {
            $0.isLetter && $0 < 0x80 || $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":")
        }
        s.emit(.keyword, to: nameEnd > s.pos + 1 ? nameEnd : s[s.pos + 1].isSpace ? s.pos + 1 : s.scalarEnd(from: s.pos + 1))
        if s.peek() == UInt8(ascii: "*") { s.emit(.keyword, length: 1) }
        if s.peek() == UInt8(ascii: "[") {
            let close = s.end(from: s.pos) { $0 != UInt8(ascii: "]") && $0 != .newline }
            if s[close] == UInt8(ascii: "]") { s.emit(.nameAttribute, to: close + 1) } else { s.emit(.text, to: close) }
        }
    }

    private func lexMath(_ s: inout Scanner) {
        let byte = s.peek()
        if byte == UInt8(ascii: "\\") {
            let nameEnd = s.end(from: s.pos + 1) { $0.isLetter && $0 < 0x80 }
            return s.emit(.nameVariable, to: nameEnd > s.pos + 1 ? nameEnd : s.scalarEnd(from: s.pos + 1))
        }
        if byte == UInt8(ascii: "$") { return s.emit(.nameBuiltin, length: 1) }
        if byte.isDigit { return s.emit(.number, to: s.end(from: s.pos, while: \.isDigit)) }
        if "-=!+*/()[]".utf8.contains(byte) { return s.emit(.operator, length: 1) }
        s.emit(.nameBuiltin, to: max(s.scalarEnd(from: s.pos), s.end(from: s.pos) { !Self.mathBreaks.contains($0) && !$0.isDigit }))
    }
}
