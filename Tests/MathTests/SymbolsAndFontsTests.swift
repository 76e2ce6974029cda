import Testing
@testable import Math

@Suite struct SymbolsAndFontsTests {
    @Test func lettersAreItalicIdentifiersAndUpperGreekIsUpright() {
        #expect(body("x") == "<mi>x</mi>")
        #expect(body("\\alpha") == "<mi>α</mi>")
        #expect(body("\\Gamma") == "<mi mathvariant=\"normal\">Γ</mi>")
        #expect(body("\\aleph") == "<mi>ℵ</mi>")
        #expect(body("\\infty") == "<mi>∞</mi>")
    }

    @Test func operatorsAndRelations() {
        #expect(body("a-b") == "<mrow><mi>a</mi><mo>−</mo><mi>b</mi></mrow>")
        #expect(body("a\\leq b") == "<mrow><mi>a</mi><mo>≤</mo><mi>b</mi></mrow>")
        #expect(body("x \\to y")?.contains("<mo>→</mo>") == true)
        #expect(body("\\not=") == "<mo>≠</mo>")
        #expect(body("\\not\\in") == "<mo>∉</mo>")
    }

    @Test func unaryMinusIsNotSpacedAsBinary() {
        #expect(body("x=-1") == "<mrow><mi>x</mi><mo>=</mo><mo lspace=\"0em\" rspace=\"0em\">−</mo><mn>1</mn></mrow>")
    }

    @Test func plainDelimitersDoNotStretch() {
        #expect(body("(x)") == "<mrow><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>")
    }

    @Test func alphabetsMapToMathematicalLetters() {
        #expect(body("\\mathbb{R}") == "<mi>ℝ</mi>")
        #expect(body("\\mathbb{E}") == "<mi>𝔼</mi>")
        #expect(body("\\mathcal{L}") == "<mi>ℒ\u{FE00}</mi>")
        #expect(body("\\mathbf{x}") == "<mi>𝐱</mi>")
        #expect(body("\\mathbf{1}") == "<mn>𝟏</mn>")
        #expect(body("\\mathfrak{g}") == "<mi>𝔤</mi>")
        #expect(body("\\mathsf{A}") == "<mi>𝖠</mi>")
        #expect(body("\\mathtt{a}") == "<mi>𝚊</mi>")
        #expect(body("\\boldsymbol{\\theta}") == "<mi>𝜽</mi>")
        #expect(body("\\mathit{h}") == "<mi>ℎ</mi>")
    }

    @Test func romanWordsAreOneIdentifier() {
        #expect(body("\\mathrm{GL}_n") == "<msub><mi>GL</mi><mi>n</mi></msub>")
        #expect(body("\\mathrm{d x}") == "<mi>dx</mi>")
        #expect(body("\\mathrm{a_1}") == "<msub><mi mathvariant=\"normal\">a</mi><mn>1</mn></msub>")
    }

    @Test func romanLettersAreUpright() {
        #expect(body("\\mathrm{d}x") == "<mrow><mi mathvariant=\"normal\">d</mi><mi>x</mi></mrow>")
        #expect(body("{\\rm d}") == "<mi mathvariant=\"normal\">d</mi>")
    }

    @Test func textKeepsSpacesAndUnicode() {
        #expect(body("\\text{if } x") == "<mrow><mtext>if\u{A0}</mtext><mi>x</mi></mrow>")
        #expect(body("\\text{数学}") == "<mtext>数学</mtext>")
        #expect(body("\\textbf{b}") == "<mtext style=\"font-weight:bold\">b</mtext>")
        #expect(body("\\text{a $x$}") == "<mrow><mtext>a\u{A0}</mtext><mi>x</mi></mrow>")
        #expect(body("\\text{\\$5 -- 10\\%}") == "<mtext>$5 – 10%</mtext>")
    }

    @Test func functionsApplyWithAThinSpace() {
        #expect(body("\\sin x") == "<mrow><mi>sin</mi><mo>\u{2061}</mo><mspace width=\"0.1667em\"></mspace><mi>x</mi></mrow>")
        #expect(body("\\sin(x)") == "<mrow><mi>sin</mi><mo>\u{2061}</mo><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>")
        #expect(body("n\\log n")?.hasPrefix("<mrow><mi>n</mi><mspace width=\"0.1667em\"></mspace><mi>log</mi>") == true)
    }

    @Test func operatorNames() {
        #expect(body("\\operatorname{sign} x") == "<mrow><mi>sign</mi><mo>\u{2061}</mo><mspace width=\"0.1667em\"></mspace><mi>x</mi></mrow>")
        #expect(
            body("\\operatorname*{arg\\,max}_x")?.contains("<munder><mo lspace=\"0em\" rspace=\"0em\" movablelimits=\"true\">arg\u{2009}max</mo>")
                == true)
        #expect(
            body("\\mathop{\\mathrm{sup}}_x")?.hasPrefix("<munder><mo lspace=\"0.1667em\" rspace=\"0.1667em\" movablelimits=\"true\">sup</mo>")
                == true)
    }

    @Test func spacing() {
        #expect(body("a\\,b") == "<mrow><mi>a</mi><mspace width=\"0.1667em\"></mspace><mi>b</mi></mrow>")
        #expect(body("\\quad") == "<mspace width=\"1em\"></mspace>")
        #expect(body("\\!") == "<mspace style=\"margin-left:-0.1667em\"></mspace>")
        #expect(body("\\hspace{2pt}") == "<mspace width=\"0.2em\"></mspace>")
        #expect(body("\\kern1em") == "<mspace width=\"1em\"></mspace>")
        #expect(body("\\mkern18mu") == "<mspace width=\"1em\"></mspace>")
        #expect(error("\\hspace{wide}")?.command == "\\hspace")
    }

    @Test func colourAndStyle() {
        #expect(body("\\color{red} x") == "<mstyle mathcolor=\"red\"><mi>x</mi></mstyle>")
        #expect(body("\\textcolor{#00ff00}{x}") == "<mstyle mathcolor=\"#00ff00\"><mi>x</mi></mstyle>")
        #expect(body("{\\color{blue}a}b") == "<mrow><mstyle mathcolor=\"blue\"><mi>a</mi></mstyle><mi>b</mi></mrow>")
        #expect(error("\\color{red\"x}")?.command == "\\color")
        #expect(body("\\displaystyle x") == "<mstyle displaystyle=\"true\" scriptlevel=\"0\"><mi>x</mi></mstyle>")
        #expect(body("\\large x") == "<mstyle mathsize=\"1.2em\"><mi>x</mi></mstyle>")
    }

    @Test func phantoms() {
        #expect(body("\\phantom{x}") == "<mphantom><mi>x</mi></mphantom>")
        #expect(body("\\vphantom{x}") == "<mpadded width=\"0\"><mphantom><mi>x</mi></mphantom></mpadded>")
    }
}
