import Foundation
import Testing
@testable import Site

/// PaperMod's page and site settings have PaperMod's effect in the built-in theme (docs/theme.md
/// lists them all). Each test builds a small site that sets them as real PaperMod blogs do.
@Suite struct PaperModParamsTests {
    static func post(_ slug: String, date: String, _ front: String = "", body: String = "Some words here.") -> (String, String) {
        ("content/posts/\(slug).md", "---\ntitle: \"\(slug.capitalized)\"\ndate: \(date)\n\(front)---\n\n\(body)\n")
    }

    static func build(config: String, _ files: [(String, String)]) throws -> BuildReport {
        var all = Dictionary(uniqueKeysWithValues: files)
        all["config.yaml"] = "baseURL: https://example.org/\ntitle: Blog\n" + config
        all["static/cover.png"] = "png"
        return try SiteFixtures.build(try SiteFixtures.makeSite(all), write: false).0
    }

    static func html(_ report: BuildReport, _ path: String) throws -> String {
        try #require(report.html(at: path), "no page at \(path)")
    }

    @Test func coverHiddenSiteWideAndPerPlace() throws {
        let cover = "cover:\n  image: /cover.png\n  alt: A cover\n"
        let report = try Self.build(
            config: "params:\n  cover:\n    hiddenInList: true\n",
            [
                Self.post("listed", date: "2024-01-03", cover),
                Self.post("single-hidden", date: "2024-01-02", cover + "  hiddenInSingle: true\n"),
                Self.post("hidden", date: "2024-01-01", cover + "  hidden: true\n"),
            ])
        let list = try Self.html(report, "/posts/")
        #expect(!list.contains("entry-cover"), "site-wide cover.hiddenInList")
        #expect(try Self.html(report, "/posts/listed/").contains("<figure class=\"post-cover\">"))
        #expect(!(try Self.html(report, "/posts/single-hidden/")).contains("post-cover"))
        #expect(!(try Self.html(report, "/posts/hidden/")).contains("post-cover"))
    }

    @Test func hideSummaryHideMetaAndHideAuthorPerPage() throws {
        let report = try Self.build(
            config: "params:\n  ShowReadingTime: true\n",
            [
                Self.post("quiet", date: "2024-01-02", "hideSummary: true\nhideMeta: true\nauthor: Ada\n", body: "Quiet summary text."),
                Self.post("loud", date: "2024-01-01", "hideAuthor: true\nauthor: Bo\n", body: "Loud summary text."),
            ])
        let list = try Self.html(report, "/posts/")
        #expect(!list.contains("Quiet summary text"))
        #expect(list.contains("Loud summary text"))
        #expect(Self.count("<footer class=\"entry-meta\">", in: list) == 1, "only the loud post has a meta line")
        #expect(!list.contains(">Bo</a>"), "hideAuthor")
        let quiet = try Self.html(report, "/posts/quiet/")
        #expect(!quiet.contains("<div class=\"post-meta\">"))
        let loud = try Self.html(report, "/posts/loud/")
        #expect(loud.contains("<div class=\"post-meta\">"))
        #expect(!loud.contains("rel=\"author\""))
        #expect(loud.contains("<meta name=\"author\" content=\"Bo\">"), "the head keeps the author")
    }

    @Test func readingTimeWordCountNavAndCrumbsTurnOff() throws {
        let off = "params:\n  ShowReadingTime: false\n  ShowWordCount: false\n  ShowPostNavLinks: false\n  ShowBreadCrumbs: false\n"
        let report = try Self.build(config: off, [Self.post("a", date: "2024-01-02"), Self.post("b", date: "2024-01-01")])
        let page = try Self.html(report, "/posts/a/")
        #expect(!page.contains("min read"))
        #expect(!page.contains(" words</span>"))
        #expect(!page.contains("class=\"paginav\""))
        #expect(!page.contains("class=\"breadcrumbs\""))
        #expect(!(try Self.html(report, "/posts/")).contains("min read"))
        let on = try Self.build(config: "", [Self.post("a", date: "2024-01-02"), Self.post("b", date: "2024-01-01")])
        let shown = try Self.html(on, "/posts/a/")
        #expect(shown.contains("min read") && shown.contains(" words</span>") && shown.contains("class=\"paginav\""))
    }

