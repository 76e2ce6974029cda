import Citations
import Foundation
import Templating
import TextUtilities

/// Builds the dictionaries that templates render: the site, a page, its lists and neighbours.
///
/// Templates see only what is set: empty strings and lists are left out, so `{{#x}}` sections
/// are shown exactly when there is something to show.
struct ContextBuilder {
    let config: SiteConfig
    private(set) var content: SiteContent
    private(set) var rendered: [RenderedContent]
    let strings: [String: String]
    /// `strings` as templates see them (`t`).
    private let stringsValue: TemplateValue
    /// URLs of the fingerprinted style sheet and script.
    let assets: [String: String]
    /// The site context, built once per build (it renders Markdown and converts all params).
    private var shared: Context = [:]
    /// Every page as a list entry, built once: a page appears in many lists.
    private var entries: EntryTable
    /// Each page's related pages (they depend on terms only, which an edit of a body keeps).
    let related: RelatedPages
    /// Links to the other languages' pages (none on a site of one language).
    var languages = LanguageContext()
    /// The site's citation style, for the "Cite this article" block.
    var citationStyle: StyleChoice = .builtIn(.authorYear)

    /// `related`: the pages' related pages when known (the build cache's), else worked out here.
    /// With `lazyEntries`, a page's list entry is made when first needed (a build that renders few
    /// pages), else all are made at once.
    init(
        config: SiteConfig, content: SiteContent, rendered: [RenderedContent], strings: [String: String],
        assets: [String: String], related: RelatedPages? = nil, lazyEntries: Bool = false
    ) {
        self.config = config
        self.content = content
        self.rendered = rendered
        self.strings = strings
        stringsValue = .map(strings.mapValues(TemplateValue.string))
        self.assets = assets
        self.related = related ?? RelatedPages(content)
        entries = EntryTable(count: content.pages.count)
        shared = makeSiteContext()
        if !lazyEntries {
            entries = EntryTable(entries: Array(content.pages.indices).concurrentMap { [self] in makeEntry($0) })
        }
    }

    /// The context a page's list entry renders in on its own: the entry, with `site` and `t`.
    func entryContext(_ index: Int) -> Context {
        var context = entry(index)
        context["site"] = .map(shared)
        context["t"] = stringsValue
        return context
    }

    /// Stores pages' rendered list entries (`entryHTML`), which list templates reuse; nil removes one.
    mutating func setEntryHTML(_ html: [Int: String?]) {
        if !isKnownUniquelyReferenced(&entries) { entries = entries.copy() }
        entries.setHTML(html)
    }

    /// Takes a page's new content (same metadata, new body) and its list entry.
    mutating func update(page index: Int, to page: Page, rendered body: RenderedContent) {
        content.pages[index] = page
        rendered[index] = body
        if !isKnownUniquelyReferenced(&entries) { entries = entries.copy() }
        entries.remove(index)
    }

    /// What every page shares (site title, menu, strings, assets), with the menu entry of `currentPath` marked.
    func siteContext(currentPath: String) -> Context {
        var site = shared
        guard case .list(let menu)? = site["menu"] else { return site }
        site["menu"] = .list(
            menu.map { item -> TemplateValue in
                guard item["path"] == .string(currentPath) else { return item }
                var item = item
                item["active"] = true
                return item
            })
        return site
    }

