import Foundation
import Testing
@testable import Site

/// Content and config values that used to write outside the output, crash, blow up or pass in
/// silence: each is now read as well as it can be, with a message naming file and line.
@Suite struct UnsafeInputTests {
    private let config = "title = \"T\"\nbaseURL = \"https://example.org/\"\n"

    private func build(_ files: [String: String]) throws -> BuildReport {
        try SiteFixtures.build(try SiteFixtures.makeSite(["hugo.toml": config].merging(files) { _, new in new }), write: false).0
    }

    @Test func pathsWithDotDotAreSkippedWithTheirLine() throws {
        let report = try build([
            "content/posts/url.md": "---\ntitle: U\nurl: ../../../../tmp/evil/\n---\nU.\n",
            "content/posts/slug.md": "---\ntitle: S\nslug: \"..\"\n---\nS.\n",
            "content/posts/alias.md": "---\ntitle: A\naliases: [../../outside/x]\n---\nA.\n",
            "content/posts/fine.md": "---\ntitle: F\n---\nStill built.\n",
        ])
        #expect(
            report.errors.map(\.description).sorted() == [
                "content/posts/alias.md:3: error: alias ../../outside/x has a `..` segment, which could write outside the site or over another page; it was skipped",
                "content/posts/slug.md:3: error: the page's slug has a `..` segment, which could write outside the site or over another page; the page was skipped: write a path without `..`",
                "content/posts/url.md:3: error: the page's url has a `..` segment, which could write outside the site or over another page; the page was skipped: write a path without `..`",
            ])
        #expect(report.generatedPaths.allSatisfy { !$0.split(separator: "/").contains("..") })
        #expect(report.html(at: "/posts/fine/")?.contains("Still built.") == true)
        #expect(report.html(at: "/")?.contains("<html") == true, "the home page is not replaced")
    }

    @Test func permalinkPatternsWithDotDotAreSkipped() throws {
        let report = try build([
            "hugo.toml": config + "[permalinks]\nposts = \"/../../:slug/\"\n",
            "content/posts/p.md": "---\ntitle: P\n---\nP.\n",
        ])
        #expect(
            report.errors.map(\.message) == [
                "the page's permalinks has a `..` segment, which could write outside the site or over another page; the page was skipped: write a path without `..`"
            ])
    }

    @Test func impossibleDatesAreAWarningInYAMLAndTOMLAlike() throws {
        let report = try build([
            "content/posts/yaml.md": "---\ntitle: Y\ndate: 2023-02-30\n---\nY.\n",
            "content/posts/toml.md": "+++\ntitle = \"T\"\ndate = 2023-13-45\n+++\nT.\n",
            "content/posts/hour.md": "---\ntitle: H\ndate: 2025-10-10T8:30:03+08:00\n---\nH.\n",
        ])
        #expect(report.errors.isEmpty, "\(report.lines)")
        #expect(
            report.lines.sorted() == [
                "content/posts/toml.md:3:8: warning: cannot read date \"2023-13-45\"; use a form such as 2023-11-16T10:30:00+00:00; the date is ignored",
                "content/posts/yaml.md:3:7: warning: cannot read date \"2023-02-30\"; use a form such as 2023-11-16T10:30:00+00:00; the date is ignored",
            ])
        #expect(report.html(at: "/posts/toml/")?.contains("T.") == true)
        let hour = try #require(DateReader.read("2025-10-10T8:30:03+08:00"))
        #expect(hour == DateReader.Reading(date: Date(timeIntervalSince1970: 1_760_056_203), isPartial: false), "a one-digit hour keeps its time")
    }

    @Test func fieldsOfTheWrongTypeAreNamed() throws {
        let report = try build(["content/posts/p.md": "---\ntitle: P\ndraft: maybe\nweight: heavy\nslug: [a, b]\n---\nP.\n"])
        #expect(
            report.lines.sorted() == [
                "content/posts/p.md:3: warning: `draft` should be true or false, not \"maybe\"; it was ignored",
                "content/posts/p.md:4: warning: `weight` should be a whole number, not \"heavy\"; it was ignored",
                "content/posts/p.md:5: warning: `slug` should be text, not a list; it was ignored",
            ])
        #expect(report.html(at: "/posts/p/")?.contains("P.") == true, "not a draft")
    }

    @Test func binaryAndEmptyMarkdownFilesAreWarnings() throws {
        let site = try SiteFixtures.makeSite(["hugo.toml": config, "content/posts/empty.md": ""])
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0xFE]).write(to: site.appendingPathComponent("content/posts/image.md"))
        let report = try SiteFixtures.build(site, write: false).0
        #expect(
            report.lines.sorted() == [
                "content/posts/empty.md: warning: the file is empty; it was built as a page without title or text",
                "content/posts/image.md: warning: the file is not UTF-8 text (a binary file named .md?); it was skipped: rename or convert it",
            ])
    }

    @Test func numericSettingsAreClampedWithAWarning() throws {
        let report = try build([
            "hugo.toml": config + "summaryLength = -5\npaginate = \"many\"\n",
            "content/posts/p.md": "---\ntitle: P\n---\nSome words here.\n",
        ])
        #expect(
            report.lines.sorted() == [
                "hugo.toml:3: warning: `summaryLength` should be from 0 to 100,000; -5 was read as 0",
                "hugo.toml:4: warning: `paginate` should be a whole number from 1 to 100,000, not \"many\"; it was ignored",
            ])
        #expect(report.html(at: "/posts/p/") != nil)
    }

    @Test func yamlAliasBombsStopAtABudget() throws {
        var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            lines.append("\(name): &\(name) [" + Array(repeating: "*" + previous, count: 9).joined(separator: ",") + "]")
            previous = name
        }
        let bomb = lines.joined(separator: "\n") + "\n"
        let report = try build([
            "content/posts/bomb.md": "---\ntitle: Bomb\n" + bomb + "---\nBody.\n",
            "content/posts/fine.md": "---\ntitle: F\nbase: &b {x: 1}\nuse: *b\n---\nFine.\n",
        ])
        #expect(
            report.errors.map(\.description).contains {
                $0.hasPrefix("content/posts/bomb.md:") && $0.contains("aliases (`*name`) expand to more values than the text could hold")
            }, "\(report.lines)")
        #expect(report.html(at: "/posts/fine/")?.contains("Fine.") == true, "small aliases still read")
    }
}

