import Citations
import Foundation
import Templating
import TextUtilities

/// The context of one page: its own fields, table of contents, cover, breadcrumbs, series,
/// share links and the PaperMod settings that shape it.
extension ContextBuilder {
    /// The context of a page of any kind, with `list` entries for lists (one pager's worth).
    func pageContext(_ index: PageID, pager: Pager? = nil) -> Context {
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
        if !config.settings.disableLangToggle {
            context.set("languages", languages.switchLinks(of: index).map { $0.mapValues(TemplateValue.string) })
        }
        context["page"] = .map(p)
        context["jsonLD"] = .string(jsonLD(page, body: body))
        return context
    }

    /// Whether footnotes also show as sidenotes: `sidenotes: true` in the page's front matter, else the site's
    /// config (or `params`).
    func sidenotes(_ page: Page) -> Bool {
        page.param("sidenotes").map { $0.bool ?? false } ?? config.settings.sidenotes
    }

    /// A citeable page's meta tags, byline details, BibTeX and formatted reference.
    func scholarlyContext(_ article: ArticleCitation) -> Context {
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

    /// True for a menu URL on another host than the site's (it gets an external-link mark).
    func isExternal(_ url: String) -> Bool {
        guard url.contains("://") || url.hasPrefix("//"), let host = URL(string: url.hasPrefix("//") ? "https:" + url : url)?.host?.lowercased()
        else {
            return false
        }
        return host != URL(string: config.siteBaseURL)?.host?.lowercased()
    }

    func link(_ index: PageID) -> Context {
        ["title": .string(content.pages[index].title), "url": .string(config.relativeURL(content.pages[index].path))]
    }

    /// The cover as templates see it; nil when its file is missing (the build has warned), so no empty box shows.
    func coverContext(_ cover: Cover, index: PageID) -> Context? {
        guard let url = rendered[index].coverURL else { return nil }
        var c: Context = ["src": .string(url), "alt": .string(cover.alt ?? "")]
        c.set("caption", cover.caption.map { ContentRenderer.inlineHTML($0) })
        return c
    }

    /// The table of contents as the recursive `toc-list` partial draws it: `items`, each with the
    /// heading's `id` and `text` (escaped here, as the rest of the page escapes text) and `nested`,
    /// the items one level down or false. A heading deeper than the one before opens one level
    /// whatever its depth; one shallower closes levels down to its own (never the first).
    func tocContext(_ entries: [TOCEntry]) -> Context {
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

    func breadcrumbs(_ page: Page) -> [Context] {
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

    func seriesContext(_ index: PageID) -> [Context] {
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
    func shareLinks(_ page: Page, only: [String]? = nil) -> [Context] {
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

    func editURL(_ page: Page) -> Context? {
        guard let edit = page.param("editPost") ?? config.param("editPost"), let base = edit["URL"]?.string,
            let file = page.sourceFile
        else { return nil }
        let append = edit["appendFilePath"]?.bool ?? true
        let url = append ? base + (base.hasSuffix("/") ? "" : "/") + config.contentPath(ofSource: file) : base
        return ["url": .string(url), "text": .string(edit["Text"]?.string ?? strings["editPage"] ?? "Edit")]
    }
}
