import Foundation
import Testing
@testable import Math

/// mhchem's `\ce` and `\pu`, as the mhchem manual describes them and KaTeX's mhchem extension
/// draws them (upright atoms, staggered charges, stretchy arrows with labels, bonds, units).
@Suite struct ChemistryTests {
    /// `<mo>` as the chemistry writes it: no stretching, the given spacing.
    private func mo(_ symbol: String, space: String = "0em") -> String {
        "<mo stretchy=\"false\" lspace=\"\(space)\" rspace=\"\(space)\">\(symbol)</mo>"
    }

    private let strut = "<mpadded width=\"0\"><mphantom><mi mathvariant=\"normal\">X</mi></mphantom></mpadded>"

    @Test func formulasHaveUprightAtomsAndCounts() {
        #expect(body("\\ce{H2O}") == "<mrow><msub><mi mathvariant=\"normal\">H</mi><mn>2</mn></msub><mi mathvariant=\"normal\">O</mi></mrow>")
        // A run of letters is one name, as mhchem writes it (\mathrm{NaCl}).
        #expect(body("\\ce{NaCl}") == "<mi>NaCl</mi>")
        #expect(body("\\ce{Cu(OH)2}") == "<mrow><mi>Cu</mi>\(mo("("))<mi>OH</mi><msub>\(mo(")"))<mn>2</mn></msub></mrow>")
    }

    @Test func theSourceIsKeptAsAnnotation() {
        let html = MathRenderer().render("\\ce{SO4^2-}", display: false).html
        #expect(html.hasSuffix("<annotation encoding=\"application/x-tex\">\\ce{SO4^2-}</annotation></semantics></math>"))
    }

    /// The charge follows the count (IUPAC's staggered layout), at a capital's height.
    @Test func chargesAreStaggeredAfterCounts() {
        #expect(body("\\ce{SO4^2-}") == "<mrow><msub><mi>SO</mi><mn>4</mn></msub><msup>\(strut)<mrow><mn>2</mn>\(mo("−"))</mrow></msup></mrow>")
        #expect(body("\\ce{NH4+}") == "<mrow><msub><mi>NH</mi><mn>4</mn></msub><msup>\(strut)\(mo("+"))</msup></mrow>")
        #expect(body("\\ce{OH-}") == "<msup><mi>OH</mi>\(mo("−"))</msup>")
        #expect(body("\\ce{Fe^{3+}}") == "<msup><mi>Fe</mi><mrow><mn>3</mn>\(mo("+"))</mrow></msup>")
        #expect(body("\\ce{Y^99+}") == "<msup><mi mathvariant=\"normal\">Y</mi><mrow><mn>99</mn>\(mo("+"))</mrow></msup>")
        #expect(body("\\ce{[AgCl2]-}") == "<mrow>\(mo("["))<msub><mi>AgCl</mi><mn>2</mn></msub><msup>\(mo("]"))\(mo("−"))</msup></mrow>")
    }

