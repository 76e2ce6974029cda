import Testing
@testable import Math

/// Parsing failures listed in issue 18, each of which KaTeX renders.
@Suite struct Issue18ParsingTests {
    @Test func backslashBeforeALineBreakIsAControlSpace() {
        #expect(body("a\\\nb") == body("a\\ b"))
        #expect(body("a\\\tb") == body("a\\ b"))
        #expect(body("a\\\nb")?.contains("<mspace width=\"0.3333em\"></mspace>") == true)
    }

    @Test func shortNamesKaTeXAccepts() {
        #expect(body("a \\lt b \\gt c") == body("a < b > c"))
        #expect(body("\\R \\N \\Z \\Q \\C") == "<mrow><mi>ℝ</mi><mi>ℕ</mi><mi>ℤ</mi><mi>ℚ</mi><mi>ℂ</mi></mrow>")
        #expect(body("a \\dag b \\ddag c") == body("a \\dagger b \\ddagger c"))
        #expect(body("\\larr \\Rarr \\sub \\isin") == body("\\leftarrow \\Rightarrow \\subset \\in"))
        // A page's own macro of the same name still wins.
        #expect(body("\\newcommand{\\R}{\\mathcal{R}}\\R") == "<mi>ℛ\u{FE00}</mi>")
    }

    @Test func aGroupWithScriptsTakesMoreScripts() {
        #expect(body("{a^b}^c") == "<msup><mrow><msup><mi>a</mi><mi>b</mi></msup></mrow><mi>c</mi></msup>")
        #expect(body("{x_1}_2") == "<msub><mrow><msub><mi>x</mi><mn>1</mn></msub></mrow><mn>2</mn></msub>")
        #expect(body("{x_i}^2") == "<msup><mrow><msub><mi>x</mi><mi>i</mi></msub></mrow><mn>2</mn></msup>")
        #expect(
            body("{x_i}'^2")
                == "<msup><mrow><msub><mi>x</mi><mi>i</mi></msub></mrow><mrow><mpadded voffset=\"-0.2em\"><mo lspace=\"0em\" rspace=\"0em\">′</mo></mpadded><mn>2</mn></mrow></msup>"
        )
        // A group without scripts of its own is unchanged, and x^a^b is still TeX's error.
        #expect(body("{x}^2") == "<msup><mi>x</mi><mn>2</mn></msup>")
        #expect(body("\\frac{x_1}{2}") == "<mfrac><msub><mi>x</mi><mn>1</mn></msub><mn>2</mn></mfrac>")
        #expect(error("x^a^b")?.command == "^")
    }

    @Test func lineBreaksInsideGroupsAsKaTeX() {
        let aligned = body("\\begin{aligned} a &= {b \\\\ c} \\\\ d &= e \\end{aligned}", display: true)
        let line = "<mspace height=\"0.91em\" depth=\"0.35em\"></mspace>"
        #expect(
            aligned?.contains(
                "<mtable><mtr><mtd style=\"text-align:left;text-align:-webkit-left;padding:0\">\(line)<mi>b</mi></mtd></mtr>"
                    + "<mtr><mtd style=\"text-align:left;text-align:-webkit-left;padding:0\">\(line)<mi>c</mi></mtd></mtr></mtable>") == true)
        #expect(aligned?.components(separatedBy: "<mtr>").count == 5)  // two rows of aligned, two in the group
        #expect(body("x = {a \\\\ b}")?.contains("<mtable>") == true)
        #expect(body("a \\\\ b", display: true)?.contains("<mtable displaystyle=\"true\"><mtr><mtd style=\"padding:0\">\(line)") == true)
        #expect(body("a \\\\ b")?.contains("<mtable><mtr><mtd style=\"text-align:left;text-align:-webkit-left;padding:0\">\(line)") == true)
        // A `\\` at the end of a group or of the formula opens no empty line, as in KaTeX.
        #expect(body("G \\backslash \\\\{e\\\\}") == body("G \\backslash \\\\ e"))
        #expect(body("a \\\\") == "<mi>a</mi>")
    }

    @Test func declareMathOperatorInTheFormula() {
        #expect(body("\\DeclareMathOperator{\\Tr}{Tr} \\Tr A") == body("\\operatorname{Tr} A"))
        #expect(
            body("\\DeclareMathOperator*{\\esssup}{ess\\,sup} \\esssup_x f", display: true)
                == body("\\operatorname*{ess\\,sup}_x f", display: true))
        #expect(body("\\Tr A", macros: ["\\Tr": "\\operatorname{Tr}"]) == body("\\operatorname{Tr} A"))
    }

    @Test func labelsAreNumberedAndReferencesResolve() {
        let tex = "\\begin{align} a &= b \\label{first} \\\\ c &= d \\nonumber \\\\ e &= f \\label{third} \\end{align}"
        let result = MathRenderer().render(tex, display: true, firstEquationNumber: 4)
        #expect(result.labels == [EquationLabel(key: "first", text: "4"), EquationLabel(key: "third", text: "5")])
        #expect(
            result.html.contains(
                "<mtd id=\"eqn-first\" style=\"position:absolute;right:0;padding:0\"><mrow><mpadded width=\"0\"><mphantom><mrow><mspace height=\"0.84em\" depth=\"0.36em\"></mspace>"
            ))
        #expect(result.html.contains("</mphantom></mpadded><mtext>(4)</mtext></mrow></mtd>"))
        #expect(result.html.contains("id=\"eqn-third\""))
        let tagged = MathRenderer().render("x \\tag{A} \\label{a:b}", display: true)
        #expect(tagged.labels == [EquationLabel(key: "a:b", text: "A")])
        let equation = MathRenderer().render("\\begin{equation} x \\label{one} \\end{equation} \\text{see }\\eqref{one}", display: true)
        #expect(equation.labels == [EquationLabel(key: "one", text: "1")])
        #expect(equation.html.contains("<mtext><a href=\"#eqn-one\">(1)</a></mtext>"))
        #expect(equation.unresolvedReferences.isEmpty)
    }

    @Test func referencesToOtherFormulasAndPages() {
        let known = [EquationLabel(key: "x", text: "4"), EquationLabel(key: "y", text: "2", page: "/notes/")]
        let result = MathRenderer().render("\\eqref{x}, \\ref{y}, \\eqref{nope}", display: false, knownLabels: known)
        #expect(result.html.contains("<mtext><a href=\"#eqn-x\">(4)</a></mtext>"))
        #expect(result.html.contains("<mtext><a href=\"/notes/#eqn-y\">2</a></mtext>"))
        #expect(result.html.contains("<mtext data-eqref=\"nope\">(??)</mtext>"))
        #expect(result.unresolvedReferences == ["nope"])
        #expect(EquationLabel.id(for: "eq 1<\"x\">") == "eqn-eq-1--x--")
    }

    /// A reference above its label: the page resolves it once all its formulas are rendered.
    @Test func forwardReferencesResolveAfterThePage() {
        let renderer = MathRenderer()
        let early = renderer.render("\\text{by }\\eqref{later} \\text{ and } \\ref{a&b}", display: false)
        let late = renderer.render("\\begin{equation} y \\label{later} \\end{equation}", display: true)
        let page = early.html + "<p>text</p>" + late.html
        let (resolved, unresolved) = MathRenderer.resolvingReferences(in: page, labels: late.labels)
        #expect(resolved.contains("<mtext><a href=\"#eqn-later\">(1)</a></mtext>"))
        #expect(!resolved.contains("data-eqref"))
        #expect(resolved.contains("<mtext data-ref=\"a&amp;b\">??</mtext>"))
        #expect(unresolved == ["a&b"])
        #expect(MathRenderer.resolvingReferences(in: "<p>none</p>", labels: []) == ("<p>none</p>", []))
    }

    /// Real-world formulas of the fidelity corpus that were refused.
    @Test func commandsFromTheCorpus() {
        #expect(body("h\\raisebox{2pt}{ighe}r") == "<mrow><mi>h</mi><mpadded voffset=\"0.2em\"><mtext>ighe</mtext></mpadded><mi>r</mi></mrow>")
        #expect(body("\\textcircled{a} \\text{\\textcircled{1}}") == "<mrow><mtext>ⓐ</mtext><mtext>①</mtext></mrow>")
        #expect(
            body("\\text{a \\color{red} b} c")
                == "<mrow><mrow><mtext>a\u{A0}</mtext><mstyle mathcolor=\"red\"><mtext>\u{A0}b</mtext></mstyle></mrow><mi>c</mi></mrow>")
        #expect(body("\\text{\\textcolor{blue}{x} y}")?.contains("<mstyle mathcolor=\"blue\"><mtext>x</mtext></mstyle>") == true)
        #expect(body("\\text{\\'{e}t\\'{e} \\(x^2\\)}")?.contains("<mtext>e\u{301}te\u{301}\u{A0}</mtext><msup>") == true)
    }

    @Test func commutativeDiagrams() {
        let diagram = body("\\begin{CD} A @>f>> B \\\\ @VgVV @AAhA \\\\ C @= D \\end{CD}", display: true)
        #expect(diagram?.components(separatedBy: "<mtr>").count == 4)
        #expect(diagram?.contains("<mo stretchy=\"true\" lspace=\"0em\" rspace=\"0em\">→</mo>") == true)
        #expect(diagram?.contains(">↓</mo>") == true)
        #expect(diagram?.contains(">↑</mo>") == true)
        #expect(error("\\begin{CD} A @Xx B \\end{CD}")?.command == "\\begin{CD}")
    }
}

