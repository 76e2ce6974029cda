/// Finds citations written in Pandoc's syntax, as Quarto writers use it: `[@key]`, `[@key, p. 33]`,
/// `[see @a; @b, ch. 2]`, `[-@key]` (year only), and `@key` in running text (optionally `@key [p. 33]`).
/// Keys start with a letter, digit or `_` and may hold `:.#$%&-+?<>~/` between word characters, or are
/// braced (`@{any key}`). A bracket counts as a citation only when every `;`-separated part names a key.
public enum CitationSyntax {
    /// One citation found in a text, and the UTF-8 byte range it covers.
    public struct Match: Sendable, Equatable {
        public var range: Range<Int>
        public var citation: Citation
    }

    /// The citations of `text` in order. `isCitable(key)` decides for bare `@key` in running text: a
    /// handle like `@home` is not a citation unless a bibliography knows it.
    public static func scan(_ text: String, isCitable: (String) -> Bool = { _ in true }) -> [Match] {
        let bytes = Array(text.utf8)
        var matches: [Match] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "["), let (citation, end) = bracketed(bytes, from: index) {
                matches.append(Match(range: index..<end, citation: citation))
                index = end
            } else if byte == UInt8(ascii: "["), let close = closingBracket(bytes, from: index), close + 1 < bytes.count,
                bytes[close + 1] == UInt8(ascii: "(") || bytes[close + 1] == UInt8(ascii: "[")
            {
                // A Markdown link's text holds no citations.
                index = close + 1
            } else if byte == UInt8(ascii: "@"), index == 0 || !isWordByte(bytes[index - 1]) && bytes[index - 1] != UInt8(ascii: "@"),
                let (key, keyEnd) = key(bytes, from: index + 1), isCitable(key)
            {
                var item = CitationItem(key: key)
                var end = keyEnd
                // `@key [p. 33]`: a bracket right after, holding no key, is the locator.
                if keyEnd + 1 < bytes.count, bytes[keyEnd] == 0x20, bytes[keyEnd + 1] == UInt8(ascii: "["),
                    let close = closingBracket(bytes, from: keyEnd + 1)
                {
                    let inside = String(decoding: bytes[(keyEnd + 2)..<close], as: UTF8.self)
                    if !inside.contains("@") {
                        (item.locator, item.suffix) = locatorAndSuffix(inside)
                        end = close + 1
                    }
                }
                matches.append(Match(range: index..<end, citation: Citation(items: [item], mode: .inText)))
                index = end
            } else {
                index += 1
            }
        }
        return matches
    }

    /// A `[…]` citation starting at `start`, and the offset after its `]`.
    static func bracketed(_ bytes: [UInt8], from start: Int) -> (Citation, Int)? {
        guard let close = closingBracket(bytes, from: start) else { return nil }
        // `[text](url)` and `[text][ref]` are links, not citations.
        if close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: "(") || bytes[close + 1] == UInt8(ascii: "[") { return nil }
        var items: [CitationItem] = []
        var partStart = start + 1
        var depth = 0
        for position in (start + 1)...close {
            let byte = bytes[position]
            if byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "]"), position < close { depth -= 1 }
            guard position == close || byte == UInt8(ascii: ";") && depth == 0 else { continue }
            guard let item = item(bytes, partStart..<position) else { return nil }
            items.append(item)
            partStart = position + 1
        }
        return items.isEmpty ? nil : (Citation(items: items, mode: .parenthetical), close + 1)
    }

    /// The `]` matching the `[` at `start` (nested pairs allowed), within 2,000 bytes.
    private static func closingBracket(_ bytes: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var position = start
        let limit = min(bytes.count, start + 2000)
        while position < limit {
            if bytes[position] == UInt8(ascii: "[") {
                depth += 1
            } else if bytes[position] == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return position }
            }
            position += 1
        }
        return nil
    }

    /// One `prefix @key, locator suffix` part of a bracket.
    private static func item(_ bytes: [UInt8], _ range: Range<Int>) -> CitationItem? {
        var position = range.lowerBound
        var at: Int?
        while position < range.upperBound {
            if bytes[position] == UInt8(ascii: "@") {
                let before = position > range.lowerBound ? bytes[position - 1] : 0x20
                if before == 0x20 || before == UInt8(ascii: "-") || before == 0x0A || before == 0xA0 || position == range.lowerBound {
                    at = position
                    break
                }
            }
            position += 1
        }
        guard let at, let (key, keyEnd) = key(bytes, from: at + 1), keyEnd <= range.upperBound else { return nil }
        let suppress = at > range.lowerBound && bytes[at - 1] == UInt8(ascii: "-")
        let prefixEnd = suppress ? at - 1 : at
        let prefix = String(decoding: bytes[range.lowerBound..<prefixEnd], as: UTF8.self).trimmingSpaces
        // `-@key` needs the dash right before the key and nothing but a prefix before it.
        if suppress, prefixEnd > range.lowerBound, bytes[prefixEnd - 1] != 0x20 { return nil }
        let rest = String(decoding: bytes[keyEnd..<range.upperBound], as: UTF8.self)
        var item = CitationItem(key: key, prefix: prefix, suppressAuthor: suppress)
        let trimmed = rest.trimmingSpaces
        if trimmed.hasPrefix(",") {
            (item.locator, item.suffix) = locatorAndSuffix(String(trimmed.dropFirst()))
        } else {
            item.suffix = trimmed
        }
        return item
    }

    /// A key after `@`: its text and the offset after it.
    static func key(_ bytes: [UInt8], from start: Int) -> (String, Int)? {
        guard start < bytes.count else { return nil }
        if bytes[start] == UInt8(ascii: "{") {
            guard let close = bytes[start...].prefix(500).firstIndex(of: UInt8(ascii: "}")), close > start + 1 else { return nil }
            return (String(decoding: bytes[(start + 1)..<close], as: UTF8.self), close + 1)
        }
        guard isWordByte(bytes[start]) else { return nil }
        var end = start
        var position = start
        while position < bytes.count, position - start < 300 {
            let byte = bytes[position]
            if isWordByte(byte) {
                position += 1
                end = position
            } else if ":.#$%&-+?<>~/".utf8.contains(byte), position + 1 < bytes.count, isWordByte(bytes[position + 1]) {
                position += 1
            } else {
                break
            }
        }
        return (String(decoding: bytes[start..<end], as: UTF8.self), end)
    }

    /// Letters, digits, `_`, and any non-ASCII byte (keys may hold accented letters).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || byte == 0x5F || byte >= 0x80
    }

    /// The text after a key's comma: a locator (`p. 33`, `ch. 2`, or a bare number read as a page) and the rest.
    static func locatorAndSuffix(_ text: String) -> (Locator?, String) {
        let trimmed = text.trimmingSpaces
        var label: Locator.Label?
        var rest = Substring(trimmed)
        labels: for candidate in Locator.Label.allCases {
            for word in candidate.words where rest.lowercased().hasPrefix(word) {
                let after = rest.dropFirst(word.count)
                guard let next = after.first, next == " " || next == "\u{00A0}" || next.isNumber else { continue }
                label = candidate
                rest = after.drop(while: { $0 == " " || $0 == "\u{00A0}" })
                break labels
            }
        }
        let value = locatorValue(rest)
        guard !value.isEmpty, label != nil || value.first?.isNumber == true else { return (nil, trimmed) }
        let suffix = String(rest.dropFirst(value.count)).trimmingSpaces
        let normalized = value.replacingOccurrences(of: "--", with: "–").replacingOccurrences(of: "-", with: "–")
        return (Locator(label: label ?? .page, value: normalized), suffix)
    }

    /// The leading locator value: numbers, Roman numerals or a letter and number (`A.2`), ranges and lists of them.
    private static func locatorValue(_ text: Substring) -> String {
        var result = ""
        var rest = text
        while true {
            let token = rest.prefix { $0.isLetter || $0.isNumber || $0 == "." }
            let trimmedToken = token.hasSuffix(".") ? token.dropLast() : token
            guard !trimmedToken.isEmpty, trimmedToken.contains(where: \.isNumber) || isRoman(trimmedToken) || trimmedToken.count == 1 else {
                break
            }
            result += trimmedToken
            rest = rest.dropFirst(trimmedToken.count)
            // A range or a list goes on with a number after the separator.
            let separators = ["–", "--", "-", ", ", ","]
            guard let separator = separators.first(where: { rest.hasPrefix($0) }),
                let next = rest.dropFirst(separator.count).first, next.isNumber || isRoman(Substring(String(next)))
            else { break }
            result += separator
            rest = rest.dropFirst(separator.count)
        }
        return result
    }

    private static func isRoman(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { "ivxlcdmIVXLCDM".contains($0) }
    }
}

extension String {
    /// Without leading and trailing spaces (ASCII and no-break).
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\u{00A0}" || $0 == "\n" || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
