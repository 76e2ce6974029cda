/// A citation as written in the text: one or more cited works, and whether it stands in the sentence.
public struct Citation: Sendable, Equatable {
    /// How the citation sits in the text.
    public enum Mode: Sendable, Equatable {
        /// `[@key]`: in parentheses (author–year) or brackets (numeric).
        case parenthetical
        /// `@key`: the author's name is part of the sentence ("Vaswani et al. (2017) show …").
        case inText
    }

    public var items: [CitationItem]
    public var mode: Mode

    public init(items: [CitationItem], mode: Mode) {
        self.items = items
        self.mode = mode
    }
}

/// One cited work inside a citation: `see @key, p. 33` or `-@key`.
public struct CitationItem: Sendable, Equatable {
    public var key: String
    /// Text before the key (`see`).
    public var prefix: String
    public var locator: Locator?
    /// Text after the key and locator (`, emphasis added`).
    public var suffix: String
    /// `-@key`: the year (or number) without the author.
    public var suppressAuthor: Bool

    public init(key: String, prefix: String = "", locator: Locator? = nil, suffix: String = "", suppressAuthor: Bool = false) {
        self.key = key
        self.prefix = prefix
        self.locator = locator
        self.suffix = suffix
        self.suppressAuthor = suppressAuthor
    }
}

/// A place inside a cited work (`p. 33`, `ch. 2`).
public struct Locator: Sendable, Equatable {
    /// The kinds of locator CSL names, with the words writers use for them.
    public enum Label: String, Sendable, CaseIterable {
        case page, chapter, section, figure, table, volume, issue, paragraph, line, note, part, appendix, book,
            column, equation, verse, algorithm, theorem, definition

        /// Words that introduce the label in a citation's suffix, longest first where one starts another.
        var words: [String] {
            switch self {
            case .page: return ["pages", "page", "pp.", "pp", "p.", "p"]
            case .chapter: return ["chapters", "chapter", "chaps.", "chap.", "chs.", "ch."]
            case .section: return ["sections", "section", "secs.", "sec.", "§§", "§"]
            case .figure: return ["figures", "figure", "figs.", "fig."]
            case .table: return ["tables", "table", "tbl.", "tab."]
            case .volume: return ["volumes", "volume", "vols.", "vol."]
            case .issue: return ["numbers", "number", "nos.", "no."]
            case .paragraph: return ["paragraphs", "paragraph", "paras.", "para.", "¶¶", "¶"]
            case .line: return ["lines", "line", "ll.", "l."]
            case .note: return ["notes", "note", "nn.", "n."]
            case .part: return ["parts", "part", "pts.", "pt."]
            case .appendix: return ["appendices", "appendix", "apps.", "app."]
            case .book: return ["books", "book", "bks.", "bk."]
            case .column: return ["columns", "column", "cols.", "col."]
            case .equation: return ["equations", "equation", "eqs.", "eq."]
            case .verse: return ["verses", "verse", "vv.", "v."]
            case .algorithm: return ["algorithms", "algorithm", "alg."]
            case .theorem: return ["theorems", "theorem", "thm."]
            case .definition: return ["definitions", "definition", "def."]
            }
        }

        /// The abbreviation a style writes before a single value and before a range.
        public var abbreviation: (single: String, plural: String) {
            switch self {
            case .page: return ("p.", "pp.")
            case .chapter: return ("ch.", "chs.")
            case .section: return ("sec.", "secs.")
            case .figure: return ("fig.", "figs.")
            case .table: return ("tbl.", "tbls.")
            case .volume: return ("vol.", "vols.")
            case .issue: return ("no.", "nos.")
            case .paragraph: return ("para.", "paras.")
            case .line: return ("l.", "ll.")
            case .note: return ("n.", "nn.")
            case .part: return ("pt.", "pts.")
            case .appendix: return ("app.", "apps.")
            case .book: return ("bk.", "bks.")
            case .column: return ("col.", "cols.")
            case .equation: return ("eq.", "eqs.")
            case .verse: return ("v.", "vv.")
            case .algorithm: return ("alg.", "algs.")
            case .theorem: return ("thm.", "thms.")
            case .definition: return ("def.", "defs.")
            }
        }
    }

    public var label: Label
    /// The place as written, with hyphens in ranges as en dashes (`33–35`).
    public var value: String

    public init(label: Label, value: String) {
        self.label = label
        self.value = value
    }

    /// True for a range or list (`33–35`, `3, 7`), written with the plural abbreviation.
    public var isPlural: Bool { value.contains(where: { "–-,&".contains($0) }) }

    /// `p. 33`, `pp. 33–35`.
    public var text: String {
        let abbreviation = isPlural ? label.abbreviation.plural : label.abbreviation.single
        return abbreviation + "\u{00A0}" + value
    }
}
