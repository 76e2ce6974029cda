import Foundation

/// One page as the search index sees it.
public struct SearchDocument: Sendable {
    /// The page's URL as links on the site should use it (already relative to the base URL).
    public var url: String
    public var title: String
    /// Publication date; newer pages win ties in ranking.
    public var date: Date?
    /// The content section (`posts`, `notes`, …), offered as a filter.
    public var section: String
    /// Tags, offered as filters and indexed with extra weight.
    public var tags: [String]
    /// Heading texts, indexed with extra weight.
    public var headings: [String]
    /// The page's plain text: math as its TeX source, code as its text.
    public var body: String
    /// A short summary shown when no matched word can be found in the body.
    public var excerpt: String

    public init(
        url: String, title: String, date: Date?, section: String, tags: [String], headings: [String],
        body: String, excerpt: String
    ) {
        self.url = url
        self.title = title
        self.date = date
        self.section = section
        self.tags = tags
        self.headings = headings
        self.body = body
        self.excerpt = excerpt
    }
}
