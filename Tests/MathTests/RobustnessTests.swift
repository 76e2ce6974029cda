import Testing
@testable import Math
import SeededRandom

@Suite(.timeLimit(.minutes(2))) struct RobustnessTests {
    @Test func errorsShowTheEscapedSourceAndNameTheCommand() {
        let result = MathRenderer().render("a < \\frac{\"b\"", display: false)
        #expect(result.isRefused)
        #expect(result.error == MathError("missing } to close a group"))
        #expect(result.html == "<span class=\"math-error\" title=\"missing } to close a group\">a &lt; \\frac{&quot;b&quot;</span>")
        let display = MathRenderer().render("\\frac{", display: true)
        #expect(display.html.hasPrefix("<span class=\"math-error math-display\""))
        #expect(display.error != nil)
    }

    /// Issue 18: one unknown command no longer loses the formula: it is drawn in `<merror>`,
    /// the rest renders, and the error says where the command is.
    @Test func anUnknownCommandKeepsTheRestOfTheFormula() {
        let result = MathRenderer().render("a < \\foo{\"b\"}\n+ \\bar{c}", display: false)
        #expect(!result.isRefused)
        #expect(
            result.errors == [
                MathError(
                    "unknown command \\foo", command: "\\foo",
                    location: MathError.Location(line: 1, column: 5))
            ])
        #expect(result.html.contains("<mo>&lt;</mo><merror style=\"color:#b00\"><mtext>\\foo</mtext></merror>"))
        #expect(result.html.contains("<mi>&quot;</mi><mi>b</mi>"))
        #expect(result.html.contains("<mover accent=\"true\"><mi>c</mi>"))
        #expect(isWellFormedXML(result.html))
        // Located on its own line, and not confused with a longer command or an escaped backslash.
        let second = MathRenderer().render("\\foobar + \\\\foo\n  x \\foo", display: true)
        #expect(second.errors.map(\.location).contains(MathError.Location(line: 2, column: 5)))
        let inText = MathRenderer().render("\\text{a \\nosuch b}", display: false)
        #expect(inText.errors.first?.command == "\\nosuch")
        #expect(inText.html.contains("<merror style=\"color:#b00\"><mtext>\\nosuch</mtext></merror>"))
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
        let braces = String(repeating: "{", count: 5_000) + String(repeating: "}", count: 5_000)
        #expect(error(braces) != nil)
        let chemistry = String(repeating: "\\ce{", count: 5_000) + String(repeating: "}", count: 5_000)
        #expect(error(chemistry) != nil)
        // Braces in \ce are a text escape, read without recursion: no depth to run out of.
        #expect(error("\\ce{" + braces + "}") == nil)
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
        let pieces = [
            "{", "}", "^", "_", "&", "\\\\", "$", "#1", "%", "~", "'", "x", "1", "+", "(", ")", "[", "]",
            "\\frac", "\\sqrt", "\\left(", "\\right)", "\\middle|", "\\begin{matrix}", "\\end{matrix}",
            "\\text{", "\\ce{", "\\newcommand{\\a}[1]{#1#1}", "\\a", "\\over", "\\color{red}", "\\hat",
            "\\sum", "\\limits", "\\tag{1}", "\\begin{align}", "\\end{align}", "<", "&amp;", "\"", " ", "é",
        ]
        var generator = SeededGenerator(seed: 42)
        let renderer = MathRenderer()
        for _ in 0..<3000 {
            var tex = ""
            for _ in 0..<Int(generator.next() % 24) { tex += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let result = renderer.render(tex, display: generator.next() % 2 == 0)
            if result.isRefused {
                #expect(result.html.hasPrefix("<span class=\"math-error"))
                #expect(result.error != nil)
            } else {
                #expect(isWellFormedXML(result.html), "\(tex)")
                #expect(result.html.contains("<merror") == !result.errors.isEmpty, "\(tex)")
            }
        }
    }
}

/// Issue 15: `\mathrm{…}` with 48,000 letters took 3.2 s and a 1 MB formula did not finish in
/// 9 minutes (sizes here are near the 100,000-byte limit). Exact output; the time limit is only a generous guard (the quadratic versions take
/// minutes here even in a debug build).
@Suite(.timeLimit(.minutes(2))) struct LongFormulaTests {
    func repeated(_ piece: String, _ count: Int) -> String { String(repeating: piece, count: count) }

    /// Upright letters are joined into one word: the word was rebuilt for every letter.
    @Test func longUprightWords() {
        let letters = repeated("a", 99_000)
        #expect(body("\\mathrm{\(letters)}") == "<mi>\(letters)</mi>")
        #expect(body("\\operatorname{\(letters)}") == "<mi>\(letters)</mi>")
        #expect(body("\\mathrm{ab1cd}") == "<mrow><mi>ab</mi><mn>1</mn><mi>cd</mi></mrow>")
    }

    /// Each cell of a table copied the whole rest of the formula (the parser was copied to call a
    /// non-mutating helper around the cell's parse).
    @Test func tablesWithManyCells() {
        let cells = 49_000
        let matrix = "\\begin{matrix}" + repeated("a&", cells - 1) + "a\\end{matrix}"
        #expect(
            body(matrix) == "<mtable><mtr><mtd style=\"padding:0 0.5em 0 0\"><mspace height=\"0.84em\" depth=\"0.36em\"></mspace><mi>a</mi></mtd>"
                + repeated("<mtd style=\"padding:0 0.5em\"><mi>a</mi></mtd>", cells - 2)
                + "<mtd style=\"padding:0 0 0 0.5em\"><mi>a</mi></mtd></mtr></mtable>")
        let rows = 16_000
        let aligned = "\\begin{aligned}" + repeated("a&b\\\\", rows - 1) + "a&b\\end{aligned}"
        let row =
            "<mtr><mtd style=\"text-align:right;text-align:-webkit-right;padding:0 0 0.3em\"><mspace height=\"0.84em\" depth=\"0.36em\"></mspace><mi>a</mi></mtd>"
            + "<mtd style=\"text-align:left;text-align:-webkit-left;padding:0 0 0.3em\"><mi>b</mi></mtd></mtr>"
        #expect(body(aligned) == "<mtable displaystyle=\"true\">" + repeated(row, rows) + "</mtable>")
        let fences = repeated("\\left(a\\right)", 7_000)
        let fence =
            "<mrow><mo stretchy=\"false\" fence=\"true\" form=\"prefix\">(</mo><mi>a</mi>"
            + "<mo stretchy=\"false\" fence=\"true\" form=\"postfix\">)</mo></mrow>"
        #expect(body(fences) == "<mrow>" + repeated(fence, 7_000) + "</mrow>")
    }

    /// Past ``MathRenderer/maxFormulaLength`` bytes a formula is an error, shown as its source.
    @Test func formulasOverTheLimitAreErrors() {
        let limit = MathRenderer.maxFormulaLength
        #expect(limit == 100_000)
        let atLimit = "\\mathrm{" + repeated("a", limit - 9) + "}"
        #expect(atLimit.utf8.count == limit)
        #expect(error(atLimit) == nil)
        let megabyte = "\\mathrm{" + repeated("a", 1_000_000) + "}"
        let result = MathRenderer().render(megabyte, display: true)
        #expect(result.error == MathError("the formula is 1000009 bytes long, more than the 100000 allowed in one formula; split it"))
        #expect(result.html.hasPrefix("<span class=\"math-error math-display\" title=\"the formula is 1000009 bytes long"))
        #expect(result.html.hasSuffix(repeated("a", 1_000) + "}</span>"))
        #expect(error(repeated("x", limit + 1)) != nil)
    }
}
