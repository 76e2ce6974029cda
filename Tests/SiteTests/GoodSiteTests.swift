import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
@testable import Site

/// Builds Fixtures/good-site, which uses every feature that must work, and checks its output.
@Suite struct GoodSiteTests {
    let report: BuildReport
    let output: URL

    init() throws {
        (report, output) = try SiteFixtures.build(SiteFixtures.site("good-site"))
    }

    @Test func buildsWithoutErrorsOrWarnings() {
        #expect(report.errors.isEmpty, "\(report.lines)")
        #expect(report.warnings.isEmpty, "\(report.lines)")
        #expect(report.published)
    }

    @Test func namesIgnoredGoTemplatesOnce() {
        let notices = report.diagnostics.filter { $0.severity == .notice && $0.message.contains("Hugo templates") }
        #expect(notices.count == 1)
        #expect(notices.first?.message.contains("layouts/_default/single.html") == true)
    }

    @Test func writesEveryPageKind() {
        let expected = [
            "index.html", "posts/index.html", "posts/first/index.html", "posts/the-second/index.html",
            "posts/bundle/index.html", "posts/bundle/chart.png", "docs/index.html", "docs/guide/index.html",
            "handbook/installing/index.html", "about/index.html", "tags/index.html", "tags/swift/index.html",
            "tags/parsing/index.html", "categories/notes/index.html", "authors/ada-lin/index.html",
            "authors/bo-chen/index.html", "old/first/index.html", "404.html", "sitemap.xml", "robots.txt",
            "index.xml", "atom.xml", "feed.json", "posts/index.xml", "tags/swift/index.xml", "img/logo.png",
            "posts/page/2/index.html",
        ]
        for path in expected {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "missing \(path)")
        }
    }

    @Test func leavesOutDraftsAndFuturePages() {
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("posts/draft").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("posts/future").path))
        #expect(report.html(at: "/posts/")?.contains("Unfinished") == false)
    }

    @Test func includesDraftsAndFutureWhenAsked() throws {
        let (withAll, _) = try SiteFixtures.build(
            SiteFixtures.site("good-site"),
            options: BuildOptions(drafts: true, future: true), write: false)
        #expect(withAll.html(at: "/posts/draft/")?.contains("Unfinished") == true)
        #expect(withAll.html(at: "/posts/future/")?.contains("From the Future") == true)
    }

    @Test func rewritesLinksToContentFilesUnderTheBasePath() throws {
        let html = try #require(report.html(at: "/posts/first/"))
        #expect(html.contains("<a href=\"/sub/posts/the-second/\">the second</a>"))
        #expect(html.contains("<a href=\"/sub/posts/bundle/#results\">the bundle</a>"))
    }

    @Test func resolvesImagesInBundlesAndStatic() throws {
        #expect(report.html(at: "/posts/bundle/")?.contains("src=\"/sub/posts/bundle/chart.png\"") == true)
        #expect(report.html(at: "/handbook/installing/")?.contains("src=\"/sub/img/logo.png\"") == true)
    }

    @Test func usesTheSiteTemplateOverride() {
        #expect(report.html(at: "/404.html")?.contains("Custom not-found page of Fixture Blog") == true)
    }

    @Test func mergesTermsThatDifferOnlyInCase() throws {
        let html = try #require(report.html(at: "/tags/swift/"))
        #expect(html.contains("First Post"))
        #expect(html.contains("Second Post"))
    }

    @Test func writesAliasRedirects() throws {
        let html = try #require(report.html(at: "/old/first/"))
        #expect(html.contains("http-equiv=\"refresh\" content=\"0; url=https://blog.example.org/sub/posts/first/\""))
    }

    @Test func summariesStopAtTheMoreDivider() throws {
        let feed = try #require(report.files["index.xml"].map { String(decoding: $0, as: UTF8.self) })
        #expect(feed.contains("The first post introduces the blog."))
        #expect(!feed.contains("More text after the summary divider"))
        #expect(feed.contains("<link>https://blog.example.org/sub/posts/first/</link>"))
    }

    @Test func feedsAreWellFormed() throws {
        for path in ["index.xml", "atom.xml", "sitemap.xml", "posts/index.xml"] {
            let data = try #require(report.files[path])
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(path) is not well-formed XML")
        }
        let json = try #require(report.files["feed.json"])
        let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        #expect(object?["version"] as? String == "https://jsonfeed.org/version/1.1")
        // The home feed holds the main section's pages: posts (3), not docs.
        #expect((object?["items"] as? [Any])?.count == 3)
    }

    @Test func sitemapListsPagesWithLastmod() throws {
        let sitemap = String(decoding: try #require(report.files["sitemap.xml"]), as: UTF8.self)
        #expect(sitemap.contains("<loc>https://blog.example.org/sub/posts/the-second/</loc><lastmod>2024-02-01T00:00:00Z</lastmod>"))
    }

    @Test func paginatesLists() throws {
        let first = try #require(report.html(at: "/posts/"))
        let second = try #require(report.html(at: "/posts/page/2/"))
        #expect(first.contains("href=\"/sub/posts/page/2/\""))
        #expect(second.contains("href=\"/sub/posts/\""))
    }

    @Test func tableOfContentsFollowsTocOpen() throws {
        let bundle = try #require(report.html(at: "/posts/bundle/"))
        #expect(bundle.contains("<details open>"))
        #expect(bundle.contains("href=\"#results\""))
    }

    @Test func rebuildLeavesUnchangedFilesUntouched() throws {
        let file = output.appendingPathComponent("posts/first/index.html")
        // A date no build can write: a rewrite of the file would replace it, however fast.
        let marker = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: marker], ofItemAtPath: file.path)
        let again = try SiteBuilder(source: SiteFixtures.site("good-site"), destination: output).build()
        let after = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        #expect(after == marker)
        #expect(again.written == 0)
        #expect(again.unchanged > 0)
    }

    @Test func refusesADestinationThatHoldsTheSource() {
        let source = SiteFixtures.site("good-site")
        #expect(throws: Diagnostic.self) {
            try SiteBuilder(source: source, destination: source).build()
        }
        #expect(throws: Diagnostic.self) {
            try SiteBuilder(source: source, destination: source.appendingPathComponent("content/out")).build()
        }
    }
}
