import Testing
@testable import Site

@Suite struct FigureNumberingTests {
    @Test func numbersFiguresInOrderInsideTheirCaptions() {
        let html = """
            <figure id="fig-a"><img src="a.png" alt="A"><figcaption>First</figcaption></figure>
            <figure id="fig-b"><svg></svg><figcaption>Second</figcaption></figure>
            """
        let result = FigureNumbering.apply(html).html
        #expect(result.contains("<figcaption><span class=\"figure-number\">Figure 1:</span> First</figcaption>"))
        #expect(result.contains("<figcaption><span class=\"figure-number\">Figure 2:</span> Second</figcaption>"))
    }

    @Test func emptyOrMissingCaptionsGetTheBareNumber() {
        let html = ##"<figure id="fig-x"><svg></svg><figcaption></figcaption></figure><figure id="fig-y"><img src="y.png" alt=""></figure>"##
        let result = FigureNumbering.apply(html).html
        #expect(result.contains("<figcaption><span class=\"figure-number\">Figure 1</span></figcaption></figure>"))
        #expect(result.hasSuffix("<figcaption><span class=\"figure-number\">Figure 2</span></figcaption></figure>"))
    }

    @Test func referencesBecomeLinksIncludingForwardOnes() {
        let html =
            ##"<p>See [@fig-late] and [@tbl-t].</p><table id="tbl-t"><tr><td>1</td></tr></table><figure id="fig-late"><figcaption>Late</figcaption></figure>"##
        let (result, unresolved) = FigureNumbering.apply(html)
        #expect(result.contains(##"See <a href="#fig-late" class="cross-ref">Figure 1</a> and <a href="#tbl-t" class="cross-ref">Table 1</a>."##))
        #expect(result.contains(##"<table id="tbl-t"><caption><span class="table-number">Table 1</span></caption><tr>"##))
        #expect(unresolved.isEmpty)
    }

    @Test func tableCaptionsKeepTheirText() {
        let html = "<table id=\"tbl-shapes\">\n<caption>Shapes</caption><tr><td>1</td></tr></table>"
        let result = FigureNumbering.apply(html).html
        #expect(result.contains("<caption><span class=\"table-number\">Table 1:</span> Shapes</caption>"))
        #expect(!result.contains("<caption><caption>"))
    }

    @Test func equationsAreNumberedInParentheses() {
        let html =
            ##"<div class="equation" id="eq-energy"><math display="block"><mi>E</mi></math></div><p>By [@eq-energy].</p><math display="block" id="eq-two"><mn>2</mn></math>"##
        let result = FigureNumbering.apply(html).html
        #expect(result.contains(##"</math><span class="equation-number">(1)</span></div>"##))
        #expect(result.contains(##"<a href="#eq-energy" class="cross-ref">Equation (1)</a>"##))
        #expect(result.hasSuffix(##"<mn>2</mn></math><span class="equation-number">(2)</span>"##))
    }

    @Test func kindsAreCountedSeparately() {
        let html = ##"<figure id="fig-1"></figure><table id="tbl-1"></table><figure id="fig-2"></figure><p>[@fig-2; @tbl-1]</p>"##
        let result = FigureNumbering.apply(html).html
        #expect(result.contains(##"<a href="#fig-2" class="cross-ref">Figure 2</a> and <a href="#tbl-1" class="cross-ref">Table 1</a>"##))
    }

    @Test func unresolvedReferencesAreReportedOnceAndShown() {
        let (result, unresolved) = FigureNumbering.apply("<p>[@fig-missing] and again [@fig-missing], [@tbl-gone]</p>")
        #expect(unresolved == ["fig-missing", "tbl-gone"])
        #expect(result.contains(##"<strong class="cross-ref unresolved">?@fig-missing</strong>"##))
    }

    @Test func codeLinksAndAttributesAreLeftAlone() {
        let html =
            ##"<p><code>[@fig-a]</code> <a href="x">[@fig-a]</a> <span title="[@fig-a]">t</span></p><pre>[@fig-a]</pre><figure id="fig-a"></figure>"##
        let result = FigureNumbering.apply(html).html
        #expect(result.contains("<code>[@fig-a]</code>"))
        #expect(result.contains(##"<a href="x">[@fig-a]</a>"##))
        #expect(result.contains(##"title="[@fig-a]""##))
        #expect(result.contains("<pre>[@fig-a]</pre>"))
    }

