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

    /// Appends `bytes` to `out`, escaped.
    @inlinable
    public func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        for index in 0..<bytes.count where escapes(bytes[index]) {
            if index > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            let replacement = replacement(bytes[index])
            out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            runStart = index + 1
        }
        if bytes.count > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count])) }
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
        text.utf8.contains { escapes($0) }
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
