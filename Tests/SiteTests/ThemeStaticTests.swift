import Foundation
import Testing
@testable import Site

/// A Hugo theme's `static/` is published with the site's, as Hugo does; the site's file of the
/// same name wins.
@Suite struct ThemeStaticTests {
    @Test func themeStaticFilesArePublishedAndTheSiteWins() throws {
        let site = try SiteFixtures.makeSite([
            "hugo.toml": "title = \"T\"\nbaseURL = \"https://example.org/\"\ntheme = \"plain\"\n",
            "content/a.md": "---\ntitle: A\n---\n![chart](/img/chart.svg)\n",
            "themes/plain/static/img/chart.svg": "<svg>theme</svg>",
            "themes/plain/static/css/both.css": "theme",
            "static/css/both.css": "site",
            "themes/../escape/static/x.txt": "outside",
        ])
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.warnings.isEmpty, "\(report.lines)")
        #expect(try String(contentsOf: output.appendingPathComponent("img/chart.svg"), encoding: .utf8) == "<svg>theme</svg>")
        #expect(try String(contentsOf: output.appendingPathComponent("css/both.css"), encoding: .utf8) == "site")
        #expect(report.staticCount == 2)
    }

    @Test func aThemeNameWithDotDotIsIgnored() throws {
        let config = SiteConfig(raw: ["theme": .string("../../etc")])
        #expect(config.themeFolders(siteRoot: SiteFixtures.temporaryFolder()).isEmpty)
    }
}
