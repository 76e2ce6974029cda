import Testing
@testable import Diagrams

/// The flowchart syntax, one feature at a time.
@Suite struct FlowchartParserTests {
    func parse(_ source: String) throws -> Flowchart {
        var parser = FlowchartParser()
        return try parser.parse(DiagramSource(source))
    }

    func edge(_ link: String) throws -> FlowEdge {
        let chart = try parse("flowchart TD\nA \(link) B")
        return try #require(chart.edges.first)
    }

    @Test func directions() throws {
        #expect(try parse("flowchart TB\nA").direction == .topToBottom)
        #expect(try parse("graph TD\nA").direction == .topToBottom)
        #expect(try parse("graph BT\nA").direction == .bottomToTop)
        #expect(try parse("flowchart LR\nA").direction == .leftToRight)
        #expect(try parse("flowchart RL\nA").direction == .rightToLeft)
        #expect(try parse("flowchart\nA").direction == .topToBottom)
    }

    @Test func bracketShapes() throws {
        let cases: [(String, NodeShape, String)] = [
            ("A[text]", .rectangle, "text"), ("A(text)", .rounded, "text"), ("A([text])", .stadium, "text"),
            ("A[[text]]", .subroutine, "text"), ("A[(text)]", .cylinder, "text"), ("A((text))", .circle, "text"),
            ("A>text]", .asymmetric, "text"), ("A{text}", .diamond, "text"), ("A{{text}}", .hexagon, "text"),
            ("A[/text/]", .leanRight, "text"), ("A[\\text\\]", .leanLeft, "text"), ("A[/text\\]", .trapezoid, "text"),
            ("A[\\text/]", .trapezoidTop, "text"), ("A(((text)))", .doubleCircle, "text"),
            ("A[\"quoted (with) [brackets]\"]", .rectangle, "quoted (with) [brackets]"),
        ]
        for (source, shape, label) in cases {
            let node = try #require(try parse("flowchart TD\n" + source).nodes.first, "\(source)")
            #expect(node.shape == shape, "\(source)")
            #expect(node.label.plain == label, "\(source)")
        }
    }

    @Test func expandedShapes() throws {
        let chart = try parse(
            """
            flowchart TD
            A@{ shape: cyl, label: "Database" }
            B@{ shape: decision }
            C@{ shape: docs, label: "Many, documents" }
            D@{ shape: sm-circ }
            E@{ shape: nonsense }
            """)
        #expect(chart.nodes.map(\.shape) == [.cylinder, .diamond, .stackedDocument, .smallCircle, .rectangle])
        #expect(chart.nodes[0].label.plain == "Database")
        #expect(chart.nodes[1].label.plain == "B")
        #expect(chart.nodes[2].label.plain == "Many, documents")
        var parser = FlowchartParser()
        _ = try parser.parse(DiagramSource("flowchart TD\nE@{ shape: nonsense }"))
        #expect(parser.warnings.map(\.description) == ["2:2: unknown node shape `nonsense`; drawn as a rectangle"])
    }

    @Test func everyShapeNameIsKnown() {
        for name in [
            "rect", "rounded", "stadium", "fr-rect", "cyl", "circle", "odd", "diam", "hex", "lean-r", "lean-l",
            "trap-b", "trap-t", "dbl-circ", "text", "notch-rect", "lin-rect", "sm-circ", "framed-circle", "fork",
            "hourglass", "brace", "brace-r", "braces", "bolt", "doc", "delay", "h-cyl", "lin-cyl", "curv-trap",
            "div-rect", "tri", "win-pane", "f-circ", "lin-doc", "notch-pent", "flip-tri", "sl-rect", "docs",
            "processes", "flag", "bow-rect", "cross-circ", "tag-doc", "tag-rect", "datastore",
        ] {
            #expect(NodeShape(name: name) != nil, "\(name)")
        }
    }

