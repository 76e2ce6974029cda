import Foundation

/// RSS 2.0 (`index.xml`, as Hugo names it), Atom 1.0 (`atom.xml`) and JSON Feed 1.1 (`feed.json`)
/// for a list page: the home, a section or a term.
struct Feeds {
    let config: SiteConfig
    let content: SiteContent
    let rendered: [RenderedContent]
    /// Entries per feed (Hugo's `services.rss.limit`; -1 in config means all).
    var limit: Int {
        let configured = Value.table(config.raw).value(atPath: "services.rss.limit")?.int ?? 20
        return configured < 0 ? Int.max : configured
    }

    /// The three feeds of a list page, as (file path relative to the output root, bytes).
    func files(for listIndex: PageID, entries: [PageID]) -> [(String, String)] {
        let list = content.pages[listIndex]
        // Newest first; the hidden check (a case-insensitive parameter look-up) only until the feed is full.
        let byDate = entries.map { (index: $0, date: content.pages[$0].sortDate) }.sorted { $0.date > $1.date }
        let chosen = Array(byDate.lazy.map(\.index).filter { !(content.pages[$0].param("hiddenInRss")?.bool ?? false) }.prefix(limit))
        let title = list.kind == .home ? config.title : "\(list.title) · \(config.title)"
        let texts = [
            rss(list, title: title, entries: chosen), atom(list, title: title, entries: chosen), jsonFeed(list, title: title, entries: chosen),
        ]
        return Array(zip(paths(for: listIndex), texts))
    }

    /// The paths of a list page's three feeds (RSS, Atom, JSON Feed), relative to the output root.
    func paths(for listIndex: PageID) -> [String] {
        let list = content.pages[listIndex]
        let folder = list.outputFolder.isEmpty ? "" : list.outputFolder + "/"
        return [folder + "index.xml", folder + "atom.xml", folder + "feed.json"]
    }

    private func body(_ index: PageID) -> String {
        config.fullContentInFeeds ? rendered[index].html : rendered[index].summaryHTML
    }

    private func rss(_ list: Page, title: String, entries: [PageID]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n"
        xml += "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n"
        xml += "<title>\(XML.escape(title))</title>\n<link>\(XML.escape(config.absoluteURL(list.path)))</link>\n"
        xml += "<description>\(XML.escape(config.settings.description ?? "Recent content on \(title)"))</description>\n"
        xml += "<generator>The Tensor Collective</generator>\n<language>\(XML.escape(config.languageCode))</language>\n"
        if let copyright = config.copyright { xml += "<copyright>\(XML.escape(copyright))</copyright>\n" }
        if let newest = entries.first { xml += "<lastBuildDate>\(DateText.rfc822(content.pages[newest].sortDate))</lastBuildDate>\n" }
        xml += "<atom:link href=\"\(XML.escape(config.absoluteURL(list.path + "index.xml")))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        for index in entries {
            let page = content.pages[index]
            let url = config.absoluteURL(page.path)
            xml += "<item>\n<title>\(XML.escape(page.title))</title>\n<link>\(XML.escape(url))</link>\n"
            xml += "<pubDate>\(DateText.rfc822(page.sortDate))</pubDate>\n<guid>\(XML.escape(url))</guid>\n"
            for author in page.authors { xml += "<dc:creator xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\(XML.escape(author))</dc:creator>\n" }
            for tag in page.terms["tags"] ?? [] { xml += "<category>\(XML.escape(tag))</category>\n" }
            xml += "<description>\(XML.escape(body(index)))</description>\n</item>\n"
        }
        xml += "</channel>\n</rss>\n"
        return xml
    }

    private func atom(_ list: Page, title: String, entries: [PageID]) -> String {
        var xml =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(XML.escape(config.languageCode))\">\n"
        xml += "<title>\(XML.escape(title))</title>\n<id>\(XML.escape(config.absoluteURL(list.path)))</id>\n"
        xml += "<link href=\"\(XML.escape(config.absoluteURL(list.path)))\"/>\n"
        xml += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(XML.escape(config.absoluteURL(list.path + "atom.xml")))\"/>\n"
        let updated = entries.map { content.pages[$0].lastmod ?? content.pages[$0].sortDate }.max() ?? Date(timeIntervalSince1970: 0)
        xml += "<updated>\(DateText.iso8601(updated))</updated>\n<generator>The Tensor Collective</generator>\n"
        if let author = config.settings.feedAuthor { xml += "<author><name>\(XML.escape(author))</name></author>\n" }
        for index in entries {
            let page = content.pages[index]
            let url = config.absoluteURL(page.path)
            xml += "<entry>\n<title>\(XML.escape(page.title))</title>\n<id>\(XML.escape(url))</id>\n<link href=\"\(XML.escape(url))\"/>\n"
            xml +=
                "<published>\(DateText.iso8601(page.sortDate))</published>\n<updated>\(DateText.iso8601(page.lastmod ?? page.sortDate))</updated>\n"
            for author in page.authors { xml += "<author><name>\(XML.escape(author))</name></author>\n" }
            for tag in page.terms["tags"] ?? [] { xml += "<category term=\"\(XML.escape(tag))\"/>\n" }
            let kind = config.fullContentInFeeds ? "content" : "summary"
            xml += "<\(kind) type=\"html\">\(XML.escape(body(index)))</\(kind)>\n</entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }

    private func jsonFeed(_ list: Page, title: String, entries: [PageID]) -> String {
        var feed: [String: JSONValue] = [
            "version": .string("https://jsonfeed.org/version/1.1"),
            "title": .string(title),
            "home_page_url": .string(config.absoluteURL(list.path)),
            "feed_url": .string(config.absoluteURL(list.path + "feed.json")),
            "language": .string(config.languageCode),
        ]
        if let description = config.settings.description { feed["description"] = .string(description) }
        feed["items"] = .array(
            entries.map { index -> JSONValue in
                let page = content.pages[index]
                var item: [String: JSONValue] = [
                    "id": .string(config.absoluteURL(page.path)), "url": .string(config.absoluteURL(page.path)),
                    "title": .string(page.title), "content_html": .string(body(index)),
                    "date_published": .string(DateText.iso8601(page.sortDate)),
                    "date_modified": .string(DateText.iso8601(page.lastmod ?? page.sortDate)),
                ]
                if let description = page.description { item["summary"] = .string(description) }
                if !page.authors.isEmpty { item["authors"] = .array(page.authors.map { .object(["name": .string($0)]) }) }
                if let tags = page.terms["tags"], !tags.isEmpty { item["tags"] = .array(tags.map(JSONValue.string)) }
                return .object(item)
            })
        return JSONValue.object(feed).serialized(pretty: true) + "\n"
    }
}

/// Escaping for XML text and attributes.
enum XML {
    static func escape(_ text: String) -> String {
        HTMLText.escape(text, apostrophe: true)
    }
}
