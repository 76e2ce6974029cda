/// Reads Mermaid state diagrams (`stateDiagram`, `stateDiagram-v2`) into a ``Flowchart``: states are
/// rounded nodes, `[*]` the start (a filled dot) or end (a ringed dot) of its scope, composite
/// states subgraphs, `<<fork>>`/`<<join>>` bars and `<<choice>>` diamonds. The flowchart layout draws it.
struct StateParser {
    private(set) var chart = Flowchart()
    private(set) var warnings: [DiagramDiagnostic] = []
    private var stack: [Int] = []
    private var described: Set<String> = []
    private var describedWithText: Set<String> = []

    mutating func parse(_ source: DiagramSource) throws -> Flowchart {
        chart.kind = .state
        chart.noun = "State diagram"
        chart.nodeNoun = "state"
        chart.nodeNounPlural = "states"
        let statements = Statement.split(source.lines, semicolons: false)
        guard let header = statements.first, header.keyword.0.hasPrefix("stateDiagram") else {
            throw DiagramDiagnostic(line: 1, column: 1, message: "expected `stateDiagram` or `stateDiagram-v2`")
        }
        var index = 1
        while index < statements.count {
            let statement = statements[index]
            index += 1
            let text = statement.string
            let (keyword, rest) = statement.keyword
            switch keyword {
            case "direction":
                guard let direction = FlowDirection(code: rest) else {
                    throw DiagramDiagnostic(
                        line: statement.line, column: statement.column + 10,
                        message: "unknown direction `\(rest)`; use TB, BT, LR or RL")
                }
                if let current = stack.last { chart.subgraphs[current].direction = direction } else { chart.direction = direction }
            case "state":
                try parseState(rest, statement: statement)
            case "}":
                guard stack.popLast() != nil else {
                    throw DiagramDiagnostic(line: statement.line, column: statement.column, message: "`}` without an open composite state")
                }
            case "note":
                // Notes take the rest of their text, up to `end note` when it runs over lines.
                if !text.contains(":") {
                    while index < statements.count, statements[index].string.lowercased() != "end note" { index += 1 }
                    index += 1
                }
                warnings.append(
                    DiagramDiagnostic(
                        line: statement.line, column: statement.column,
                        message: "notes in state diagrams are not drawn yet; left out", severity: .warning))
            case "--":
                warnings.append(
                    DiagramDiagnostic(
                        line: statement.line, column: statement.column,
                        message: "concurrent regions (`--`) are drawn as one region", severity: .warning))
            case "classDef":
                let word = rest.prefix { $0 != " " }
                let style = NodeStyle(String(rest.dropFirst(word.count)))
                for name in word.split(separator: ",") { chart.classes[String(name), default: NodeStyle()].merge(style) }
            case "class":
                let word = rest.prefix { $0 != " " }
                let name = String(rest.dropFirst(word.count)).trimmingSpaces
                for id in word.split(separator: ",") {
                    let node = node(String(id), line: statement.line)
                    chart.nodes[node].classes.append(name)
                }
            case "style":
                let word = rest.prefix { $0 != " " }
                let node = node(String(word), line: statement.line)
                chart.nodes[node].style.merge(NodeStyle(String(rest.dropFirst(word.count))))
            case "hide", "scale":
                continue
            default:
                try parseTransitionOrDescription(statement)
            }
        }
        if let open = stack.last {
            throw DiagramDiagnostic(
                line: chart.subgraphs[open].line, column: 1,
                message: "composite state `\(chart.subgraphs[open].id)` has no closing `}`")
        }
        // A state used only as a composite is the subgraph, not a node too.
        let shadowed = Set(chart.nodes.map(\.id)).filter { chart.subgraphIndex[$0] != nil && !described.contains($0) }
        chart.nodes.removeAll { shadowed.contains($0.id) }
        chart.nodeIndex = Dictionary(uniqueKeysWithValues: chart.nodes.enumerated().map { ($0.element.id, $0.offset) })
        return chart
    }

