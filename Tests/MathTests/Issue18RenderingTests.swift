import Testing
@testable import Math

/// Rendering fixes of issue 18, each checked against KaTeX in headless Chromium
/// (scripts/math-compare.py): what Chromium's MathML Core needs to draw as KaTeX does.
@Suite struct Issue18RenderingTests {
    /// Chromium ignores `columnalign` and plain `text-align:right` in a cell; it honours the
    /// `-webkit-` keywords. Firefox keeps the plain one.
    @Test func alignedColumnsUseKeywordsChromiumHonours() {
        let aligned = body("\\begin{aligned} f(x) &= 1 \\\\ g &= 2 \\end{aligned}", display: true)
        #expect(aligned?.contains("<mtd style=\"text-align:right;text-align:-webkit-right;padding:0 0 0.3em\">") == true)
        #expect(aligned?.contains("<mtd style=\"text-align:left;text-align:-webkit-left;padding:0 0 0.3em\">") == true)
        let array = body("\\begin{array}{rcl} a & = & b \\end{array}")
        #expect(
            array?.contains(
                "<mtd style=\"text-align:right;text-align:-webkit-right;padding:0 0.5em\"><mspace height=\"0.84em\" depth=\"0.36em\"></mspace><mi>a</mi></mtd>"
                    + "<mtd style=\"padding:0 0.5em\"><mo>=</mo></mtd><mtd style=\"text-align:left;text-align:-webkit-left;padding:0 0.5em\"><mi>b</mi></mtd>"
            ) == true)
        #expect(
            body("\\begin{cases} 1 & x \\end{cases}")?.contains("<mtd style=\"text-align:left;text-align:-webkit-left;padding:0 0.5em 0 0\"><mspace")
                == true)
    }

    /// TeX puts no space around relations and binary operators in scripts and in text-style
    /// fractions; MathML Core keeps their dictionary spacing there unless told.
    @Test func noOperatorSpacingInScripts() {
        #expect(body("x_{k+1}") == "<msub><mi>x</mi><mrow><mi>k</mi><mo lspace=\"0em\" rspace=\"0em\">+</mo><mn>1</mn></mrow></msub>")
        #expect(body("\\mathbb{R}^{n \\times d}")?.contains("<mo lspace=\"0em\" rspace=\"0em\">×</mo>") == true)
        #expect(body("\\frac{a+b}{c}")?.contains("<mo lspace=\"0em\" rspace=\"0em\">+</mo>") == true)
        // Display fractions, and \displaystyle inside a script, keep the spacing.
        #expect(body("\\frac{a+b}{c}", display: true)?.contains("<mo>+</mo>") == true)
        #expect(body("x^{\\displaystyle a+b}")?.contains("<mo>+</mo>") == true)
        #expect(body("a+b") == "<mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow>")
    }

    /// `\bar{X}` was invisible at 1×: the macron U+00AF sits too high over a capital.
    @Test func barIsAModifierMacron() {
        #expect(body("\\bar{X}") == "<mover accent=\"true\"><mi>X</mi><mo stretchy=\"false\">ˉ</mo></mover>")
    }

    /// No common math font stretches a tilde in Chromium: `\widetilde` widens the glyph.
    @Test func widetildeWidensToItsBase() {
        #expect(body("\\widetilde{abc}")?.contains("<mrow style=\"transform:scale(3,1.2)\"><mo stretchy=\"false\">~</mo></mrow>") == true)
        #expect(body("\\widetilde{a}") == body("\\tilde{a}"))
        #expect(body("\\widehat{abc}")?.contains("<mo stretchy=\"true\">\u{302}</mo>") == true)
    }

    @Test func impliesAndIffHaveThickSpaces() {
        #expect(
            body("A \\implies B")
                == "<mrow><mi>A</mi><mspace width=\"0.2778em\"></mspace><mo>⟹</mo><mspace width=\"0.2778em\"></mspace><mi>B</mi></mrow>")
        #expect(body("A \\iff B")?.contains("<mspace width=\"0.2778em\"></mspace><mo>⟺</mo><mspace width=\"0.2778em\"></mspace>") == true)
    }

    @Test func bigDelimitersHaveKaTeXSizes() {
        for (command, size) in [("big", "1.2"), ("Big", "1.8"), ("bigg", "2.4"), ("Bigg", "3")] {
            #expect(body("\\\(command)(")?.contains("minsize=\"\(size)em\" maxsize=\"\(size)em\"") == true)
        }
    }

    /// `\mathbf` leaves small Greek letters alone, as TeX does; `\boldsymbol` makes them bold.
    @Test func mathbfOfGreekAsTeX() {
        #expect(body("\\mathbf{\\alpha}") == "<mi>α</mi>")
        #expect(body("\\mathbf{\\Gamma}") == "<mi>𝚪</mi>")
        #expect(body("\\boldsymbol{\\alpha}") == "<mi>𝜶</mi>")
    }

    @Test func primeCommandInASuperscriptIsAPrime() {
        #expect(body("g^{\\prime}") == body("g'"))
        #expect(body("g^\\prime") == "<mrow><mi>g</mi><mo lspace=\"0em\" rspace=\"0em\">′</mo></mrow>")
    }

    /// An equation number carries an invisible copy of its row, so it stands on the row's
    /// baseline beside a tall fraction instead of at the row's top.
    @Test func equationNumbersShareTheRowsBaseline() {
        let html = MathRenderer().render("\\begin{align} \\frac{a}{b} &= c \\end{align}", display: true).html
        #expect(
            html.contains(
                "<mtd style=\"position:absolute;right:0;padding:0\"><mrow><mpadded width=\"0\"><mphantom><mrow>"
                    + "<mspace height=\"0.84em\" depth=\"0.36em\"></mspace><mfrac><mi>a</mi><mi>b</mi></mfrac><mrow><mo>=</mo><mi>c</mi></mrow></mrow></mphantom></mpadded><mtext>(1)</mtext></mrow></mtd>"
            ))
    }

    /// Rows of `aligned` and `align` are a strut high (0.84em above the baseline, 0.36em below) and
    /// `\jot` apart (0.3em of padding below each cell): one-line rows are 1.5em apart, as in
    /// amsmath and KaTeX; they were 1.155em. The number's copy of its row has the strut too, so the
    /// number keeps the row's baseline. (`TableRowsTests` has the other environments.)
    @Test func alignedRowsAreAStrutHighAndAJotApart() {
        let strut = "<mspace height=\"0.84em\" depth=\"0.36em\"></mspace>"
        let html = MathRenderer().render("\\begin{align} a &= b \\\\ c &= d \\end{align}", display: true).html
        let firstCells = html.components(separatedBy: "<mtd style=\"text-align:right;text-align:-webkit-right;padding:0 0 0.3em\">").dropFirst()
        #expect(firstCells.count == 2)
        #expect(firstCells.allSatisfy { $0.hasPrefix(strut) })
        #expect(html.contains("padding:0\"><mrow><mpadded width=\"0\"><mphantom><mrow>\(strut)<mi>a</mi>"))
    }

    /// Latin Modern's `…` and `⋯` put their dots much closer than TeX's `\ldots` (three periods a
    /// thin space apart); `\dots` is centred before a binary operator or relation, as amsmath has it.
    /// A thin space separates the dots from letters and following punctuation, none in scripts.
    @Test func dotsAreSpacedAsTeXSpacesThem() {
        let low =
            "<mrow><mo lspace=\"0em\" rspace=\"0em\">.</mo><mspace width=\"0.1667em\"></mspace><mo lspace=\"0em\" rspace=\"0em\">.</mo>"
            + "<mspace width=\"0.1667em\"></mspace><mo lspace=\"0em\" rspace=\"0em\">.</mo></mrow>"
        let thin = "<mspace width=\"0.1667em\"></mspace>"
        #expect(body("1, \\ldots, k") == "<mrow><mn>1</mn><mo>,</mo>\(low)\(thin)<mo>,</mo><mi>k</mi></mrow>")
        #expect(body("x \\dots y") == "<mrow><mi>x</mi>\(thin)\(low)\(thin)<mi>y</mi></mrow>")
        #expect(body("x + \\dots + y") == "<mrow><mi>x</mi><mo>+</mo>\(low.replacingOccurrences(of: ">.<", with: ">⋅<"))<mo>+</mo><mi>y</mi></mrow>")
        #expect(body("x \\cdots") == body("x \\dotsb"))
        #expect(body("a_{1 \\ldots n}")?.contains("<mrow><mo lspace=\"0em\" rspace=\"0em\">.</mo><mo lspace=\"0em\" rspace=\"0em\">.</mo>") == true)
    }

    /// An empty row of `gather` keeps a line's height: the numbers of the rows around it overprinted.
    @Test func emptyRowsKeepALinesHeight() {
        let html = MathRenderer().render("\\begin{gather} a \\\\ \\\\ b \\end{gather}", display: true).html
        #expect(
            html.contains(
                "<mtr><mtd style=\"padding:0 0 0.3em\"><mspace height=\"0.84em\" depth=\"0.36em\"></mspace>"
                    + "<mpadded width=\"0\"><mphantom><mo stretchy=\"false\">(</mo></mphantom></mpadded></mtd>"))
        #expect(html.contains("<mtext>(3)</mtext>"))
    }

    /// amsmath's matrices and `cases` have no gap outside their outer columns; arrays keep theirs.
    @Test func matricesHaveNoOuterColumnGap() {
        #expect(
            body("\\begin{pmatrix} a & b \\end{pmatrix}")?.contains(
                "<mtd style=\"padding:0 0.5em 0 0\"><mspace height=\"0.84em\" depth=\"0.36em\"></mspace>"
                    + "<mi>a</mi></mtd><mtd style=\"padding:0 0 0 0.5em\"><mi>b</mi></mtd>") == true)
        #expect(
            body("\\begin{array}{cc} a & b \\end{array}")?.contains(
                "<mtd style=\"padding:0 0.5em\"><mspace height=\"0.84em\" depth=\"0.36em\"></mspace>"
                    + "<mi>a</mi></mtd><mtd style=\"padding:0 0.5em\"><mi>b</mi></mtd>") == true)
    }

    @Test func smallmatrixKeepsColumnGapsAndColorboxItsPadding() {
        #expect(
            body("\\begin{smallmatrix} a & b \\end{smallmatrix}")
                == "<mstyle displaystyle=\"false\" scriptlevel=\"1\"><mtable><mtr><mtd style=\"padding:0 0.2778em 0 0\"><mspace height=\"0.6em\" depth=\"0.2571em\"></mspace>"
                + "<mi>a</mi></mtd><mtd style=\"padding:0 0 0 0.2778em\"><mi>b</mi></mtd></mtr></mtable></mstyle>")
        #expect(body("\\colorbox{yellow}{x}") == "<mrow style=\"background-color:yellow;padding:0.1em 0.3em\"><mtext>x</mtext></mrow>")
    }

    /// `\mathcal` and `\mathscr` share Unicode's script alphabet; a capital is followed by the
    /// standardized variation selector of its style (U+FE00 chancery, U+FE01 roundhand), which
    /// fonts with both styles honour and others ignore. Small letters have no variants.
    @Test func mathscrIsDistinctFromMathcal() {
        #expect(body("\\mathcal{L}") == "<mi>ℒ\u{FE00}</mi>")
        #expect(body("\\mathscr{L}") == "<mi>ℒ\u{FE01}</mi>")
        #expect(body("\\mathscr{A}") == "<mi>𝒜\u{FE01}</mi>")
        #expect(body("\\mathscr{A}") != body("\\mathcal{A}"))
        #expect(body("\\mathscr{ab}") == "<mrow><mi>𝒶</mi><mi>𝒷</mi></mrow>")
        #expect(body("\\mathbfscr{A}") == "<mi>𝓐</mi>")
    }
}
