/// A participant (a box) or an actor (a stick figure) of a sequence diagram.
struct Participant: Sendable {
    var id: String
    var label: Label
    var isActor: Bool
    /// The `box` group it belongs to, if any.
    var group: Int?
}

/// The arrow a message is drawn with.
struct MessageArrow: Sendable, Equatable {
    enum Head: Sendable, Equatable { case none, filled, cross, open }
    var dotted: Bool
    var head: Head
    var bidirectional = false

    /// The arrows Mermaid knows, longest first so that `-->>` is not read as `-->`.
    static let all: [(String, MessageArrow)] = [
        ("<<-->>", MessageArrow(dotted: true, head: .filled, bidirectional: true)),
        ("<<->>", MessageArrow(dotted: false, head: .filled, bidirectional: true)),
        ("-->>", MessageArrow(dotted: true, head: .filled)),
        ("->>", MessageArrow(dotted: false, head: .filled)),
        ("--x", MessageArrow(dotted: true, head: .cross)),
        ("-x", MessageArrow(dotted: false, head: .cross)),
        ("--)", MessageArrow(dotted: true, head: .open)),
        ("-)", MessageArrow(dotted: false, head: .open)),
        ("-->", MessageArrow(dotted: true, head: .none)),
        ("->", MessageArrow(dotted: false, head: .none)),
    ]
}

/// Where a note sits.
enum NotePlacement: Sendable, Equatable { case leftOf, rightOf, over }

/// The kinds of block (`loop`, `alt` …) and their section keywords.
enum BlockKind: String, Sendable {
    case loop, alt, opt, par, critical, `break`, rect

    /// The keyword that starts another section of this block (`else`, `and`, `option`).
    var sectionKeyword: String? {
        switch self {
        case .alt: "else"
        case .par: "and"
        case .critical: "option"
        default: nil
        }
    }
}

/// One event of a sequence diagram, in order from top to bottom.
enum SequenceEvent: Sendable {
    case message(from: Int, to: Int, text: Label, arrow: MessageArrow, number: Int?, activate: Bool, deactivate: Bool, line: Int)
    case note(participants: [Int], placement: NotePlacement, text: Label)
    case activate(Int)
    case deactivate(Int)
    /// The participant appears at the next message that involves it.
    case create(Int)
    /// The participant's lifeline ends at the next message that involves it.
    case destroy(Int)
    case blockStart(BlockKind, Label, color: String?)
    case blockSection(Label)
    case blockEnd
}

/// A `box … end` group of participants.
struct ParticipantGroup: Sendable {
    var label: Label
    var color: String?
}

/// A parsed sequence diagram.
struct SequenceDiagram: Sendable {
    var participants: [Participant] = []
    var index: [String: Int] = [:]
    var events: [SequenceEvent] = []
    var groups: [ParticipantGroup] = []
    var title: String?
}
