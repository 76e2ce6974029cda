/// The way a flowchart or subgraph flows.
enum FlowDirection: String, Sendable {
    case topToBottom = "TB"
    case bottomToTop = "BT"
    case leftToRight = "LR"
    case rightToLeft = "RL"

    /// `TB`, `TD`, `BT`, `LR`, `RL` (and Mermaid's `v`, `^`, `>`, `<`).
    init?(code: String) {
        switch code.uppercased() {
        case "TB", "TD", "V": self = .topToBottom
        case "BT", "^": self = .bottomToTop
        case "LR", ">": self = .leftToRight
        case "RL", "<": self = .rightToLeft
        default: return nil
        }
    }

    /// Whether layers run across the page (left to right or right to left).
    var isHorizontal: Bool { self == .leftToRight || self == .rightToLeft }
    /// Whether the flow runs against the axis (upwards or leftwards).
    var isReversed: Bool { self == .bottomToTop || self == .rightToLeft }
}

/// Fill, stroke and text colour from `classDef`, `class`, `:::` and `style`.
struct NodeStyle: Sendable, Equatable {
    /// CSS declarations, in order, with values limited to safe characters.
    var declarations: [(String, String)] = []

    static func == (lhs: NodeStyle, rhs: NodeStyle) -> Bool {
        lhs.declarations.map { $0.0 + ":" + $0.1 } == rhs.declarations.map { $0.0 + ":" + $0.1 }
    }

    /// Reads `fill:#f9f,stroke:#333,stroke-width:4px`; unknown properties and unsafe values are left out.
    init(_ text: String = "") {
        let allowed: Set<String> = [
            "fill", "stroke", "stroke-width", "stroke-dasharray", "color", "font-weight",
            "font-style", "opacity", "fill-opacity", "stroke-opacity", "font-size",
        ]
        for part in text.split(separator: ",") {
            guard let colon = part.firstIndex(of: ":") else { continue }
            let key = part[..<colon].trimmingSpaces.lowercased()
            var value = part[part.index(after: colon)...].trimmingSpaces
            if value.hasSuffix(";") { value.removeLast() }
            guard allowed.contains(key), !value.isEmpty,
                value.allSatisfy({ $0.isLetter || $0.isNumber || " #.%()-".contains($0) })
            else { continue }
            declarations.append((key, value))
        }
    }

    /// Later declarations of `other` replace this style's.
    mutating func merge(_ other: NodeStyle) {
        for (key, value) in other.declarations {
            declarations.removeAll { $0.0 == key }
            declarations.append((key, value))
        }
    }

    func value(_ key: String) -> String? { declarations.last { $0.0 == key }?.1 }

    /// The declarations for the shape (everything but text properties).
    var shapeCSS: String {
        declarations.filter { !["color", "font-weight", "font-style", "font-size"].contains($0.0) }
            .map { "\($0.0):\($0.1)" }.joined(separator: ";")
    }

    /// The declarations for the label text (`color` becomes `fill`).
    var textCSS: String {
        declarations.compactMap { key, value in
            switch key {
            case "color": return "fill:\(value)"
            case "font-weight", "font-style": return "\(key):\(value)"
            default: return nil
            }
        }.joined(separator: ";")
    }
}

/// A node of a flowchart.
struct FlowNode: Sendable {
    var id: String
    var label: Label
    var shape: NodeShape = .rectangle
    var classes: [String] = []
    var style = NodeStyle()
    var link: String?
    var tooltip: String?
    /// The subgraph the node belongs to (its index), or nil at the top level.
    var parent: Int?
    var line: Int
    /// A class diagram's class box: the attribute and method compartments drawn under the label
    /// (nil for every other node).
    var compartments: [[Label]]?
}

/// How an edge's line is drawn.
enum LineStyle: Sendable, Equatable { case solid, dotted, thick, invisible }

/// What an edge end carries: flowchart arrows, circles and crosses, and a class diagram's hollow
/// triangle (inheritance, realization), diamonds (aggregation hollow, composition filled) and lollipop (interface).
enum EdgeEnd: Sendable, Equatable { case none, arrow, circle, cross, triangle, diamond, filledDiamond, lollipop }

/// A link between two nodes (or subgraphs).
struct FlowEdge: Sendable {
    var from: String
    var to: String
    var label: Label
    var line: LineStyle
    var startMark: EdgeEnd
    var endMark: EdgeEnd
    /// The minimum number of layers between the ends (longer links: `--->`).
    var length: Int
    var style = NodeStyle()
    var sourceLine: Int
    /// Text at the link's start and end (a class diagram's cardinalities, `"1" --> "*"`).
    var startLabel = ""
    var endLabel = ""
}

/// A `subgraph … end` block.
struct Subgraph: Sendable {
    var id: String
    var title: Label
    var direction: FlowDirection?
    var parent: Int?
    var style = NodeStyle()
    var classes: [String] = []
    var line: Int
}

/// A parsed flowchart.
struct Flowchart: Sendable {
    /// The kind of diagram drawn as this flowchart (state and class diagrams are too).
    var kind = DiagramKind.flowchart
    /// What the drawing is called in its description ("Flowchart", "State diagram").
    var noun = "Flowchart"
    /// What its nodes are called in the description, one and several.
    var nodeNoun = "node"
    var nodeNounPlural = "nodes"
    var direction: FlowDirection = .topToBottom
    var nodes: [FlowNode] = []
    var nodeIndex: [String: Int] = [:]
    var edges: [FlowEdge] = []
    var subgraphs: [Subgraph] = []
    var subgraphIndex: [String: Int] = [:]
    var classes: [String: NodeStyle] = [:]
}
