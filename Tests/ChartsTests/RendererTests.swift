import Foundation
import Testing
@testable import Charts
import SeededRandom

@Suite struct ChartRendererTests {
    let renderer = ChartRenderer()

    private let lineSpec = """
        id: fig-loss
        type: line
        title: Loss & accuracy
        caption: Training <loss>
        data:
          - {epoch: 1, loss: 2.0}
          - {epoch: 2, loss: 1.0}
          - {epoch: 3, loss: 0.5}
        x: epoch
        y: loss
        """

    @Test func producesAnAccessibleFigure() {
        let result = renderer.render(spec: lineSpec, baseDirectory: nil)
        #expect(result.warnings.isEmpty)
        #expect(result.id == "fig-loss")
        #expect(result.html.hasPrefix("<figure class=\"chart\" id=\"fig-loss\">"))
        #expect(result.html.contains("role=\"img\""))
        #expect(result.html.contains("aria-labelledby=\"fig-loss-title fig-loss-desc\""))
        #expect(result.html.contains("<title id=\"fig-loss-title\">Loss &amp; accuracy</title>"))
        #expect(result.html.contains("<desc id=\"fig-loss-desc\">Line chart of 3 data rows. loss goes from 2 to 0.5"))
        #expect(result.html.contains("<table class=\"visually-hidden\">"))
        #expect(result.html.contains("<th scope=\"col\">epoch</th><th scope=\"col\">loss</th>"))
        #expect(result.html.contains("<figcaption>Training &lt;loss&gt;</figcaption>"))
        #expect(result.svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(result.html.contains(result.svg))
    }

    @Test func marksCarryTooltipsAndThemeColours() {
        let result = renderer.render(spec: lineSpec, baseDirectory: nil)
        #expect(result.svg.contains("<title>loss: 2, 1</title>"))
        #expect(result.svg.contains("var(--chart-1, #0072b2)"))
        #expect(result.svg.contains("viewBox=\"0 0 700 437.5\""))
    }

    @Test func chartsWithoutIdGetAStableGeneratedOne() {
        let spec = "type: bar\ndata: [{a: x, b: 1}]\nx: a\ny: b\n"
        let first = renderer.render(spec: spec, baseDirectory: nil)
        let second = renderer.render(spec: spec, baseDirectory: nil)
        #expect(first.id == nil)
        #expect(first.html == second.html)
        #expect(first.html.contains("id=\"chart-"))
    }

    @Test(arguments: [
        ("type: donut\ndata: [{a: 1}]\n", 1, "unknown chart type"),
        ("type: line\ndata: [{a: 1, b: 2}]\nx: a\ny: c\n", 4, "no column `c` for y"),
        ("type: line\ndata: [{a: 1, b: z}]\nx: a\ny: b\n", 4, "holds text"),
        ("type: line\ndata: nowhere.csv\nx: a\ny: b\n", 2, "cannot find the data file nowhere.csv"),
        ("type: line\ndata: [{a: 1, b: 2}]\ny: b\n", 1, "needs `x:`"),
        ("type: heatmap\ndata: [{a: 1, b: 2}]\nx: a\n", 1, "needs `x:` and `y:`"),
        ("type: scatter\ndata: [{a: 1, b: 2}]\nx: a\n", 1, "needs `y:`"),
    ])
    func badSpecsGiveAPlaceholderAndALocatedWarning(spec: String, line: Int, fragment: String) {
        let result = renderer.render(spec: spec, baseDirectory: nil)
        #expect(result.html.hasPrefix("<figure class=\"chart-error\""))
        #expect(result.html.contains("chart spec line \(line)"))
        #expect(result.svg.isEmpty)
        let warning = result.warnings.last
        #expect(warning?.line == line)
        #expect(warning?.message.contains(fragment) == true, "\(warning?.message ?? "none")")
    }

    @Test func warningsDoNotStopTheChart() {
        let spec = "type: line\ndata: [{a: 1, b: 2}, {a: 2, b: 3}]\nx: a\ny: b\ncolour_scheme: x\nrules: [{y: 99, label: far}]\n"
        let result = renderer.render(spec: spec, baseDirectory: nil)
        #expect(!result.svg.isEmpty)
        #expect(result.warnings.map(\.line) == [5, 6])
    }

