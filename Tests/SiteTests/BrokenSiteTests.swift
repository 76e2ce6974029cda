import Foundation
import Testing
@testable import Site

/// Each folder of Fixtures/ with one kind of bad input: the exact message, and the other pages still built.
@Suite struct BrokenSiteTests {
    @Test func badYAMLNamesFileLineAndColumn() throws {
        let (report, _) = try SiteFixtures.build(SiteFixtures.site("bad-yaml"), write: false)
        #expect(
            report.lines.contains(
                "content/posts/broken.md:3:12: error: invalid YAML front matter: found unexpected end of stream (while scanning a quoted scalar that starts on line 2)"
            ), "\(report.lines)")
        #expect(report.html(at: "/posts/fine/")?.contains("Still built.") == true)
    }

    @Test func badTOMLNamesFileLineAndColumn() throws {
        let (report, _) = try SiteFixtures.build(SiteFixtures.site("bad-toml"), write: false)
        #expect(
            report.errors.map(\.description) == [
                "content/posts/broken.md:4:17: error: invalid TOML front matter: Error while parsing array: encountered end-of-file"
            ], "\(report.lines)")
        #expect(report.html(at: "/posts/fine/")?.contains("Still built.") == true)
    }

    @Test func duplicateURLNamesBothFiles() throws {
        let (report, _) = try SiteFixtures.build(SiteFixtures.site("duplicate-url"), write: false)
        #expect(
            report.errors.map(\.description) == [
                "content/posts/two.md: error: content/posts/one.md and content/posts/two.md both have the URL /posts/same/; change the slug or url of one of them"
            ])
        #expect(report.html(at: "/posts/three/")?.contains("Three.") == true)
    }

    @Test func missingImageIsAWarningWithItsPosition() throws {
        let (report, _) = try SiteFixtures.build(SiteFixtures.site("missing-image"), write: false)
        #expect(report.errors.isEmpty)
        #expect(
            report.lines == [
                "content/posts/pictures.md:7:1: warning: image not found: diagram.png (looked in static/); add the file or fix the path"
            ])
        #expect(report.html(at: "/posts/pictures/")?.contains("Intro line.") == true)
    }

    @Test func malformedDatesWarnAndReadTheBestPart() throws {
        let (report, _) = try SiteFixtures.build(SiteFixtures.site("malformed-date"), write: false)
        #expect(
            report.lines == [
                "content/posts/when.md:3:7: warning: cannot fully read date \"2023-11-16:30:03+00:00\"; read as 2023-11-16; write it as 2023-11-16T10:30:00+00:00 or 2023-11-16",
                "content/posts/when.md:4:10: warning: cannot read lastmod \"yesterday\"; use a form such as 2023-11-16T10:30:00+00:00; the date is ignored",
            ])
        #expect(report.html(at: "/posts/when/")?.contains("datetime=\"2023-11-16T00:00:00Z\"") == true)
    }

    @Test func failedBuildLeavesThePreviousOutputUntouched() throws {
        let site = try SiteFixtures.makeSite([
            "content/posts/a.md": "---\ntitle: A\n---\nFirst version.\n"
        ])
        let destination = SiteFixtures.temporaryFolder().appendingPathComponent("public")
        let good = try SiteBuilder(source: site, destination: destination).build()
        #expect(good.published)
        try Data("---\ntitle: [unclosed\n---\nSecond version.\n".utf8).write(to: site.appendingPathComponent("content/posts/a.md"))
        let bad = try SiteBuilder(source: site, destination: destination).build()
        #expect(!bad.errors.isEmpty)
        #expect(!bad.published)
        let html = try String(contentsOf: destination.appendingPathComponent("posts/a/index.html"), encoding: .utf8)
        #expect(html.contains("First version."))
    }
}
