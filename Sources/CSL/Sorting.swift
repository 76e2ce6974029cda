import Foundation

/// Sort keys of `<sort>`: names inverted, dates as numbers, empty values last in either direction.
extension CSLProcessor {
    struct SortValue {
        var text: String?
        var number: Double?
    }

    func sortValues(_ keys: [SortKey], item: CSLItem, state: CiteState, isCitation: Bool) -> [SortValue] {
        keys.map { key in
            let evaluator = Evaluator(
                style: style, item: item, isCitation: isCitation, cite: state,
                explicitYearSuffix: explicitYearSuffix)
            evaluator.sortMode = true
            evaluator.sortNameOptions = key
            if let macro = key.macro {
                let text = evaluator.render(style.macros[macro] ?? []).outputs.plain
                return SortValue(text: text.isEmpty ? nil : Self.fold(text))
            }
            guard let variable = key.variable else { return SortValue() }
            if CSLJSON.nameVariables.contains(variable) {
                let element = NamesElement(variables: [variable], name: [:], attributes: [:], formatting: Formatting())
                let text = evaluator.renderNames(element).outputs.plain
                return SortValue(text: text.isEmpty ? nil : Self.fold(text))
            }
            if let date = item.dates[variable] { return SortValue(text: date.literal ?? date.sortKey) }
            if variable == "citation-number" { return SortValue(number: state.citationNumber.map(Double.init)) }
            guard let value = evaluator.variableText(variable) else { return SortValue() }
            if [
                "volume", "issue", "number", "page", "edition", "number-of-pages", "number-of-volumes", "chapter-number",
                "collection-number", "citation-number", "locator",
            ].contains(variable),
                let number = Double(value.prefix { $0.isNumber })
            {
                return SortValue(number: number)
            }
            return SortValue(text: Self.fold(RichText.parse(value).plain))
        }
    }

    static func fold(_ text: String) -> String {
        let stripped = text.filter { !$0.isPunctuation || $0 == "-" }
        return stripped.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).trimmingCharacters(in: .whitespaces)
    }

    /// -1, 0 or 1 for two lists of sort values under `keys`' directions.
    static func compare(_ a: [SortValue], _ b: [SortValue], keys: [SortKey]) -> Int {
        for (index, key) in keys.enumerated() {
            let x = a[index]
            let y = b[index]
            let xEmpty = x.text == nil && x.number == nil
            let yEmpty = y.text == nil && y.number == nil
            if xEmpty && yEmpty { continue }
            if xEmpty { return 1 }
            if yEmpty { return -1 }
            var order = 0
            if let m = x.number, let n = y.number {
                order = m < n ? -1 : m > n ? 1 : 0
            } else {
                let s = x.text ?? x.number.map { String($0) } ?? ""
                let t = y.text ?? y.number.map { String($0) } ?? ""
                order = s < t ? -1 : s > t ? 1 : 0
            }
            if order != 0 { return key.ascending ? order : -order }
        }
        return 0
    }
}
