/// Writes JSON values as text, escaping exactly what JSON and JavaScript require.
public enum JSONText {
    /// `s` as a JSON string literal (U+2028 and U+2029 escaped too), over UTF-8 bytes.
    public static func string(_ s: String) -> String {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(s.utf8.count + 16)
        var bytes = s.utf8.makeIterator()
        var pending: [UInt8] = []  // E2 80, waiting to see whether U+2028/U+2029 follows
        while let byte = bytes.next() {
            if !pending.isEmpty {
                if pending.count == 1, byte == 0x80 { pending.append(byte); continue }
                if pending.count == 2, byte == 0xA8 || byte == 0xA9 {
                    out.append(contentsOf: byte == 0xA8 ? Array("\\u2028".utf8) : Array("\\u2029".utf8))
                    pending.removeAll()
                    continue
                }
                out.append(contentsOf: pending)
                pending.removeAll()
            }
            switch byte {
            case 0xE2: pending.append(byte)
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), byte])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), byte])
            case UInt8(ascii: "\n"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: out.append(byte)
            }
        }
        out.append(contentsOf: pending)
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    /// A JSONP-style script: `__tcs("key",value)`. Loading the index through `<script>` elements
    /// works from `file://`, where `fetch` is refused.
    static func script(key: String, value: String) -> String { "__tcs(\(string(key)),\(value))\n" }
}