    private func makeSiteContext() -> Context {
        var site: Context = [:]
        site.set("title", config.title)
        site.set("baseURL", config.baseURL)
        site.set("home", config.relativeURL("/"))
        site.set("languageCode", config.languageCode)
        site["dir"] = config.isRightToLeft ? "rtl" : "ltr"
        site.set("description", config.param("description")?.string)
        if !(config.param("footer.hideCopyright")?.bool ?? false) {
            site.set("copyrightHTML", config.copyright.map { ContentRenderer.inlineHTML($0) })
        }
        site.set("author", config.param("author")?.authorNames.joined(separator: ", "))
        addPaperModSiteParams(to: &site)
        site["year"] = .int(Calendar(identifier: .gregorian).component(.year, from: Date()))
        site.set(
            "menu",
            config.mainMenu.map { entry -> Context in
                let url = entry.url.contains("://") ? entry.url : config.relativeURL(Permalinks.normalize(entry.url))
                var item: Context = ["name": .string(entry.name), "url": .string(url)]
                if !entry.url.contains("://") { item["path"] = .string(Permalinks.normalize(entry.url)) }
                if isExternal(entry.url) { item["external"] = true }
                return item
            })
        site.set("socialIcons", socialIcons(config.param("socialIcons")))
        site["params"] = templateValue(.table(config.params))
        site.set("feedURL", config.relativeURL("/index.xml"))
        site.set("searchURL", content.pageByPath["/search/"] != nil ? config.relativeURL("/search/") : nil)
        if let archives = content.pages.first(where: { $0.layout == "archives" }) { site.set("archivesURL", config.relativeURL(archives.path)) }
        site["themeToggle"] = .bool(!(config.param("disableThemeToggle")?.bool ?? false))
        if let theme = config.param("defaultTheme")?.string?.lowercased(), theme == "light" || theme == "dark" {
            site["fixedTheme"] = .string(theme)
        }
        if let info = config.param("homeInfoParams") {
            var home: Context = [:]
            home.set("title", info["Title"]?.string)
            home.set("contentHTML", info["Content"]?.string.map { ContentRenderer.inlineBlockHTML($0) })
            site.set("homeInfo", home.isEmpty ? nil : home)
        }
        if let profile = config.param("profileMode"), profile["enabled"]?.bool == true {
            var mode: Context = [:]
            mode.set("title", profile["title"]?.string ?? config.title)
            mode.set("subtitle", profile["subtitle"]?.string)
            mode.set("imageURL", profile["imageUrl"]?.string.map { $0.contains("://") ? $0 : config.rootRelativeURL($0) })
            mode.set("imageTitle", profile["imageTitle"]?.string ?? profile["title"]?.string)
            mode.set(
                "buttons",
                (profile["buttons"]?.array ?? []).compactMap { button -> Context? in
                    guard let name = button["name"]?.string, let url = button["url"]?.string else { return nil }
                    return ["name": .string(name), "url": .string(url.contains("://") ? url : config.relativeURL(Permalinks.normalize(url)))]
                })
            site["profile"] = .map(mode)
        }
        site["css"] = .string(assets["css"] ?? "")
        site["js"] = .string(assets["js"] ?? "")
        return site
    }

