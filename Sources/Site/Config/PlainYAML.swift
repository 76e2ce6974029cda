/// A reader for the plain YAML that nearly all front matter is: `key: value` lines at the top
/// level, with quoted or plain scalars, `[a, b]` lists and `- item` lists.
///
/// It answers nil for anything else (nested maps, block strings, anchors, tags, comments after
/// values, words YAML 1.1 reads as booleans or numbers in other ways, …), and the full YAML
/// parser takes over. Where it answers, the result is what the full parser gives (a test compares
/// both on every page it can find); it exists because front matter is parsed for every page.
enum PlainYAML {
    /// The top-level table and the 1-based line of each key's value, or nil when the text needs the full parser.
    static func parse(_ text: String) -> (table: [String: Value], keyLines: [String: Int])? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var table: [String: Value] = [:]
        var keyLines: [String: Int] = [:]
        var index = 0
        while index < lines.count {
            let line = lines[index].utf8
            index += 1
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }  // blank or a comment
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), let key = plainKey(Substring(line[..<colon])),
                table[key] == nil
            else { return nil }
            let rest = Substring(line[line.index(after: colon)...])
            guard rest.isEmpty || rest.utf8.first == UInt8(ascii: " ") else { return nil }
            let valueText = rest.drop { $0 == " " }
            if valueText.isEmpty, index < lines.count, lines[index].hasPrefix("  "), !lines[index].hasPrefix("  - ") {
                // A map of `  name: value` lines (such as `cover:`), one level deep.
                var map: [String: Value] = [:]
                let firstLine = index + 1
                while index < lines.count, lines[index].hasPrefix("  "), lines[index].utf8.dropFirst(2).first != UInt8(ascii: " ") {
                    let line = lines[index].dropFirst(2)
                    guard let colon = line.firstIndex(of: ":"), let name = plainKey(line[..<colon]), map[name] == nil else { return nil }
                    let rest = line[line.index(after: colon)...]
                    guard rest.first == " ", let value = value(trimmingEnd(rest.drop { $0 == " " })) else { return nil }
                    map[name] = value
                    index += 1
                }
                table[key] = .table(map)
                keyLines[key] = firstLine
            } else if valueText.isEmpty {
                // A block list on the following lines, or nothing (left to the full parser).
                var items: [Value] = []
                let firstLine = index + 1
                let marker = index < lines.count && lines[index].hasPrefix("  - ") ? "  - " : "- "
                while index < lines.count, lines[index].hasPrefix(marker) {
                    let item = lines[index].dropFirst(marker.count).drop { $0 == " " }
                    guard let value = scalar(trimmingEnd(item)) else { return nil }
                    items.append(value)
                    index += 1
                }
                guard !items.isEmpty else { return nil }
                table[key] = .array(items)
                keyLines[key] = firstLine
            } else {
                guard let value = value(trimmingEnd(valueText)) else { return nil }
                table[key] = value
                keyLines[key] = index
            }
        }
        return (table, keyLines)
    }

    /// A key of letters, digits, `_` and `-`, starting with a letter or `_`.
    private static func plainKey(_ text: Substring) -> String? {
        guard let first = text.utf8.first, isLetter(first) || first == UInt8(ascii: "_"),
            text.utf8.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") })
        else { return nil }
        return String(text)
    }

    private static func value(_ text: Substring) -> Value? {
        guard text.utf8.first == UInt8(ascii: "[") else { return scalar(text) }
        guard text.utf8.last == UInt8(ascii: "]") else { return nil }
        let inside = text.dropFirst().dropLast()
        if inside.allSatisfy({ $0 == " " }) { return .array([]) }
        var items: [Value] = []
        var rest = inside[...]
        while true {
            rest = rest.drop { $0 == " " }
            let item: Substring
            if let quote = rest.first, quote == "\"" || quote == "'" {
                guard let end = closingQuote(in: rest) else { return nil }
                item = rest[...end]
                rest = rest[rest.index(after: end)...].drop { $0 == " " }
            } else {
                let end = rest.firstIndex(of: ",") ?? rest.endIndex
                item = trimmingEnd(rest[..<end])
                guard !item.contains(where: { "[]{}".contains($0) }) else { return nil }
                rest = rest[end...]
            }
            guard let value = scalar(item) else { return nil }
            items.append(value)
            if rest.isEmpty { return .array(items) }
            guard rest.first == "," else { return nil }
            rest = rest.dropFirst()
            guard !rest.allSatisfy({ $0 == " " }) else { return nil }
        }
    }

    /// A quoted or plain scalar filling all of `text`.
    private static func scalar(_ text: Substring) -> Value? {
        guard let first = text.first else { return nil }
        if first == "\"" || first == "'" {
            guard let end = closingQuote(in: text), text.index(after: end) == text.endIndex else { return nil }
            return unquote(text).map(Value.string)
        }
        return plainScalar(text)
    }

    /// The index of the quote that closes the string `text` starts with.
    private static func closingQuote(in text: Substring) -> Substring.Index? {
        let quote = text.first!
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            if quote == "\"", character == "\\" {
                index = text.index(after: index)
                guard index < text.endIndex else { return nil }
            } else if character == quote {
                let next = text.index(after: index)
                if quote == "'", next < text.endIndex, text[next] == "'" {
                    index = next
                } else {
                    return index
                }
            }
            index = text.index(after: index)
        }
        return nil
    }

    private static func unquote(_ text: Substring) -> String? {
        let body = text.dropFirst().dropLast()
        if text.first == "'" { return body.replacingOccurrences(of: "''", with: "'") }
        guard body.contains("\\") else { return String(body) }
        var result = ""
        var index = body.startIndex
        while index < body.endIndex {
            let character = body[index]
            index = body.index(after: index)
            guard character == "\\" else {
                result.append(character)
                continue
            }
            guard index < body.endIndex else { return nil }
            let escape = body[index]
            index = body.index(after: index)
            switch escape {
            case "\\": result.append("\\")
            case "\"": result.append("\"")
            case "/": result.append("/")
            case "n": result.append("\n")
            case "t": result.append("\t")
            default: return nil
            }
        }
        return result
    }

    /// Words YAML (1.1 or 1.2) may read as something other than text, in any case.
    private static let specialWords: Set<String> = ["y", "yes", "n", "no", "on", "off", "true", "false", "null", "~"]

    private static func plainScalar(_ text: Substring) -> Value? {
        guard let first = text.utf8.first, !"-?:,[]{}#&*!|>'\"%@`".utf8.contains(first) || isNumberStart(text) else { return nil }
        // A colon before a space or at the end would make a mapping; a space before # a comment.
        guard !text.contains(": "), text.last != ":", !text.contains(" #"), !text.contains("\t") else { return nil }
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        if specialWords.contains(text.lowercased()) { return nil }
        let bytes = Array(text.utf8)
        guard isDigit(first) || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".") else {
            return .string(String(text))
        }
        if isDecimalInteger(bytes), let number = Int(text) { return .int(number) }
        if let dot = bytes.firstIndex(of: UInt8(ascii: ".")), isDecimalInteger(Array(bytes[..<dot])),
            dot + 1 < bytes.count, bytes[(dot + 1)...].allSatisfy(isDigit), let number = Double(text)
        {
            return .double(number)
        }
        // A date or date-time stays text (dates are read later, with their own warnings).
        if bytes.count >= 10, bytes[0..<4].allSatisfy(isDigit), bytes[4] == UInt8(ascii: "-"), bytes[5..<7].allSatisfy(isDigit),
            bytes[7] == UInt8(ascii: "-"), bytes[8..<10].allSatisfy(isDigit)
        {
            return .string(String(text))
        }
        return nil
    }

    private static func isNumberStart(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8.prefix(2))
        return bytes.count == 2 && bytes[0] == UInt8(ascii: "-") && isDigit(bytes[1])
    }

    /// `0` or digits not starting with 0, after an optional minus.
    private static func isDecimalInteger(_ bytes: [UInt8]) -> Bool {
        let digits = bytes.first == UInt8(ascii: "-") ? Array(bytes.dropFirst()) : bytes
        guard let first = digits.first, digits.allSatisfy(isDigit) else { return false }
        return first != UInt8(ascii: "0") || digits.count == 1
    }

    private static func trimmingEnd(_ text: Substring) -> Substring {
        var text = text
        while let last = text.last, last == " " || last == "\r" { text = text.dropLast() }
        return text
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
