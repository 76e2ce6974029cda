/// How the body of one kind of string literal is lexed.
struct StringStyle: Sendable {
    /// How expressions are embedded in the string.
    enum Interpolation: Sendable {
        case none
        /// Swift: `\(expr)` (with the escape lead, so `\#(expr)` in `#"…"#`).
        case backslashParen
        /// Python f-strings: `{expr}`, with `{{` and `}}` as escapes.
        case braces
        /// JavaScript template literals: `${expr}`.
        case dollarBrace
        /// Kotlin, Julia, shell: `$name`, `${expr}` and `$(expr)`.
        case dollar
    }

    /// The bytes that end the string.
    var close: [UInt8]
    /// The kind of the string's text.
    var kind: TokenKind
    /// The bytes that start an escape sequence; empty for raw strings.
    var escapeLead: [UInt8] = [UInt8(ascii: "\\")]
    var interpolation: Interpolation = .none
    /// Whether a line break may occur inside; if not, the string ends at the line's end.
    var multiline = false

    init(close: String, kind: TokenKind, escapes: Bool = true, interpolation: Interpolation = .none, multiline: Bool = false) {
        self.close = Array(close.utf8)
        self.kind = kind
        self.escapeLead = escapes ? [UInt8(ascii: "\\")] : []
        self.interpolation = interpolation
        self.multiline = multiline
    }
}

/// A string literal found at some position: an optional prefix (`f`, `r#`, `b`), the opening
/// delimiter and how the body is lexed.
struct StringStart: Sendable {
    var prefixLength: Int
    var openLength: Int
    var style: StringStyle
}

extension Scanner {
    /// The end of the escape sequence whose lead ends at `index` (the byte after the backslash).
    func escapeEnd(from index: Int) -> Int {
        let hexRun = { (start: Int, limit: Int) in min(self.end(from: start, while: \.isHexDigit), start + limit) }
        switch self[index] {
        case UInt8(ascii: "x"): return max(hexRun(index + 1, 2), index + 1)
        case UInt8(ascii: "u"), UInt8(ascii: "N"):
            if self[index + 1] == UInt8(ascii: "{") {
                let close = end(from: index + 2) { $0 != UInt8(ascii: "}") && $0 != .newline && $0 != UInt8(ascii: "\"") }
                return self[close] == UInt8(ascii: "}") ? close + 1 : index + 1
            }
            return max(hexRun(index + 1, 4), index + 1)
        case UInt8(ascii: "U"): return max(hexRun(index + 1, 8), index + 1)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            return min(end(from: index) { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }, index + 3)
        default: return index >= count ? index : scalarEnd(from: index)
        }
    }
}

extension StringStart {
    /// A string opened by `delimiter` at `index` (after `prefixLength` prefix bytes), if present.
    static func delimited(
        _ s: Scanner, _ index: Int, prefixLength: Int = 0, _ delimiter: String,
        _ style: @autoclosure () -> StringStyle
    ) -> StringStart? {
        s.matches(delimiter, at: index + prefixLength)
            ? StringStart(prefixLength: prefixLength, openLength: delimiter.utf8.count, style: style())
            : nil
    }

    /// A one-character literal in single quotes (`'a'`, `'\n'`, `'\u{1F600}'`), as `kind`.
    static func character(_ s: Scanner, _ index: Int, prefixLength: Int = 0, kind: TokenKind = .stringChar) -> StringStart? {
        let open = index + prefixLength
        guard s[open] == UInt8(ascii: "'") else { return nil }
        let bodyEnd = s[open + 1] == UInt8(ascii: "\\") ? s.escapeEnd(from: open + 2) : s.scalarEnd(from: open + 1)
        guard s[open + 1] != UInt8(ascii: "'"), s[open + 1] != .newline, s[bodyEnd] == UInt8(ascii: "'") else { return nil }
        return StringStart(prefixLength: prefixLength, openLength: 1, style: StringStyle(close: "'", kind: kind))
    }
}
