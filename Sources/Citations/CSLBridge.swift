import CSL
import Foundation

/// Runs a CSL style over a document's citations: references become CSL items, citations CSL cites, and the
/// processor's styled output becomes ``FormattedText`` (links to entries, DOIs and URLs).
enum CSLBridge {
    static func item(_ reference: Reference) -> CSLItem {
        var item = CSLItem(id: reference.id, type: reference.type.rawValue)
        func name(_ name: Name) -> CSLName {
            CSLName(family: name.family, given: name.given, nonDroppingParticle: name.particle, suffix: name.suffix, literal: name.literal)
        }
        func date(_ parts: DateParts) -> CSLDate {
            CSLDate(parts: [[parts.year] + (parts.month.map { [$0] + (parts.day.map { [$0] } ?? []) } ?? [])])
        }
        if !reference.author.isEmpty { item.names["author"] = reference.author.map(name) }
        if !reference.editor.isEmpty { item.names["editor"] = reference.editor.map(name) }
        if let issued = reference.issued { item.dates["issued"] = date(issued) }
        if let accessed = reference.accessed { item.dates["accessed"] = date(accessed) }
        let text: [(String, String?)] = [
            ("title", reference.title), ("container-title", reference.containerTitle),
            ("collection-title", reference.collectionTitle), ("volume", reference.volume), ("issue", reference.issue),
            ("page", reference.page), ("publisher", reference.publisher), ("publisher-place", reference.publisherPlace),
            ("edition", reference.edition), ("authority", reference.authority), ("number", reference.number),
            ("DOI", reference.doi), ("URL", reference.url), ("ISBN", reference.isbn), ("note", reference.note),
        ]
        for (variable, value) in text { if let value, !value.isEmpty { item.text[variable] = value } }
        if let arxiv = reference.arxiv {
            item.text["archive"] = "arXiv"
            if item.text["number"] == nil { item.text["number"] = "arXiv:" + arxiv }
            if item.text["URL"] == nil, reference.doi == nil { item.text["URL"] = "https://arxiv.org/abs/" + arxiv }
        }
        return item
    }

    /// The CSL locator terms the citation syntax's labels map to; others go into the suffix as written.
    static func label(_ label: Locator.Label) -> String? {
        switch label {
        case .page, .chapter, .section, .figure, .volume, .issue, .paragraph, .line, .note, .part, .appendix, .book,
            .column, .equation, .verse:
            return label.rawValue
        case .table, .algorithm, .theorem, .definition:
            return nil
        }
    }

    static func cite(_ item: CitationItem, id: String) -> CSLCite {
        var cite = CSLCite(id: id, prefix: item.prefix.isEmpty ? "" : item.prefix + " ", suppressAuthor: item.suppressAuthor)
        var suffix = item.suffix
        if let locator = item.locator {
            if let label = label(locator.label) {
                cite.locator = locator.value
                cite.label = label
            } else {
                suffix = locator.text + (suffix.isEmpty ? "" : " " + suffix)
                suffix = ", " + suffix
            }
        }
        if !suffix.isEmpty, !item.suffix.isEmpty || item.locator.map({ label($0.label) == nil }) == true {
            cite.suffix = suffix.first == "," || suffix.first == " " ? suffix : ", " + suffix
        }
        return cite
    }

    /// Formats `citations` of `cited` references (in order of first citation) with `style`.
    static func process(_ style: CSLStyle, citations: [Citation], cited: [Reference], bibliography: Bibliography)
        -> (citations: [FormattedText], entries: [(id: String, text: FormattedText)])
    {
        let processor = CSLProcessor(style: style, items: cited.map(item))
        var cslCitations: [CSLCitation] = []
        var inText: [Int: [CitationItem]] = [:]
        for (index, citation) in citations.enumerated() {
            let known = citation.items.compactMap { item in bibliography[item.key].map { (item, $0.id) } }
            if citation.mode == .inText { inText[index] = known.map(\.0) }
            var cites = known.map { cite($0.0, id: $0.1) }
            if citation.mode == .inText { for i in cites.indices { cites[i].suppressAuthor = true } }
            cslCitations.append(CSLCitation(cites: cites, noteIndex: index + 1))
        }
        let (rendered, entries) = processor.process(cslCitations, uncited: cited.map(\.id))
        var texts: [FormattedText] = []
        for (index, citation) in citations.enumerated() {
            var inlines: [Inline] = []
            if let items = inText[index] {
                // `@key` in running text: the author's names, then the citation without them.
                let authors = items.compactMap { bibliography[$0.key] }.map { reference -> [Inline] in
                    [.reference(key: reference.id, [.text(authorText(reference))])]
                }
                for (offset, author) in authors.enumerated() {
                    if offset > 0 { inlines.append(.text("; ")) }
                    inlines += author
                }
                if !inlines.isEmpty { inlines.append(.text(" ")) }
            }
            inlines += converted(rendered[index])
            for item in citation.items where bibliography[item.key] == nil { inlines.append(.missing(key: item.key)) }
            texts.append(FormattedText(inlines))
        }
        return (texts, entries.map { ($0.id, FormattedText(converted($0.text))) })
    }

