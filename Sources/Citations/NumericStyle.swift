/// The numeric style (after IEEE): "[1]", "[1], [4]", "[2]–[5]", "[3, p. 7]"; entries numbered in order of
/// first citation: "A. Vaswani, N. Shazeer, and N. Parmar, “Title,” *Journal*, vol. 30, no. 2, pp. 1–10,
/// Jun. 2017, doi: 10.…". Seven or more authors are shortened to the first and "et al.".
struct NumericStyle {
    /// Entry numbers by key.
    private let numbers: [String: Int]

    init(references: [Reference]) {
        var numbers: [String: Int] = [:]
        for (offset, reference) in references.enumerated() { numbers[reference.id] = offset + 1 }
        self.numbers = numbers
    }

    // MARK: Citations

    func citation(_ citation: Citation, bibliography: Bibliography) -> FormattedText {
        var inlines: [Inline] = []
        // Plain items (no prefix, locator or suffix) collapse into sorted runs: [1]–[3], [5].
        var plain: [(number: Int, key: String)] = []
        var rich: [Inline] = []
        for item in citation.items {
            guard let reference = bibliography[item.key], let number = numbers[reference.id] else {
                rich.append(.text(rich.isEmpty ? "" : ", "))
                rich.append(.missing(key: item.key))
                continue
            }
            if citation.mode == .inText {
                let author = AuthorYearStyle.shortAuthor(reference, ampersand: false)
                let locator = item.locator.map { ", " + $0.text } ?? ""
                rich.append(.reference(key: reference.id, [.text(author + " [\(number)\(locator)]")]))
                continue
            }
            if item.prefix.isEmpty, item.locator == nil, item.suffix.isEmpty {
                plain.append((number, reference.id))
                continue
            }
            if !rich.isEmpty { rich.append(.text(", ")) }
            if !item.prefix.isEmpty { rich.append(.text(item.prefix + " ")) }
            let locator = item.locator.map { ", " + $0.text } ?? ""
            rich.append(.reference(key: reference.id, [.text("[\(number)\(locator)]")]))
            if !item.suffix.isEmpty { rich.append(.text(AuthorYearStyle.suffixText(item.suffix))) }
        }
        inlines += Self.collapsed(plain)
        if !inlines.isEmpty, !rich.isEmpty, rich.first != .text(", ") { inlines.append(.text(", ")) }
        inlines += rich.first == .text("") ? Array(rich.dropFirst()) : rich
        return FormattedText(inlines)
    }

    /// Sorted numbers with runs of three or more as `[a]–[b]`.
    private static func collapsed(_ items: [(number: Int, key: String)]) -> [Inline] {
        var unique: [(number: Int, key: String)] = []
        for item in items.sorted(by: { $0.number < $1.number }) where unique.last?.number != item.number { unique.append(item) }
        var inlines: [Inline] = []
        var start = 0
        while start < unique.count {
            var end = start
            while end + 1 < unique.count, unique[end + 1].number == unique[end].number + 1 { end += 1 }
            if !inlines.isEmpty { inlines.append(.text(", ")) }
            let first = unique[start]
            inlines.append(.reference(key: first.key, [.text("[\(first.number)]")]))
            if end - start >= 2 {
                inlines.append(.text("–"))
                inlines.append(.reference(key: unique[end].key, [.text("[\(unique[end].number)]")]))
                start = end + 1
            } else {
                start += 1
            }
        }
        return inlines
    }

    // MARK: Entries

    static let months = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."]

    /// "Jun. 2017", "2017".
    private static func date(_ date: DateParts?) -> String? {
        guard let date else { return nil }
        guard let month = date.month else { return String(date.year) }
        return months[month - 1] + " " + String(date.year)
    }

