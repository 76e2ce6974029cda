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

    /// Hugo resolves `[[module.imports]] path = "name"` with no Go module as `themesDir/name`.
    @Test func moduleImportsAreThemes() throws {
        let site = try SiteFixtures.makeSite([
            "hugo.toml":
                "baseURL = \"https://example.org/\"\ntheme = \"first\"\n[[module.imports]]\npath = \"second\"\n[[module.imports]]\npath = \"missing\"\n",
            "themes/first/static/a.txt": "a", "themes/second/static/b.txt": "b",
        ])
        let config = try SiteConfig.load(siteRoot: site)
        #expect(config.themeFolders(siteRoot: site) == ["themes/first", "themes/second"])
    }

    @Test func aThemeNameWithDotDotIsIgnored() throws {
        let config = SiteConfig(raw: ["theme": .string("../../etc")])
        #expect(config.themeFolders(siteRoot: SiteFixtures.temporaryFolder()).isEmpty)
    }
}

/// A theme's own config gives `params` defaults under the site's, as Hugo merges them.
@Suite struct ThemeConfigTests {
    @Test func themeParamsFillInWhatTheSiteLeavesOut() throws {
        let site = try SiteFixtures.makeSite([
            "hugo.toml": "baseURL = \"https://example.org/\"\ntheme = \"t\"\n[params]\ncolor = \"red\"\n[params.article]\nmath = true\n",
            "themes/t/hugo.toml": "[params]\ncolor = \"blue\"\nwidth = 3\n[params.Article]\nmath = false\ntoc = true\n",
        ])
        let params = try SiteConfig.load(siteRoot: site).params
        #expect(params["color"] == .string("red"))
        #expect(params["width"] == .int(3))
        #expect(params["article"] == .table(["math": .bool(true), "toc": .bool(true)]))
    }

    @Test func aThemeWhoseConfigCannotBeReadGivesNoDefaults() throws {
        let site = try SiteFixtures.makeSite([
            "hugo.toml": "baseURL = \"https://example.org/\"\ntheme = \"t\"\n[params]\ncolor = \"red\"\n",
            "themes/t/hugo.toml": "[params\ncolor = ",
        ])
        #expect(try SiteConfig.load(siteRoot: site).params == ["color": .string("red")])
    }
}
