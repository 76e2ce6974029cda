import Foundation

/// A token of a template: text between actions, or a word inside `{{ }}`.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case text, leftDelim, rightDelim
        case identifier, field, variable, dot
        case string, char, number
        case pipe, leftParen, rightParen, declare, assign, comma
        case keyword
        case eof
    }

    let kind: Kind
    /// Text tokens: the (trimmed) text. Strings: the unquoted value. Others: the source text.
    let text: String
    let start: Int
    let end: Int
    /// Whether white space separates this token from the previous one inside the action.
    let spaceBefore: Bool
}

struct LexError: Error {
    let message: String
    let offset: Int
}

/// Splits a template's source into tokens; comments disappear and `{{-`/`-}}` trim the text
/// around them.
struct Lexer {
    private let bytes: [UInt8]
    private var position = 0
    private var tokens: [Token] = []

    static let keywords: Set<String> = ["if", "else", "end", "range", "with", "define", "template", "block", "break", "continue"]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    static func tokenize(_ bytes: [UInt8]) throws(LexError) -> [Token] {
        var lexer = Lexer(bytes)
        try lexer.run()
        return lexer.tokens
    }

    private func byte(_ index: Int) -> UInt8 { index < bytes.count && index >= 0 ? bytes[index] : 0 }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte >= 0x80
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private func startsWith(_ literal: String, at index: Int) -> Bool {
        var offset = index
        for byte in literal.utf8 {
            guard offset < bytes.count, bytes[offset] == byte else { return false }
            offset += 1
        }
        return true
    }

    private mutating func emit(_ kind: Token.Kind, _ text: String, _ start: Int, _ end: Int, space: Bool = false) {
        tokens.append(Token(kind: kind, text: text, start: start, end: end, spaceBefore: space))
    }

    private func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    private mutating func run() throws(LexError) {
        var trimNext = false
        while position <= bytes.count {
            var textStart = position
            if trimNext {
                while textStart < bytes.count, Self.isSpace(bytes[textStart]) { textStart += 1 }
                trimNext = false
            }
            guard let delim = findLeftDelim(from: textStart) else {
                if textStart < bytes.count { emit(.text, string(textStart..<bytes.count), textStart, bytes.count) }
                break
            }
            let trimLeft = byte(delim + 2) == UInt8(ascii: "-") && Self.isSpace(byte(delim + 3))
            var textEnd = delim
            if trimLeft {
                while textEnd > textStart, Self.isSpace(bytes[textEnd - 1]) { textEnd -= 1 }
            }
            if textEnd > textStart { emit(.text, string(textStart..<textEnd), textStart, textEnd) }
            var inside = delim + 2 + (trimLeft ? 2 : 0)
            if startsWith("/*", at: inside) {
                guard let close = find("*/", from: inside + 2) else {
                    throw LexError(message: "unclosed comment", offset: delim)
                }
                inside = close + 2
                if startsWith(" -}}", at: inside) || startsWith("\t-}}", at: inside) || startsWith("\n-}}", at: inside)
                    || startsWith("\r-}}", at: inside)
                {
                    position = inside + 4
                    trimNext = true
                } else if startsWith("}}", at: inside) {
                    position = inside + 2
                } else {
                    throw LexError(message: "comment ends before closing delimiter", offset: delim)
                }
                continue
            }
            emit(.leftDelim, "{{", delim, delim + 2)
            position = inside
            trimNext = try lexAction(openedAt: delim)
        }
        emit(.eof, "", bytes.count, bytes.count)
    }

    private func findLeftDelim(from start: Int) -> Int? { find("{{", from: start) }

