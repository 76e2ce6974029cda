/// Escaping for XML text and attribute values.
enum XMLEscaping {
    /// Appends `text` to `output` with `&`, `<`, `>` and `"` escaped.
    static func append(_ text: String, to output: inout String) {
        var needsEscaping = false
        for byte in text.utf8 where byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") {
            needsEscaping = true
            break
        }
        guard needsEscaping else {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }
}

extension XMLEscaping {
    /// `text` with the four escapes written by ``append(_:to:)`` turned back into characters.
    static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingAll("&lt;", with: "<").replacingAll("&gt;", with: ">")
            .replacingAll("&quot;", with: "\"").replacingAll("&amp;", with: "&")
    }
}

extension String {
    /// The string with every occurrence of `target` replaced (no Foundation in this module).
    func replacingAll(_ target: String, with replacement: String) -> String {
        var output = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            output += rest[..<range.lowerBound]
            output += replacement
            rest = rest[range.upperBound...]
        }
        output += rest
        return output
    }
}
