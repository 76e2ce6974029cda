import CSL

/// The built-in citation styles, both written for this project.
public enum CitationStyle: String, Sendable, CaseIterable {
    /// APA-like: "(Vaswani et al., 2017, p. 3)", entries sorted by author, year suffixes (2017a) when needed.
    case authorYear = "author-year"
    /// IEEE-like: "[1]", "[1]–[3]", entries numbered in order of first citation.
    case numeric

    /// The style a name in configuration means: `author-year`/`apa`, `numeric`/`ieee`; nil for other names.
    public init?(name: String) {
        switch name.lowercased() {
        case "author-year", "authoryear", "author-date", "apa": self = .authorYear
        case "numeric", "ieee", "numbered": self = .numeric
        default: return nil
        }
    }
}

/// One entry of a page's reference list.
public struct BibliographyEntry: Sendable, Equatable {
    /// The citation key of the reference, as the bibliography spells it.
    public var key: String
    /// The entry's number in a numeric style (`1`), nil in author–year.
    public var number: Int?
    public var text: FormattedText
    public var reference: Reference
}

/// The rendered citations of a text, in the order given, and its reference list in the style's order.
public struct ProcessedCitations: Sendable {
    public var citations: [FormattedText]
    public var entries: [BibliographyEntry]
    /// Cited keys no bibliography holds, in order of first use.
    public var unknownKeys: [String]
    /// For each entry key, the indices (into `citations`) of the citations that cite it, in order.
    public var citingIndices: [String: [Int]]
}

/// A built-in style or a CSL style file a site or page names.
public enum StyleChoice: Sendable {
    case builtIn(CitationStyle)
    /// A parsed `.csl` file and the name it was given by (`ieee.csl`).
    case csl(CSLStyle, name: String)

    /// The class the reference list carries (`author-year`, `numeric`, `csl`).
    public var className: String {
        switch self {
        case .builtIn(let style): return style.rawValue
        case .csl: return "csl"
        }
    }
}

/// Formats a document's citations and reference list in one of the built-in styles or a CSL style. All
/// citations of the document go in at once: numbers follow first citation and year suffixes need the whole list.
public struct CitationProcessor: Sendable {
    public let style: CitationStyle
    public let bibliography: Bibliography
    /// A CSL style used instead of `style`.
    public let csl: CSLStyle?

    public init(style: CitationStyle, bibliography: Bibliography) {
        self.style = style
        self.bibliography = bibliography
        csl = nil
    }

    /// A processor for a built-in style or a CSL style.
    public init(choice: StyleChoice, bibliography: Bibliography) {
        self.bibliography = bibliography
        switch choice {
        case .builtIn(let style):
            self.style = style
            csl = nil
        case .csl(let style, _):
            self.style = .authorYear
            csl = style
        }
    }

    /// Formats `citations`; `alsoList` names keys to list though not cited (Pandoc's `nocite`; `*` for all).
    public func process(_ citations: [Citation], alsoList: [String] = []) -> ProcessedCitations {
        var cited: [Reference] = []
        var seen = Set<String>()
        var unknown: [String] = []
        var citing: [String: [Int]] = [:]
        for (index, citation) in citations.enumerated() {
            for item in citation.items {
                guard let reference = bibliography[item.key] else {
                    if !unknown.contains(item.key) { unknown.append(item.key) }
                    continue
                }
                if citing[reference.id]?.last != index { citing[reference.id, default: []].append(index) }
                if seen.insert(reference.id).inserted { cited.append(reference) }
            }
        }
        let extra = alsoList.contains("*") ? bibliography.references : alsoList.compactMap { bibliography[$0] }
        for reference in extra where seen.insert(reference.id).inserted { cited.append(reference) }

        if let csl {
            let (texts, entries) = CSLBridge.process(csl, citations: citations, cited: cited, bibliography: bibliography)
            let byID = Dictionary(cited.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            return ProcessedCitations(
                citations: texts,
                entries: entries.compactMap { entry in
                    byID[entry.id].map { BibliographyEntry(key: entry.id, number: nil, text: entry.text, reference: $0) }
                },
                unknownKeys: unknown, citingIndices: citing)
        }
        switch style {
        case .authorYear:
            let formatter = AuthorYearStyle(references: cited)
            return ProcessedCitations(
                citations: citations.map { formatter.citation($0, bibliography: bibliography) },
                entries: formatter.ordered.map { BibliographyEntry(key: $0.id, number: nil, text: formatter.entry($0), reference: $0) },
                unknownKeys: unknown, citingIndices: citing)
        case .numeric:
            let formatter = NumericStyle(references: cited)
            return ProcessedCitations(
                citations: citations.map { formatter.citation($0, bibliography: bibliography) },
                entries: cited.enumerated().map {
                    BibliographyEntry(key: $1.id, number: $0 + 1, text: formatter.entry($1), reference: $1)
                },
                unknownKeys: unknown, citingIndices: citing)
        }
    }
}
