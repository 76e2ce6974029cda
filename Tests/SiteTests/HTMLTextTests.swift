import Testing
@testable import Site

struct HTMLTextTests {
    @Test func plainTextDropsMarkupScriptsAndHiddenTables() {
        let html = """
            <h2 id="a">Loss &amp; accuracy</h2><p>Café&nbsp;&#233;&#x2713; <em>x</em>&lt;y&gt; &quot;q&quot; &bogus;</p>
            <script>var hidden = 1;</script><STYLE>p{}</STYLE><p>After</p>
            <table class="visually-hidden"><tr><td>42</td></tr></table><table><tr><td>shown</td></tr></table>
            <math><mi>x</mi><annotation encoding="application/x-tex">x^2</annotation></math><blockquote>Quote</blockquote>
            """
        #expect(HTMLText.plainText(html) == "Loss & accuracy Café é✓ x<y> \"q\" &bogus; After shown x^2 Quote")
    }

    /// Every HTML reference decodes (the scanner knew six names and left `&hellip;` as text); a named
    /// no-break space reads as a space, a numeric one (footnote back-links) stays U+00A0, as before.
    @Test func plainTextDecodesHTMLsWholeTable() {
        #expect(HTMLText.plainText("<p>caf&eacute; &hellip; &Afr; a&nbsp;b&#160;c</p>") == "café … 𝔄 a b\u{A0}c")
    }

    /// Search snippets read math as its symbols; summaries skip headings, code blocks and drawings;
    /// word counts skip math too and count each formula as one word.
    @Test func readableMathSummaryAndProseModes() {
        let math =
            "<math><semantics><mrow><mi>E</mi><mo>=</mo><mi>m</mi><mo>\u{2062}</mo><msup><mi>c</mi><mn>2</mn></msup></mrow>"
            + "<annotation encoding=\"application/x-tex\">E = mc^2</annotation></semantics></math>"
        let html =
            "<h2 id=\"t\">Title</h2><p>Energy \(math) holds.</p><pre><code>let x = 1</code></pre>"
            + "<svg><text>axis</text></svg><p>End.</p>"
        #expect(HTMLText.plainText(html) == "Title Energy E = mc^2 holds. let x = 1 axis End.")
        #expect(HTMLText.plainText(html, readableMath: true) == "Title Energy E = m c 2 holds. let x = 1 axis End.")
        #expect(HTMLText.plainText(html, headings: false) == "Energy E = mc^2 holds. End.")
        let prose = HTMLText.prose(html)
        #expect(prose.text == "Title Energy holds. End.")
        #expect(prose.formulas == 1)
    }

    @Test func escapeHandlesQuotesAndApostrophes() {
        #expect(HTMLText.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c'")
        #expect(HTMLText.escape("a<b>&\"c'", apostrophe: true) == "a&lt;b&gt;&amp;&quot;c&#39;")
        #expect(HTMLText.escape("plain") == "plain")
    }
}
