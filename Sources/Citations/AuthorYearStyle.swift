import Foundation

/// The author–year style (after APA 7): "(Vaswani et al., 2017, p. 3)", "Vaswani et al. (2017)", entries
/// "Vaswani, A., Shazeer, N., … (2017). Title. *Journal*, *30*(2), 1–10. https://doi.org/…", sorted by
/// author, year and title. Works whose short author and year coincide get year suffixes (2017a, 2017b).
struct AuthorYearStyle {
    /// The cited references in the order of the reference list.
    let ordered: [Reference]
    /// Year suffixes (`a`, `b`) by key, for works whose citations would read alike.
    private let suffixes: [String: String]

    init(references: [Reference]) {
        ordered = references.sorted { Self.sortKey($0).lexicographicallyPrecedes(Self.sortKey($1)) }
        var groups: [String: [String]] = [:]
        for reference in ordered {
            groups[Self.shortAuthor(reference, ampersand: true) + "|" + Self.yearText(reference.issued), default: []].append(reference.id)
        }
        var suffixes: [String: String] = [:]
        for keys in groups.values where keys.count > 1 {
            for (offset, key) in keys.enumerated() { suffixes[key] = Self.letters(offset) }
        }
        self.suffixes = suffixes
    }

    private static func sortKey(_ reference: Reference) -> [String] {
        let names = reference.author.isEmpty ? reference.editor : reference.author
        let author = names.isEmpty ? SortFolding.fold(reference.title ?? "") : names.map(\.sortKey).joined(separator: "\u{1}")
        let year = reference.issued.map { String(format: "%05d%02d%02d", $0.year, $0.month ?? 0, $0.day ?? 0) } ?? "99999"
        return [author, year, SortFolding.fold(reference.title ?? ""), reference.id]
    }

