/// Reads Mermaid class diagrams (`classDiagram`) into a ``Flowchart`` whose nodes are class boxes (a
/// name with its annotation, then attribute and method compartments) and whose links carry UML ends:
/// `<|--` inheritance, `*--` composition, `o--` aggregation, `-->` association, `..>` dependency,
/// `..|>` realization, `()--` lollipop interfaces, with cardinalities and labels. Namespaces are
/// subgraphs and notes are note boxes joined to their class, so the flowchart layout draws it.
struct ClassParser {
    private(set) var chart = Flowchart()
    private(set) var warnings: [DiagramDiagnostic] = []
    private var namespaces: [Int] = []
    private var annotations: [String: [String]] = [:]
    private var members: [String: (attributes: [String], methods: [String])] = [:]
    private var names: [String: Label] = [:]
    private var noteCount = 0

    static let noteStyle: NodeStyle = {
        var style = NodeStyle()
        style.declarations = [("fill", "var(--diagram-note, #fdf6d8)"), ("stroke", "var(--diagram-note-stroke, #c9b458)")]
        return style
    }()

    mutating func parse(_ source: DiagramSource) throws -> Flowchart {
        chart.kind = .classDiagram
        chart.noun = "Class diagram"
        chart.nodeNoun = "class"
        chart.nodeNounPlural = "classes"
        let statements = Statement.split(source.lines, semicolons: false)
        guard let header = statements.first, header.keyword.0.hasPrefix("classDiagram") else {
            throw DiagramDiagnostic(line: 1, column: 1, message: "expected `classDiagram`")
        }
        var index = 1
        while index < statements.count {
            let statement = statements[index]
            index += 1
            try parseStatement(statement, following: statements, index: &index)
        }
        if let open = namespaces.last {
            throw DiagramDiagnostic(
                line: chart.subgraphs[open].line, column: 1,
                message: "namespace `\(chart.subgraphs[open].id)` has no closing `}`")
        }
        finish()
        return chart
    }

    private mutating func parseStatement(_ statement: Statement, following statements: [Statement], index: inout Int) throws {
        let (keyword, rest) = statement.keyword
        switch keyword {
        case "direction":
            guard let direction = FlowDirection(code: rest) else {
                throw DiagramDiagnostic(
                    line: statement.line, column: statement.column + 10,
                    message: "unknown direction `\(rest)`; use TB, BT, LR or RL")
            }
            chart.direction = direction
        case "namespace":
            try openNamespace(rest, statement: statement)
        case "}":
            guard namespaces.popLast() != nil else {
                throw DiagramDiagnostic(line: statement.line, column: statement.column, message: "`}` without an open class or namespace")
            }
        case "class":
            try parseClass(rest, statement: statement, following: statements, index: &index)
        case "note":
            try parseNote(rest, statement: statement)
        case "classDef":
            let (names, style) = Self.splitWord(rest)
            for name in names.split(separator: ",") { chart.classes[name.trimmingSpaces, default: NodeStyle()].merge(NodeStyle(style)) }
        case "cssClass":
            let words = SourceText.words(rest)
            guard words.count >= 2 else {
                throw DiagramDiagnostic(
                    line: statement.line, column: statement.column, message: "`cssClass` needs quoted class names and a style class")
            }
            for id in SourceText.unquoted(words[0]).split(separator: ",") {
                let node = declare(Self.className(id.trimmingSpaces).id, line: statement.line)
                chart.nodes[node].classes.append(words[1])
            }
        case "style":
            let (id, style) = Self.splitWord(rest)
            let node = declare(Self.className(id).id, line: statement.line)
            chart.nodes[node].style.merge(NodeStyle(style))
        case "link", "click", "callback":
            parseLink(keyword, rest, statement: statement)
        default:
            if keyword.hasPrefix("<<") {
                // `<<interface>> Shape`
                guard let close = statement.string.range(of: ">>") else {
                    throw DiagramDiagnostic(
                        line: statement.line, column: statement.column, message: "`<<` opens an annotation that is never closed with `>>`")
                }
                let annotation = String(statement.string[statement.string.index(statement.string.startIndex, offsetBy: 2)..<close.lowerBound])
                let id = Self.className(String(statement.string[close.upperBound...]).trimmingSpaces).id
                _ = declare(id, line: statement.line)
                annotations[id, default: []].append(annotation.trimmingSpaces)
            } else {
                try parseRelationOrMember(statement)
            }
        }
    }

