import Foundation
import Templating

/// PaperMod's page and site settings that the theme's templates read as ready-made flags and values
/// (docs/theme.md lists every PaperMod parameter and what the theme does with it).
extension ContextBuilder {
    /// Site settings: footer, logo label, favicons, search-engine verification, keywords.
    func addPaperModSiteParams(to site: inout Context) {
        func flag(_ name: String) -> Bool { config.param(name)?.bool ?? false }
        site["scrollToTop"] = .bool(!flag("disableScrollToTop"))
        site["showCredit"] = .bool(!flag("hideCredit"))
        site.set("footerHTML", config.param("footer.text")?.string.map { ContentRenderer.inlineHTML($0) })
        site.set("labelText", config.param("label.text")?.string ?? config.title)
        site.set("labelIcon", config.param("label.icon")?.string.map(assetURL))
        site.set("labelIconSVG", config.param("label.iconSVG")?.string)
        site["labelIconHeight"] = .int(config.param("label.iconHeight")?.int ?? 30)
        site.set("favicon", config.param("assets.favicon")?.string.map(assetURL))
        site.set("favicon16", config.param("assets.favicon16x16")?.string.map(assetURL))
        site.set("favicon32", config.param("assets.favicon32x32")?.string.map(assetURL))
        site.set("appleTouchIcon", config.param("assets.apple_touch_icon")?.string.map(assetURL))
        site.set("maskIcon", config.param("assets.safari_pinned_tab")?.string.map(assetURL))
        site.set("themeColor", config.param("assets.theme_color")?.string)
        site.set("tileColor", config.param("assets.msapplication_TileColor")?.string)
        site.set("keywords", config.param("keywords")?.stringList.joined(separator: ", "))
        let engines = [
            ("google", "google-site-verification"), ("bing", "msvalidate.01"), ("yandex", "yandex-verification"),
            ("naver", "naver-site-verification"),
        ]
        site.set(
            "verifications",
            engines.compactMap { engine, meta -> Context? in
                guard let tag = config.param("analytics.\(engine).SiteVerificationTag")?.string, !tag.isEmpty else { return nil }
                return ["name": .string(meta), "content": .string(tag)]
            })
        if let align = config.param("homeInfoParams.AlignSocialIconsTo")?.string?.lowercased(), ["center", "right", "end"].contains(align) {
            site["socialAlign"] = .string(align == "right" ? "end" : align)
        }
        site.set("fediverseCreator", config.param("social.fediverse_creator")?.string)
    }

    /// Page settings: meta line, canonical URL, robots, comments, copy buttons, keywords.
    func addPaperModPageParams(to p: inout Context, page: Page, settings: PageSettings) {
        if settings.hideMeta { p["hideMeta"] = true }
        if settings.hideAuthor { p["hideAuthor"] = true }
        if settings.hideFooter { p["hideFooter"] = true }
        if let canonical = page.param("canonicalURL")?.string, !canonical.isEmpty {
            p["canonical"] = .string(canonical)
            if settings.showCanonicalLink {
                p["canonicalNote"] = [
                    "url": .string(canonical),
                    "text": .string(settings.canonicalLinkText ?? strings["canonicalText"] ?? "Originally published at"),
                ]
            }
        } else if case .string(let permalink)? = p["permalink"] {
            p["canonical"] = .string(permalink)
        }
        if page.isDraft || page.param("robotsNoIndex")?.bool == true { p["noindex"] = true }
        if settings.comments { p["comments"] = true }
        if !settings.showCodeCopyButtons { p["noCopyButtons"] = true }
        let keywords = page.param("keywords")?.stringList ?? []
        p.set("keywords", keywords.isEmpty ? nil : keywords.joined(separator: ", "))
    }

    /// The date as the site shows it: PaperMod's `DateFormat` (a Go layout such as "January 2, 2006"),
    /// else the language's long date.
    func shownDate(_ date: Date) -> String {
        if let layout = config.param("DateFormat")?.string, !layout.isEmpty {
            return TimeObject.format(date, layout: layout)
        }
        return humanDate(date)
    }

    /// A site asset path (favicon, logo) as a URL: absolute URLs as they are, others from the site root.
    private func assetURL(_ path: String) -> String {
        path.contains("://") || path.hasPrefix("data:") ? path : config.rootRelativeURL(path.hasPrefix("/") ? path : "/" + path)
    }
}
