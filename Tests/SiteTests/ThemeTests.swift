import Foundation
import Testing
@testable import Site

/// The built-in theme on a fixture site written by the test: what each page kind must carry.
@Suite struct ThemeTests {
    static let config = """
        baseURL = "https://example.org/blog/"
        title = "Theme Fixture"
        languageCode = "en-us"
        [pagination]
        pagerSize = 2
        [taxonomies]
        tag = "tags"
        category = "categories"
        series = "series"
        [params]
        description = "A site for theme tests."
        ShowToc = true
        defaultTheme = "dark"
        [params.homeInfoParams]
        Title = "Hello readers"
        Content = "Notes on *theme* testing."
        [[params.socialIcons]]
        name = "github"
        url = "https://github.com/example"
        [[params.socialIcons]]
        name = "orcid"
        url = "https://orcid.org/0000-0000"
        [params.editPost]
        URL = "https://git.example.org/site/edit/main/content"
        Text = "Suggest a change"
        [[menu.main]]
        name = "Archives"
        url = "/archives/"
        weight = 1
        """

    static func post(_ title: String, date: String, extra: String = "", body: String = "") -> String {
        "---\ntitle: \"\(title)\"\ndate: \(date)\n\(extra)---\n\n\(body.isEmpty ? "Some words about \(title)." : body)\n"
    }

    static let sections = "Opening words.\n\n## First part\n\nText.\n\n### Detail\n\nMore text.\n\n## Second part\n\nEnd.\n"

    static let files: [String: String] = [
        "config.toml": config,
        "content/posts/_index.md": "---\ntitle: Posts\ndescription: Everything we wrote.\n---\n",
        "content/posts/alpha.md": post(
            "Alpha", date: "2024-01-10",
            extra: """
                authors: ["Ada Lin"]
                tags: ["swift", "theme"]
                series: ["Guide"]
                TocOpen: true
                description: "The first post."
                cover:
                  image: /cover.png
                  alt: "A cover"
                  caption: "The *cover*"

                """, body: sections),
        "content/posts/beta.md": post(
            "Beta", date: "2024-02-10",
            extra: """
                lastmod: 2024-03-20
                authors: ["Ada Lin", "Bo Chen"]
                tags: ["swift"]
                categories: ["Notes"]
                series: ["Guide"]

                """, body: sections),
        "content/posts/gamma.md": post("Gamma", date: "2024-03-15", extra: "tags: [\"theme\"]\nimages: [\"/gamma.png\"]\n"),
        "content/about.md": post("About", date: "2024-01-01", extra: "hidemeta: true\n"),
        "content/archives.md": "---\ntitle: Archives\nlayout: archives\n---\n",
        "content/search.md": "---\ntitle: Search\nlayout: search\n---\n",
        "static/cover.png": "not really a picture",
    ]

    let report: BuildReport

    init() throws {
        let site = try SiteFixtures.makeSite(Self.files)
        (report, _) = try SiteFixtures.build(site, write: false)
    }

    func page(_ path: String) throws -> String {
        try #require(report.html(at: path), "no page at \(path)")
    }

    /// Every page kind has the landmarks, the skip link and the labelled main navigation.
    @Test(arguments: [
        "/", "/posts/", "/posts/alpha/", "/about/", "/tags/", "/tags/swift/", "/authors/ada-lin/",
        "/archives/", "/search/", "/404.html",
    ])
    func landmarks(path: String) throws {
        let html = try page(path)
        #expect(html.contains("<a class=\"skip-link\" id=\"top\" href=\"#main\">Skip to content</a>"))
        #expect(html.contains("<header class=\"site-header\">"))
        #expect(html.contains("<nav class=\"nav\" aria-label=\"Main menu\">"))
        #expect(html.contains("<main id=\"main\" class=\"main\" tabindex=\"-1\">"))
        #expect(html.contains("<footer class=\"site-footer\">"))
        #expect(html.contains("<html lang=\"en-us\" dir=\"ltr\" data-theme=\"dark\">"))
        #expect(html.contains("accesskey=\"h\"") && html.contains("accesskey=\"t\"") && html.contains("accesskey=\"g\""))
        #expect(html.components(separatedBy: "<h1").count == 2, "one h1 on \(path)")
        #expect(html.contains("<link rel=\"stylesheet\" href=\"/blog/assets/style."))
        // Without scripting the toggle would do nothing, so it starts hidden and the script shows it.
        #expect(html.contains("accesskey=\"t\" hidden>"))
    }

