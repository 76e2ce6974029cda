/// Hugo-style attributes after a code fence's language: ```` ```go {linenos=true, hl_lines=[2,"4-6"]} ````.
enum FenceAttributes {
    /// The `key=value` pairs inside the first `{…}` of `info`; quoted values lose their quotes,
    /// lists keep their brackets as written. A bare key maps to `"true"`.
    static func parse(_ info: String) -> [String: String] {
        let bytes = Array(info.utf8)
        guard let open = bytes.firstIndex(of: UInt8(ascii: "{")) else { return [:] }
        var result: [String: String] = [:]
        var i = open + 1
        while i < bytes.count, bytes[i] != UInt8(ascii: "}") {
            while i < bytes.count, ASCII.isWhitespace(bytes[i]) || bytes[i] == UInt8(ascii: ",") { i += 1 }
            let keyStart = i
            while i < bytes.count, !ASCII.isWhitespace(bytes[i]), bytes[i] != UInt8(ascii: "="),
                bytes[i] != UInt8(ascii: ","), bytes[i] != UInt8(ascii: "}")
            { i += 1 }
            guard i > keyStart else {
                if i < bytes.count, bytes[i] != UInt8(ascii: "}") { i += 1 }
                continue
            }
            let key = String(decoding: bytes[keyStart..<i], as: UTF8.self)
            while i < bytes.count, ASCII.isSpaceOrTab(bytes[i]) { i += 1 }
            guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else {
                result[key] = "true"
                continue
            }
            i += 1
            while i < bytes.count, ASCII.isSpaceOrTab(bytes[i]) { i += 1 }
            let (value, next) = scanValue(bytes, i)
            result[key] = value
            i = next
        }
        return result
    }

    /// A quoted string, a bracketed list (kept whole) or a bare word.
    private static func scanValue(_ bytes: [UInt8], _ start: Int) -> (String, Int) {
        var i = start
        guard i < bytes.count else { return ("", i) }
        let c = bytes[i]
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
            i += 1
            let valueStart = i
            while i < bytes.count, bytes[i] != c { i += 1 }
            let value = String(decoding: bytes[valueStart..<i], as: UTF8.self)
            return (value, min(i + 1, bytes.count))
        }
        if c == UInt8(ascii: "[") {
            var depth = 0
            var quote: UInt8 = 0
            while i < bytes.count {
                let b = bytes[i]
                if quote != 0 {
                    if b == quote { quote = 0 }
                } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                    quote = b
                } else if b == UInt8(ascii: "[") {
                    depth += 1
                } else if b == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 {
                        i += 1
                        break
                    }
                }
                i += 1
            }
            return (String(decoding: bytes[start..<i], as: UTF8.self), i)
        }
        while i < bytes.count, !ASCII.isWhitespace(bytes[i]), bytes[i] != UInt8(ascii: ","),
            bytes[i] != UInt8(ascii: "}")
        { i += 1 }
        return (String(decoding: bytes[start..<i], as: UTF8.self), i)
    }
}
