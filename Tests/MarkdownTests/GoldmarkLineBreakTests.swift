import Markdown
import Testing

/// goldmark's backslash line breaks (Hugo): a backslash at a line's end breaks the line only when
/// the byte before it is not a backslash. Expected HTML from Hugo 0.168 on the same text.
struct GoldmarkLineBreakTests {
    private func render(_ markdown: String, goldmark: Bool) -> String {
        var options = MarkdownOptions.site
        options.goldmarkBackslashBreaks = goldmark
        return HTMLRenderer(options: options).render(Document.parse(markdown, options: options))
    }

    static let text = "x \\\ny\n\nx \\\\\ny\n\nx \\\\\\\ny\n\nx \\\\\\\\\\\ny\n\nx\\\\\\\ny\n"

    @Test func aBackslashAfterABackslashIsText() {
        #expect(
            render(Self.text, goldmark: true)
                == "<p>x <br />\ny</p>\n<p>x \\\ny</p>\n<p>x \\\\\ny</p>\n<p>x \\\\\\\ny</p>\n<p>x\\\\\ny</p>\n")
    }

    @Test func commonMarkBreaksAfterAnEscapedBackslash() {
        #expect(render("x \\\\\\\ny\n", goldmark: false) == "<p>x \\<br />\ny</p>\n")
    }
}
