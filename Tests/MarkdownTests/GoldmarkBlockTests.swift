import Markdown
import Testing

/// goldmark's tables (continued like the paragraph they are read from) and block attributes
/// (`{.class #id}` on the line below a block); expected HTML follows Hugo 0.168's output for the
/// same text (`markup.goldmark.parser.attribute.block = true`).
struct GoldmarkBlockTests {
    private func render(_ markdown: String, goldmark: Bool = true) -> String {
        var options = MarkdownOptions.site
        options.goldmarkTables = goldmark
        options.blockAttributes = goldmark
        return HTMLRenderer(options: options).render(Document.parse(markdown, options: options))
    }

    @Test func attributesGoToTheBlockAboveAndNeverShow() {
        let html = render(
            """
            A paragraph
            {.para #pid}

            | a | b |
            |---|---|
            | 1 | 2 |
            {.table .striped data-x="1 2"}
            &nbsp;

            - item one
            - item two
            {.list}

            > quote
            {.q}

            {.before}
            Next para

            Text {.inline} here

            """)
        #expect(html.contains("<p id=\"pid\" class=\"para\">A paragraph</p>"))
        #expect(html.contains("<table class=\"table striped\" data-x=\"1 2\">"))
        #expect(html.contains("</table>\n<p>\u{A0}</p>"), "the attribute line ends the table")
        #expect(html.contains("<ul class=\"list\">\n<li>item one</li>"))
        #expect(html.contains("<blockquote class=\"q\">\n<p>quote</p>"))
        #expect(html.contains("<p>Next para</p>"), "an attribute line after a blank line is dropped, not given to the next block")
        #expect(html.contains("<p>Text {.inline} here</p>"))
        for line in ["{.para", "{.table", "{.list", "{.q}", "{.before"] { #expect(!html.contains(line)) }
    }

    @Test func headingsKeepTheirIDs() {
        let html = render("## Heading\n{#other .h}\n")
        #expect(html == "<h2 id=\"heading\" class=\"h\">Heading</h2>\n")
    }

    @Test func notAttributesStayText() {
        for text in ["{not attributes}", "{.a} trailing", "{#}", "{a=}", "{.a"] {
            #expect(render("Para\n" + text + "\n").contains(text.replacingOccurrences(of: "\"", with: "&quot;")), "\(text)")
        }
        // In a code block the line is code.
        #expect(render("```\n{.a}\n```\n").contains("<code>{.a}\n</code>"))
    }

    @Test func linesThatCannotInterruptAParagraphAreTableRows() {
        let html = render(
            """
            | c | d |
            |---|---|
            | 3 | 4 |
            <br>
                indented
            2. two

            """)
        #expect(html.contains("<tr>\n<td><br></td>\n<td></td>\n</tr>"))
        #expect(html.contains("<td>indented</td>"))
        #expect(html.contains("<td>2. two</td>"))
        // cmark-gfm ends the table at the HTML line instead.
        let gfm = render("| c |\n|---|\n| 3 |\n<br>\n", goldmark: false)
        #expect(gfm.contains("</table>\n<br>"))
    }

    @Test func attributeLinesAreOffByDefault() {
        let html = HTMLRenderer(options: .site).render(Document.parse("Para\n{.x}\n", options: .site))
        #expect(html == "<p>Para\n{.x}</p>\n")
    }
}
