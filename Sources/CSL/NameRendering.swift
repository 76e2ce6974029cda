import Foundation

/// The name options in force for one `<names>`: the style's and context's inheritable options under the `<name>`'s own.
struct NameOptions {
    var and: String?
    var delimiter = ", "
    var delimiterPrecedesEtAl = "contextual"
    var delimiterPrecedesLast = "contextual"
    var etAlMin: Int?
    var etAlUseFirst: Int?
    var etAlUseLast = false
    var form = "long"
    var initialize = true
    var initializeWith: String?
    var nameAsSortOrder: String?
    var sortSeparator = ", "

    init(_ a: [String: String], subsequent: Bool) {
        and = a["and"]
        delimiter = a["delimiter"] ?? a["name-delimiter"] ?? ", "
        delimiterPrecedesEtAl = a["delimiter-precedes-et-al"] ?? "contextual"
        delimiterPrecedesLast = a["delimiter-precedes-last"] ?? "contextual"
        etAlMin = a["et-al-min"].flatMap { Int($0) }
        etAlUseFirst = a["et-al-use-first"].flatMap { Int($0) }
        if subsequent {
            if let value = a["et-al-subsequent-min"].flatMap({ Int($0) }) { etAlMin = value }
            if let value = a["et-al-subsequent-use-first"].flatMap({ Int($0) }) { etAlUseFirst = value }
        }
        etAlUseLast = a["et-al-use-last"] == "true"
        form = a["form"] ?? a["name-form"] ?? "long"
        initialize = a["initialize"] != "false"
        initializeWith = a["initialize-with"]
        nameAsSortOrder = a["name-as-sort-order"]
        sortSeparator = a["sort-separator"] ?? ", "
    }
}

extension Evaluator {
    static let inheritableNameOptions: Set<String> = [
        "and", "delimiter-precedes-et-al", "delimiter-precedes-last", "et-al-min", "et-al-use-first", "et-al-use-last",
        "et-al-subsequent-min", "et-al-subsequent-use-first", "initialize", "initialize-with", "name-as-sort-order",
        "sort-separator", "name-form", "name-delimiter",
    ]

    func nameAttributes(_ element: NamesElement) -> [String: String] {
        var attributes: [String: String] = [:]
        for source in [style.attributes, context.attributes] {
            for (key, value) in source where Self.inheritableNameOptions.contains(key) { attributes[key] = value }
        }
        for (key, value) in element.name ?? [:] { attributes[key] = value }
        if let sortKey = sortNameOptions {
            if let min = sortKey.namesMin { attributes["et-al-min"] = String(min) }
            if let first = sortKey.namesUseFirst { attributes["et-al-use-first"] = String(first) }
            if let last = sortKey.namesUseLast { attributes["et-al-use-last"] = last ? "true" : "false" }
        }
        return attributes
    }

