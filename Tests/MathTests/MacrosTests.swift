import Testing
@testable import Math

@Suite struct MacrosTests {
    @Test func newcommandWithArguments() {
        #expect(body("\\newcommand{\\R}{\\mathbb{R}} \\R") == "<mi>ℝ</mi>")
        #expect(body("\\newcommand{\\pair}[2]{(#1,#2)} \\pair{a}{b}") == body("(a,b)"))
        #expect(body("\\newcommand\\sq[1]{#1^2}\\sq x") == "<msup><mi>x</mi><mn>2</mn></msup>")
    }

    @Test func optionalFirstArgument() {
        #expect(body("\\newcommand{\\E}[1][X]{\\mathbb{E}#1} \\E \\E[Y]") == "<mrow><mi>𝔼</mi><mi>X</mi><mi>𝔼</mi><mi>Y</mi></mrow>")
    }

    @Test func defAndLetAndRenewcommand() {
        #expect(body("\\def\\abs#1{|#1|}\\abs{x}") == body("|x|"))
        #expect(body("\\let\\implies\\Rightarrow \\implies") == "<mo>⇒</mo>")
        #expect(body("\\renewcommand{\\vec}[1]{\\mathbf{#1}}\\vec{v}") == "<mi>𝐯</mi>")
        #expect(error("\\newcommand{\\a}{x}\\newcommand{\\a}{y}")?.command == "\\a")
        #expect(error("\\newcommand{\\a}[1]{#2}")?.command == "\\newcommand")
        #expect(error("\\def\\a#1.{x}")?.command == "\\def")
    }

    @Test func siteMacrosDeduceTheirArity() {
        let macros = ["\\RR": "\\mathbb{R}", "\\norm": "\\left\\lVert #1 \\right\\rVert", "KL": "D_{KL}(#1\\|#2)"]
        #expect(body("\\RR^n", macros: macros) == "<msup><mi>ℝ</mi><mi>n</mi></msup>")
        #expect(body("\\norm{x}", macros: macros)?.contains("<mi>x</mi>") == true)
        #expect(body("\\KL{p}{q}", macros: macros) == body("D_{KL}(p\\|q)"))
    }

    @Test func selfReferenceStopsWithAnError() {
        #expect(error("\\def\\a{\\a}\\a")?.command == "\\a")
        #expect(error("\\def\\a{\\a\\a}\\a")?.message.contains("macro") == true)
        #expect(error("\\newcommand{\\x}{\\x x}\\x")?.command == "\\x")
    }
}
