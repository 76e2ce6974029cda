/// JSON: object keys, strings with escapes, numbers and constants. Comments are errors in strict
/// JSON and comments in `jsonc`/`json5`.
struct JSONLexer: Lexer {
    /// Whether `//` and `/* */` comments are allowed.
    let allowsComments: Bool

    func lex(_ scanner: inout Scanner) {
        scanner.run { s in
            let byte = s.peek()
            switch byte {
            case _ where byte.isSpace:
                s.emit(.text, to: s.end(from: s.pos, while: \.isSpace))
            case UInt8(ascii: "\""):
                let end = quotedEnd(s)
                let isKey = s.nextNonBlank(from: end).byte == UInt8(ascii: ":")
                emitString(&s, to: end, kind: isKey ? .nameTag : .stringDouble)
            case UInt8(ascii: "/") where s.peek(1) == UInt8(ascii: "/") || s.peek(1) == UInt8(ascii: "*"):
                let end =
                    s.peek(1) == UInt8(ascii: "/")
                    ? s.lineEnd(from: s.pos)
                    : s.blockCommentEnd(from: s.pos, open: "/*", close: "*/", nests: false)
                s.emit(allowsComments ? (s.peek(1) == UInt8(ascii: "/") ? .commentSingle : .commentMultiline) : .error, to: end)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (end, kind) = s.number(from: byte == UInt8(ascii: "-") ? s.pos + 1 : s.pos, suffixes: false)
                s.emit(kind, to: end)
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ":"), UInt8(ascii: ","):
                s.emit(.punctuation, length: 1)
            case _ where byte.isLetter:
                let end = s.identifierEnd(from: s.pos)
                let word = s.slice(s.pos, end)
                let constant = word.elementsEqual("true".utf8) || word.elementsEqual("false".utf8) || word.elementsEqual("null".utf8)
                s.emit(constant ? .keywordConstant : .error, to: end)
            default:
                s.emitScalar(.error)
            }
        }
    }

    /// The end of the string starting at the cursor (after its closing quote, or at the line end).
    private func quotedEnd(_ s: Scanner) -> Int {
        var i = s.pos + 1
        while i < s.count, s[i] != UInt8(ascii: "\""), s[i] != .newline {
            i += s[i] == UInt8(ascii: "\\") ? 2 : 1
        }
        return min(s[i] == UInt8(ascii: "\"") ? i + 1 : i, s.count)
    }

    /// Emits a string, marking escapes inside values.
    private func emitString(_ s: inout Scanner, to end: Int, kind: TokenKind) {
        guard kind != .nameTag else { return s.emit(kind, to: end) }
        while s.pos < end {
            // Look for the next backslash inside this string only: searching the rest of the
            // source made every string cost the distance to the next backslash (quadratic for
            // many strings, 400 KB of unclosed ones took 5 s).
            var escape = s.pos
            while escape < end, s[escape] != UInt8(ascii: "\\") { escape += 1 }
            s.emit(kind, to: escape)
            if s.pos < end { s.emit(.stringEscape, to: min(s.escapeEnd(from: s.pos + 1), end)) }
        }
    }
}
