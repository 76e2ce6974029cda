/// Reads Mermaid flowchart source (`flowchart`/`graph`) into a ``Flowchart``.
struct FlowchartParser {
    private(set) var chart = Flowchart()
    private(set) var warnings: [DiagramDiagnostic] = []
    private var stack: [Int] = []
    private var linkStyles: [(indices: [Int]?, style: NodeStyle, line: Int)] = []
    /// Nodes given a label or shape (the others may turn out to be subgraph ids).
    private var described: Set<String> = []
    /// Ids given to links (`A e1@--> B`); `e1@{ … }` then sets the link's animation, which is not drawn.
    private var edgeIDs: Set<String> = []

    /// Parses `source`; the first statement must be the header. Throws the first syntax error.
    mutating func parse(_ source: DiagramSource) throws -> Flowchart {
        let statements = Statement.split(source.lines, semicolons: true)
        guard let header = statements.first else {
            throw DiagramDiagnostic(line: 1, column: 1, message: "the diagram is empty")
        }
        let (keyword, rest) = header.keyword
        guard keyword == "flowchart" || keyword == "graph" || keyword == "flowchart-elk" else {
            throw DiagramDiagnostic(line: header.line, column: header.column, message: "expected `flowchart` or `graph`")
        }
        if !rest.isEmpty {
            guard let direction = FlowDirection(code: rest) else {
                throw DiagramDiagnostic(
                    line: header.line, column: header.column + keyword.count + 1,
                    message: "unknown direction `\(rest)`; use TB, TD, BT, LR or RL")
            }
            chart.direction = direction
        }
        for statement in statements.dropFirst() {
            try parseStatement(statement)
            if Label.droppingIcons(statement.string).found {
                warnings.append(
                    DiagramDiagnostic(
                        line: statement.line, column: statement.column,
                        message: "icons (`fa:fa-…`) need an icon font from elsewhere; they are left out and the text is kept",
                        severity: .warning))
            }
        }
        if let open = stack.last {
            let subgraph = chart.subgraphs[open]
            throw DiagramDiagnostic(line: subgraph.line, column: 1, message: "subgraph `\(subgraph.id)` has no `end`")
        }
        finish()
        return chart
    }

    // MARK: Statements

    private mutating func parseStatement(_ statement: Statement) throws {
        let (keyword, rest) = statement.keyword
        let line = statement.line
        switch keyword {
        case "subgraph":
            try openSubgraph(rest, statement: statement)
        case "end" where rest.isEmpty:
            guard stack.popLast() != nil else {
                throw DiagramDiagnostic(line: line, column: statement.column, message: "`end` without an open subgraph")
            }
        case "direction":
            guard let direction = FlowDirection(code: rest) else {
                throw DiagramDiagnostic(line: line, column: statement.column + 10, message: "unknown direction `\(rest)`; use TB, TD, BT, LR or RL")
            }
            if let current = stack.last { chart.subgraphs[current].direction = direction } else { chart.direction = direction }
        case "classDef":
            let (names, style) = Self.splitWord(rest)
            let parsed = NodeStyle(style)
            for name in names.split(separator: ",") {
                chart.classes[name.trimmingSpaces, default: NodeStyle()].merge(parsed)
            }
        case "class":
            let (ids, name) = Self.splitWord(rest)
            guard !name.isEmpty else {
                throw DiagramDiagnostic(line: line, column: statement.column, message: "`class` needs node ids and a class name")
            }
            for id in ids.split(separator: ",") { addClass(name.trimmingSpaces, to: id.trimmingSpaces) }
        case "style":
            let (id, style) = Self.splitWord(rest)
            if let node = chart.nodeIndex[id] {
                chart.nodes[node].style.merge(NodeStyle(style))
            } else if let subgraph = chart.subgraphIndex[id] {
                chart.subgraphs[subgraph].style.merge(NodeStyle(style))
            } else {
                declare(id, label: nil, shape: nil, line: line)
                chart.nodes[chart.nodeIndex[id]!].style.merge(NodeStyle(style))
            }
        case "linkStyle":
            let (which, style) = Self.splitWord(rest)
            let indices = which == "default" ? nil : which.split(separator: ",").compactMap { Int($0.trimmingSpaces) }
            linkStyles.append((indices, NodeStyle(style), line))
        case "click":
            parseClick(rest, statement: statement)
        default:
            try parseChain(statement)
        }
    }

    /// The first word of `text` and the rest.
    private static func splitWord(_ text: String) -> (String, String) {
        let word = text.prefix { $0 != " " && $0 != "\t" }
        return (String(word), String(text.dropFirst(word.count)).trimmingSpaces)
    }

