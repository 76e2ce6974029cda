/// The styling an output node applies to its children (affixes sit outside, as separate text).
public struct Decoration: Sendable, Equatable {
    public internal(set) var fontStyle: String?
    public internal(set) var fontVariant: String?
    public internal(set) var fontWeight: String?
    public internal(set) var textDecoration: String?
    public internal(set) var verticalAlign: String?
    public internal(set) var quotes = false
    public internal(set) var display: String?
    /// A link out (a DOI or URL), for the site's rendering.
    public internal(set) var link: String?
    /// Text that text-case changes must leave alone (`<span class="nocase">` in a field).
    var noCase = false
    /// The item a cite's part of a citation renders (the site links it to the entry).
    public internal(set) var citeID: String?

    init(_ formatting: Formatting) {
        fontStyle = formatting.fontStyle
        fontVariant = formatting.fontVariant
        fontWeight = formatting.fontWeight
        textDecoration = formatting.textDecoration
        verticalAlign = formatting.verticalAlign
        quotes = formatting.quotes
        display = formatting.display
    }

    init() {}

    var isEmpty: Bool { self == Decoration() }
}

/// Rendered output: text runs and decorated groups, serialised as HTML or plain text.
public indirect enum Output: Sendable, Equatable {
    case text(String)
    case styled([Output], Decoration)

    /// The text without markup or quotes.
    public var plain: String {
        switch self {
        case .text(let text): return text
        case .styled(let children, let decoration):
            let inner = children.map(\.plain).joined()
            return decoration.quotes ? "“" + inner + "”" : inner
        }
    }

    var isEmpty: Bool {
        switch self {
        case .text(let text): return text.isEmpty
        case .styled(let children, _): return children.allSatisfy(\.isEmpty)
        }
    }

    var lastCharacter: Character? {
        switch self {
        case .text(let text): return text.last
        case .styled(let children, let decoration):
            if decoration.quotes { return "”" }
            return children.reversed().lazy.compactMap(\.lastCharacter).first
        }
    }

    var firstCharacter: Character? {
        switch self {
        case .text(let text): return text.first
        case .styled(let children, let decoration):
            if decoration.quotes { return "“" }
            return children.lazy.compactMap(\.firstCharacter).first
        }
    }

    /// This output without its first character (for a period that would double one before it).
    func droppingFirstCharacter() -> Output {
        switch self {
        case .text(let text): return .text(String(text.dropFirst()))
        case .styled(var children, let decoration):
            if let index = children.firstIndex(where: { !$0.isEmpty }) { children[index] = children[index].droppingFirstCharacter() }
            return .styled(children, decoration)
        }
    }

    /// This output with `transform` applied to every text run (for text-case).
    func mapText(_ transform: (String) -> String) -> Output {
        switch self {
        case .text(let text): return .text(transform(text))
        case .styled(let children, let decoration):
            if decoration.noCase { return self }
            return .styled(children.map { $0.mapText(transform) }, decoration)
        }
    }
}

extension [Output] {
    var plain: String { map(\.plain).joined() }
    var lastCharacter: Character? { reversed().lazy.compactMap(\.lastCharacter).first }
}

/// Joins outputs with a delimiter, dropping a delimiter's or suffix's leading period after a period.
enum OutputJoin {
    static func join(_ parts: [[Output]], delimiter: String) -> [Output] {
        var result: [Output] = []
        for part in parts where !part.allSatisfy(\.isEmpty) {
            if !result.isEmpty, !delimiter.isEmpty { append(.text(delimiter), to: &result) }
            for output in part { append(output, to: &result) }
        }
        return result
    }

    /// Appends `output`, dropping its leading `.` when the result already ends in one.
    static func append(_ output: Output, to result: inout [Output]) {
        if let first = output.firstCharacter, first == "." || first == " ", let last = result.lastCharacter, last == first {
            result.append(output.droppingFirstCharacter())
        } else {
            result.append(output)
        }
    }

    /// Wraps `content` in its formatting and affixes.
    static func wrap(_ content: [Output], _ formatting: Formatting) -> [Output] {
        guard !content.allSatisfy(\.isEmpty) else { return [] }
        var inner = content
        if formatting.hasStyle || formatting.quotes {
            var decoration = Decoration(formatting)
            decoration.display = nil
            inner = [.styled(content, decoration)]
        }
        var result: [Output] = []
        if !formatting.prefix.isEmpty { result.append(.text(formatting.prefix)) }
        for output in inner { append(output, to: &result) }
        if !formatting.suffix.isEmpty { append(.text(formatting.suffix), to: &result) }
        if let display = formatting.display {
            var decoration = Decoration()
            decoration.display = display
            return [.styled(result, decoration)]
        }
        return result
    }
}
