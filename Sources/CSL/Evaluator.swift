import Foundation

/// Where a cite stands relative to earlier cites of the same work.
enum CitePosition: Sendable, Equatable {
    case first, subsequent, ibid, ibidWithLocator
}

/// What varies between renderings of one item: its cite's locator and position, and what disambiguation added.
struct CiteState: Sendable {
    var locator: String?
    var label: String?
    var position: CitePosition = .first
    var nearNote = false
    var citationNumber: Int?
    var firstReferenceNoteNumber: Int?
    var yearSuffix: String?
    var disambiguate = false
    /// Names shown before "et al." (add-names), overriding the style's et-al-use-first.
    var etAlUseFirst: Int?
    /// How far each name is expanded: 1 initials, 2 full given names.
    var nameExpansion: [CSLName: Int] = [:]
    /// Leaves out the first names rendered (`-@key`, collapsed cites of one author).
    var suppressAuthor = false
    /// Replaces the first names of a bibliography entry (subsequent-author-substitute).
    var authorSubstitute: String?
}

/// The result of rendering elements: output, and whether variables were called and rendered (for group suppression).
struct Rendered {
    var outputs: [Output] = []
    var calledVariable = false
    var renderedVariable = false

    static let empty = Rendered()
}

/// Renders one item with a style's citation or bibliography layout.
final class Evaluator {
    let style: CSLStyle
    let locale: CSLLocale
    let item: CSLItem
    let context: RenderingContext
    let isCitation: Bool
    var cite: CiteState
    /// Variables a names substitution already used, not rendered again.
    var suppressed = Set<String>()
    /// Variables rendered non-empty so far (names substitution suppresses them afterwards).
    var touched = Set<String>()
    /// Sort-key mode: names inverted, dates and numbers as sortable keys.
    var sortMode = false
    var sortNameOptions: SortKey?
    var macroDepth = 0
    var yearSuffixShown = false
    /// The delimiter between the parts of the date being rendered.
    var currentDateDelimiter = ""
    var authorSuppressed = false
    /// The plain text of the first names rendered (cites grouped by author when collapsing).
    var firstNamesText: String?
    /// Whether the style renders `year-suffix` itself (else it follows the first year).
    let explicitYearSuffix: Bool

    init(style: CSLStyle, item: CSLItem, isCitation: Bool, cite: CiteState, explicitYearSuffix: Bool) {
        self.style = style
        self.locale = style.locale
        self.item = item
        self.context = isCitation ? style.citation : (style.bibliography ?? style.citation)
        self.isCitation = isCitation
        self.cite = cite
        self.explicitYearSuffix = explicitYearSuffix
    }

    /// The item's layout output (without the layout's affixes).
    func renderLayout() -> [Output] {
        render(context.layout).outputs
    }

    func render(_ nodes: [Node]) -> Rendered {
        var result = Rendered()
        for node in nodes {
            let rendered = render(node)
            result.calledVariable = result.calledVariable || rendered.calledVariable
            result.renderedVariable = result.renderedVariable || rendered.renderedVariable
            for output in rendered.outputs { OutputJoin.append(output, to: &result.outputs) }
        }
        return result
    }

