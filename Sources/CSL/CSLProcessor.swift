/// One cited work inside a citation, as the writer gave it.
public struct CSLCite: Sendable, Equatable {
    public var id: String
    public var locator: String?
    /// The locator's kind as a CSL term (`page`, `chapter`, …); `page` when nil.
    public var label: String?
    public var prefix: String
    public var suffix: String
    /// Leaves the author out (`-@key`).
    public var suppressAuthor: Bool

    public init(
        id: String, locator: String? = nil, label: String? = nil, prefix: String = "", suffix: String = "",
        suppressAuthor: Bool = false
    ) {
        self.id = id
        self.locator = locator
        self.label = label
        self.prefix = prefix
        self.suffix = suffix
        self.suppressAuthor = suppressAuthor
    }
}

/// A citation: cites rendered together, and the footnote it sits in (for note styles' positions).
public struct CSLCitation: Sendable, Equatable {
    public var cites: [CSLCite]
    public var noteIndex: Int?

    public init(cites: [CSLCite], noteIndex: Int? = nil) {
        self.cites = cites
        self.noteIndex = noteIndex
    }
}

/// Styled text the processor produced, as HTML in the CSL test suite's conventions or as plain text.
public struct CSLOutput: Sendable, Equatable {
    /// The styled tree: text runs and decorated groups (a cite's part carries its item's id).
    public let outputs: [Output]
    /// True when the style's locale puts a following comma or period inside closing quotes (American English).
    public let punctuationInQuote: Bool

    /// HTML as the CSL test suite writes it (`<i>`, `<b>`, `&#38;`).
    public var html: String { OutputHTML.html(outputs, punctuationInQuote: punctuationInQuote) }
    /// The text without markup.
    public var plain: String { OutputHTML.plain(outputs, punctuationInQuote: punctuationInQuote) }
}

/// A bibliography entry and the item it lists.
public struct CSLEntry: Sendable {
    public var id: String
    public var text: CSLOutput
}

/// Formats citations and a bibliography with a CSL style: sorting, numbering, disambiguation, positions and collapsing.
public final class CSLProcessor {
    let style: CSLStyle
    let items: [String: CSLItem]
    let explicitYearSuffix: Bool

    public init(style: CSLStyle, items: [CSLItem]) {
        self.style = style
        var byID: [String: CSLItem] = [:]
        for item in items where byID[item.id] == nil { byID[item.id] = item }
        self.items = byID
        explicitYearSuffix = Self.mentions("year-suffix", in: style)
    }

    static func mentions(_ variable: String, in style: CSLStyle) -> Bool {
        func search(_ nodes: [Node]) -> Bool {
            nodes.contains { node in
                switch node {
                case .text(let v, _, _, _, _, _, _): return v == variable
                case .group(let children, _, _): return search(children)
                case .choose(let branches): return branches.contains { search($0.1) }
                case .names(let element): return search(element.substitute ?? [])
                default: return false
                }
            }
        }
        return search(style.citation.layout) || search(style.bibliography?.layout ?? [])
            || style.macros.values.contains { search($0) }
    }

    /// Renders `citations` in order and the bibliography of every cited item plus `uncited` (ids), in the style's order.
    public func process(_ citations: [CSLCitation], uncited: [String] = []) -> (citations: [CSLOutput], bibliography: [CSLEntry]) {
        var registry: [String] = []
        var seen = Set<String>()
        for citation in citations {
            for cite in citation.cites where items[cite.id] != nil && seen.insert(cite.id).inserted { registry.append(cite.id) }
        }
        for id in uncited where items[id] != nil && seen.insert(id).inserted { registry.append(id) }

        var states: [String: CiteState] = [:]
        for (index, id) in registry.enumerated() {
            var state = CiteState()
            state.citationNumber = index + 1
            states[id] = state
        }
        // The bibliography's order fixes citation numbers (unless it sorts by them) and year-suffix order.
        var order = registry
        if let bibliography = style.bibliography, !bibliography.sort.isEmpty {
            order = sorted(registry, keys: bibliography.sort, states: states, isCitation: false)
            if !bibliography.sort.contains(where: { $0.variable == "citation-number" }) {
                for (index, id) in order.enumerated() { states[id]?.citationNumber = index + 1 }
            }
        }
        Disambiguator(processor: self).run(order: order, states: &states)

        let rendered = renderCitations(citations, states: states)
        var entries: [CSLEntry] = []
        if let bibliography = style.bibliography {
            var previousNames: String?
            let substitute = bibliography.attributes["subsequent-author-substitute"]
            for id in order {
                guard let item = items[id], let state = states[id] else { continue }
                var evaluator = Evaluator(style: style, item: item, isCitation: false, cite: state, explicitYearSuffix: explicitYearSuffix)
                var outputs = evaluator.renderLayout()
                let names = evaluator.firstNamesText
                if let substitute, let names, names == previousNames {
                    var substituted = state
                    substituted.authorSubstitute = substitute
                    evaluator = Evaluator(style: style, item: item, isCitation: false, cite: substituted, explicitYearSuffix: explicitYearSuffix)
                    outputs = evaluator.renderLayout()
                }
                previousNames = names
                if outputs.allSatisfy(\.isEmpty) { continue }
                var layoutFormatting = bibliography.layoutFormatting
                if bibliography.attributes["second-field-align"] != nil {
                    // The layout's suffix ends the aligned second field, inside its block.
                    outputs = secondFieldAligned(item: item, state: state, suffix: layoutFormatting.suffix)
                    layoutFormatting.suffix = ""
                }
                let wrapped = OutputJoin.wrap(outputs, layoutFormatting)
                entries.append(CSLEntry(id: id, text: CSLOutput(outputs: wrapped, punctuationInQuote: style.locale.punctuationInQuote)))
            }
        }
        return (rendered, entries)
    }

    /// An entry as its first field (a number or label, in the left margin) and the rest.
    func secondFieldAligned(item: CSLItem, state: CiteState, suffix: String) -> [Output] {
        let evaluator = Evaluator(style: style, item: item, isCitation: false, cite: state, explicitYearSuffix: explicitYearSuffix)
        let layout = evaluator.context.layout
        guard let first = layout.first else { return [] }
        let head = evaluator.render(first).outputs
        let rest = evaluator.render(Array(layout.dropFirst())).outputs
        var left = Decoration()
        var right = Decoration()
        left.display = "left-margin"
        right.display = "right-inline"
        var trimmed = rest
        if let firstRest = trimmed.first, firstRest.firstCharacter == " " { trimmed[0] = firstRest.droppingFirstCharacter() }
        if !suffix.isEmpty { OutputJoin.append(.text(suffix), to: &trimmed) }
        return [.styled(head, left), .styled(trimmed, right)]
    }

    func sorted(_ ids: [String], keys: [SortKey], states: [String: CiteState], isCitation: Bool) -> [String] {
        let values = ids.map { id in sortValues(keys, item: items[id]!, state: states[id] ?? CiteState(), isCitation: isCitation) }
        let indices = ids.indices.sorted { a, b in
            let order = Self.compare(values[a], values[b], keys: keys)
            return order != 0 ? order < 0 : a < b
        }
        return indices.map { ids[$0] }
    }

    /// Renders one item for a cite.
    func render(_ id: String, state: CiteState, isCitation: Bool = true) -> (outputs: [Output], names: String?) {
        guard let item = items[id] else { return ([], nil) }
        let evaluator = Evaluator(style: style, item: item, isCitation: isCitation, cite: state, explicitYearSuffix: explicitYearSuffix)
        let outputs = evaluator.renderLayout()
        return (outputs, evaluator.firstNamesText)
    }
}
