import Foundation

/// The search index of every language of a site, built apart from the pages (the dev server
/// builds it after the reload) and handed back to the session that asked for it.
public struct SiteSearchIndex: Sendable {
    /// For each language, in the build's order: the index files by path inside the language's
    /// folder (`search/…`), and their bytes.
    var languages: [[String: Data]]
}