    /// `state "Long name" as A`, `state A <<fork>>`, `state A {`.
    private mutating func parseState(_ rest: String, statement: Statement) throws {
        var text = rest
        let opens = text.hasSuffix("{")
        if opens { text = String(text.dropLast()).trimmingSpaces }
        var id = text
        var label: String?
        if text.hasPrefix("\""), let close = text.dropFirst().firstIndex(of: "\"") {
            label = String(text[text.index(after: text.startIndex)..<close])
            let after = text[text.index(after: close)...].trimmingSpaces
            id = after.hasPrefix("as ") ? String(after.dropFirst(3)).trimmingSpaces : label!
        } else if let range = Self.range(of: " as ", in: text) {
            id = String(text[..<range.lowerBound]).trimmingSpaces
            label = String(text[range.upperBound...]).trimmingSpaces
        }
        var shape: NodeShape?
        for (marker, markerShape) in [("<<fork>>", NodeShape.fork), ("<<join>>", .fork), ("<<choice>>", .diamond)] where id.hasSuffix(marker) {
            id = String(id.dropLast(marker.count)).trimmingSpaces
            shape = markerShape
        }
        if opens {
            let subgraph = Subgraph(id: id, title: Label.parse(label ?? id), parent: stack.last, line: statement.line)
            chart.subgraphs.append(subgraph)
            chart.subgraphIndex[id] = chart.subgraphs.count - 1
            stack.append(chart.subgraphs.count - 1)
            return
        }
        let index = node(id, line: statement.line)
        if let label { chart.nodes[index].label = Label.parse(label) }
        if let shape {
            chart.nodes[index].shape = shape
            if shape == .diamond { chart.nodes[index].label = .empty }
        }
        described.insert(id)
    }

    private static func range(of needle: String, in text: String) -> Range<String.Index>? {
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix(needle) { return index..<text.index(index, offsetBy: needle.count) }
            index = text.index(after: index)
        }
        return nil
    }

    /// `A --> B`, `A --> B : label`, `[*] --> A`, `A : description`, or a bare state id.
    private mutating func parseTransitionOrDescription(_ statement: Statement) throws {
        let text = statement.string
        if let arrow = Self.range(of: "-->", in: text) {
            let from = String(text[..<arrow.lowerBound]).trimmingSpaces
            var to = String(text[arrow.upperBound...]).trimmingSpaces
            var label = ""
            if let colon = to.firstIndex(of: ":") {
                label = String(to[to.index(after: colon)...]).trimmingSpaces
                to = String(to[..<colon]).trimmingSpaces
            }
            guard !from.isEmpty, !to.isEmpty else {
                throw DiagramDiagnostic(line: statement.line, column: statement.column, message: "a transition needs a state on both sides of `-->`")
            }
            let fromID = endpoint(from, start: true, line: statement.line)
            let toID = endpoint(to, start: false, line: statement.line)
            chart.edges.append(
                FlowEdge(
                    from: fromID, to: toID, label: Label.parse(label), line: .solid, startMark: .none,
                    endMark: .arrow, length: 1, sourceLine: statement.line))
            return
        }
        if let colon = text.firstIndex(of: ":") {
            let id = String(text[..<colon]).trimmingSpaces
            let description = String(text[text.index(after: colon)...]).trimmingSpaces
            let index = node(id, line: statement.line)
            // As Mermaid draws it: the state's name in bold, its descriptions under it.
            if !describedWithText.contains(id) {
                let name = chart.nodes[index].label.lines.map { $0.map { TextRun(text: $0.text, bold: true, italic: $0.italic) } }
                chart.nodes[index].label = Label(lines: name)
                describedWithText.insert(id)
            }
            chart.nodes[index].label.lines += Label.parse(description).lines
            described.insert(id)
            return
        }
        let id = text.trimmingSpaces
        guard id.allSatisfy({ Scanner.isIdentifier($0) || $0 == "-" || $0 == "." }) else {
            throw DiagramDiagnostic(
                line: statement.line, column: statement.column,
                message: "`\(String(id.prefix(30)))` is not a state statement; expected `A --> B`, `state A`, `A : text` or a note")
        }
        _ = node(id, line: statement.line)
    }

    /// The node for a transition's end: `[*]` is the scope's start or end, `A:::class` takes a class.
    private mutating func endpoint(_ text: String, start: Bool, line: Int) -> String {
        var name = text
        var className: String?
        if let range = Self.range(of: ":::", in: text) {
            name = String(text[..<range.lowerBound])
            className = String(text[range.upperBound...])
        }
        if name == "[*]" {
            let scope = stack.last.map { chart.subgraphs[$0].id } ?? "root"
            let id = "[*]\(start ? "start" : "end")-\(scope)"
            let index = node(id, line: line)
            chart.nodes[index].shape = start ? .filledCircle : .framedCircle
            chart.nodes[index].label = Label.parse(start ? "start" : "end")
            described.insert(id)
            return id
        }
        let index = node(name, line: line)
        if let className { chart.nodes[index].classes.append(className) }
        return name
    }

    /// The node `id`, created in the current composite state on first mention.
    private mutating func node(_ id: String, line: Int) -> Int {
        if let index = chart.nodeIndex[id] { return index }
        chart.nodeIndex[id] = chart.nodes.count
        chart.nodes.append(FlowNode(id: id, label: Label.parse(id), shape: .rounded, parent: stack.last, line: line))
        return chart.nodes.count - 1
    }
}
