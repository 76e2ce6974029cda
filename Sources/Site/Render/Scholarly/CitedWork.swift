import Citations

/// A work a page's reference list holds, as the page's JSON-LD `citation` describes it.
public struct CitedWork: Sendable, Equatable {
    /// Its schema.org type: `ScholarlyArticle` for journal, conference and preprint articles, else `CreativeWork`.
    public var schemaType: String
    public var title: String
    /// Authors (or editors) as "Given Family".
    public var authors: [String]
    public var year: Int?
    /// The DOI's resolver, else the URL, else the arXiv page.
    public var url: String?

    init(schemaType: String, title: String, authors: [String], year: Int?, url: String?) {
        self.schemaType = schemaType
        self.title = title
        self.authors = authors
        self.year = year
        self.url = url
    }

    init(_ reference: Reference) {
        let names = reference.author.isEmpty ? reference.editor : reference.author
        self.init(
            schemaType: [.articleJournal, .paperConference, .article].contains(reference.type) ? "ScholarlyArticle" : "CreativeWork",
            title: reference.title ?? reference.id,
            authors: names.map { name in
                name.literal ?? [name.given, name.familyWithParticle, name.suffix].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            },
            year: reference.issued?.year, url: reference.primaryLink)
    }

    /// The schema.org object.
    var jsonLD: JSONValue {
        var object: [String: JSONValue] = ["@type": .string(schemaType), "name": .string(title)]
        if !authors.isEmpty { object["author"] = .array(authors.map { .object(["@type": .string("Person"), "name": .string($0)]) }) }
        if let year { object["datePublished"] = .string(String(year)) }
        if let url { object["url"] = .string(url) }
        return .object(object)
    }
}
