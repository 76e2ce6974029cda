import Foundation
import Templating

/// PaperMod's page and site settings that the theme's templates read as ready-made flags and values
/// (docs/theme.md lists every PaperMod parameter and what the theme does with it).
extension ContextBuilder {
    /// Site settings: footer, logo label, favicons, search-engine verification, keywords.
    func addPaperModSiteParams(to site: inout Context) {
        let settings = config.settings
        site["scrollToTop"] = .bool(!settings.disableScrollToTop)
        site["showCredit"] = .bool(!settings.hideCredit)
        site.set("footerHTML", settings.footerText.map { ContentRenderer.inlineHTML($0) })
        site.set("labelText", settings.labelText ?? config.title)
        site.set("labelIcon", settings.labelIcon.map(assetURL))
        site.set("labelIconSVG", settings.labelIconSVG)
        site["labelIconHeight"] = .int(settings.labelIconHeight)
        site.set("favicon", settings.favicon.map(assetURL))
        site.set("favicon16", settings.favicon16.map(assetURL))
        site.set("favicon32", settings.favicon32.map(assetURL))
        site.set("appleTouchIcon", settings.appleTouchIcon.map(assetURL))
        site.set("maskIcon", settings.maskIcon.map(assetURL))
        site.set("themeColor", settings.themeColor)
        site.set("tileColor", settings.tileColor)
        site.set("keywords", settings.keywords?.joined(separator: ", "))
        let engines = [
            ("google", "google-site-verification"), ("bing", "msvalidate.01"), ("yandex", "yandex-verification"),
            ("naver", "naver-site-verification"),
        ]
        site.set(
            "verifications",
            engines.compactMap { engine, meta -> Context? in
                settings.verificationTags[engine].map { ["name": .string(meta), "content": .string($0)] }
            })
        site.set("socialAlign", settings.socialAlign)
        site.set("fediverseCreator", settings.fediverseCreator)
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
        if let layout = config.settings.dateFormat {
            return TimeObject.format(date, layout: layout)
        }
        return humanDate(date)
    }

    /// A site asset path (favicon, logo) as a URL: absolute URLs as they are, others from the site root.
    private func assetURL(_ path: String) -> String {
        path.contains("://") || path.hasPrefix("data:") ? path : config.rootRelativeURL(path.hasPrefix("/") ? path : "/" + path)
    }
}