    /// The first word of `text` and the rest.
    private static func splitWord(_ text: String) -> (String, String) {
        let word = text.prefix { $0 != " " && $0 != "\t" }
        return (String(word), String(text.dropFirst(word.count)).trimmingSpaces)
    }

    /// A class reference: its id (backticks removed, generics cut off) and its generic part shown as `<T>`.
    static func className(_ text: String) -> (id: String, generic: String?) {
        var text = text.trimmingSpaces
        if text.count >= 2, text.first == "`", text.last == "`" { return (String(text.dropFirst().dropLast()), nil) }
        if let colons = text.range(of: ":::") { text = String(text[..<colons.lowerBound]) }
        guard let tilde = text.firstIndex(of: "~") else { return (text, nil) }
        let generic = String(text[tilde...])
        return (String(text[..<tilde]), ClassMember.generics(generic))
    }

    // MARK: Classes

    /// `class Name`, `class Name~T~`, `class Name["Label"]`, `class Name:::style`, `class Name <<interface>>`,
    /// `class Name {` … `}` with members one a line.
    private mutating func parseClass(_ rest: String, statement: Statement, following statements: [Statement], index: inout Int) throws {
        var text = rest
        var opensBody = false
        if text.hasSuffix("{") {
            opensBody = true
            text = String(text.dropLast()).trimmingSpaces
        } else if text.hasSuffix("{}") {
            text = String(text.dropLast(2)).trimmingSpaces
        } else if let brace = text.firstIndex(of: "{"), text.hasSuffix("}") {
            // `class A { +x }` on one line.
            let body = text[text.index(after: brace)..<text.index(before: text.endIndex)]
            text = String(text[..<brace]).trimmingSpaces
            let id = try declareClass(text, statement: statement)
            for member in body.split(separator: ";") where !member.trimmingSpaces.isEmpty { addMember(member.trimmingSpaces, to: id) }
            return
        }
        let id = try declareClass(text, statement: statement)
        guard opensBody else { return }
        while index < statements.count {
            let line = statements[index]
            index += 1
            let member = line.string
            if member == "}" { return }
            if member.hasPrefix("<<"), member.hasSuffix(">>") {
                annotations[id, default: []].append(String(member.dropFirst(2).dropLast(2)).trimmingSpaces)
            } else {
                addMember(member, to: id)
            }
        }
        throw DiagramDiagnostic(line: statement.line, column: statement.column, message: "class `\(id)` opens `{` with no closing `}`")
    }