    private mutating func openSubgraph(_ rest: String, statement: Statement) throws {
        var id = ""
        var title = ""
        if rest.hasPrefix("\"") {
            title = rest
            id = SourceText.unquoted(rest)
        } else {
            let word = rest.prefix { $0 != " " && $0 != "\t" && $0 != "[" }
            id = String(word)
            let after = rest.dropFirst(word.count).trimmingSpaces
            if after.hasPrefix("["), after.hasSuffix("]") {
                title = String(after.dropFirst().dropLast())
            } else if !after.isEmpty {
                id = rest
                title = rest
            } else {
                title = id
            }
        }
        if id.isEmpty { id = "subgraph-\(chart.subgraphs.count + 1)" }
        let subgraph = Subgraph(id: id, title: Label.parse(title), parent: stack.last, line: statement.line)
        if let existing = chart.subgraphIndex[id] {
            stack.append(existing)
            return
        }
        chart.subgraphs.append(subgraph)
        chart.subgraphIndex[id] = chart.subgraphs.count - 1
        stack.append(chart.subgraphs.count - 1)
    }

    private mutating func parseClick(_ rest: String, statement: Statement) {
        let (id, target) = Self.splitWord(rest)
        switch ClickTarget.parse(target, keyword: "click", noun: "node", statement: statement) {
        case .failure(let warning):
            warnings.append(warning)
        case .success(let click):
            if chart.nodeIndex[id] == nil { declare(id, label: nil, shape: nil, line: statement.line) }
            let index = chart.nodeIndex[id]!
            chart.nodes[index].link = click.url
            chart.nodes[index].tooltip = click.tooltip ?? chart.nodes[index].tooltip
        }
    }

    // MARK: Chains of nodes and links

    private struct Link {
        var label: Label
        var line: LineStyle
        var start: EdgeEnd
        var end: EdgeEnd
        var length: Int
    }

    private mutating func parseChain(_ statement: Statement) throws {
        var scanner = Scanner(text: statement.text, line: statement.line, column: statement.column)
        let name = scanner.readIdentifier()
        if edgeIDs.contains(name), scanner.peek == "@", scanner.peek(at: 1) == "{" {
            scanner.advance(2)
            _ = try scanner.readUntilClosing("}", what: "`@{`")
            return
        }
        scanner.position = 0
        var groups: [[String]] = []
        var links: [Link] = []
        while true {
            scanner.skipSpaces()
            groups.append(try parseGroup(&scanner))
            scanner.skipSpaces()
            if scanner.atEnd { break }
            guard let link = try parseLink(&scanner) else {
                throw scanner.error("expected a link such as `-->`, `---`, `-.->` or `==>`, or the end of the statement; found `\(scanner.peekWord)`")
            }
            links.append(link)
        }
        for (index, link) in links.enumerated() {
            for from in groups[index] {
                for to in groups[index + 1] {
                    chart.edges.append(
                        FlowEdge(
                            from: from, to: to, label: link.label, line: link.line, startMark: link.start,
                            endMark: link.end, length: link.length, sourceLine: statement.line))
                }
            }
        }
    }

    /// `A & B & C`.
    private mutating func parseGroup(_ scanner: inout Scanner) throws -> [String] {
        var ids = [try parseNode(&scanner)]
        while true {
            let mark = scanner.position
            scanner.skipSpaces()
            if scanner.peek == "&" {
                scanner.advance()
                scanner.skipSpaces()
                ids.append(try parseNode(&scanner))
            } else {
                scanner.position = mark
                return ids
            }
        }
    }

    /// A node reference with an optional shape and label, `@{ … }` attributes and `:::class`.
    private mutating func parseNode(_ scanner: inout Scanner) throws -> String {
        let id = scanner.readIdentifier()
        guard !id.isEmpty else {
            throw scanner.error(scanner.atEnd ? "expected a node after the link" : "expected a node id; found `\(scanner.peekWord)`")
        }
        var label: Label?
        var shape: NodeShape?
        if scanner.peek == "@", scanner.peek(at: 1) == "{" {
            let attributesAt = scanner.position
            scanner.advance(2)
            let body = try scanner.readUntilClosing("}", what: "`@{`")
            for (key, value) in SourceText.attributes(body) {
                switch key {
                case "shape":
                    if let named = NodeShape(name: value) {
                        shape = named
                    } else {
                        var at = scanner
                        at.position = attributesAt
                        warnings.append(at.warning("unknown node shape `\(value)`; drawn as a rectangle"))
                        shape = .rectangle
                    }
                case "label": label = Label.parse(value)
                default: break
                }
            }
        } else {
            let mark = scanner.position
            scanner.skipSpaces()
            if let (parsedShape, parsedLabel) = try parseShape(&scanner) {
                shape = parsedShape
                label = parsedLabel
            } else {
                scanner.position = mark
            }
        }
        declare(id, label: label, shape: shape, line: scanner.line)
        if scanner.peek == ":", scanner.peek(at: 1) == ":", scanner.peek(at: 2) == ":" {
            scanner.advance(3)
            let name = scanner.readIdentifier()
            if !name.isEmpty { addClass(name, to: id) }
        }
        return id
    }

