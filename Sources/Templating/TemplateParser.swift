/// Turns Mustache source into nodes: tags, standalone lines, delimiters and nesting.
///
/// A tag that stands alone on its line (a section, comment, partial, block or delimiter change with
/// only spaces around it) takes the whole line with it, as the Mustache specification says; a
/// standalone partial indents the partial's lines by the spaces before it.
struct TemplateParser {
    private let source: [UInt8]
    private var position = 0
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    /// Where the literal text not yet emitted begins.
    private var textStart = 0
    private var frames: [Frame] = [Frame(kind: .root, name: "", offset: 0)]

    /// Sections, blocks and parents may nest this deep; deeper is an error, not a deep recursion.
    static let maximumNesting = 100

    private struct Frame {
        enum Kind { case root, section, inverted, parent, block }
        let kind: Kind
        let name: String
        let offset: Int
        var indent = ""
        /// The opening tag had nothing but spaces before it on its line.
        var startsLine = false
        var nodes: [TemplateNode] = []
    }

    private enum Sigil: UInt8 {
        case section = 35
        case inverted = 94
        case close = 47
        case partial = 62
        case parent = 60
        case block = 36
        case comment = 33
        case delimiters = 61
        case unescaped = 38
        case brace = 123
        case pragma = 37

        var canStandAlone: Bool {
            switch self {
            case .section, .inverted, .close, .partial, .parent, .block, .comment, .delimiters, .pragma: true
            case .unescaped, .brace: false
            }
        }
    }

    init(_ source: String) {
        self.source = Array(source.utf8)
    }

    /// The template's nodes, or the first error.
    mutating func parse() throws(TemplateError) -> [TemplateNode] {
        while let tagStart = find(open, from: position) {
            try tag(at: tagStart)
        }
        appendText(upTo: source.count)
        if frames.count > 1 {
            let frame = frames[frames.count - 1]
            throw error(at: frame.offset, "{{\(Self.sigilText(frame.kind))\(frame.name)}} is never closed: add {{/\(frame.name)}}")
        }
        return frames[0].nodes
    }