    @Test func linkKinds() throws {
        let arrow = try edge("-->")
        #expect(arrow.line == .solid && arrow.endMark == .arrow && arrow.startMark == .none && arrow.length == 1)
        let open = try edge("---")
        #expect(open.line == .solid && open.endMark == .none)
        let dotted = try edge("-.->")
        #expect(dotted.line == .dotted && dotted.endMark == .arrow)
        let dottedOpen = try edge("-.-")
        #expect(dottedOpen.line == .dotted && dottedOpen.endMark == .none)
        let thick = try edge("==>")
        #expect(thick.line == .thick && thick.endMark == .arrow)
        let both = try edge("<-->")
        #expect(both.startMark == .arrow && both.endMark == .arrow)
        let circles = try edge("o--o")
        #expect(circles.startMark == .circle && circles.endMark == .circle)
        #expect(try edge("--x").endMark == .cross)
        #expect(try edge("--o").endMark == .circle)
        #expect(try edge("~~~").line == .invisible)
        #expect(try edge("--->").length == 2)
        #expect(try edge("---->").length == 3)
        #expect(try edge("-..->").length == 2)
    }

    @Test func linkLabels() throws {
        #expect(try edge("-->|yes| ").label.plain == "yes")
        #expect(try edge("---|a b|").label.plain == "a b")
        #expect(try edge("-- some text -->").label.plain == "some text")
        #expect(try edge("-- some text ---").endMark == .none)
        let dotted = try edge("-. maybe .->")
        #expect(dotted.label.plain == "maybe" && dotted.line == .dotted && dotted.endMark == .arrow)
        let thick = try edge("== sure ==>")
        #expect(thick.label.plain == "sure" && thick.line == .thick)
        #expect(try edge("-->|\"quoted | bar\"|").label.plain == "quoted | bar")
    }

    @Test func chainsAndGroups() throws {
        let chain = try parse("flowchart LR\nA --> B --> C")
        #expect(chain.edges.map { "\($0.from)>\($0.to)" } == ["A>B", "B>C"])
        let groups = try parse("flowchart LR\na & b --> c & d")
        #expect(groups.edges.map { "\($0.from)>\($0.to)" } == ["a>c", "a>d", "b>c", "b>d"])
        let mixed = try parse("flowchart LR\nA[Start] -->|go| B{Pick} -.-> C & D")
        #expect(mixed.edges.count == 3)
        #expect(mixed.nodes.map(\.id) == ["A", "B", "C", "D"])
        #expect(mixed.nodes[1].shape == .diamond)
    }

    @Test func semicolonsAndComments() throws {
        let chart = try parse("graph TD;\n  A-->B;\n  %% a comment --> X\n  B-->C; C-->A\n")
        #expect(chart.edges.count == 3)
        #expect(chart.nodeIndex["X"] == nil)
    }

    @Test func subgraphs() throws {
        let chart = try parse(
            """
            flowchart TB
            c1-->a2
            subgraph one [The first]
              a1-->a2
            end
            subgraph "Second group"
              direction LR
              b1-->b2
              subgraph inner
                b3
              end
            end
            one --> inner
            """)
        #expect(chart.subgraphs.map(\.id) == ["one", "Second group", "inner"])
        #expect(chart.subgraphs[0].title.plain == "The first")
        #expect(chart.subgraphs[1].direction == .leftToRight)
        #expect(chart.subgraphs[2].parent == 1)
        #expect(chart.nodes[chart.nodeIndex["a2"]!].parent == 0)
        #expect(chart.nodes[chart.nodeIndex["c1"]!].parent == nil)
        #expect(chart.nodes[chart.nodeIndex["b3"]!].parent == 2)
        // `one` and `inner` name subgraphs, not nodes.
        #expect(chart.nodeIndex["one"] == nil && chart.nodeIndex["inner"] == nil)
    }

