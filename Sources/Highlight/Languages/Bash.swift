/// POSIX shells and Bash: quoting, `$var`, `${…}`, `$(…)`, `$((…))` and backquotes nested on an
/// explicit stack, and here-documents whose bodies start on the line after `<<WORD`.
struct BashLexer: Lexer {
    /// Bytes that end a run of plain command text.
    private static let textBreaks: ByteSet = "=[]{}()$\"'`\\<&|; \t\n#"
    /// Bytes that end a command word.
    private static let wordBreaks: ByteSet = "=[]{}()$\"'`\\<&|; \t\n"
    /// Bytes after which a new word starts.
    private static let wordStarts: ByteSet = " \t\n;&|(`"

    private enum Frame: Equatable {
        case code
        /// Inside `$(…)`; `depth` counts unclosed `(` since.
        case command(depth: Int)
        case arithmetic
        case backquote
        case parameter
        case doubleQuoted
    }

    private struct HereDocument {
        var delimiter: [UInt8]
        var stripsTabs: Bool
        var expands: Bool
    }

    private static let keywords = WordTable([
        (.keyword, "if fi else while in do done for then return function case select break continue until esac elif"),
        (
            .nameBuiltin,
            """
            alias bg bind builtin caller cd command compgen complete declare dirs disown echo enable eval exec exit
            export false fc fg getopts hash help history jobs kill let local logout popd printf pushd pwd read
            readonly set shift shopt source suspend test time times trap true type typeset ulimit umask unalias
            unset wait
            """
        ),
    ])

    func lex(_ scanner: inout Scanner) {
        var stack: [Frame] = [.code]
        var hereDocuments: [HereDocument] = []
        scanner.run { s in
            let frame = stack.last ?? .code
            if frame == .doubleQuoted {
                return lexDoubleQuoted(&s, &stack)
            }
            let byte = s.peek()
            if byte == .newline, !hereDocuments.isEmpty {
                s.emit(.text, length: 1)
                for document in hereDocuments { lexHereDocumentBody(&s, document) }
                hereDocuments.removeAll()
                return
            }
            if byte.isSpace {
                return s.emit(.text, to: s.end(from: s.pos) { $0.isSpace && ($0 != .newline || hereDocuments.isEmpty) })
            }
            if closesFrame(&s, &stack, frame) { return }
            lexCode(&s, &stack, &hereDocuments, frame)
        }
    }

    /// Handles the byte that ends the innermost construct; true if it did.
    private func closesFrame(_ s: inout Scanner, _ stack: inout [Frame], _ frame: Frame) -> Bool {
        let byte = s.peek()
        switch frame {
        case .command(let depth):
            if byte == UInt8(ascii: "(") {
                stack[stack.count - 1] = .command(depth: depth + 1)
            } else if byte == UInt8(ascii: ")") {
                if depth == 0 {
                    s.emit(.keyword, length: 1)
                    stack.removeLast()
                    return true
                }
                stack[stack.count - 1] = .command(depth: depth - 1)
            }
        case .arithmetic:
            if s.matches("))") {
                s.emit(.keyword, length: 2)
                stack.removeLast()
                return true
            }
            if byte.isIdentifierStart {
                s.emit(.nameVariable, to: s.identifierEnd(from: s.pos))
                return true
            }
            if byte.isDigit {
                s.emit(.number, to: s.end(from: s.pos, while: \.isHexDigit))
                return true
            }
            if "+-*/%^|&<>!=?:".utf8.contains(byte) {
                s.emit(.operator, length: 1)
                return true
            }
        case .backquote:
            if byte == UInt8(ascii: "`") {
                s.emit(.stringBacktick, length: 1)
                stack.removeLast()
                return true
            }
        case .parameter:
            if byte == UInt8(ascii: "}") {
                s.emit(.stringInterpol, length: 1)
                stack.removeLast()
                return true
            }
            if byte.isIdentifier {
                s.emit(.nameVariable, to: s.identifierEnd(from: s.pos))
                return true
            }
            if !"\"'`$\\".utf8.contains(byte) {
                s.emit(s.matches(":-") ? .keyword : .punctuation, length: s.matches(":-") ? 2 : 1)
                return true
            }
        case .code, .doubleQuoted:
            break
        }
        return false
    }

