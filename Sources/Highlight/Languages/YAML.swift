/// YAML: keys, indicators, quoted and plain scalars, anchors and aliases, block scalars
/// (`|`, `>`) whose lines are taken verbatim, and flow collections.
struct YAMLLexer: Lexer {
    private struct State {
        /// Indentation of the line that opened a block scalar, while its body lasts.
        var blockParentIndent: Int?
        /// Nesting of `[` and `{` flow collections.
        var flowDepth = 0
    }

    func lex(_ scanner: inout Scanner) {
        var state = State()
        var lineIndent = 0
        scanner.run { s in
            if s.pos == 0 || s[s.pos - 1] == .newline {
                lineIndent = s.end(from: s.pos) { $0 == UInt8(ascii: " ") } - s.pos
                if lexBlockScalarLine(&s, &state, indent: lineIndent) { return }
            }
            lexToken(&s, &state, lineIndent: lineIndent)
        }
    }

    /// A line of a block scalar body (or a blank line inside one).
    private func lexBlockScalarLine(_ s: inout Scanner, _ state: inout State, indent: Int) -> Bool {
        guard let parent = state.blockParentIndent else { return false }
        let lineEnd = s.lineEnd(from: s.pos)
        let blank = s.end(from: s.pos, while: \.isBlank) == lineEnd
        guard blank || indent > parent else {
            state.blockParentIndent = nil
            return false
        }
        s.emit(.text, to: s.pos + indent)
        s.emit(.nameConstant, to: lineEnd)
        s.emit(.text, to: lineEnd + 1)
        return true
    }

    private func lexToken(_ s: inout Scanner, _ state: inout State, lineIndent: Int) {
        let byte = s.peek()
        let atLineStart = s.isFirstOnLine(s.pos)
        let followedBySpace = s.peek(1).isSpace || s.pos + 1 >= s.count
        switch byte {
        case .newline:
            s.emit(.text, length: 1)
        case _ where byte.isSpace:
            s.emit(.text, to: s.end(from: s.pos) { $0.isSpace && $0 != .newline })
        case UInt8(ascii: "#") where s.pos == 0 || s[s.pos - 1].isSpace:
            s.emitRestOfLine(.commentSingle)
        case UInt8(ascii: "-") where atLineStart && s.pos == s.lineStart && (s.matches("---") || s.matches("...")):
            s.emit(.nameNamespace, length: 3)
        case UInt8(ascii: "."):
            if atLineStart, s.pos == s.lineStart, s.matches("...") { s.emit(.nameNamespace, length: 3) } else { lexScalar(&s, state) }
        case UInt8(ascii: "-") where followedBySpace, UInt8(ascii: "?") where followedBySpace:
            s.emit(.punctuation, length: 1)
        case UInt8(ascii: ":") where followedBySpace || state.flowDepth > 0:
            s.emit(.punctuation, length: 1)
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            state.flowDepth += 1
            s.emit(.punctuation, length: 1)
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
            state.flowDepth = max(0, state.flowDepth - 1)
            s.emit(.punctuation, length: 1)
        case UInt8(ascii: ",") where state.flowDepth > 0:
            s.emit(.punctuation, length: 1)
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            let end = s.end(from: s.pos + 1) { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0.isDigit }
            let rest = s.nextNonBlank(from: end)
            if rest.byte == .newline || rest.byte == UInt8(ascii: "#") || rest.index >= s.count {
                s.emit(.punctuation, to: end)
                state.blockParentIndent = lineIndent
            } else {
                lexScalar(&s, state)
            }
        case UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"):
            let end = s.end(from: s.pos + 1) { !$0.isSpace && $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "]") && $0 != UInt8(ascii: "}") }
            s.emit(byte == UInt8(ascii: "&") ? .nameLabel : byte == UInt8(ascii: "*") ? .nameVariable : .keywordType, to: end)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let end = quotedEnd(s, byte)
            let isKey = s.nextNonBlank(from: end).byte == UInt8(ascii: ":")
            s.emit(isKey ? .nameTag : .string, to: end)
        default:
            lexScalar(&s, state)
        }
    }

    /// A plain scalar: a key when a `: ` follows on the same line, otherwise a value.
    private func lexScalar(_ s: inout Scanner, _ state: State) {
        var i = s.pos
        let lineEnd = s.lineEnd(from: s.pos)
        while i < lineEnd {
            let byte = s[i]
            if byte == UInt8(ascii: ":"), s[i + 1].isSpace || i + 1 >= s.count || (state.flowDepth > 0 && "],}".utf8.contains(s[i + 1])) {
                var keyEnd = i
                while keyEnd > s.pos, s[keyEnd - 1].isBlank { keyEnd -= 1 }
                s.emit(.nameTag, to: keyEnd)
                return
            }
            if byte == UInt8(ascii: "#"), s[i - 1].isBlank { break }
            if state.flowDepth > 0, byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") { break }
            i += 1
        }
        while i > s.pos, s[i - 1].isBlank { i -= 1 }
        s.emit(state.flowDepth > 0 ? .nameVariable : .literal, to: max(i, s.scalarEnd(from: s.pos)))
    }

    /// The end of a quoted scalar: `''` escapes a quote in single quotes, `\` in double quotes.
    private func quotedEnd(_ s: Scanner, _ quote: UInt8) -> Int {
        var i = s.pos + 1
        while i < s.count {
            if quote == UInt8(ascii: "\""), s[i] == UInt8(ascii: "\\") {
                i += 2
                continue
            }
            if s[i] == quote {
                if quote == UInt8(ascii: "'"), s[i + 1] == quote {
                    i += 2
                    continue
                }
                return i + 1
            }
            i += 1
        }
        return s.count
    }
}

extension Scanner {
    /// The index where the cursor's line starts.
    var lineStart: Int {
        var i = pos
        while i > 0, bytes[i - 1] != .newline { i -= 1 }
        return i
    }
}