    @Test func eachChartTypeRenders() {
        let data = "data: [{c: a, g: p, v: 1, w: 2}, {c: b, g: q, v: 3, w: 1}, {c: a, g: q, v: 2, w: 5}]\n"
        for type in ChartType.allCases {
            let spec = "type: \(type.rawValue)\n" + data + "x: \(type == .histogram ? "v" : "c")\ny: \(type == .heatmap ? "g" : "v")\n"
            let result = renderer.render(spec: spec, baseDirectory: nil)
            #expect(!result.svg.isEmpty, "\(type): \(result.warnings)")
            #expect(result.svg.contains("class=\"chart-marks\""), "\(type)")
        }
    }

    @Test func groupedAndStackedBarsDiffer() {
        let data = "data: [{c: a, g: p, v: 1}, {c: a, g: q, v: 3}]\nx: c\ny: v\ncolor: g\n"
        let grouped = renderer.render(spec: "type: bar\n" + data, baseDirectory: nil)
        let stacked = renderer.render(spec: "type: stacked-bar\n" + data, baseDirectory: nil)
        #expect(grouped.svg.contains("<title>a · q: 3</title>"))
        #expect(stacked.svg.contains("<title>a · q: 3</title>"))
        #expect(grouped.svg != stacked.svg)
        #expect(grouped.html.contains("Grouped bar chart"))
        #expect(stacked.html.contains("Stacked bar chart"))
    }

    @Test func heatmapLabelsCellsAndDrawsAColourBar() {
        let spec = "type: heatmap\ndata: [{a: x, p: x, n: 9}, {a: x, p: y, n: 1}, {a: y, p: x, n: 2}, {a: y, p: y, n: 8}]\nx: p\ny: a\nvalue: n\n"
        let result = renderer.render(spec: spec, baseDirectory: nil)
        #expect(result.svg.contains("class=\"chart-colorbar\""))
        #expect(result.svg.contains("<title>a x, p y: 1</title>"))
        #expect(result.svg.contains(">9</text>"))
    }

    private let longConfusion = """
        id: h
        type: heatmap
        description: Confusion.
        data: |
          actual,predicted,n
          cat,cat,50
          cat,dog,9
          dog,cat,7
          dog,dog,48
          fox,dog,4
          fox,fox,54
        x: predicted
        y: actual
        value: n
        """

    @Test func aMatrixDrawsTheSameHeatmapAsLongData() {
        // Row labels in the first column, column labels in the header (pandas' DataFrame.to_csv).
        let matrix = """
            id: h
            type: heatmap
            description: Confusion.
            data: |
              actual,cat,dog,fox
              cat,50,9,
              dog,7,48,NA
              fox,,4,54
            matrix: true
            x_label: predicted
            value_label: n
            """
        let long = renderer.render(spec: longConfusion, baseDirectory: nil)
        let wide = renderer.render(spec: matrix, baseDirectory: nil)
        #expect(wide.warnings.isEmpty, "\(wide.warnings)")
        #expect(!wide.svg.isEmpty)
        #expect(wide.svg == long.svg)
        #expect(wide.svg.contains("<title>actual fox, predicted dog: 4</title>"))
        // Without `matrix: true`, a heatmap that names no x or y column reads its data as a matrix too.
        let detected = renderer.render(spec: matrix.replacingOccurrences(of: "matrix: true\n", with: ""), baseDirectory: nil)
        #expect(detected.svg == wide.svg)
        // The hidden table lists the whole matrix.
        #expect(wide.html.contains("<th scope=\"col\">actual</th><th scope=\"col\">cat</th><th scope=\"col\">dog</th><th scope=\"col\">fox</th>"))
        #expect(wide.html.contains("<tr><td>fox</td><td></td><td>4</td><td>54</td></tr>"))
    }

