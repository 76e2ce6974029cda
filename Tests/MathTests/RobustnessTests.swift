import Testing
@testable import Math

@Suite struct RobustnessTests {
    @Test func errorsShowTheEscapedSourceAndNameTheCommand() {
        let result = MathRenderer().render("a < \\foo{\"b\"}", display: false)
        #expect(result.error == MathError("unknown command \\foo", command: "\\foo"))
        #expect(result.html == "<span class=\"math-error\" title=\"unknown command \\foo (\\foo)\">a &lt; \\foo{&quot;b&quot;}</span>")
        let display = MathRenderer().render("\\frac{", display: true)
        #expect(display.html.hasPrefix("<span class=\"math-error math-display\""))
        #expect(display.error != nil)
    }

    @Test func sourceIsEscapedInTheAnnotation() {
        let html = MathRenderer().render("a<b \\& c>d", display: false).html
        #expect(html.contains("<annotation encoding=\"application/x-tex\">a&lt;b \\&amp; c&gt;d</annotation>"))
        #expect(isWellFormedXML(html))
    }

    @Test func deepButReasonableNestingWorks() {
        let depth = 90
        let tex = String(repeating: "{", count: depth) + "x" + String(repeating: "}", count: depth)
        #expect(body(tex) == "<mi>x</mi>")
        let fractions = String(repeating: "\\frac{1}{", count: 45) + "x" + String(repeating: "}", count: 45)
        #expect(error(fractions) == nil)
    }

    @Test func adversarialNestingStopsWithAnError() {
        for opener in ["{", "\\sqrt{", "\\left(", "x^{", "\\text{", "\\begin{matrix}", "\\sqrt", "\\ce{"] {
            let tex = String(repeating: opener, count: 20_000) + "x"
            let result = MathRenderer().render(tex, display: false)
            #expect(result.error != nil, "\(opener)")
        }
    }

    @Test func balancedAdversarialNestingStopsWithAnError() {
        let braces = "\\ce{" + String(repeating: "{", count: 5_000) + String(repeating: "}", count: 5_000) + "}"
        #expect(error(braces) != nil)
        #expect(error(String(repeating: "\\not", count: 20_000) + "=") != nil)
        #expect(error("\\genfrac{}{}{99999999999999999999pt}{}{a}{b}") == nil)
    }

    /// Each `\\a` looks for a `]` that never comes; the search is bounded, and the unclosed `[`
    /// become the mandatory arguments.
    @Test func unclosedOptionalArgumentsAreReadAsText() {
        let tex = "\\newcommand{\\a}[2][x]{#1#2}" + String(repeating: "\\a[", count: 2_000)
        #expect(body(tex)?.hasPrefix("<mrow><mi>x</mi><mo stretchy=\"false\">[</mo><mi>x</mi>") == true)
    }

    @Test func unbalancedInputIsAnError() {
        for tex in ["{", "}", "x^", "\\frac{a}", "\\sqrt[", "\\", "\\left", "$", "#1", "\\begin", "\\text{a"] {
            #expect(error(tex) != nil, "\(tex)")
        }
    }

    @Test func emptyInputRendersAnEmptyFormula() {
        #expect(body("") == "<mrow></mrow>")
        #expect(body("   ") == "<mrow></mrow>")
    }

    /// Random strings over TeX's special characters and common commands: rendering must neither
    /// crash nor produce ill-formed XML.
    @Test func randomInputNeverCrashes() {
        let pieces = ["{", "}", "^", "_", "&", "\\\\", "$", "#1", "%", "~", "'", "x", "1", "+", "(", ")", "[", "]",
                      "\\frac", "\\sqrt", "\\left(", "\\right)", "\\middle|", "\\begin{matrix}", "\\end{matrix}",
                      "\\text{", "\\ce{", "\\newcommand{\\a}[1]{#1#1}", "\\a", "\\over", "\\color{red}", "\\hat",
                      "\\sum", "\\limits", "\\tag{1}", "\\begin{align}", "\\end{align}", "<", "&amp;", "\"", " ", "é"]
        var generator = SplitMix(seed: 42)
        let renderer = MathRenderer()
        for _ in 0..<3000 {
            var tex = ""
            for _ in 0..<Int(generator.next() % 24) { tex += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let result = renderer.render(tex, display: generator.next() % 2 == 0)
            if result.error == nil {
                #expect(isWellFormedXML(result.html), "\(tex)")
            } else {
                #expect(result.html.hasPrefix("<span class=\"math-error"))
            }
        }
    }
}

/// A small deterministic generator for reproducible random tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
