@testable import Highlight

/// The tokens of `code` in `language`.
func lex(_ code: String, _ language: String) -> [Token] {
    Highlighter.tokens(code: code, language: language)
}

/// Whether some token of `tokens` is exactly `text` with `kind`.
func has(_ tokens: [Token], _ kind: TokenKind, _ text: String) -> Bool {
    tokens.contains(Token(kind: kind, text: text))
}

/// The kind of the token that contains the first occurrence of `needle` in the source, if one
/// token contains it whole.
func kind(of needle: String, in tokens: [Token]) -> TokenKind? {
    let source = tokens.map(\.text).joined()
    guard let range = source.range(of: needle) else { return nil }
    let start = source.utf8.distance(from: source.startIndex, to: range.lowerBound)
    let end = start + needle.utf8.count
    var offset = 0
    for token in tokens {
        let tokenEnd = offset + token.text.utf8.count
        if offset <= start, end <= tokenEnd { return token.kind }
        offset = tokenEnd
    }
    return nil
}