    /// The context of a page of any kind, with `list` entries for lists (one pager's worth).
    func pageContext(_ index: Int, pager: Pager? = nil) -> Context {
        let page = content.pages[index]
        let body = rendered[index]
        let settings = PageSettings(page: page, config: config)
        var context: Context = ["site": .map(siteContext(currentPath: page.path)), "t": stringsValue]
        var p: Context = entry(index)
        p["entryHTML"] = nil
        p["kind"] = .string(page.kind.rawValue)
        p["is" + page.kind.rawValue.capitalized] = true
        p.set("contentHTML", page.kind == .page && sidenotes(page) ? Sidenotes.apply(body.html) : body.html)
        p.set("permalink", config.absoluteURL(pager?.path ?? page.path))
        p.set("layout", page.layout)
        let showLastmod = page.lastmod.map { last in page.date.map { abs(last.timeIntervalSince($0)) > 86_400 } ?? false } ?? false
        if showLastmod, let lastmod = page.lastmod {
            p["lastmodHuman"] = .string(shownDate(lastmod))
            p["lastmodISO"] = .string(isoDate(lastmod))
        }
        if let lastmod = page.lastmod ?? page.date { p["modifiedISO"] = .string(isoDate(lastmod)) }
        if page.kind == .page, body.wordCount > 0, settings.showWordCount { p["wordCount"] = .int(body.wordCount) }
        if settings.showToc, body.toc.count > 1 || (body.toc.count == 1 && page.kind == .page) {
            p["toc"] = .map(tocContext(body.toc))
            if settings.tocOpen { p["tocOpen"] = true }
        }
        addPaperModPageParams(to: &p, page: page, settings: settings)
        if settings.math || body.hasMath { p["math"] = true }
        if let cover = page.cover, !settings.coverHiddenInSingle, let single = coverContext(cover, index: index) {
            p["coverSingle"] = .map(single)
            if case .string(let src)? = single["src"] { p.set("imageURL", absoluteURL(fromSiteRelative: src)) }
        }
        if p["imageURL"] == nil, let image = settings.images.first {
            // PaperMod's `images`: the social card of a page without a cover, or of the whole site.
            p.set("imageURL", config.rootAbsoluteURL(image))
        }
        p.set("breadcrumbs", page.kind == .home || !settings.showBreadCrumbs ? [] : breadcrumbs(page))
        if page.kind == .page, !page.section.isEmpty {
            // A post; a page at the root (an about page) stands alone, without post navigation.
            p["isPost"] = true
            if settings.showPostNavLinks {
                let (newer, older) = content.neighbours(of: index)
                if let newer { p["newer"] = .map(link(newer)) }
                if let older { p["older"] = .map(link(older)) }
            }
            p.set("related", related[index].map(link))
            p.set("series", seriesContext(index))
            if settings.showShareButtons {
                p.set("share", shareLinks(page, only: settings.shareButtons))
            }
        }
        if page.kind == .page, !settings.editLinkDisabled { p.set("editURL", editURL(page)) }
        if let pager {
            context["list"] = .map(listContext(pager))
        }
        if page.kind == .taxonomy, let taxonomy = page.taxonomy {
            p.set(
                "terms",
                (content.taxonomyTerms[taxonomy] ?? []).map { term -> Context in
                    let path = "/" + Permalinks.urlize(taxonomy) + "/" + Permalinks.urlize(term.term) + "/"
                    return ["name": .string(term.term), "url": .string(config.relativeURL(path)), "count": .int(term.pages.count)]
                })
            if taxonomy == "authors" { p["isAuthors"] = true }
        }
        if page.kind == .term, page.taxonomy == "authors" { p["isAuthor"] = true }
        if page.kind == .term, let taxonomy = config.taxonomies.first(where: { $0.plural == page.taxonomy }) {
            p["kicker"] = .string(strings["singular." + taxonomy.singular] ?? taxonomy.singular.capitalized)
        }
        if page.kind == .section || page.kind == .term || page.kind == .home {
            // PaperMod's ShowRssButtonInSectionTermList: the feed icon shows unless turned off; the <link>s stay.
            if page.kind != .home, settings.hideFeedIcon { p["hideFeedIcon"] = true }
            p["feedURL"] = .string(config.relativeURL(page.path + "index.xml"))
            p["atomURL"] = .string(config.relativeURL(page.path + "atom.xml"))
            p["jsonFeedURL"] = .string(config.relativeURL(page.path + "feed.json"))
        }
        if page.layout == "archives" { p.set("archive", archiveContext()) }
        if page.layout == "search" {
            p["isSearch"] = true
            p.set("placeholder", page.param("placeholder")?.string)
            p["searchBaseURL"] = .string(config.relativeURL("/search/"))
            p["searchScriptURL"] = .string(assets["search"] ?? "")
        }
        if let article = ArticleCitation(page: page, config: config) { p["scholarly"] = .map(scholarlyContext(article)) }
        p["params"] = templateValue(.table(page.params))
        p.set("translations", languages.alternates(of: index).map { $0.mapValues(TemplateValue.string) })
        if !(config.param("disableLangToggle")?.bool ?? false) {
            context.set("languages", languages.switchLinks(of: index).map { $0.mapValues(TemplateValue.string) })
        }
        context["page"] = .map(p)
        context["jsonLD"] = .string(jsonLD(page, body: body))
        return context
    }

    /// Whether footnotes also show as sidenotes: `sidenotes: true` in the page's front matter, else the site's
    /// config (or `params`).
    private func sidenotes(_ page: Page) -> Bool {
        (page.param("sidenotes") ?? config.raw.valueIgnoringCase("sidenotes") ?? config.param("sidenotes"))?.bool ?? false
    }

    /// A citeable page's meta tags, byline details, BibTeX and formatted reference.
    private func scholarlyContext(_ article: ArticleCitation) -> Context {
        var c: Context = [:]
        c.set("meta", article.metaTags.map { ["name": .string($0.name), "content": .string($0.content)] })
        c.set("citeAs", article.citeAs)
        c.set("bibtex", article.bibTeX)
        c.set("reference", article.formatted(in: citationStyle))
        if article.authors.contains(where: { !$0.affiliations.isEmpty || $0.orcid != nil }) {
            c.set(
                "authors",
                article.authors.map { author -> Context in
                    var a: Context = ["name": .string(author.name)]
                    a.set("affiliation", author.affiliations.joined(separator: "; "))
                    a.set("orcid", author.orcid)
                    a.set("orcidURL", author.orcidURL)
                    return a
                })
        }
        return c
    }

    /// A page as a list entry or link target.
    func entry(_ index: Int) -> Context { entries.entry(index) { makeEntry(index) } }

