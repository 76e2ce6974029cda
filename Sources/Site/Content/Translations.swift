import Foundation

/// Which pages of the site's languages are translations of one another, as Hugo links them:
/// by `translationKey` in front matter, else by the content path without language suffix and
/// extension (`posts/a.md` and `posts/a.fr.md`); lists by kind and path (every language's home,
/// its `posts` section, its `tags` taxonomy and `tags/go` term).
struct Translations: Sendable {
    /// One language's version of a page.
    struct Version: Sendable, Equatable {
        /// The language's position in ``SiteConfig/languages``.
        var language: Int
        var path: String
    }

    /// Per language, page → every language's version of the page (itself included), by
    /// language order; pages without a translation are absent.
    private(set) var versions: [[PageID: [Version]]]

    /// No translations (a site of one language).
    init() { versions = [] }

    /// Relates the pages of every language's content; `sites` are in ``SiteConfig/languages`` order.
    init(_ sites: [(config: SiteConfig, content: SiteContent)]) {
        var byKey: [String: [Version]] = [:]
        var keys: [[String]] = []
        for (language, site) in sites.enumerated() {
            let pageKeys = site.content.pages.map { Self.key(of: $0, config: site.config) }
            for (index, key) in pageKeys.enumerated() {
                byKey[key, default: []].append(Version(language: language, path: site.content.pages[index].path))
            }
            keys.append(pageKeys)
        }
        versions = keys.map { pageKeys in
            var table: [PageID: [Version]] = [:]
            for (index, key) in zip(pageKeys.pageIDs, pageKeys) {
                if let all = byKey[key], all.count > 1 { table[index] = all }
            }
            return table
        }
    }

    /// Every version of page `index` of language `language`; empty when it has no translation.
    func versions(of index: PageID, language: Int) -> [Version] {
        language < versions.count ? versions[language][index] ?? [] : []
    }

    /// The key that translations of a page share.
    static func key(of page: Page, config: SiteConfig) -> String {
        let kind = page.kind.rawValue + "/"
        if let key = page.param("translationKey")?.string, !key.isEmpty { return kind + "key:" + key }
        switch page.kind {
        case .home: return kind
        case .section: return kind + page.section
        case .taxonomy: return kind + (page.taxonomy ?? page.section)
        case .term: return kind + (page.taxonomy ?? "") + "/" + Permalinks.urlize(page.term ?? "")
        case .page:
            if let bundle = page.bundleFolder { return kind + bundle }
            guard let file = page.sourceFile else { return kind + page.path }
            var stem = PathText.removingExtension(config.contentPath(ofSource: file))
            if stem.hasSuffix("." + config.language.code) { stem.removeLast(config.language.code.count + 1) }
            return kind + stem
        }
    }
}
