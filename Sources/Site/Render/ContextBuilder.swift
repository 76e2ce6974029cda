import Foundation

/// Builds the dictionaries that templates render: the site, a page, its lists and neighbours.
///
/// Templates see only what is set: empty strings and lists are left out, so `{{#x}}` sections
/// are shown exactly when there is something to show.
struct ContextBuilder {
    let config: SiteConfig
    private(set) var content: SiteContent
    private(set) var rendered: [RenderedContent]
    let strings: [String: String]
    /// URLs of the fingerprinted style sheet and script.
    let assets: [String: String]
    /// The site context, built once per build (it renders Markdown and converts all params).
    private var shared = ReadOnly<[String: Any]>([:])
    /// Every page as a list entry, built once: a page appears in many lists.
    private var entries = ReadOnly<[[String: Any]]>([])

    init(config: SiteConfig, content: SiteContent, rendered: [RenderedContent], strings: [String: String],
         assets: [String: String]) {
        self.config = config
        self.content = content
        self.rendered = rendered
        self.strings = strings
        self.assets = assets
        shared = ReadOnly(makeSiteContext())
        entries = ReadOnly(content.pages.indices.map(makeEntry))
    }

    /// The context a page's list entry renders in on its own: the entry, with `site` and `t`.
    func entryContext(_ index: Int) -> [String: Any] {
        var context = entry(index)
        context["site"] = shared.value
        context["t"] = strings
        return context
    }

    /// Stores pages' rendered list entries (`entryHTML`), which list templates reuse; nil removes one.
    mutating func setEntryHTML(_ html: [Int: String?]) {
        for (index, text) in html { entries.value[index]["entryHTML"] = text }
    }

    /// Takes a page's new content (same metadata, new body) and its list entry.
    mutating func update(page index: Int, to page: Page, rendered body: RenderedContent) {
        content.pages[index] = page
        rendered[index] = body
        entries.value[index] = makeEntry(index)
    }

    /// What every page shares (site title, menu, strings, assets), with the menu entry of `currentPath` marked.
    func siteContext(currentPath: String) -> [String: Any] {
        var site = shared.value
        guard let menu = site["menu"] as? [[String: Any]] else { return site }
        site["menu"] = menu.map { item -> [String: Any] in
            var item = item
            if item["path"] as? String == currentPath { item["active"] = true }
            return item
        }
        return site
    }

    private func makeSiteContext() -> [String: Any] {
        var site: [String: Any] = [:]
        site.set("title", config.title)
        site.set("baseURL", config.baseURL)
        site.set("home", config.relativeURL("/"))
        site.set("languageCode", config.languageCode)
        site["dir"] = Strings.isRightToLeft(config.languageCode) ? "rtl" : "ltr"
        site.set("description", config.param("description")?.string)
        site.set("copyrightHTML", config.copyright.map(ContentRenderer.inlineHTML))
        site.set("author", config.param("author")?.stringList.joined(separator: ", "))
        site["year"] = Calendar(identifier: .gregorian).component(.year, from: Date())
        site.set("menu", config.mainMenu.map { entry -> [String: Any] in
            let url = entry.url.contains("://") ? entry.url : config.relativeURL(Permalinks.normalize(entry.url))
            var item: [String: Any] = ["name": entry.name, "url": url]
            if !entry.url.contains("://") { item["path"] = Permalinks.normalize(entry.url) }
            return item
        })
        site.set("socialIcons", socialIcons(config.param("socialIcons")))
        site["params"] = anyValue(.table(config.params))
        site.set("feedURL", config.relativeURL("/index.xml"))
        site.set("searchURL", content.pageByPath["/search/"] != nil ? config.relativeURL("/search/") : nil)
        site["themeToggle"] = !(config.param("disableThemeToggle")?.bool ?? false)
        if let theme = config.param("defaultTheme")?.string?.lowercased(), theme == "light" || theme == "dark" {
            site["fixedTheme"] = theme
        }
        if let info = config.param("homeInfoParams") {
            var home: [String: Any] = [:]
            home.set("title", info["Title"]?.string)
            home.set("contentHTML", info["Content"]?.string.map { ContentRenderer.inlineBlockHTML($0) })
            site.set("homeInfo", home.isEmpty ? nil : home)
        }
        if let profile = config.param("profileMode"), profile["enabled"]?.bool == true {
            var mode: [String: Any] = [:]
            mode.set("title", profile["title"]?.string ?? config.title)
            mode.set("subtitle", profile["subtitle"]?.string)
            mode.set("imageURL", profile["imageUrl"]?.string.map { $0.contains("://") ? $0 : config.relativeURL($0) })
            mode.set("imageTitle", profile["imageTitle"]?.string ?? profile["title"]?.string)
            mode.set("buttons", (profile["buttons"]?.array ?? []).compactMap { button -> [String: Any]? in
                guard let name = button["name"]?.string, let url = button["url"]?.string else { return nil }
                return ["name": name, "url": url.contains("://") ? url : config.relativeURL(Permalinks.normalize(url))]
            })
            site["profile"] = mode
        }
        site["css"] = assets["css"] ?? ""
        site["js"] = assets["js"] ?? ""
        return site
    }