    private func makeEntry(_ index: Int) -> Context {
        let page = content.pages[index]
        let body = rendered[index]
        let settings = PageSettings(page: page, config: config)
        var e: Context = [:]
        e["title"] = .string(page.title)
        e["url"] = .string(config.relativeURL(page.path))
        e.set("description", page.description)
        e.set("summaryHTML", body.summaryHTML)
        e.set("summaryText", body.summaryText)
        if body.isTruncated {
            e["truncated"] = true
            // "…" only where the text stops mid-sentence: never after a sentence's end or a "…" already there.
            if let last = body.summaryText.last, !".!?。！？…:;".contains(last) { e["ellipsis"] = true }
        }
        if let date = page.date {
            e["dateHuman"] = .string(shownDate(date))
            e["dateISO"] = .string(isoDate(date))
        }
        if page.kind == .page, body.readingMinutes > 0, settings.showReadingTime {
            e["readingMinutes"] = .int(body.readingMinutes)
        }
        if settings.hideSummary { e["hideSummary"] = true }
        if settings.hideMeta { e["hideMeta"] = true }
        if settings.hideAuthor { e["hideAuthor"] = true }
        e.set(
            "authors",
            page.authors.map { name -> Context in
                // `authorURL` too: a template testing `url` would find the page's own URL for an author without one.
                let url = TemplateValue.string(config.relativeURL("/authors/" + Permalinks.urlize(name) + "/"))
                return ["name": .string(name), "url": url, "authorURL": url]
            })
        if page.authors.isEmpty, page.kind == .page {
            // PaperMod shows the site's `author` on pages that name none (no author page to link).
            e.set("authors", (config.param("author")?.authorNames ?? []).map { ["name": .string($0)] })
        }
        if page.isDraft { e["draft"] = true }
        if let cover = page.cover, !settings.coverHiddenInList, let context = coverContext(cover, index: index) {
            e["cover"] = .map(context)
        }
        var taxonomies: [Context] = []
        for taxonomy in config.taxonomies where taxonomy.plural != "authors" {
            let terms = page.terms[taxonomy.plural] ?? []
            guard !terms.isEmpty else { continue }
            let items = TemplateValue.list(
                terms.map { term -> TemplateValue in
                    ["name": .string(term), "url": .string(config.relativeURL("/\(Permalinks.urlize(taxonomy.plural))/\(Permalinks.urlize(term))/"))]
                })
            e[taxonomy.plural] = items
            taxonomies.append(["name": .string(strings[taxonomy.plural] ?? taxonomy.plural.capitalized), "terms": items])
        }
        e.set("taxonomies", taxonomies)
        return e
    }

    /// True for a menu URL on another host than the site's (it gets an external-link mark).
    private func isExternal(_ url: String) -> Bool {
        guard url.contains("://") || url.hasPrefix("//"), let host = URL(string: url.hasPrefix("//") ? "https:" + url : url)?.host?.lowercased()
        else {
            return false
        }
        return host != URL(string: config.siteBaseURL)?.host?.lowercased()
    }

    private func link(_ index: Int) -> Context {
        ["title": .string(content.pages[index].title), "url": .string(config.relativeURL(content.pages[index].path))]
    }

    /// The cover as templates see it; nil when its file is missing (the build has warned), so no empty box shows.
    private func coverContext(_ cover: Cover, index: Int) -> Context? {
        guard let url = rendered[index].coverURL else { return nil }
        var c: Context = ["src": .string(url), "alt": .string(cover.alt ?? "")]
        c.set("caption", cover.caption.map { ContentRenderer.inlineHTML($0) })
        return c
    }

    /// The table of contents as the recursive `toc-list` partial draws it: `items`, each with the
    /// heading's `id` and `text` (escaped here, as the rest of the page escapes text) and `nested`,
    /// the items one level down or false. A heading deeper than the one before opens one level
    /// whatever its depth; one shallower closes levels down to its own (never the first).
    private func tocContext(_ entries: [TOCEntry]) -> Context {
        var open: [(level: Int, items: [TemplateValue])] = []
        func closeLevel() {
            let closed = open.removeLast()
            guard case .map(var parent)? = open[open.count - 1].items.last else { return }
            parent["nested"] = .map(["items": .list(closed.items)])
            open[open.count - 1].items[open[open.count - 1].items.count - 1] = .map(parent)
        }
        for entry in entries {
            if open.isEmpty || entry.level > open[open.count - 1].level {
                open.append((entry.level, []))
            } else {
                while open.count > 1, entry.level < open[open.count - 1].level { closeLevel() }
            }
            let item: Context = ["id": .string(HTMLText.escape(entry.id)), "text": .string(HTMLText.escape(entry.text)), "nested": false]
            open[open.count - 1].items.append(.map(item))
        }
        while open.count > 1 { closeLevel() }
        return ["items": .list(open.first?.items ?? [])]
    }

