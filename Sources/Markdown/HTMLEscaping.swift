import TextUtilities

/// HTML and URL escaping into a byte buffer.
enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"`.
    @inline(__always)
    static func appendEscaped(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { HTMLEscaper.text.append($0, to: &out) }
    }

    private static let hrefSafe: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for c in "!#$%()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~".utf8 {
            table[Int(c)] = true
        }
        return table
    }()

    /// Percent-encodes a URL for an `href` or `src` attribute, as cmark does.
    static func appendHref(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        for c in bytes {
            if hrefSafe[Int(c)] {
                out.append(c)
            } else if c == UInt8(ascii: "&") {
                out.append("&amp;")
            } else if c == UInt8(ascii: "'") {
                out.append("&#x27;")
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(c >> 4)])
                out.append(hex[Int(c & 15)])
            }
        }
    }
}

extension Array where Element == UInt8 {
    @inline(__always)
    mutating func append(_ string: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: string.utf8Start, count: string.utf8CodeUnitCount))
    }
}