    func renderNames(_ element: NamesElement) -> Rendered {
        let variables = element.variables.filter { !suppressed.contains($0) }
        var lists: [(variable: String, names: [CSLName])] = variables.compactMap { variable in
            guard let names = item.names[variable], !names.isEmpty else { return nil }
            return (variable, names)
        }
        // The same people as editor and translator are listed once, under the editortranslator term (unless the
        // style's locale makes that term empty).
        if lists.count >= 2, let editor = lists.firstIndex(where: { $0.variable == "editor" }),
            let translator = lists.firstIndex(where: { $0.variable == "translator" }), lists[editor].names == lists[translator].names,
            locale.term("editortranslator", form: element.label?.attributes["form"] ?? "long", plural: false) != ""
        {
            lists[editor].variable = "editortranslator"
            lists.remove(at: translator)
        }
        if lists.isEmpty {
            for node in element.substitute ?? [] {
                let before = touched
                let result: Rendered
                if case .names(var inner) = node, inner.name == nil {
                    // A bare <names/> in <substitute> takes the parent's name, et-al and label.
                    inner.name = element.name
                    inner.familyPart = element.familyPart
                    inner.givenPart = element.givenPart
                    inner.etAl = inner.etAl ?? element.etAl
                    inner.label = inner.label ?? element.label
                    result = renderNames(inner)
                } else {
                    result = render(node)
                    // Text standing in for the names counts as the names for subsequent-author-substitute.
                    if !result.outputs.isEmpty, !isCitation, !authorSuppressed {
                        if let substitute = cite.authorSubstitute {
                            authorSuppressed = true
                            suppressed.formUnion(touched.subtracting(before))
                            return Rendered(
                                outputs: substitute.isEmpty ? [] : finish([.text(substitute)], element.formatting),
                                calledVariable: true, renderedVariable: true)
                        }
                        if firstNamesText == nil { firstNamesText = result.outputs.plain }
                    }
                }
                if !result.outputs.isEmpty {
                    suppressed.formUnion(touched.subtracting(before))
                    return Rendered(outputs: finish(result.outputs, element.formatting), calledVariable: true, renderedVariable: true)
                }
            }
            return Rendered(calledVariable: true)
        }
        for list in lists { touched.insert(list.variable) }
        if cite.suppressAuthor, !authorSuppressed, isCitation {
            authorSuppressed = true
            return Rendered(calledVariable: true, renderedVariable: true)
        }
        if let substitute = cite.authorSubstitute, !authorSuppressed, !isCitation {
            // subsequent-author-substitute stands for the names; their label stays ("--- ed.").
            authorSuppressed = true
            if firstNamesText == nil { firstNamesText = "" }
            guard !substitute.isEmpty else { return Rendered(calledVariable: true, renderedVariable: true) }
            let outputs = withLabel([.text(substitute)], variable: lists[0].variable, count: lists[0].names.count, element: element)
            return Rendered(outputs: finish(outputs, element.formatting), calledVariable: true, renderedVariable: true)
        }
        let attributes = nameAttributes(element)
        let options = NameOptions(attributes, subsequent: isCitation && cite.position != .first)
        if options.form == "count" {
            let count = lists.reduce(0) { $0 + shownCount($1.names.count, options) }
            guard count > 0 else { return Rendered(calledVariable: true) }
            return Rendered(outputs: finish([.text(String(count))], element.formatting), calledVariable: true, renderedVariable: true)
        }
        var parts: [[Output]] = []
        var namesOnly: [[Output]] = []
        // The <name> element's own affixes and formatting go around each list of names.
        let nameFormatting = element.name.map { Formatting($0) }
        for list in lists {
            var outputs = renderNameList(list.names, options: options, element: element)
            if let nameFormatting, !outputs.isEmpty { outputs = finish(outputs, nameFormatting) }
            namesOnly.append(outputs)
            parts.append(withLabel(outputs, variable: list.variable, count: list.names.count, element: element))
        }
        let delimiter = element.attributes["delimiter"] ?? style.attributes["names-delimiter"] ?? context.attributes["names-delimiter"] ?? ""
        let joined = OutputJoin.join(parts, delimiter: delimiter)
        if firstNamesText == nil { firstNamesText = OutputJoin.join(namesOnly, delimiter: delimiter).plain }
        return Rendered(outputs: finish(joined, element.formatting), calledVariable: true, renderedVariable: true)
    }

    /// A list of names with the `<label>` of its `<names>` before or after it.
    func withLabel(_ outputs: [Output], variable: String, count: Int, element: NamesElement) -> [Output] {
        guard let label = element.label, !sortMode else { return outputs }
        let plural = label.attributes["plural"] == "always" || (label.attributes["plural"] != "never" && count > 1)
        guard let term = locale.term(variable, form: label.attributes["form"] ?? "long", plural: plural), !term.isEmpty else {
            return outputs
        }
        let labelOutput = finish([.text(term)], label.formatting)
        return label.afterName ? outputs + labelOutput : labelOutput + outputs
    }

    func shownCount(_ total: Int, _ options: NameOptions) -> Int {
        var useFirst = options.etAlUseFirst
        if let override = cite.etAlUseFirst, !sortMode { useFirst = max(override, useFirst ?? 0) }
        if let min = options.etAlMin, let first = useFirst, total >= min, first < total { return first }
        return total
    }

