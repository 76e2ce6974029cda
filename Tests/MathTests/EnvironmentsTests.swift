import Testing
@testable import Math

@Suite struct EnvironmentsTests {
    @Test func matrixWithParentheses() {
        #expect(
            body("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}")
                == "<mrow><mo stretchy=\"true\" fence=\"true\" form=\"prefix\">(</mo><mtable><mtr><mtd style=\"padding:0 0.5em 0 0\"><mspace height=\"0.84em\" depth=\"0.36em\"></mspace><mi>a</mi></mtd><mtd style=\"padding:0 0 0 0.5em\"><mi>b</mi></mtd></mtr><mtr><mtd style=\"padding:0 0.5em 0 0\"><mspace height=\"0.84em\" depth=\"0.36em\"></mspace><mi>c</mi></mtd><mtd style=\"padding:0 0 0 0.5em\"><mi>d</mi></mtd></mtr></mtable><mo stretchy=\"true\" fence=\"true\" form=\"postfix\">)</mo></mrow>"
        )
    }

    @Test func otherMatrixDelimiters() {
        #expect(body("\\begin{bmatrix}1\\end{bmatrix}")?.contains("form=\"prefix\">[</mo>") == true)
        #expect(body("\\begin{Bmatrix}1\\end{Bmatrix}")?.contains("form=\"prefix\">{</mo>") == true)
        #expect(body("\\begin{vmatrix}1\\end{vmatrix}")?.contains("form=\"prefix\">|</mo>") == true)
        #expect(body("\\begin{Vmatrix}1\\end{Vmatrix}")?.contains("form=\"prefix\">‖</mo>") == true)
        #expect(
            body("\\begin{matrix}1\\end{matrix}")
                == "<mtable><mtr><mtd style=\"padding:0\"><mspace height=\"0.84em\" depth=\"0.36em\"></mspace><mn>1</mn></mtd></mtr></mtable>")
        #expect(body("\\begin{smallmatrix}1\\end{smallmatrix}")?.hasPrefix("<mstyle displaystyle=\"false\" scriptlevel=\"1\"><mtable>") == true)
    }

    @Test func trailingRowBreakIsIgnoredAndShortRowsArePadded() {
        #expect(
            body("\\begin{matrix} a & b \\\\ c \\\\ \\end{matrix}")
                == "<mtable><mtr><mtd style=\"padding:0 0.5em 0 0\"><mspace height=\"0.84em\" depth=\"0.36em\"></mspace><mi>a</mi></mtd><mtd style=\"padding:0 0 0 0.5em\"><mi>b</mi></mtd></mtr><mtr><mtd style=\"padding:0 0.5em 0 0\"><mspace height=\"0.84em\" depth=\"0.36em\"></mspace><mi>c</mi></mtd><mtd style=\"padding:0 0 0 0.5em\"></mtd></mtr></mtable>"
        )
    }

    @Test func arrayColumnsAndRules() {
        let table = body("\\begin{array}{l|r} \\hline a & b \\end{array}")
        #expect(
            table
                == "<mtable><mtr><mtd style=\"text-align:left;text-align:-webkit-left;padding:0 0.5em;border-top:0.06em solid\"><mspace height=\"0.78em\" depth=\"0.36em\"></mspace><mi>a</mi></mtd><mtd style=\"text-align:right;text-align:-webkit-right;padding:0 0.5em;border-top:0.06em solid;border-left:0.06em solid\"><mi>b</mi></mtd></mtr></mtable>"
        )
        #expect(error("\\begin{array}{x} a \\end{array}")?.command == "\\begin{array}")
    }

    @Test func casesAreLeftAlignedWithABrace() {
        let cases = body("\\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}")
        #expect(
            cases?.hasPrefix(
                "<mrow><mo stretchy=\"true\" fence=\"true\" form=\"prefix\">{</mo><mtable><mtr><mtd style=\"text-align:left;text-align:-webkit-left;padding:0 0.5em 0 0\"><mspace height=\"1.008em\" depth=\"0.432em\"></mspace><mn>1</mn></mtd>"
            ) == true)
        #expect(body("\\begin{dcases} a \\end{dcases}")?.contains("<mtable displaystyle=\"true\">") == true)
    }

    @Test func alignedPairsColumnsRightLeft() {
        let aligned = body("\\begin{aligned} a &= b \\\\ &= c \\end{aligned}")
        #expect(
            aligned?.hasPrefix(
                "<mtable displaystyle=\"true\"><mtr><mtd style=\"text-align:right;text-align:-webkit-right;padding:0 0 0.3em\"><mspace height=\"0.84em\" depth=\"0.36em\"></mspace><mi>a</mi></mtd><mtd style=\"text-align:left;text-align:-webkit-left;padding:0 0 0.3em\"><mrow><mo>=</mo><mi>b</mi></mrow></mtd></mtr>"
            ) == true)
    }

    @Test func alignNumbersEachRowAndHonoursTagsAndNonumber() {
        let result = MathRenderer().render(
            "\\begin{align} a &= 1 \\\\ b &= 2 \\nonumber \\\\ c &= 3 \\tag{A} \\\\ d &= 4 \\end{align}", display: true)
        #expect(result.error == nil)
        #expect(result.equationsNumbered == 2)
        #expect(result.html.hasPrefix("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\" style=\"position:relative\">"))
        let labels = result.html.components(separatedBy: "</mphantom></mpadded><mtext>").dropFirst().map { $0.prefix(while: { $0 != "<" }) }
        #expect(labels == ["(1)", "(A)", "(2)"])
    }

    @Test func numberingContinuesFromTheGivenNumber() {
        let result = MathRenderer().render("\\begin{equation} E = mc^2 \\end{equation}", display: true, firstEquationNumber: 7)
        #expect(result.equationsNumbered == 1)
        #expect(result.html.contains("<mtext>(7)</mtext>"))
        let unnumbered = MathRenderer().render("\\begin{equation*} x \\end{equation*}", display: true)
        #expect(unnumbered.equationsNumbered == 0)
        #expect(!unnumbered.html.contains("position:absolute"))
    }

    @Test func topLevelTagAndLines() {
        #expect(MathRenderer().render("E = mc^2 \\tag{1.1}", display: true).html.contains("<mtext>(1.1)</mtext>"))
        #expect(MathRenderer().render("x \\tag*{A}", display: true).html.contains("<mtext>A</mtext>"))
        #expect(MathRenderer().render("x \\tag{$*$}", display: true).html.contains("<mrow><mtext>(</mtext><mo>∗</mo><mtext>)</mtext></mrow>"))
        let lines = body("a \\\\ b", display: true)
        let line = "<mspace height=\"0.91em\" depth=\"0.35em\"></mspace>"
        #expect(
            lines
                == "<mpadded height=\"0.91em\" depth=\"1.61em\" voffset=\"-0.6em\"><mtable displaystyle=\"true\"><mtr><mtd style=\"padding:0\">\(line)<mi>a</mi></mtd></mtr>"
                + "<mtr><mtd style=\"padding:0\">\(line)<mi>b</mi></mtd></mtr></mtable></mpadded>")
    }

    @Test func environmentErrors() {
        #expect(error("\\begin{foo} x \\end{foo}")?.command == "\\begin{foo}")
        #expect(error("\\begin{matrix} x \\end{pmatrix}")?.command == "\\end{pmatrix}")
        #expect(error("\\begin{matrix} x")?.command == "\\begin{matrix}")
        #expect(error("a & b")?.command == "&")
        #expect(error("x \\end{matrix}")?.command == "\\end")
    }
}
