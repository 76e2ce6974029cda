/// HTML and URL escaping into a byte buffer.
enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"`.
    static func appendEscaped(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { appendEscaped($0, to: &out) }
    }

    /// Escapes `&`, `<`, `>` and `"`, looking at eight bytes at a time for any of them.
    static func appendEscaped(_ buffer: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard let base = buffer.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        let n = buffer.count
        var runStart = 0
        var i = 0
        while i < n {
            // `<` and `>` differ in one bit (0x02), `"` and `&` in another (0x04): two comparisons
            // per word find all four.
            while i + 8 <= n, !needsEscaping(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
            // The last few bytes: one word that ends at the end (overlapping bytes already seen).
            if i < n, i + 8 > n, n >= 8, !needsEscaping(raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) {
                break
            }
            let stop = min(i + 8, n)
            while i < stop {
                let replacement: StaticString
                switch buffer[i] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                default:
                    i += 1
                    continue
                }
                if i > runStart { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart)) }
                out.append(replacement)
                i += 1
                runStart = i
            }
        }
        if n > runStart { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: n - runStart)) }
    }

    @inline(__always)
    static func needsEscaping(_ word: UInt64) -> Bool {
        hasByte(word | 0x0202_0202_0202_0202, equalTo: 0x3E) || hasByte(word | 0x0404_0404_0404_0404, equalTo: 0x26)
    }

    /// Whether any byte of `word` is `byte` (the exact zero-byte test of "Bit Twiddling Hacks").
    @inline(__always)
    static func hasByte(_ word: UInt64, equalTo byte: UInt8) -> Bool {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
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
