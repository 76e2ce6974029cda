/// Unified and context diffs: file headers, hunk headers, insertions and deletions, line by line.
struct DiffLexer: Lexer {
    func lex(_ scanner: inout Scanner) {
        scanner.run { s in
            let end = s.lineEnd(from: s.pos)
            let line = s.slice(s.pos, end)
            let kind: TokenKind
            if s.matches("+++") || s.matches("---") || s.matches("***") && !s.matches("****") {
                kind = .genericHeading
            } else if s.matches("diff ") || s.matches("index ") || s.matches("Index: ") || s.peek() == UInt8(ascii: "=") {
                kind = .genericHeading
            } else if s.matches("@@") || s.matches("***************") {
                kind = .genericSubheading
            } else {
                switch line.first {
                case UInt8(ascii: "+"), UInt8(ascii: ">"): kind = .genericInserted
                case UInt8(ascii: "-"), UInt8(ascii: "<"): kind = .genericDeleted
                case UInt8(ascii: "!"): kind = .genericStrong
                default: kind = .text
                }
            }
            s.emit(kind, to: end)
            s.emit(.text, to: end + 1)
        }
    }
}