    /// `a`…`z`, then `aa`, `ab`, ….
    private static func letters(_ offset: Int) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        return offset < 26 ? String(alphabet[offset]) : letters(offset / 26 - 1) + String(alphabet[offset % 26])
    }

    private static func yearText(_ date: DateParts?) -> String {
        date.map { String($0.year) } ?? "n.d."
    }

    private func year(_ reference: Reference) -> String {
        let base = Self.yearText(reference.issued)
        guard let suffix = suffixes[reference.id] else { return base }
        return base == "n.d." ? base + "-" + suffix : base + suffix
    }

    /// "Vaswani", "Vaswani & Shazeer" (or "and" in running text), "Vaswani et al."; the title without authors.
    static func shortAuthor(_ reference: Reference, ampersand: Bool) -> String {
        let names = reference.author.isEmpty ? reference.editor : reference.author
        guard let first = names.first else { return reference.title.map { "“\($0)”" } ?? reference.id }
        if names.count == 1, !reference.hasMoreAuthors { return first.familyWithParticle }
        if names.count == 2, !reference.hasMoreAuthors {
            return first.familyWithParticle + (ampersand ? " & " : " and ") + names[1].familyWithParticle
        }
        return first.familyWithParticle + " et al."
    }

    // MARK: Citations

    func citation(_ citation: Citation, bibliography: Bibliography) -> FormattedText {
        var inlines: [Inline] = []
        if citation.mode == .parenthetical { inlines.append(.text("(")) }
        for (offset, item) in citation.items.enumerated() {
            if offset > 0 { inlines.append(.text("; ")) }
            guard let reference = bibliography[item.key] else {
                inlines.append(.missing(key: item.key))
                continue
            }
            if !item.prefix.isEmpty { inlines.append(.text(item.prefix + " ")) }
            var text: String
            let details = [year(reference), item.locator?.text].compactMap { $0 }.joined(separator: ", ")
            switch (citation.mode, item.suppressAuthor) {
            case (.inText, _):
                text = Self.shortAuthor(reference, ampersand: false) + " (" + details + Self.suffixText(item.suffix) + ")"
                inlines.append(.reference(key: reference.id, [.text(text)]))
                continue
            case (.parenthetical, true):
                text = details
            case (.parenthetical, false):
                text = Self.shortAuthor(reference, ampersand: true) + ", " + details
            }
            inlines.append(.reference(key: reference.id, [.text(text)]))
            if !item.suffix.isEmpty { inlines.append(.text(Self.suffixText(item.suffix))) }
        }
        if citation.mode == .parenthetical { inlines.append(.text(")")) }
        return FormattedText(inlines)
    }

    /// A suffix after the locator: `, emphasis added` stays; a word gets a comma before it.
    static func suffixText(_ suffix: String) -> String {
        guard let first = suffix.first else { return "" }
        return ",;:.".contains(first) ? suffix : ", " + suffix
    }

    // MARK: Entries

    func entry(_ reference: Reference) -> FormattedText {
        var builder = TextBuilder()
        let names = reference.author.isEmpty ? reference.editor : reference.author
        let italicTitle = ![.articleJournal, .paperConference, .chapter].contains(reference.type)
        if names.isEmpty {
            title(reference, italic: italicTitle, into: &builder)
            builder.separator(" ")
            builder.text("(\(year(reference))).")
        } else {
            builder.text(Self.nameList(names, more: reference.hasMoreAuthors))
            if reference.author.isEmpty { builder.text(names.count == 1 ? " (Ed.)" : " (Eds.)") }
            builder.separator(" ")
            builder.text("(\(year(reference))).")
            builder.text(" ")
            title(reference, italic: italicTitle, into: &builder)
        }
        switch reference.type {
        case .articleJournal:
            if let container = reference.containerTitle {
                builder.text(" ")
                builder.emphasis(container)
                if let volume = reference.volume {
                    builder.text(", ")
                    builder.emphasis(volume)
                }
                if let issue = reference.issue { builder.text("(\(issue))") }
                if let page = reference.page { builder.text(", " + Self.dashes(page)) }
                builder.period()
            }
        case .paperConference, .chapter:
            if let container = reference.containerTitle {
                builder.text(" In ")
                if !reference.editor.isEmpty, !reference.author.isEmpty {
                    builder.text(Self.editorList(reference.editor) + (reference.editor.count == 1 ? " (Ed.), " : " (Eds.), "))
                }
                builder.emphasis(container)
                if let page = reference.page { builder.text(" (pp. " + Self.dashes(page) + ")") }
                builder.period()
            }
            if let publisher = reference.publisher {
                builder.text(" " + publisher)
                builder.period()
            }
        case .article:
            if let arxiv = reference.arxiv, reference.containerTitle.map({ $0.lowercased().hasPrefix("arxiv") }) ?? true {
                builder.text(" arXiv:" + arxiv)
                builder.period()
            } else if let container = reference.containerTitle {
                builder.text(" ")
                builder.emphasis(container)
                builder.period()
            }
        default:
            if let container = reference.containerTitle {
                builder.text(" ")
                builder.text(container)
                builder.period()
            }
            if let publisher = reference.publisher, publisher != names.first?.literal {
                builder.text(" " + publisher)
                builder.period()
            }
        }
        Self.links(reference, into: &builder)
        return builder.result
    }

    private func title(_ reference: Reference, italic: Bool, into builder: inout TextBuilder) {
        guard let title = reference.title else { return }
        if italic { builder.emphasis(title) } else { builder.text(title) }
        var details: [String] = []
        if let edition = reference.edition { details.append(Self.edition(edition)) }
        if reference.type == .report, let number = reference.number { details.append("Report No. " + number) }
        if !details.isEmpty { builder.text(" (" + details.joined(separator: ", ") + ")") }
        if reference.type == .thesis { builder.text(" [Thesis]") }
        builder.period()
    }

    /// `2` → `2nd ed.`; words stay as written.
    static func edition(_ edition: String) -> String {
        guard let number = Int(edition) else { return edition.lowercased().hasSuffix("ed.") ? edition : edition + " ed." }
        let suffix = (11...13).contains(number % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][number % 10] ?? "th"
        return "\(number)\(suffix) ed."
    }

    /// "Vaswani, A., Shazeer, N., & Parmar, N."; 21 or more: the first 19, "…", the last.
    static func nameList(_ names: [Name], more: Bool) -> String {
        let formatted = names.map(invertedName)
        if names.count >= 21 {
            return formatted.prefix(19).joined(separator: ", ") + ", … " + (formatted.last ?? "")
        }
        if more { return formatted.joined(separator: ", ") + ", et al." }
        switch formatted.count {
        case 1: return formatted[0]
        case 2: return formatted[0] + ", & " + formatted[1]
        default: return formatted.dropLast().joined(separator: ", ") + ", & " + (formatted.last ?? "")
        }
    }

    /// Editors in a chapter's source: "A. Editor & B. Editor".
    static func editorList(_ names: [Name]) -> String {
        let formatted = names.map { name -> String in
            if let literal = name.literal { return literal }
            return [name.initials, name.familyWithParticle].compactMap { $0 }.joined(separator: " ")
        }
        return formatted.count <= 2
            ? formatted.joined(separator: " & ")
            : formatted.dropLast().joined(separator: ", ") + ", & " + (formatted.last ?? "")
    }

    /// "Maaten, L. van der"-free APA form: "van der Maaten, L.", "King, M. L., Jr.".
    static func invertedName(_ name: Name) -> String {
        if let literal = name.literal { return literal }
        var text = name.familyWithParticle
        if let initials = name.initials { text += ", " + initials }
        if let suffix = name.suffix { text += ", " + suffix }
        return text
    }

    /// Hyphens between numbers as en dashes.
    static func dashes(_ text: String) -> String {
        text.replacingOccurrences(of: "--", with: "–").replacingOccurrences(of: "-", with: "–")
    }

    /// The DOI (as a doi.org URL), else the URL, else the arXiv page.
    static func links(_ reference: Reference, into builder: inout TextBuilder) {
        guard let link = reference.primaryLink else { return }
        builder.text(" ")
        builder.link(link)
    }
}
