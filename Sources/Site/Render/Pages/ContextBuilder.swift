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
    let stringsValue: TemplateValue
    /// URLs of the fingerprinted style sheet and script.
    let assets: [String: String]
    /// The site context, built once per build (it renders Markdown and converts all params).
    private var shared: Context = [:]
    /// Every page as a list entry, built once: a page appears in many lists.
    private(set) var entries: EntryTable
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
            entries = EntryTable(entries: content.pages.pageIDs.concurrentMap { [self] in makeEntry($0) })
        }
    }

    /// The context a page's list entry renders in on its own: the entry, with `site` and `t`.
    func entryContext(_ index: PageID) -> Context {
        var context = entry(index)
        context["site"] = .map(shared)
        context["t"] = stringsValue
        return context
    }

    /// Stores pages' rendered list entries (`entryHTML`), which list templates reuse; nil removes one.
    mutating func setEntryHTML(_ html: [PageID: String?]) {
        if !isKnownUniquelyReferenced(&entries) { entries = entries.copy() }
        entries.setHTML(html)
    }

    /// Takes a page's new content (same metadata, new body) and its list entry.
    mutating func update(page index: PageID, to page: Page, rendered body: RenderedContent) {
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
        let settings = config.settings
        site.set("description", settings.description)
        if !settings.hideCopyright {
            site.set("copyrightHTML", config.copyright.map { ContentRenderer.inlineHTML($0) })
        }
        site.set("author", settings.authorNames.joined(separator: ", "))
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
        site.set("socialIcons", socialIcons(settings.socialIcons))
        site["params"] = templateValue(.table(config.params))
        site.set("feedURL", config.relativeURL("/index.xml"))
        site.set("searchURL", content.pageByPath["/search/"] != nil ? config.relativeURL("/search/") : nil)
        if let archives = content.pages.first(where: { $0.layout == "archives" }) { site.set("archivesURL", config.relativeURL(archives.path)) }
        site["themeToggle"] = .bool(!settings.disableThemeToggle)
        site.set("fixedTheme", settings.fixedTheme)
        if let info = settings.homeInfo {
            var home: Context = [:]
            home.set("title", info.title)
            home.set("contentHTML", info.content.map { ContentRenderer.inlineBlockHTML($0) })
            site.set("homeInfo", home.isEmpty ? nil : home)
        }
        if let profile = settings.profile {
            var mode: Context = [:]
            mode.set("title", profile.title ?? config.title)
            mode.set("subtitle", profile.subtitle)
            mode.set("imageURL", profile.imageURL.map { $0.contains("://") ? $0 : config.rootRelativeURL($0) })
            mode.set("imageTitle", profile.imageTitle)
            mode.set(
                "buttons",
                profile.buttons.map { name, url -> Context in
                    ["name": .string(name), "url": .string(url.contains("://") ? url : config.relativeURL(Permalinks.normalize(url)))]
                })
            site["profile"] = .map(mode)
        }
        site["css"] = .string(assets["css"] ?? "")
        site["js"] = .string(assets["js"] ?? "")
        return site
    }

    private func socialIcons(_ icons: [SiteSettings.SocialIcon]) -> [Context] {
        icons.map { icon in
            [
                "name": .string(icon.name), "title": .string(icon.title), "url": .string(icon.url),
                "svg": .string(SocialIcons.svg(named: icon.name)),
            ]
        }
    }

    // MARK: Formatting

    func humanDate(_ date: Date) -> String {
        let locale = Locale(identifier: config.languageCode.replacingOccurrences(of: "-", with: "_"))
        var style = Date.FormatStyle(date: .long, time: .omitted, locale: locale)
        style.timeZone = TimeZone(identifier: "UTC")!
        return date.formatted(style)
    }

    func monthName(_ date: Date) -> String {
        let locale = Locale(identifier: config.languageCode.replacingOccurrences(of: "-", with: "_"))
        var style = Date.FormatStyle(locale: locale).month(.wide)
        style.timeZone = TimeZone(identifier: "UTC")!
        return date.formatted(style)
    }

    func isoDate(_ date: Date) -> String {
        DateText.iso8601(date)
    }

    /// A config or front matter value as templates see it.
    func templateValue(_ value: Value) -> TemplateValue {
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