/// MathJax TeX extensions pages use besides KaTeX's set.
@Suite struct MathJaxExtensionTests {
    @Test func htmlAttributesUnderMathJaxNames() {
        #expect(body("\\class{hl}{x}") == "<mrow class=\"hl\"><mi>x</mi></mrow>")
        #expect(body("\\cssId{a}{x}") == "<mrow id=\"a\"><mi>x</mi></mrow>")
        #expect(body("\\style{color:red}{x}") == "<mrow style=\"color:red\"><mi>x</mi></mrow>")
        #expect(body("\\htmlData{Foo=1, b<a>d=2}{x}") == "<mrow data-foo=\"1\" data-bad=\"2\"><mi>x</mi></mrow>")
    }

    @Test func unicodeBboxCanceltoEnclose() {
        #expect(body("\\unicode{x263A}") == body("\\unicode{9786}"))
        #expect(body("\\unicode{0x3B1}") == "<mi>α</mi>")
        #expect(body("\\bbox[yellow,5px]{x}") == "<mrow style=\"background-color:yellow;padding:0.3125em\"><mi>x</mi></mrow>")
        #expect(body("\\bbox[red;x\"]{x}") == "<mrow style=\"padding:0.1em\"><mi>x</mi></mrow>")
        #expect(body("\\cancelto{0}{x}")?.hasPrefix("<msup><mrow style=\"background:linear-gradient(to top right,") == true)
        #expect(body("\\enclose{circle}{x}") == "<mrow style=\"border:0.06em solid;border-radius:50%;padding:0.1em 0.2em\"><mi>x</mi></mrow>")
        #expect(error("\\unicode{zz}")?.command == "\\unicode")
    }
}