    @Test func shareButtonsListAndCopyButtonsOff() throws {
        let report = try Self.build(
            config: "params:\n  ShowShareButtons: true\n  ShareButtons: [linkedin, ycombinator]\n  ShowCodeCopyButtons: false\n",
            [Self.post("a", date: "2024-01-01")])
        let page = try Self.html(report, "/posts/a/")
        #expect(page.contains("Share on LinkedIn"))
        #expect(page.contains("Share on Hacker News"))
        #expect(!page.contains("Share on X"))
        #expect(!page.contains("Share on Email"))
        #expect(page.contains("data-copy-buttons=\"off\""))
        #expect((DefaultTheme.assets["script.js"] ?? "").contains("body.dataset.copyButtons !== \"off\""))
    }

    @Test func canonicalRobotsCommentsAndAnchors() throws {
        let report = try Self.build(
            config: "params:\n  disableAnchoredHeadings: true\n",
            [
                Self.post("moved", date: "2024-01-03", "canonicalURL: https://elsewhere.example/first/\nShowCanonicalLink: true\n"),
                Self.post("private", date: "2024-01-02", "robotsNoIndex: true\ncomments: true\n", body: "## A heading\n\nText."),
            ])
        let moved = try Self.html(report, "/posts/moved/")
        #expect(moved.contains("<link rel=\"canonical\" href=\"https://elsewhere.example/first/\">"))
        #expect(moved.contains("<p class=\"canonical-note\">Originally published at <a href=\"https://elsewhere.example/first/\""))
        #expect(!moved.contains("name=\"robots\""))
        let hidden = try Self.html(report, "/posts/private/")
        #expect(hidden.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"))
        #expect(hidden.contains("<link rel=\"canonical\" href=\"https://example.org/posts/private/\">"))
        #expect(hidden.contains("<h2 id=\"a-heading\">A heading</h2>"), "disableAnchoredHeadings")
        #expect(!hidden.contains("class=\"anchor\""))
        #expect(report.lines.allSatisfy { !$0.contains("comments") }, "the theme ships an empty comments partial: \(report.lines)")
        let withPartial = try SiteFixtures.build(
            try SiteFixtures.makeSite([
                "content/posts/p.md": "---\ntitle: P\ndate: 2024-01-01\ncomments: true\n---\n\nText.\n",
                "layouts/partials/comments.mustache": "<section class=\"comments\">Talk here</section>\n",
            ]), write: false
        ).0
        #expect(try Self.html(withPartial, "/posts/p/").contains("<section class=\"comments\">Talk here</section>"))
    }

    @Test func hiddenInHomeListAndSearchHidden() throws {
        let report = try Self.build(
            config: "",
            [
                Self.post("shown", date: "2024-01-02"),
                Self.post("tucked", date: "2024-01-03", "hiddenInHomeList: true\nsearchHidden: true\n"),
                ("content/search.md", "---\ntitle: Search\nlayout: search\n---\n"),
            ])
        #expect(!(try Self.html(report, "/")).contains("/posts/tucked/"))
        #expect(try Self.html(report, "/posts/").contains("/posts/tucked/"), "still in its section")
        let index = report.files.filter { $0.key.hasPrefix("search/") && $0.key.hasSuffix(".js") }.values
            .map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(index.contains("/posts/shown/"))
        #expect(!index.contains("/posts/tucked/"), "searchHidden")
    }