    /// The context of a page of any kind, with `list` entries for lists (one pager's worth).
    func pageContext(_ index: Int, pager: Pager? = nil) -> [String: Any] {
        let page = content.pages[index]
        let body = rendered[index]
        var context: [String: Any] = ["site": siteContext(currentPath: page.path), "t": strings]
        var p: [String: Any] = entry(index)
        p["entryHTML"] = nil
        p["kind"] = page.kind.rawValue
        p["is" + page.kind.rawValue.capitalized] = true
        p.set("contentHTML", body.html)
        p.set("permalink", config.absoluteURL(pager?.path ?? page.path))
        p.set("layout", page.layout)
        let showLastmod = page.lastmod.map { last in page.date.map { abs(last.timeIntervalSince($0)) > 86_400 } ?? false } ?? false
        if showLastmod, let lastmod = page.lastmod {
            p["lastmodHuman"] = humanDate(lastmod)
            p["lastmodISO"] = isoDate(lastmod)
        }
        if let lastmod = page.lastmod ?? page.date { p["modifiedISO"] = isoDate(lastmod) }
        if page.kind == .page, body.wordCount > 0 { p["wordCount"] = body.wordCount }
        let showToc = param("ShowToc", page)?.bool ?? true  // on unless turned off: long technical pages need it
        if showToc, body.toc.count > 1 || (body.toc.count == 1 && page.kind == .page) {
            p["toc"] = tocContext(body.toc)
            if param("TocOpen", page)?.bool ?? false { p["tocOpen"] = true }
        }
        if param("hidemeta", page)?.bool ?? false { p["hideMeta"] = true }
        if param("math", page)?.bool ?? false || body.hasMath { p["math"] = true }
        if let cover = page.cover, !cover.hidden, !cover.hiddenInSingle {
            let single = coverContext(cover, index: index)
            p["coverSingle"] = single
            p.set("imageURL", (single["src"] as? String).map(absoluteURL(fromSiteRelative:)))
        }
        if p["imageURL"] == nil, let image = param("images", page)?.stringList.first {
            // PaperMod's `images`: the social card of a page without a cover, or of the whole site.
            p.set("imageURL", config.absoluteURL(image))
        }
        p.set("breadcrumbs", page.kind == .home || (param("ShowBreadCrumbs", page)?.bool == false) ? [] : breadcrumbs(page))
        if page.kind == .page, !page.section.isEmpty {
            // A post; a page at the root (an about page) stands alone, without post navigation.
            p["isPost"] = true
            let (newer, older) = content.neighbours(of: index)
            if let newer { p["newer"] = link(newer) }
            if let older { p["older"] = link(older) }
            p.set("related", content.related(to: index).map(link))
            p.set("series", seriesContext(index))
            if !(param("disableShare", page)?.bool ?? false), param("ShowShareButtons", page)?.bool ?? true {
                p.set("share", shareLinks(page))
            }
        }
        if page.kind == .page { p.set("editURL", editURL(page)) }
        if let pager {
            context["list"] = listContext(pager)
        }
        if page.kind == .taxonomy, let taxonomy = page.taxonomy {
            p.set("terms", (content.taxonomyTerms[taxonomy] ?? []).map { term -> [String: Any] in
                let path = "/" + Permalinks.urlize(taxonomy) + "/" + Permalinks.urlize(term.term) + "/"
                return ["name": term.term, "url": config.relativeURL(path), "count": term.pages.count]
            })
            if taxonomy == "authors" { p["isAuthors"] = true }
        }
        if page.kind == .term, page.taxonomy == "authors" { p["isAuthor"] = true }
        if page.kind == .term, let taxonomy = config.taxonomies.first(where: { $0.plural == page.taxonomy }) {
            p["kicker"] = strings["singular." + taxonomy.singular] ?? taxonomy.singular.capitalized
        }
        if page.kind == .section || page.kind == .term || page.kind == .home {
            p["feedURL"] = config.relativeURL(page.path + "index.xml")
            p["atomURL"] = config.relativeURL(page.path + "atom.xml")
            p["jsonFeedURL"] = config.relativeURL(page.path + "feed.json")
        }
        if page.layout == "archives" { p.set("archive", archiveContext()) }
        if page.layout == "search" {
            p["isSearch"] = true
            p.set("placeholder", page.param("placeholder")?.string)
            p["searchBaseURL"] = config.relativeURL("/search/")
            p["searchScriptURL"] = assets["search"] ?? ""
        }
        p["params"] = anyValue(.table(page.params))
        context["page"] = p
        context["jsonLD"] = jsonLD(page, body: body)
        return context
    }

