import Foundation
import Testing
@testable import LinkCheck

@Suite("Internal checks of fixture sites")
struct InternalCheckTests {
    @Test func cleanSiteHasNoFindings() async throws {
        let result = try await FixtureSite.check("clean")
        #expect(result.findings == [])
        #expect(result.text == "Checked 8 pages: 0 errors, 0 warnings, 0 notices.\n")
        #expect(result.exitStatus(strict: true) == 0)
    }

    @Test func brokenLinksAnchorsAndReferences() async throws {
        let result = try await FixtureSite.check("broken-links")
        #expect(
            FixtureSite.lines(result) == [
                "content/posts/a.md",
                "  7:3: error: broken link: /posts/nope/ matches no page, section, term or file",
                "  7:38: error: broken link: /files/report.pdf matches no page, section, term or file",
                "  8:3: error: broken link: /tags/two/ matches no page, section, term or file",
                "  8:36: error: broken link: b-missing.md matches no page, section, term or file",
                "  9:3: error: ref target not found: gone.md; point it at an existing content file",
                "  10:3: error: broken anchor: #unknown (no element on /posts/a/ has the id \"unknown\")",
                "  10:57: error: broken anchor: b.md#nowhere (no element on /posts/b/ has the id \"nowhere\")",
                "content/posts/b.md",
                "  error: broken anchor in the page's template or HTML: /posts/a/#nothing (on /posts/b/)",
                "  error: broken link in the page's template or HTML: /raw/missing/ (on /posts/b/)",
                "content/posts/c.md",
                "  4:3: error: broken link: /posts/gone-too/ matches no page, section, term or file",
                "hugo.toml",
                "  error: broken menu link: /gone/ (menu entry \"Gone\")",
            ])
        #expect(result.summary == "Checked 8 pages: 11 errors, 0 warnings, 0 notices.")
        #expect(result.exitStatus(strict: false) == 1)
    }

    @Test func missingImagesAndAltText() async throws {
        let result = try await FixtureSite.check("broken-images")
        #expect(
            FixtureSite.lines(result) == [
                "content/posts/pics/index.md",
                "  4:27: warning: image chart.png has no alt text; describe it for readers who cannot see it",
                "  6:1: error: image not found: plot.png (looked in the page's folder and static/)",
                "  8:1: error: image not found: /images/banner.png (looked in the page's folder and static/)",
            ])
        #expect(result.findings.map(\.kind) == [.missingAlt, .missingImage, .missingImage])
    }

    /// Formulas drawn with an unknown command, or not drawn at all, are listed at the file, line
    /// and column of the command (or the formula), with the command.
    @Test func mathErrorsAreListedWithTheirCommand() async throws {
        let result = try await FixtureSite.check("math-errors")
        #expect(
            FixtureSite.lines(result) == [
                "content/posts/formulas.md",
                "  6:26: error: formula drawn with an error: unknown command \\foo",
                "  6:71: error: formula not rendered: unknown bond type x: use one of - = # 1 2 3 ~ ~- ~= ~-- -~- ... .... -> <- (\\bond)",
                "  8:1: error: formula not rendered: missing } to close a group",
            ])
        #expect(result.findings.map(\.kind) == [.mathError, .mathError, .mathError])
        #expect(result.findings.map(\.subject) == ["\\foo", "\\bond", ""])
        #expect(result.exitStatus(strict: false) == 1)
    }

    /// What a reader would see as broken text: a formula whose opener is never closed, a shortcode
    /// with no template (its inner text kept), a site shortcode that failed; each at file:line:col.
    /// The failed shortcode is listed at its template's line and column, with the page that called it.
    @Test func unclosedMathAndDroppedOrFailedShortcodesAreListed() async throws {
        let result = try await FixtureSite.check("content-problems")
        #expect(
            FixtureSite.lines(result) == [
                "content/posts/open.md",
                "  6:9: warning: math opened with `$$` is never closed, so readers see its TeX as text",
                "  9:1: warning: unknown shortcode \"callout\": no layouts/shortcodes/callout.html in the site or its theme; its inner content is shown as it is",
                "  13:1: warning: math opened with `\\begin{align}` is never closed, so readers see its TeX as text",
                "layouts/shortcodes/broken.html",
                "  1:4: warning: shortcode \"broken\" failed: executing \"layouts/shortcodes/broken.html\" at <index .Params 5>: error calling index: index out of range: 5; it renders nothing (while building content/posts/open.md:11:1)",
            ])
        #expect(result.findings.map(\.kind) == [.unclosedMath, .unknownShortcode, .unclosedMath, .failedShortcode])
        let failed = try #require(result.findings.last?.diagnostic)
        #expect(failed.page == "content/posts/open.md" && failed.pageLine == 11 && failed.pageColumn == 1)
        // The JSON report names the page too.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.json.utf8)) as? [String: Any])
        let last = try #require((json["findings"] as? [[String: Any]])?.last)
        #expect(last["file"] as? String == "layouts/shortcodes/broken.html")
        #expect(last["page"] as? String == "content/posts/open.md" && last["pageLine"] as? Int == 11 && last["pageColumn"] as? Int == 1)
        let decoded = try JSONDecoder().decode(Finding.self, from: JSONSerialization.data(withJSONObject: last)).diagnostic
        #expect(decoded.page == failed.page && decoded.pageLine == failed.pageLine && decoded.pageColumn == failed.pageColumn)
        #expect(result.exitStatus(strict: false) == 0)
        #expect(result.exitStatus(strict: true) == 1)
    }

    @Test func duplicateIDsAreWarningsThatFailOnlyWhenStrict() async throws {
        let result = try await FixtureSite.check("duplicate-ids")
        #expect(
            FixtureSite.lines(result) == [
                "content/posts/ids.md",
                "  warning: duplicate id \"note\" on /posts/ids/ (3 elements); links to #note reach only the first",
                "  warning: duplicate id \"setup\" on /posts/ids/ (2 elements); links to #setup reach only the first",
            ])
        #expect(result.exitStatus(strict: false) == 0)
        #expect(result.exitStatus(strict: true) == 1)
    }

    @Test func orphanPagesAreNotices() async throws {
        let result = try await FixtureSite.check("orphan-page")
        #expect(
            FixtureSite.lines(result) == [
                "content/hidden.md",
                "  notice: orphan page: no list, menu or link reaches /hidden/ from the home page",
            ])
        #expect(result.exitStatus(strict: true) == 0)
    }

    @Test func httpLinksToHostsUsedWithHTTPS() async throws {
        let result = try await FixtureSite.check("insecure-links")
        #expect(
            FixtureSite.lines(result) == [
                "content/posts/links.md",
                "  4:52: notice: http://example.com/b uses http:// but the site links to https://example.com elsewhere; use https://",
            ])
    }

    @Test func buildWarningsLeaveOutWhatTheBuilderReports() throws {
        let report = try FixtureSite.build("broken-links")
        let lines = internalFindings(report).map(\.description)
        #expect(
            lines == [
                "content/posts/a.md:7:3: warning: broken link: /posts/nope/ matches no page, section, term or file",
                "content/posts/a.md:7:38: warning: broken link: /files/report.pdf matches no page, section, term or file",
                "content/posts/a.md:8:3: warning: broken link: /tags/two/ matches no page, section, term or file",
                "content/posts/a.md:10:3: warning: broken anchor: #unknown (no element on /posts/a/ has the id \"unknown\")",
                "content/posts/a.md:10:57: warning: broken anchor: b.md#nowhere (no element on /posts/b/ has the id \"nowhere\")",
                "content/posts/b.md: warning: broken anchor in the page's template or HTML: /posts/a/#nothing (on /posts/b/)",
                "content/posts/b.md: warning: broken link in the page's template or HTML: /raw/missing/ (on /posts/b/)",
                "content/posts/c.md:4:3: warning: broken link: /posts/gone-too/ matches no page, section, term or file",
                "hugo.toml: warning: broken menu link: /gone/ (menu entry \"Gone\")",
            ])
        // The builder itself warns about the content file link and the ref.
        #expect(report.warnings.contains { $0.line == 8 && $0.message.contains("b-missing.md") })
        #expect(report.warnings.contains { $0.line == 9 && $0.message.contains("gone.md") })
    }

    @Test func jsonReportIsStable() async throws {
        let result = try await FixtureSite.check("orphan-page")
        #expect(
            result.json == """
                {
                  "findings" : [
                    {
                      "file" : "content/hidden.md",
                      "kind" : "orphan-page",
                      "message" : "orphan page: no list, menu or link reaches /hidden/ from the home page",
                      "severity" : "notice",
                      "subject" : "/hidden/"
                    }
                  ],
                  "summary" : {
                    "errors" : 0,
                    "externalURLs" : 0,
                    "notices" : 1,
                    "pages" : 8,
                    "warnings" : 0
                  },
                  "version" : 1
                }

                """)
    }
}

/// A multilingual site whose default language is in a folder too: links between the languages
/// (the language switch, hreflang) are inside the site.
@Suite struct MultilingualCheckTests {
    @Test func linksAcrossLanguageFoldersResolve() async throws {
        let result = try await FixtureSite.check("multilingual-subdir")
        #expect(result.findings.filter { $0.severity != .notice } == [])
        #expect(result.pageCount > 10)
    }
}
