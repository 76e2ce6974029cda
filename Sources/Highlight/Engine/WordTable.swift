/// A fixed set of words, each with the token kind it gets, looked up by byte slice.
///
/// Open addressing over one flat byte buffer with an FNV-1a hash: a look-up hashes the slice once
/// and compares bytes, with no allocation.
struct WordTable: Sendable {
    private struct Entry: Sendable {
        var offset: Int32
        var length: Int32
        var kind: TokenKind
    }

    private var text: [UInt8] = []
    private var slots: [Entry?] = []
    private var mask = 0

    /// Builds the table from groups of space-separated words; later groups win on duplicates.
    init(_ groups: [(TokenKind, String)]) {
        var words: [([UInt8], TokenKind)] = []
        for (kind, list) in groups {
            for word in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                words.append((Array(word.utf8), kind))
            }
        }
        guard !words.isEmpty else { return }
        var size = 8
        while size < words.count * 2 { size *= 2 }
        slots = Array(repeating: nil, count: size)
        mask = size - 1
        for (word, kind) in words {
            var slot = Self.hash(word[...]) & mask
            while let entry = slots[slot], !equal(entry, word[...]) { slot = (slot + 1) & mask }
            if slots[slot] == nil {
                slots[slot] = Entry(offset: Int32(text.count), length: Int32(word.count), kind: kind)
                text.append(contentsOf: word)
            } else {
                slots[slot]?.kind = kind
            }
        }
    }

    private static func hash(_ word: ArraySlice<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    private func equal(_ entry: Entry, _ word: ArraySlice<UInt8>) -> Bool {
        guard Int(entry.length) == word.count else { return false }
        var i = Int(entry.offset)
        for byte in word {
            if text[i] != byte { return false }
            i += 1
        }
        return true
    }

    /// The kind of `word`, if it is in the table.
    subscript(word: ArraySlice<UInt8>) -> TokenKind? {
        guard !slots.isEmpty, word.count <= 64 else { return nil }
        var slot = Self.hash(word) & mask
        while let entry = slots[slot] {
            if equal(entry, word) { return entry.kind }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Whether `word` is in the table.
    func contains(_ word: ArraySlice<UInt8>) -> Bool { self[word] != nil }
}