    /// A page as a list entry or link target.
    func entry(_ index: Int) -> [String: Any] { entries.value[index] }

    private func makeEntry(_ index: Int) -> [String: Any] {
        let page = content.pages[index]
        let body = rendered[index]
        var e: [String: Any] = [:]
        e["title"] = page.title
        e["url"] = config.relativeURL(page.path)
        e.set("description", page.description)
        e.set("summaryHTML", body.summaryHTML)
        e.set("summaryText", body.summaryText)
        if body.isTruncated { e["truncated"] = true }
        if let date = page.date {
            e["dateHuman"] = humanDate(date)
            e["dateISO"] = isoDate(date)
        }
        if page.kind == .page, body.readingMinutes > 0 { e["readingMinutes"] = body.readingMinutes }
        e.set("authors", page.authors.map { name -> [String: Any] in
            ["name": name, "url": config.relativeURL("/authors/" + Permalinks.urlize(name) + "/")]
        })
        if page.isDraft { e["draft"] = true }
        if let cover = page.cover, !cover.hidden, !cover.hiddenInList { e["cover"] = coverContext(cover, index: index) }
        var taxonomies: [[String: Any]] = []
        for taxonomy in config.taxonomies where taxonomy.plural != "authors" {
            let terms = page.terms[taxonomy.plural] ?? []
            guard !terms.isEmpty else { continue }
            let items = terms.map { term -> [String: Any] in
                ["name": term, "url": config.relativeURL("/\(Permalinks.urlize(taxonomy.plural))/\(Permalinks.urlize(term))/")]
            }
            e[taxonomy.plural] = items
            taxonomies.append(["name": strings[taxonomy.plural] ?? taxonomy.plural.capitalized, "terms": items])
        }
        e.set("taxonomies", taxonomies)
        return e
    }

    private func link(_ index: Int) -> [String: Any] {
        ["title": content.pages[index].title, "url": config.relativeURL(content.pages[index].path)]
    }

    private func param(_ name: String, _ page: Page) -> Value? {
        page.param(name) ?? config.param(name)
    }

    private func coverContext(_ cover: Cover, index: Int) -> [String: Any] {
        var c: [String: Any] = ["src": rendered[index].coverURL ?? cover.image, "alt": cover.alt ?? ""]
        c.set("caption", cover.caption.map(ContentRenderer.inlineHTML))
        return c
    }

    private func tocContext(_ entries: [TOCEntry]) -> [String: Any] {
        // Nested lists from a flat sequence of headings.
        var html = ""
        var stack: [Int] = []
        for entry in entries {
            if stack.isEmpty {
                html += "<ul>"
                stack.append(entry.level)
            } else if entry.level > stack.last! {
                html += "<ul>"
                stack.append(entry.level)
            } else {
                html += "</li>"
                while let last = stack.last, entry.level < last, stack.count > 1 {
                    html += "</ul></li>"
                    stack.removeLast()
                }
            }
            html += "<li><a href=\"#\(HTMLText.escape(entry.id))\">\(HTMLText.escape(entry.text))</a>"
        }
        if !stack.isEmpty {
            html += "</li>"
            html += String(repeating: "</ul></li>", count: stack.count - 1)
            html += "</ul>"
        }
        return ["html": html]
    }

    private func breadcrumbs(_ page: Page) -> [[String: Any]] {
        var crumbs: [[String: Any]] = [["title": strings["home"] ?? "Home", "url": config.relativeURL("/")]]
        var section = page.kind == .section ? (page.section.lastIndex(of: "/").map { String(page.section[..<$0]) } ?? "") : page.section
        var trail: [[String: Any]] = []
        while !section.isEmpty {
            if let index = content.sectionPage[section] { trail.insert(link(index), at: 0) }
            section = section.lastIndex(of: "/").map { String(section[..<$0]) } ?? ""
        }
        if page.kind == .term, let taxonomy = page.taxonomy, let index = content.pageByPath["/\(Permalinks.urlize(taxonomy))/"] {
            trail.append(link(index))
        }
        crumbs += trail
        return crumbs.count > 1 || page.kind != .section ? crumbs : []
    }