    /// The openers and closers of the bracket shapes, longest first.
    private static let shapes: [(open: String, close: String, shape: NodeShape)] = [
        ("(((", ")))", .doubleCircle), ("((", "))", .circle), ("([", "])", .stadium), ("[[", "]]", .subroutine),
        ("[(", ")]", .cylinder), ("{{", "}}", .hexagon), ("[/", "/]", .leanRight), ("[/", "\\]", .trapezoid),
        ("[\\", "\\]", .leanLeft), ("[\\", "/]", .trapezoidTop), ("(", ")", .rounded), ("[", "]", .rectangle),
        ("{", "}", .diamond), (">", "]", .asymmetric),
    ]

    private func parseShape(_ scanner: inout Scanner) throws -> (NodeShape, Label)? {
        let start = scanner.position
        for candidate in Self.shapes where scanner.matches(candidate.open) {
            scanner.advance(candidate.open.count)
            // A quoted label: the closer must follow the closing quote.
            let bodyStart = scanner.position
            if scanner.peek == "\"" {
                let quoted = try scanner.readQuoted()
                scanner.skipSpaces()
                if scanner.matches(candidate.close) {
                    scanner.advance(candidate.close.count)
                    return (candidate.shape, Label.parse(quoted))
                }
                scanner.position = bodyStart
            }
            if let end = scanner.find(candidate.close) {
                let body = String(scanner.text[bodyStart..<end])
                // `[/a/]` and `[/a\]` share an opener: take the closer that comes first.
                if candidate.open == "[/" || candidate.open == "[\\" {
                    let other = candidate.close == "/]" ? "\\]" : "/]"
                    if let otherEnd = scanner.find(other), otherEnd < end {
                        scanner.position = start
                        continue
                    }
                }
                scanner.position = end + candidate.close.count
                return (candidate.shape, Label.parse(body))
            }
            scanner.position = start
            if candidate.open == "[" || candidate.open == "(" || candidate.open == "{" || candidate.open == ">" {
                throw scanner.error("`\(candidate.open)` opens a node label that is never closed with `\(candidate.close)`")
            }
        }
        return nil
    }

    /// A link: `-->`, `---`, `-.->`, `==>`, `~~~`, with end marks (`<`, `o`, `x`), a `-- text -->` label
    /// or a `|text|` label after it. Nil when no link starts here.
    private mutating func parseLink(_ scanner: inout Scanner) throws -> Link? {
        let start = scanner.position
        // An edge id before the link (`A e1@--> B`), named later by `e1@{ … }` statements.
        let idStart = scanner.position
        let id = scanner.readIdentifier()
        if !id.isEmpty, scanner.peek == "@", let next = scanner.peek(at: 1), "-=.~<ox".contains(next) {
            edgeIDs.insert(id)
            scanner.advance()
        } else {
            scanner.position = idStart
        }
        var startMark = EdgeEnd.none
        if scanner.peek == "<" {
            startMark = .arrow
            scanner.advance()
        } else if scanner.peek == "o" || scanner.peek == "x", let next = scanner.peek(at: 1), "-=.".contains(next) {
            startMark = scanner.peek == "o" ? .circle : .cross
            scanner.advance()
        }
        let run = scanner.readWhile { "-=.~".contains($0) }
        guard !run.isEmpty else {
            scanner.position = start
            return nil
        }
        var link = Link(label: .empty, line: Self.lineStyle(run), start: startMark, end: .none, length: 1)
        if let end = endMark(&scanner) {
            link.end = end
            link.length = Self.length(run, arrow: true)
        } else if run == "--" || run == "==" || run == "-." {
            // `-- text -->`: the text runs to the closing part of the link.
            guard let (text, closing, end) = scanner.readLinkText(opener: run) else {
                throw scanner.error("the link `\(run)` is not finished; write `-->`, `-- text -->` or `---`")
            }
            link.label = Label.parse(text)
            link.end = end
            link.length = Self.length(closing, arrow: end != .none)
            if run == "-." { link.length = max(1, closing.filter { $0 == "." }.count) }
        } else {
            guard run.count >= 3 || run == "-.-" else {
                throw scanner.error("`\(run)` is not a link; write `-->`, `---`, `-.->` or `==>`")
            }
            link.length = Self.length(run, arrow: false)
        }
        scanner.skipSpaces()
        if scanner.peek == "|" {
            scanner.advance()
            scanner.skipSpaces()
            if scanner.peek == "\"" {
                let quoted = try scanner.readQuoted()
                scanner.skipSpaces()
                if scanner.peek == "|" {
                    scanner.advance()
                    link.label = Label.parse(quoted)
                    return link
                }
                throw scanner.error("the link label `|\"…\"` has no closing `|`")
            }
            guard let close = scanner.find("|") else { throw scanner.error("the link label `|…` has no closing `|`") }
            link.label = Label.parse(String(scanner.text[scanner.position..<close]))
            scanner.position = close + 1
        }
        return link
    }

