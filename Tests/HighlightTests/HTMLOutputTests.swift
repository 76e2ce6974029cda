import Testing
@testable import Highlight

@Suite struct HTMLOutputTests {
    @Test func chromaWrapperAndLines() {
        let html = Highlighter.html(code: "x = 1\ny = 2\n", language: "python")
        #expect(html.hasPrefix("<div class=\"highlight\"><pre class=\"chroma\"><code class=\"language-python\" data-lang=\"python\">"))
        #expect(html.hasSuffix("</code></pre></div>"))
        #expect(
            html.contains(
                "<span class=\"line\"><span class=\"cl\"><span class=\"n\">x</span> <span class=\"o\">=</span> <span class=\"mi\">1</span>\n</span></span>"
            ))
        #expect(html.components(separatedBy: "<span class=\"line\">").count == 3)
    }

    @Test func tokensNeverCrossLinesAndTextIsEscaped() {
        let html = Highlighter.html(code: "/* a <b>\n& \"c\" */", language: "c")
        #expect(
            html.contains(
                "<span class=\"cm\">/* a &lt;b&gt;\n</span></span></span><span class=\"line\"><span class=\"cl\"><span class=\"cm\">&amp; &#34;c&#34; */</span>\n"
            ))
    }

    @Test func unknownAndMissingLanguagesArePlain() {
        let unknown = Highlighter.html(code: "<b>", language: "klingon")
        #expect(unknown.contains("<code class=\"language-klingon\" data-lang=\"klingon\"><span class=\"line\"><span class=\"cl\">&lt;b&gt;\n"))
        let none = Highlighter.html(code: "a", language: nil)
        #expect(none.contains("<code><span class=\"line\"><span class=\"cl\">a\n</span></span></code>"))
        #expect(!Highlighter.isSupported("klingon"))
    }

    @Test func languageNamesAreSanitised() {
        let html = Highlighter.html(code: "x", language: "Py\"><script>")
        #expect(!html.contains("<script>"))
        #expect(Highlighter.isSupported("PY"))
    }

    @Test func inlineLineNumbersAndHighlightedLines() {
        var options = HighlightOptions()
        options.lineNumbers = .inline
        options.lineNumberStart = 9
        options.highlightedLines = [2]
        let html = Highlighter.html(code: "a\nb\n", language: "text", options: options)
        #expect(html.contains("<span class=\"line\"><span class=\"ln\">9</span><span class=\"cl\">a\n</span></span>"))
        #expect(html.contains("<span class=\"line hl\"><span class=\"ln\">10</span><span class=\"cl\">b\n</span></span>"))
    }

    @Test func tableLineNumbersWithAnchors() {
        var options = HighlightOptions()
        options.lineNumbers = .table
        options.anchorLineNumbers = true
        options.lineAnchorPrefix = "hl-3"
        options.highlightedLines = [1]
        let html = Highlighter.html(code: "a\nb", language: "go", options: options)
        #expect(html.contains("<table class=\"lntable\"><tr><td class=\"lntd\">"))
        #expect(html.contains("<span class=\"lnt hl\" id=\"hl-3-1\"><a class=\"lnlinks\" href=\"#hl-3-1\">1</a>\n</span>"))
        #expect(html.contains("<span class=\"lnt\" id=\"hl-3-2\"><a class=\"lnlinks\" href=\"#hl-3-2\">2</a>\n</span>"))
        #expect(html.contains("<td class=\"lntd\">\n<pre class=\"chroma\"><code class=\"language-go\" data-lang=\"go\">"))
        #expect(html.contains("</code></pre></td></tr></table>"))
    }

    @Test func titleIsEscapedAboveTheBlock() {
        var options = HighlightOptions()
        options.title = "a<b>.py"
        let html = Highlighter.html(code: "x", language: "py", options: options)
        #expect(html.hasPrefix("<div class=\"highlight\"><div class=\"highlight-title\">a&lt;b&gt;.py</div><pre"))
    }

    @Test func crlfBecomesLF() {
        let tokens = Highlighter.tokens(code: "a = 1\r\nb = 2\r\n", language: "python")
        #expect(!tokens.map(\.text).joined().contains("\r"))
        #expect(tokens.map(\.text).joined() == "a = 1\nb = 2\n")
    }

    @Test func stylesheetHasBothSchemes() {
        let css = Highlighter.stylesheet
        #expect(css.contains(".chroma .k,"))
        #expect(css.contains("[data-theme=\"dark\"] .chroma .k,"))
        #expect(css.contains("@media (prefers-color-scheme:dark){"))
        #expect(css.contains(":root:not([data-theme=\"light\"]) .chroma .nf,"))
        #expect(css.contains("overflow-x:auto"))
    }
}
