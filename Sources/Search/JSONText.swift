/// Writes JSON values as text, escaping exactly what JSON and JavaScript require.
public enum JSONText {
    /// `s` as a JSON string literal (U+2028 and U+2029 escaped too), over UTF-8 bytes: runs of
    /// bytes that need no escape are copied whole.
    public static func string(_ s: String) -> String {
        var s = s
        return s.withUTF8(literal)
    }

    private static func literal(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let quote = UInt8(ascii: "\"")
        let backslash = UInt8(ascii: "\\")
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        out.append(quote)
        var run = 0  // start of the bytes not yet copied
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == quote || byte == backslash || byte == 0xE2 else {
                index += 1
                continue
            }
            let separator = byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 ? bytes[index + 2] : 0
            if byte == 0xE2 && separator != 0xA8 && separator != 0xA9 {
                index += 1  // another character led by E2: kept as it is
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
            switch byte {
            case 0xE2:
                out.append(contentsOf: separator == 0xA8 ? Self.lineSeparator : Self.paragraphSeparator)
                index += 2
            case quote, backslash: out.append(contentsOf: [backslash, byte])
            case UInt8(ascii: "\n"): out.append(contentsOf: [backslash, UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): out.append(contentsOf: [backslash, UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): out.append(contentsOf: [backslash, UInt8(ascii: "t")])
            default: out.append(contentsOf: [backslash, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 15)]])
            }
            index += 1
            run = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
        out.append(quote)
        return String(decoding: out, as: UTF8.self)
    }

    private static let lineSeparator = Array("\\u2028".utf8)
    private static let paragraphSeparator = Array("\\u2029".utf8)
    private static let hex = Array("0123456789abcdef".utf8)

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    /// A JSONP-style script: `__tcs("key",value)`. Loading the index through `<script>` elements
    /// works from `file://`, where `fetch` is refused.
    static func script(key: String, value: String) -> String { "__tcs(\(string(key)),\(value))\n" }
}