    private func breadcrumbs(_ page: Page) -> [Context] {
        var crumbs: [Context] = [["title": .string(strings["home"] ?? "Home"), "url": .string(config.relativeURL("/"))]]
        var section = page.kind == .section ? (page.section.lastIndex(of: "/").map { String(page.section[..<$0]) } ?? "") : page.section
        var trail: [Context] = []
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

    private func seriesContext(_ index: Int) -> [Context] {
        let page = content.pages[index]
        return (page.terms["series"] ?? []).compactMap { name -> Context? in
            let key = Permalinks.urlize(name)
            guard let term = content.taxonomyTerms["series"]?.first(where: { Permalinks.urlize($0.term) == key }),
                term.pages.count > 1
            else { return nil }
            let ordered = term.pages.sorted { content.pages[$0].sortDate < content.pages[$1].sortDate }
            return [
                "name": .string(name), "url": .string(config.relativeURL("/series/\(key)/")),
                "pages": .list(
                    ordered.enumerated().map { position, other -> TemplateValue in
                        var item = link(other)
                        item["number"] = .int(position + 1)
                        if other == index { item["current"] = true }
                        return .map(item)
                    }),
            ]
        }
    }

    /// Share links; `only` (PaperMod's `ShareButtons`) keeps the named ones (`x`/`twitter`,
    /// `linkedin`, `bluesky`, `mastodon`, `ycombinator`/`hackernews`, `email`).
    private func shareLinks(_ page: Page, only: [String]? = nil) -> [Context] {
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
        let aliases = ["twitter": "x", "ycombinator": "hackernews", "hn": "hackernews", "mail": "email"]
        let wanted = only.map { Set($0.map { aliases[$0.lowercased()] ?? $0.lowercased() }) }
        return targets.filter { wanted?.contains($0.1) ?? true }.map { name, icon, link in
            ["name": .string(name), "url": .string(link), "label": .string("\(shareOn) \(name)"), "svg": .string(SocialIcons.svg(named: icon))]
        }
    }

    private func editURL(_ page: Page) -> Context? {
        guard let edit = page.param("editPost") ?? config.param("editPost"), let base = edit["URL"]?.string,
            let file = page.sourceFile
        else { return nil }
        let append = edit["appendFilePath"]?.bool ?? true
        let url = append ? base + (base.hasSuffix("/") ? "" : "/") + config.contentPath(ofSource: file) : base
        return ["url": .string(url), "text": .string(edit["Text"]?.string ?? strings["editPage"] ?? "Edit")]
    }

    private func listContext(_ pager: Pager) -> Context {
        var list: Context = [:]
        list.set(
            "pages",
            pager.items.enumerated().map { position, index -> Context in
                var item = entry(index)
                if position == 0, pager.number == 1, pager.featureFirst {
                    item["featured"] = true
                    item["entryHTML"] = nil  // rendered in place: it looks different
                }
                return item
            })
        if pager.count > 1 {
            list["pagination"] = ["pages": .list(pageNumbers(pager).map(TemplateValue.map))]
            if pager.number > 1 { list["prevURL"] = .string(config.relativeURL(pager.url(pager.number - 1))) }
            if pager.number < pager.count { list["nextURL"] = .string(config.relativeURL(pager.url(pager.number + 1))) }
        }
        return list
    }

    /// Page number links: the first, the last and two either side of the current one, with gaps
    /// between, so a list of thousands of pages still links a handful.
    private func pageNumbers(_ pager: Pager) -> [Context] {
        let shown = Set([1, pager.count] + Array(max(1, pager.number - 2)...min(pager.count, pager.number + 2)))
        var items: [Context] = []
        var previous = 0
        for number in shown.sorted() {
            if number > previous + 1 { items.append(["gap": true]) }
            var item: Context = ["number": .int(number), "url": .string(config.relativeURL(pager.url(number)))]
            if number == pager.number { item["current"] = true }
            items.append(item)
            previous = number
        }
        return items
    }

    /// An absolute URL for a URL that is already relative to the site (it carries the base path).
    private func absoluteURL(fromSiteRelative url: String) -> String {
        guard !url.contains("://") else { return url }
        let base = config.siteBasePath
        return config.rootAbsoluteURL(url.hasPrefix(base) ? String(url.dropFirst(base.count)) : url)
    }

    private func archiveContext() -> [Context] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // PaperMod's ShowAllPagesInArchive: every regular page, not only the main sections'.
        let all = config.param("ShowAllPagesInArchive")?.bool ?? false
        let pages = (all ? content.regularPages : content.mainPagesOrAll(config: config)).filter { content.pages[$0].date != nil }
            .sorted { content.pages[$0].sortDate > content.pages[$1].sortDate }
        var years: [Context] = []
        var currentYear = -1
        var months: [Context] = []
        var currentMonth = -1
        var monthPages: [Context] = []
        func closeMonth() {
            guard currentMonth >= 0, !monthPages.isEmpty else { return }
            let date = calendar.date(from: DateComponents(year: currentYear, month: currentMonth, day: 1)) ?? Date()
            months.append(["name": .string(monthName(date)), "count": .int(monthPages.count), "pages": .list(monthPages.map(TemplateValue.map))])
            monthPages = []
        }
        func closeYear() {
            closeMonth()
            guard currentYear >= 0, !months.isEmpty else { return }
            let count = months.reduce(0) { total, month in
                guard case .int(let count)? = month["count"] else { return total }
                return total + count
            }
            years.append(["year": .int(currentYear), "count": .int(count), "months": .list(months.map(TemplateValue.map))])
            months = []
        }
        for index in pages {
            let parts = calendar.dateComponents([.year, .month], from: content.pages[index].sortDate)
            if parts.year != currentYear {
                closeYear()
                currentYear = parts.year ?? 0
                currentMonth = -1
            }
            if parts.month != currentMonth {
                closeMonth()
                currentMonth = parts.month ?? 0
            }
            monthPages.append(entry(index))
        }
        closeYear()
        return years
    }

