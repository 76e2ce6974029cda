import Testing
@testable import Math

@Suite struct ScriptsAndFractionsTests {
    @Test func subAndSuperscriptsCombine() {
        #expect(body("x_i^2") == "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>")
        #expect(body("x^2_i") == "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>")
        #expect(body("a^{b^c}") == "<msup><mi>a</mi><msup><mi>b</mi><mi>c</mi></msup></msup>")
    }

    @Test func scriptArgumentIsOneToken() {
        #expect(body("x_12") == "<mrow><msub><mi>x</mi><mn>1</mn></msub><mn>2</mn></mrow>")
    }

    @Test func emptyBaseTakesPrescripts() {
        #expect(body("{}^{14}C") == "<mrow><msup><mrow></mrow><mn>14</mn></msup><mi>C</mi></mrow>")
    }

    /// Issue 18: a prime alone follows its base at full size (as a superscript Chromium drew it
    /// too high and small); with other scripts it is a superscript lowered to meet them.
    @Test func primesFollowTheirBase() {
        #expect(body("f'") == "<mrow><mi>f</mi><mo lspace=\"0em\" rspace=\"0em\">′</mo></mrow>")
        #expect(body("f''")?.contains("″") == true)
        #expect(
            body("f'^2")
                == "<msup><mi>f</mi><mrow><mpadded voffset=\"-0.2em\"><mo lspace=\"0em\" rspace=\"0em\">′</mo></mpadded><mn>2</mn></mrow></msup>")
        #expect(
            body("x_i'") == "<msubsup><mi>x</mi><mi>i</mi><mpadded voffset=\"-0.2em\"><mo lspace=\"0em\" rspace=\"0em\">′</mo></mpadded></msubsup>")
        #expect(
            body("f'_i") == "<msubsup><mi>f</mi><mi>i</mi><mpadded voffset=\"-0.2em\"><mo lspace=\"0em\" rspace=\"0em\">′</mo></mpadded></msubsup>")
    }

    @Test func doubleScriptsAreErrors() {
        #expect(error("x^2^3")?.message == "double superscript")
        #expect(error("x_a_b")?.message == "double subscript")
    }

    @Test func numbersKeepTheirDecimalPoint() {
        #expect(body("3.14") == "<mn>3.14</mn>")
        #expect(body("1.") == "<mrow><mn>1</mn><mo lspace=\"0em\" rspace=\"0em\">.</mo></mrow>")
    }

    @Test func fractionsInTheirStyles() {
        #expect(body("\\frac{a}{b}") == "<mfrac><mi>a</mi><mi>b</mi></mfrac>")
        #expect(body("\\frac12") == "<mfrac><mn>1</mn><mn>2</mn></mfrac>")
        #expect(body("\\dfrac12") == "<mstyle displaystyle=\"true\"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle>")
        #expect(body("\\tfrac12") == "<mstyle displaystyle=\"false\"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle>")
        let continued = body("\\cfrac{1}{2}")
        #expect(
            continued?.contains("<mfrac><mstyle displaystyle=\"true\"><mn>1</mn></mstyle><mstyle displaystyle=\"true\"><mn>2</mn></mstyle></mfrac>")
                == true)
    }

    @Test func infixFractions() {
        #expect(body("a \\over b") == "<mfrac><mi>a</mi><mi>b</mi></mfrac>")
        #expect(body("{n \\choose k}") == body("\\binom{n}{k}"))
        #expect(error("a \\over b \\over c")?.command == "\\over")
    }

    @Test func binomialHasNoBar() {
        #expect(body("\\binom{n}{k}") == "<mrow><mo>(</mo><mfrac linethickness=\"0\"><mi>n</mi><mi>k</mi></mfrac><mo>)</mo></mrow>")
    }

    @Test func roots() {
        #expect(body("\\sqrt{x}") == "<msqrt><mi>x</mi></msqrt>")
        // The index is lowered into the crook of the radical (issue 18: it stood off to the upper left).
        #expect(body("\\sqrt[3]{x}") == "<mroot><mi>x</mi><mpadded voffset=\"-0.15em\"><mn>3</mn></mpadded></mroot>")
    }

    @Test func largeOperatorsTakeLimits() {
        #expect(
            body("\\sum_{i=1}^n")
                == "<munderover><mo movablelimits=\"true\">∑</mo><mrow><mi>i</mi><mo lspace=\"0em\" rspace=\"0em\">=</mo><mn>1</mn></mrow><mi>n</mi></munderover>"
        )
        #expect(body("\\int_0^1") == "<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup>")
        #expect(
            body("\\int\\limits_0^1")
                == "<munderover style=\"padding-bottom:0.1em;padding-top:0.1em\"><mo movablelimits=\"false\">∫</mo><mn>0</mn><mn>1</mn></munderover>")
        #expect(body("\\sum\\nolimits_i") == "<msub><mo>∑</mo><mi>i</mi></msub>")
        #expect(body("\\lim_{x\\to0}")?.hasPrefix("<munder><mo lspace=\"0em\" rspace=\"0em\" movablelimits=\"true\">lim</mo>") == true)
        #expect(error("x\\limits")?.command == "\\limits")
    }

    /// TeX puts 0.1em (`\bigop@spacing5`) beyond the limits of a big operator; MathML Core does
    /// not, so rows of `aligned` with `\sum` or `\lim` were 0.1–0.25em closer than KaTeX's. Inline,
    /// where the limits become scripts, nothing is added.
    @Test func limitsOfBigOperatorsHaveRoomBeyondThem() {
        #expect(body("\\sum_{i=1}^n x", display: true)?.hasPrefix("<mrow><munderover style=\"padding-bottom:0.1em;padding-top:0.1em\"><mo") == true)
        #expect(body("\\lim_{x} f", display: true)?.hasPrefix("<mrow><munder style=\"padding-bottom:0.1em\"><mo") == true)
        #expect(body("\\sum\\limits^n x")?.hasPrefix("<mrow><mover style=\"padding-top:0.1em\"><mo") == true)
        #expect(body("\\sum_{i=1}^n x")?.hasPrefix("<mrow><munderover><mo") == true)
        #expect(body("\\underbrace{x}_{a}", display: true)?.contains("style=") == false)
    }

    @Test func substackStacksLines() {
        let stacked = body("\\sum_{\\substack{i<n\\\\j<m}}")
        #expect(
            stacked?.contains(
                "<munder><mo movablelimits=\"true\">∑</mo><mtable><mtr><mtd style=\"padding:0\"><mspace height=\"0.42em\" depth=\"0.18em\"></mspace>")
                == true)
        #expect(stacked?.components(separatedBy: "<mtr>").count == 3)
    }
}
