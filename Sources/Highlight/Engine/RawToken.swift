/// A token as the lexers produce it: a kind over a byte range of the source.
struct RawToken: Sendable, Equatable {
    var kind: TokenKind
    var start: Int
    var end: Int
}
