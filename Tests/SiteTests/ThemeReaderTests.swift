import Foundation
import Testing
@testable import Site

/// What a reader notices in the theme, asserted on the HTML of built sites: the showcase fixture
/// (Fixtures/theme-showcase, also photographed by scripts/screenshots.sh) and small sites written here.
/// The layout itself (line boxes, image sizes, alignment) is measured in ThemeLayoutBrowserTests.
@Suite struct ThemeReaderTests {
    let report: BuildReport

    init() throws {
        (report, _) = try SiteFixtures.build(SiteFixtures.site("theme-showcase"), write: false)
    }

    func page(_ path: String) throws -> String {
        try #require(report.html(at: path), "no page at \(path)")
    }

    static func build(_ files: [String: String]) throws -> BuildReport {
        try SiteFixtures.build(try SiteFixtures.makeSite(files), write: false).0
    }

    /// The built-in style sheet.
    static let css = DefaultTheme.assets["style.css"] ?? ""

    /// The number of times `needle` occurs in `text`.
    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    // MARK: Code

    @Test func numberedCodeKeepsNumbersOutOfTheCode() throws {
        let html = try page("/posts/numbered-code/")
        // Table style: numbers in their own cell; inline style: numbers in .ln spans the copy button skips.
        #expect(html.contains("<table class=\"lntable\">"))
        #expect(html.contains("<span class=\"lnt hl\">2\n</span>"))
        #expect(html.contains("<span class=\"line hl\"><span class=\"ln\">3</span>"))
        // The 500-line block (the last one): one number row per code line.
        let start = try #require(html.range(of: "<table class=\"lntable\">", options: .backwards))
        let end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
        let table = String(html[start.lowerBound..<end.upperBound])
        #expect(table.contains("# line 500"))
        #expect(Self.count("<span class=\"lnt", in: table) == 500)
        #expect(Self.count("<span class=\"line", in: table) == 500)
    }

    @Test func codeInsideABlockIsNotShrunkTwice() throws {
        let css = Self.css
        // Only the block shrinks; code inside it keeps the block's size, so number and code rows match.
        #expect(css.contains("code,kbd,pre,samp{font-family:var(--mono);font-size:.85em}"))
        #expect(css.contains("pre :is(code,kbd,samp){font-size:1em}"))
        // On touch screens the copy button always shows, so the block keeps room for it.
        #expect(css.contains("@media (hover:none){.copy-code{opacity:.9}.highlight:has(> .copy-code) > .chroma{padding-inline-end:4.75rem}}"))
    }

    // MARK: Images

    @Test func imagesInASentenceStayInline() throws {
        let html = try page("/posts/inline-images/")
        #expect(html.contains("<p>The build is <img src=\"/posts/inline-images/badge.png\" alt=\"build: passing\""))
        #expect(html.contains("<img class=\"in-text\" src=\"/posts/inline-images/badge.png\" alt=\"a small badge\" height=\"14\">"))
        #expect(html.contains("<p class=\"image-only\"><img src=\"/posts/inline-images/photo.png\" alt=\"A blue and green gradient\""))
        #expect(html.contains("<figcaption>The gradient, captioned</figcaption>"))
        let css = Self.css
        #expect(css.contains(".post-content :is(p.image-only,figure) > img,.post-content > img{display:block;"))
        #expect(!css.contains(".post-content img{display:block"))
        // An image with only a height keeps it: height:auto is not applied to it.
        #expect(css.contains(":is(img,svg,video):not([height]:not([width])){height:auto}"))
    }

    // MARK: Covers

