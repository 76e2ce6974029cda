import Foundation

/// One step of html/template's escaping of an action's value, chosen by the context the action
/// sits in. Steps run left to right; the first receives the typed value.
enum Escaper: String, Sendable, Hashable {
    case html, rcdata, attribute, unquotedAttribute, attributeName, comment
    case urlFilter, urlNormalizer, urlEscaper, srcset
    case jsValue, jsString, jsRegexp, jsTemplate
    case cssValue, cssString
}

/// The escaping functions of html/template's contexts.
/// Byte → replacement lookups for ASCII bytes, as an array (the escapers' hot loop).
struct ReplacementTable: Sendable {
    private let entries: [[UInt8]?]

    init(_ table: [UInt8: String]) {
        var entries = [[UInt8]?](repeating: nil, count: 128)
        for (byte, replacement) in table where byte < 128 { entries[Int(byte)] = Array(replacement.utf8) }
        self.entries = entries
    }

    @inline(__always) func replaces(_ byte: UInt8) -> Bool { byte < 128 && entries[Int(byte)] != nil }
    @inline(__always) func replacement(_ byte: UInt8) -> [UInt8]? { byte < 128 ? entries[Int(byte)] : nil }
}

enum Escaping {
    /// The value Go's html/template would output replaced by this when it is unsafe in its context.
    static let failsafe = "ZgotmplZ"

    /// The text and trusted kind of a value; nil prints as nothing.
    static func stringify(_ value: GoValue) -> (text: String, kind: SafeKind?) {
        switch value {
        case .null: ("", nil)
        case .string(let text): (text, nil)
        case .safe(let text, let kind): (text, kind)
        default: (value.printed, nil)
        }
    }

    static func apply(_ escapers: [Escaper], to value: GoValue) -> String {
        var text: String
        var kind: SafeKind?
        var steps = escapers[...]
        if escapers.first == .jsValue {
            text = jsValue(value)
            kind = nil
            steps = steps.dropFirst()
        } else {
            (text, kind) = stringify(value)
        }
        for escaper in steps {
            (text, kind) = apply(escaper, text, kind)
        }
        return text
    }

    static func apply(_ escaper: Escaper, _ text: String, _ kind: SafeKind?) -> (String, SafeKind?) {
        switch escaper {
        case .html:
            return kind == .html ? (text, nil) : (replace(text, Tables.html), nil)
        case .rcdata:
            return kind == .html ? (replace(text, Tables.htmlNormalize), nil) : (replace(text, Tables.html), nil)
        case .attribute:
            return kind == .html ? (replace(stripTags(text), Tables.htmlNormalize), nil) : (replace(text, Tables.html), nil)
        case .unquotedAttribute:
            let value = kind == .html ? replace(stripTags(text), Tables.unquotedNormalize) : replace(text, Tables.unquoted)
            return (value.isEmpty ? failsafe : value, nil)
        case .attributeName:
            if kind == .htmlAttr { return (text, nil) }
            let lower = text.lowercased()
            guard !lower.isEmpty, lower.utf8.allSatisfy({ isASCIIAlphanumeric($0) }), HTMLContext.attributeKind(lower) == .plain else {
                return (failsafe, nil)
            }
            return (lower, nil)
        case .comment:
            return ("", nil)
        case .urlFilter:
            if kind == .url { return (text, kind) }
            return (isSafeURL(text) ? text : "#" + failsafe, nil)
        case .urlNormalizer:
            return (percentEncode(text, normalize: true), nil)
        case .urlEscaper:
            return (percentEncode(text, normalize: kind == .url), nil)
        case .srcset:
            return (kind == .srcset ? text : filterSrcset(text, kind), nil)
        case .jsValue:
            return (jsValue(kind.map { .safe(text, $0) } ?? .string(text)), nil)
        case .jsString:
            return (kind == .jsString ? text : replace(text, Tables.jsString), nil)
        case .jsRegexp:
            if text.isEmpty { return ("(?:)", nil) }
            return (replace(text, Tables.jsRegexp), nil)
        case .jsTemplate:
            return (replace(text, Tables.jsTemplate), nil)
        case .cssValue:
            return kind == .css ? (text, kind) : (filterCSSValue(text), nil)
        case .cssString:
            return (kind == .css ? text : escapeCSSString(text), nil)
        }
    }

    // MARK: replacement tables

    enum Tables {
        static let html = ReplacementTable(htmlTable)
        static let htmlNormalize = ReplacementTable(htmlNormalizeTable)
        static let unquoted = ReplacementTable(unquotedTable)
        static let unquotedNormalize = ReplacementTable(unquotedNormalizeTable)
        static let textHTML = ReplacementTable(textHTMLTable)
        static let jsString = ReplacementTable(jsStringTable)
        static let jsRegexp = ReplacementTable(jsRegexpTable)
        static let jsTemplate = ReplacementTable(jsTemplateTable)
    }

