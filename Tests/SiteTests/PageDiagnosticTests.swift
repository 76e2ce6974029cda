import Foundation
import Testing
@testable import Site

/// A problem found while building one page but written in another file (a shortcode template, a
/// partial, a render hook, the page's own bibliography) is reported at that file, line and column,
/// with the page that was being built and where it made the call.
@Suite struct PageDiagnosticTests {
    private func build(_ files: [String: String]) throws -> BuildReport {
        var all = ["hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"T\"\nenableInlineShortcodes = true\n"]
        for (path, text) in files { all[path] = text }
        return try SiteFixtures.build(try SiteFixtures.makeSite(all), write: false).0
    }

    private func diagnostic(_ report: BuildReport, containing text: String) throws -> Diagnostic {
        try #require(report.diagnostics.first { $0.message.contains(text) }, "no diagnostic with \(text): \(report.lines)")
    }

    @Test func aPartialThatFailsIsNamedWithThePageThatCalledTheShortcode() throws {
        let report = try build([
            "layouts/shortcodes/card.html": "<div>\n  {{ partial \"inner.html\" . }}\n</div>\n",
            "layouts/partials/inner.html": "<p>\n{{ .Page.NoSuchField }}</p>\n",
            "content/p.md": "---\ntitle: P\n---\nText.\n\nSee {{< card >}} here.\n",
        ])
        let found = try diagnostic(report, containing: "shortcode \"card\" failed")
        #expect(found.file == "layouts/partials/inner.html" && found.line == 2 && found.column == 4)
        #expect(found.page == "content/p.md" && found.pageLine == 6 && found.pageColumn == 5)
        #expect(found.kind == .failedShortcode)
        #expect(
            found.description
                == "layouts/partials/inner.html:2:4: warning: shortcode \"card\" failed: executing \"layouts/partials/inner.html\" at "
                + "<.Page.NoSuchField>: can't evaluate field NoSuchField in type *hugolib.pageState; it renders nothing "
                + "(while building content/p.md:6:5)")
    }

    @Test func warnfNamesItsPlaceInTheTemplateAndThePage() throws {
        let report = try build([
            "layouts/shortcodes/old.html": "{{ if true }}\n  {{ warnf \"%s is deprecated\" .Name }}{{ end }}",
            "content/p.md": "---\ntitle: P\n---\n{{< old >}}\n",
        ])
        let found = try diagnostic(report, containing: "old is deprecated")
        #expect(found.severity == .warning)
        #expect(found.file == "layouts/shortcodes/old.html" && found.line == 2 && found.column == 6)
        #expect(found.page == "content/p.md" && found.pageLine == 4 && found.pageColumn == 1)
        #expect(found.description == "layouts/shortcodes/old.html:2:6: warning: old is deprecated (while building content/p.md:4:1)")
    }

    @Test func aFailingRenderHookNamesTheHookAndThePage() throws {
        let report = try build([
            "layouts/_markup/render-image.html": "<img src=\"{{ .Destination }}\">{{ .NoSuchField }}",
            "content/p.md": "---\ntitle: P\n---\nOne.\n\nTwo ![alt](a.png).\n",
        ])
        let found = try diagnostic(report, containing: "render hook layouts/_markup/render-image.html failed")
        #expect(found.file == "layouts/_markup/render-image.html" && found.line == 1 && found.column == 34)
        #expect(found.page == "content/p.md" && found.pageLine == 6 && found.pageColumn == 5)
        #expect(found.description.hasSuffix("(while building content/p.md:6:5)"))
    }

    @Test func anInlineShortcodeHasNoFileOfItsOwnSoItsFailureIsAtTheCall() throws {
        let report = try build([
            "layouts/shortcodes/x.html": "x",
            "content/p.md": "---\ntitle: P\n---\n{{< t.inline >}}{{ .NoSuchField }}{{< /t.inline >}}\n",
        ])
        let found = try diagnostic(report, containing: "shortcode \"t.inline\" failed")
        #expect(found.file == "content/p.md" && found.line == 4 && found.column == 1)
        #expect(found.page == nil)
        #expect(found.message.contains("inline shortcode t.inline:1:4: executing"))
    }

    @Test func aProblemOfThePagesOwnBibliographyNamesThePage() throws {
        let report = try build([
            "content/posts/p/index.md": "---\ntitle: P\nbibliography: refs.bib\n---\nAs [@a] said.\n",
            "content/posts/p/refs.bib": "@article{a, title = {A} year = 2020}\n",
        ])
        let found = try diagnostic(report, containing: "expected `,`")
        #expect(found.file == "content/posts/p/refs.bib" && found.line == 1)
        #expect(found.page == "content/posts/p/index.md" && found.pageLine == 3)
    }

    @Test func aProblemOfThePageItselfNamesNoOtherPage() throws {
        let report = try build(["content/p.md": "---\ntitle: P\n---\n{{< nothing >}}\n"])
        let found = try diagnostic(report, containing: "unknown shortcode \"nothing\"")
        #expect(found.file == "content/p.md" && found.page == nil)
    }
}
