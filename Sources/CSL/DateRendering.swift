import Foundation

extension Evaluator {
    typealias DatePartSpec = (name: String, attributes: [String: String])

    func renderDate(
        variable: String, form: String?, parts elementParts: [DatePartSpec], limit: String, delimiter: String?,
        _ formatting: Formatting
    ) -> Rendered {
        let partDelimiter = form.flatMap { locale.dateFormats[$0] != nil ? locale.dateDelimiters[$0] : nil } ?? delimiter ?? ""
        guard !suppressed.contains(variable), let date = item.dates[variable] else { return Rendered(calledVariable: true) }
        touched.insert(variable)
        if sortMode {
            // A date in a sort macro sorts by the parts it shows (a year-only date before the same year's days).
            let shown: Set<String> =
                form != nil && locale.dateFormats[form!] != nil
                ? (limit == "year" ? ["year"] : limit == "year-month" ? ["year", "month"] : ["year", "month", "day"])
                : Set(elementParts.map(\.name))
            let depth = shown.contains("day") ? 3 : shown.contains("month") ? 2 : shown.contains("year") ? 1 : 3
            var limited = date
            limited.parts = date.parts.map { Array($0.prefix(depth)) }
            return Rendered(outputs: [.text(date.literal ?? limited.sortKey)], calledVariable: true, renderedVariable: true)
        }
        if let literal = date.literal, date.parts.isEmpty {
            return Rendered(outputs: finish([.text(literal)], formatting), calledVariable: true, renderedVariable: true)
        }
        var parts: [DatePartSpec]
        var outerFormatting = formatting
        if let form, let localized = locale.dateFormats[form] {
            let allowed: Set<String> = limit == "year" ? ["year"] : limit == "year-month" ? ["year", "month"] : ["year", "month", "day"]
            parts = localized.filter { allowed.contains($0.name) }.map { part in
                var attributes = part.attributes
                if let override = elementParts.first(where: { $0.name == part.name }) {
                    for (key, value) in override.attributes where key != "prefix" && key != "suffix" { attributes[key] = value }
                }
                return (part.name, attributes)
            }
            outerFormatting.display = formatting.display
        } else {
            parts = elementParts
        }
        guard let start = date.parts.first else { return Rendered(calledVariable: true) }
        var end = date.parts.count > 1 ? date.parts[1] : nil
        let openRange = end.map { $0.allSatisfy { $0 == 0 } } ?? false
        if let e = end, openRange || e == start { end = nil }
        // Parts the date lacks are not rendered.
        parts = parts.filter { part in
            switch part.name {
            case "year": return start.count >= 1
            case "month": return start.count >= 2 || date.season != nil
            case "day": return start.count >= 3
            default: return false
            }
        }
        currentDateDelimiter = partDelimiter
        var outputs: [Output]
        if let end {
            let index: Int? =
                (0..<min(start.count, end.count, 3)).first { start[$0] != end[$0] }
                ?? (start.count != end.count ? min(start.count, end.count) : nil)
            let differing = index.map { ["year", "month", "day"][min($0, 2)] } ?? "day"
            let scope: Set<String> = differing == "year" ? ["year", "month", "day"] : differing == "month" ? ["month", "day"] : ["day"]
            let delimiter = parts.first { $0.name == differing }?.attributes["range-delimiter"] ?? "–"
            let varyingIndices = parts.indices.filter { scope.contains(parts[$0].name) }
            if varyingIndices.isEmpty {
                outputs = renderParts(parts, date: start, season: date.season, trimFirstPrefix: false, trimLastSuffix: false)
            } else {
                let first = varyingIndices.first!
                let last = varyingIndices.last!
                let before = Array(parts[..<first])
                let block = Array(parts[first...last])
                let after = Array(parts[(last + 1)...])
                outputs = renderParts(before, date: start, season: date.season, trimFirstPrefix: false, trimLastSuffix: false)
                let startBlock = renderParts(block, date: start, season: date.season, trimFirstPrefix: false, trimLastSuffix: true)
                let endBlock = renderParts(block, date: end, season: nil, trimFirstPrefix: true, trimLastSuffix: false)
                let range = startBlock + [.text(delimiter)] + endBlock
                outputs = OutputJoin.join(
                    [outputs, range, renderParts(after, date: end, season: nil, trimFirstPrefix: false, trimLastSuffix: false)],
                    delimiter: partDelimiter)
            }
        } else {
            outputs = renderParts(parts, date: start, season: date.season, trimFirstPrefix: false, trimLastSuffix: false)
            if openRange, !outputs.isEmpty {
                outputs.append(.text(parts.first { $0.name == "year" }?.attributes["range-delimiter"] ?? "–"))
            }
        }
        // Trim affixes at the ends of a localized date's parts (the locale's suffix after the last part).
        if outputs.allSatisfy(\.isEmpty) { return Rendered(calledVariable: true) }
        return Rendered(outputs: finish(outputs, outerFormatting), calledVariable: true, renderedVariable: true)
    }