    @Test func otherBracketsAndCitationsAreNotReferences() {
        let html = "<p>[@smith2020] [@fig-] [ @fig-a] [@fig-a text] [link] @fig-a</p><figure id=\"fig-a\"></figure>"
        let (result, unresolved) = FigureNumbering.apply(html)
        #expect(result.hasPrefix("<p>[@smith2020] [@fig-] [ <a href=\"#fig-a\"") == false)
        #expect(result.contains("[@smith2020] [@fig-]"))
        #expect(result.contains("[@fig-a text] [link] @fig-a"))
        #expect(unresolved.isEmpty)
    }

    @Test func nestedFiguresLabelTheirOwnCaptions() {
        let html = ##"<figure id="fig-outer"><figure id="fig-inner"><figcaption>In</figcaption></figure><figcaption>Out</figcaption></figure>"##
        let result = FigureNumbering.apply(html).html
        #expect(result.contains(##"<span class="figure-number">Figure 2:</span> In"##))
        #expect(result.contains(##"<span class="figure-number">Figure 1:</span> Out"##))
    }

    @Test func repeatedIdsAreNumberedOnce() {
        let html =
            ##"<figure id="fig-a"><figcaption>A</figcaption></figure><figure id="fig-a"><figcaption>B</figcaption></figure><figure id="fig-b"><figcaption>C</figcaption></figure>"##
        let result = FigureNumbering.apply(html).html
        #expect(result.contains("<figcaption>B</figcaption>"))
        #expect(result.contains(##"<span class="figure-number">Figure 2:</span> C"##))
    }

    @Test func idsInsideChartsAndOtherElementsAreNotFigures() {
        let html =
            ##"<figure class="chart" id="fig-loss"><svg role="img" aria-labelledby="fig-loss-title"><title id="fig-loss-title">T</title><defs><clipPath id="fig-loss-clip"></clipPath></defs></svg><figcaption>Loss</figcaption></figure><p id="fig-para">x</p><figure id="fig-next"><figcaption>Next</figcaption></figure><p>[@fig-next]</p>"##
        let (result, unresolved) = FigureNumbering.apply(html)
        #expect(result.contains(##"<span class="figure-number">Figure 1:</span> Loss"##))
        #expect(result.contains(##"<span class="figure-number">Figure 2:</span> Next"##))
        #expect(result.contains(##"class="cross-ref">Figure 2</a>"##))
        #expect(unresolved.isEmpty)
    }

    @Test func pagesWithoutIdsAreUnchanged() {
        let html = "<p>Plain <em>text</em> with [brackets] and <!-- [@fig-a] --> a comment.</p>"
        #expect(FigureNumbering.apply(html).html == html)
        #expect(FigureNumbering.apply("").html.isEmpty)
    }

    @Test func malformedMarkupDoesNotTrap() {
        for html in [
            "<", "<figure id=\"fig-a\"", "<figure id=fig-a><figcaption>", "</figure></figure>[@fig-a",
            "<table id='tbl-a'><caption", "<!-- fig-", "[@fig-a;", "<math id=\"eq-a\">",
        ] {
            _ = FigureNumbering.apply(html)
        }
        let unquoted = FigureNumbering.apply("<figure id=fig-a><figcaption>x</figcaption></figure>").html
        #expect(unquoted.contains("Figure 1:"))
    }

    @Test func deepNestingIsHandledWithoutRecursion() {
        let depth = 20_000
        let html =
            String(repeating: "<div>", count: depth) + ##"<figure id="fig-deep"><figcaption>D</figcaption></figure>"##
            + String(repeating: "</div>", count: depth) + "<p>[@fig-deep]</p>"
        let result = FigureNumbering.apply(html).html
        #expect(result.contains("Figure 1:"))
        #expect(result.contains(##"class="cross-ref">Figure 1</a>"##))
    }
}
