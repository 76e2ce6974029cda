/// Shell sessions: prompt lines (`$ `, `# `, `% `, `(venv) $ `, `user@host:~$ `) whose commands are
/// lexed as shell, and output lines shown as output. A command ending in `\` continues on the
/// next line.
struct ConsoleLexer: Lexer {
    let shell = BashLexer()

    func lex(_ scanner: inout Scanner) {
        scanner.run { s in
            let lineEnd = s.lineEnd(from: s.pos)
            guard let promptEnd = promptEnd(s, lineEnd) else {
                s.emit(.genericOutput, to: lineEnd)
                s.emit(.text, to: lineEnd + 1)
                return
            }
            s.emit(.genericPrompt, to: promptEnd)
            var commandEnd = lineEnd
            while commandEnd < s.count, s[commandEnd - 1] == UInt8(ascii: "\\") {
                commandEnd = s.lineEnd(from: commandEnd + 1)
            }
            s.emit(lexedBy: shell, to: commandEnd)
            s.emit(.text, to: commandEnd + 1)
        }
    }

    /// The end of the prompt at the start of the current line, if the line has one.
    private func promptEnd(_ s: Scanner, _ lineEnd: Int) -> Int? {
        var i = s.pos
        if s[i] == UInt8(ascii: "(") {
            let close = s.end(from: i) { $0 != UInt8(ascii: ")") && !$0.isSpace }
            if s[close] == UInt8(ascii: ")"), s[close + 1] == UInt8(ascii: " ") { i = close + 2 }
        }
        // An optional `user@host:path` or `[user@host path]` before the sigil.
        let word = s.end(from: i) {
            !$0.isSpace && $0 != UInt8(ascii: "$") && $0 != UInt8(ascii: "#") && $0 != UInt8(ascii: "%") && $0 != UInt8(ascii: ">")
        }
        if word > i, s.slice(i, word).contains(UInt8(ascii: "@")) || s[i] == UInt8(ascii: "[") {
            i = word
            if s[i] == UInt8(ascii: " "), s.slice(i, lineEnd).contains(UInt8(ascii: "]")) {
                i = s.end(from: i) { $0 != UInt8(ascii: "]") && $0 != .newline } + 1
            }
        }
        let sigil = s[i]
        guard sigil == UInt8(ascii: "$") || sigil == UInt8(ascii: "#") || sigil == UInt8(ascii: "%") || sigil == UInt8(ascii: ">"),
            s[i + 1] == UInt8(ascii: " ") || i + 1 == lineEnd
        else { return nil }
        return s.end(from: i + 1, while: \.isBlank)
    }
}
