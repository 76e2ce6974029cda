import Testing
@testable import Math

/// How far apart the rows of multi-line formulas are: each row starts with a strut as LaTeX's
/// arrays and KaTeX make them, cells have no padding above and `\jot` below. The figures were
/// measured against KaTeX 0.16 in headless Chromium with `scripts/math-rows.py` (baselines 1.2em
/// apart in matrices and arrays, 1.44em in `cases`, 1.5em in `aligned` and `gathered`, 1.26em for
/// lines broken outside an environment, each within 0.001em of KaTeX's).
@Suite struct TableRowsTests {
    private func strut(_ height: String, _ depth: String) -> String {
        "<mspace height=\"\(height)em\" depth=\"\(depth)em\"></mspace>"
    }

    /// Every row's first cell starts with the strut of its environment, and no other cell does.
    @Test func eachEnvironmentHasItsStrut() {
        let struts = [
            ("\\begin{matrix} a \\\\ b \\end{matrix}", strut("0.84", "0.36")),
            ("\\begin{array}{c} a \\\\ b \\end{array}", strut("0.84", "0.36")),
            ("\\begin{cases} a & b \\\\ c & d \\end{cases}", strut("1.008", "0.432")),
            ("\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}", strut("0.84", "0.36")),
            ("\\begin{gathered} a \\\\ b \\end{gathered}", strut("0.84", "0.36")),
            ("\\begin{smallmatrix} a \\\\ b \\end{smallmatrix}", strut("0.6", "0.2571")),
            ("\\sum_{\\substack{a \\\\ b}}", strut("0.42", "0.18")),
            ("a \\\\ b", strut("0.91", "0.35")),
        ]
        for (tex, expected) in struts {
            let html = body(tex, display: true) ?? ""
            #expect(html.components(separatedBy: expected).count == 3, "\(tex)")
            #expect(html.components(separatedBy: "<mspace height=").count == 3, "\(tex)")
        }
    }

    /// amsmath's multi-line environments put `\jot` (0.3em) below every row; arrays do not.
    @Test func multiLineEnvironmentsAddTheJot() {
        #expect(body("\\begin{gathered} a \\end{gathered}")?.contains("<mtd style=\"padding:0 0 0.3em\">") == true)
        #expect(body("\\begin{aligned} a &= b \\end{aligned}")?.contains("text-align:-webkit-left;padding:0 0 0.3em\">") == true)
        #expect(body("\\begin{array}{c} a \\end{array}")?.contains("<mtd style=\"padding:0 0.5em\">") == true)
        #expect(body("\\begin{matrix} a \\end{matrix}")?.contains("<mtd style=\"padding:0\">") == true)
    }

    /// `\\[len]` makes its row at least that much deeper than a strut; a negative length takes
    /// its space from the `\jot` first. A bracket that is no length is still skipped.
    @Test func rowGapsDeepenTheStrut() {
        let aligned = body("\\begin{aligned} a &= 1 \\\\[1em] b &= 2 \\\\[-0.2em] c &= 3 \\end{aligned}") ?? ""
        #expect(aligned.contains("<mtd style=\"text-align:right;text-align:-webkit-right;padding:0 0 0.3em\">\(strut("0.84", "1.36"))<mi>a</mi>"))
        #expect(aligned.contains("<mtd style=\"text-align:right;text-align:-webkit-right;padding:0 0 0.1em\">\(strut("0.84", "0.36"))<mi>b</mi>"))
        #expect(aligned.contains("<mtd style=\"text-align:right;text-align:-webkit-right;padding:0 0 0.3em\">\(strut("0.84", "0.36"))<mi>c</mi>"))
        #expect(body("\\begin{array}{l} a \\\\[5pt] b \\end{array}")?.contains("\(strut("0.84", "0.86"))<mi>a</mi>") == true)
        #expect(body("\\begin{matrix} a \\\\[-1em] b \\end{matrix}")?.contains("\(strut("0.84", "0"))<mi>a</mi>") == true)
        #expect(body("\\begin{matrix} a \\\\ [x] \\end{matrix}") == body("\\begin{matrix} a \\\\ \\end{matrix}"))
    }

    /// A rule between rows takes no room in TeX; the cell border does, so the strut is shorter by it.
    @Test func rulesTakeTheirWidthFromTheStrut() {
        let table = body("\\begin{array}{c} a \\\\ \\hline b \\\\ \\hline \\end{array}") ?? ""
        #expect(table.contains("<mtd style=\"padding:0 0.5em\">\(strut("0.84", "0.36"))<mi>a</mi>"))
        #expect(table.contains("<mtd style=\"padding:0 0.5em;border-top:0.06em solid;border-bottom:0.06em solid\">\(strut("0.78", "0.3"))<mi>b</mi>"))
    }

    /// KaTeX's `\vdots` carries a 1.5em rule, so a row of dots in a matrix is 1.5em high.
    @Test func verticalDotsStandInATallRow() {
        #expect(body("\\vdots") == "<mrow><mi>⋮</mi><mspace width=\"0em\" height=\"1.5em\" style=\"background-color:currentColor\"></mspace></mrow>")
    }

    /// Lines broken by `\\` outside an environment hang from the first, which stands on the
    /// baseline, as KaTeX breaks lines of text; with a tall line the table stays centred.
    @Test func linesHangFromTheFirst() {
        let lines = body("a \\\\ b \\\\[0.5em] c") ?? ""
        #expect(lines.hasPrefix("<mpadded height=\"0.91em\" depth=\"3.37em\" voffset=\"-1.48em\"><mtable>"))
        #expect(lines.hasSuffix("</mtable></mpadded>"))
        #expect(body("{a \\\\ b}")?.hasPrefix("<mpadded height=\"0.91em\" depth=\"1.61em\" voffset=\"-0.6em\"><mtable>") == true)
        #expect(body("a \\\\ \\frac{1}{2}")?.hasPrefix("<mtable>") == true)
        #expect(body("a \\\\ b \\tag{1}", display: true)?.hasPrefix("<mtable displaystyle=\"true\">") == true)
    }

    /// Matrices and `cases` separate columns by 1em (twice `\arraycolsep`), `smallmatrix` by a
    /// thick space of its size, `aligned` by a quad between column pairs.
    @Test func columnGaps() {
        #expect(
            body("\\begin{cases} a & b \\end{cases}")?.contains(
                "padding:0 0.5em 0 0\">\(strut("1.008", "0.432"))<mi>a</mi></mtd>"
                    + "<mtd style=\"text-align:left;text-align:-webkit-left;padding:0 0 0 0.5em\"><mi>b</mi>") == true)
        let aligned = body("\\begin{aligned} a &= b & c &= d \\end{aligned}") ?? ""
        #expect(aligned.contains("<mtd style=\"text-align:right;text-align:-webkit-right;padding:0 0 0.3em 1em\"><mi>c</mi>"))
    }
}
