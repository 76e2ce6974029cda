import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import SeededRandom
import Testing
@testable import Diagrams

/// Whole diagrams: well-formed, accessible SVG, errors with positions, and no crash or hang on junk.
@Suite(.timeLimit(.minutes(3))) struct RendererTests {
    let renderer = DiagramRenderer()

    /// Whether `svg` parses as XML.
    static func isWellFormed(_ svg: String) -> Bool {
        let parser = XMLParser(data: Data(svg.utf8))
        return parser.parse()
    }

    static let flowchart = """
        ---
        title: Shopping
        ---
        flowchart TD
            A[Christmas] -->|Get money| B(Go shopping)
            B --> C{Let me think}
            C -->|One| D[Laptop]
            C -->|Two| E[iPhone & <friends>]
            subgraph store [The store]
              D
              E
            end
            click A "https://example.com/?a=1&b=2"
        """

    static let sequence = """
        sequenceDiagram
            accTitle: Greeting
            accDescr {
              Alice greets John
              and John answers.
            }
            autonumber
            actor A as Alice
            participant J as John
            A->>+J: Hello John, how are you?
            loop Every minute
              J-->>-A: Great!
            end
            Note over A,J: A typical interaction
        """

    @Test func flowchartIsAccessibleWellFormedSVG() throws {
        let result = renderer.render(Self.flowchart, id: "fig")
        let svg = try #require(result.svg)
        #expect(result.kind == .flowchart)
        #expect(result.diagnostics.isEmpty)
        #expect(Self.isWellFormed(svg))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram-svg diagram-flowchart\" id=\"fig\""))
        #expect(svg.contains("role=\"img\" aria-labelledby=\"fig-title fig-desc\""))
        #expect(svg.contains("<title id=\"fig-title\">Shopping</title>"))
        #expect(svg.contains("Christmas leads to Go shopping, labelled “Get money”."))
        #expect(svg.contains("Subgraph “The store” holds Laptop, iPhone &amp; &lt;friends&gt;."))
        #expect(svg.contains("<a href=\"https://example.com/?a=1&amp;b=2\">"))
        #expect(svg.contains("var(--diagram-node, #e8f1f8)"))
        #expect(!svg.contains("<script"))
    }

    @Test func sequenceHonoursAccessibleTitleAndDescription() throws {
        let result = renderer.render(Self.sequence, id: "seq")
        let svg = try #require(result.svg)
        #expect(result.kind == .sequence)
        #expect(Self.isWellFormed(svg))
        #expect(svg.contains("<title id=\"seq-title\">Greeting</title>"))
        #expect(
            svg.contains(
                "<desc id=\"seq-desc\">Alice greets John and John answers. Sequence diagram with 2 participants: Alice, John. 1. Alice to John: Hello John, how are you?."
            ))
        #expect(svg.contains("2. John to Alice: Great! (reply)."))
        #expect(svg.contains(">loop</text>"))
    }

    @Test func unsupportedTypesAndErrorsHavePositions() {
        let gantt = renderer.render("\n  gantt\n  title Plan")
        #expect(gantt.svg == nil)
        #expect(
            gantt.error?.description
                == "2:3: `gantt` diagrams are not drawn yet; flowcharts (`flowchart`, `graph`), sequence, class and state diagrams (`sequenceDiagram`, `classDiagram`, `stateDiagram`) and pie charts (`pie`) are"
        )
        let junk = renderer.render("hello world")
        #expect(junk.error?.description == "1:1: `hello` is not a diagram type; start with `flowchart TD` or `sequenceDiagram`")
        #expect(renderer.render("  \n").error?.message == "the diagram is empty")
        let broken = renderer.render("flowchart LR\n  A --> B{oops")
        #expect(broken.svg == nil)
        #expect(broken.error?.line == 2)
        #expect(broken.error?.column == 10)
    }

    @Test func oversizedDiagramsAreRefusedWithAReason() {
        let links = (0..<2_001).map { "n\($0) --> n\($0 + 1)" }.joined(separator: "\n")
        #expect(
            renderer.render("flowchart TD\n" + links).error?.description
                == "1:1: the diagram has 2002 nodes and 2001 links; at most 2000 of each are drawn at build time, so split it")
        #expect(
            renderer.render("graph TD\n" + String(repeating: "A-->B\n", count: 40_000)).error?.message
                == "the diagram's source is over 200 kB; split it into smaller diagrams")
        // At the limit, a chart still draws.
        let atLimit = (0..<1_999).map { "n\($0) --> n\($0 + 1)" }.joined(separator: "\n")
        #expect(renderer.render("flowchart LR\n" + atLimit).svg != nil)
    }

    @Test func warningsStillDraw() throws {
        let result = renderer.render("flowchart LR\nA --> B\nclick A callback")
        #expect(result.svg != nil)
        #expect(result.warnings.map(\.line) == [3])
    }

    @Test func everyShapeDrawsWellFormed() throws {
        var lines = ["flowchart LR"]
        for (index, shape) in NodeShape.allCases.enumerated() { lines.append("n\(index)@{ shape: \(Self.shapeName(shape)), label: \"\(shape)\" }") }
        for index in 1..<NodeShape.allCases.count { lines.append("n\(index - 1) --> n\(index)") }
        let result = renderer.render(lines.joined(separator: "\n"))
        let svg = try #require(result.svg)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(Self.isWellFormed(svg))
    }

    static func shapeName(_ shape: NodeShape) -> String {
        let names = [
            "rect", "rounded", "stadium", "fr-rect", "cyl", "circle", "dbl-circ", "odd", "diam", "hex", "lean-r", "lean-l",
            "trap-b", "trap-t", "text", "notch-rect", "lin-rect", "sm-circ", "fr-circ", "fork", "hourglass", "brace", "brace-r",
            "braces", "bolt", "doc", "delay", "h-cyl", "lin-cyl", "curv-trap", "div-rect", "tri", "win-pane", "f-circ",
            "notch-pent", "flip-tri", "sl-rect", "docs", "st-rect", "bow-rect", "cross-circ", "tag-doc", "tag-rect", "flag",
            "datastore", "lin-doc", "bang", "cloud",
        ]
        return names.first { NodeShape(name: $0) == shape } ?? "rect"
    }

    @Test func twoThousandRandomInputsNeverCrashOrHang() {
        var random = SeededGenerator(seed: 0xF022)
        let start = ContinuousClock.now
        var drawn = 0
        for round in 0..<2_000 {
            let source = round % 4 == 0 ? DiagramSamples.flowchart(&random) : DiagramSamples.soup(&random)
            let result = renderer.render(source)
            if let svg = result.svg {
                drawn += 1
                #expect(Self.isWellFormed(svg), "round \(round): not well-formed for\n\(source)")
            } else {
                #expect(result.error != nil, "round \(round): no SVG and no error")
            }
        }
        #expect(drawn > 500)
        #expect(ContinuousClock.now - start < .seconds(60))
    }
}