    static let htmlTable: [UInt8: String] = [
        0: "\u{FFFD}", UInt8(ascii: "\""): "&#34;", UInt8(ascii: "&"): "&amp;", UInt8(ascii: "'"): "&#39;",
        UInt8(ascii: "+"): "&#43;", UInt8(ascii: "<"): "&lt;", UInt8(ascii: ">"): "&gt;",
    ]
    static let htmlNormalizeTable: [UInt8: String] = htmlTable.filter { $0.key != UInt8(ascii: "&") }
    static let unquotedTable: [UInt8: String] = htmlTable.merging([
        9: "&#9;", 10: "&#10;", 11: "&#11;", 12: "&#12;", 13: "&#13;", UInt8(ascii: " "): "&#32;",
        UInt8(ascii: "="): "&#61;", UInt8(ascii: "`"): "&#96;",
    ]) { _, new in new }
    static let unquotedNormalizeTable: [UInt8: String] = unquotedTable.filter { $0.key != UInt8(ascii: "&") }
    /// text/template's `html` function: no `+`.
    static let textHTMLTable: [UInt8: String] = htmlTable.filter { $0.key != UInt8(ascii: "+") }

    static let jsStringTable: [UInt8: String] = {
        var table: [UInt8: String] = [
            0: "\\u0000", 9: "\\t", 10: "\\n", 11: "\\u000b", 12: "\\f", 13: "\\r",
            UInt8(ascii: "\""): "\\u0022", UInt8(ascii: "`"): "\\u0060", UInt8(ascii: "&"): "\\u0026",
            UInt8(ascii: "'"): "\\u0027", UInt8(ascii: "+"): "\\u002b", UInt8(ascii: "/"): "\\/",
            UInt8(ascii: "<"): "\\u003c", UInt8(ascii: ">"): "\\u003e", UInt8(ascii: "\\"): "\\\\",
        ]
        for byte in UInt8(1)..<0x20 where table[byte] == nil { table[byte] = String(format: "\\u%04x", byte) }
        return table
    }()
    static let jsRegexpTable: [UInt8: String] = {
        var table = jsStringTable
        for char in "$()*+-.?[]^{|}".utf8 { table[char] = "\\" + String(UnicodeScalar(char)) }
        return table
    }()
    static let jsTemplateTable: [UInt8: String] = jsStringTable.merging([
        UInt8(ascii: "$"): "\\u0024", UInt8(ascii: "{"): "\\u007b", UInt8(ascii: "}"): "\\u007d",
    ]) { _, new in new }

    /// Replaces the ASCII bytes of `table`; leaves everything else (and all multi-byte UTF-8) as is.
    static func replace(_ text: String, _ table: [UInt8: String]) -> String {
        replace(text, ReplacementTable(table))
    }

    static func replace(_ text: String, _ table: ReplacementTable) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { table.replaces($0) }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            if let replacement = table.replacement(byte) {
                out.append(contentsOf: replacement)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    // MARK: HTML

    /// The text of HTML without its tags and comments (for HTML put in an attribute).
    static func stripTags(_ html: String) -> String {
        guard html.contains("<") else { return html }
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            guard byte == UInt8(ascii: "<"), isASCIIAlphanumeric(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") else {
                out.append(byte)
                index += 1
                continue
            }
            if next == UInt8(ascii: "!"), index + 3 < bytes.count, bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") {
                var end = index + 4
                while end + 2 < bytes.count,
                    !(bytes[end] == UInt8(ascii: "-") && bytes[end + 1] == UInt8(ascii: "-") && bytes[end + 2] == UInt8(ascii: ">"))
                {
                    end += 1
                }
                index = end + 3
                continue
            }
            var quote: UInt8 = 0
            var end = index + 1
            while end < bytes.count {
                let char = bytes[end]
                if quote != 0 {
                    if char == quote { quote = 0 }
                } else if char == UInt8(ascii: "\"") || char == UInt8(ascii: "'") {
                    quote = char
                } else if char == UInt8(ascii: ">") {
                    break
                }
                end += 1
            }
            index = end + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: URLs

    /// Whether a URL is relative or uses http, https or mailto.
    static func isSafeURL(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return true }
        let scheme = url[..<colon]
        if scheme.contains("/") { return true }
        let lower = scheme.lowercased()
        return lower == "http" || lower == "https" || lower == "mailto"
    }

