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
        #expect(report.lines.contains(
            "layouts/partials/footer.mustache: warning: template footer includes copyrihgt, which does not exist: it renders as nothing; add layouts/copyrihgt.mustache or fix the name"))
        #expect(try #require(report.html(at: "/posts/a/")).contains("<footer>|</footer>"))
    }
}
