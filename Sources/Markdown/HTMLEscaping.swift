import TextUtilities

/// HTML and URL escaping into a byte buffer.
enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"`.
    @inline(__always)
    static func appendEscaped(_ bytes: ArraySlice<UInt8>, to out: inout some ByteSink) {
        bytes.withUnsafeBufferPointer { buffer in HTMLEscaper.text.forEachPiece(of: buffer) { out.append(contentsOf: $0) } }
    }

    /// Escapes `&`, `<`, `>` and `"` of bytes read in place (text spans of the document).
    @inline(__always)
    static func appendEscaped(_ buffer: UnsafeBufferPointer<UInt8>, to out: inout some ByteSink) {
        HTMLEscaper.text.forEachPiece(of: buffer) { out.append(contentsOf: $0) }
    }

    /// Bit `b % 64` of word `b / 64` set: byte `b` is written as it is in an `href`.
    private static let hrefSafe: (UInt64, UInt64) = {
        var words: (UInt64, UInt64) = (0, 0)
        for c in "!#$%()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~".utf8 {
            if c < 64 { words.0 |= 1 << UInt64(c) } else { words.1 |= 1 << UInt64(c - 64) }
        }
        return words
    }()

    private static let hexDigits: StaticString = "0123456789ABCDEF"

    /// Percent-encodes a URL for an `href` or `src` attribute, as cmark does.
    static func appendHref(_ bytes: ArraySlice<UInt8>, to out: inout some ByteSink) {
        let safe = hrefSafe
        @inline(__always) func isSafe(_ c: UInt8) -> Bool {
            c < 64 ? safe.0 & (1 << UInt64(c)) != 0 : c < 128 && safe.1 & (1 << UInt64(c - 64)) != 0
        }
        bytes.withUnsafeBufferPointer { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let c = bytes[index]
                if isSafe(c) { continue }
                if index > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                runStart = index + 1
                if c == UInt8(ascii: "&") {
                    out.append("&amp;")
                } else if c == UInt8(ascii: "'") {
                    out.append("&#x27;")
                } else {
                    let hex = hexDigits.utf8Start
                    out.append(UInt8(ascii: "%"))
                    out.append(hex[Int(c >> 4)])
                    out.append(hex[Int(c & 15)])
                }
            }
            if bytes.count > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
    }
}