    func renderParts(_ parts: [DatePartSpec], date: [Int], season: String?, trimFirstPrefix: Bool, trimLastSuffix: Bool) -> [Output] {
        var pieces: [[Output]] = []
        for (index, part) in parts.enumerated() {
            guard var text = datePartText(part, date: date, season: season), !text.isEmpty else { continue }
            var formatting = Formatting(part.attributes)
            if index == 0 && trimFirstPrefix { formatting.prefix = "" }
            if index == parts.count - 1 && trimLastSuffix { formatting.suffix = "" }
            if part.name == "year", !explicitYearSuffix, !yearSuffixShown, let suffix = cite.yearSuffix, isYearSuffixDate {
                text += suffix
                yearSuffixShown = true
            }
            pieces.append(finish([.text(text)], formatting))
        }
        return OutputJoin.join(pieces, delimiter: currentDateDelimiter)
    }

    /// The year-suffix follows the first year of the item's issued date (or the first date rendered).
    var isYearSuffixDate: Bool { true }

    func datePartText(_ part: DatePartSpec, date: [Int], season: String?) -> String? {
        let form = part.attributes["form"]
        switch part.name {
        case "year":
            guard let year = date.first, year != 0 || date.count > 1 else { return nil }
            if form == "short" { return String(format: "%02d", abs(year) % 100) }
            if year < 0 { return "\(-year)" + (locale.term("bc") ?? "BC") }
            if year < 1000 { return "\(year)" + (locale.term("ad") ?? "AD") }
            return String(year)
        case "month":
            var month = date.count > 1 ? date[1] : 0
            if month == 0, let season {
                if let number = Int(season), (1...4).contains(number) { month = 12 + number } else { return season }
            }
            guard month > 0 else { return nil }
            if (13...16).contains(month) || (21...24).contains(month) {
                return locale.term(String(format: "season-%02d", month - (month > 20 ? 20 : 12)))
            }
            guard month <= 12 else { return nil }
            switch form {
            case "numeric": return String(month)
            case "numeric-leading-zeros": return String(format: "%02d", month)
            case "short":
                var text = locale.term(String(format: "month-%02d", month), form: "short") ?? String(month)
                if part.attributes["strip-periods"] == "true" { text = text.replacingOccurrences(of: ".", with: "") }
                return text
            default:
                return locale.term(String(format: "month-%02d", month)) ?? String(month)
            }
        case "day":
            guard date.count > 2, date[2] > 0 else { return nil }
            let day = date[2]
            switch form {
            case "numeric-leading-zeros": return String(format: "%02d", day)
            case "ordinal":
                if locale.limitDayOrdinalsToDay1 && day != 1 { return String(day) }
                return String(day) + locale.ordinalSuffix(day, noun: date.count > 1 ? String(format: "month-%02d", date[1]) : nil)
            default: return String(day)
            }
        default:
            return nil
        }
    }
}
