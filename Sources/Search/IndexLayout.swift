/// Names and size limits of the index files.
enum IndexLayout {
    /// The index folder, relative to the site root.
    static let folder = "search/"
    /// Format version of the files; 2 added the typo buckets (`v/N.js`).
    static let version = 2
    /// Postings kept inline per term: the pages where the term weighs most. A query that finds
    /// too few pages fetches the rest.
    static let inlinePostings = 500
    /// A shard is closed once its terms reach this many bytes.
    static let shardBytes = 16_384
    /// Tags offered as filters: the most used ones.
    static let maximumTagFilters = 200
    /// Page text kept in a page fragment for excerpts, in bytes of UTF-8.
    static let fragmentTextLimit = 6_000
}
