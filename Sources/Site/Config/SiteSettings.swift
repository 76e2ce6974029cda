/// The site-wide `params` the built-in theme, the feeds and the renderer read (PaperMod's names;
/// docs/theme.md lists each), read once from the config into typed values. A page's own settings,
/// which its front matter can change, are ``PageSettings``. A class: every copy of a language's
/// ``SiteConfig`` (the renderer, the contexts and Go templates' page objects each hold one) shares
/// the one reading instead of copying its fields.
final class SiteSettings: Sendable {
    /// A social link of the home page and footer (`socialIcons`).
    struct SocialIcon: Sendable {
        var name: String
        var title: String
        var url: String
    }

    /// The box at the top of the home page (`homeInfoParams`).
    struct HomeInfo: Sendable {
        var title: String?
        /// Markdown.
        var content: String?
    }

    /// PaperMod's profile mode (`profileMode`, when `enabled`).
    struct Profile: Sendable {
        var title: String?
        var subtitle: String?
        var imageURL: String?
        var imageTitle: String?
        /// Each button's name and URL, as written.
        var buttons: [(name: String, url: String)]
    }

    /// `description`: the site's, for the home page and feeds.
    let description: String?
    /// `author` as written (a name, a list, maps with `name` and affiliations), for citations.
    let author: Value?
    /// The names in `author`, shown on pages that name no author of their own.
    let authorNames: [String]
    /// The first of `author` when it is a name or a list of names: the feeds' author.
    let feedAuthor: String?
    /// `citation = false` (top level or `params`): posts are not citeable unless they ask.
    let citationsOff: Bool
    /// `bibliography` (top level or `params`): one path or a list, from the site's root.
    let bibliographies: [String]
    /// `csl` (top level or `params`): a CSL style file.
    let cslFile: String?
    /// The citation style named: `csl`, else `citation-style` (top level) or `citationStyle` (`params`).
    let citationStyle: String?
    /// `footer.hideCopyright`, `footer.text` (inline Markdown), `hideCredit`, `disableScrollToTop`.
    let hideCopyright: Bool
    let footerText: String?
    let hideCredit: Bool
    let disableScrollToTop: Bool
    /// The logo label: `label.text` (else the title), `label.icon`, `label.iconSVG`, `label.iconHeight` (30).
    let labelText: String?
    let labelIcon: String?
    let labelIconSVG: String?
    let labelIconHeight: Int
    /// `assets.*`: favicons as written (paths or URLs) and colours.
    let favicon: String?
    let favicon16: String?
    let favicon32: String?
    let appleTouchIcon: String?
    let maskIcon: String?
    let themeColor: String?
    let tileColor: String?
    /// `keywords` of the site.
    let keywords: [String]?
    /// Search engine → `analytics.ENGINE.SiteVerificationTag` (google, bing, yandex, naver), non-empty only.
    let verificationTags: [String: String]
    let socialIcons: [SocialIcon]
    /// `homeInfoParams.AlignSocialIconsTo` as the theme's CSS takes it (`center` or `end`).
    let socialAlign: String?
    /// `social.fediverse_creator`.
    let fediverseCreator: String?
    /// `disableThemeToggle`, and `defaultTheme` when it fixes one (`light` or `dark`).
    let disableThemeToggle: Bool
    let fixedTheme: String?
    let homeInfo: HomeInfo?
    let profile: Profile?
    /// `disableLangToggle`, `displayFullLangName` and this language's `languageAltTitle`.
    let disableLangToggle: Bool
    let displayFullLangName: Bool
    let languageAltTitle: String?
    /// `ShowAllPagesInArchive`: the archive lists every regular page, not only the main sections'.
    let showAllPagesInArchive: Bool
    /// `disableSpecial1stPost`: the home page's first entry is not featured.
    let disableSpecial1stPost: Bool
    /// `DateFormat`: a Go layout for shown dates, when set.
    let dateFormat: String?
    /// `math.macros`: TeX macro name (with its backslash) → definition.
    let mathMacros: [String: String]
    /// `sidenotes` (top level or `params`): footnotes also show as sidenotes, unless a page says otherwise.
    let sidenotes: Bool

