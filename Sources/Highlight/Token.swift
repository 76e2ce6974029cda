/// One highlighted piece of source text.
public struct Token: Sendable, Equatable, CustomStringConvertible {
    /// What the text is.
    public var kind: TokenKind
    /// The source text the token covers.
    public var text: String

    /// Creates a token.
    public init(kind: TokenKind, text: String) {
        self.kind = kind
        self.text = text
    }

    public var description: String { "\(kind.cssClass ?? "text")(\(text.debugDescription))" }
}