    private func seriesContext(_ index: Int) -> [[String: Any]] {
        let page = content.pages[index]
        return (page.terms["series"] ?? []).compactMap { name -> [String: Any]? in
            let key = Permalinks.urlize(name)
            guard let term = content.taxonomyTerms["series"]?.first(where: { Permalinks.urlize($0.term) == key }),
                  term.pages.count > 1 else { return nil }
            let ordered = term.pages.sorted { content.pages[$0].sortDate < content.pages[$1].sortDate }
            return [
                "name": name, "url": config.relativeURL("/series/\(key)/"),
                "pages": ordered.enumerated().map { position, other -> [String: Any] in
                    var item = link(other)
                    item["number"] = position + 1
                    if other == index { item["current"] = true }
                    return item
                },
            ]
        }
    }

    private func shareLinks(_ page: Page) -> [[String: Any]] {
        let url = config.absoluteURL(page.path).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let title = page.title.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let targets = [
            ("X", "x", "https://x.com/intent/tweet/?text=\(title)&url=\(url)"),
            ("LinkedIn", "linkedin", "https://www.linkedin.com/shareArticle?mini=true&url=\(url)&title=\(title)"),
            ("Bluesky", "bluesky", "https://bsky.app/intent/compose?text=\(title)%20\(url)"),
            ("Mastodon", "mastodon", "https://mastodonshare.com/?text=\(title)&url=\(url)"),
            ("Hacker News", "hackernews", "https://news.ycombinator.com/submitlink?t=\(title)&u=\(url)"),
            ("Email", "email", "mailto:?subject=\(title)&body=\(url)"),
        ]
        let shareOn = strings["shareOn"] ?? "Share on"
        return targets.map { name, icon, link in
            ["name": name, "url": link, "label": "\(shareOn) \(name)", "svg": SocialIcons.svg(named: icon)]
        }
    }

    private func editURL(_ page: Page) -> [String: Any]? {
        guard let edit = page.param("editPost") ?? config.param("editPost"), let base = edit["URL"]?.string,
              let file = page.sourceFile else { return nil }
        let append = edit["appendFilePath"]?.bool ?? true
        let url = append ? base + (base.hasSuffix("/") ? "" : "/") + file.dropFirst("content/".count) : base
        return ["url": url, "text": edit["Text"]?.string ?? strings["editPage"] ?? "Edit"]
    }

    private func listContext(_ pager: Pager) -> [String: Any] {
        var list: [String: Any] = [:]
        list.set("pages", pager.items.enumerated().map { position, index -> [String: Any] in
            var item = entry(index)
            if position == 0, pager.number == 1, pager.featureFirst {
                item["featured"] = true
                item["entryHTML"] = nil  // rendered in place: it looks different
            }
            return item
        })
        if pager.count > 1 {
            list["pagination"] = ["pages": pageNumbers(pager)] as [String: Any]
            if pager.number > 1 { list["prevURL"] = config.relativeURL(pager.url(pager.number - 1)) }
            if pager.number < pager.count { list["nextURL"] = config.relativeURL(pager.url(pager.number + 1)) }
        }
        return list
    }

    /// Page number links: the first, the last and two either side of the current one, with gaps
    /// between, so a list of thousands of pages still links a handful.
    private func pageNumbers(_ pager: Pager) -> [[String: Any]] {
        let shown = Set([1, pager.count] + Array(max(1, pager.number - 2)...min(pager.count, pager.number + 2)))
        var items: [[String: Any]] = []
        var previous = 0
        for number in shown.sorted() {
            if number > previous + 1 { items.append(["gap": true]) }
            var item: [String: Any] = ["number": number, "url": config.relativeURL(pager.url(number))]
            if number == pager.number { item["current"] = true }
            items.append(item)
            previous = number
        }
        return items
    }

    /// An absolute URL for a URL that is already relative to the site (it carries the base path).
    private func absoluteURL(fromSiteRelative url: String) -> String {
        guard !url.contains("://") else { return url }
        let base = config.basePath
        return config.absoluteURL(url.hasPrefix(base) ? String(url.dropFirst(base.count)) : url)
    }

