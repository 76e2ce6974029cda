import Foundation

extension SiteFiles {
    /// The root `sitemap.xml` of a multilingual site: an index of the languages' sitemaps, each
    /// with the last modification of its newest page.
    static func sitemapIndex(_ sitemaps: [(url: String, lastmod: Date?)]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n"
        xml += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for sitemap in sitemaps {
            xml += "<sitemap><loc>\(XML.escape(sitemap.url))</loc>"
            if let lastmod = sitemap.lastmod { xml += "<lastmod>\(DateText.iso8601(lastmod))</lastmod>" }
            xml += "</sitemap>\n"
        }
        xml += "</sitemapindex>\n"
        return xml
    }
}
