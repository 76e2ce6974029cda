/// A class diagram's relation in words, for the diagram's description: "Duck inherits from Animal".
enum ClassRelationWords {
    /// The sentence for `edge` from the class (or note, when `fromNote`) named `from` to the class named `to`.
    static func sentence(_ edge: FlowEdge, from: String, to: String, fromNote: Bool) -> String {
        if fromNote { return "Note “\(from)” is attached to \(to)" }
        var clauses: [String] = []
        // Each marked end says what its class is to the other.
        for (mark, owner, other) in [(edge.endMark, to, from), (edge.startMark, from, to)] {
            switch mark {
            case .triangle: clauses.append(edge.line == .dotted ? "\(other) implements \(owner)" : "\(other) inherits from \(owner)")
            case .filledDiamond: clauses.append("\(owner) is composed of \(other)")
            case .diamond: clauses.append("\(owner) aggregates \(other)")
            case .lollipop: clauses.append("\(other) provides the interface \(owner)")
            case .arrow: clauses.append(edge.line == .dotted ? "\(other) depends on \(owner)" : "\(other) is associated with \(owner)")
            case .none, .circle, .cross: break
            }
        }
        if clauses.isEmpty { clauses.append("\(from) is linked to \(to)" + (edge.line == .dotted ? " (dashed)" : "")) }
        var sentence = clauses.joined(separator: ", and ")
        if !edge.startLabel.isEmpty || !edge.endLabel.isEmpty {
            sentence +=
                " (\(edge.startLabel.isEmpty ? "" : "\(from) “\(edge.startLabel)”")"
                + (edge.startLabel.isEmpty || edge.endLabel.isEmpty ? "" : ", ")
                + "\(edge.endLabel.isEmpty ? "" : "\(to) “\(edge.endLabel)”"))"
        }
        if !edge.label.isEmpty { sentence += ", labelled “\(edge.label.plain)”" }
        return sentence
    }
}
