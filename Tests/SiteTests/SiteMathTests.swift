import Testing

/// Math through the site builder: equation numbers run through the page, `\eqref` links to
/// `\label`s above and below it, and each math error is reported at its file:line:column.
@Suite struct SiteMathTests {
    static let page = #"""
        See $\eqref{sum}$ below and $\ref{missing}$.

        $$\begin{align} a &= b \label{first} \\ c &= d \end{align}$$

        $$\begin{equation} x \label{sum} \end{equation}$$

        After $\eqref{first}$, a typo: $x + \foo y$.
        """#

    @Test func numbersLabelsAndErrorsOnAPage() throws {
        var site: [String: String] = [:]
        site["hugo.toml"] = "baseURL = \"https://example.org/\"\ntitle = \"T\"\n"
            + "[markup.goldmark.extensions.passthrough]\nenable = true\n"
            + "[markup.goldmark.extensions.passthrough.delimiters]\nblock = [['$$', '$$']]\ninline = [['$', '$']]\n"
        site["content/p.md"] = "---\ntitle: P\n---\n" + Self.page
        let (report, _) = try SiteFixtures.build(try SiteFixtures.makeSite(site), write: false)
        let html = try #require(report.html(at: "/p/"))
        // The align's two rows are (1) and (2); the equation after it is (3).
        #expect(html.contains("<mtd id=\"eqn-first\" style=\"position:absolute;right:0;padding:0.5ex 0 0\">"))
        #expect(html.contains("</mphantom></mpadded><mtext>(1)</mtext>"))
        #expect(html.contains("<mtext>(2)</mtext>"))
        #expect(html.contains("id=\"eqn-sum\""))
        #expect(html.contains("<mtext><a href=\"#eqn-sum\">(3)</a></mtext>"), "a reference above its label")
        #expect(html.contains("<mtext><a href=\"#eqn-first\">(1)</a></mtext>"), "a reference below its label")
        #expect(html.contains("<merror style=\"color:#b00\"><mtext>\\foo</mtext></merror>"))
        let math = report.diagnostics.filter { $0.message.hasPrefix("math:") }.map(\.description)
        #expect(math.contains { $0.contains("p.md:10:37") && $0.contains("unknown command \\foo") }, "\(math)")
        #expect(math.contains { $0.contains("p.md:4:") && $0.contains("\\ref{missing}") }, "\(math)")
        #expect(math.count == 2, "\(math)")
    }
}
