import Charts
import Testing
@testable import Diagrams

/// Mermaid pie charts, drawn by the Charts module's pie.
@Suite struct PieTests {
    @Test func slicesTitleAndShowData() throws {
        var parser = PieParser()
        let chart = try parser.parse(DiagramSource("pie showData\n  title Key elements\n  \"Calcium\" : 42.96\n  \"Iron\" :  5\n  'Zinc' : 2"))
        #expect(chart.heading == "Key elements")
        #expect(chart.showsValues)
        #expect(chart.slices == [.init(label: "Calcium", value: 42.96), .init(label: "Iron", value: 5), .init(label: "Zinc", value: 2)])
        var inline = PieParser()
        let titled = try inline.parse(DiagramSource("pie title Pets adopted\n\"Dogs\" : 386"))
        #expect(titled.heading == "Pets adopted")
        #expect(!titled.showsValues)
    }

    @Test func sharesPercentagesAndSummary() {
        let chart = PieChart(slices: [.init(label: "Dogs", value: 386), .init(label: "Cats", value: 85), .init(label: "Rats", value: 15)])
        #expect(chart.shares.map { ($0 * 1000).rounded() } == [794, 175, 31])
        #expect(PieChart.percent(0.794) == "79%")
        #expect(chart.summary == "Pie chart of 3 slices: Dogs 79% (386), Cats 17% (85), Rats 3% (15).")
    }

    @Test func rendersAccessibleSVGWithPaletteColoursAndLegend() throws {
        let result = DiagramRenderer().render("pie showData\n  accTitle: Pets\n  title Pets adopted\n  \"Dogs\" : 3\n  \"Cats\" : 1", id: "p")
        let svg = try #require(result.svg)
        #expect(result.kind == .pie)
        #expect(result.diagnostics.isEmpty)
        #expect(RendererTests.isWellFormed(svg))
        #expect(svg.contains("role=\"img\" aria-labelledby=\"p-title p-desc\""))
        #expect(svg.contains("<title id=\"p-title\">Pets</title>"))
        #expect(svg.contains("<desc id=\"p-desc\">Pie chart of 2 slices: Dogs 75% (3), Cats 25% (1).</desc>"))
        #expect(svg.contains(">Pets adopted</text>"))
        // Colours come from the charts' palette properties, which the dark scheme switches.
        #expect(svg.contains("fill=\"var(--chart-1, #0072b2)\"") && svg.contains("fill=\"var(--chart-2, #d55e00)\""))
        #expect(svg.contains(">Dogs [3]</text>") && svg.contains(">Cats [1]</text>"))
        #expect(svg.contains(">75%</text>"))
        // A three-quarter slice takes the large arc.
        #expect(svg.contains(" 0 1 1 "))
    }

    @Test func errorsHavePositions() {
        func error(_ source: String) -> String { DiagramRenderer().render(source).error?.description ?? "no error" }
        #expect(error("pie\n  \"Dogs\" : lots") == "2:9: `lots` is not a number; write the slice's value as `\"Dogs\" : 42`")
        #expect(error("pie\n  \"Dogs\" : -3") == "2:9: the slice `Dogs` has a negative value (-3); a pie's slices are 0 or more")
        #expect(error("pie\n  Dogs : 3") == "2:3: a slice is a quoted label, a colon and a number: `\"Dogs\" : 386`")
        #expect(error("pie title Nothing") == "1:1: the pie has no slices; add lines such as `\"Dogs\" : 386`")
    }
}
