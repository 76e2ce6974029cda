import Foundation
import Testing
import Diagnostics

@Suite struct DiagnosticRendererTests {
    @Test func textNamesTheLocationAsEditorsLinkIt() {
        #expect(Diagnostic(.error, "bad", file: "content/a.md", line: 3, column: 7).description == "content/a.md:3:7: error: bad")
        #expect(Diagnostic(.warning, "bad", file: "content/a.md", line: 3).description == "content/a.md:3: warning: bad")
        #expect(Diagnostic(.notice, "bad", file: "content/a.md").description == "content/a.md: notice: bad")
        #expect(Diagnostic(.error, "bad").description == "error: bad")
        // A column without a line says nothing.
        #expect(Diagnostic(.error, "bad", file: "a.md", column: 4).description == "a.md: error: bad")
    }

    @Test func hintAndPageFollowTheMessage() {
        let diagnostic = Diagnostic(
            .warning, "shortcode failed", file: "layouts/shortcodes/x.html", line: 2,
            hint: "fix the template", page: "content/post.md")
        #expect(diagnostic.description == "layouts/shortcodes/x.html:2: warning: shortcode failed; fix the template (while building content/post.md)")
        // The page is not repeated when it is the file itself.
        let own = Diagnostic(.warning, "bad date", file: "content/post.md", page: "content/post.md")
        #expect(own.description == "content/post.md: warning: bad date")
    }

    @Test func thePageNamesWhereItCalledWhatFailed() {
        let diagnostic = Diagnostic(
            .warning, "shortcode failed", file: "layouts/shortcodes/x.html", line: 2, column: 5,
            page: "content/post.md", pageLine: 11, pageColumn: 3)
        #expect(diagnostic.description == "layouts/shortcodes/x.html:2:5: warning: shortcode failed (while building content/post.md:11:3)")
        #expect(DiagnosticRenderer.pageNote(Diagnostic(.warning, "bad", file: "a.md")) == "")
        #expect(
            DiagnosticRenderer.overlay([Diagnostic(.error, "bad", file: "layouts/x.html", page: "content/a.md", pageLine: 4)])
                .contains("layouts/x.html: error: bad (while building content/a.md:4)"))
    }

    @Test func whileBuildingFillsThePageOnce() {
        let found = Diagnostic(.warning, "bad entry", file: "content/p/refs.bib", line: 3).whileBuilding("content/p/index.md", line: 2)
        #expect(found.page == "content/p/index.md" && found.pageLine == 2 && found.pageColumn == nil)
        // A diagnostic that already names its page keeps it.
        #expect(found.whileBuilding("content/other.md").page == "content/p/index.md")
    }

    @Test func jsonKeepsThePartsApartAndLeavesOutWhatIsUnknown() throws {
        let json = DiagnosticRenderer.json([Diagnostic(.error, "bad", file: "a.md", line: 1, hint: "fix it")])
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        let first = try #require(decoded?.first)
        #expect(first["severity"] as? String == "error")
        #expect(first["file"] as? String == "a.md")
        #expect(first["line"] as? Int == 1)
        #expect(first["hint"] as? String == "fix it")
        #expect(first["column"] == nil && first["page"] == nil)
        #expect(
            try JSONDecoder().decode([Diagnostic].self, from: Data(json.utf8)) == [
                Diagnostic(.error, "bad", file: "a.md", line: 1, hint: "fix it")
            ])
        let called = Diagnostic(.warning, "failed", file: "layouts/x.html", line: 1, page: "content/a.md", pageLine: 9, pageColumn: 2)
        let withPage = DiagnosticRenderer.json([called])
        let page = try #require((try JSONSerialization.jsonObject(with: Data(withPage.utf8)) as? [[String: Any]])?.first)
        #expect(page["page"] as? String == "content/a.md" && page["pageLine"] as? Int == 9 && page["pageColumn"] as? Int == 2)
        #expect(try JSONDecoder().decode([Diagnostic].self, from: Data(withPage.utf8)) == [called])
    }

    @Test func overlayEscapesEachErrorAndCountsThem() {
        #expect(DiagnosticRenderer.overlay([]) == "")
        let overlay = DiagnosticRenderer.overlay([
            Diagnostic(.error, "<b> & \"q\"", file: "content/a.md", line: 3, column: 7),
            Diagnostic(.error, "second", hint: "do this"),
        ])
        #expect(overlay.contains("<li style=\"margin:0 0 .8em\">content/a.md:3:7: error: &lt;b&gt; &amp; &quot;q&quot;</li>"))
        #expect(overlay.contains("<li style=\"margin:0 0 .8em\">error: second; do this</li>"))
        #expect(overlay.contains("The build failed with 2 errors."))
    }

    @Test func severitiesOrderErrorsFirst() {
        #expect(Diagnostic.Severity.allCases.sorted() == [.error, .warning, .notice])
    }
}
