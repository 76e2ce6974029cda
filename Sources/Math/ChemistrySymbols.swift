/// The arrows, bonds and operators of mhchem's `\ce`, as MathML nodes.
enum ChemistrySymbols {
    /// Reaction arrows, longest first so `<-->` is not read as `<-`.
    static let arrows: [(pattern: String, arrow: String)] = [
        ("<-->", "⇄"), ("<=>>", "⇌"), ("<<=>", "⇌"), ("<=>", "⇌"), ("<->", "↔"), ("->", "→"), ("<-", "←"),
        ("\u{2192}", "→"), ("\u{27F6}", "→"), ("\u{21CC}", "⇌"),
    ]

    /// Operators written between spaces: `A + B`, `A = B`, `A \pm B`.
    static let operators: [(pattern: String, symbol: String, isRelation: Bool)] = [
        ("+/-", "±", false), ("+-", "±", false), ("$\\pm$", "±", false), ("\\pm", "±", false),
        ("$\\approx$", "≈", true), ("\\approx", "≈", true), ("<<", "≪", true), (">>", "≫", true),
        ("+", "+", false), ("-", "−", false), ("=", "=", true), ("<", "<", true), (">", ">", true),
    ]

    /// An operator: binary ones get a medium space on each side, relations a thick one.
    static func operatorNode(_ symbol: String, isRelation: Bool) -> MathNode {
        let space = isRelation ? 0.2778 : 0.2222
        return .operator(symbol, OperatorAttributes(stretchy: false, lspace: space, rspace: space))
    }

    /// `^` (gas) and `v` (precipitate) as arrows spaced like relations.
    static func gasOrPrecipitate(_ up: Bool) -> MathNode {
        .operator(up ? "↑" : "↓", OperatorAttributes(stretchy: false, lspace: 0.2778, rspace: 0.2778))
    }

    private static func tight(_ symbol: String) -> MathNode {
        .operator(symbol, OperatorAttributes(stretchy: false, lspace: 0, rspace: 0))
    }

    /// Three short dashes on the axis: a partial bond (mhchem's `\tripledash`).
    private static var tripleDash: MathNode {
        let dash = MathNode.text("-", css: nil)
        let dashes = MathNode.style(
            .row([.space(0.111), dash, .space(0.056), dash, .space(0.056), dash, .space(0.111)]),
            displayStyle: nil, scriptLevel: nil, size: 0.5)
        return .raised(dashes, voffset: 0.14)
    }

    /// Nodes drawn in the same place, each raised by its shift in em; all but the last take no width.
    private static func layered(_ layers: [(node: MathNode, shift: Double)]) -> MathNode {
        var nodes: [MathNode] = []
        for (position, layer) in layers.enumerated() {
            let raised = layer.shift == 0 ? layer.node : .raised(layer.node, voffset: layer.shift)
            nodes.append(position == layers.count - 1 ? raised : .padded(raised, width: "0", height: nil, depth: nil, lspace: nil))
        }
        return .row(nodes)
    }

    /// The bond `\bond{kind}` or a bond typed in a formula (`-`, `=`, `#`), nil for an unknown kind.
    static func bond(_ kind: String) -> MathNode? {
        switch kind {
        case "-", "1": return tight("−")
        case "=", "2": return tight("=")
        case "#", "3", "≡": return tight("≡")
        case "~": return tripleDash
        case "~-": return layered([(tight("−"), -0.1), (tripleDash, 0.1)])
        case "~=", "~--": return layered([(tight("−"), -0.2), (tripleDash, 0.2), (tight("−"), 0)])
        case "-~-": return layered([(tight("−"), -0.2), (tight("−"), 0.2), (tripleDash, 0)])
        case "...": return .row(Array(repeating: tight("⋅"), count: 3))
        case "....": return .row(Array(repeating: tight("⋅"), count: 4))
        case "->": return tight("→")
        case "<-": return tight("←")
        case "<": return tight("<")
        case ">": return tight(">")
        default: return nil
        }
    }

    /// A hyphen inside a name (`n-Pr`, `\mu-Cl`), not a bond.
    static var hyphen: MathNode { .text("-", css: nil) }

    /// The dot of an addition compound (`CuSO4*5H2O`): a centred dot with a thin space each side.
    static var additionDot: MathNode {
        .row([.space(0.1667), tight("⋅"), .space(0.1667)])
    }
}
