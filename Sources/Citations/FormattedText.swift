import TextUtilities

/// Styled text a style produces: plain runs, emphasis, links, and links from a citation to its entry.
public indirect enum Inline: Sendable, Equatable {
    case text(String)
    case emphasis([Inline])
    /// A link out (a DOI, a URL).
    case link(url: String, [Inline])
    /// A citation's link to the bibliography entry of `key`.
    case reference(key: String, [Inline])
    /// A key no bibliography holds, shown so the writer sees it.
    case missing(key: String)
    /// Bold, small capitals, superscript … (from a CSL style).
    case styled(InlineStyle, [Inline])
}

/// Styling a CSL style may ask for beyond emphasis.
public enum InlineStyle: String, Sendable {
    case bold
    case smallCaps = "small-caps"
    case superscript, `subscript`, underline

    var tags: (open: String, close: String) {
        switch self {
        case .bold: return ("<b>", "</b>")
        case .smallCaps: return ("<span class=\"small-caps\">", "</span>")
        case .superscript: return ("<sup>", "</sup>")
        case .`subscript`: return ("<sub>", "</sub>")
        case .underline: return ("<u>", "</u>")
        }
    }
}

/// A citation or bibliography entry as styled text, with HTML and plain-text forms.
public struct FormattedText: Sendable, Equatable {
    public var inlines: [Inline]

    public init(_ inlines: [Inline] = []) {
        self.inlines = inlines
    }

    /// The text without styling (for tooltips, `title` attributes and tests).
    public var plainText: String {
        Self.plain(inlines)
    }

    /// HTML: emphasis as `<i>`, links as `<a href>`; a reference links to `entryID(key)`'s fragment.
    public func html(entryID: (String) -> String) -> String {
        Self.html(inlines, entryID: entryID)
    }

    private static func plain(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): return text
            case .emphasis(let inner), .link(_, let inner), .reference(_, let inner), .styled(_, let inner): return plain(inner)
            case .missing(let key): return "?" + key
            }
        }.joined()
    }

    private static func html(_ inlines: [Inline], entryID: (String) -> String) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): return escape(text)
            case .emphasis(let inner): return "<i>" + html(inner, entryID: entryID) + "</i>"
            case .link(let url, let inner): return "<a href=\"\(escape(url))\">" + html(inner, entryID: entryID) + "</a>"
            case .reference(let key, let inner):
                return "<a href=\"#\(escape(entryID(key)))\" class=\"citation\" data-cites=\"\(escape(key))\">"
                    + html(inner, entryID: entryID) + "</a>"
            case .styled(let style, let inner):
                return style.tags.open + html(inner, entryID: entryID) + style.tags.close
            case .missing(let key):
                return "<strong class=\"citation unresolved\" title=\"no bibliography entry has this key\">?@\(escape(key))</strong>"
            }
        }.joined()
    }

    static func escape(_ text: String) -> String {
        HTMLEscaper.text.escape(text)
    }
}

/// Builds styled text, keeping punctuation tidy: no doubled periods after a title that ends in `?`.
struct TextBuilder {
    private(set) var inlines: [Inline] = []
    private var lastCharacter: Character?

    mutating func text(_ text: String) {
        guard !text.isEmpty else { return }
        inlines.append(.text(text))
        lastCharacter = text.last
    }

    mutating func emphasis(_ text: String) {
        guard !text.isEmpty else { return }
        inlines.append(.emphasis([.text(text)]))
        lastCharacter = text.last
    }

    mutating func link(_ url: String, label: String? = nil) {
        inlines.append(.link(url: url, [.text(label ?? url)]))
        lastCharacter = (label ?? url).last
    }

    mutating func append(_ other: [Inline], last: Character?) {
        inlines += other
        lastCharacter = last
    }

    /// Ends a sentence: a period unless the text already ends in `.`, `?` or `!`.
    mutating func period() {
        if let lastCharacter, ".?!".contains(lastCharacter) { return }
        text(".")
    }

    /// A separator, unless nothing precedes it.
    mutating func separator(_ text: String) {
        guard !inlines.isEmpty else { return }
        if text.first == ".", let lastCharacter, ".?!".contains(lastCharacter) {
            self.text(String(text.dropFirst()))
        } else {
            self.text(text)
        }
    }

    var result: FormattedText { FormattedText(inlines) }
}
