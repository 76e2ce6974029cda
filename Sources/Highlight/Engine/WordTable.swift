/// A fixed set of words, each with the token kind it gets, looked up by byte slice.
struct WordTable: Sendable {
    private var kinds: [ArraySlice<UInt8>: TokenKind] = [:]

    /// Builds the table from groups of space-separated words; later groups win on duplicates.
    init(_ groups: [(TokenKind, String)]) {
        for (kind, words) in groups {
            for word in words.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                kinds[ArraySlice(Array(word.utf8))] = kind
            }
        }
    }

    /// The kind of `word`, if it is in the table.
    subscript(word: ArraySlice<UInt8>) -> TokenKind? { kinds.isEmpty ? nil : kinds[word] }

    /// Whether `word` is in the table.
    func contains(_ word: ArraySlice<UInt8>) -> Bool { self[word] != nil }
}
