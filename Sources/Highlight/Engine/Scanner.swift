/// A cursor over UTF-8 bytes that a lexer advances by emitting tokens.
///
/// Every emitted token starts where the previous one ended, so the tokens always cover the
/// source exactly; adjacent tokens of the same kind are merged.
struct Scanner {
    let bytes: [UInt8]
    private(set) var pos = 0
    private(set) var tokens: [RawToken] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        tokens.reserveCapacity(bytes.count / 3 + 1)
    }

    var count: Int { bytes.count }
    var atEnd: Bool { pos >= bytes.count }

    /// The byte at `index`, or 0 outside the source.
    subscript(index: Int) -> UInt8 { index >= 0 && index < bytes.count ? bytes[index] : 0 }

    /// The byte `offset` places from the cursor, or 0 outside the source.
    func peek(_ offset: Int = 0) -> UInt8 { self[pos + offset] }

    /// Emits the bytes from the cursor up to `end` (clamped to the source, and moved past any
    /// continuation bytes so no UTF-8 scalar is split) as one token.
    mutating func emit(_ kind: TokenKind, to end: Int) {
        var end = min(end, bytes.count)
        guard end > pos else { return }
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        if let last = tokens.last, last.kind == kind, last.end == pos {
            tokens[tokens.count - 1].end = end
        } else {
            tokens.append(RawToken(kind: kind, start: pos, end: end))
        }
        pos = end
    }

    /// Emits the next `length` bytes as one token.
    mutating func emit(_ kind: TokenKind, length: Int) { emit(kind, to: pos + length) }

    /// Emits the whole UTF-8 scalar at the cursor.
    mutating func emitScalar(_ kind: TokenKind) { emit(kind, to: scalarEnd(from: pos)) }

    /// Emits everything up to the end of the current line (not the newline itself).
    mutating func emitRestOfLine(_ kind: TokenKind) { emit(kind, to: lineEnd(from: pos)) }

    /// Emits the bytes up to `end` as tokens of another language (a fence's code, a prompt's
    /// command). The embedded lexer sees only those bytes.
    mutating func emit(lexedBy lexer: any Lexer, to end: Int) {
        let end = min(end, bytes.count)
        guard end > pos else { return }
        for token in lexer.tokens(Array(bytes[pos..<end])) {
            emit(token.kind, to: pos + (token.end - token.start))
        }
    }

    /// Calls `step` until the source is consumed; a step that consumes nothing costs one scalar
    /// of plain text, so no lexer can stall.
    mutating func run(_ step: (inout Scanner) -> Void) {
        while !atEnd {
            let before = pos
            step(&self)
            if pos == before { emitScalar(.text) }
        }
    }

    /// Whether `word` occurs at `index`.
    func matches(_ word: String, at index: Int) -> Bool {
        guard index >= 0, index < bytes.count, bytes[index] == word.utf8.first else { return false }
        var i = index
        for byte in word.utf8 {
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
        }
        return index >= 0
    }

    /// Whether `word` occurs at the cursor.
    func matches(_ word: String) -> Bool { matches(word, at: pos) }

    /// The first index at or after `index` whose byte fails `predicate`.
    func end(from index: Int, while predicate: (UInt8) -> Bool) -> Int {
        var i = max(index, 0)
        while i < bytes.count, predicate(bytes[i]) { i += 1 }
        return i
    }

    /// The index of the next newline at or after `index`, or the end of the source.
    func lineEnd(from index: Int) -> Int { end(from: index) { $0 != .newline } }

    /// The index just after the UTF-8 scalar starting at `index`.
    func scalarEnd(from index: Int) -> Int {
        var i = index + 1
        while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
        return min(i, bytes.count)
    }

    /// The end of the identifier starting at `index` (letters, digits, `_`, non-ASCII).
    func identifierEnd(from index: Int) -> Int { end(from: index, while: \.isIdentifier) }

    /// The bytes in `range` (clamped), for word look-ups.
    func slice(_ start: Int, _ end: Int) -> ArraySlice<UInt8> {
        let s = max(0, min(start, bytes.count))
        let e = max(s, min(end, bytes.count))
        return bytes[s..<e]
    }

    /// The first byte at or after `index` that is not a space or tab (0 at the end).
    func nextNonBlank(from index: Int) -> (index: Int, byte: UInt8) {
        let i = end(from: index, while: \.isBlank)
        return (i, self[i])
    }

    /// Whether only spaces and tabs precede `index` on its line.
    func isFirstOnLine(_ index: Int) -> Bool {
        var i = index - 1
        while i >= 0, bytes[i].isBlank { i -= 1 }
        return i < 0 || bytes[i] == .newline
    }

    /// The last byte before `index` that is not whitespace (0 if none).
    func previousNonSpace(before index: Int) -> UInt8 {
        var i = index - 1
        while i >= 0, bytes[i].isSpace { i -= 1 }
        return i >= 0 ? bytes[i] : 0
    }
}