    func render(_ node: Node) -> Rendered {
        switch node {
        case .text(let variable, let form, let macro, let term, let plural, let value, let formatting):
            if let variable { return renderTextVariable(variable, form: form, formatting) }
            if let macro {
                guard let nodes = style.macros[macro], macroDepth < 40 else { return .empty }
                macroDepth += 1
                defer { macroDepth -= 1 }
                var rendered = render(nodes)
                rendered.outputs = finish(rendered.outputs, formatting)
                return rendered
            }
            if let term {
                guard let text = locale.term(term, form: form, plural: plural) else { return .empty }
                return Rendered(outputs: finish([.text(text)], formatting))
            }
            if let value { return Rendered(outputs: finish(RichText.parse(value), formatting)) }
            return .empty
        case .number(let variable, let form, let formatting):
            guard let value = variableText(variable) else { return Rendered(calledVariable: true) }
            touched.insert(variable)
            let text =
                sortMode && Numbers.isNumeric(value)
                ? Numbers.sortKey(value)
                : Numbers.format(
                    value, form: form, variable: variable, locale: locale,
                    pageRangeFormat: style.attributes["page-range-format"])
            return Rendered(outputs: finish([.text(text)], formatting), calledVariable: true, renderedVariable: true)
        case .label(let variable, let form, let plural, let formatting):
            guard let text = labelText(variable: variable, form: form, plural: plural) else { return .empty }
            return Rendered(outputs: finish([.text(text)], formatting))
        case .names(let element):
            return renderNames(element)
        case .date(let variable, let form, let parts, let limit, let delimiter, let formatting):
            return renderDate(variable: variable, form: form, parts: parts, limit: limit, delimiter: delimiter, formatting)
        case .group(let children, let delimiter, let formatting):
            var parts: [[Output]] = []
            var called = false
            var rendered = false
            for child in children {
                let result = render(child)
                called = called || result.calledVariable
                rendered = rendered || result.renderedVariable
                if !result.outputs.isEmpty { parts.append(result.outputs) }
            }
            if called && !rendered { return Rendered(calledVariable: true) }
            let joined = OutputJoin.join(parts, delimiter: delimiter)
            return Rendered(outputs: finish(joined, formatting), calledVariable: called, renderedVariable: rendered)
        case .choose(let branches):
            for (condition, nodes) in branches where condition.map(evaluate) ?? true {
                return render(nodes)
            }
            return .empty
        }
    }

    /// Text-case, period stripping, formatting and affixes.
    func finish(_ outputs: [Output], _ formatting: Formatting) -> [Output] {
        var content = outputs
        if formatting.stripPeriods { content = content.map { $0.mapText { $0.replacingOccurrences(of: ".", with: "") } } }
        if let textCase = formatting.textCase {
            content = TextCase.apply(textCase, to: content, language: item.text["language"] ?? style.attributes["default-locale"])
        }
        return OutputJoin.wrap(content, formatting)
    }

    /// A text or number variable's value, nil when empty or suppressed.
    func variableText(_ variable: String) -> String? {
        if suppressed.contains(variable) { return nil }
        switch variable {
        case "locator": return cite.locator.flatMap { $0.isEmpty ? nil : $0 }
        case "citation-number": return cite.citationNumber.map(String.init)
        case "first-reference-note-number": return cite.firstReferenceNoteNumber.map(String.init)
        case "year-suffix": return cite.yearSuffix
        case "citation-label": return item.text["citation-label"] ?? generatedCitationLabel()
        default:
            guard let value = item.text[variable], !value.isEmpty else { return nil }
            return value
        }
    }

    func generatedCitationLabel() -> String? {
        guard let names = item.names["author"] ?? item.names["editor"], !names.isEmpty else { return nil }
        let year = item.dates["issued"]?.parts.first?.first.map { String(format: "%02d", abs($0) % 100) } ?? ""
        let families = names.prefix(4).map { ($0.family ?? $0.literal ?? "") }
        let letters = names.count == 1 ? String(families[0].prefix(4)) : families.map { String($0.prefix(names.count <= 3 ? 2 : 1)) }.joined()
        return letters + year
    }

