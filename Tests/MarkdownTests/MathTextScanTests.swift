import Markdown
import Testing

/// Hugo sites: Markdown runs first, then math is found in the rendered text as KaTeX auto-render finds it
/// (expected outputs checked against Hugo 0.168 and the fidelity harness's text scan).
@Suite struct MathTextScanTests {
    func html(_ markdown: String, verbatim: MathDelimiters = []) -> String {
        var options = MarkdownOptions.site
        options.verbatimMath = verbatim
        options.mathTextScan = true
        return renderHTML(markdown, options: options)
    }

    @Test func markdownEscapesRunBeforeTheRenderer() {
        #expect(
            html(#"$j \in \{1, \ldots, p\}$ and $a\_1 \\ b$"#)
                == "<p><span class=\"math inline\">\\(j \\in {1, \\ldots, p}\\)</span> and <span class=\"math inline\">\\(a_1 \\ b\\)</span></p>\n")
    }

    @Test func escapedBracketsAreTextWithoutPassthrough() {
        #expect(html(#"lookup \[class.member.lookup\]:"#) == "<p>lookup [class.member.lookup]:</p>\n")
        // With passthrough for \[ \] they are display math.
        #expect(html(#"lookup \[x\]:"#, verbatim: [.brackets]).contains("<span class=\"math display\">\\[x\\]</span>"))
    }

    @Test func spacedAndCurrencyDollarsAreMathAsReadersSawThem() {
        #expect(
            html("I $ x $ and $30,000 to $50,000.")
                == "<p>I <span class=\"math inline\">\\( x \\)</span> and <span class=\"math inline\">\\(30,000 to \\)</span>50,000.</p>\n")
        #expect(html("I $ x $ ok", verbatim: .all).contains("\\( x \\)"))
    }

    @Test func mathInRawHTMLButNotInCode() {
        let out = html(
            "<table><tr><td>$\\mathbf{x}_0$</td></tr></table>\n\n<details><summary>s</summary>\n\n$y$ `$z$`\n</details>\n\n<pre>$w$</pre>\n")
        #expect(out.contains("<td><span class=\"math inline\">\\(\\mathbf{x}_0\\)</span></td>"))
        #expect(out.contains("\\(y\\)"))
        #expect(out.contains("<code>$z$</code>"))
        #expect(out.contains("<pre>$w$</pre>"))
    }

    @Test func mathInsideASitesMathNamedClassIsScanned() {
        // Hugo 0.168 writes `<div class="math-env">$x$</div>` as it is and the browser's renderer
        // typesets it; only math this renderer drew (`math inline`, `math-error`) is skipped.
        let out = html("<div class=\"math-env\">Lemma. $x$</div>\n\n<span class='mathbox'>$y$</span>\n")
        #expect(out.contains("<div class=\"math-env\">Lemma. <span class=\"math inline\">\\(x\\)</span></div>"))
        #expect(out.contains("<span class='mathbox'><span class=\"math inline\">\\(y\\)</span></span>"))
        let drawn = "<p><span class=\"math inline\">$a$</span> <span class=\"math-error\">$b$</span></p>"
        #expect(typesetDelimitedMath(inHTML: drawn) { tex, _ in "[\(tex)]" } == drawn)
    }

    @Test func displayOpenedOnATexLineClosesLater() {
        #expect(html("$$ a +\nb $$ end") == "<p><span class=\"math display\">\\[ a +\nb \\]</span> end</p>\n")
        #expect(html("para $$ a +\nb $$ end", verbatim: .all).contains("<span class=\"math display\">\\[ a +\nb \\]</span>"))
    }

    @Test func escapedDollarOpensNothingInTheSource() {
        #expect(html(#"cost \$5, $x$"#, verbatim: .all) == "<p>cost $5, <span class=\"math inline\">\\(x\\)</span></p>\n")
    }
}

extension MathTextScanTests {
    @Test func longRunWithManyFormulasStaysFast() {
        // Markdown turns `\\(` into `\(` (a bare `\(` would become `(`).
        let markdown = String(repeating: "$x$ and \\\\(y\\\\) ", count: 20_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(html(markdown).components(separatedBy: "math inline").count == 40_001) }
        #expect(elapsed < .seconds(20))
    }
}

extension MathTextScanTests {
    @Test func unclosedOpenersAreFoundOutsideCodeAndDrawnMath() {
        let found = unclosedMathOpeners(inHTML: "<p>sum $$ \\sum_i x_i\nnever closed</p><pre>$$ in code</pre><p>\\[ a <code>\\(</code></p>")
        #expect(found.map(\.opener) == ["$$", "\\["])
        #expect(found.map(\.following) == [" \\sum_i x_i\nnever closed", " a "])
        #expect(unclosedMathOpeners(inHTML: "<p>$$x$$ and \\(y\\) and \\begin{align}a\\end{align}</p>") == [])
        // A lone dollar is as often a price as math: never reported.
        #expect(unclosedMathOpeners(inHTML: "<p>It costs $5.</p>") == [])
        #expect(unclosedMathOpeners(inHTML: "<p><span class=\"math display\">$$ left as drawn</span></p>") == [])
    }
}