    /// Declares the class of a `class` statement and returns its id.
    private mutating func declareClass(_ text: String, statement: Statement) throws -> String {
        var text = text
        var styleClass: String?
        var annotation: String?
        if let open = text.range(of: "<<"), let close = text.range(of: ">>", range: open.upperBound..<text.endIndex) {
            annotation = String(text[open.upperBound..<close.lowerBound]).trimmingSpaces
            text = String(text[..<open.lowerBound]).trimmingSpaces
        }
        if let colons = text.range(of: ":::") {
            styleClass = String(text[colons.upperBound...]).trimmingSpaces
            text = String(text[..<colons.lowerBound]).trimmingSpaces
        }
        var label: Label?
        if let open = text.firstIndex(of: "["), text.hasSuffix("]") {
            label = Label.parse(String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
            text = String(text[..<open]).trimmingSpaces
        }
        let (id, generic) = Self.className(text)
        guard !id.isEmpty else {
            throw DiagramDiagnostic(line: statement.line, column: statement.column, message: "`class` needs a class name")
        }
        let node = declare(id, line: statement.line)
        if let generic { names[id] = Label(lines: [[TextRun(text: id + generic, bold: true)]]) }
        if let label { names[id] = label }
        if let styleClass { chart.nodes[node].classes.append(styleClass) }
        if let annotation { annotations[id, default: []].append(annotation) }
        return id
    }

    private mutating func addMember(_ text: String, to id: String) {
        let member = text.trimmingSpaces
        guard !member.isEmpty else { return }
        _ = declare(id, line: chart.nodes.first { $0.id == id }?.line ?? 1)
        if ClassMember.isMethod(member) {
            members[id, default: ([], [])].methods.append(member)
        } else {
            members[id, default: ([], [])].attributes.append(member)
        }
    }

    /// The node of class `id`, added at first mention.
    @discardableResult
    private mutating func declare(_ id: String, line: Int) -> Int {
        if let index = chart.nodeIndex[id] {
            if chart.nodes[index].parent == nil, let namespace = namespaces.last { chart.nodes[index].parent = namespace }
            return index
        }
        chart.nodes.append(FlowNode(id: id, label: .empty, parent: namespaces.last, line: line, compartments: []))
        chart.nodeIndex[id] = chart.nodes.count - 1
        return chart.nodes.count - 1
    }

    // MARK: Namespaces, notes, links

    /// `namespace Name {`, `namespace Name["Title"] {`, nested.
    private mutating func openNamespace(_ rest: String, statement: Statement) throws {
        var text = rest
        guard text.hasSuffix("{") else {
            throw DiagramDiagnostic(line: statement.line, column: statement.column, message: "`namespace` needs a name and `{`")
        }
        text = String(text.dropLast()).trimmingSpaces
        var title = text
        if let open = text.firstIndex(of: "["), text.hasSuffix("]") {
            title = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            text = String(text[..<open]).trimmingSpaces
        }
        let id = text.isEmpty ? "namespace-\(chart.subgraphs.count + 1)" : text
        if let existing = chart.subgraphIndex[id] {
            namespaces.append(existing)
            return
        }
        chart.subgraphs.append(Subgraph(id: id, title: Label.parse(title), parent: namespaces.last, line: statement.line))
        chart.subgraphIndex[id] = chart.subgraphs.count - 1
        namespaces.append(chart.subgraphs.count - 1)
    }

    /// `note "text"` (a free note) or `note for Class "text"` (joined to the class by a dotted line).
    private mutating func parseNote(_ rest: String, statement: Statement) throws {
        var target: String?
        var text = rest
        if rest.hasPrefix("for ") {
            let (id, after) = Self.splitWord(String(rest.dropFirst(4)).trimmingSpaces)
            target = Self.className(id).id
            text = after
        }
        guard text.hasPrefix("\"") else {
            throw DiagramDiagnostic(
                line: statement.line, column: statement.column, message: "a note needs its text in quotes: `note for Class \"text\"`")
        }
        noteCount += 1
        let id = "note-\(noteCount)"
        chart.nodes.append(
            FlowNode(
                id: id, label: Label.parse(SourceText.unquoted(text)), shape: .rectangle,
                style: Self.noteStyle, parent: nil, line: statement.line))
        chart.nodeIndex[id] = chart.nodes.count - 1
        if let target {
            _ = declare(target, line: statement.line)
            chart.edges.append(
                FlowEdge(
                    from: id, to: target, label: .empty, line: .dotted, startMark: .none, endMark: .none,
                    length: 1, sourceLine: statement.line))
        }
    }

    /// `link Class "url" "tooltip"`, `click Class href "url" "tooltip"`; callbacks are left out with a warning.
    private mutating func parseLink(_ keyword: String, _ rest: String, statement: Statement) {
        let (id, target) = Self.splitWord(rest)
        switch ClickTarget.parse(target, keyword: keyword, noun: "class", statement: statement) {
        case .failure(let warning):
            warnings.append(warning)
        case .success(let click):
            let node = declare(Self.className(id).id, line: statement.line)
            chart.nodes[node].link = click.url
            chart.nodes[node].tooltip = click.tooltip ?? chart.nodes[node].tooltip
        }
    }

    // MARK: Relations and members

    /// `A "1" *-- "many" B : label`, or `A : +member`.
    private mutating func parseRelationOrMember(_ statement: Statement) throws {
        let text = statement.text
        // The relation operator is looked for before the first `:` outside quotes and backticks.
        var quoted: Character?
        var colon = text.count
        for (position, character) in text.enumerated() {
            if let open = quoted {
                if character == open { quoted = nil }
                continue
            }
            if character == "\"" || character == "`" {
                quoted = character
                continue
            }
            if character == ":", colon == text.count {
                // `:::` belongs to a class name.
                let next = position + 1 < text.count ? text[position + 1] : " "
                let previous = position > 0 ? text[position - 1] : " "
                if next != ":", previous != ":" { colon = position }
            }
        }
        let head = Array(text[..<colon])
        guard let relation = ClassRelationSyntax.find(in: head) else {
            guard colon < text.count else {
                // A bare class name declares it.
                let (id, generic) = Self.className(String(text))
                guard !id.isEmpty, !id.contains(" ") else {
                    throw DiagramDiagnostic(
                        line: statement.line, column: statement.column,
                        message: "`\(String(text))` is not a class, member or relation; write `A <|-- B`, `A : +member` or `class A`")
                }
                declare(id, line: statement.line)
                if let generic { names[id] = Label(lines: [[TextRun(text: id + generic, bold: true)]]) }
                return
            }
            let id = Self.className(String(text[..<colon])).id
            guard !id.isEmpty else {
                throw DiagramDiagnostic(line: statement.line, column: statement.column, message: "a member needs its class: `Class : +member`")
            }
            addMember(String(text[(colon + 1)...]), to: id)
            return
        }
        var left = String(head[..<relation.start]).trimmingSpaces
        var right = String(head[relation.end...]).trimmingSpaces
        var startLabel = ""
        var endLabel = ""
        if left.hasSuffix("\""), let open = left.dropLast().lastIndex(of: "\"") {
            startLabel = String(left[left.index(after: open)..<left.index(before: left.endIndex)])
            left = String(left[..<open]).trimmingSpaces
        }
        if right.hasPrefix("\""), let close = right.dropFirst().firstIndex(of: "\"") {
            endLabel = String(right[right.index(after: right.startIndex)..<close])
            right = String(right[right.index(after: close)...]).trimmingSpaces
        }
        let from = Self.className(left)
        let to = Self.className(right)
        guard !from.id.isEmpty, !to.id.isEmpty else {
            throw DiagramDiagnostic(
                line: statement.line, column: statement.column + relation.start,
                message: "a relation needs a class on each side: `A <|-- B`")
        }
        for (reference, raw) in [(from, left), (to, right)] {
            declare(reference.id, line: statement.line)
            if let generic = reference.generic { names[reference.id] = Label(lines: [[TextRun(text: reference.id + generic, bold: true)]]) }
            if let colons = raw.range(of: ":::") {
                chart.nodes[chart.nodeIndex[reference.id]!].classes.append(String(raw[colons.upperBound...]))
            }
        }
        let label = colon < text.count ? Label.parse(String(text[(colon + 1)...])) : .empty
        chart.edges.append(
            FlowEdge(
                from: from.id, to: to.id, label: label, line: relation.dotted ? .dotted : .solid,
                startMark: relation.startMark, endMark: relation.endMark, length: 1,
                sourceLine: statement.line, startLabel: Label.decodeEntities(startLabel),
                endLabel: Label.decodeEntities(endLabel)))
    }

    /// Builds each class box's label (annotations, then the name in bold) and compartments.
    private mutating func finish() {
        for index in chart.nodes.indices where chart.nodes[index].compartments != nil {
            let id = chart.nodes[index].id
            var lines: [[TextRun]] = (annotations[id] ?? []).map { [TextRun(text: "«\($0)»", italic: true)] }
            lines += (names[id] ?? Label(lines: [[TextRun(text: id)]])).lines.map {
                $0.map { run in
                    var run = run
                    run.bold = true
                    return run
                }
            }
            chart.nodes[index].label = Label(lines: lines)
            let own = members[id] ?? ([], [])
            chart.nodes[index].compartments = [own.attributes.map(ClassMember.label), own.methods.map(ClassMember.label)]
        }
    }
}
