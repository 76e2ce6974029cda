import Testing
@testable import Math

@Suite struct DelimitersAndAccentsTests {
    @Test func leftRightStretchAroundTallContent() {
        #expect(
            body("\\left( \\frac{a}{b} \\right)")
                == "<mrow><mo stretchy=\"true\" fence=\"true\" form=\"prefix\">(</mo><mfrac><mi>a</mi><mi>b</mi></mfrac><mo stretchy=\"true\" fence=\"true\" form=\"postfix\">)</mo></mrow>"
        )
    }

    @Test func leftRightKeepNormalSizeAroundALine() {
        #expect(
            body("\\left( x \\right)")
                == "<mrow><mo stretchy=\"false\" fence=\"true\" form=\"prefix\">(</mo><mi>x</mi><mo stretchy=\"false\" fence=\"true\" form=\"postfix\">)</mo></mrow>"
        )
    }

    @Test func nullDelimiterAndMiddle() {
        let evaluated = body("\\left. \\frac{a}{b} \\right|_0")
        #expect(evaluated?.hasPrefix("<msub><mrow><mfrac>") == true)
        #expect(evaluated?.contains("form=\"postfix\">|</mo>") == true)
        let set = body("\\left\\{ x \\middle| x > 0 \\right\\}")
        #expect(set?.contains("<mo stretchy=\"false\" fence=\"true\" lspace=\"0.1667em\" rspace=\"0.1667em\">|</mo>") == true)
        #expect(body("\\left\\langle x \\right\\rangle")?.contains(">⟨</mo>") == true)
    }

    @Test func unbalancedDelimitersAreErrors() {
        #expect(error("\\left( x")?.command == "\\left")
        #expect(error("x \\right)")?.command == "\\right")
        #expect(error("\\left( x }")?.message == "missing \\right")
        #expect(error("\\left\\foo x \\right)")?.command == "\\left")
    }

    @Test func bigDelimitersHaveFixedSizes() {
        #expect(
            body("\\big(")
                == "<mrow><mo stretchy=\"true\" symmetric=\"true\" lspace=\"0em\" rspace=\"0em\" minsize=\"1.2em\" maxsize=\"1.2em\">(</mo></mrow>")
        #expect(body("\\Biggl[")?.contains("form=\"prefix\" minsize=\"3em\" maxsize=\"3em\">[</mo>") == true)
        #expect(body("\\Big(")?.contains("minsize=\"1.8em\"") == true)
        #expect(body("\\bigg(")?.contains("minsize=\"2.4em\"") == true)
        #expect(body("\\bigm|")?.contains("lspace=\"0.2778em\" rspace=\"0.2778em\" minsize=\"1.2em\"") == true)
    }

    @Test func accents() {
        #expect(body("\\hat{x}") == "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">^</mo></mover>")
        #expect(body("\\widehat{xy}") == "<mover accent=\"true\"><mrow><mi>x</mi><mi>y</mi></mrow><mo stretchy=\"true\">\u{302}</mo></mover>")
        #expect(body("\\vec{v}") == "<mover accent=\"true\"><mi>v</mi><mstyle mathsize=\"0.7em\"><mo stretchy=\"false\">→</mo></mstyle></mover>")
        #expect(body("\\overrightarrow{AB}")?.contains("<mo stretchy=\"true\">→</mo></mover>") == true)
        #expect(body("\\overline{x}") == "<mrow style=\"border-top:0.06em solid;padding-top:0.08em\"><mi>x</mi></mrow>")
        #expect(body("\\hat{x}^2") == "<msup><mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">^</mo></mover><mn>2</mn></msup>")
    }

    @Test func bracesTakeTheirLabelAsALimit() {
        #expect(body("\\overbrace{a}^{n}") == "<mover><mover><mi>a</mi><mo stretchy=\"true\">⏞</mo></mover><mi>n</mi></mover>")
        #expect(body("\\underbrace{a}_{n}") == "<munder><munder><mi>a</mi><mo stretchy=\"true\">⏟</mo></munder><mi>n</mi></munder>")
    }

    @Test func stackedRelations() {
        #expect(body("\\overset{a}{=}") == "<mover><mo>=</mo><mi>a</mi></mover>")
        #expect(body("\\underset{a}{b}") == "<munder><mi>b</mi><mi>a</mi></munder>")
        #expect(body("\\stackrel{?}{=}") == "<mover><mo>=</mo><mo lspace=\"0em\" rspace=\"0em\">?</mo></mover>")
    }

    @Test func extensibleArrowsStretchOverTheirLabels() {
        let arrow = body("\\xrightarrow[b]{a}")
        #expect(
            arrow?.contains("<munderover><mo stretchy=\"true\" lspace=\"0em\" rspace=\"0em\">→</mo><mrow><mspace width=\"0.4em\"></mspace><mi>b</mi>")
                == true)
        #expect(
            body("\\xleftarrow{}")?.contains(
                "<mover><mo stretchy=\"true\" lspace=\"0em\" rspace=\"0em\">←</mo><mspace width=\"1.2em\"></mspace></mover>") == true)
    }

    @Test func diracNotation() {
        #expect(
            body("\\bra{x}")
                == "<mrow><mo stretchy=\"false\" fence=\"true\" form=\"prefix\" lspace=\"0em\" rspace=\"0em\">⟨</mo><mi>x</mi><mo stretchy=\"false\" fence=\"true\" form=\"postfix\" lspace=\"0em\" rspace=\"0em\">|</mo></mrow>"
        )
        #expect(body("\\ket{x}")?.hasSuffix("rspace=\"0em\">⟩</mo></mrow>") == true)
        #expect(
            body("\\braket{a|b}")?.contains("<mrow><mi>a</mi><mo stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">|</mo><mi>b</mi></mrow>") == true)
        #expect(body("\\Ket{\\frac{a}{b}}")?.hasPrefix("<mrow><mo stretchy=\"true\"") == true)
    }

    @Test func boxesAndStrikeOuts() {
        #expect(body("\\boxed{x}") == "<mrow style=\"border:0.06em solid;padding:0.2em 0.3em\"><mi>x</mi></mrow>")
        #expect(body("\\cancel{x}")?.hasPrefix("<mrow style=\"background:linear-gradient(to top right,") == true)
        #expect(body("\\fbox{hi}") == "<mrow style=\"border:0.06em solid;padding:0.2em 0.3em\"><mtext>hi</mtext></mrow>")
    }
}