    /// Percent-encodes a URL. Normalizing keeps reserved characters and valid `%XX` escapes;
    /// escaping (a query value) encodes everything but unreserved characters.
    static func percentEncode(_ text: String, normalize: Bool) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        let hex = Array("0123456789abcdef".utf8)
        for (index, byte) in bytes.enumerated() {
            var keep = false
            switch byte {
            case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "*"),
                UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: ";"),
                UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "@"), UInt8(ascii: "["), UInt8(ascii: "]"):
                keep = normalize
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                keep = true
            case UInt8(ascii: "%"):
                keep = normalize && index + 2 < bytes.count && isHex(bytes[index + 1]) && isHex(bytes[index + 2])
            default:
                keep = isASCIIAlphanumeric(byte)
            }
            if keep {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 15)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }

    static func filterSrcset(_ text: String, _ kind: SafeKind?) -> String {
        text.split(separator: ",", omittingEmptySubsequences: false).map { part -> String in
            let trimmed = part.trimmingCharacters(in: .whitespacesAndNewlines)
            let pieces = trimmed.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            let url = pieces.first.map(String.init) ?? ""
            let descriptor = pieces.count > 1 ? String(pieces[1]) : ""
            guard kind == .url || isSafeURL(url),
                descriptor.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == " " || $0 == "," || $0 == "-" })
            else { return "#" + failsafe }
            let normalized = percentEncode(url, normalize: true)
            return descriptor.isEmpty ? normalized : normalized + " " + descriptor
        }.joined(separator: " , ").replacingOccurrences(of: " , ", with: ", ")
    }

    // MARK: JavaScript

    /// A value as a JavaScript expression: JSON for data, quoted strings, `null` for nil, padded
    /// with spaces where it could run into a neighbouring identifier.
    static func jsValue(_ value: GoValue) -> String {
        switch value {
        case .safe(let text, .js): return text
        case .safe(let text, .jsString): return "\"" + text + "\""
        default: break
        }
        var json = ""
        appendJSON(value, to: &json)
        guard let first = json.unicodeScalars.first, let last = json.unicodeScalars.last else { return " null " }
        func identifierPart(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" || scalar == "$"
        }
        return identifierPart(first) || identifierPart(last) ? " " + json + " " : json
    }

    /// JSON as Go's encoder writes it (`<`, `>`, `&`, U+2028, U+2029 escaped; keys sorted).
    static func appendJSON(_ value: GoValue, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .float(let number): out += jsonNumber(number)
        case .string(let text), .safe(let text, _): appendJSONString(text, to: &out)
        case .array(let values):
            out += "["
            for (index, element) in values.enumerated() {
                if index > 0 { out += "," }
                appendJSON(element, to: &out)
            }
            out += "]"
        case .map(let map):
            out += "{"
            for (index, key) in map.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                appendJSONString(key, to: &out)
                out += ":"
                appendJSON(map[key] ?? .null, to: &out)
            }
            out += "}"
        case .object(let object):
            if let elements = object.rangeElements {
                appendJSON(.array(elements), to: &out)
            } else {
                appendJSONString(object.printed, to: &out)
            }
        case .function: out += "null"
        }
    }

    static func jsonNumber(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e21 {
            let (digits, point) = GoFormatter.shortestDigits(number)
            let text = String(decoding: digits, as: UTF8.self)
            if digits == [UInt8(ascii: "0")] { return number.sign == .minus ? "-0" : "0" }
            return (number < 0 ? "-" : "") + text + String(repeating: "0", count: max(point - digits.count, 0))
        }
        let magnitude = abs(number)
        if magnitude < 1e-6 || magnitude >= 1e21 {
            var text = GoFormatter.formatFloatShortest(number, verb: "e")
            // Go's JSON writes e-07 as e-7.
            if let range = text.range(of: "e-0") { text.replaceSubrange(range, with: "e-") }
            if let range = text.range(of: "e+0") { text.replaceSubrange(range, with: "e+") }
            return text
        }
        let (digits, point) = GoFormatter.shortestDigits(number)
        let text = String(decoding: digits, as: UTF8.self)
        let sign = number < 0 ? "-" : ""
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + text }
        let split = text.index(text.startIndex, offsetBy: min(point, text.count))
        return sign + text[..<split] + "." + text[split...]
    }

    static func appendJSONString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    // MARK: CSS

    /// A value for a CSS property: kept only when it cannot break out of the value.
    static func filterCSSValue(_ text: String) -> String {
        var previous: UInt8 = 0
        var identifier: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0, UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "/"),
                UInt8(ascii: ";"), UInt8(ascii: "@"), UInt8(ascii: "["), UInt8(ascii: "\\"), UInt8(ascii: "]"),
                UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "<"), UInt8(ascii: ">"):
                return failsafe
            case UInt8(ascii: "-") where previous == UInt8(ascii: "-"):
                return failsafe
            default:
                if isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                    identifier.append(byte | 0x20)
                }
            }
            previous = byte
        }
        let lowered = String(decoding: identifier, as: UTF8.self)
        if lowered.contains("expression") || lowered.contains("mozbinding") { return failsafe }
        return text
    }

    /// A value inside a CSS string or `url(…)`: specials as `\HEX ` escapes.
    static func escapeCSSString(_ text: String) -> String {
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\0", "\t", "\n", "\u{0C}", "\r", "\"", "&", "'", "(", ")", "+", "/", ":", ";", "<", ">", "\\", "{", "}":
                out += "\\" + String(scalar.value, radix: 16)
                if index + 1 < scalars.count {
                    let next = scalars[index + 1]
                    if next == " " || next == "\t" || (next.value < 128 && isHex(UInt8(next.value))) { out += " " }
                }
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