    /// The mark that ends a link here (`>`, or `o`/`x` not starting a word), consumed.
    private func endMark(_ scanner: inout Scanner) -> EdgeEnd? {
        switch scanner.peek {
        case ">":
            scanner.advance()
            return .arrow
        case "o", "x":
            if let next = scanner.peek(at: 1), Scanner.isIdentifier(next) { return nil }
            let mark: EdgeEnd = scanner.peek == "o" ? .circle : .cross
            scanner.advance()
            return mark
        default:
            return nil
        }
    }

    private static func lineStyle(_ run: String) -> LineStyle {
        if run.contains("~") { return .invisible }
        if run.contains("=") { return .thick }
        if run.contains(".") { return .dotted }
        return .solid
    }

    /// How many layers a link spans: each extra `-`, `=` or `.` adds one.
    static func length(_ run: String, arrow: Bool) -> Int {
        let dots = run.filter { $0 == "." }.count
        if dots > 0 { return max(1, dots) }
        return max(1, run.count - (arrow ? 1 : 2))
    }

    // MARK: Nodes and classes

    private mutating func declare(_ id: String, label: Label?, shape: NodeShape?, line: Int) {
        let current = stack.last
        if let index = chart.nodeIndex[id] {
            if let label { chart.nodes[index].label = label }
            if let shape { chart.nodes[index].shape = shape }
            if let current, isAncestor(chart.nodes[index].parent, of: current) { chart.nodes[index].parent = current }
        } else {
            chart.nodeIndex[id] = chart.nodes.count
            chart.nodes.append(
                FlowNode(
                    id: id, label: label ?? Label.parse(id), shape: shape ?? .rectangle,
                    parent: current, line: line))
        }
        if label != nil || shape != nil { described.insert(id) }
    }

    /// Whether `ancestor` (nil: the top level) contains subgraph `subgraph`.
    private func isAncestor(_ ancestor: Int?, of subgraph: Int) -> Bool {
        guard let ancestor else { return true }
        var current: Int? = subgraph
        while let index = current {
            if index == ancestor { return ancestor != subgraph }
            current = chart.subgraphs[index].parent
        }
        return false
    }

    private mutating func addClass(_ name: String, to id: String) {
        if let index = chart.nodeIndex[id] {
            chart.nodes[index].classes.append(name)
        } else if let index = chart.subgraphIndex[id] {
            chart.subgraphs[index].classes.append(name)
        } else {
            declare(id, label: nil, shape: nil, line: 0)
            chart.nodes[chart.nodeIndex[id]!].classes.append(name)
        }
    }

    /// Ids used for both a subgraph and an undescribed node mean the subgraph; link styles are applied.
    private mutating func finish() {
        let shadowed = Set(chart.nodes.map(\.id)).filter { chart.subgraphIndex[$0] != nil && !described.contains($0) }
        if !shadowed.isEmpty {
            chart.nodes.removeAll { shadowed.contains($0.id) }
            chart.nodeIndex = Dictionary(uniqueKeysWithValues: chart.nodes.enumerated().map { ($0.element.id, $0.offset) })
        }
        for (indices, style, line) in linkStyles {
            for index in indices ?? Array(chart.edges.indices) {
                guard chart.edges.indices.contains(index) else {
                    warnings.append(
                        DiagramDiagnostic(
                            line: line, column: 1, message: "linkStyle \(index): there is no link \(index) (links count from 0)",
                            severity: .warning))
                    continue
                }
                chart.edges[index].style.merge(style)
            }
        }
    }
}
