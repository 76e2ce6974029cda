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
    func files(for listIndex: Int, entries: [Int]) -> [(String, String)] {
        let list = content.pages[listIndex]
        let chosen = entries.filter { !(content.pages[$0].param("hiddenInRss")?.bool ?? false) }
            .sorted { content.pages[$0].sortDate > content.pages[$1].sortDate }.prefix(limit).map { $0 }
        let folder = list.outputFolder.isEmpty ? "" : list.outputFolder + "/"
        let title = list.kind == .home ? config.title : "\(list.title) · \(config.title)"
        return [
            (folder + "index.xml", rss(list, title: title, entries: chosen)),
            (folder + "atom.xml", atom(list, title: title, entries: chosen)),
            (folder + "feed.json", jsonFeed(list, title: title, entries: chosen)),
        ]
    }

    private func body(_ index: Int) -> String {
        config.fullContentInFeeds ? rendered[index].html : rendered[index].summaryHTML
    }

    private func rss(_ list: Page, title: String, entries: [Int]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n"
        xml += "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n"
        xml += "<title>\(XML.escape(title))</title>\n<link>\(XML.escape(config.absoluteURL(list.path)))</link>\n"
        xml += "<description>\(XML.escape(config.param("description")?.string ?? "Recent content on \(title)"))</description>\n"
        xml += "<generator>The Tensor Collective</generator>\n<language>\(XML.escape(config.languageCode))</language>\n"
        if let copyright = config.copyright { xml += "<copyright>\(XML.escape(copyright))</copyright>\n" }
        if let newest = entries.first { xml += "<lastBuildDate>\(rfc822(content.pages[newest].sortDate))</lastBuildDate>\n" }
        xml += "<atom:link href=\"\(XML.escape(config.absoluteURL(list.path + "index.xml")))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        for index in entries {
            let page = content.pages[index]
            let url = config.absoluteURL(page.path)
            xml += "<item>\n<title>\(XML.escape(page.title))</title>\n<link>\(XML.escape(url))</link>\n"
            xml += "<pubDate>\(rfc822(page.sortDate))</pubDate>\n<guid>\(XML.escape(url))</guid>\n"
            for author in page.authors { xml += "<dc:creator xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\(XML.escape(author))</dc:creator>\n" }
            for tag in page.terms["tags"] ?? [] { xml += "<category>\(XML.escape(tag))</category>\n" }
            xml += "<description>\(XML.escape(body(index)))</description>\n</item>\n"
        }
        xml += "</channel>\n</rss>\n"
        return xml
    }

    private func atom(_ list: Page, title: String, entries: [Int]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(XML.escape(config.languageCode))\">\n"
        xml += "<title>\(XML.escape(title))</title>\n<id>\(XML.escape(config.absoluteURL(list.path)))</id>\n"
        xml += "<link href=\"\(XML.escape(config.absoluteURL(list.path)))\"/>\n"
        xml += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(XML.escape(config.absoluteURL(list.path + "atom.xml")))\"/>\n"
        let updated = entries.map { content.pages[$0].lastmod ?? content.pages[$0].sortDate }.max() ?? Date(timeIntervalSince1970: 0)
        xml += "<updated>\(rfc3339(updated))</updated>\n<generator>The Tensor Collective</generator>\n"
        if let author = config.param("author")?.stringList.first { xml += "<author><name>\(XML.escape(author))</name></author>\n" }
        for index in entries {
            let page = content.pages[index]
            let url = config.absoluteURL(page.path)
            xml += "<entry>\n<title>\(XML.escape(page.title))</title>\n<id>\(XML.escape(url))</id>\n<link href=\"\(XML.escape(url))\"/>\n"
            xml += "<published>\(rfc3339(page.sortDate))</published>\n<updated>\(rfc3339(page.lastmod ?? page.sortDate))</updated>\n"
            for author in page.authors { xml += "<author><name>\(XML.escape(author))</name></author>\n" }
            for tag in page.terms["tags"] ?? [] { xml += "<category term=\"\(XML.escape(tag))\"/>\n" }
            let kind = config.fullContentInFeeds ? "content" : "summary"
            xml += "<\(kind) type=\"html\">\(XML.escape(body(index)))</\(kind)>\n</entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }

    private func jsonFeed(_ list: Page, title: String, entries: [Int]) -> String {
        var feed: [String: Any] = [
            "version": "https://jsonfeed.org/version/1.1",
            "title": title,
            "home_page_url": config.absoluteURL(list.path),
            "feed_url": config.absoluteURL(list.path + "feed.json"),
            "language": config.languageCode,
        ]
        if let description = config.param("description")?.string { feed["description"] = description }
        feed["items"] = entries.map { index -> [String: Any] in
            let page = content.pages[index]
            var item: [String: Any] = [
                "id": config.absoluteURL(page.path), "url": config.absoluteURL(page.path), "title": page.title,
                "content_html": body(index), "date_published": rfc3339(page.sortDate),
                "date_modified": rfc3339(page.lastmod ?? page.sortDate),
            ]
            if let description = page.description { item["summary"] = description }
            if !page.authors.isEmpty { item["authors"] = page.authors.map { ["name": $0] } }
            if let tags = page.terms["tags"], !tags.isEmpty { item["tags"] = tags }
            return item
        }
        let data = (try? JSONSerialization.data(withJSONObject: feed, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func rfc822(_ date: Date) -> String {
        let parts = Calendar.utc.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return String(format: "%@, %02d %@ %04d %02d:%02d:%02d +0000", days[(parts.weekday ?? 1) - 1], parts.day ?? 1,
                      months[(parts.month ?? 1) - 1], parts.year ?? 1970, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    private func rfc3339(_ date: Date) -> String { date.formatted(.iso8601) }
}

extension Calendar {
    /// The Gregorian calendar in UTC, for formatting dates the same on every machine.
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}

/// Escaping for XML text and attributes.
enum XML {
    static func escape(_ text: String) -> String {
        HTMLText.escape(text).replacingOccurrences(of: "'", with: "&#39;")
    }
}
