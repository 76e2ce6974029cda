extension CSLProcessor {
    /// Positions (first, subsequent, ibid), cite sorting, rendering and collapsing of each citation.
    func renderCitations(_ citations: [CSLCitation], states: [String: CiteState]) -> [CSLOutput] {
        let context = style.citation
        let nearNoteDistance = Int(context.attributes["near-note-distance"] ?? "") ?? 5
        var lastNote: [String: Int] = [:]
        var firstNote: [String: Int] = [:]
        var previousCitation: [CSLCite] = []
        var results: [CSLOutput] = []
        for (citationIndex, citation) in citations.enumerated() {
            let note = citation.noteIndex ?? citationIndex + 1
            var prepared: [(cite: CSLCite, state: CiteState)] = []
            for (index, cite) in citation.cites.enumerated() {
                guard var state = states[cite.id] else { continue }
                (state.locator, state.label) = style.locale.normalizedLocator(cite.locator, label: cite.label)
                state.suppressAuthor = cite.suppressAuthor
                if let previousNote = lastNote[cite.id] {
                    let preceding: CSLCite? =
                        index > 0
                        ? citation.cites[index - 1]
                        : (previousCitation.count == 1 ? previousCitation[0] : nil)
                    if let preceding, preceding.id == cite.id {
                        if preceding.locator != nil && cite.locator == nil {
                            state.position = .subsequent
                        } else if preceding.locator == cite.locator && preceding.label == cite.label {
                            state.position = .ibid
                        } else {
                            state.position = .ibidWithLocator
                        }
                    } else {
                        state.position = .subsequent
                    }
                    state.nearNote = note - previousNote <= nearNoteDistance
                    state.firstReferenceNoteNumber = firstNote[cite.id]
                }
                prepared.append((cite, state))
            }
            for (cite, _) in prepared {
                lastNote[cite.id] = note
                if firstNote[cite.id] == nil { firstNote[cite.id] = note }
            }
            previousCitation = citation.cites
            if !context.sort.isEmpty {
                let values = prepared.map { sortValues(context.sort, item: items[$0.cite.id]!, state: $0.state, isCitation: true) }
                let indices = prepared.indices.sorted { a, b in
                    let order = Self.compare(values[a], values[b], keys: context.sort)
                    return order != 0 ? order < 0 : a < b
                }
                prepared = indices.map { prepared[$0] }
            }
            let joined = collapse(prepared)
            results.append(
                CSLOutput(
                    outputs: OutputJoin.wrap(joined, context.layoutFormatting),
                    punctuationInQuote: style.locale.punctuationInQuote))
        }
        return results
    }

    struct RenderedCite {
        var cite: CSLCite
        var state: CiteState
        var outputs: [Output]
        var names: String?
    }

    func citeOutputs(_ cite: CSLCite, _ outputs: [Output]) -> [Output] {
        guard !outputs.isEmpty || !cite.prefix.isEmpty || !cite.suffix.isEmpty else {
            return [.text("[CSL STYLE ERROR: reference with no printed form.]")]
        }
        var result: [Output] = []
        if !cite.prefix.isEmpty { result += RichText.parse(cite.prefix) }
        for output in outputs { OutputJoin.append(output, to: &result) }
        if !cite.suffix.isEmpty { for output in RichText.parse(cite.suffix) { OutputJoin.append(output, to: &result) } }
        var decoration = Decoration()
        decoration.citeID = cite.id
        return [.styled(result, decoration)]
    }

    /// Joins a citation's cites, collapsing numbers and cites of one author as the style asks.
    func collapse(_ prepared: [(cite: CSLCite, state: CiteState)]) -> [Output] {
        let context = style.citation
        let delimiter = context.delimiter
        let collapseMode = context.attributes["collapse"]
        let afterCollapse = context.attributes["after-collapse-delimiter"] ?? delimiter
        let cites = prepared.map { entry -> RenderedCite in
            let (outputs, names) = render(entry.cite.id, state: entry.state)
            return RenderedCite(cite: entry.cite, state: entry.state, outputs: outputs, names: names)
        }
        if collapseMode == "citation-number" {
            var groups: [[RenderedCite]] = []
            for cite in cites {
                let plain = cite.cite.prefix.isEmpty && cite.cite.suffix.isEmpty && cite.cite.locator == nil
                if plain, var last = groups.last, let previous = last.last, previous.cite.prefix.isEmpty,
                    previous.cite.suffix.isEmpty, previous.cite.locator == nil,
                    let a = previous.state.citationNumber, let b = cite.state.citationNumber, b == a + 1
                {
                    last.append(cite)
                    groups[groups.count - 1] = last
                } else {
                    groups.append([cite])
                }
            }
            var result: [Output] = []
            for (index, group) in groups.enumerated() {
                if index > 0 {
                    OutputJoin.append(.text(groups[index - 1].count >= 3 ? afterCollapse : delimiter), to: &result)
                }
                if group.count >= 3 {
                    result += citeOutputs(group[0].cite, group[0].outputs)
                    result.append(.text("–"))
                    result += citeOutputs(group[group.count - 1].cite, group[group.count - 1].outputs)
                } else {
                    result += OutputJoin.join(group.map { citeOutputs($0.cite, $0.outputs) }, delimiter: delimiter)
                }
            }
            return result
        }
        let grouping = collapseMode?.hasPrefix("year") == true || context.attributes["cite-group-delimiter"] != nil
        guard grouping else {
            return OutputJoin.join(cites.map { citeOutputs($0.cite, $0.outputs) }, delimiter: delimiter)
        }
        // Cites of the same names move next to the first of them.
        var groups: [[RenderedCite]] = []
        for cite in cites {
            if let names = cite.names, !names.isEmpty, let index = groups.firstIndex(where: { $0[0].names == names }) {
                groups[index].append(cite)
            } else {
                groups.append([cite])
            }
        }
        // Without a cite-group-delimiter, citeproc-js groups years with ", " in in-text styles and with the
        // layout's delimiter in note styles.
        let groupDelimiter =
            context.attributes["cite-group-delimiter"]
            ?? (collapseMode?.hasPrefix("year") == true && style.attributes["class"] != "note" ? ", " : delimiter)
        let suffixDelimiter = context.attributes["year-suffix-delimiter"] ?? context.attributes["cite-group-delimiter"] ?? delimiter
        var result: [Output] = []
        for (groupIndex, group) in groups.enumerated() {
            if groupIndex > 0 {
                let previousCollapsed = groups[groupIndex - 1].count > 1 && collapseMode != nil
                OutputJoin.append(.text(previousCollapsed ? afterCollapse : delimiter), to: &result)
            }
            guard group.count > 1 else {
                result += citeOutputs(group[0].cite, group[0].outputs)
                continue
            }
            struct Part {
                var outputs: [Output]
                var delimiterBefore: String
                var suffix: String?
                var suffixOnly: Bool
            }
            var parts: [Part] = []
            var previousYear: String?
            for (index, cite) in group.enumerated() {
                var state = cite.state
                if index > 0, collapseMode != nil { state.suppressAuthor = true }
                var withoutSuffix = state
                withoutSuffix.yearSuffix = nil
                withoutSuffix.suppressAuthor = true
                let year = render(cite.cite.id, state: withoutSuffix).outputs.plain
                let plainCite = cite.cite.locator == nil && cite.cite.prefix.isEmpty && cite.cite.suffix.isEmpty
                let suffixOnly =
                    (collapseMode == "year-suffix" || collapseMode == "year-suffix-ranged") && index > 0
                    && year == previousYear && cite.state.yearSuffix != nil && plainCite
                if suffixOnly {
                    parts.append(
                        Part(
                            outputs: [.text(cite.state.yearSuffix!)], delimiterBefore: suffixDelimiter,
                            suffix: cite.state.yearSuffix, suffixOnly: true))
                } else {
                    parts.append(
                        Part(
                            outputs: citeOutputs(cite.cite, render(cite.cite.id, state: state).outputs),
                            delimiterBefore: index == 0 ? "" : groupDelimiter,
                            suffix: plainCite ? cite.state.yearSuffix : nil, suffixOnly: false))
                }
                previousYear = year
            }
            if collapseMode == "year-suffix-ranged" {
                // Runs of three or more consecutive suffixes become `a–c`.
                var ranged: [Part] = []
                var index = 0
                while index < parts.count {
                    var end = index
                    while end + 1 < parts.count, parts[end + 1].suffixOnly, let a = parts[end].suffix, let b = parts[end + 1].suffix,
                        Self.isNextSuffix(a, b)
                    {
                        end += 1
                    }
                    if end - index >= 2 {
                        ranged.append(parts[index])
                        var last = parts[end]
                        last.delimiterBefore = "–"
                        ranged.append(last)
                    } else {
                        ranged += parts[index...end]
                    }
                    index = end + 1
                }
                parts = ranged
            }
            for (index, part) in parts.enumerated() {
                if index > 0 { OutputJoin.append(.text(part.delimiterBefore), to: &result) }
                result += part.outputs
            }
        }
        return result
    }

    static func isNextSuffix(_ a: String, _ b: String) -> Bool {
        guard let x = a.unicodeScalars.last, let y = b.unicodeScalars.last, a.count == b.count else { return false }
        return y.value == x.value + 1
    }
}
