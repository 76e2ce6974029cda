/// Escapes text for HTML and XML element content and quoted attribute values: `&`, `<` and `>`
/// always, `"` as `&quot;` or `&#34;`, and `'` as `&#39;` when asked. One pass over the UTF-8
/// bytes; text with nothing to escape is returned as it is.
public struct HTMLEscaper: Sendable {
    /// How `"` is written.
    public enum Quote: Sendable {
        /// `&quot;` (CommonMark, XML).
        case named
        /// `&#34;` (Go's `html.EscapeString`, Chroma).
        case numeric
    }

    /// Bit `b` set: byte `b` (< 64) is escaped.
    @usableFromInline let mask: UInt64
    @usableFromInline let quote: StaticString

    /// An escaper of `& < > "`, and of `'` when `apostrophe` is true.
    public init(quote: Quote = .named, apostrophe: Bool = false) {
        var mask: UInt64 = 1 << 38 | 1 << 60 | 1 << 62 | 1 << 34
        if apostrophe { mask |= 1 << 39 }
        self.mask = mask
        self.quote = quote == .named ? "&quot;" : "&#34;"
    }

    /// `& < > "` with `&quot;`: text and double-quoted attributes (Markdown, MathML, SVG).
    public static let text = HTMLEscaper()
    /// `& < > " '` with `&quot;` and `&#39;`: safe in attributes quoted either way (templates, feeds).
    public static let attribute = HTMLEscaper(apostrophe: true)
    /// `& < > "` with `&#34;`, as Chroma writes highlighted code.
    public static let numericQuote = HTMLEscaper(quote: .numeric)

    /// True when `byte` is one this escaper replaces.
    @inlinable @inline(__always)
    public func escapes(_ byte: UInt8) -> Bool {
        byte < 64 && mask & (1 << UInt64(byte)) != 0
    }

    @inlinable @inline(__always)
    func replacement(_ byte: UInt8) -> StaticString {
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return quote
        default: return "&#39;"
        }
    }

    /// The high bit of each byte of `word` that is zero (besides, possibly, bytes above one that
    /// is: enough to tell whether there is one).
    @inlinable @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    /// Nonzero when one of the eight bytes of `word` is `&`, `<`, `>` or `"` (`<`/`>` and `"`/`&`
    /// differ in one bit, so each pair is one zero-byte test), or `'` when `apostrophe` is set.
    @inlinable @inline(__always)
    static func markup(in word: UInt64, apostrophe: Bool) -> UInt64 {
        var found =
            zeroBytes((word | 0x0202_0202_0202_0202) ^ 0x3E3E_3E3E_3E3E_3E3E)
            | zeroBytes((word | 0x0404_0404_0404_0404) ^ 0x2626_2626_2626_2626)
        if apostrophe { found |= zeroBytes(word ^ 0x2727_2727_2727_2727) }
        return found
    }

    /// True when one of the eight bytes of `word` is one this escaper replaces.
    @inlinable @inline(__always)
    func wordNeedsEscaping(_ word: UInt64) -> Bool {
        Self.markup(in: word, apostrophe: mask & (1 << 39) != 0) != 0
    }

    /// Calls `piece` with the escaped text in order: runs of `bytes` that need nothing and the
    /// replacements between them. Sixteen bytes are tested per step.
    @inlinable @inline(__always)
    public func forEachPiece(of bytes: UnsafeBufferPointer<UInt8>, _ piece: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        let apostrophe = mask & (1 << 39) != 0
        var runStart = 0
        var index = 0
        @inline(__always) func escapeBytes(_ range: Range<Int>) {
            for position in range where escapes(base[position]) {
                if position > runStart { piece(UnsafeBufferPointer(start: base + runStart, count: position &- runStart)) }
                let replacement = replacement(base[position])
                piece(UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                runStart = position &+ 1
            }
        }
        let raw = UnsafeRawPointer(base)
        while index &+ 16 <= count {
            let first = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let second = raw.loadUnaligned(fromByteOffset: index &+ 8, as: UInt64.self)
            if Self.markup(in: first, apostrophe: apostrophe) | Self.markup(in: second, apostrophe: apostrophe) != 0 {
                escapeBytes(index..<(index &+ 16))
            }
            index &+= 16
        }
        if index &+ 8 <= count {
            if Self.markup(in: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self), apostrophe: apostrophe) != 0 {
                escapeBytes(index..<(index &+ 8))
            }
            index &+= 8
        }
        escapeBytes(index..<count)
        if count > runStart { piece(UnsafeBufferPointer(start: base + runStart, count: count &- runStart)) }
    }

    /// Appends `bytes` to `out`, escaped.
    @inlinable
    public func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        forEachPiece(of: bytes) { out.append(contentsOf: $0) }
    }

    /// Appends `text` to `out`, escaped.
    @inlinable
    public func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, to: &out) }
    }

    /// Appends `text` to `out`, escaped.
    public func append(_ text: String, to out: inout String) {
        guard needsEscaping(text) else {
            out += text
            return
        }
        out += escape(text)
    }

    /// True when `text` holds a byte this escaper replaces.
    public func needsEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var index = 0
            while index + 8 <= bytes.count {
                if wordNeedsEscaping(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) { return true }
                index += 8
            }
            return bytes[index...].contains { escapes($0) }
        }
    }

    /// `text`, escaped.
    public func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + text.utf8.count / 8 + 16)
        append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