    /// Reads the settings from a language's `params` (and, for citations, the top level `raw`).
    init(params: [String: Value], raw: [String: Value]) {
        func value(_ path: String) -> Value? { Value.table(params).value(atPath: path) }
        func flag(_ path: String) -> Bool { value(path)?.bool ?? false }
        description = value("description")?.string
        author = value("author")
        authorNames = author?.authorNames ?? []
        feedAuthor = author?.stringList.first
        citationsOff = (raw.valueIgnoringCase("citation") ?? value("citation"))?.bool == false
        bibliographies = (raw.valueIgnoringCase("bibliography") ?? value("bibliography"))?.stringList ?? []
        cslFile = (raw.valueIgnoringCase("csl") ?? value("csl"))?.string
        citationStyle = cslFile ?? (raw.valueIgnoringCase("citation-style") ?? value("citationStyle"))?.string
        hideCopyright = flag("footer.hideCopyright")
        footerText = value("footer.text")?.string
        hideCredit = flag("hideCredit")
        disableScrollToTop = flag("disableScrollToTop")
        labelText = value("label.text")?.string
        labelIcon = value("label.icon")?.string
        labelIconSVG = value("label.iconSVG")?.string
        labelIconHeight = value("label.iconHeight")?.int ?? 30
        favicon = value("assets.favicon")?.string
        favicon16 = value("assets.favicon16x16")?.string
        favicon32 = value("assets.favicon32x32")?.string
        appleTouchIcon = value("assets.apple_touch_icon")?.string
        maskIcon = value("assets.safari_pinned_tab")?.string
        themeColor = value("assets.theme_color")?.string
        tileColor = value("assets.msapplication_TileColor")?.string
        keywords = value("keywords")?.stringList
        var tags: [String: String] = [:]
        for engine in ["google", "bing", "yandex", "naver"] {
            if let tag = value("analytics.\(engine).SiteVerificationTag")?.string, !tag.isEmpty { tags[engine] = tag }
        }
        verificationTags = tags
        socialIcons = (value("socialIcons")?.array ?? []).compactMap { item in
            guard let name = item["name"]?.string, let url = item["url"]?.string else { return nil }
            return SocialIcon(name: name, title: item["title"]?.string ?? name, url: url)
        }
        let align = value("homeInfoParams.AlignSocialIconsTo")?.string?.lowercased()
        socialAlign = align.flatMap { ["center", "right", "end"].contains($0) ? ($0 == "right" ? "end" : $0) : nil }
        fediverseCreator = value("social.fediverse_creator")?.string
        disableThemeToggle = flag("disableThemeToggle")
        let theme = value("defaultTheme")?.string?.lowercased()
        fixedTheme = theme == "light" || theme == "dark" ? theme : nil
        homeInfo = value("homeInfoParams").map { HomeInfo(title: $0["Title"]?.string, content: $0["Content"]?.string) }
        if let mode = value("profileMode"), mode["enabled"]?.bool == true {
            profile = Profile(
                title: mode["title"]?.string, subtitle: mode["subtitle"]?.string, imageURL: mode["imageUrl"]?.string,
                imageTitle: mode["imageTitle"]?.string ?? mode["title"]?.string,
                buttons: (mode["buttons"]?.array ?? []).compactMap { button in
                    guard let name = button["name"]?.string, let url = button["url"]?.string else { return nil }
                    return (name, url)
                })
        } else {
            profile = nil
        }
        disableLangToggle = flag("disableLangToggle")
        displayFullLangName = flag("displayFullLangName")
        languageAltTitle = value("languageAltTitle")?.string
        showAllPagesInArchive = flag("ShowAllPagesInArchive")
        disableSpecial1stPost = flag("disableSpecial1stPost")
        dateFormat = value("DateFormat")?.string.flatMap { $0.isEmpty ? nil : $0 }
        var macros: [String: String] = [:]
        for (name, definition) in value("math.macros")?.table ?? [:] {
            if let text = definition.string { macros[name.hasPrefix("\\") ? name : "\\" + name] = text }
        }
        mathMacros = macros
        sidenotes = (raw.valueIgnoringCase("sidenotes") ?? value("sidenotes"))?.bool ?? false
    }
}
