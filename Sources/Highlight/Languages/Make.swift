/// Makefiles: variable assignments, rules with targets and prerequisites, `$(…)` references,
/// conditionals, and recipe lines lexed as shell.
struct MakeLexer: Lexer {
    private let shell = BashLexer()
    /// Conditionals and macro definitions: whole lines, as preprocessor directives.
    private static let conditionals = WordTable([(.commentPreproc, "ifeq ifneq ifdef ifndef else endif define endef")])
    private static let directives = WordTable([(.keyword, "include -include sinclude export unexport override vpath")])

    func lex(_ scanner: inout Scanner) {
        var inDefine = false
        scanner.run { s in
            let lineEnd = logicalLineEnd(s)
            let byte = s.peek()
            if byte == .newline {
                return s.emit(.text, length: 1)
            }
            if byte == UInt8(ascii: "\t") || inDefine && !s.matches("endef") {
                s.emit(.text, to: s.end(from: s.pos, while: \.isBlank))
                return s.emit(lexedBy: shell, to: lineEnd)
            }
            if byte.isBlank {
                return s.emit(.text, to: s.end(from: s.pos, while: \.isBlank))
            }
            if byte == UInt8(ascii: "#") {
                return s.emitRestOfLine(.comment)
            }
            let wordEnd = s.end(from: s.pos) { $0.isIdentifier || $0 == UInt8(ascii: "-") }
            let word = s.slice(s.pos, wordEnd)
            if Self.conditionals.contains(word), s[wordEnd].isSpace || s[wordEnd] == UInt8(ascii: "(") || wordEnd == s.count {
                inDefine = word.elementsEqual("define".utf8) || (inDefine && !word.elementsEqual("endef".utf8))
                return s.emit(.commentPreproc, to: lineEnd)
            }
            if let kind = Self.directives[word], s[wordEnd].isBlank {
                s.emit(kind, to: wordEnd)
                return lexReferences(&s, lineEnd, plain: .text)
            }
            if let operatorStart = assignmentOperator(s, lineEnd) {
                lexReferences(&s, operatorStart.nameEnd, plain: .nameVariable)
                s.emit(.text, to: operatorStart.start)
                s.emit(.operator, to: operatorStart.end)
                s.emit(.text, to: s.end(from: s.pos, while: \.isBlank))
                return s.emit(lexedBy: shell, to: lineEnd)
            }
            if let colon = ruleColon(s, lineEnd) {
                s.emit(.nameFunction, to: colon)
                s.emit(.operator, to: s.end(from: colon) { $0 == UInt8(ascii: ":") })
                let recipe = s.end(from: s.pos) { $0 != UInt8(ascii: ";") && $0 != .newline }
                lexReferences(&s, min(recipe, lineEnd), plain: .name)
                if s.peek() == UInt8(ascii: ";") {
                    s.emit(.punctuation, length: 1)
                    s.emit(lexedBy: shell, to: lineEnd)
                }
                return
            }
            lexReferences(&s, lineEnd, plain: .text)
        }
    }

    /// Text up to `end` with `$(…)`, `${…}` and automatic variables (`$@`) marked.
    private func lexReferences(_ s: inout Scanner, _ end: Int, plain: TokenKind) {
        while s.pos < end {
            let byte = s.peek()
            if byte == UInt8(ascii: "$"), s.peek(1) == UInt8(ascii: "(") || s.peek(1) == UInt8(ascii: "{") {
                let close: UInt8 = s.peek(1) == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "}")
                s.emit(.keyword, length: 2)
                let nameEnd = s.end(from: s.pos) { $0 != close && $0 != .newline && !$0.isSpace && $0 != UInt8(ascii: ",") }
                s.emit(.nameVariable, to: min(nameEnd, end))
                let closeAt = s.end(from: s.pos) { $0 != close && $0 != .newline }
                s.emit(.text, to: min(closeAt, end))
                if s.peek() == close { s.emit(.keyword, length: 1) }
            } else if byte == UInt8(ascii: "$"), s.pos + 1 < end {
                s.emit(.nameVariable, length: 2)
            } else if byte.isSpace {
                s.emit(.text, to: min(s.end(from: s.pos, while: \.isSpace), end))
            } else {
                s.emit(plain, to: min(max(s.pos + 1, s.end(from: s.pos) { !$0.isSpace && $0 != UInt8(ascii: "$") }), end))
            }
        }
    }

    /// `NAME = value` with `=`, `:=`, `::=`, `?=`, `+=` or `!=` before any `:` of a rule.
    private func assignmentOperator(_ s: Scanner, _ lineEnd: Int) -> (nameEnd: Int, start: Int, end: Int)? {
        var i = s.pos
        var depth = 0
        while i < lineEnd {
            let byte = s[i]
            if byte == UInt8(ascii: "("), s[i - 1] == UInt8(ascii: "$") { depth += 1 }
            if byte == UInt8(ascii: ")"), depth > 0 { depth -= 1 }
            if depth == 0 {
                if byte == UInt8(ascii: "=") || (("?+!".utf8.contains(byte)) && s[i + 1] == UInt8(ascii: "=")) {
                    var nameEnd = i
                    while nameEnd > s.pos, s[nameEnd - 1].isBlank { nameEnd -= 1 }
                    return (nameEnd, i, byte == UInt8(ascii: "=") ? i + 1 : i + 2)
                }
                if byte == UInt8(ascii: ":") {
                    let equals = s.end(from: i) { $0 == UInt8(ascii: ":") }
                    guard s[equals] == UInt8(ascii: "=") else { return nil }
                    var nameEnd = i
                    while nameEnd > s.pos, s[nameEnd - 1].isBlank { nameEnd -= 1 }
                    return (nameEnd, i, equals + 1)
                }
            }
            i += 1
        }
        return nil
    }

    /// The `:` that ends a rule's targets, outside `$(…)`.
    private func ruleColon(_ s: Scanner, _ lineEnd: Int) -> Int? {
        var i = s.pos
        var depth = 0
        while i < lineEnd {
            if s[i] == UInt8(ascii: "("), s[i - 1] == UInt8(ascii: "$") { depth += 1 }
            if s[i] == UInt8(ascii: ")"), depth > 0 { depth -= 1 }
            if s[i] == UInt8(ascii: ":"), depth == 0 { return i }
            i += 1
        }
        return nil
    }

    private func logicalLineEnd(_ s: Scanner) -> Int {
        var end = s.lineEnd(from: s.pos)
        while end < s.count, s[end - 1] == UInt8(ascii: "\\") { end = s.lineEnd(from: end + 1) }
        return end
    }
}
