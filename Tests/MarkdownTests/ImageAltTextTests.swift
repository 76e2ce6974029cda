import Markdown
import Testing

/// An image's `alt` is the plain text of its description as goldmark gives it (Hugo 0.168's output
/// on the same text): emphasis, links and code keep their text; an autolink written `<…>` gives none.
@Suite struct ImageAltTextTests {
    @Test func angleAutolinksAreLeftOutOfAltText() {
        let html = renderHTML(
            "![see https://a.org/x and <https://b.org> more](p.png)\n\n![a *b* c [l](u) d `e`](q.png)\n",
            options: .site)
        #expect(html.contains("alt=\"see https://a.org/x and  more\""), "\(html)")
        #expect(html.contains("alt=\"a b c l d e\""), "\(html)")
    }
}
