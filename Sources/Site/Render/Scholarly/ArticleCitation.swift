import Citations
import Foundation

/// A page as a work others can cite: the reference it makes (title, authors, date, the site as its
/// container, its permalink, a DOI), written as Google Scholar's Highwire meta tags, as BibTeX and in the
/// site's citation style for the "Cite this article" block.
///
/// Posts (pages in a section) are citeable unless `citation: false` is set in their front matter or in the
/// site's config (or `params`); `citation: true` makes any other page citeable. `citation` may also be a
/// map of Quarto's fields — `type` (a CSL type), `container-title` (or `journal`), `publisher`, `volume`,
/// `issue`, `page`, `doi`, `url`, `pdf-url` — and `doi` may sit at the top of the front matter.
struct ArticleCitation: Sendable {
    var reference: Reference
    var authors: [ArticleAuthor]
    /// The journal a page says it appeared in (`citation_journal_title` is written only when given).
    var journalTitle: String?
    var publisher: String?
    /// Where a PDF of the article is, as an absolute URL.
    var pdfURL: String?
    /// The page's own URL.
    var permalink: String
    var languageCode: String

    /// The citation of `page`, or nil when it is not citeable (not a post, or turned off).
    init?(page: Page, config: SiteConfig) {
        let own = page.param("citation")
        if own?.bool == false { return nil }
        let asked = own?.bool == true || own?.table != nil
        guard page.kind == .page, asked || !page.section.isEmpty && !config.settings.citationsOff else { return nil }
        let fields = own?.table.map(Value.table)
        func field(_ names: String...) -> String? {
            for name in names {
                if let text = fields?[name]?.string?.trimmingCharacters(in: .whitespaces), !text.isEmpty { return text }
            }
            return nil
        }

        let permalink = config.absoluteURL(page.path)
        self.permalink = permalink
        languageCode = config.languageCode
        authors = ArticleAuthor.list(page.param("authors") ?? page.param("author"))
        if authors.isEmpty { authors = ArticleAuthor.list(config.settings.author) }
        journalTitle = field("container-title", "journal")
        publisher = field("publisher")
        pdfURL = field("pdf-url", "pdf").map { URL(string: $0, relativeTo: URL(string: permalink))?.absoluteString ?? $0 }

        let type = field("type").map(ReferenceType.init(csl:)) ?? (journalTitle == nil ? .webpage : .articleJournal)
        var reference = Reference(id: "", type: type)
        reference.title = page.title
        reference.author = authors.map { Name(writtenAs: $0.name) }
        if let date = page.date {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            if let year = parts.year { reference.issued = DateParts(year: year, month: parts.month, day: parts.day) }
        }
        reference.containerTitle = journalTitle ?? (type == .webpage ? config.title : nil)
        reference.publisher = publisher
        reference.volume = field("volume")
        reference.issue = field("issue")
        reference.page = field("page")
        reference.doi = (field("doi") ?? page.param("doi")?.string).map(Reference.bareDOI).flatMap { $0.isEmpty ? nil : $0 }
        reference.url = field("url") ?? permalink
        reference.id = Self.key(reference)
        self.reference = reference
    }

    /// `family` + year + first word of the title, in ASCII lower case (`lovelace2026reading`).
    static func key(_ reference: Reference) -> String {
        func folded(_ text: String) -> String {
            text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
                .unicodeScalars.filter { $0.isASCII && CharacterSet.alphanumerics.contains($0) }
                .map(String.init).joined()
        }
        let family = reference.author.first.map { folded($0.family ?? $0.literal ?? "") } ?? ""
        let word =
            (reference.title ?? "").split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { folded(String($0)) }.first { $0.count > 3 } ?? ""
        let year = reference.issued.map { String($0.year) } ?? ""
        let key = family + year + word
        return key.isEmpty ? "article" : key
    }

    /// The `<link rel="cite-as">` target: the DOI's resolver when there is a DOI.
    var citeAs: String? { reference.doi.map { "https://doi.org/" + $0 } }

    /// Google Scholar's tags (name, content), in the order its inclusion guidelines list them; each author
    /// is followed by their institutions and ORCID iD.
    var metaTags: [(name: String, content: String)] {
        var tags: [(String, String)] = []
        if let title = reference.title { tags.append(("citation_title", title)) }
        for author in authors {
            tags.append(("citation_author", author.name))
            for affiliation in author.affiliations { tags.append(("citation_author_institution", affiliation)) }
            if let orcid = author.orcid { tags.append(("citation_author_orcid", orcid)) }
        }
        if let issued = reference.issued {
            let parts = [String(format: "%04d", issued.year)] + [issued.month, issued.day].compactMap { $0 }.map { String(format: "%02d", $0) }
            tags.append(("citation_publication_date", parts.joined(separator: "/")))
        }
        if let journalTitle { tags.append(("citation_journal_title", journalTitle)) }
        if let publisher { tags.append(("citation_publisher", publisher)) }
        if let volume = reference.volume { tags.append(("citation_volume", volume)) }
        if let issue = reference.issue { tags.append(("citation_issue", issue)) }
        if let page = reference.page {
            let ends = page.split(whereSeparator: { $0 == "-" || $0 == "–" }).map(String.init)
            if let first = ends.first { tags.append(("citation_firstpage", first)) }
            if ends.count > 1, let last = ends.last { tags.append(("citation_lastpage", last)) }
        }
        if let doi = reference.doi { tags.append(("citation_doi", doi)) }
        tags.append(("citation_fulltext_html_url", permalink))
        if let pdfURL { tags.append(("citation_pdf_url", pdfURL)) }
        if !languageCode.isEmpty { tags.append(("citation_language", languageCode)) }
        return tags
    }

    /// The BibTeX entry a reader copies.
    var bibTeX: String { BibTeXWriter.entry(reference) }

    /// The reference as `style` formats an entry of a reference list, as HTML.
    func formatted(in style: StyleChoice) -> String {
        let processed = CitationProcessor(choice: style, bibliography: Bibliography([reference]))
            .process([], alsoList: [reference.id])
        return processed.entries.first?.text.html(entryID: CitationLinks.entryID) ?? ""
    }
}
