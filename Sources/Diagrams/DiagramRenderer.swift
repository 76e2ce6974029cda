/// Turns Mermaid diagram source (flowcharts, sequence, class and state diagrams, pie charts) into an accessible SVG, drawn at
/// build time with no script. Rendering never crashes: source that cannot be drawn gives an error
/// located by line and column instead of an SVG.
public struct DiagramRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// Renders `source`. `id` names the SVG and its title and description (a hash of the source when nil).
    public func render(_ source: String, id: String? = nil) -> DiagramResult {
        let id = id ?? SVGDocument.generatedID(source)
        guard source.utf8.count <= Self.maximumSourceBytes else {
            return DiagramResult(
                svg: nil,
                diagnostics: [
                    DiagramDiagnostic(
                        line: 1, column: 1,
                        message: "the diagram's source is over \(Self.maximumSourceBytes / 1_000) kB; split it into smaller diagrams")
                ], kind: nil)
        }
        let document = DiagramSource(source)
        guard let first = document.lines.first else {
            return DiagramResult(svg: nil, diagnostics: [DiagramDiagnostic(line: 1, column: 1, message: "the diagram is empty")], kind: nil)
        }
        let keyword = String(first.text.prefix { !$0.isWhitespace && $0 != ";" && $0 != ":" })
        do {
            switch keyword {
            case "flowchart", "graph", "flowchart-elk":
                var parser = FlowchartParser()
                let chart = try parser.parse(document)
                return try Self.draw(chart, parsed: parser.warnings, from: document, id: id, kind: .flowchart, untitled: "Flowchart")
            case "stateDiagram", "stateDiagram-v2":
                var parser = StateParser()
                let chart = try parser.parse(document)
                return try Self.draw(chart, parsed: parser.warnings, from: document, id: id, kind: .state, untitled: "State diagram")
            case "classDiagram", "classDiagram-v2":
                var parser = ClassParser()
                let chart = try parser.parse(document)
                return try Self.draw(chart, parsed: parser.warnings, from: document, id: id, kind: .classDiagram, untitled: "Class diagram")
            case "pie":
                var parser = PieParser()
                let chart = try parser.parse(document)
                let generated = chart.summary
                let description = document.accessibleDescription.map { $0 + " " + generated } ?? generated
                let heading = chart.heading ?? document.title
                var drawn = chart
                drawn.heading = heading
                let svg = drawn.svg(id: id, title: document.accessibleTitle ?? heading ?? "Pie chart", description: description)
                return DiagramResult(svg: svg, diagnostics: parser.warnings, kind: .pie)
            case "sequenceDiagram":
                var parser = SequenceParser()
                var diagram = try parser.parse(document)
                guard diagram.events.count <= Self.maximumItems else {
                    throw DiagramDiagnostic(
                        line: 1, column: 1,
                        message:
                            "the diagram has \(diagram.events.count) messages and notes, over the \(Self.maximumItems) drawn at build time; split it")
                }
                let generated = SequenceDescription.describe(diagram)
                let description = document.accessibleDescription.map { $0 + " " + generated } ?? generated
                if diagram.title == nil { diagram.title = document.title }
                let title = document.accessibleTitle ?? diagram.title ?? "Sequence diagram"
                let svg = SequenceSVG(diagram: diagram, id: id, title: title, description: description).svg()
                return DiagramResult(svg: svg, diagnostics: parser.warnings, kind: .sequence)
            default:
                let message =
                    Self.knownKinds.contains(keyword)
                    ? "`\(keyword)` diagrams are not drawn yet; flowcharts (`flowchart`, `graph`), sequence, class and state diagrams (`sequenceDiagram`, `classDiagram`, `stateDiagram`) and pie charts (`pie`) are"
                    : "`\(keyword)` is not a diagram type; start with `flowchart TD` or `sequenceDiagram`"
                return DiagramResult(
                    svg: nil, diagnostics: [DiagramDiagnostic(line: first.number, column: first.column, message: message)], kind: nil)
            }
        } catch let diagnostic as DiagramDiagnostic {
            return DiagramResult(svg: nil, diagnostics: [diagnostic], kind: nil)
        } catch {
            return DiagramResult(svg: nil, diagnostics: [DiagramDiagnostic(line: 1, column: 1, message: "the diagram could not be read")], kind: nil)
        }
    }

    /// Lays out and draws a flowchart (state diagrams are drawn as flowcharts too).
    private static func draw(
        _ chart: Flowchart, parsed warnings: [DiagramDiagnostic], from document: DiagramSource, id: String,
        kind: DiagramKind, untitled: String
    ) throws -> DiagramResult {
        try checkSize(chart)
        var layout = FlowchartLayout(chart: chart)
        let geometry = layout.layout()
        let generated = FlowchartDescription.describe(chart)
        let description = document.accessibleDescription.map { $0 + " " + generated } ?? generated
        let title = document.accessibleTitle ?? document.title ?? untitled
        let svg = FlowchartSVG(
            chart: chart, geometry: geometry, id: id, title: title, description: description,
            heading: document.title
        ).svg()
        return DiagramResult(svg: svg, diagnostics: warnings + layout.warnings, kind: kind)
    }

    /// The largest source read (Mermaid's own default limit is 50,000 characters).
    static let maximumSourceBytes = 200_000
    /// The most nodes or links of a flowchart, or messages of a sequence diagram, that are laid out
    /// (mermaid.js stops at 500 links by default); beyond them, layout time grows past a second.
    static let maximumItems = 2_000

    private static func checkSize(_ chart: Flowchart) throws {
        guard chart.nodes.count <= maximumItems, chart.edges.count <= maximumItems else {
            throw DiagramDiagnostic(
                line: 1, column: 1,
                message:
                    "the diagram has \(chart.nodes.count) nodes and \(chart.edges.count) links; at most \(maximumItems) of each are drawn at build time, so split it"
            )
        }
    }

    /// A stable id for a diagram's SVG, from a hash of its source.
    public static func stableID(for source: String) -> String {
        SVGDocument.generatedID(source)
    }

    /// Mermaid's other diagram types, named in the message for them.
    static let knownKinds: Set<String> = [
        "erDiagram", "journey", "gantt",
        "quadrantChart", "requirementDiagram", "gitGraph", "C4Context", "C4Container", "C4Component", "C4Dynamic",
        "C4Deployment", "mindmap", "timeline", "zenuml", "sankey-beta", "xychart-beta", "block-beta", "packet-beta",
        "kanban", "architecture-beta", "radar-beta", "treemap-beta", "sankey", "xychart", "block", "packet",
    ]

    /// CSS for diagrams: node and subgraph fills for the light and dark schemes (switched like the charts'
    /// colours) and the figure around an inline diagram.
    public static let stylesheet = """
        :root{--diagram-node:#e8f1f8;--diagram-cluster:#f5f5f0;--diagram-cluster-stroke:#b9b9ae;--diagram-note:#fdf6d8;--diagram-note-stroke:#c9b458;--diagram-block:#8a8a80}
        :root[data-theme="dark"]{--diagram-node:#1c2b39;--diagram-cluster:#25262a;--diagram-cluster-stroke:#5b5c63;--diagram-note:#3a3520;--diagram-note-stroke:#8f8045;--diagram-block:#8d8e94}
        @media (prefers-color-scheme:dark){:root:not([data-theme="light"]){--diagram-node:#1c2b39;--diagram-cluster:#25262a;--diagram-cluster-stroke:#5b5c63;--diagram-note:#3a3520;--diagram-note-stroke:#8f8045;--diagram-block:#8d8e94}}
        figure.diagram{margin:1.75rem 0;overflow-x:auto;text-align:center}
        figure.diagram svg.diagram-svg{display:inline-block;max-width:100%;height:auto;color:var(--text, currentColor)}
        .diagram-svg a:hover .diagram-node,.diagram-svg a:focus .diagram-node{opacity:.8}
        .diagram-svg a:focus{outline:2px solid currentColor}

        """
}