    @Test func stylesAndClasses() throws {
        let chart = try parse(
            """
            flowchart LR
            A:::hot --> B
            classDef hot fill:#f96,stroke:#333,stroke-width:4px
            classDef cool,calm fill:#9cf
            class B cool
            style A stroke:#f00,color:#fff
            linkStyle 0 stroke:#0a0,stroke-width:2px
            style B fill:url(javascript:alert(1))
            """)
        #expect(chart.nodes[0].classes == ["hot"])
        #expect(chart.classes["hot"]?.value("stroke-width") == "4px")
        #expect(chart.classes["calm"]?.value("fill") == "#9cf")
        #expect(chart.nodes[1].classes == ["cool"])
        #expect(chart.nodes[0].style.value("stroke") == "#f00")
        #expect(chart.nodes[0].style.textCSS == "fill:#fff")
        #expect(chart.edges[0].style.value("stroke") == "#0a0")
        #expect(chart.nodes[1].style.value("fill") == nil)
    }

    @Test func clickLinks() throws {
        var parser = FlowchartParser()
        let chart = try parser.parse(
            DiagramSource(
                """
                flowchart LR
                A --> B --> C
                click A "https://example.com/" "Example"
                click B href "/docs/" _blank
                click C callback
                click A "javascript:alert(1)"
                """))
        #expect(chart.nodes[0].link == "https://example.com/")
        #expect(chart.nodes[0].tooltip == "Example")
        #expect(chart.nodes[1].link == "/docs/")
        #expect(chart.nodes[2].link == nil)
        #expect(parser.warnings.count == 2)
        #expect(parser.warnings[0].line == 5)
    }

    @Test func markdownStringsAndEntities() throws {
        let chart = try parse("flowchart LR\nA[\"`**Bold** and *it*\nsecond line`\"] --> B[\"#quot;hi#quot; #9829; a<br>b\"]")
        let label = chart.nodes[0].label
        #expect(label.lines.count == 2)
        #expect(label.lines[0] == [TextRun(text: "Bold", bold: true), TextRun(text: " and "), TextRun(text: "it", italic: true)])
        #expect(label.lines[1] == [TextRun(text: "second line")])
        #expect(chart.nodes[1].label.lines.map { $0.map(\.text).joined() } == ["\"hi\" ♥ a", "b"])
    }

    @Test func iconsAreLeftOutWithAWarning() throws {
        var parser = FlowchartParser()
        let chart = try parser.parse(DiagramSource("flowchart TD\nA[fa:fa-car Car] --> B(fab:fa-github)\nC[ratio a:fa-b]"))
        #expect(chart.nodes.map(\.label.plain) == ["Car", "", "ratio a:fa-b"])
        #expect(parser.warnings.map(\.line) == [2])
        #expect(parser.warnings.first?.message.contains("icons (`fa:fa-…`)") == true)
    }

    @Test func errorsNameLineAndColumn() throws {
        func error(_ source: String) -> String {
            var parser = FlowchartParser()
            do {
                _ = try parser.parse(DiagramSource(source))
                return "no error"
            } catch let diagnostic as DiagramDiagnostic {
                return diagnostic.description
            } catch {
                return "other"
            }
        }
        #expect(error("flowchart TD\n  A[open --> B") == "2:4: `[` opens a node label that is never closed with `]`")
        #expect(error("flowchart TD\nA -- text B") == "2:5: the link `--` is not finished; write `-->`, `-- text -->` or `---`")
        #expect(error("flowchart TD\nsubgraph s\nA\n") == "2:1: subgraph `s` has no `end`")
        #expect(error("flowchart TD\nend") == "2:1: `end` without an open subgraph")
        #expect(error("flowchart XY\nA") == "1:11: unknown direction `XY`; use TB, TD, BT, LR or RL")
        #expect(error("flowchart TD\nA --> ") == "2:6: expected a node after the link")
        #expect(error("flowchart TD\nA B") == "2:3: expected a link such as `-->`, `---`, `-.->` or `==>`, or the end of the statement; found `B`")
    }
}