    @Test func tableOfContentsFollowsTocOpen() throws {
        let open = try page("/posts/alpha/")
        let closed = try page("/posts/beta/")
        #expect(open.contains("<aside class=\"toc\" aria-labelledby=\"toc-title\"><details open><summary accesskey=\"c\""))
        #expect(closed.contains("<aside class=\"toc\" aria-labelledby=\"toc-title\"><details><summary accesskey=\"c\""))
        // Nested entries: the level-3 heading sits inside the list of its level-2 parent.
        #expect(open.contains("<li><a href=\"#first-part\">First part</a><ul><li><a href=\"#detail\">Detail</a></li></ul></li>"))
        #expect(open.contains("<div class=\"post-body has-toc\">"))
        #expect(try page("/posts/gamma/").contains("class=\"toc\"") == false)
    }

    @Test func singlePostHeadCarriesMetadata() throws {
        let html = try page("/posts/alpha/")
        #expect(html.contains("<title>Alpha · Theme Fixture</title>"))
        #expect(html.contains("<meta name=\"description\" content=\"The first post.\">"))
        #expect(html.contains("<meta name=\"author\" content=\"Ada Lin\">"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://example.org/blog/posts/alpha/\">"))
        #expect(html.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(html.contains("<meta property=\"og:url\" content=\"https://example.org/blog/posts/alpha/\">"))
        #expect(html.contains("<meta property=\"og:image\" content=\"https://example.org/blog/cover.png\">"))
        #expect(html.contains("<meta property=\"og:image:alt\" content=\"A cover\">"))
        #expect(html.contains("<meta property=\"article:published_time\" content=\"2024-01-10T00:00:00Z\">"))
        #expect(html.contains("<meta property=\"article:tag\" content=\"swift\">"))
        #expect(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
        #expect(try page("/posts/beta/").contains("<meta name=\"twitter:card\" content=\"summary\">"))
        // Without a cover, PaperMod's `images` gives the social card.
        #expect(try page("/posts/gamma/").contains("<meta property=\"og:image\" content=\"https://example.org/blog/gamma.png\">"))
    }

