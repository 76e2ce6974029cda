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
        site["hugo.toml"] =
            "baseURL = \"https://example.org/\"\ntitle = \"T\"\n"
            + "[markup.goldmark.extensions.passthrough]\nenable = true\n"
            + "[markup.goldmark.extensions.passthrough.delimiters]\nblock = [['$$', '$$']]\ninline = [['$', '$']]\n"
        site["content/p.md"] = "---\ntitle: P\n---\n" + Self.page
        let (report, _) = try SiteFixtures.build(try SiteFixtures.makeSite(site), write: false)
        let html = try #require(report.html(at: "/p/"))
        // The align's two rows are (1) and (2); the equation after it is (3).
        #expect(html.contains("<mtd id=\"eqn-first\" style=\"position:absolute;right:0;padding:0\">"))
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

    /// Labels are site-wide, as in LaTeX and Quarto books: `\eqref` to a key no equation of its
    /// own page has links to the page that labels it, with that page's number; a key no page
    /// labels, or several do, is a warning at the reference's file:line:column.
    @Test func referencesToEquationsOnOtherPages() throws {
        var site: [String: String] = [:]
        site["hugo.toml"] =
            "baseURL = \"https://example.org/blog/\"\ntitle = \"T\"\n"
            + "[markup.goldmark.extensions.passthrough]\nenable = true\n"
            + "[markup.goldmark.extensions.passthrough.delimiters]\nblock = [['$$', '$$']]\ninline = [['$', '$']]\n"
        site["content/posts/energy.md"] =
            "---\ntitle: Energy\n---\n$$\\begin{equation} a \\end{equation}$$\n\n"
            + "$$\\begin{equation} E = mc^2 \\label{eq:energy} \\end{equation}$$\n\n$$\\begin{equation} b \\label{twice} \\end{equation}$$\n"
        site["content/posts/other.md"] = "---\ntitle: Other\n---\n$$\\begin{equation} c \\label{twice} \\end{equation}$$\n"
        site["content/notes.md"] =
            "---\ntitle: Notes\n---\nBy $\\eqref{eq:energy}$ and $\\ref{eq:energy}$, here (1):\n\n"
            + "$$\\begin{equation} x \\label{own} \\end{equation}$$\n\nSee $\\eqref{own}$, $\\eqref{nowhere}$ and $\\eqref{twice}$.\n"
        let (report, _) = try SiteFixtures.build(try SiteFixtures.makeSite(site), write: false)
        let html = try #require(report.html(at: "/notes/"))
        #expect(html.contains("<mtext><a href=\"/blog/posts/energy/#eqn-eq:energy\">(2)</a></mtext>"), "\(html)")
        #expect(html.contains("<mtext><a href=\"/blog/posts/energy/#eqn-eq:energy\">2</a></mtext>"))
        #expect(html.contains("<mtext><a href=\"#eqn-own\">(1)</a></mtext>"), "its own label first")
        #expect(html.contains("<mtext data-eqref=\"nowhere\">(??)</mtext>"))
        #expect(html.contains("<mtext data-eqref=\"twice\">(??)</mtext>"))
        let math = report.diagnostics.filter { $0.message.hasPrefix("math:") }.map(\.description)
        #expect(math.contains { $0.contains("content/notes.md:8:20:") && $0.contains("\\ref{nowhere} names no \\label{nowhere}") }, "\(math)")
        #expect(
            math.contains { $0.contains("content/notes.md:8:42:") && $0.contains("is on 2 pages (/blog/posts/energy/, /blog/posts/other/)") },
            "\(math)")
        #expect(math.count == 2, "\(math)")
    }
}