    @Test func aMatrixWithoutNamesGetsNeutralOnesAndAddsRepeatedLabels() {
        let spec = "type: heatmap\ndata: |\n  ,a,b,a\n  x,1,2,3\n  y,4,5,6\n  x,10,0,0\n"
        let result = renderer.render(spec: spec, baseDirectory: nil)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.svg.contains("<title>row x, column a: 14</title>"))
        #expect(result.svg.contains("<title>row y, column a: 10</title>"))
        #expect(result.svg.contains("<title>row x, column b: 2</title>"))
        #expect(result.html.contains("value for 2 row by 2 column; the largest is 14 at row x, column a."))
    }

    @Test(arguments: [
        (
            "type: heatmap\ndata: |\n  actual,predicted,n\n  cat,dog,3\n", 2,
            "column `predicted` of the matrix holds `dog`, not a number (the spec names no `x` and `y`"
        ),
        ("type: heatmap\nmatrix: true\ndata: |\n  a\n  x\n", 3, "at least one column of values"),
        ("type: heatmap\nmatrix: false\ndata: |\n  a,b\n  x,1\n", 1, "give `matrix: true`"),
    ])
    func badMatricesAreExplained(spec: String, line: Int, fragment: String) {
        let result = renderer.render(spec: spec, baseDirectory: nil)
        #expect(result.svg.isEmpty)
        #expect(result.warnings.last?.line == line)
        #expect(result.warnings.last?.message.contains(fragment) == true, "\(result.warnings)")
    }

    @Test func longDataKeysAreIgnoredForAMatrixWithAWarning() {
        let result = renderer.render(spec: "type: heatmap\nmatrix: true\nx: predicted\ndata: |\n  a,b\n  x,1\n", baseDirectory: nil)
        #expect(!result.svg.isEmpty)
        #expect(result.warnings.map(\.line) == [3])
        #expect(result.warnings.first?.message.contains("x_label") == true)
    }

    @Test func boxPlotSummariesUseInterpolatedQuartiles() throws {
        let summary = try #require(BoxChart.Summary([1, 2, 3, 4, 5, 6, 7, 8, 100]))
        #expect(summary.median == 5)
        #expect(summary.firstQuartile == 3)
        #expect(summary.thirdQuartile == 7)
        #expect(summary.upperWhisker == 8)
        #expect(summary.outliers == [100])
        #expect(BoxChart.Summary([.nan]) == nil)
    }

    @Test func histogramsCountEveryValueOnce() {
        let values = (0..<100).map { "{v: \(Double($0) / 10)}" }.joined(separator: ", ")
        let result = renderer.render(spec: "type: histogram\ndata: [\(values)]\nx: v\nbins: 10\n", baseDirectory: nil)
        #expect(result.warnings.isEmpty)
        #expect(result.html.contains("100 values of v in 10 bins"))
        #expect(result.svg.components(separatedBy: ": 10</title>").count - 1 == 10)
    }

    @Test func hundredThousandPointsAreDecimatedAndBinned() {
        let rows = (0..<100_000).map { "\($0),\(sin(Double($0) / 500) + Double($0 % 7) / 10)" }.joined(separator: "\n")
        let line = renderer.render(
            spec: "type: line\nx: i\ny: v\ndata: |\n  i,v\n  " + rows.replacingOccurrences(of: "\n", with: "\n  "),
            baseDirectory: nil)
        #expect(!line.svg.isEmpty)
        #expect(line.svg.utf8.count < 200_000)
        #expect(line.html.contains("first 500 of 100000 rows"))
        let scatter = renderer.render(
            spec: "type: scatter\nx: i\ny: v\ndata: |\n  i,v\n  " + rows.replacingOccurrences(of: "\n", with: "\n  "),
            baseDirectory: nil)
        #expect(scatter.svg.contains("chart-density"))
        #expect(scatter.svg.utf8.count < 2_000_000)
    }

    @Test func dateColumnsGetATimeAxis() {
        let spec = "type: line\ndata: [{d: 2024-01-01, v: 1}, {d: 2024-06-01, v: 2}, {d: 2024-12-31, v: 3}]\nx: d\ny: v\n"
        let result = renderer.render(spec: spec, baseDirectory: nil)
        #expect(result.svg.contains(">Apr</text>") || result.svg.contains(">Jul</text>"))
        #expect(result.svg.contains("<title>v: 2024-06-01, 2</title>"))
    }

    @Test func logAxesDropNonPositiveValuesWithAWarning() {
        let spec = "type: line\ndata: [{a: 1, b: 0}, {a: 2, b: 10}, {a: 3, b: 100}]\nx: a\ny: b\nlog: y\n"
        let result = renderer.render(spec: spec, baseDirectory: nil)
        #expect(!result.svg.isEmpty)
        #expect(result.warnings.contains { $0.message.contains("log axis") })
    }

    @Test func adversarialInputNeverTraps() {
        var generator = SeededGenerator(seed: 229)
        let pieces = [
            "type: ", "line", "bar", "heatmap", "data: ", "[", "]", "{", "}", "x: ", "y: ", "- ", "\n", "  ", "a", "1",
            "&a ", "*a", ",", ":", "\"", "'", "|", "#", "\t", "bins: 0", "width: 1e308", "aspect: 0:0", "~", "ü",
        ]
        for _ in 0..<300 {
            var spec = ""
            for _ in 0..<Int.random(in: 1...40, using: &generator) { spec += pieces.randomElement(using: &generator)! }
            let result = renderer.render(spec: spec, baseDirectory: nil)
            #expect(result.html.hasPrefix("<figure"))
        }
        let aliases = "a: &a [1,2,3,4,5,6,7,8,9,10]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\ntype: bar\ndata: [*b,*b,*b,*b,*b]\n"
        #expect(renderer.render(spec: aliases, baseDirectory: nil).html.contains("chart-error"))
    }

    @Test func manySeriesGrowTheChartAndRepeatColoursWithDashes() {
        let rows = (0..<10).flatMap { run in (1...3).map { "{e: \($0), run: \"run number \(run) with a long label\", v: \($0 * run)}" } }
        let result = renderer.render(
            spec: "type: line\nx: e\ny: v\ncolor: run\ndata: [\(rows.joined(separator: ", "))]\n",
            baseDirectory: nil)
        let defaultHeight = result.svg.contains("viewBox=\"0 0 700 437.5\"")
        #expect(!defaultHeight)
        #expect(result.svg.contains("stroke-dasharray=\"7 4\""))
        #expect(result.svg.contains("run number 9"))
    }

    @Test func annotationsGoAboveOrBelowTheirPoint() throws {
        let base = "type: line\ndata: [{a: 1, b: 1}, {a: 2, b: 5}, {a: 3, b: 9}]\nx: a\ny: b\n"
        func textY(_ svg: String) -> Double? {
            guard let note = svg.range(of: "<g class=\"chart-overlays\""),
                let text = svg.range(of: "<text x=\"", range: note.upperBound..<svg.endIndex),
                let y = svg.range(of: "y=\"", range: text.upperBound..<svg.endIndex),
                let end = svg.range(of: "\"", range: y.upperBound..<svg.endIndex)
            else { return nil }
            return Double(svg[y.upperBound..<end.lowerBound])
        }
        let above = renderer.render(spec: base + "annotations: [{x: 2, y: 5, text: mid}]\n", baseDirectory: nil)
        let below = renderer.render(spec: base + "annotations: [{x: 2, y: 5, text: mid, position: below}]\n", baseDirectory: nil)
        #expect(above.warnings.isEmpty && below.warnings.isEmpty)
        let aboveY = try #require(textY(above.svg))
        let belowY = try #require(textY(below.svg))
        #expect(aboveY < belowY)
        let bad = renderer.render(spec: base + "annotations: [{x: 2, y: 5, text: mid, position: left}]\n", baseDirectory: nil)
        #expect(bad.warnings.last?.line == 5)
    }

    @Test func stylesheetCoversBothSchemes() {
        let css = ChartRenderer.stylesheet
        #expect(css.contains("--chart-1:#0072b2"))
        #expect(css.contains(":root[data-theme=\"dark\"]{--chart-1:#5aaee8"))
        #expect(css.contains("@media (prefers-color-scheme:dark){:root:not([data-theme=\"light\"])"))
        #expect(css.contains("figure.chart-error"))
    }
}