    private func archiveContext() -> [[String: Any]] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let pages = content.mainPagesOrAll(config: config).filter { content.pages[$0].date != nil }
            .sorted { content.pages[$0].sortDate > content.pages[$1].sortDate }
        var years: [[String: Any]] = []
        var currentYear = -1
        var months: [[String: Any]] = []
        var currentMonth = -1
        var monthPages: [[String: Any]] = []
        func closeMonth() {
            guard currentMonth >= 0, !monthPages.isEmpty else { return }
            let date = calendar.date(from: DateComponents(year: currentYear, month: currentMonth, day: 1)) ?? Date()
            months.append(["name": monthName(date), "count": monthPages.count, "pages": monthPages])
            monthPages = []
        }
        func closeYear() {
            closeMonth()
            guard currentYear >= 0, !months.isEmpty else { return }
            let count = months.reduce(0) { $0 + (($1["count"] as? Int) ?? 0) }
            years.append(["year": currentYear, "count": count, "months": months])
            months = []
        }
        for index in pages {
            let parts = calendar.dateComponents([.year, .month], from: content.pages[index].sortDate)
            if parts.year != currentYear { closeYear(); currentYear = parts.year ?? 0; currentMonth = -1 }
            if parts.month != currentMonth { closeMonth(); currentMonth = parts.month ?? 0 }
            monthPages.append(entry(index))
        }
        closeYear()
        return years
    }

    private func socialIcons(_ value: Value?) -> [[String: Any]] {
        (value?.array ?? []).compactMap { item -> [String: Any]? in
            guard let name = item["name"]?.string, let url = item["url"]?.string else { return nil }
            return ["name": name, "title": item["title"]?.string ?? name, "url": url, "svg": SocialIcons.svg(named: name)]
        }
    }

    private func jsonLD(_ page: Page, body: RenderedContent) -> String {
        var object: [String: JSONValue] = ["@context": .string("https://schema.org")]
        if page.kind == .page {
            object["@type"] = .string("BlogPosting")
            object["headline"] = .string(page.title)
            object["mainEntityOfPage"] = .string(config.absoluteURL(page.path))
            if let date = page.date { object["datePublished"] = .string(isoDate(date)) }
            if let date = page.lastmod ?? page.date { object["dateModified"] = .string(isoDate(date)) }
            if !page.authors.isEmpty {
                object["author"] = .array(page.authors.map { .object(["@type": .string("Person"), "name": .string($0)]) })
            }
            if let description = page.description { object["description"] = .string(description) }
            if body.wordCount > 0 { object["wordCount"] = .int(body.wordCount) }
            let keywords = (page.terms["tags"] ?? []) + (page.param("keywords")?.stringList ?? [])
            if !keywords.isEmpty { object["keywords"] = .array(keywords.map(JSONValue.string)) }
        } else {
            object["@type"] = .string(page.kind == .home ? "WebSite" : "CollectionPage")
            object["name"] = .string(page.kind == .home ? config.title : page.title)
            object["url"] = .string(config.absoluteURL(page.path))
        }
        return JSONValue.object(object).serialized(inScript: true)
    }

    // MARK: Formatting

    func humanDate(_ date: Date) -> String {
        let locale = Locale(identifier: config.languageCode.replacingOccurrences(of: "-", with: "_"))
        var style = Date.FormatStyle(date: .long, time: .omitted, locale: locale)
        style.timeZone = TimeZone(identifier: "UTC")!
        return date.formatted(style)
    }

    private func monthName(_ date: Date) -> String {
        let locale = Locale(identifier: config.languageCode.replacingOccurrences(of: "-", with: "_"))
        var style = Date.FormatStyle(locale: locale).month(.wide)
        style.timeZone = TimeZone(identifier: "UTC")!
        return date.formatted(style)
    }

    func isoDate(_ date: Date) -> String {
        DateText.iso8601(date)
    }

    /// A config or front matter value as templates see it.
    private func anyValue(_ value: Value) -> Any {
        switch value {
        case .string(let s): return s
        case .int(let i): return i
        case .double(let d): return d
        case .bool(let b): return b
        case .array(let a): return a.map(anyValue)
        case .table(let t): return t.mapValues(anyValue)
        case .null: return false
        }
    }
}

/// Template values (`Any`, not `Sendable`) that threads share only to read: they are changed
/// only between renders, by the builder's owner.
private struct ReadOnly<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}

extension Dictionary where Key == String, Value == Any {
    /// Sets a value only when it carries something: nil, empty strings and empty lists are left out.
    /// A non-empty list `items` also sets `hasItems` to true.
    mutating func set(_ key: String, _ value: Any?) {
        switch value {
        case nil: return
        case let s as String where s.isEmpty: return
        case let a as [Any] where a.isEmpty: return
        case let d as [String: Any] where d.isEmpty: return
        case is [Any]:
            // Lists also get a flag, so templates can wrap them: {{#hasMenu}}<ul>…</ul>{{/hasMenu}}.
            self[key] = value
            self["has" + key.prefix(1).uppercased() + key.dropFirst()] = true
        default: self[key] = value
        }
    }
}
