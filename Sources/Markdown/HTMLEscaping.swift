/// HTML and URL escaping into a byte buffer.
enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"`.
    static func appendEscaped(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            var runStart = 0
            for i in 0..<buffer.count {
                let c = buffer[i]
                // Every byte that needs escaping is at most `>`.
                if c > UInt8(ascii: ">") { continue }
                let replacement: StaticString
                switch c {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                default: continue
                }
                if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<i])) }
                out.append(replacement)
                runStart = i + 1
            }
            if buffer.count > runStart {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<buffer.count]))
            }
        }
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