    @Test func singlePostJSONLDIsABlogPosting() throws {
        let html = try page("/posts/beta/")
        let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = String(html[start.upperBound..<end.lowerBound])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["@type"] as? String == "BlogPosting")
        #expect(object["headline"] as? String == "Beta")
        #expect(object["datePublished"] as? String == "2024-02-10T00:00:00Z")
        #expect(object["dateModified"] as? String == "2024-03-20T00:00:00Z")
        #expect((object["author"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Ada Lin", "Bo Chen"])
    }

    @Test func singlePostMetaLine() throws {
        let html = try page("/posts/beta/")
        #expect(html.contains("<time datetime=\"2024-02-10T00:00:00Z\">February 10, 2024</time>"))
        #expect(html.contains("<span>Updated <time datetime=\"2024-03-20T00:00:00Z\">March 20, 2024</time></span>"))
        #expect(html.contains(" min read</span>"))
        #expect(html.contains(" words</span>"))
        #expect(
            html.contains(
                "<span class=\"authors\"><a href=\"/blog/authors/ada-lin/\" rel=\"author\">Ada Lin</a><a href=\"/blog/authors/bo-chen/\" rel=\"author\">Bo Chen</a></span>"
            ))
        #expect(
            html.contains(
                "<a class=\"edit-link\" href=\"https://git.example.org/site/edit/main/content/posts/beta.md\" rel=\"noopener\">Suggest a change</a>"))
        // Last-modified is left out when it is the publication date.
        #expect(try page("/posts/gamma/").contains("Updated") == false)
    }

    @Test func singlePostCoverTermsAndNavigation() throws {
        let alpha = try page("/posts/alpha/")
        #expect(
            alpha.contains(
                "<figure class=\"post-cover\"><img src=\"/blog/cover.png\" alt=\"A cover\" decoding=\"async\"><figcaption>The <em>cover</em></figcaption></figure>"
            ))
        #expect(
            alpha.contains(
                "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumbs\"><ol><li><a href=\"/blog/\">Home</a></li><li><a href=\"/blog/posts/\">Posts</a></li></ol></nav>"
            ))
        #expect(alpha.contains("<a href=\"/blog/tags/swift/\" rel=\"tag\">swift</a>"))
        #expect(alpha.contains("<span class=\"term-label\">Tags</span>"))
        // Series box: every part in order, the current one marked.
        #expect(
            alpha.contains(
                "<ol><li><a href=\"/blog/posts/alpha/\" aria-current=\"page\">Alpha</a></li><li><a href=\"/blog/posts/beta/\">Beta</a></li></ol>"))
        // Related by shared tags, and the neighbours by date.
        #expect(alpha.contains("<section class=\"related\" aria-labelledby=\"related-title\">"))
        let beta = try page("/posts/beta/")
        #expect(beta.contains("<a class=\"prev\" href=\"/blog/posts/gamma/\" rel=\"prev\">"))
        #expect(beta.contains("<a class=\"next\" href=\"/blog/posts/alpha/\" rel=\"next\">"))
        // Share links are plain links with a label; no third-party script.
        #expect(beta.contains("title=\"Share on X\""))
        #expect(beta.contains("href=\"mailto:?subject=Beta&amp;body="))
        #expect(!beta.contains("<script src=\"http"))
    }

    @Test func standalonePageHasNoPostNavigation() throws {
        let html = try page("/about/")
        #expect(html.contains("<h1 class=\"post-title\">About</h1>"))
        #expect(!html.contains("class=\"paginav\""))
        #expect(!html.contains("class=\"share\""))
        #expect(!html.contains("class=\"post-meta\""))
        #expect(html.contains("<p class=\"edit-line\"><a class=\"edit-link\""))
    }

    @Test func homeInfoModeWithFeaturedFirstPost() throws {
        let html = try page("/")
        #expect(html.contains("<section class=\"home-info\" aria-label=\"Theme Fixture\">\n<h1>Hello readers</h1>"))
        #expect(html.contains("<em>theme</em>"))
        #expect(html.contains("<ul class=\"social-icons\">"))
        #expect(html.contains("<span class=\"visually-hidden\">orcid</span>"))
        #expect(html.components(separatedBy: "<article class=\"post-entry featured").count == 2)
        #expect(html.contains("<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/blog/index.xml\" title=\"Theme Fixture\">"))
        #expect(html.contains("<meta property=\"og:type\" content=\"website\">"))
        #expect(html.contains("<link rel=\"next\" href=\"/blog/page/2/\">"))
        // The second page of the list has no featured post.
        #expect(try page("/page/2/").contains("post-entry featured") == false)
    }

    @Test func postListEntries() throws {
        let html = try page("/posts/page/2/")
        #expect(html.contains("<article class=\"post-entry has-cover\">"))
        #expect(
            html.contains("<figure class=\"entry-cover\"><img src=\"/blog/cover.png\" alt=\"A cover\" loading=\"lazy\" decoding=\"async\"></figure>"))
        #expect(html.contains("<h2 class=\"entry-title\"><a href=\"/blog/posts/alpha/\">Alpha</a></h2>"))
        #expect(html.contains("<p class=\"entry-summary\">"))
        #expect(html.contains("<footer class=\"entry-meta\"><time datetime=\"2024-01-10T00:00:00Z\">January 10, 2024</time>"))
        #expect(html.contains("<a class=\"prev\" href=\"/blog/posts/\" rel=\"prev\">"))
        #expect(html.contains("<a href=\"/blog/posts/page/2/\" aria-current=\"page\"><span class=\"visually-hidden\">Page </span>2</a>"))
    }

    @Test func sectionAndTermPagesLinkTheirFeeds() throws {
        for (path, feed) in [("/posts/", "/blog/posts/"), ("/tags/swift/", "/blog/tags/swift/"), ("/authors/ada-lin/", "/blog/authors/ada-lin/")] {
            let html = try page(path)
            #expect(html.contains("<link rel=\"alternate\" type=\"application/rss+xml\" href=\"\(feed)index.xml\""), "\(path)")
            #expect(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"\(feed)atom.xml\""), "\(path)")
            #expect(html.contains("<link rel=\"alternate\" type=\"application/feed+json\" href=\"\(feed)feed.json\""), "\(path)")
            #expect(html.contains("<a class=\"feed-link\" href=\"\(feed)index.xml\" title=\"RSS feed\">"), "\(path)")
            #expect(html.contains("<link rel=\"canonical\" href=\"https://example.org\(feed)\">"), "\(path)")
        }
        #expect(try page("/tags/swift/").contains("<p class=\"kicker\">Tag</p>"))
        #expect(try page("/authors/ada-lin/").contains("<p class=\"kicker\">Author</p>"))
        #expect(try page("/posts/").contains("<p class=\"page-description\">Everything we wrote.</p>"))
    }

    @Test func taxonomyIndexesShowCounts() throws {
        let tags = try page("/tags/")
        #expect(
            tags.contains(
                "<li><a href=\"/blog/tags/swift/\">swift<span class=\"count\"><span class=\"visually-hidden\"> (</span>2<span class=\"visually-hidden\"> posts)</span></span></a></li>"
            ))
        #expect(try page("/authors/").contains("<ul class=\"terms-list authors-list\">"))
    }

    @Test func archivesGroupByYearAndMonth() throws {
        let html = try page("/archives/")
        #expect(html.contains("<h2 id=\"year-2024\">2024 <span class=\"count\">3</span></h2>"))
        #expect(html.contains("<h3>March <span class=\"count\">1</span></h3>"))
        let march = try #require(html.range(of: "<h3>March"))
        let january = try #require(html.range(of: "<h3>January"))
        #expect(march.lowerBound < january.lowerBound, "newest month first")
    }

    @Test func notFoundPage() throws {
        let html = try page("/404.html")
        #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(html.contains("<h1>Page not found</h1>"))
        #expect(html.contains("<a class=\"button\" href=\"/blog/\">Back to the home page</a>"))
        #expect(html.contains("<a class=\"button\" href=\"/blog/search/\">Search</a>"))
    }

    @Test func paginationShowsAWindowOfPageNumbers() throws {
        var files = ["config.yaml": "title: Many\npagination:\n  pagerSize: 1\n"]
        for day in 1...9 { files["content/posts/p\(day).md"] = Self.post("Post \(day)", date: "2024-01-0\(day)") }
        let (many, _) = try SiteFixtures.build(try SiteFixtures.makeSite(files), write: false)
        let first = try #require(many.html(at: "/posts/"))
        let numbers = ["1", "2", "3", "9"].map { "<span class=\"visually-hidden\">Page </span>\($0)</a>" }
        for number in numbers { #expect(first.contains(number)) }
        #expect(!first.contains("<span class=\"visually-hidden\">Page </span>5</a>"))
        #expect(first.contains("<span class=\"gap\" aria-hidden=\"true\">…</span>"))
        let middle = try #require(many.html(at: "/posts/page/5/"))
        #expect(middle.components(separatedBy: "class=\"gap\"").count == 3, "gaps on both sides of 3 4 5 6 7")
    }

    @Test func profileMode() throws {
        let config = """
            title: Profile Site
            params:
              profileMode:
                enabled: true
                title: Dr Ada Lin
                subtitle: Physicist turned ML engineer
                imageUrl: /me.png
                buttons:
                  - name: Posts
                    url: /posts/
              socialIcons:
                - name: Google Scholar
                  url: https://scholar.google.com/
            """
        let site = try SiteFixtures.makeSite(["config.yaml": config, "content/posts/a.md": Self.post("A", date: "2024-01-01")])
        let (built, _) = try SiteFixtures.build(site, write: false)
        let html = try #require(built.html(at: "/"))
        #expect(html.contains("<section class=\"profile\" aria-labelledby=\"profile-title\">"))
        #expect(html.contains("<img class=\"profile-image\" src=\"/me.png\" alt=\"Dr Ada Lin\" width=\"120\" height=\"120\">"))
        #expect(html.contains("<h1 id=\"profile-title\">Dr Ada Lin</h1>"))
        #expect(html.contains("<p class=\"profile-subtitle\">Physicist turned ML engineer</p>"))
        #expect(html.contains("<li><a class=\"button\" href=\"/posts/\">Posts</a></li>"))
        #expect(html.contains(SocialIcons.svg(named: "googlescholar")))
        #expect(!html.contains("class=\"post-entry"))
    }

    @Test func plainHomeListHasAHiddenHeading() throws {
        let site = try SiteFixtures.makeSite(["config.yaml": "title: Plain\n", "content/posts/a.md": Self.post("A", date: "2024-01-01")])
        let (built, _) = try SiteFixtures.build(site, write: false)
        let html = try #require(built.html(at: "/"))
        #expect(html.contains("<h1 class=\"visually-hidden\">Plain</h1>"))
        #expect(html.contains("<article class=\"post-entry featured\">"))
        #expect(html.contains("<html lang=\"en\" dir=\"ltr\">"), "no fixed theme unless the config asks")
    }

    @Test func paperModSwitchesHideParts() throws {
        let config = "title: Quiet\nparams:\n  hideSummary: true\n  disableScrollToTop: true\n"
        let site = try SiteFixtures.makeSite(["config.yaml": config, "content/posts/a.md": Self.post("A", date: "2024-01-01")])
        let (built, _) = try SiteFixtures.build(site, write: false)
        let html = try #require(built.html(at: "/"))
        #expect(html.contains("<h2 class=\"entry-title\"><a href=\"/posts/a/\">A</a></h2>"))
        #expect(!html.contains("class=\"entry-summary\""))
        #expect(!html.contains("class=\"top-link\""))
        #expect(html.contains("<footer class=\"site-footer\">"))
        #expect(try page("/").contains("class=\"entry-summary\""), "shown by default")
    }

    @Test(arguments: [
        ("fr", "ltr", "Aller au contenu"), ("de", "ltr", "Zum Inhalt springen"), ("es", "ltr", "Saltar al contenido"),
        ("zh-cn", "ltr", "跳到正文"), ("ja", "ltr", "本文へ移動"), ("ar", "rtl", "انتقل إلى المحتوى"),
    ])
    func languageChoosesStringsAndDirection(language: String, direction: String, skip: String) throws {
        let site = try SiteFixtures.makeSite([
            "config.yaml": "title: Intl\nlanguageCode: \(language)\n",
            "content/posts/a.md": Self.post("A", date: "2024-01-01", body: Self.sections),
        ])
        let (built, _) = try SiteFixtures.build(site, write: false)
        let html = try #require(built.html(at: "/posts/a/"))
        #expect(html.contains("<html lang=\"\(language)\" dir=\"\(direction)\">"))
        #expect(html.contains(">\(skip)</a>"))
        #expect(html.contains(Strings.table(for: language)["toc"]!))
    }

    @Test func everyLanguageHasEveryString() {
        for (language, table) in Strings.translations {
            let missing = Set(Strings.english.keys).subtracting(table.keys)
            #expect(missing.isEmpty, "\(language) lacks \(missing.sorted())")
            #expect(table["searchResults"]?.contains("{n}") == true, "\(language): the search script puts the count at {n}")
        }
        #expect(Strings.isRightToLeft("he-IL") && !Strings.isRightToLeft("en"))
    }

    @Test func socialIconsAreDrawnForEveryRequiredService() {
        let services = [
            "GitHub", "GitLab", "X", "Mastodon", "Bluesky", "LinkedIn", "Google Scholar", "ORCID", "arXiv",
            "Hugging Face", "Kaggle", "email", "RSS",
        ]
        let generic = SocialIcons.svg(named: "no-such-service")
        let icons = services.map(SocialIcons.svg(named:))
        for (service, icon) in zip(services, icons) {
            #expect(icon != generic, "\(service) falls back to the generic icon")
            #expect(icon.hasPrefix("<svg viewBox=\"0 0 24 24\"") && icon.contains("aria-hidden=\"true\""))
        }
        #expect(Set(icons).count == services.count, "each service has its own drawing")
        #expect(SocialIcons.svg(named: "twitter") == SocialIcons.svg(named: "x"))
        #expect(SocialIcons.svg(named: "google-scholar") == SocialIcons.svg(named: "GoogleScholar"))
    }

    @Test func assetsStayWithinTheirBudgets() {
        let assets = ThemeAssets(config: SiteConfig())
        let css = assets.files.first { $0.key.hasSuffix(".css") }?.value.count ?? 0
        let js = assets.files.first { $0.key.hasSuffix(".js") && $0.key.contains("script.") }?.value.count ?? 0
        // One stylesheet for every page: theme, highlighting, charts, diagrams, citations and theorems
        // (32.2 KB, 7.4 KB gzipped, at the end of session 5; KaTeX alone costs a page about 300 KB),
        // and the math font's @font-face rules (2.2 KB: one per piece, with its unicode-range).
        #expect(css > 0 && css < 37 * 1024, "CSS is \(css) bytes")
        #expect(js > 0 && js < 15 * 1024, "script is \(js) bytes")
        #expect(!DefaultTheme.stylesheet.contains("@import") && !DefaultTheme.stylesheet.contains("url(http"), "no request to another host")
    }
}

@Suite struct TemplateEscapingTests {
    @Test func valuesAreEscapedInTheThemeAndInSiteLayouts() throws {
        let title = "Ada's <b>\"quotes\"</b> & more"
        let site = try SiteFixtures.makeSite([
            "hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"T\"\n",
            "content/posts/a.md": "---\ntitle: '\(title.replacingOccurrences(of: "'", with: "''"))'\ndate: 2024-01-01\n---\nBody.\n",
            "layouts/partials/footer.mustache": "<footer>{{page.title}}|{{{page.title}}}</footer>",
        ])
        let (report, _) = try SiteFixtures.build(site, write: false)
        let html = try #require(report.html(at: "/posts/a/"))
        let escaped = "Ada&#39;s &lt;b&gt;&quot;quotes&quot;&lt;/b&gt; &amp; more"
        #expect(html.contains("<title>\(escaped)"))
        #expect(html.contains("<footer>\(escaped)|\(title)</footer>"))
        // In JSON-LD the title stays JSON, with `</` broken so it cannot close the script.
        #expect(html.contains("\"headline\":\"Ada's <b>\\\"quotes\\\"<\\/b> & more\""))
    }
}
