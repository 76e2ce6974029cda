/// Dockerfiles: instructions, image references, exec-form JSON arrays and shell-form commands
/// lexed as shell, with `\` line continuations.
struct DockerfileLexer: Lexer {
    private let shell = BashLexer()
    /// Instructions whose argument is one literal value.
    private static let literalArguments = WordTable([(.keyword, "FROM MAINTAINER EXPOSE WORKDIR USER STOPSIGNAL VOLUME")])
    private static let instructions = WordTable([
        (
            .keyword,
            """
            FROM MAINTAINER EXPOSE WORKDIR USER STOPSIGNAL VOLUME RUN CMD ENTRYPOINT ENV ARG LABEL ADD COPY ONBUILD
            HEALTHCHECK SHELL
            """
        )
    ])

    func lex(_ scanner: inout Scanner) {
        scanner.run { s in
            let byte = s.peek()
            if byte.isSpace {
                return s.emit(.text, to: s.end(from: s.pos, while: \.isSpace))
            }
            if byte == UInt8(ascii: "#"), s.isFirstOnLine(s.pos) {
                return s.emitRestOfLine(.comment)
            }
            let wordEnd = s.identifierEnd(from: s.pos)
            let upper = ArraySlice(s.slice(s.pos, wordEnd).map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 })
            guard s.isFirstOnLine(s.pos), Self.instructions.contains(upper) else {
                return s.emit(lexedBy: shell, to: logicalLineEnd(s))
            }
            s.emit(.keyword, to: wordEnd)
            s.emit(.text, to: s.end(from: s.pos, while: \.isBlank))
            if upper.elementsEqual("FROM".utf8) {
                lexFrom(&s)
            } else if Self.literalArguments.contains(upper) {
                s.emitRestOfLine(.string)
            } else if s.peek() == UInt8(ascii: "[") {
                s.emit(lexedBy: JSONLexer(allowsComments: false), to: s.lineEnd(from: s.pos))
            } else {
                s.emit(lexedBy: shell, to: logicalLineEnd(s))
            }
        }
    }

    /// `FROM image [AS name]`.
    private func lexFrom(_ s: inout Scanner) {
        let lineEnd = s.lineEnd(from: s.pos)
        while s.pos < lineEnd {
            let wordEnd = max(s.pos + 1, s.end(from: s.pos) { !$0.isSpace })
            let word = s.slice(s.pos, wordEnd)
            s.emit(word.elementsEqual("AS".utf8) || word.elementsEqual("as".utf8) ? .keyword : .string, to: wordEnd)
            s.emit(.text, to: s.end(from: s.pos, while: \.isBlank))
        }
    }

    /// The end of the current line, continued over trailing backslashes.
    private func logicalLineEnd(_ s: Scanner) -> Int {
        var end = s.lineEnd(from: s.pos)
        while end < s.count, s[end - 1] == UInt8(ascii: "\\") { end = s.lineEnd(from: end + 1) }
        return end
    }
}
