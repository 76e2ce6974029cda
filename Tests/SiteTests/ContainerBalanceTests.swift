import Foundation
import Testing
@testable import Site

/// A page's stray `</div>` must not close the theme's article, and a `<div>` it leaves open must
/// not swallow the theme's footer.
@Suite struct ContainerBalanceTests {
    @Test func aStrayEndTagIsDroppedAndAnOpenContainerClosed() {
        let result = ContainerBalance.balanced("<p>a</p>\n</div><div class=\"x\">\n<iframe src=\"s\"></iframe></div><div class=\"y\">\n<p>b</p>\n")
        #expect(result.html == "<p>a</p>\n<div class=\"x\">\n<iframe src=\"s\"></iframe></div><div class=\"y\">\n<p>b</p>\n</div>")
        #expect(result.dropped == ["div": 1])
        #expect(result.closed == ["div": 1])
    }

    @Test func balancedHTMLIsLeftAsItIs() {
        let html = "<div><section><p>x</p></section></div><pre><code>&lt;/div&gt;</code></pre><!-- </div> --><script>\"</div>\"</script>"
        let result = ContainerBalance.balanced(html)
        #expect(result.html == html)
        #expect(result.dropped.isEmpty && result.closed.isEmpty)
    }

    @Test func anEndTagClosesWhatItsElementHolds() {
        // `</div>` inside a list item ends the list too, as in a browser: nothing is dropped.
        let html = "<div class=\"h\">\n<ul>\n<li><p>x</p>\n</div></li>\n</ul>\n"
        #expect(ContainerBalance.balanced(html).dropped.isEmpty)
        #expect(ContainerBalance.balanced(html).closed.isEmpty)
    }

    @Test func theArticleKeepsTheRestOfThePageAndTheBuildSaysWhy() throws {
        let site = try SiteFixtures.makeSite([
            "hugo.toml": "title = \"T\"\n[markup.goldmark.renderer]\nunsafe = true\n",
            "content/posts/p.md": "---\ntitle: P\n---\nFirst.\n\n</div>\n\nSecond paragraph.\n",
        ])
        let (report, _) = try SiteFixtures.build(site, write: false)
        let html = try #require(report.html(at: "/posts/p/"))
        #expect(HugoFidelity.article(html).contains("<p>Second paragraph.</p>"))
        #expect(report.lines.contains { $0.hasPrefix("content/posts/p.md:") && $0.contains("end tag </div> that closes no <div>") })
    }
}