/// Chart data comes from the site only: a spec cannot publish a file from elsewhere on the machine.
@Suite struct ChartDataAccessTests {
    @Test func dataOutsideTheSiteIsRefusedAndInsideIsRead() throws {
        let outside = SiteFixtures.temporaryFolder().appendingPathComponent("secret.csv")
        try Data("name,value\nsecret-row,42\n".utf8).write(to: outside)
        let chart = { (path: String) in "```chart\ntype: bar\ndata: \(path)\nx: name\ny: value\n```\n" }
        let site = try SiteFixtures.makeSite([
            "hugo.toml": "title = \"T\"\nbaseURL = \"https://example.org/\"\n",
            "content/posts/absolute.md": "---\ntitle: A\n---\n" + chart(outside.path),
            "content/posts/climb/index.md": "---\ntitle: C\n---\n" + chart("../../../../../../../../.." + outside.path),
            "content/posts/fine/index.md": "---\ntitle: F\n---\n" + chart("../../../data/rows.csv"),
            "data/rows.csv": "name,value\nsite-row,7\n",
        ])
        let (report, _) = try SiteFixtures.build(site, write: false)
        for page in ["/posts/absolute/", "/posts/climb/"] {
            let html = try #require(report.html(at: page))
            #expect(!html.contains("secret-row"), "\(page)")
        }
        #expect(
            report.lines.filter { $0.contains("is outside the site's data folders (content/, data/, assets/, static/)") }.count == 2,
            "\(report.lines)")
        #expect(report.html(at: "/posts/fine/")?.contains("site-row") == true)
    }
}
