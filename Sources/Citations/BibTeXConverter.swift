import Foundation

/// BibTeX and BibLaTeX entries to references: entry types to CSL types, fields to variables, TeX to
/// Unicode, names split, dates from `date` or `year` + `month`, arXiv ids from `eprint` (or from a
/// Google Scholar `journal = {arXiv preprint arXiv:…}`), and `crossref` fields inherited.
enum BibTeXConverter {
    static func references(_ file: BibTeXFile) -> [Reference] {
        var byKey: [String: BibTeXEntry] = [:]
        for entry in file.entries { byKey[entry.key.lowercased()] = entry }
        return file.entries.map { reference(inheriting($0, from: byKey)) }
    }

    /// The entry with the fields it lacks taken from its `crossref` parent (the parent's title as `booktitle`).
    private static func inheriting(_ entry: BibTeXEntry, from byKey: [String: BibTeXEntry]) -> BibTeXEntry {
        guard let parentKey = entry.fields["crossref"], let parent = byKey[parentKey.lowercased()], parent.key != entry.key else {
            return entry
        }
        var result = entry
        for (name, value) in parent.fields where result.fields[name] == nil && name != "crossref" {
            result.fields[name == "title" ? "booktitle" : name] = value
        }
        if result.fields["booktitle"] == nil, let title = parent.fields["title"] { result.fields["booktitle"] = title }
        return result
    }

    static func reference(_ entry: BibTeXEntry) -> Reference {
        let fields = entry.fields
        func text(_ name: String) -> String? {
            guard let value = fields[name] else { return nil }
            let converted = TeXText.unicode(value)
            return converted.isEmpty ? nil : converted
        }
        var reference = Reference(id: entry.key, type: type(of: entry))
        reference.location = entry.location
        if let authors = fields["author"] {
            let (names, others) = BibTeXNames.parse(authors)
            reference.author = names
            reference.hasMoreAuthors = others
        }
        if let editors = fields["editor"] { reference.editor = BibTeXNames.parse(editors).names }
        reference.title = text("title")
        let subtitle = text("subtitle")
        if let subtitle, let title = reference.title { reference.title = title + ": " + subtitle }
        let container = text("journaltitle") ?? text("journal")
        switch reference.type {
        case .paperConference, .chapter:
            reference.containerTitle = text("booktitle") ?? container
        default:
            reference.containerTitle = container ?? text("booktitle")
        }
        if reference.containerTitle == nil, let published = text("howpublished"),
            !published.contains("://"), !(fields["howpublished"] ?? "").contains("\\url")
        {
            // `@misc`'s `howpublished = {The Tensor Collective}` names where it appeared (not a `\url{…}`).
            reference.containerTitle = published
        }
        reference.collectionTitle = text("series")
        reference.volume = text("volume")
        if reference.type == .report || reference.type == .book {
            reference.number = text("number")
        } else {
            reference.issue = text("number") ?? text("issue")
        }
        reference.page = text("pages")
        reference.edition = text("edition")
        reference.publisher = text("publisher") ?? text("institution") ?? text("school") ?? text("organization")
        reference.publisherPlace = text("location") ?? text("address")
        reference.isbn = text("isbn")
        reference.note = text("note")
        if let doi = fields["doi"].map(TeXText.verbatim), !doi.isEmpty { reference.doi = Self.bareDOI(doi) }
        if let url = fields["url"].map(TeXText.verbatim), !url.isEmpty { reference.url = url }
        reference.arxiv = arxiv(fields)
        if reference.type == .misc, reference.arxiv != nil { reference.type = .article }
        reference.issued = date(fields)
        if let urldate = fields["urldate"] { reference.accessed = DateText.parse(TeXText.verbatim(urldate)) }
        return reference
    }