    @Test func siteSettingsForFooterHeaderAndHead() throws {
        let config = """
            copyright: "© Blog"
            params:
              hideFooter: false
              disableScrollToTop: true
              footer:
                text: "Made with *care*"
                hideCopyright: true
              label:
                text: "My Label"
                icon: /logo.png
                iconHeight: 24
              assets:
                favicon: /fav.ico
                favicon32x32: /fav-32.png
                apple_touch_icon: /touch.png
                theme_color: "#123456"
              analytics:
                google:
                  SiteVerificationTag: abc123
              keywords: [ml, science]
              DateFormat: "2 Jan 2006"
              disableThemeToggle: true
              defaultTheme: light
              ShowFullTextinRSS: true
              homeInfoParams:
                Title: Hi
                Content: Welcome.
                AlignSocialIconsTo: center
              socialIcons:
                - name: github
                  url: https://github.com/example

            """
        let report = try Self.build(config: config, [Self.post("a", date: "2024-03-05", body: "The full text of the post.")])
        let home = try Self.html(report, "/")
        #expect(home.contains("<p>Made with <em>care</em></p>"))
        #expect(!home.contains("© Blog"))
        #expect(!home.contains("class=\"top-link\""))
        #expect(home.contains("<img class=\"logo-icon\" src=\"/logo.png\" alt=\"\" height=\"24\">My Label</a>"))
        #expect(home.contains("<link rel=\"icon\" href=\"/fav.ico\">"))
        #expect(home.contains("<link rel=\"icon\" type=\"image/png\" sizes=\"32x32\" href=\"/fav-32.png\">"))
        #expect(home.contains("<link rel=\"apple-touch-icon\" href=\"/touch.png\">"))
        #expect(home.contains("<meta name=\"theme-color\" content=\"#123456\">"))
        #expect(home.contains("<meta name=\"google-site-verification\" content=\"abc123\">"))
        #expect(home.contains("<meta name=\"keywords\" content=\"ml, science\">"))
        #expect(home.contains("<time datetime=\"2024-03-05T00:00:00Z\">5 Mar 2024</time>"))
        #expect(home.contains("<html lang=\"en\" dir=\"ltr\" data-theme=\"light\">") || home.contains("data-theme=\"light\""))
        #expect(!home.contains("class=\"theme-toggle\""))
        #expect(home.contains("<ul class=\"social-icons align-center\">"))
        let feed = try #require(report.files["index.xml"].map { String(decoding: $0, as: UTF8.self) })
        #expect(feed.contains("The full text of the post."), "ShowFullTextinRSS")
    }

    @Test func archiveOfAllPagesAndAuthorForms() throws {
        let report = try Self.build(
            config: "mainSections: [posts]\nparams:\n  ShowAllPagesInArchive: true\n  author: {name: Site Owner, photo: /me.png}\n",
            [
                Self.post("a", date: "2024-01-01", "author:\n  name: Ada Lin\n  photo: /ada.png\n"),
                Self.post("b", date: "2024-01-02", "author: [{name: Bo Chen}, Cy Dee]\n"),
                ("content/notes/n.md", "---\ntitle: Note\ndate: 2024-01-03\n---\n\nA note.\n"),
                ("content/archives.md", "---\ntitle: Archives\nlayout: archives\n---\n"),
            ])
        let archives = try Self.html(report, "/archives/")
        #expect(archives.contains("/notes/n/"), "ShowAllPagesInArchive")
        #expect(try Self.html(report, "/posts/a/").contains(">Ada Lin</a>"))
        let b = try Self.html(report, "/posts/b/")
        #expect(b.contains(">Bo Chen</a>") && b.contains(">Cy Dee</a>"))
        // A page naming no author shows the site's (a map with a name), without a link.
        let note = try Self.html(report, "/notes/n/")
        #expect(note.contains("<span class=\"authors\"><span>Site Owner</span></span>"))
        #expect(note.contains("<meta name=\"author\" content=\"Site Owner\">"))
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }
}
