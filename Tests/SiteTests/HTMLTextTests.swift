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

    @Test func escapeHandlesQuotesAndApostrophes() {
        #expect(HTMLText.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c'")
        #expect(HTMLText.escape("a<b>&\"c'", apostrophe: true) == "a&lt;b&gt;&amp;&quot;c&#39;")
        #expect(HTMLText.escape("plain") == "plain")
    }
}
