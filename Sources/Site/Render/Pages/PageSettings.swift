/// PaperMod's per-page settings as the theme reads them (docs/theme.md lists each): the page's
/// front matter, else the site's `params`, read once into typed values with PaperMod's defaults.
struct PageSettings {
    /// `ShowWordCount` (on unless turned off).
    var showWordCount = true
    /// `ShowToc` (on unless turned off: long technical pages need it) and `TocOpen`.
    var showToc = true
    var tocOpen = false
    /// `math`: the page asks for math even when none was found.
    var math = false
    /// `images`: the first is the page's image for link previews when it has no cover.
    var images: [String] = []
    /// `ShowBreadCrumbs`, `ShowPostNavLinks`, `ShowReadingTime` (on unless turned off).
    var showBreadCrumbs = true
    var showPostNavLinks = true
    var showReadingTime = true
    /// `ShowShareButtons` unless `disableShare`; `ShareButtons` picks the services.
    var showShareButtons = true
    var shareButtons: [String]?
    /// `editPost.disabled`.
    var editLinkDisabled = false
    /// `ShowRssButtonInSectionTermList = false` hides a list's feed icon.
    var hideFeedIcon = false
    /// `hideSummary`, `hideMeta`, `hideAuthor`, `hideFooter`.
    var hideSummary = false
    var hideMeta = false
    var hideAuthor = false
    var hideFooter = false
    /// `cover.hidden`, and `cover.hiddenInList` / `cover.hiddenInSingle`.
    var coverHiddenInList = false
    var coverHiddenInSingle = false
    /// `comments`, `ShowCodeCopyButtons` (on unless turned off).
    var comments = false
    var showCodeCopyButtons = true
    /// `ShowCanonicalLink` and its `CanonicalLinkText`.
    var showCanonicalLink = false
    var canonicalLinkText: String?

    init(page: Page, config: SiteConfig) {
        func value(_ name: String) -> Value? { Value.table(page.params).value(atPath: name) ?? config.param(name) }
        func flag(_ name: String, _ fallback: Bool) -> Bool { value(name)?.bool ?? fallback }
        showWordCount = flag("ShowWordCount", true)
        showToc = flag("ShowToc", true)
        tocOpen = flag("TocOpen", false)
        math = flag("math", false)
        images = value("images")?.stringList ?? []
        showBreadCrumbs = value("ShowBreadCrumbs")?.bool != false
        showPostNavLinks = flag("ShowPostNavLinks", true)
        showReadingTime = flag("ShowReadingTime", true)
        showShareButtons = !flag("disableShare", false) && flag("ShowShareButtons", true)
        shareButtons = value("ShareButtons")?.stringList
        editLinkDisabled = flag("editPost.disabled", false)
        hideFeedIcon = value("ShowRssButtonInSectionTermList")?.bool == false
        hideSummary = flag("hideSummary", false)
        hideMeta = flag("hideMeta", false)
        hideAuthor = flag("hideAuthor", false)
        hideFooter = flag("hideFooter", false)
        let coverHidden = flag("cover.hidden", false)
        coverHiddenInList = coverHidden || flag("cover.hiddenInList", false)
        coverHiddenInSingle = coverHidden || flag("cover.hiddenInSingle", false)
        comments = flag("comments", false)
        showCodeCopyButtons = value("ShowCodeCopyButtons")?.bool != false
        showCanonicalLink = flag("ShowCanonicalLink", false)
        canonicalLinkText = value("CanonicalLinkText")?.string
    }
}
