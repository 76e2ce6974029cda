import Foundation

/// Moves an `HTMLContext` through a template's literal text, as the browser would read it, and
/// drops comments (HTML comments, and JavaScript and CSS comments outside attributes) from the
/// text, as html/template does.
struct ContextScanner {
    private let bytes: [UInt8]
    private var index = 0
    private(set) var context: HTMLContext
    private var output: [UInt8] = []
    /// Start of the attribute value being read, to see a whole `type="…"` value.
    private var valueStart = 0

    static func scan(_ text: String, from context: HTMLContext) -> (text: String, context: HTMLContext) {
        var scanner = ContextScanner(bytes: Array(text.utf8), context: context)
        scanner.run()
        return (String(decoding: scanner.output, as: UTF8.self), scanner.context)
    }

    private init(bytes: [UInt8], context: HTMLContext) {
        self.bytes = bytes
        self.context = context
        output.reserveCapacity(bytes.count)
    }

    private func byte(_ offset: Int) -> UInt8 { offset < bytes.count ? bytes[offset] : 0 }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        Escaping.isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte >= 0x80
    }

    private func find(_ literal: String, from start: Int, caseInsensitive: Bool = false) -> Int? {
        let pattern = Array(literal.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        var position = start
        while position + pattern.count <= bytes.count {
            var matched = true
            for (offset, char) in pattern.enumerated() {
                var candidate = bytes[position + offset]
                if caseInsensitive, candidate >= 0x41, candidate <= 0x5A { candidate |= 0x20 }
                if candidate != char {
                    matched = false
                    break
                }
            }
            if matched { return position }
            position += 1
        }
        return nil
    }

    private mutating func copy(_ end: Int) {
        if end > index { output.append(contentsOf: bytes[index..<end]) }
        index = max(index, end)
    }

    private mutating func run() {
        while index < bytes.count {
            if context.delimiter != .none {
                attributeValue()
                continue
            }
            switch context.state {
            case .text: text()
            case .htmlComment:
                if let end = find("-->", from: index) {
                    index = end + 3
                    context.state = .text
                } else {
                    index = bytes.count
                }
            case .tag: tag()
            case .attributeName: attributeName()
            case .afterName:
                while index < bytes.count, Self.isSpace(bytes[index]) { copy(index + 1) }
                guard index < bytes.count else { return }
                if bytes[index] == UInt8(ascii: "=") {
                    copy(index + 1)
                    context.state = .beforeValue
                } else {
                    context.state = .tag
                    context.attribute = .plain
                }
            case .beforeValue: beforeValue()
            case .rcdata:
                let name = "</" + context.element.rawValue
                if let end = find(name, from: index, caseInsensitive: true) {
                    copy(end)
                    context = HTMLContext()
                } else {
                    copy(bytes.count)
                }
            default:
                // Script or style element content.
                let closing = context.element == .style ? "</style" : "</script"
                let end = context.element == .none ? bytes.count : (find(closing, from: index, caseInsensitive: true) ?? bytes.count)
                scanEmbedded(until: end, strip: true)
                if end < bytes.count {
                    index = end
                    context = HTMLContext()
                }
            }
        }
    }

    // MARK: HTML

    private mutating func text() {
        guard let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) else {
            copy(bytes.count)
            return
        }
        if find("<!--", from: open) == open {
            copy(open)
            index = open + 4
            context.state = .htmlComment
            return
        }
        var nameStart = open + 1
        let isEndTag = byte(nameStart) == UInt8(ascii: "/")
        if isEndTag { nameStart += 1 }
        guard Self.isLetter(byte(nameStart)) else {
            copy(open + 1)
            return
        }
        var nameEnd = nameStart
        while nameEnd < bytes.count,
            Escaping.isASCIIAlphanumeric(bytes[nameEnd]) || bytes[nameEnd] == UInt8(ascii: "-") || bytes[nameEnd] == UInt8(ascii: ":")
        {
            nameEnd += 1
        }
        let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self).lowercased()
        copy(nameEnd)
        context = HTMLContext()
        context.state = .tag
        if !isEndTag { context.element = HTMLContext.Element(rawValue: name) ?? .none }
    }

    private mutating func tag() {
        while index < bytes.count, Self.isSpace(bytes[index]) { copy(index + 1) }
        guard index < bytes.count else { return }
        if bytes[index] == UInt8(ascii: ">") {
            copy(index + 1)
            context = context.afterTag()
            return
        }
        if bytes[index] == UInt8(ascii: "/"), byte(index + 1) == UInt8(ascii: ">") {
            copy(index + 2)
            context = context.afterTag()
            return
        }
        if bytes[index] == UInt8(ascii: "/") {
            copy(index + 1)
            return
        }
        var end = index
        while end < bytes.count {
            let char = bytes[end]
            if Self.isSpace(char) || char == UInt8(ascii: "=") || char == UInt8(ascii: ">") || (char == UInt8(ascii: "/") && end > index) { break }
            end += 1
        }
        if end == index { end += 1 }
        let name = String(decoding: bytes[index..<end], as: UTF8.self)
        copy(end)
        context.attribute = context.element == .script && name.lowercased() == "type" ? .scriptType : HTMLContext.attributeKind(name)
        context.state = end < bytes.count ? .afterName : .attributeName
    }

    private mutating func attributeName() {
        var end = index
        while end < bytes.count {
            let char = bytes[end]
            if Self.isSpace(char) || char == UInt8(ascii: "=") || char == UInt8(ascii: ">") || char == UInt8(ascii: "/") { break }
            end += 1
        }
        copy(end)
        if end < bytes.count { context.state = .afterName }
    }

    private mutating func beforeValue() {
        while index < bytes.count, Self.isSpace(bytes[index]) { copy(index + 1) }
        guard index < bytes.count else { return }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            copy(index + 1)
            context = context.enteringValue()
            context.delimiter = .doubleQuote
        case UInt8(ascii: "'"):
            copy(index + 1)
            context = context.enteringValue()
            context.delimiter = .singleQuote
        case UInt8(ascii: ">"):
            context.state = .tag
            context.attribute = .plain
        default:
            context = context.enteringValue()
            context.delimiter = .spaceOrTagEnd
        }
        valueStart = index
    }

    private mutating func attributeValue() {
        var end = index
        switch context.delimiter {
        case .doubleQuote: end = bytes[index...].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.count
        case .singleQuote: end = bytes[index...].firstIndex(of: UInt8(ascii: "'")) ?? bytes.count
        default:
            while end < bytes.count, !Self.isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">") { end += 1 }
        }
        scanEmbedded(until: end, strip: false)
        guard end < bytes.count else { return }
        if context.attribute == .scriptType {
            let value = String(decoding: bytes[min(valueStart, end)..<end], as: UTF8.self)
            let mime = value.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            context.nonScriptType = !HTMLContext.javaScriptTypes.contains(mime)
        }
        let quoted = context.delimiter == .doubleQuote || context.delimiter == .singleQuote
        let element = context.element
        let nonScript = context.nonScriptType
        context = HTMLContext()
        context.state = .tag
        context.element = element
        context.nonScriptType = nonScript
        if quoted { copy(end + 1) }
    }

    // MARK: URL, JavaScript, CSS

    /// Scans attribute-value or element content up to `end`; comments are dropped when `strip`.
    private mutating func scanEmbedded(until end: Int, strip: Bool) {
        while index < end {
            let char = bytes[index]
            switch context.state {
            case .attributeValue, .srcset:
                copy(end)
            case .url:
                if context.urlPart != .queryOrFragment {
                    if char == UInt8(ascii: "?") || char == UInt8(ascii: "#") {
                        context.urlPart = .queryOrFragment
                    } else if !Self.isSpace(char) {
                        context.urlPart = .preQuery
                    }
                }
                copy(index + 1)
            case .js: scanJS(char, end: end, strip: strip)
            case .jsDoubleQuoted, .jsSingleQuoted, .jsTemplate:
                let quote: UInt8 = context.state == .jsDoubleQuoted ? 0x22 : context.state == .jsSingleQuoted ? 0x27 : 0x60
                if char == UInt8(ascii: "\\") {
                    copy(min(index + 2, end))
                } else {
                    if char == quote {
                        context.state = .js
                        context.jsContext = .divideOperator
                    }
                    copy(index + 1)
                }
            case .jsRegexp:
                if char == UInt8(ascii: "\\") {
                    copy(min(index + 2, end))
                } else {
                    if char == UInt8(ascii: "/") {
                        context.state = .js
                        context.jsContext = .divideOperator
                    }
                    copy(index + 1)
                }
            case .jsLineComment, .cssLineComment:
                let back: HTMLContext.State = context.state == .jsLineComment ? .js : .css
                if let newline = bytes[index..<end].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                    if strip { index = newline } else { copy(newline) }
                    context.state = back
                    context.jsContext = .regexp
                } else if strip {
                    index = end
                } else {
                    copy(end)
                }
            case .jsBlockComment, .cssBlockComment:
                let back: HTMLContext.State = context.state == .jsBlockComment ? .js : .css
                if let close = find("*/", from: index), close + 2 <= end {
                    if strip { index = close + 2 } else { copy(close + 2) }
                    context.state = back
                } else if strip {
                    index = end
                } else {
                    copy(end)
                }
            case .css: scanCSS(char, end: end, strip: strip)
            case .cssDoubleQuoted, .cssSingleQuoted, .cssDoubleQuotedURL, .cssSingleQuotedURL:
                let quote: UInt8 = context.state == .cssDoubleQuoted || context.state == .cssDoubleQuotedURL ? 0x22 : 0x27
                if char == UInt8(ascii: "\\") {
                    copy(min(index + 2, end))
                    continue
                }
                if char == quote {
                    context.state = .css
                } else {
                    noteURLCharacter(char)
                }
                copy(index + 1)
            case .cssURL:
                if char == UInt8(ascii: ")") {
                    context.state = .css
                } else {
                    noteURLCharacter(char)
                }
                copy(index + 1)
            default:
                copy(end)
            }
        }
    }

    private mutating func noteURLCharacter(_ char: UInt8) {
        guard context.urlPart != .queryOrFragment else { return }
        if char == UInt8(ascii: "?") || char == UInt8(ascii: "#") {
            context.urlPart = .queryOrFragment
        } else if !Self.isSpace(char) {
            context.urlPart = .preQuery
        }
    }

    private static let regexpKeywords: Set<String> = [
        "break", "case", "continue", "delete", "do", "else", "finally", "in", "instanceof", "return", "throw", "try",
        "typeof", "void", "new", "of", "yield", "await",
    ]

    private mutating func scanJS(_ char: UInt8, end: Int, strip: Bool) {
        switch char {
        case UInt8(ascii: "\""):
            context.state = .jsDoubleQuoted
            copy(index + 1)
        case UInt8(ascii: "'"):
            context.state = .jsSingleQuoted
            copy(index + 1)
        case UInt8(ascii: "`"):
            context.state = .jsTemplate
            copy(index + 1)
        case UInt8(ascii: "/"):
            let next = index + 1 < end ? bytes[index + 1] : 0
            if next == UInt8(ascii: "/") {
                context.state = .jsLineComment
                if strip { index += 2 } else { copy(index + 2) }
            } else if next == UInt8(ascii: "*") {
                context.state = .jsBlockComment
                if strip { index += 2 } else { copy(index + 2) }
            } else if context.jsContext == .regexp {
                context.state = .jsRegexp
                copy(index + 1)
            } else {
                context.jsContext = .regexp
                copy(index + 1)
            }
        default:
            if Self.isSpace(char) {
                copy(index + 1)
            } else if Self.isIdentifierByte(char) {
                var wordEnd = index
                while wordEnd < end, Self.isIdentifierByte(bytes[wordEnd]) { wordEnd += 1 }
                let word = String(decoding: bytes[index..<wordEnd], as: UTF8.self)
                context.jsContext = Self.regexpKeywords.contains(word) ? .regexp : .divideOperator
                copy(wordEnd)
            } else {
                context.jsContext = char == UInt8(ascii: ")") || char == UInt8(ascii: "]") ? .divideOperator : .regexp
                copy(index + 1)
            }
        }
    }

    private mutating func scanCSS(_ char: UInt8, end: Int, strip: Bool) {
        switch char {
        case UInt8(ascii: "\""):
            context.state = .cssDoubleQuoted
            copy(index + 1)
        case UInt8(ascii: "'"):
            context.state = .cssSingleQuoted
            copy(index + 1)
        case UInt8(ascii: "/") where index + 1 < end && bytes[index + 1] == UInt8(ascii: "*"):
            context.state = .cssBlockComment
            if strip { index += 2 } else { copy(index + 2) }
        case UInt8(ascii: "("):
            // `url(` starts a URL, quoted or not.
            let before = String(decoding: bytes[max(index - 3, 0)..<index], as: UTF8.self).lowercased()
            copy(index + 1)
            guard before == "url" else { return }
            while index < end, Self.isSpace(bytes[index]) { copy(index + 1) }
            context.urlPart = .none
            if index < end, bytes[index] == UInt8(ascii: "\"") {
                context.state = .cssDoubleQuotedURL
                copy(index + 1)
            } else if index < end, bytes[index] == UInt8(ascii: "'") {
                context.state = .cssSingleQuotedURL
                copy(index + 1)
            } else {
                context.state = .cssURL
            }
        default:
            copy(index + 1)
        }
    }
}
