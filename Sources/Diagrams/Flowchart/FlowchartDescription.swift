import TextUtilities

/// The words a screen reader hears for a flowchart: its nodes, links and subgraphs.
enum FlowchartDescription {
    static func describe(_ chart: Flowchart) -> String {
        func name(_ id: String) -> String {
            if let index = chart.nodeIndex[id] {
                let label = chart.nodes[index].label.plain
                return label.isEmpty ? id : label
            }
            if let index = chart.subgraphIndex[id] {
                let title = chart.subgraphs[index].title.plain
                return "subgraph " + (title.isEmpty ? id : title)
            }
            return id
        }
        let direction: String =
            switch chart.direction {
            case .topToBottom: "top to bottom"
            case .bottomToTop: "bottom to top"
            case .leftToRight: "left to right"
            case .rightToLeft: "right to left"
            }
        let visible = chart.edges.filter { $0.line != .invisible }
        // A class diagram's notes are nodes without compartments: said as notes, not counted as classes.
        let isNote = { (node: FlowNode) in chart.kind == .classDiagram && node.compartments == nil }
        let counted = chart.nodes.filter { !isNote($0) }.count
        var sentences = [
            "\(chart.noun), \(direction), with \(Plural.count(counted, chart.nodeNoun, plural: chart.nodeNounPlural)) and \(Plural.count(visible.count, "link"))."
        ]
        for edge in visible.prefix(300) {
            let verb: String
            if chart.kind == .classDiagram {
                let fromNote = chart.nodeIndex[edge.from].map { chart.nodes[$0].compartments == nil } ?? false
                sentences.append(ClassRelationWords.sentence(edge, from: name(edge.from), to: name(edge.to), fromNote: fromNote) + ".")
                continue
            }
            if edge.startMark == .arrow, edge.endMark == .arrow {
                verb = "and \(name(edge.to)) point to each other"
            } else if edge.endMark == .arrow {
                verb = "leads to \(name(edge.to))"
            } else if edge.startMark == .arrow {
                verb = "is reached from \(name(edge.to))"
            } else {
                verb = "is linked to \(name(edge.to))"
            }
            var sentence = "\(name(edge.from)) \(verb)"
            if !edge.label.isEmpty { sentence += ", labelled “\(edge.label.plain)”" }
            if edge.line == .dotted { sentence += " (dotted)" }
            if edge.line == .thick { sentence += " (thick)" }
            sentences.append(sentence + ".")
        }
        if visible.count > 300 { sentences.append("\(visible.count - 300) more links are not listed.") }
        let linked = Set(visible.flatMap { [$0.from, $0.to] })
        for note in chart.nodes where isNote(note) && !linked.contains(note.id) { sentences.append("Note: “\(note.label.plain)”.") }
        let alone = chart.nodes.filter { !linked.contains($0.id) && !isNote($0) }.map { name($0.id) }
        if !alone.isEmpty { sentences.append("Unlinked: \(alone.joined(separator: ", ")).") }
        for (index, subgraph) in chart.subgraphs.enumerated() {
            let members =
                chart.nodes.filter { $0.parent == index }.map { name($0.id) }
                + chart.subgraphs.filter { $0.parent == index }.map { name($0.id) }
            let title = subgraph.title.plain.isEmpty ? subgraph.id : subgraph.title.plain
            sentences.append("Subgraph “\(title)” holds \(members.isEmpty ? "nothing" : members.joined(separator: ", ")).")
        }
        return sentences.joined(separator: " ")
    }
}
