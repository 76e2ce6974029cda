import Testing
@testable import Math

@Suite struct ChemistryTests {
    @Test func formulasHaveUprightElementsAndSubscripts() {
        #expect(body("\\ce{H2O}") == "<mrow><msub><mi mathvariant=\"normal\">H</mi><mn>2</mn></msub><mi mathvariant=\"normal\">O</mi></mrow>")
        #expect(body("\\ce{NaCl}") == "<mrow><mi>Na</mi><mi>Cl</mi></mrow>")
    }

    @Test func charges() {
        #expect(body("\\ce{SO4^2-}") == "<mrow><mi mathvariant=\"normal\">S</mi><msubsup><mi mathvariant=\"normal\">O</mi><mn>4</mn><mrow><mn>2</mn><mo lspace=\"0em\" rspace=\"0em\">−</mo></mrow></msubsup></mrow>")
        #expect(body("\\ce{OH-}")?.contains("<msup><mi mathvariant=\"normal\">H</mi><mo lspace=\"0em\" rspace=\"0em\">−</mo></msup>") == true)
        #expect(body("\\ce{Fe^{3+}}") == "<msup><mi>Fe</mi><mrow><mn>3</mn><mo lspace=\"0em\" rspace=\"0em\">+</mo></mrow></msup>")
    }

    @Test func reactionsWithCoefficientsAndArrows() {
        let reaction = body("\\ce{2H2 + O2 -> 2H2O}")
        #expect(reaction?.hasPrefix("<mrow><mn>2</mn><msub><mi mathvariant=\"normal\">H</mi><mn>2</mn></msub><mo>+</mo>") == true)
        #expect(reaction?.contains("<mover><mo stretchy=\"true\" lspace=\"0em\" rspace=\"0em\">→</mo><mspace width=\"1.5em\"></mspace></mover>") == true)
        #expect(body("\\ce{A <=> B}")?.contains(">⇌</mo>") == true)
        #expect(body("\\ce{A ->[\\Delta] B}")?.contains("<mi mathvariant=\"normal\">Δ</mi>") == true)
    }

    @Test func statesGasAndHydrates() {
        #expect(body("\\ce{NaCl(aq)}")?.contains("<mi>aq</mi>") == true)
        #expect(body("\\ce{CO2 ^}")?.contains("<mo stretchy=\"false\">↑</mo>") == true)
        #expect(body("\\ce{AgCl v}")?.contains("<mo stretchy=\"false\">↓</mo>") == true)
        #expect(body("\\ce{CuSO4*5H2O}")?.contains("<mo lspace=\"0.1em\" rspace=\"0.1em\">⋅</mo><mn>5</mn>") == true)
    }

    @Test func unclosedMathInChemistryIsAnError() {
        #expect(error("\\ce{A $x}")?.command == "\\ce")
    }
}