    func renderTextVariable(_ variable: String, form: String, _ formatting: Formatting) -> Rendered {
        var name = variable
        if form == "short" {
            let shortName = variable + "-short"
            if variableText(shortName) != nil {
                name = shortName
            } else if variable == "container-title", let abbreviation = item.text["journalAbbreviation"], !abbreviation.isEmpty {
                return finished(abbreviation, variable: variable, formatting)
            } else if variable == "title", let short = item.text["shortTitle"], !short.isEmpty {
                return finished(short, variable: variable, formatting)
            }
        }
        if variable == "year-suffix" { yearSuffixShown = true }
        // An empty year-suffix does not make its group disappear (it is usually empty).
        guard var value = variableText(name) else { return Rendered(calledVariable: variable != "year-suffix") }
        touched.insert(variable)
        if variable == "page" || (variable == "locator" && (cite.label ?? "page") == "page") {
            value = Numbers.pageRange(value, format: style.attributes["page-range-format"])
        } else if variable == "locator" {
            value = Numbers.pageRange(value, format: nil)
        }
        if sortMode, variable == "citation-number" { value = Numbers.sortKey(value) }
        if variable == "citation-label", !explicitYearSuffix, !yearSuffixShown, let suffix = cite.yearSuffix {
            value += suffix
            yearSuffixShown = true
        }
        return finished(value, variable: variable, formatting)
    }

    func finished(_ value: String, variable: String, _ formatting: Formatting) -> Rendered {
        var content: [Output] = ["URL", "DOI", "PMID", "PMCID"].contains(variable) ? [.text(value)] : RichText.parse(value)
        if variable == "URL" || variable == "DOI", !sortMode {
            var decoration = Decoration()
            decoration.link = variable == "URL" || value.hasPrefix("http") ? value : "https://doi.org/" + value
            content = [.styled(content, decoration)]
        }
        return Rendered(outputs: finish(content, formatting), calledVariable: true, renderedVariable: true)
    }

    func labelText(variable: String, form: String, plural: String) -> String? {
        var term = variable
        var value: String?
        if variable == "locator" {
            value = cite.locator
            term = cite.label ?? "page"
            if term == "sub-verbo" { term = "sub verbo" }
        } else {
            value = variableText(variable)
        }
        guard let value, !value.isEmpty else { return nil }
        let isPlural: Bool
        switch plural {
        case "always": isPlural = true
        case "never": isPlural = false
        default:
            if variable == "number-of-pages" || variable == "number-of-volumes" {
                isPlural = (Int(value.filter(\.isNumber)) ?? 0) > 1
            } else if variable == "locator", let embedded = value.range(of: #", \p{L}+\. "#, options: .regularExpression) {
                // `367-368, fig. 333`: the label speaks for the part before the next embedded label.
                isPlural = Numbers.isPlural(String(value[..<embedded.lowerBound]))
            } else {
                isPlural = Numbers.isPlural(value)
            }
        }
        return locale.term(term, form: form, plural: isPlural)
    }

    // MARK: Conditions

    func evaluate(_ condition: Condition) -> Bool {
        let results = condition.tests.map(test)
        switch condition.match {
        case "any": return results.contains(true)
        case "none": return !results.contains(true)
        default: return !results.contains(false)
        }
    }

    func test(_ test: Condition.Test) -> Bool {
        switch test {
        case .type(let type): return item.type == type
        case .variable(let variable):
            if suppressed.contains(variable) { return false }
            switch variable {
            case "locator": return cite.locator.map { !$0.isEmpty } ?? false
            case "citation-number": return cite.citationNumber != nil
            case "year-suffix": return cite.yearSuffix != nil
            case "first-reference-note-number": return cite.firstReferenceNoteNumber != nil
            default: return item.has(variable)
            }
        case .isNumeric(let variable):
            guard let value = variableText(variable) else { return false }
            return Numbers.isNumeric(value)
        case .isUncertainDate(let variable):
            return item.dates[variable]?.circa ?? false
        case .locator(let label):
            guard cite.locator != nil else { return false }
            let current = cite.label ?? "page"
            return current == label || (label == "sub-verbo" && current == "sub verbo")
        case .position(let position):
            guard isCitation else { return false }
            switch position {
            case "first": return cite.position == .first
            case "subsequent": return cite.position != .first
            case "ibid": return cite.position == .ibid || cite.position == .ibidWithLocator
            case "ibid-with-locator": return cite.position == .ibidWithLocator
            case "near-note": return cite.position != .first && cite.nearNote
            default: return false
            }
        case .disambiguate(let wanted):
            return cite.disambiguate == wanted
        }
    }
}
