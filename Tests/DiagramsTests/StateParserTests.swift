import Testing
@testable import Diagrams

/// State diagrams, read into the flowchart model the layout draws.
@Suite struct StateParserTests {
    func parse(_ body: String) throws -> Flowchart {
        var parser = StateParser()
        return try parser.parse(DiagramSource("stateDiagram-v2\n" + body))
    }

    @Test func transitionsStartAndEnd() throws {
        let chart = try parse("[*] --> Still\nStill --> Moving : push\nMoving --> [*]")
        #expect(chart.edges.map { "\($0.from)>\($0.to):\($0.label.plain)" } == ["[*]start-root>Still:", "Still>Moving:push", "Moving>[*]end-root:"])
        #expect(chart.nodes.first { $0.id == "[*]start-root" }?.shape == .filledCircle)
        #expect(chart.nodes.first { $0.id == "[*]end-root" }?.shape == .framedCircle)
        #expect(chart.nodes.first { $0.id == "Still" }?.shape == .rounded)
        #expect(chart.noun == "State diagram")
    }

    @Test func namesDescriptionsAndMarkers() throws {
        let chart = try parse(
            "state \"A long name\" as Long\nLong : first line\nLong : second line\nstate choice <<choice>>\nstate split <<fork>>\nstate Other as Shown"
        )
        let long = try #require(chart.nodes.first { $0.id == "Long" })
        #expect(long.label.lines.map { $0.map(\.text).joined() } == ["A long name", "first line", "second line"])
        #expect(long.label.lines[0].allSatisfy(\.bold) && !long.label.lines[1].contains { $0.bold })
        #expect(chart.nodes.first { $0.id == "choice" }?.shape == .diamond)
        #expect(chart.nodes.first { $0.id == "split" }?.shape == .fork)
        #expect(chart.nodes.first { $0.id == "Other" }?.label.plain == "Shown")
    }

    @Test func compositeStatesAreSubgraphsWithTheirOwnStartAndEnd() throws {
        let chart = try parse("[*] --> First\nstate First {\n  direction LR\n  [*] --> inner\n  inner --> [*]\n}\nFirst --> [*]")
        #expect(chart.subgraphs.map(\.id) == ["First"])
        #expect(chart.subgraphs[0].direction == .leftToRight)
        #expect(chart.nodeIndex["First"] == nil)
        #expect(chart.nodes.first { $0.id == "[*]start-First" }?.parent == 0)
        #expect(chart.nodes.first { $0.id == "inner" }?.parent == 0)
        #expect(chart.nodes.first { $0.id == "[*]end-root" }?.parent == nil)
    }

    @Test func notesAndRegionsWarnAndErrorsHavePositions() throws {
        var parser = StateParser()
        _ = try parser.parse(DiagramSource("stateDiagram\nA --> B\nnote right of A\n  text\nend note\nB --> C\n--\nC --> A"))
        #expect(parser.warnings.map(\.line) == [3, 7])
        func error(_ body: String) -> String {
            do {
                _ = try parse(body)
                return "no error"
            } catch let diagnostic as DiagramDiagnostic { return diagnostic.description } catch { return "other" }
        }
        #expect(error("state A {\n  B") == "2:1: composite state `A` has no closing `}`")
        #expect(error("}") == "2:1: `}` without an open composite state")
        #expect(error("A --> ") == "2:1: a transition needs a state on both sides of `-->`")
    }

    @Test func rendersAccessibleSVG() throws {
        let result = DiagramRenderer().render("stateDiagram-v2\n[*] --> Still\nStill --> [*]", id: "st")
        let svg = try #require(result.svg)
        #expect(result.kind == .state)
        #expect(RendererTests.isWellFormed(svg))
        #expect(svg.contains("<title id=\"st-title\">State diagram</title>"))
        #expect(svg.contains("State diagram, top to bottom, with 3 states and 2 links. start leads to Still. Still leads to end."))
    }
}
