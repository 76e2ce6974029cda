import Markdown
import Testing

/// Heading ids, math, alerts and fence attributes (site mode), and that strict mode ignores them.
struct SiteExtensionTests {
    @Test func headingIDsAreGitHubSlugsMadeUnique() {
        let html = renderHTML("# Hello, World!\n\n## Hello, World!\n\n### Hello World\n\n# Ünïcode *and* `code`\n")
        #expect(
            html == """
                <h1 id="hello-world">Hello, World!</h1>
                <h2 id="hello-world-1">Hello, World!</h2>
                <h3 id="hello-world-2">Hello World</h3>
                <h1 id="ünïcode-and-code">Ünïcode <em>and</em> <code>code</code></h1>

                """)
    }

    @Test func tableAlignmentIsAStyleInSiteModeAndAnAttributeInGFM() {
        let table = "| a | b | c |\n| :- | :-: | -: |\n| 1 | 2 | 3 |\n"
        let site = renderHTML(table, options: .site)
        #expect(site.contains("<th style=\"text-align:left\">a</th>\n<th style=\"text-align:center\">b</th>\n<th style=\"text-align:right\">c</th>"))
        #expect(!site.contains("align=\""))
        // The GFM specification's own output keeps the attribute.
        #expect(renderHTML(table, options: .gfm).contains("<td align=\"center\">2</td>"))
    }

    @Test func explicitHeadingIDWins() {
        let document = Document.parse("## Install it {#setup}\n\n# Setup\n")
        #expect(document.headings.map(\.id) == ["setup", "setup-1"])
        #expect(document.headings.map(\.text) == ["Install it", "Setup"])
        #expect(HTMLRenderer().render(document) == "<h2 id=\"setup\">Install it</h2>\n<h1 id=\"setup-1\">Setup</h1>\n")
    }

    @Test func imageIDRightAfterTheImage() {
        let document = Document.parse("![Loss](loss.png \"Training loss\"){#fig-loss} and more\n")
        let image = document.descendants(of: document.root).first { document.kind(of: $0) == .image }
        #expect(image.flatMap { document.imageID(of: $0) } == "fig-loss")
        #expect(HTMLRenderer().render(document) == "<p><img src=\"loss.png\" alt=\"Loss\" title=\"Training loss\" id=\"fig-loss\" /> and more</p>\n")
    }

    @Test func imageIDAloneOnTheNextLine() {
        #expect(
            renderHTML("![Loss](loss.png)  \n  {#fig-loss_2.a}\n\nNext.")
                == "<p><img src=\"loss.png\" alt=\"Loss\" id=\"fig-loss_2.a\" /></p>\n<p>Next.</p>\n")
        #expect(renderHTML("Inline ![A](a.png)\n{#fig-a}") == "<p>Inline <img src=\"a.png\" alt=\"A\" id=\"fig-a\" /></p>\n")
    }

    @Test func textThatIsNotAnImageIDStaysText() {
        // A space before the braces, more text after the next-line form, an id that does not start with a
        // letter, a space inside, an unclosed brace, braces after a link.
        #expect(renderHTML("![A](a.png) {#fig-a}") == "<p><img src=\"a.png\" alt=\"A\" /> {#fig-a}</p>\n")
        #expect(renderHTML("![A](a.png)\n{#fig-a} more") == "<p><img src=\"a.png\" alt=\"A\" />\n{#fig-a} more</p>\n")
        #expect(renderHTML("![A](a.png){#1a}") == "<p><img src=\"a.png\" alt=\"A\" />{#1a}</p>\n")
        #expect(renderHTML("![A](a.png){#a b}") == "<p><img src=\"a.png\" alt=\"A\" />{#a b}</p>\n")
        #expect(renderHTML("![A](a.png){#a") == "<p><img src=\"a.png\" alt=\"A\" />{#a</p>\n")
        #expect(renderHTML("[A](a.html){#a}") == "<p><a href=\"a.html\">A</a>{#a}</p>\n")
        #expect(renderHTML("[![A](a.png){#fig-a}](big.png)") == "<p><a href=\"big.png\"><img src=\"a.png\" alt=\"A\" id=\"fig-a\" /></a></p>\n")
    }

    @Test func imageIDsAreASiteExtensionOnly() {
        #expect(renderHTML("![A](a.png){#fig-a}", options: .commonMark) == "<p><img src=\"a.png\" alt=\"A\" />{#fig-a}</p>\n")
        #expect(renderHTML("![A](a.png)\n{#fig-a}", options: .gfm) == "<p><img src=\"a.png\" alt=\"A\" />\n{#fig-a}</p>\n")
    }

    @Test func strictModeHasNoSiteExtensions() {
        #expect(renderHTML("# A {#b}\n\n$x$\n", options: .commonMark) == "<h1>A {#b}</h1>\n<p>$x$</p>\n")
        #expect(renderHTML("> [!NOTE]\n> a\n", options: .gfm) == "<blockquote>\n<p>[!NOTE]\na</p>\n</blockquote>\n")
    }

    @Test func inlineMathKeepsTeXVerbatim() {
        #expect(
            renderHTML("Euler: $e^{i\\pi} + 1 = 0$, *a*") == "<p>Euler: <span class=\"math inline\">\\(e^{i\\pi} + 1 = 0\\)</span>, <em>a</em></p>\n")
        #expect(
            renderHTML("\\(a_1 * b_2 * c\\) and \\[x<y\\]")
                == "<p><span class=\"math inline\">\\(a_1 * b_2 * c\\)</span> and <span class=\"math display\">\\[x&lt;y\\]</span></p>\n")
    }

    @Test func pricesStayText() {
        #expect(renderHTML("It costs $5 and $6 today.") == "<p>It costs $5 and $6 today.</p>\n")
        #expect(renderHTML("$ a$ and $a $ stay") == "<p>$ a$ and $a $ stay</p>\n")
        #expect(renderHTML("$a$5") == "<p>$a$5</p>\n")
        #expect(renderHTML("\\$a$") == "<p>$a$</p>\n")
    }

    @Test func displayMathBlocks() {
        #expect(renderHTML("$$\n\\int_0^1 x\\,dx\n$$\n") == "<div class=\"math display\">\\[\\int_0^1 x\\,dx\\]</div>\n")
        #expect(renderHTML("\\[\na*b*c\n\\]\n") == "<div class=\"math display\">\\[a*b*c\\]</div>\n")
        #expect(renderHTML("$$ x = 1 $$\n\ntext") == "<div class=\"math display\">\\[ x = 1 \\]</div>\n<p>text</p>\n")
        #expect(renderHTML("> $$\n> a\n> b\n> $$\n") == "<blockquote>\n<div class=\"math display\">\\[a\nb\\]</div>\n</blockquote>\n")
    }

    @Test func mathBlockNeedsItsOpenerAlone() {
        #expect(renderHTML("\\[1\\]: see the note\n\ntext") == "<p><span class=\"math display\">\\[1\\]</span>: see the note</p>\n<p>text</p>\n")
        #expect(renderHTML("$$5 or $$6\n") == "<p><span class=\"math display\">\\[5 or \\]</span>6</p>\n")
    }

    /// `$$` with TeX after it on its line is closed by a later `$$` alone on a line (goldmark's
    /// passthrough in Hugo 0.168 reads `$$\\begin{aligned}…` + `$$` as one formula).
    @Test func aDoubleDollarLineClosesTheFormulaAParagraphOpened() {
        #expect(
            renderHTML("$$\\begin{aligned} a \\\\\nb\n\\end{aligned}\n$$\n\ntext\n")
                == "<p><span class=\"math display\">\\[\\begin{aligned} a \\\\\nb\n\\end{aligned}\n\\]</span></p>\n<p>text</p>\n")
        // With the paragraph's `$$` escaped or already closed, the line opens a block as before.
        #expect(
            renderHTML("see $$x$$\n$$\ny\n$$\n")
                == "<p>see <span class=\"math display\">\\[x\\]</span></p>\n<div class=\"math display\">\\[y\\]</div>\n")
    }

    @Test func alerts() {
        let document = Document.parse("> [!WARNING]\n> Mind the *gap*.\n")
        let alert = document.children(of: document.root)[0]
        #expect(document.kind(of: alert) == .alert)
        #expect(document.alertKind(of: alert) == .warning)
        #expect(
            HTMLRenderer().render(document) == """
                <div class="markdown-alert markdown-alert-warning">
                <p class="markdown-alert-title">Warning</p>
                <p>Mind the <em>gap</em>.</p>
                </div>

                """)
        #expect(renderHTML("> [!NOPE]\n> a\n") == "<blockquote>\n<p>[!NOPE]\na</p>\n</blockquote>\n")
    }

    @Test func fenceAttributesReachTheHook() {
        var hooks = RenderHooks()
        var seen: CodeBlockInfo?
        hooks.codeBlock = { info in
            seen = info
            return "<pre>hooked</pre>"
        }
        let markdown = "```python {linenos=true, hl_lines=[2,\"4-6\"], title=\"a.py\"}\nprint(1)\n```\n"
        let html = HTMLRenderer(hooks: hooks).render(Document.parse(markdown))
        #expect(html == "<pre>hooked</pre>\n")
        #expect(seen?.language == "python")
        #expect(seen?.attributes == ["linenos": "true", "hl_lines": "[2,\"4-6\"]", "title": "a.py"])
        #expect(seen?.code == "print(1)\n")
        #expect(seen?.position == SourcePosition(line: 1, column: 1))
        #expect(renderHTML(markdown) == "<pre><code class=\"language-python\">print(1)\n</code></pre>\n")
    }

    /// Issue 15: `linenostart` near `Int.max` trapped when highlighted. The Markdown side only
    /// passes the text on (the highlighter clamps it); odd attribute text must not trip it either.
    @Test func fenceAttributesWithHugeOrBrokenValues() {
        var hooks = RenderHooks()
        var seen: [String: String] = [:]
        hooks.codeBlock = { info in
            seen = info.attributes
            return ""
        }
        let cases: [(String, [String: String])] = [
            ("{linenostart=9223372036854775807}", ["linenostart": "9223372036854775807"]),
            (
                "{linenostart=-9223372036854775809, hl_lines=[1-99999999999999999999]}",
                ["linenostart": "-9223372036854775809", "hl_lines": "[1-99999999999999999999]"]
            ),
            ("{title=\"unclosed, linenos}", ["title": "unclosed, linenos}"]),
            ("{hl_lines=[[[1, ==, ,}", ["hl_lines": "[[[1, ==, ,}"]),
            ("{=, =x, a=}", ["x": "true", "a": ""]),
        ]
        for (attributes, expected) in cases {
            seen = [:]
            _ = HTMLRenderer(hooks: hooks).render(Document.parse("```go \(attributes)\nx\n```\n"))
            #expect(seen == expected, "\(attributes)")
        }
    }

    @Test func rawHTMLCanBeLeftOut() {
        // goldmark's (and Hugo's default) output with `unsafe` off, checked with Hugo 0.168.
        var options = MarkdownOptions.site
        options.rawHTML = false
        #expect(
            renderHTML("Text <span class=\"x\">inline</span> end.\n\n<div class=\"box\">\n\nblock **md**\n\n</div>\n", options: options)
                == "<p>Text <!-- raw HTML omitted -->inline<!-- raw HTML omitted --> end.</p>\n<!-- raw HTML omitted -->\n<p>block <strong>md</strong></p>\n<!-- raw HTML omitted -->\n"
        )
        #expect(renderHTML("a\n\n<!--more-->\n\n<!-- x --><script>", options: options) == "<p>a</p>\n<!--more-->\n<!-- raw HTML omitted -->\n")
    }

    @Test func taskListsAndFootnotesInSiteMode() {
        #expect(
            renderHTML("- [x] done\n- [ ] todo\n")
                == "<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>\n<li><input type=\"checkbox\" disabled=\"\" /> todo</li>\n</ul>\n"
        )
        #expect(
            renderHTML("a[^n]\n\n[^n]: note\n") == """
                <p>a<sup class="footnote-ref"><a href="#fn1" id="fnref1">1</a></sup></p>
                <section class="footnotes">
                <ol>
                <li id="fn1">
                <p>note <a href="#fnref1" class="footnote-backref">↩</a></p>
                </li>
                </ol>
                </section>

                """)
    }
}