    @Test func missingCoverShowsNoEmptyBox() throws {
        #expect(
            report.lines.contains { $0.contains("content/posts/missing-cover.md") && $0.contains("cover image not found: images/not-here.png") },
            "\(report.lines)")
        let post = try page("/posts/missing-cover/")
        #expect(!post.contains("post-cover"))
        #expect(!post.contains("not-here.png"))
        #expect(!post.contains("og:image"))
        // It is the newest post: the home page's featured card, without a cover box.
        let home = try page("/")
        let featured = try #require(home.range(of: "<article class=\"post-entry featured"))
        let card = home[featured.lowerBound...]
        let end = try #require(card.range(of: "</article>"))
        #expect(card[..<end.lowerBound].contains("A post whose cover is missing"))
        #expect(!card[..<end.lowerBound].contains("entry-cover"))
        #expect(!card[..<end.lowerBound].contains("has-cover"))
        #expect(!home.contains("not-here.png"))
        // A cover that exists still shows, in the list and on the post.
        #expect(try page("/posts/").contains("<figure class=\"entry-cover\"><img src=\"/posts/inline-images/photo.png\""))
        #expect(try page("/posts/inline-images/").contains("<figure class=\"post-cover\"><img src=\"/posts/inline-images/photo.png\""))
    }

    // MARK: Quotes, lists and tables

    @Test func collapseInQuoteInListItemStaysInItsItem() throws {
        let html = try page("/posts/quotes-and-tables/")
        let content = try #require(html.range(of: "<div class=\"post-content\">").map { String(html[$0.upperBound...]) })
        // One ordered list, holding all three steps: the list does not restart.
        #expect(Self.count("<ol>", in: content) == 1, "\(content.prefix(3000))")
        #expect(!content.contains("<ol start="))
        #expect(Self.count("<details>", in: content) == 2)
        #expect(Self.count("</details>", in: content) == 2)
        #expect(Self.count("<blockquote>", in: content) == Self.count("</blockquote>", in: content))
        // Each details is inside a quote inside the second item, and the third item follows in the same list.
        let second = try #require(content.range(of: "<strong>Pick a method.</strong>"))
        let third = try #require(content.range(of: "<strong>Build.</strong>"))
        let between = content[second.upperBound..<third.lowerBound]
        #expect(between.contains("<blockquote>\n<details><summary><strong>Method 1: clone</strong></summary>"))
        #expect(between.contains("git clone"))
        #expect(between.contains("</details>\n</blockquote>"))
        #expect(!content[..<third.lowerBound].contains("</ol>"))
    }

    @Test func tableColumnsKeepTheirAlignment() throws {
        let html = try page("/posts/quotes-and-tables/")
        #expect(html.contains("<th style=\"text-align:left\">Left</th>"))
        #expect(html.contains("<th style=\"text-align:center\">Centred</th>"))
        #expect(html.contains("<td style=\"text-align:right\">1,024.5</td>"))
        #expect(!html.contains(" align=\""), "valid HTML: no obsolete align attribute")
        #expect(Self.css.contains(".post-content :is(th,td):not([align],[style*=\"text-align\"]){text-align:start}"))
    }

    // MARK: Summaries and counts

    @Test func summariesEndCleanly() throws {
        let sentences = (1...30).map { "Sentence number \($0) has exactly seven words." }.joined(separator: " ")
        let report = try Self.build([
            "content/posts/sentences.md": "---\ntitle: Sentences\ndate: 2024-01-02\n---\n\n# A heading first\n\n\(sentences)\n",
            "content/posts/run-on.md": "---\ntitle: Run on\ndate: 2024-01-01\n---\n\n" + String(repeating: "word ", count: 200) + "\n",
        ])
        let list = try #require(report.html(at: "/posts/"))
        let summaries = list.components(separatedBy: "<p class=\"entry-summary\">").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(summaries.count == 2)
        for summary in summaries {
            #expect(!summary.contains(".…") && !summary.contains("……"), "\(summary)")
        }
        let sentence = try #require(summaries.first { $0.hasPrefix("Sentence") }, "the heading is not run into the summary: \(summaries)")
        #expect(sentence.hasSuffix("seven words."))
        #expect(!list.contains("A heading first Sentence"))
        let runOn = try #require(summaries.first { $0.hasPrefix("word") })
        #expect(runOn.hasSuffix("word…"), "a cut mid-sentence gets one ellipsis")
        // A summary marked with <!--more--> that starts with a heading: the text starts after it.
        let marked = try Self.build([
            "content/posts/marked.md": "---\ntitle: Marked\ndate: 2024-01-02\n---\n\n# Big title\n\nFirst words here.\n\n<!--more-->\n\nRest.\n"
        ])
        #expect(try #require(marked.html(at: "/posts/")).contains("<p class=\"entry-summary\">First words here.</p>"))
    }

    @Test func wordCountAndReadingTimeCountProse() throws {
        let prose = String(repeating: "reading ", count: 400)
        let code = "```python\n" + String(repeating: "x = compute(a, b, c, d, e, f, g, h)\n", count: 300) + "```\n"
        let chart = "```chart\ntype: bar\ndata: [" + (1...60).map { "{k: label\($0), v: \($0)}" }.joined(separator: ", ") + "]\nx: k\ny: v\n```\n"
        let math = "$$\n\\sum_{i=1}^{n} \\frac{a_i + b_i + c_i + d_i}{e_i + f_i + g_i}\n$$\n"
        let report = try Self.build([
            "content/posts/counted.md": "---\ntitle: Counted\ndate: 2024-01-02\n---\n\n\(prose)\n\n\(code)\n\(chart)\n\(math)\n"
        ])
        let html = try #require(report.html(at: "/posts/counted/"))
        // 400 words of prose and one formula; the code, the chart's labels and the TeX are not read as words.
        #expect(html.contains("<span>401 words</span>"), "\(html.components(separatedBy: "post-meta").dropFirst().first?.prefix(600) ?? "")")
        #expect(html.contains("<span>2 min read</span>"))
        let list = try #require(report.html(at: "/posts/"))
        #expect(list.contains("<span>2 min read</span>"))
    }

    // MARK: Header and footer

    @Test func menuInHugoOrderWithExternalLinksMarked() throws {
        let html = try page("/about/")
        let names = html.components(separatedBy: "<li><a href=\"").dropFirst().compactMap { item -> String? in
            guard let close = item.range(of: ">"), let end = item.range(of: "<", range: close.upperBound..<item.endIndex) else { return nil }
            return String(item[close.upperBound..<end.lowerBound])
        }
        #expect(Array(names.prefix(5)) == ["Archives", "Blog", "Search", "Code", "About"])
        #expect(html.contains("<a href=\"https://git.example.net/showcase\" rel=\"noopener\">Code<svg class=\"external-mark\""))
        #expect(html.contains("<span class=\"visually-hidden\"> (external site)</span>"))
        #expect(html.contains("<a href=\"/about/\" aria-current=\"page\">About</a>"))
    }

    /// The credit is text: collective has no public home page to link to yet, and a link to an
    /// address that does not exist would be a dead link on every site.
    @Test func footerCreditCanBeTurnedOff() throws {
        let html = try page("/")
        #expect(html.contains(" · Built with collective</p>"))
        let off = try Self.build([
            "config.toml": "title = \"Quiet\"\n[params]\nhideCredit = true\n",
            "content/posts/a.md": "---\ntitle: A\ndate: 2024-01-01\n---\n\nText.\n",
        ])
        let quiet = try #require(off.html(at: "/"))
        #expect(quiet.contains("<footer class=\"site-footer\">"))
        #expect(!quiet.contains("Built with"))
    }

    @Test func headingsAreBalancedAndCodeSizedAsGitHub() {
        #expect(Self.css.contains("h1,h2,h3,h4,h5,h6{line-height:1.25;margin:2.2rem 0 .8rem;letter-spacing:-.01em;text-wrap:balance}"))
    }

    @Test func phoneLayoutRules() {
        // Meta lines wrap between items, never inside an author's name.
        #expect(Self.css.contains(":is(.entry-meta,.post-meta) > :not(.authors),.authors > *{white-space:nowrap}"))
        #expect(Self.css.contains(":is(.post-meta,.entry-meta){display:flex;flex-wrap:wrap;align-items:baseline;row-gap:.2rem}"))
        // The featured cover is shown whole, not cropped to 2:1.
        #expect(
            Self.css.contains(
                ".post-entry.featured .entry-cover img{aspect-ratio:auto;width:100%;max-height:26rem;object-fit:contain;border-radius:0}"))
        // Back to top floats only where there is a margin (48rem and wider), and only after scrolling.
        #expect(Self.css.contains("@media (min-width:48rem) {\n.top-link{position:fixed;"))
        #expect(Self.css.contains(".top-link.away{opacity:0;visibility:hidden}"))
        #expect((DefaultTheme.assets["script.js"] ?? "").contains("topLink.classList.toggle(\"away\", scrollY < innerHeight * 0.8)"))
        // Line numbers readable in both schemes.
        #expect(Self.css.contains(".chroma :is(.ln,.lnt){color:var(--muted) !important}\n.chroma .lnt{display:block}"))
    }

    // MARK: New sites, drafts

    @Test func newSiteMenuLinksItsSearchPage() throws {
        let folder = SiteFixtures.temporaryFolder().appendingPathComponent("fresh")
        try Scaffold.createSite(at: folder)
        let (report, _) = try SiteFixtures.build(folder, write: false)
        let home = try #require(report.html(at: "/"))
        #expect(home.contains("<li><a href=\"/search/\">Search</a></li>"))
        #expect(report.html(at: "/search/") != nil)
    }

    @Test func leftOutPagesDoNotPublishTheirBundleFiles() throws {
        let site = try SiteFixtures.makeSite([
            "content/posts/kept/index.md": "---\ntitle: Kept\ndate: 2024-01-01\n---\n\n![A](a.png)\n",
            "content/posts/kept/a.png": "png",
            "content/posts/draft/index.md": "---\ntitle: Draft\ndate: 2024-01-01\ndraft: true\n---\n\n![B](b.png)\n",
            "content/posts/draft/b.png": "png",
            "content/posts/expired/index.md": "---\ntitle: Expired\ndate: 2020-01-01\nexpiryDate: 2021-01-01\n---\n\n![C](c.png)\n",
            "content/posts/expired/c.png": "png",
        ])
        let (_, output) = try SiteFixtures.build(site)
        let files = FileManager.default
        #expect(files.fileExists(atPath: output.appendingPathComponent("posts/kept/a.png").path))
        #expect(!files.fileExists(atPath: output.appendingPathComponent("posts/draft/b.png").path))
        #expect(!files.fileExists(atPath: output.appendingPathComponent("posts/expired/c.png").path))
        #expect(!files.fileExists(atPath: output.appendingPathComponent("posts/draft").path))
    }

    // MARK: Search

    @Test func searchPageWithoutScriptSaysSo() throws {
        let html = try page("/search/")
        // The box is hidden until the script shows it; without the script the page says why.
        #expect(
            html.contains(
                "data-result=\"1 result\" data-none=\"No results. Try fewer words, or other ones.\" data-failed=\"The search index did not load. Type again to retry.\" hidden>"
            ))
        #expect(
            html.contains(
                "<noscript><p class=\"search-noscript\">Search needs JavaScript, which is off in this browser. <a href=\"/archives/\">Archives</a></p></noscript>"
            ))
        #expect(Self.css.contains(".search-results mark{background:var(--mark)"))
    }
}