    @Test func oxidationStatesAndRadicalDots() {
        // The Roman numeral over the atom, upright, and the count after it.
        #expect(
            body("\\ce{Fe^{II}Fe^{III}2O4}") == "<mrow><msup><mi>Fe</mi><mi>II</mi></msup><msup><mi>Fe</mi><mi>III</mi></msup>"
                + "<msub>\(strut)<mn>2</mn></msub><msub><mi mathvariant=\"normal\">O</mi><mn>4</mn></msub></mrow>")
        #expect(
            body("\\ce{OCO^{.-}}") == "<msup><mi>OCO</mi><mrow><mrow><mspace width=\"0.0556em\"></mspace>\(mo("•"))"
                + "<mspace width=\"0.0556em\"></mspace></mrow>\(mo("−"))</mrow></msup>")
    }

    @Test func isotopesArePrescripts() {
        #expect(
            body("\\ce{^{227}_{90}Th+}") == "<msup><mmultiscripts><mi>Th</mi><mprescripts></mprescripts><mn>90</mn><mn>227</mn>"
                + "</mmultiscripts>\(mo("+"))</msup>")
        #expect(
            body("\\ce{^0_-1n-}") == "<msup><mmultiscripts><mi mathvariant=\"normal\">n</mi><mprescripts></mprescripts>"
                + "<mrow>\(mo("−"))<mn>1</mn></mrow><mn>0</mn></mmultiscripts>\(mo("−"))</msup>")
    }

    @Test func coefficientsAreFollowedByAThinSpace() {
        let reaction = body("\\ce{2H2 + O2 -> 2H2O}")
        #expect(
            reaction?.hasPrefix(
                "<mrow><mn>2</mn><mspace width=\"0.1667em\"></mspace><msub><mi mathvariant=\"normal\">H</mi><mn>2</mn></msub>"
                    + mo("+", space: "0.2222em") + "<msub>") == true)
        #expect(body("\\ce{0.5 H2O}")?.hasPrefix("<mrow><mn>0.5</mn><mspace width=\"0.1667em\"></mspace><msub>") == true)
        #expect(body("\\ce{1/2 H2O}")?.hasPrefix("<mrow><mfrac><mn>1</mn><mn>2</mn></mfrac><mspace") == true)
        // A lowercase letter before atoms is a variable amount, in italic.
        #expect(body("\\ce{n H2O}")?.hasPrefix("<mrow><mi>n</mi><mspace width=\"0.1667em\"></mspace><msub>") == true)
        #expect(body("\\ce{$n$ H2O}")?.hasPrefix("<mrow><mi>n</mi><mspace width=\"0.1667em\"></mspace><msub>") == true)
    }

    @Test func arrowsStretchOverTheirLabels() {
        let plain =
            "<mrow><mspace width=\"0.2778em\"></mspace><mover><mo stretchy=\"true\" lspace=\"0em\" rspace=\"0em\">→</mo>"
            + "<mspace width=\"1.8em\"></mspace></mover><mspace width=\"0.2778em\"></mspace></mrow>"
        #expect(body("\\ce{A -> B}") == "<mrow><mi mathvariant=\"normal\">A</mi>\(plain)<mi mathvariant=\"normal\">B</mi></mrow>")
        #expect(body("\\ce{A->B}") == "<mrow><mi mathvariant=\"normal\">A</mi>\(plain)<mi mathvariant=\"normal\">B</mi></mrow>")
        for (arrow, symbol) in [("<-", "←"), ("<->", "↔"), ("<-->", "⇄"), ("<=>", "⇌"), ("<=>>", "⇌"), ("<<=>", "⇌")] {
            #expect(body("\\ce{A \(arrow) B}")?.contains(">\(symbol)</mo>") == true, "\(arrow)")
        }
        // Text above and below, read as \ce (so H2O gets its subscript), or as math between dollars.
        let labelled = body("\\ce{A ->[H2O][$\\Delta$] B}")
        #expect(
            labelled?.contains(
                "<munderover><mo stretchy=\"true\" lspace=\"0em\" rspace=\"0em\">→</mo>"
                    + "<mrow><mspace width=\"0.4em\"></mspace><mi mathvariant=\"normal\">Δ</mi><mspace width=\"0.4em\"></mspace></mrow>"
                    + "<mrow><mspace width=\"0.4em\"></mspace><mrow><msub><mi mathvariant=\"normal\">H</mi><mn>2</mn></msub>"
                    + "<mi mathvariant=\"normal\">O</mi></mrow><mspace width=\"0.4em\"></mspace></mrow></munderover>") == true)
        // {…} is text.
        #expect(body("\\ce{A ->[{heat}] B}")?.contains("<mtext>heat</mtext>") == true)
        #expect(body("\\ce{Hg^2+ ->[I-] HgI2}")?.contains("<msup><mi mathvariant=\"normal\">I</mi>\(mo("−"))</msup>") == true)
    }

    @Test func operatorsBetweenSpaces() {
        #expect(body("\\ce{A + B}") == "<mrow><mi mathvariant=\"normal\">A</mi>\(mo("+", space: "0.2222em"))<mi mathvariant=\"normal\">B</mi></mrow>")
        #expect(body("\\ce{A - B}") == "<mrow><mi mathvariant=\"normal\">A</mi>\(mo("−", space: "0.2222em"))<mi mathvariant=\"normal\">B</mi></mrow>")
        #expect(body("\\ce{A = B}") == "<mrow><mi mathvariant=\"normal\">A</mi>\(mo("=", space: "0.2778em"))<mi mathvariant=\"normal\">B</mi></mrow>")
        #expect(body("\\ce{A \\pm B}")?.contains(mo("±", space: "0.2222em")) == true)
        // Entities side by side keep a space between them.
        #expect(body("\\ce{A B}") == "<mrow><mi mathvariant=\"normal\">A</mi><mtext>\u{A0}</mtext><mi mathvariant=\"normal\">B</mi></mrow>")
    }

    /// `-`, `=`, `#` between atoms are bonds; a `-` that ends a formula is a charge; one after a
    /// lone lowercase letter is a hyphen.
    @Test func bondsChargesAndHyphens() {
        let a = "<mi mathvariant=\"normal\">A</mi>"
        let b = "<mi mathvariant=\"normal\">B</mi>"
        let c = "<mi mathvariant=\"normal\">C</mi>"
        let d = "<mi mathvariant=\"normal\">D</mi>"
        #expect(body("\\ce{A-B=C#D}") == "<mrow>\(a)\(mo("−"))\(b)\(mo("="))\(c)\(mo("≡"))\(d)</mrow>")
        #expect(body("\\ce{A\\bond{-}B\\bond{=}C\\bond{#}D}") == "<mrow>\(a)\(mo("−"))\(b)\(mo("="))\(c)\(mo("≡"))\(d)</mrow>")
        #expect(body("\\ce{A\\bond{1}B\\bond{2}C\\bond{3}D}") == "<mrow>\(a)\(mo("−"))\(b)\(mo("="))\(c)\(mo("≡"))\(d)</mrow>")
        #expect(body("\\ce{C6H5-CHO}")?.contains("<msub><mi mathvariant=\"normal\">H</mi><mn>5</mn></msub>\(mo("−"))<mi>CHO</mi>") == true)
        #expect(body("\\ce{-OH}") == "<mrow>\(mo("−"))<mi>OH</mi></mrow>")
        #expect(body("\\ce{n-Pr}") == "<mrow><mi>n</mi><mtext>-</mtext><mi>Pr</mi></mrow>")
        #expect(body("\\ce{A...B}") == "<mrow>\(a)<mrow>\(mo("⋅"))\(mo("⋅"))\(mo("⋅"))</mrow>\(b)</mrow>")
        #expect(body("\\ce{A\\bond{->}B}") == "<mrow>\(a)\(mo("→"))\(b)</mrow>")
        // Partial bonds: a dashed line over a solid one, both drawn in the same place.
        let partial = body("\\ce{A\\bond{~-}B}")
        #expect(
            partial?.contains("<mpadded width=\"0\"><mpadded voffset=\"-0.1em\">\(mo("−"))</mpadded></mpadded><mpadded voffset=\"0.1em\">") == true)
        #expect(partial?.contains("<mstyle mathsize=\"0.5em\">") == true)
        #expect(error("\\ce{A\\bond{x}B}")?.command == "\\bond")
        #expect(error("\\ce{A\\bond{x}B}")?.message.contains("unknown bond type x") == true)
    }

    @Test func statesOfAggregation() {
        let state = "<mrow><mspace width=\"0.1111em\"></mspace><mrow>\(mo("("))<mi>aq</mi>\(mo(")"))</mrow></mrow>"
        #expect(body("\\ce{NaCl(aq)}") == "<mrow><mi>NaCl</mi>\(state)</mrow>")
        #expect(body("\\ce{Ca^2+(aq)}")?.hasSuffix("</msup>\(state)</mrow>") == true)
        #expect(body("\\ce{OH-(aq)}") == "<mrow><msup><mi>OH</mi>\(mo("−"))</msup>\(state)</mrow>")
        #expect(body("\\ce{H2O(l)}")?.contains("<mi mathvariant=\"normal\">l</mi>") == true)
        #expect(
            body("\\ce{NaOH(aq,$\\infty$)}")?.contains("<mi>aq</mi><mo stretchy=\"false\" lspace=\"0em\" rspace=\"0.1667em\">,</mo><mi>∞</mi>")
                == true)
    }

    @Test func gasPrecipitateAndAdditionCompounds() {
        #expect(body("\\ce{CO2 ^}")?.hasSuffix("</msub>\(mo("↑", space: "0.2778em"))</mrow>") == true)
        #expect(body("\\ce{BaSO4 v}")?.hasSuffix("</msub>\(mo("↓", space: "0.2778em"))</mrow>") == true)
        #expect(body("\\ce{SO4^2- + Ba^2+ -> BaSO4 v}")?.hasSuffix(mo("↓", space: "0.2778em") + "</mrow>") == true)
        let dot = "<mrow><mspace width=\"0.1667em\"></mspace>\(mo("⋅"))<mspace width=\"0.1667em\"></mspace></mrow>"
        #expect(body("\\ce{CuSO4*5H2O}")?.contains("</msub>\(dot)<mn>5</mn><mspace width=\"0.1667em\"></mspace><msub>") == true)
        #expect(body("\\ce{CuSO4.5H2O}")?.contains(dot) == true)
        // Marks in brackets too; an entity after a mark keeps a space from it.
        #expect(
            body("\\ce{A v B (v) -> B ^ B (^)}") == "<mrow><mi mathvariant=\"normal\">A</mi>\(mo("↓", space: "0.2778em"))"
                + "<mtext>\u{A0}</mtext><mi mathvariant=\"normal\">B</mi>\(mo("↓", space: "0.2778em"))<mrow><mspace width=\"0.2778em\"></mspace>"
                + "<mover><mo stretchy=\"true\" lspace=\"0em\" rspace=\"0em\">→</mo><mspace width=\"1.8em\"></mspace></mover>"
                + "<mspace width=\"0.2778em\"></mspace></mrow><mi mathvariant=\"normal\">B</mi>\(mo("↑", space: "0.2778em"))"
                + "<mtext>\u{A0}</mtext><mi mathvariant=\"normal\">B</mi>\(mo("↑", space: "0.2778em"))</mrow>")
    }

    @Test func mathAndNestedChemistry() {
        #expect(body("\\ce{$A$ ->[\\ce{+H2O}] $B$}")?.contains("<msub><mi mathvariant=\"normal\">H</mi><mn>2</mn></msub>") == true)
        #expect(body("\\ce{NO_x}") == "<msub><mi>NO</mi><mi>x</mi></msub>")
        #expect(body("\\ce{Fe_{1-x}O}")?.contains("<mrow><mn>1</mn>\(mo("−"))<mi>x</mi></mrow>") == true)
        #expect(body("\\ce{\\mu-Cl}") == "<mrow><mi>μ</mi><mtext>-</mtext><mi>Cl</mi></mrow>")
        #expect(error("\\ce{A $x}")?.command == "\\ce")
    }

    @Test func unitsWithPu() {
        #expect(body("\\pu{123 kJ}") == "<mrow><mn>123</mn><mtext>\u{A0}</mtext><mi>kJ</mi></mrow>")
        #expect(body("\\pu{123 kJ/mol}") == "<mrow><mn>123</mn><mtext>\u{A0}</mtext><mrow><mi>kJ</mi>\(mo("/"))<mi>mol</mi></mrow></mrow>")
        // `//` makes a fraction; spaces between units a small space.
        #expect(
            body("\\pu{75.3 J // mol K}") == "<mrow><mn>75.3</mn><mtext>\u{A0}</mtext><mstyle displaystyle=\"false\"><mfrac>"
                + "<mi mathvariant=\"normal\">J</mi><mrow><mi>mol</mi><mspace width=\"0.1667em\"></mspace><mi mathvariant=\"normal\">K</mi></mrow>"
                + "</mfrac></mstyle></mrow>")
        #expect(
            body("\\pu{1.2e3 kJ mol-1}") == "<mrow><mn>1.2</mn>\(mo("⋅", space: "0.2222em"))<msup><mn>10</mn><mn>3</mn></msup>"
                + "<mtext>\u{A0}</mtext><mrow><mi>kJ</mi><mspace width=\"0.1667em\"></mspace><msup><mi>mol</mi><mrow>\(mo("−"))<mn>1</mn></mrow></msup></mrow></mrow>"
        )
        #expect(body("\\pu{1.2E3 kJ}")?.hasPrefix("<mrow><mn>1.2</mn>\(mo("×", space: "0.2222em"))") == true)
        #expect(body("\\pu{1.2x10^-3 m}")?.contains(mo("×", space: "0.2222em") + "<msup><mn>10</mn><mrow>\(mo("−"))<mn>3</mn></mrow></msup>") == true)
        // More than four digits are grouped in threes.
        #expect(
            body("\\pu{12345.67891 m^2}") == "<mrow><mn>12</mn><mspace width=\"0.1111em\"></mspace><mn>345.678</mn>"
                + "<mspace width=\"0.1111em\"></mspace><mn>91</mn><mtext>\u{A0}</mtext><msup><mi mathvariant=\"normal\">m</mi><mn>2</mn></msup></mrow>"
        )
        #expect(
            body("\\pu{1234 J*s}") == "<mrow><mn>1234</mn><mtext>\u{A0}</mtext><mrow><mi mathvariant=\"normal\">J</mi><mrow>"
                + "<mspace width=\"0.0556em\"></mspace>\(mo("⋅"))<mspace width=\"0.0556em\"></mspace></mrow><mi mathvariant=\"normal\">s</mi></mrow></mrow>"
        )
        #expect(body("\\pu{-273.15 ^oC}") == "<mrow>\(mo("−"))<mn>273.15</mn><mtext>\u{A0}</mtext><mi>°C</mi></mrow>")
        #expect(body("\\pu{+-2 \\mu m}")?.contains("<mi mathvariant=\"normal\">μ</mi>") == true)
    }

    /// Everything a `\ce` is given renders or reports an error: never a crash or a hang.
    @Test func arbitraryTextNeverCrashes() {
        for text in [
            "", " ", "-", "^", "_", "v", "->[", "(", ")", "[", "]", "{}", "$$", "\\", "\\bond{", "^{", "2/",
            "A^", "A_", "1,5", "...", "....", "A<<B", "+-", "(1/2)H2O", "Li^x_{Li,1-2x}", "\\frac{1}{2}H2O",
            "\\color{red}{A}", "\\underbrace{A}_{B}", "A~B", "H^3HO", "sp^2", "pH", "iPr-H",
        ] {
            let result = MathRenderer().render("\\ce{\(text)}", display: false)
            #expect(result.isRefused || result.html.hasPrefix("<math"), "\(text)")
            _ = MathRenderer().render("\\pu{\(text)}", display: false)
        }
    }

    /// Every formula of Corpus/chemistry.txt (each kind of input mhchem reads) renders without an error.
    @Test func theChemistryFixturesRender() throws {
        let url = testDirectory().appendingPathComponent("Corpus/chemistry.txt")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(lines.count > 80)
        for line in lines {
            let result = MathRenderer().render(String(line), display: false)
            #expect(result.errors.isEmpty, "\(line): \(result.errors)")
            #expect(isWellFormedXML(result.html), "\(line)")
        }
    }
}
