import Foundation

/// The small files every site gets: sitemap, robots.txt, alias redirects and the search index.
struct SiteFiles {
    let config: SiteConfig
    let content: SiteContent
    let rendered: [RenderedContent]

    /// `sitemap.xml` with every HTML page and its last modification date.
    func sitemap() -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in content.pages.sorted(by: { $0.path < $1.path }) where !(page.param("sitemapExclude")?.bool ?? false) {
            xml += "<url><loc>\(XML.escape(config.absoluteURL(page.path)))</loc>"
            if let lastmod = page.lastmod ?? page.date { xml += "<lastmod>\(lastmod.formatted(.iso8601))</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\nSitemap: \(config.absoluteURL("/sitemap.xml"))\n"
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

    /// The search index: one record per searchable page (PaperMod's `index.json` shape).
    func searchIndex() -> String {
        let records = content.regularPages.compactMap { index -> [String: Any]? in
            let page = content.pages[index]
            if page.param("searchHidden")?.bool ?? false { return nil }
            var record: [String: Any] = [
                "title": page.title, "permalink": config.relativeURL(page.path),
                "summary": HTMLText.plainText(rendered[index].summaryHTML), "content": rendered[index].plainText,
                "section": page.section,
            ]
            if let date = page.date { record["date"] = date.formatted(.iso8601) }
            if let tags = page.terms["tags"] { record["tags"] = tags }
            return record
        }
        let data = (try? JSONSerialization.data(withJSONObject: records, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
