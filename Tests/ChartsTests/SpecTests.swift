import Testing
@testable import Charts

@Suite struct SpecParserTests {
    private func parse(_ text: String) throws -> (ChartSpec, [ChartWarning]) {
        var parser = SpecParser()
        let spec = try parser.parse(text)
        return (spec, parser.log.warnings)
    }

    private func error(_ text: String) -> ChartError? {
        var parser = SpecParser()
        do {
            _ = try parser.parse(text)
            return nil
        } catch {
            return error as? ChartError
        }
    }

    @Test func readsTheCommonKeys() throws {
        let (spec, warnings) = try parse(
            """
            type: grouped_bar
            id: "#fig-acc"
            title: Accuracy
            data: scores.csv
            x: {field: dataset, label: Data set}
            y: [a, b]
            color: model
            log: y
            y_range: [0.1, ~]
            bins: 20
            aspect: 16:9
            legend: right
            """)
        #expect(warnings.isEmpty)
        #expect(spec.type == .groupedBar)
        #expect(spec.id == "fig-acc")
        #expect(spec.x?.name == "dataset")
        #expect(spec.xLabel == "Data set")
        #expect(spec.y.map(\.name) == ["a", "b"])
        #expect(spec.series?.name == "model")
        #expect(spec.yScale == .log)
        #expect(spec.yRange == AxisRange(lower: 0.1, upper: nil))
        #expect(spec.bins == 20)
        #expect(abs(spec.resolvedHeight - 700 * 9 / 16) < 1e-9)
        #expect(spec.legend == .right)
        if case .file(let path) = spec.data { #expect(path == "scores.csv") } else { Issue.record("expected a file") }
    }

    @Test func jsonSpecsWork() throws {
        let (spec, _) = try parse(#"{"type": "scatter", "data": [{"a": 1, "b": 2}], "x": "a", "y": "b"}"#)
        #expect(spec.type == .scatter)
        if case .inline(let table) = spec.data { #expect(table.rowCount == 1) } else { Issue.record("expected inline data") }
    }

    @Test func unknownTypesPointAtTheirLine() {
        let problem = error("title: T\ndata: a.csv\ntype: pie\n")
        #expect(problem?.line == 3)
        #expect(problem?.message.contains("unknown chart type `pie`") == true)
    }

    @Test func unknownKeysWarnWithASuggestion() throws {
        let (_, warnings) = try parse("type: line\ndata: a.csv\nx: a\ny: b\ntitel: Oops\n")
        #expect(warnings == [ChartWarning(message: "unknown key `titel` ignored (did you mean `title`?)", line: 5)])
    }

    @Test func invalidYAMLGivesTheLine() {
        let problem = error("type: line\ndata: [1, 2\nx: a\n")
        #expect(problem != nil)
        #expect(problem?.line != nil)
    }

    @Test(arguments: [
        ("type: line\n", 1, "no `data`"),
        ("data: a.csv\nbins: 2.5\n", 2, "`bins`"),
        ("data: a.csv\nwidth: 5\n", 2, "`width`"),
        ("data: a.csv\nx_range: [3, 1]\n", 2, "smaller to a larger"),
        ("data: a.csv\nlog: z\n", 2, "x, y or both"),
        ("data: a.csv\nrules:\n  - {label: a}\n", 3, "needs `x:` or `y:`"),
        ("- a\n- b\n", 1, "must be a mapping"),
        ("", 1, "empty"),
    ])
    func badValuesAreLocated(text: String, line: Int, fragment: String) {
        let problem = error(text)
        #expect(problem?.line == line, "\(text)")
        #expect(problem?.message.contains(fragment) == true, "\(problem?.message ?? "no error")")
    }

    @Test func deepNestingIsRefusedBeforeParsing() {
        let deep = "data: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(error(deep)?.message.contains("nested") == true)
        let dashes = "data:\n" + String(repeating: "- ", count: 3000) + "x\n"
        #expect(error(dashes)?.message.contains("nested") == true)
        let hidden = "title: it's\ndata: [it's, " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "]"
        #expect(error(hidden)?.message.contains("nested") == true)
        let quoted = "title: \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\ndata: a.csv\n"
        #expect(error(quoted) == nil)
    }
}