    private mutating func tag(at tagStart: Int) throws(TemplateError) {
        var contentStart = tagStart + open.count
        let sigil = contentStart < source.count ? Sigil(rawValue: source[contentStart]) : nil
        if sigil != nil { contentStart += 1 }
        var closing = close
        if sigil == .brace { closing = [UInt8(ascii: "}")] + close }
        if sigil == .delimiters { closing = [UInt8(ascii: "=")] + close }
        guard let contentEnd = find(closing, from: contentStart) else {
            throw error(at: tagStart, "tag is not closed: add \(String(decoding: closing, as: UTF8.self))")
        }
        let tagEnd = contentEnd + closing.count
        let content = trimmed(contentStart, contentEnd)

        // A standalone tag takes its line: leading spaces and the line end go with it.
        var indent = ""
        var textEnd = tagStart
        position = tagEnd
        let startsLine = startsLine(tagStart)
        if sigil?.canStandAlone == true, let (lineStart, lineEnd) = standaloneLine(tagStart: tagStart, tagEnd: tagEnd) {
            indent = String(decoding: source[max(lineStart, textStart)..<tagStart], as: UTF8.self)
            textEnd = lineStart
            position = lineEnd
        }
        appendText(upTo: textEnd)
        textStart = position

        switch sigil {
        case nil, .unescaped, .brace:
            guard !content.isEmpty else { throw error(at: tagStart, "empty tag: write a name between the braces") }
            append(.variable(TemplatePath(content), escaped: sigil == nil))
        case .section?, .inverted?, .parent?, .block?:
            guard !content.isEmpty else { throw error(at: tagStart, "a section needs a name") }
            guard frames.count <= Self.maximumNesting else {
                throw error(at: tagStart, "sections nest more than \(Self.maximumNesting) deep")
            }
            let kind: Frame.Kind =
                switch sigil {
                case .section?: .section
                case .inverted?: .inverted
                case .parent?: .parent
                default: .block
                }
            frames.append(Frame(kind: kind, name: content, offset: tagStart, indent: indent, startsLine: startsLine))
        case .close?:
            try closeSection(content, at: tagStart)
        case .partial?:
            append(.partial(content, indent: indent))
        case .delimiters?:
            let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                throw error(at: tagStart, "a delimiter change is written {{=<% %>=}}: two delimiters, without '=' or spaces in them")
            }
            open = Array(parts[0].utf8)
            close = Array(parts[1].utf8)
        case .comment?, .pragma?:
            break
        }
    }

    private mutating func closeSection(_ name: String, at offset: Int) throws(TemplateError) {
        guard frames.count > 1 else { throw error(at: offset, "{{/\(name)}} closes nothing: remove it or open {{#\(name)}} before") }
        let frame = frames.removeLast()
        guard frame.name == name else {
            let line = lineAndColumn(frame.offset).line
            throw error(at: offset, "{{/\(name)}} closes {{\(Self.sigilText(frame.kind))\(frame.name)}} of line \(line): close that one first")
        }
        switch frame.kind {
        case .section: append(.section(TemplatePath(name), frame.nodes, inverted: false))
        case .inverted: append(.section(TemplatePath(name), frame.nodes, inverted: true))
        case .block: append(.block(name, frame.nodes))
        case .parent:
            // Inside a parent tag only block definitions count; other text is ignored.
            var blocks: [String: [TemplateNode]] = [:]
            for case .block(let blockName, let nodes) in frame.nodes { blocks[blockName] = nodes }
            append(.parent(name, indent: frame.indent, blocks: blocks))
        case .root: break
        }
    }

    /// Whether only spaces precede the tag on its line. Inside a parent, whose text outside blocks
    /// is ignored, the parent's own tag counts as nothing: `{{<base}}{{$main}}` starts a line.
    private func startsLine(_ tagStart: Int) -> Bool {
        let lineStart = lineStart(tagStart)
        guard source[max(lineStart, textStart)..<tagStart].allSatisfy(Self.isBlank) else { return false }
        if lineStart >= textStart { return true }
        let frame = frames[frames.count - 1]
        return frame.kind == .parent && frame.startsLine && frame.offset >= lineStart
    }

    private func lineStart(_ offset: Int) -> Int {
        var lineStart = offset
        while lineStart > 0, source[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        return lineStart
    }

    /// The line holding the tag, when the tag is alone on it: from its start to just past its end.
    private func standaloneLine(tagStart: Int, tagEnd: Int) -> (Int, Int)? {
        let lineStart = lineStart(tagStart)
        guard startsLine(tagStart) else { return nil }
        var lineEnd = tagEnd
        while lineEnd < source.count, Self.isBlank(source[lineEnd]) { lineEnd += 1 }
        if lineEnd == source.count { return (lineStart, lineEnd) }
        if source[lineEnd] == UInt8(ascii: "\n") { return (lineStart, lineEnd + 1) }
        if source[lineEnd] == UInt8(ascii: "\r"), lineEnd + 1 < source.count, source[lineEnd + 1] == UInt8(ascii: "\n") {
            return (lineStart, lineEnd + 2)
        }
        return nil
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    private mutating func appendText(upTo end: Int) {
        guard end > textStart else { return }
        append(.text(Array(source[textStart..<end])))
        textStart = end
    }

    private mutating func append(_ node: TemplateNode) {
        frames[frames.count - 1].nodes.append(node)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= source.count else { return nil }
        var index = start
        while index + needle.count <= source.count {
            if source[index] == first, source[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private func trimmed(_ start: Int, _ end: Int) -> String {
        var start = start
        var end = end
        while start < end, Self.isSpace(source[start]) { start += 1 }
        while end > start, Self.isSpace(source[end - 1]) { end -= 1 }
        return String(decoding: source[start..<end], as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { isBlank(byte) || byte == 10 || byte == 13 }

    private static func sigilText(_ kind: Frame.Kind) -> String {
        switch kind {
        case .section: "#"
        case .inverted: "^"
        case .parent: "<"
        case .block: "$"
        case .root: ""
        }
    }

    private func lineAndColumn(_ offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where source[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return (line, String(decoding: source[lineStart..<offset], as: UTF8.self).count + 1)
    }

    private func error(at offset: Int, _ reason: String) -> TemplateError {
        let (line, column) = lineAndColumn(offset)
        return TemplateError(line: line, column: column, reason: reason)
    }
}