    /// "Smith", "Smith and Jones", "Smith et al." for an in-text citation's author.
    static func authorText(_ reference: Reference) -> String {
        let names = (reference.author.isEmpty ? reference.editor : reference.author).map(\.familyWithParticle)
        switch names.count {
        case 0: return reference.title ?? reference.id
        case 1: return names[0] + (reference.hasMoreAuthors ? " et al." : "")
        case 2 where !reference.hasMoreAuthors: return names[0] + " and " + names[1]
        default: return names[0] + " et al."
        }
    }

    /// Output as inlines, with a comma or period after closing quotes moved inside when the locale asks for it.
    static func converted(_ output: CSLOutput) -> [Inline] {
        let inlines = convert(output.outputs)
        return output.punctuationInQuote ? punctuationInsideQuotes(inlines) : inlines
    }

    static func punctuationInsideQuotes(_ inlines: [Inline]) -> [Inline] {
        inlines.map { inline in
            switch inline {
            case .text(let text):
                guard text.contains("”") else { return inline }
                return .text(text.replacingOccurrences(of: "”,", with: ",”").replacingOccurrences(of: "”.", with: ".”"))
            case .emphasis(let inner): return .emphasis(punctuationInsideQuotes(inner))
            case .link(let url, let inner): return .link(url: url, punctuationInsideQuotes(inner))
            case .reference(let key, let inner): return .reference(key: key, punctuationInsideQuotes(inner))
            case .styled(let style, let inner): return .styled(style, punctuationInsideQuotes(inner))
            case .missing: return inline
            }
        }
    }

    /// The processor's output as inlines: italics as emphasis, a cite's part as a link to its entry, DOIs and
    /// URLs as links (a `https://doi.org/` written before a DOI joins its link).
    static func convert(_ outputs: [Output]) -> [Inline] {
        var result: [Inline] = []
        for output in outputs {
            switch output {
            case .text(let text):
                if case .text(let previous)? = result.last {
                    result[result.count - 1] = .text(previous + text)
                } else {
                    result.append(.text(text))
                }
            case .styled(let children, let decoration):
                var inner = convert(children)
                if decoration.quotes { inner = [.text("“")] + inner + [.text("”")] }
                if let link = decoration.link {
                    var label = inner
                    if case .text(let previous)? = result.last, link.hasPrefix("https://doi.org/") {
                        for written in ["https://doi.org/", "http://dx.doi.org/", "doi.org/"] where previous.hasSuffix(written) {
                            result[result.count - 1] = .text(String(previous.dropLast(written.count)))
                            label = [.text(written)] + label
                            break
                        }
                    }
                    result.append(.link(url: link, label))
                    continue
                }
                if let id = decoration.citeID {
                    result.append(.reference(key: id, inner))
                    continue
                }
                if decoration.fontStyle == "italic" || decoration.fontStyle == "oblique" { inner = [.emphasis(inner)] }
                if decoration.fontWeight == "bold" { inner = [.styled(.bold, inner)] }
                if decoration.fontVariant == "small-caps" { inner = [.styled(.smallCaps, inner)] }
                if decoration.verticalAlign == "sup" { inner = [.styled(.superscript, inner)] }
                if decoration.verticalAlign == "sub" { inner = [.styled(.`subscript`, inner)] }
                if decoration.textDecoration == "underline" { inner = [.styled(.underline, inner)] }
                result += inner
            }
        }
        return result
    }
}