    func renderNameList(_ names: [CSLName], options: NameOptions, element: NamesElement) -> [Output] {
        let shown = shownCount(names.count, options)
        let truncated = shown < names.count
        guard shown > 0 else { return [] }
        var rendered: [[Output]] = []
        var inverted: [Bool] = []
        for (index, name) in names.prefix(shown).enumerated() {
            let invert = sortMode || options.nameAsSortOrder == "all" || (options.nameAsSortOrder == "first" && index == 0)
            inverted.append(invert && name.literal == nil && name.isRomanesque)
            rendered.append(renderName(name, options: options, inverted: invert, element: element, index: index))
        }
        if sortMode {
            if truncated, options.etAlUseLast, let last = names.last {
                rendered.append(renderName(last, options: options, inverted: true, element: element, index: names.count - 1))
            }
            return OutputJoin.join(rendered, delimiter: "   ")
        }
        var result: [Output] = []
        let andTerm: String? = options.and.map { $0 == "symbol" ? "&" : (locale.term("and") ?? "and") }
        for (index, name) in rendered.enumerated() {
            if index > 0 {
                let isLast = index == rendered.count - 1 && !truncated
                if isLast, let andTerm {
                    let useDelimiter: Bool
                    switch options.delimiterPrecedesLast {
                    case "always": useDelimiter = true
                    case "never": useDelimiter = false
                    case "after-inverted-name": useDelimiter = inverted[index - 1]
                    default: useDelimiter = rendered.count >= 3
                    }
                    result.append(.text((useDelimiter ? options.delimiter : " ") + andTerm + " "))
                } else {
                    result.append(.text(options.delimiter))
                }
            }
            result += name
        }
        if truncated {
            if options.etAlUseLast, names.count >= shown + 2 {
                result.append(.text(options.delimiter + "… "))
                let last = names.count - 1
                result += renderName(names[last], options: options, inverted: options.nameAsSortOrder == "all", element: element, index: last)
            } else {
                let termName = element.etAl?.term ?? "et-al"
                if let term = locale.term(termName), !term.isEmpty {
                    let useDelimiter: Bool
                    switch options.delimiterPrecedesEtAl {
                    case "always": useDelimiter = true
                    case "never": useDelimiter = false
                    case "after-inverted-name": useDelimiter = inverted.last ?? false
                    default: useDelimiter = shown >= 2
                    }
                    result.append(.text(useDelimiter ? options.delimiter : " "))
                    result += finish([.text(term)], element.etAl?.formatting ?? Formatting())
                }
            }
        }
        return result
    }