    private func socialIcons(_ value: Value?) -> [Context] {
        (value?.array ?? []).compactMap { item -> Context? in
            guard let name = item["name"]?.string, let url = item["url"]?.string else { return nil }
            return [
                "name": .string(name), "title": .string(item["title"]?.string ?? name), "url": .string(url),
                "svg": .string(SocialIcons.svg(named: name)),
            ]
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
                // Affiliations and ORCID iDs of authors given as maps (`author: [{name, affiliation, orcid}]`).
                let details = Dictionary(
                    ArticleAuthor.list(page.param("authors") ?? page.param("author")).map { ($0.name, $0) },
                    uniquingKeysWith: { first, _ in first })
                object["author"] = .array(
                    page.authors.map { name in
                        var person: [String: JSONValue] = ["@type": .string("Person"), "name": .string(name)]
                        if let author = details[name] {
                            if !author.affiliations.isEmpty {
                                person["affiliation"] = .array(
                                    author.affiliations.map { .object(["@type": .string("Organization"), "name": .string($0)]) })
                            }
                            if let url = author.orcidURL { person["sameAs"] = .string(url) }
                        }
                        return .object(person)
                    })
            }
            if let description = page.description { object["description"] = .string(description) }
            if body.wordCount > 0 { object["wordCount"] = .int(body.wordCount) }
            if !body.citedWorks.isEmpty { object["citation"] = .array(body.citedWorks.map(\.jsonLD)) }
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
    private func templateValue(_ value: Value) -> TemplateValue {
        switch value {
        case .string(let s): .string(s)
        case .int(let i): .int(i)
        case .double(let d): .double(d)
        case .bool(let b): .bool(b)
        case .array(let a): .list(a.map(templateValue))
        case .table(let t): .map(t.mapValues(templateValue))
        case .null: .bool(false)
        }
    }
}

/// A template context: named values.
typealias Context = [String: TemplateValue]

extension Dictionary where Key == String, Value == TemplateValue {
    /// Sets text only when there is some: nil and empty strings are left out.
    mutating func set(_ key: String, _ text: String?) {
        guard let text, !text.isEmpty else { return }
        self[key] = .string(text)
    }

    /// Sets a map only when it has entries.
    mutating func set(_ key: String, _ map: Context?) {
        guard let map, !map.isEmpty else { return }
        self[key] = .map(map)
    }

    /// Sets a list only when it has items, and then also `hasItems` (for `key` "items") to true,
    /// so templates can wrap it: {{#hasMenu}}<ul>…</ul>{{/hasMenu}}.
    mutating func set(_ key: String, _ items: [Context]) {
        guard !items.isEmpty else { return }
        self[key] = .list(items.map(TemplateValue.map))
        self["has" + key.prefix(1).uppercased() + key.dropFirst()] = true
    }
}