    private func find(_ literal: String, from start: Int) -> Int? {
        let first = literal.utf8.first ?? 0
        var index = start
        while index < bytes.count {
            if bytes[index] == first, startsWith(literal, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// Lexes the inside of an action up to its `}}`; returns whether it ended with `-}}`.
    private mutating func lexAction(openedAt delim: Int) throws(LexError) -> Bool {
        var space = false
        var parenDepth = 0
        while true {
            guard position < bytes.count else { throw LexError(message: "unclosed action", offset: delim) }
            let c = bytes[position]
            if Self.isSpace(c) {
                var next = position
                while next < bytes.count, Self.isSpace(bytes[next]) { next += 1 }
                if startsWith("-}}", at: next) {
                    emit(.rightDelim, "-}}", next, next + 3, space: true)
                    position = next + 3
                    return true
                }
                position = next
                space = true
                continue
            }
            if startsWith("}}", at: position) {
                if parenDepth > 0 { throw LexError(message: "unclosed left paren", offset: position) }
                emit(.rightDelim, "}}", position, position + 2, space: space)
                position += 2
                return false
            }
            let start = position
            switch c {
            case UInt8(ascii: "|"):
                position += 1
                emit(.pipe, "|", start, position, space: space)
            case UInt8(ascii: "("):
                position += 1
                parenDepth += 1
                emit(.leftParen, "(", start, position, space: space)
            case UInt8(ascii: ")"):
                position += 1
                parenDepth -= 1
                if parenDepth < 0 { throw LexError(message: "unexpected right paren", offset: start) }
                emit(.rightParen, ")", start, position, space: space)
            case UInt8(ascii: ","):
                position += 1
                emit(.comma, ",", start, position, space: space)
            case UInt8(ascii: ":"):
                guard byte(position + 1) == UInt8(ascii: "=") else { throw LexError(message: "expected :=", offset: start) }
                position += 2
                emit(.declare, ":=", start, position, space: space)
            case UInt8(ascii: "="):
                position += 1
                emit(.assign, "=", start, position, space: space)
            case UInt8(ascii: "\""):
                let value = try lexQuoted(start)
                emit(.string, value, start, position, space: space)
            case UInt8(ascii: "`"):
                guard let close = find("`", from: position + 1) else {
                    throw LexError(message: "unterminated raw quoted string", offset: start)
                }
                position = close + 1
                let raw = string(start + 1..<close).replacingCarriageReturns()
                emit(.string, raw, start, position, space: space)
            case UInt8(ascii: "'"):
                let value = try lexChar(start)
                emit(.char, value, start, position, space: space)
            case UInt8(ascii: "$"):
                position += 1
                while position < bytes.count, Self.isAlphanumeric(bytes[position]) { position += 1 }
                emit(.variable, string(start..<position), start, position, space: space)
            case UInt8(ascii: "."):
                if Self.isDigit(byte(position + 1)) {
                    try lexNumber(start, space: space)
                } else if Self.isAlphanumeric(byte(position + 1)) {
                    position += 1
                    while position < bytes.count, Self.isAlphanumeric(bytes[position]) { position += 1 }
                    emit(.field, string(start + 1..<position), start, position, space: space)
                } else {
                    position += 1
                    emit(.dot, ".", start, position, space: space)
                }
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard Self.isDigit(byte(position + 1)) || (byte(position + 1) == UInt8(ascii: ".") && Self.isDigit(byte(position + 2)))
                else { throw LexError(message: "unrecognized character in action: \(Character(Unicode.Scalar(c)))", offset: start) }
                try lexNumber(start, space: space)
            default:
                if Self.isDigit(c) {
                    try lexNumber(start, space: space)
                } else if Self.isAlphanumeric(c) {
                    position += 1
                    while position < bytes.count {
                        if Self.isAlphanumeric(bytes[position]) {
                            position += 1
                        } else if bytes[position] == UInt8(ascii: "."), Self.isAlphanumeric(byte(position + 1)), !Self.isDigit(byte(position + 1)) {
                            position += 1
                        } else {
                            break
                        }
                    }
                    let word = string(start..<position)
                    emit(Self.keywords.contains(word) ? .keyword : .identifier, word, start, position, space: space)
                } else {
                    let scalar = String(decoding: bytes[start..<min(start + 1, bytes.count)], as: UTF8.self)
                    throw LexError(message: "unrecognized character in action: \(scalar)", offset: start)
                }
            }
            space = false
        }
    }

    private mutating func lexNumber(_ start: Int, space: Bool) throws(LexError) {
        position = start
        if byte(position) == UInt8(ascii: "+") || byte(position) == UInt8(ascii: "-") { position += 1 }
        while position < bytes.count {
            let c = bytes[position]
            if Self.isAlphanumeric(c) || c == UInt8(ascii: ".") {
                position += 1
            } else if c == UInt8(ascii: "+") || c == UInt8(ascii: "-"),
                [UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "p"), UInt8(ascii: "P")].contains(byte(position - 1)),
                !string(start..<position).lowercased().hasPrefix("0x") || [UInt8(ascii: "p"), UInt8(ascii: "P")].contains(byte(position - 1))
            {
                position += 1
            } else {
                break
            }
        }
        let text = string(start..<position)
        guard NumberParser.parse(text) != nil else { throw LexError(message: "bad number syntax: \"\(text)\"", offset: start) }
        emit(.number, text, start, position, space: space)
    }

    private mutating func lexQuoted(_ start: Int) throws(LexError) -> String {
        position = start + 1
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        while true {
            guard position < bytes.count, bytes[position] != UInt8(ascii: "\n") else {
                throw LexError(message: "unterminated quoted string", offset: start)
            }
            let c = bytes[position]
            if c == UInt8(ascii: "\"") {
                position += 1
                break
            }
            if c == UInt8(ascii: "\\") {
                scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                raw.removeAll()
                try scalars.append(contentsOf: unescape(quote: UInt8(ascii: "\""), start: start).unicodeScalars)
                continue
            }
            raw.append(c)
            position += 1
        }
        scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
        return String(scalars)
    }

    /// Reads one backslash escape at `position` (Go's string escapes); bytes escapes `\xNN` and
    /// octal ones become the scalar of that value.
    private mutating func unescape(quote: UInt8, start: Int) throws(LexError) -> String {
        position += 1
        guard position < bytes.count else { throw LexError(message: "unterminated quoted string", offset: start) }
        let c = bytes[position]
        position += 1
        func hex(_ count: Int) throws(LexError) -> UInt32 {
            guard position + count <= bytes.count, let value = UInt32(string(position..<position + count), radix: 16) else {
                throw LexError(message: "invalid syntax in quoted string", offset: start)
            }
            position += count
            return value
        }
        func scalar(_ value: UInt32) throws(LexError) -> String {
            guard let scalar = Unicode.Scalar(value) else { throw LexError(message: "invalid Unicode escape", offset: start) }
            return String(Character(scalar))
        }
        switch c {
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "a"): return "\u{07}"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "v"): return "\u{0B}"
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            guard c == quote else { throw LexError(message: "invalid syntax in quoted string", offset: start) }
            return String(Character(Unicode.Scalar(c)))
        case UInt8(ascii: "x"): return try scalar(hex(2))
        case UInt8(ascii: "u"): return try scalar(hex(4))
        case UInt8(ascii: "U"): return try scalar(hex(8))
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            guard position + 2 <= bytes.count, let value = UInt32(string(position - 1..<position + 2), radix: 8), value < 256 else {
                throw LexError(message: "invalid syntax in quoted string", offset: start)
            }
            position += 2
            return try scalar(value)
        default: throw LexError(message: "invalid syntax in quoted string", offset: start)
        }
    }