    /// Initials of given names (`John Ronald` → `J. R.` with `initialize-with=". "`; `Jean-Paul` → `J.-P.`).
    /// Parts written as abbreviations (`Ph.`, `M.E`) or single capitals are normalised to end in the separator;
    /// with `initialize` false, whole words stay as written.
    static func initials(_ given: String, with separator: String, hyphen: Bool, initialize: Bool) -> String {
        struct Token {
            var text: Substring
            var period: Bool
            var afterHyphen: Bool
        }
        var tokens: [Token] = []
        for word in given.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }) {
            var afterHyphen = false
            var current = Substring()
            var start = word.startIndex
            var index = word.startIndex
            func flush(period: Bool, at end: String.Index) {
                current = word[start..<end]
                if !current.isEmpty {
                    tokens.append(Token(text: current, period: period, afterHyphen: afterHyphen))
                    afterHyphen = false
                }
            }
            while index < word.endIndex {
                let character = word[index]
                if character == "." || character == "-" {
                    flush(period: character == ".", at: index)
                    if character == "-" { afterHyphen = true }
                    start = word.index(after: index)
                }
                index = word.index(after: index)
            }
            flush(period: false, at: word.endIndex)
        }
        var result = ""
        var previousFull = false
        for token in tokens {
            let single = token.text.count == 1 && token.text.first?.isUppercase == true
            let text: String
            let full: Bool
            if token.period || single {
                text = String(token.text) + separator
                full = false
            } else if initialize, token.text.first?.isLowercase == true, !token.afterHyphen {
                // A lower-case word among the given names ("John Bertrand de Cusance") stays whole.
                text = String(token.text)
                full = true
            } else if initialize {
                guard let first = token.text.first, !first.isLowercase else { continue }
                let chars = Array(token.text.prefix(3))
                // "TSerendorjiin": a digraph written in capitals keeps both letters ("Ts.").
                if chars.count == 3, chars[0].isUppercase, chars[1].isUppercase, chars[2].isLowercase {
                    text = String(first) + chars[1].lowercased() + separator
                } else {
                    text = String(first) + separator
                }
                full = false
            } else {
                text = String(token.text)
                full = true
            }
            if !result.isEmpty {
                if token.afterHyphen && hyphen {
                    while result.hasSuffix(" ") { result.removeLast() }
                    result += "-"
                } else if previousFull || (full && !result.hasSuffix(" ")) {
                    result += token.afterHyphen ? "-" : " "
                }
            }
            result += text
            previousFull = full
        }
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    func renderName(_ name: CSLName, options: NameOptions, inverted: Bool, element: NamesElement, index: Int) -> [Output] {
        if let literal = name.literal {
            return finishPart([.text(literal)], element.familyPart)
        }
        let expansion = cite.nameExpansion[name] ?? 0
        var form = options.form
        var initializeWith = options.initializeWith
        if expansion >= 1, form == "short" { form = "long" }
        if expansion >= 2 { initializeWith = nil }
        let family = name.family ?? ""
        if !name.isRomanesque {
            if form == "short" || name.given == nil { return finishPart([.text(family)], element.familyPart) }
            let familyOut = finishPart([.text(family)], element.familyPart)
            let givenOut = finishPart([.text(name.given ?? "")], element.givenPart)
            return familyOut + givenOut
        }
        let demote = style.attributes["demote-non-dropping-particle"] ?? "display-and-sort"
        func spaced(_ parts: [String?]) -> String {
            var text = ""
            for part in parts.compactMap({ $0 }) where !part.isEmpty {
                if !text.isEmpty, !(text.hasSuffix("'") || text.hasSuffix("’") || text.hasSuffix("-")) { text += " " }
                text += part
            }
            return text
        }
        let nonDropping = name.nonDroppingParticle
        if name.family == nil || family.isEmpty, let given = name.given {
            return finishPart([.text(given)], element.givenPart)
        }
        if form == "short"
            || (name.given ?? "").isEmpty && name.droppingParticle == nil && form != "short" && name.suffix == nil
                && !inverted
        {
            let text = form == "short" ? spaced([nonDropping, family]) : spaced([name.droppingParticle, nonDropping, family])
            return finishPart([.text(text)], element.familyPart)
        }
        var given = name.given ?? ""
        if let initializeWith, !given.isEmpty {
            let hyphen = style.attributes["initialize-with-hyphen"] != "false"
            given = Self.initials(given, with: initializeWith, hyphen: hyphen, initialize: options.initialize)
            if !initializeWith.hasSuffix(" ") || initializeWith.trimmingCharacters(in: .whitespaces).isEmpty {
                given = given.trimmingCharacters(in: .whitespaces)
            }
        }
        if sortMode {
            // Sort keys: family name (with particles as the style demotes them), then given names.
            let key: String
            if demote == "never" {
                key = spaced([nonDropping, family]) + "  " + spaced([name.droppingParticle]) + "  " + given + "  " + (name.suffix ?? "")
            } else {
                key = family + "  " + spaced([name.droppingParticle, nonDropping]) + "  " + given + "  " + (name.suffix ?? "")
            }
            return [.text(key)]
        }
        // Each part takes its name-part's formatting on its own (particles the family's or the given name's, as
        // citeproc-js does); a name-part's affixes go around the block it heads: in display order the family block
        // is both particles, the family name and the suffix; inverted, a demoted particle joins the given block.
        func styled(_ text: String?, _ formatting: Formatting?) -> [Output] {
            guard let text, !text.isEmpty else { return [] }
            guard var formatting else { return [.text(text)] }
            formatting.prefix = ""
            formatting.suffix = ""
            return finish([.text(text)], formatting)
        }
        func block(_ parts: [[Output]], _ formatting: Formatting?) -> [Output] {
            var result: [Output] = []
            for part in parts where !part.isEmpty {
                if let last = result.lastCharacter, !(last == "'" || last == "’" || last == "-" || last.isWhitespace) {
                    result.append(.text(" "))
                }
                result += part
            }
            guard let formatting, !result.isEmpty, !(formatting.prefix.isEmpty && formatting.suffix.isEmpty) else { return result }
            return [.text(formatting.prefix)] + result + [.text(formatting.suffix)]
        }
        let familyFormat = element.familyPart
        let givenFormat = element.givenPart
        if inverted {
            let familyOut: [Output]
            let givenOut: [Output]
            if demote == "display-and-sort" {
                familyOut = block([styled(family, familyFormat)], familyFormat)
                givenOut = block(
                    [
                        styled(given, givenFormat), styled(name.droppingParticle, givenFormat),
                        styled(nonDropping, familyFormat),
                    ], givenFormat)
            } else {
                familyOut = block([styled(nonDropping, familyFormat), styled(family, familyFormat)], familyFormat)
                givenOut = block([styled(given, givenFormat), styled(name.droppingParticle, givenFormat)], givenFormat)
            }
            var result = familyOut
            if !givenOut.isEmpty {
                result.append(.text(options.sortSeparator))
                result += givenOut
            }
            if let suffix = name.suffix, !suffix.isEmpty { result.append(.text(options.sortSeparator + suffix)) }
            return result
        }
        var familyText = family
        if let suffix = name.suffix, !suffix.isEmpty { familyText += (name.commaSuffix ? ", " : " ") + suffix }
        let familyOut = block(
            [
                styled(name.droppingParticle, givenFormat), styled(nonDropping, familyFormat),
                styled(familyText, familyFormat),
            ], familyFormat)
        return block([block([styled(given, givenFormat)], givenFormat), familyOut], nil)
    }

    func finishPart(_ outputs: [Output], _ formatting: Formatting?) -> [Output] {
        guard let formatting else { return outputs }
        return finish(outputs, formatting)
    }
}
