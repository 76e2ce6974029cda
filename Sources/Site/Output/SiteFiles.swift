import Foundation
import Search
import TextUtilities

/// The small files every site gets: sitemap, robots.txt, alias redirects and the search index.
struct SiteFiles {
    let config: SiteConfig
    let content: SiteContent
    let rendered: [RenderedContent]
    /// The pages' translations, listed in the sitemap as `xhtml:link` alternates (as Hugo's sitemap does).
    var languages = LanguageContext()

    /// `sitemap.xml` with every HTML page, its last modification date and its translations.
    func sitemap() -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n"
        let xhtml = config.isMultilingual ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"" : ""
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"\(xhtml)>\n"
        for index in content.pages.pageIDs.sorted(by: { content.pages[$0].path < content.pages[$1].path }) {
            let page = content.pages[index]
            if page.param("sitemapExclude")?.bool ?? false { continue }
            xml += "<url><loc>\(XML.escape(config.absoluteURL(page.path)))</loc>"
            if let lastmod = page.lastmod ?? page.date { xml += "<lastmod>\(DateText.iso8601(lastmod))</lastmod>" }
            for link in languages.alternates(of: index) {
                xml += "<xhtml:link rel=\"alternate\" hreflang=\"\(XML.escape(link["hreflang"] ?? ""))\" href=\"\(XML.escape(link["url"] ?? ""))\"/>"
            }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\nSitemap: \(config.rootAbsoluteURL("/sitemap.xml"))\n"
    }

    /// A page that sends the reader on to `target` (for `aliases`).
    func redirect(to target: String) -> String {
        let url = HTMLText.escape(config.absoluteURL(target))
        return """
            <!doctype html>
            <html lang="\(HTMLText.escape(config.languageCode))"><head><meta charset="utf-8"><title>\(url)</title>
            <link rel="canonical" href="\(url)"><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=\(url)">
            </head><body><p><a href="\(url)">\(url)</a></p></body></html>

            """
    }

    /// The sharded search index (see the Search module): every page but drafts and `searchHidden` ones.
    func searchIndex() -> [String: Data] {
        searchIndex(reusing: [:], keepTerms: false).files
    }

    /// The search index, taking each page's terms from `cached` (page index → ``PageTerms/encoded()``
    /// bytes a previous build made of the same document) and tokenising the rest, on all cores.
    /// Returns the files and, with `keepTerms`, every indexed page's encoded terms for the build
    /// cache (those it tokenised set aside in `spill`, when given, until the cache is saved).
    func searchIndex(reusing cached: [PageID: [UInt8]], keepTerms: Bool, spill: SpillFile? = nil)
        -> (files: [String: Data], terms: [PageID: KeptBytes])
    {
        let indexed = content.regularPages.filter { index in
            let page = content.pages[index]
            return !(page.param("searchHidden")?.bool ?? false || page.isDraft)
        }
        let pages = indexed.concurrentMap { index -> (PageTerms, KeptBytes?) in
            if let bytes = cached[index], let terms = PageTerms(encoded: bytes) { return (terms, .memory(bytes)) }
            let terms = PageTerms(searchDocument(index))
            guard keepTerms else { return (terms, nil) }
            let kept = terms.encodedOnly()
            return (kept.terms, spill?.put(kept.bytes).map(KeptBytes.spilled) ?? .memory(kept.bytes))
        }
        var builder = SearchIndexBuilder()
        builder.add(contentsOf: pages.map(\.0))
        var encoded: [PageID: KeptBytes] = [:]
        for (index, (_, bytes)) in zip(indexed, pages) { encoded[index] = bytes }
        return (builder.files(), encoded)
    }

    /// What the search index reads of page `index`.
    private func searchDocument(_ index: PageID) -> SearchDocument {
        let page = content.pages[index]
        let body = rendered[index]
        return SearchDocument(
            url: config.relativeURL(page.path), title: page.title, date: page.date,
            section: page.section.split(separator: "/").first.map(String.init) ?? "",
            tags: page.terms["tags"] ?? [], headings: body.toc.map(\.text), body: body.plainText,
            excerpt: page.description ?? body.summaryText)
    }
}
