import TextUtilities

/// The words a screen reader hears for a sequence diagram: participants and each message in order.
enum SequenceDescription {
    static func describe(_ diagram: SequenceDiagram) -> String {
        let names = diagram.participants.map { $0.label.plain.isEmpty ? $0.id : $0.label.plain }
        var sentences = ["Sequence diagram with \(Plural.count(names.count, "participant")): \(names.joined(separator: ", "))."]
        var listed = 0
        for event in diagram.events {
            guard listed < 300 else { break }
            switch event {
            case .message(let from, let to, let text, let arrow, let number, _, _, _):
                var sentence = (number.map { "\($0). " } ?? "") + "\(names[from]) to \(names[to])"
                if from == to { sentence = (number.map { "\($0). " } ?? "") + "\(names[from]) to itself" }
                if !text.isEmpty { sentence += ": \(text.plain)" }
                if arrow.dotted { sentence += " (reply)" }
                sentences.append(sentence + ".")
                listed += 1
            case .note(let participants, _, let text):
                sentences.append("Note on \(participants.map { names[$0] }.joined(separator: " and ")): \(text.plain).")
            case .blockStart(let kind, let label, _) where kind != .rect:
                sentences.append("Begin \(kind.rawValue)\(label.isEmpty ? "" : " “\(label.plain)”").")
            case .blockSection(let label):
                sentences.append("Otherwise\(label.isEmpty ? "" : ", “\(label.plain)”").")
            case .blockEnd:
                sentences.append("End of block.")
            default:
                break
            }
        }
        return sentences.joined(separator: " ")
    }
}