    private mutating func lexChar(_ start: Int) throws(LexError) -> String {
        position = start + 1
        var value = ""
        if byte(position) == UInt8(ascii: "\\") {
            value = try unescape(quote: UInt8(ascii: "'"), start: start)
        } else {
            var end = position
            while end < bytes.count, bytes[end] != UInt8(ascii: "'"), bytes[end] != UInt8(ascii: "\n") { end += 1 }
            value = string(position..<end)
            position = end
        }
        guard byte(position) == UInt8(ascii: "'"), value.unicodeScalars.count == 1 else {
            throw LexError(message: "unterminated character constant", offset: start)
        }
        position += 1
        return value
    }
}

extension String {
    func replacingCarriageReturns() -> String {
        guard utf8.contains(0x0D) else { return self }
        return String(decoding: utf8.filter { $0 != 0x0D }, as: UTF8.self)
    }
}

/// Go's number literals: decimal, hex `0x`, octal `0o`/`0`, binary `0b`, underscores, floats with
/// exponents. Integers stay integers unless the text has `.`, `e` or `p` (hex floats).
enum NumberParser {
    static func parse(_ text: String) -> GoValue? {
        var body = Substring(text)
        var negative = false
        if body.first == "+" || body.first == "-" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        guard let first = body.first, first.isNumber || first == "." else { return nil }
        if body.contains("_") {
            // Underscores only between digits (or after a base prefix).
            let chars = Array(body)
            for (index, char) in chars.enumerated() where char == "_" {
                guard index > 0, index + 1 < chars.count, chars[index + 1].isHexDigit,
                    chars[index - 1].isHexDigit || "xXoObB".contains(chars[index - 1])
                else { return nil }
            }
            body = Substring(body.replacingOccurrences(of: "_", with: ""))
        }
        let lower = body.lowercased()
        var radix = 10
        var digits = Substring(lower)
        if lower.hasPrefix("0x") {
            radix = 16
            digits = digits.dropFirst(2)
            if digits.contains("p") || digits.contains(".") {
                guard let value = Double("0x" + digits) else { return nil }
                return .float(negative ? -value : value)
            }
        } else if lower.hasPrefix("0o") {
            radix = 8
            digits = digits.dropFirst(2)
        } else if lower.hasPrefix("0b") {
            radix = 2
            digits = digits.dropFirst(2)
        } else if lower.count > 1, lower.hasPrefix("0"), lower.allSatisfy(\.isNumber) {
            radix = 8
            digits = digits.dropFirst()
        }
        if radix == 10, lower.contains(where: { $0 == "." || $0 == "e" }) {
            guard lower.allSatisfy({ $0.isNumber || $0 == "." || $0 == "e" || $0 == "+" || $0 == "-" }),
                let value = Double(lower)
            else { return nil }
            return .float(negative ? -value : value)
        }
        guard !digits.isEmpty, let magnitude = UInt64(digits, radix: radix) else {
            // Too large for an integer: Go keeps such constants as floats when they fit.
            if radix == 10, lower.allSatisfy(\.isNumber), let value = Double(lower) { return .float(negative ? -value : value) }
            return nil
        }
        if negative {
            guard magnitude <= UInt64(Int.max) + 1 else { return .float(-Double(magnitude)) }
            return .int(magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude))
        }
        guard magnitude <= UInt64(Int.max) else { return .float(Double(magnitude)) }
        return .int(Int(magnitude))
    }
}
