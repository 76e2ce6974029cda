/// A language's tokenizer: consumes the scanner's source from its cursor to the end.
///
/// Lexers keep any nesting (interpolation, nested comments, heredocs) on explicit stacks, never
/// in recursion, and drive their loop through `Scanner.run`, which guarantees progress.
protocol Lexer: Sendable {
    func lex(_ scanner: inout Scanner)
}

extension Lexer {
    /// Lexes a whole source.
    func tokens(_ bytes: [UInt8]) -> [RawToken] {
        var scanner = Scanner(bytes)
        lex(&scanner)
        if !scanner.atEnd { scanner.emit(.text, to: scanner.count) }
        return scanner.tokens
    }
}