    func entry(_ reference: Reference) -> FormattedText {
        var builder = TextBuilder()
        var parts: [String] = []  // the comma-separated parts after the title
        let names = reference.author.isEmpty ? reference.editor : reference.author
        if !names.isEmpty {
            builder.text(Self.nameList(names, more: reference.hasMoreAuthors))
            if reference.author.isEmpty { builder.text(names.count == 1 ? ", Ed." : ", Eds.") }
            builder.text(", ")
        }
        let quotedTitle = reference.type != .book
        if let title = reference.title {
            if quotedTitle { builder.text("“" + title + ",” ") } else { builder.emphasis(title) }
        }
        let pages = reference.page.map { ($0.contains("–") || $0.contains("-") ? "pp. " : "p. ") + AuthorYearStyle.dashes($0) }
        switch reference.type {
        case .articleJournal:
            if let container = reference.containerTitle { builder.emphasis(container) }
            parts += [reference.volume.map { "vol. " + $0 }, reference.issue.map { "no. " + $0 }, pages, Self.date(reference.issued)]
                .compactMap { $0 }
        case .paperConference, .chapter:
            if let container = reference.containerTitle {
                builder.text("in ")
                builder.emphasis(container)
            }
            if !reference.editor.isEmpty, !reference.author.isEmpty {
                parts.append(Self.nameList(reference.editor, more: false) + (reference.editor.count == 1 ? ", Ed." : ", Eds."))
            }
            parts += [
                reference.publisherPlace.map { $0 + ": " + (reference.publisher ?? "") } ?? reference.publisher,
                Self.date(reference.issued), pages,
            ].compactMap { $0 }
        case .book:
            if let edition = reference.edition { builder.text(", " + AuthorYearStyle.edition(edition)) }
            let imprint = [reference.publisherPlace, reference.publisher].compactMap { $0 }.joined(separator: ": ")
            builder.text(". ")
            builder.text([imprint.isEmpty ? nil : imprint, Self.date(reference.issued)].compactMap { $0 }.joined(separator: ", "))
        case .article:
            parts += [Self.date(reference.issued), reference.arxiv.map { "arXiv:" + $0 } ?? reference.containerTitle].compactMap { $0 }
        case .report:
            parts += [
                reference.publisher, reference.publisherPlace, reference.number.map { "Rep. " + $0 },
                Self.date(reference.issued),
            ].compactMap { $0 }
        case .thesis:
            parts += ["Thesis", reference.publisher, Self.date(reference.issued)].compactMap { $0 }
        default:
            parts += [reference.containerTitle, reference.publisher, Self.date(reference.issued)].compactMap { $0 }
        }
        if !parts.isEmpty {
            if reference.type == .articleJournal || reference.type == .paperConference || reference.type == .chapter,
                reference.containerTitle != nil
            {
                builder.text(", ")
            }
            builder.text(parts.joined(separator: ", "))
        }
        if let doi = reference.doi {
            builder.text(", doi: ")
            builder.link("https://doi.org/" + doi, label: doi)
            builder.period()
        } else {
            builder.period()
            if let url = reference.url ?? reference.arxiv.map({ "https://arxiv.org/abs/" + $0 }) {
                builder.text(" [Online]. Available: ")
                builder.link(url)
            }
        }
        return Self.trimmingCommaBeforePeriod(builder.result)
    }

    /// A title written as “Title,” followed directly by the period leaves `,” .`: the comma becomes a period.
    private static func trimmingCommaBeforePeriod(_ text: FormattedText) -> FormattedText {
        var inlines = text.inlines
        for index in inlines.indices.dropLast() {
            if case .text(let title) = inlines[index], title.hasSuffix(",” "), inlines[index + 1] == .text(".") {
                inlines[index] = .text(String(title.dropLast(3)) + ".”")
                inlines[index + 1] = .text("")
            }
        }
        return FormattedText(inlines.filter { $0 != .text("") })
    }

    /// "A. Vaswani, N. Shazeer, and N. Parmar"; seven or more (or `and others`): "A. Vaswani et al.".
    static func nameList(_ names: [Name], more: Bool) -> String {
        let formatted = names.map { name -> String in
            if let literal = name.literal { return literal }
            var text = [name.initials, name.familyWithParticle].compactMap { $0 }.joined(separator: " ")
            if let suffix = name.suffix { text += ", " + suffix }
            return text
        }
        if formatted.count >= 7 || more { return (formatted.first ?? "") + " et al." }
        switch formatted.count {
        case 1: return formatted[0]
        case 2: return formatted[0] + " and " + formatted[1]
        default: return formatted.dropLast().joined(separator: ", ") + ", and " + (formatted.last ?? "")
        }
    }
}
