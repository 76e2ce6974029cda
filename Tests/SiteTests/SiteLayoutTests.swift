import Foundation
import Testing
@testable import Site

/// A site's own `layouts/*.mustache`: mistakes in them are reported where they are.
@Suite struct SiteLayoutTests {
    private static let config = "baseURL = \"https://example.org/\"\ntitle = \"T\"\n"
    private static let post = "---\ntitle: A\ndate: 2024-01-01\n---\nBody.\n"

    @Test func aLayoutThatDoesNotParseNamesItsFileLineAndColumn() throws {
        let site = try SiteFixtures.makeSite([
            "hugo.toml": Self.config, "content/posts/a.md": Self.post,
            "layouts/partials/footer.mustache": "<footer>\n  {{#page.title}}{{page.title}}\n</footer>\n",
        ])
        #expect {
            _ = try SiteFixtures.build(site, write: false)
        } throws: { error in
            (error as? Diagnostic)?.description
                == "layouts/partials/footer.mustache:2:3: error: template does not parse: {{#page.title}} is never closed: add {{/page.title}}"
        }
    }

    @Test func anIncludedPartialThatDoesNotExistIsAWarningAndRendersNothing() throws {
        let site = try SiteFixtures.makeSite([
            "hugo.toml": Self.config, "content/posts/a.md": Self.post,
            "layouts/partials/footer.mustache": "<footer>{{> copyrihgt}}|</footer>",
        ])
        let (report, _) = try SiteFixtures.build(site, write: false)
        #expect(
            report.lines.contains(
                "layouts/partials/footer.mustache: warning: template footer includes copyrihgt, which does not exist: it renders as nothing; add layouts/copyrihgt.mustache or fix the name"
            ))
        #expect(try #require(report.html(at: "/posts/a/")).contains("<footer>|</footer>"))
    }

    /// The table of contents is drawn by the recursive `toc-list` partial: a deeper heading opens one
    /// level, a shallower one closes levels down to its own but never the first; a site may replace it.
    @Test func theTableOfContentsNestsAsTheHeadingsDo() throws {
        let body = "---\ntitle: T\n---\n### Deep first\n\n## Top \"one\"\n\n#### Jump\n\n### Mid\n\n## Top two\n\nText.\n"
        let site = try SiteFixtures.makeSite(["hugo.toml": Self.config, "content/posts/t.md": body])
        let (report, _) = try SiteFixtures.build(site, write: false)
        let html = try #require(report.html(at: "/posts/t/"))
        #expect(
            html.contains(
                "<nav aria-labelledby=\"toc-title\"><ul><li><a href=\"#deep-first\">Deep first</a></li>"
                    + "<li><a href=\"#top-one\">Top “one”</a><ul><li><a href=\"#jump\">Jump</a></li></ul></li>"
                    + "<li><a href=\"#mid\">Mid</a></li><li><a href=\"#top-two\">Top two</a></li></ul></nav>"))

        let replaced = try SiteFixtures.makeSite([
            "hugo.toml": Self.config, "content/posts/t.md": body,
            "layouts/partials/toc-list.mustache": "<ol>{{#items}}<li>{{{text}}}{{#nested}}{{> toc-list}}{{/nested}}</li>{{/items}}</ol>",
        ])
        let (own, _) = try SiteFixtures.build(replaced, write: false)
        #expect(
            try #require(own.html(at: "/posts/t/")).contains(
                "<ol><li>Deep first</li><li>Top “one”<ol><li>Jump</li></ol></li><li>Mid</li><li>Top two</li></ol>"))
    }
}