    private func lexCode(_ s: inout Scanner, _ stack: inout [Frame], _ hereDocuments: inout [HereDocument], _ frame: Frame) {
        let byte = s.peek()
        let wordStart = s.pos == 0 || Self.wordStarts.contains(s[s.pos - 1])
        switch byte {
        case UInt8(ascii: "#") where wordStart:
            s.emitRestOfLine(s.pos == 0 && s.peek(1) == UInt8(ascii: "!") ? .commentHashbang : .commentSingle)
        case UInt8(ascii: "\\"):
            s.emit(.stringEscape, to: s.scalarEnd(from: s.pos + 1))
        case UInt8(ascii: "\""):
            s.emit(.stringDouble, length: 1)
            stack.append(.doubleQuoted)
        case UInt8(ascii: "'"):
            s.emit(.stringSingle, to: quotedEnd(s, from: s.pos + 1, quote: byte))
        case UInt8(ascii: "`"):
            s.emit(.stringBacktick, length: 1)
            stack.append(.backquote)
        case UInt8(ascii: "$"):
            if s.peek(1) == UInt8(ascii: "'") {
                s.emit(.stringSingle, to: quotedEnd(s, from: s.pos + 2, quote: UInt8(ascii: "'")))
            } else {
                lexDollar(&s, &stack)
            }
        case UInt8(ascii: "<") where s.matches("<<<"):
            s.emit(.operator, length: 3)
        case UInt8(ascii: "<") where s.matches("<<"):
            lexHereDocumentStart(&s, &hereDocuments)
        case UInt8(ascii: "&") where s.matches("&&"), UInt8(ascii: "|") where s.matches("||"):
            s.emit(.operator, length: 2)
        case UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"):
            s.emit(.punctuation, length: 1)
        case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "="):
            s.emit(.operator, length: 1)
        case _ where byte.isDigit && wordStart:
            let end = s.end(from: s.pos, while: \.isDigit)
            s.emit(s[end].isIdentifier || s[end] == UInt8(ascii: ".") || s[end] == UInt8(ascii: "-") ? .text : .number, to: end)
        case _ where byte.isIdentifierStart && wordStart:
            lexWord(&s)
        default:
            s.emit(.text, to: max(s.scalarEnd(from: s.pos), s.end(from: s.pos) { !Self.textBreaks.contains($0) }))
        }
    }

    /// A command word: keyword, builtin, assignment target or plain text.
    private func lexWord(_ s: inout Scanner) {
        let end = s.identifierEnd(from: s.pos)
        let after = s[end]
        if after == UInt8(ascii: "=") || (after == UInt8(ascii: "+") && s[end + 1] == UInt8(ascii: "=")) {
            s.emit(.nameVariable, to: end)
            s.emit(.operator, length: after == UInt8(ascii: "=") ? 1 : 2)
            return
        }
        if let kind = Self.keywords[s.slice(s.pos, end)],
            after == 0 || after.isSpace || after == UInt8(ascii: ";")
                || (kind == .nameBuiltin && (after == UInt8(ascii: ")") || after == UInt8(ascii: "`")))
        {
            s.emit(kind, to: end)
            return
        }
        s.emit(.text, to: s.end(from: s.pos) { !Self.wordBreaks.contains($0) })
    }

    /// `$name`, `$1`, `$@`, `${…}`, `$(…)` and `$((…))`.
    private func lexDollar(_ s: inout Scanner, _ stack: inout [Frame]) {
        let next = s.peek(1)
        if s.matches("$((") {
            s.emit(.keyword, length: 3)
            stack.append(.arithmetic)
        } else if next == UInt8(ascii: "(") {
            s.emit(.keyword, length: 2)
            stack.append(.command(depth: 0))
        } else if next == UInt8(ascii: "{") {
            s.emit(.stringInterpol, length: s.peek(2) == UInt8(ascii: "#") ? 3 : 2)
            stack.append(.parameter)
        } else if next.isIdentifierStart {
            s.emit(.nameVariable, to: s.identifierEnd(from: s.pos + 1))
        } else if next.isDigit {
            s.emit(.nameVariable, to: s.end(from: s.pos + 1, while: \.isDigit))
        } else if "#$?!_*@-".utf8.contains(next) {
            s.emit(.nameVariable, length: 2)
        } else {
            s.emit(.text, length: 1)
        }
    }

    private func lexDoubleQuoted(_ s: inout Scanner, _ stack: inout [Frame]) {
        let byte = s.peek()
        if byte == UInt8(ascii: "\"") {
            s.emit(.stringDouble, length: 1)
            stack.removeLast()
        } else if byte == UInt8(ascii: "$") {
            lexDollar(&s, &stack)
        } else if byte == UInt8(ascii: "`") {
            s.emit(.stringBacktick, length: 1)
            stack.append(.backquote)
        } else {
            var i = s.pos
            while i < s.count, s[i] != UInt8(ascii: "\""), s[i] != UInt8(ascii: "$"), s[i] != UInt8(ascii: "`") {
                i += s[i] == UInt8(ascii: "\\") ? 2 : 1
            }
            s.emit(.stringDouble, to: i)
        }
    }

    /// `<<WORD`, `<<-WORD`, `<<'WORD'` or `<<"WORD"`: the body follows the current line.
    private func lexHereDocumentStart(_ s: inout Scanner, _ documents: inout [HereDocument]) {
        let stripsTabs = s.peek(2) == UInt8(ascii: "-")
        var i = s.end(from: s.pos + (stripsTabs ? 3 : 2), while: \.isBlank)
        let quote = s[i] == UInt8(ascii: "'") || s[i] == UInt8(ascii: "\"") ? s[i] : 0
        if quote != 0 || s[i] == UInt8(ascii: "\\") { i += 1 }
        let wordEnd = s.end(from: i) { $0.isIdentifier || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
        guard wordEnd > i else { return s.emit(.operator, length: 2) }
        documents.append(
            HereDocument(delimiter: Array(s.slice(i, wordEnd)), stripsTabs: stripsTabs, expands: quote == 0 && s[i - 1] != UInt8(ascii: "\\")))
        s.emit(.stringHeredoc, to: quote != 0 && s[wordEnd] == quote ? wordEnd + 1 : wordEnd)
    }

    /// The lines of a here-document up to and including its delimiter line.
    private func lexHereDocumentBody(_ s: inout Scanner, _ document: HereDocument) {
        while !s.atEnd {
            let lineEnd = s.lineEnd(from: s.pos)
            let contentStart = document.stripsTabs ? s.end(from: s.pos) { $0 == UInt8(ascii: "\t") } : s.pos
            if s.slice(contentStart, lineEnd).elementsEqual(document.delimiter) {
                s.emit(.stringHeredoc, to: lineEnd)
                s.emit(.text, to: lineEnd + 1)
                return
            }
            while s.pos < lineEnd {
                if document.expands, s.peek() == UInt8(ascii: "$"), s.peek(1).isIdentifierStart || s.peek(1) == UInt8(ascii: "{") {
                    let end =
                        s.peek(1) == UInt8(ascii: "{")
                        ? min(s.end(from: s.pos) { $0 != UInt8(ascii: "}") && $0 != .newline } + 1, lineEnd)
                        : s.identifierEnd(from: s.pos + 1)
                    s.emit(s.peek(1) == UInt8(ascii: "{") ? .stringInterpol : .nameVariable, to: end)
                } else {
                    s.emit(
                        .stringHeredoc,
                        to: max(s.pos + 1, document.expands ? s.end(from: s.pos + 1) { $0 != UInt8(ascii: "$") && $0 != .newline } : lineEnd))
                }
            }
            s.emit(.stringHeredoc, to: lineEnd + 1)
        }
    }

    /// The end of a single-quoted string whose body starts at `start`.
    private func quotedEnd(_ s: Scanner, from start: Int, quote: UInt8) -> Int {
        let close = s.end(from: start) { $0 != quote }
        return min(close + 1, s.count)
    }
}