/// Ids of headings holding links, emphasis and images, as Hugo 0.168 (goldmark) makes them: an
/// inline container gives only its first piece of text, an autolink nothing. Expected ids are
/// Hugo 0.168.0's output for the same lines.
struct GoldmarkHeadingIDTests {
    static let cases: [(String, String)] = [
        ("a [b *c* d](u) e", "a-b--e"),
        ("a [*b* c](u) f", "a-b-f"),
        ("a **b *c* d** e", "a-b--e"),
        ("x [`code` y](u) z", "x-code-z"),
        ("x [y ![img](i.png) z](u) w", "x-y--w"),
        ("n ![alt *t*](i.png) k", "n-alt--k"),
        ("[the *polArverse* and *R-Universe*](u) tail", "the--tail"),
        ("[don't stop](u) x", "don-x"),
        ("[a_b c](u) x", "a_-x"),
        ("[a \\* b](u) x", "a--b-x"),
        ("[a * b](u) x", "a--x"),
        ("[a -- b](u) x", "a--x"),
        ("[a... b](u) x", "a-x"),
        ("*a 'b' c* x", "a--x"),
        ("[![img](i.png) after](u) tail", "img-tail"),
        ("<https://ex.com/a> tail", "tail"),
        ("https://ex.com/b tail", "tail"),
        ("[a &amp; b](u) x", "a--b-x"),
        ("[a<br>b](u) x", "a-x"),
        ("a [b c](u) d", "a-b-c-d"),
    ]

    @Test(arguments: cases) func idAsHugoMakesIt(heading: String, id: String) {
        var options = MarkdownOptions.site
        options.typographer = true
        let document = Document.parse("## " + heading + "\n", options: options)
        #expect(document.headings.map(\.id) == [id])
    }
}