    private static func type(of entry: BibTeXEntry) -> ReferenceType {
        switch entry.type {
        case "article":
            // An arXiv preprint exported as an article (DBLP's `CoRR`, Google Scholar's `arXiv preprint`).
            let journal = (entry.fields["journal"] ?? entry.fields["journaltitle"] ?? "").lowercased()
            return journal.hasPrefix("arxiv") || journal == "corr" || journal.isEmpty && entry.fields["eprint"] != nil
                ? .article : .articleJournal
        case "inproceedings", "conference": return .paperConference
        case "book", "mvbook", "collection", "proceedings", "booklet": return .book
        case "incollection", "inbook", "bookinbook": return .chapter
        case "techreport", "report": return .report
        case "phdthesis", "mastersthesis", "thesis": return .thesis
        case "online", "www", "electronic", "webpage": return .webpage
        case "unpublished": return .manuscript
        case "dataset", "data": return .dataset
        case "software", "code": return .software
        default: return .misc
        }
    }

    /// `doi = {https://doi.org/10.1/x}` and `{doi:10.1/x}` as the bare DOI.
    static func bareDOI(_ doi: String) -> String { Reference.bareDOI(doi) }

    private static func arxiv(_ fields: [String: String]) -> String? {
        let prefix = (fields["archiveprefix"] ?? fields["eprinttype"] ?? "").lowercased()
        if let eprint = fields["eprint"].map(TeXText.verbatim), !eprint.isEmpty, prefix == "arxiv" || prefix.isEmpty {
            return eprint.lowercased().hasPrefix("arxiv:") ? String(eprint.dropFirst(6)) : eprint
        }
        // Google Scholar: journal = {arXiv preprint arXiv:1706.03762}; DBLP: volume = {abs/1706.03762}.
        for name in ["journal", "journaltitle", "note"] {
            guard let value = fields[name], let range = value.range(of: "arXiv:", options: .caseInsensitive) else { continue }
            let id = value[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "." || $0 == "/" || $0 == "-" }
            if !id.isEmpty { return String(id) }
        }
        if fields["journal"]?.lowercased() == "corr", let volume = fields["volume"], volume.hasPrefix("abs/") {
            return String(volume.dropFirst(4))
        }
        return nil
    }

    private static func date(_ fields: [String: String]) -> DateParts? {
        if let date = fields["date"], let parts = DateText.parse(TeXText.verbatim(date)) { return parts }
        guard let yearText = fields["year"].map(TeXText.verbatim),
            let year = Int(yearText.prefix { $0.isNumber }.prefix(4)), yearText.first?.isNumber == true
        else { return nil }
        var parts = DateParts(year: year)
        if let month = fields["month"].map(TeXText.verbatim) { parts.month = DateText.month(month) }
        if let dayText = fields["day"], let day = Int(TeXText.verbatim(dayText)), (1...31).contains(day), parts.month != nil {
            parts.day = day
        }
        return parts
    }
}

/// Dates as bibliographies write them: ISO `2017`, `2017-06`, `2017-06-12` (a range's first date), and
/// month numbers or English names.
enum DateText {
    static func parse(_ text: String) -> DateParts? {
        let first = text.split(separator: "/").first.map(String.init) ?? text
        let pieces = first.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let yearText = pieces.first, (1...4).contains(yearText.count), let year = Int(yearText) else { return nil }
        var parts = DateParts(year: year)
        if pieces.count > 1, let month = Int(pieces[1]), (1...12).contains(month) {
            parts.month = month
            if pieces.count > 2, let day = Int(pieces[2].prefix(2)), (1...31).contains(day) { parts.day = day }
        }
        return parts
    }

    static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]

    /// `6`, `06`, `jun`, `June`, `Jun.` as 6.
    static func month(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let number = Int(trimmed) { return (1...12).contains(number) ? number : nil }
        let word = trimmed.hasSuffix(".") ? String(trimmed.dropLast()) : trimmed
        guard word.count >= 3 else { return nil }
        return monthNames.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
    }
}
