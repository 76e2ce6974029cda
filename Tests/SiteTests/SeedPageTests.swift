import Foundation
import Testing
@testable import Site

/// The user's first page (../shared/seeds), saved as content/posts/introduction.md, builds unchanged.
@Suite struct SeedPageTests {
    static let seed = SiteFixtures.shared.appendingPathComponent("seeds/000_be7d46618a9bac1a.txt")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seed.path), "../shared/seeds is absent: seed test skipped"))
    func seedPageBuilds() throws {
        let text = try String(contentsOf: Self.seed, encoding: .utf8)
        let site = try SiteFixtures.makeSite(["content/posts/introduction.md": text])
        let (report, _) = try SiteFixtures.build(site, write: false)
        #expect(report.errors.isEmpty, "\(report.lines)")
        // The seed's date is malformed: a warning, read as the day it names.
        #expect(
            report.lines.contains {
                $0.hasPrefix("content/posts/introduction.md:3:7: warning: cannot fully read date \"2023-11-16:30:03+00:00\"; read as 2023-11-16")
            }, "\(report.lines)")
        // Its cover image is not in the site: a warning, never a broken build.
        #expect(report.lines.contains { $0.contains("cover image not found: imgs/man.png") })

        let html = try #require(report.html(at: "/posts/introduction/"))
        #expect(html.contains("<h1 class=\"post-title\">Introduction</h1>"))
        #expect(html.contains("bridging scientists into machine learning"))
        #expect(html.contains("Jasper Butcher"))
        #expect(html.contains("datetime=\"2023-11-16T00:00:00Z\""))
        // The missing cover shows nothing broken: no image, no empty figure, no social card pointing at it.
        #expect(!html.contains("post-cover"))
        #expect(!html.contains("imgs/man.png"))
        let list = try #require(report.html(at: "/posts/"))
        #expect(list.contains("Introduction"))
        #expect(!list.contains("entry-cover") && !list.contains("has-cover"))
        // Its summary starts with the text, not with the heading run into it, and ends without "….".
        #expect(list.contains("<p class=\"entry-summary\">Machine learning is inherently simple."))
        #expect(!list.contains(".…"))
        #expect(html.contains("<details open>"))
        #expect(html.contains("href=\"#about-the-author\""))
        // The HTML comment at the end stays a comment: never visible text.
        let visible = HTMLText.plainText(html)
        #expect(!visible.contains("Use this to center"))
        #expect(html.contains("<!-- ![name](path/to/image.png#center) Use this to center -->"))
    }
}
