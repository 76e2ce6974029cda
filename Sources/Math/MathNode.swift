/// How an operator places its scripts.
enum LimitsPlacement: Sendable {
    /// Ordinary sub- and superscripts.
    case scripts
    /// Above and below in display style, as scripts inline (`\sum`, `\lim`).
    case displayLimits
    /// Always above and below (`\limits`).
    case limits
}

/// The attributes of an `<mo>`.
struct OperatorAttributes: Sendable, Equatable {
    var stretchy: Bool?
    var symmetric: Bool?
    var fence: Bool = false
    var form: String?
    var lspace: Double?
    var rspace: Double?
    var size: Double?
    var limits: LimitsPlacement = .scripts
    /// A named function such as `\sin` or `\lim`, followed by a function application.
    var isFunction = false
    /// `(`, `[` and the like: a function name before one takes no space.
    var isOpening = false
    /// `)`, `]`, `|`: a binary operator after one stays binary.
    var isClosing = false
    /// `+`, `−`, `\times`: spaced as binary only between two operands.
    var isBinary = false
    /// `\sum`, `\int`: a large operator.
    var isLarge = false
}

/// A table (matrix, array, aligned equations) with its layout.
struct MathTable: Sendable {
    enum Alignment: Sendable { case left, center, right }
    enum Spacing: Sendable {
        /// Matrices and arrays: padding on both sides of every column.
        case matrix
        /// `align`-like: right/left column pairs with no gap inside a pair.
        case aligned
        /// `gather` and top-level lines: centred lines with a gap between them.
        case lines
        /// `\substack`: no padding.
        case compact
    }

    var rows: [[MathNode]] = []
    var alignments: [Alignment] = []
    /// Vertical rules: after column `i` (index 0 is the left edge).
    var columnLines: [Int: String] = [:]
    /// Horizontal rules above row `i` (`rows.count` means below the last).
    var rowLines: [Int: String] = [:]
    /// Equation numbers or tags, one per row (nil for none).
    var labels: [MathNode?] = []
    /// `\label` keys of the rows, one per row (nil for none); the number cell gets their id.
    var labelKeys: [String?] = []
    var spacing: Spacing = .matrix
    var displayStyle = false
    /// No padding left of the first column and right of the last (matrices, `cases`).
    var tightEdges = false
    /// Space on each side of a column of a matrix or array (LaTeX's `\arraycolsep`, 5pt), in em
    /// of the cells.
    var columnSeparation = 0.5
    /// The rows' struts and `\jot`.
    var rowMetrics = RowMetrics.array()
    /// `\\[gap]` after row `i`: the gap in em.
    var rowGaps: [Int: Double] = [:]
    /// Lines of text broken by `\\` (outside any environment) with no row taller than a line: the
    /// first row stands on the formula's baseline and the others hang below it, as KaTeX breaks
    /// lines, instead of the table being centred on the math axis.
    var hangsFromFirstRow = false

    func alignment(ofColumn column: Int) -> Alignment {
        if alignments.isEmpty { return .center }
        return column < alignments.count ? alignments[column] : alignments[alignments.count - 1]
    }
}

/// The parsed formula: a small tree that ``MathMLWriter`` turns into MathML.
enum MathNode: Sendable {
    /// `<mi>`; `upright` forces `mathvariant="normal"` on a single letter.
    case identifier(String, upright: Bool, isFunction: Bool)
    /// `<mn>`
    case number(String)
    /// `<mo>`
    case `operator`(String, OperatorAttributes)
    /// `<mtext>` with optional CSS.
    case text(String, css: String?)
    /// `<mrow>`
    case row([MathNode])
    /// `<mfrac>`; `cramped` puts both parts in display style (`\cfrac`).
    indirect case fraction(MathNode, MathNode, thickness: String?, displayParts: Bool)
    /// `<msqrt>` or, with an index, `<mroot>`.
    indirect case radical(MathNode, index: MathNode?)
    /// `<msub>`, `<msup>` or `<msubsup>`.
    indirect case scripts(MathNode, sub: MathNode?, sup: MathNode?)
    /// `<mmultiscripts>` with scripts before the base only (an isotope's mass and atomic number).
    indirect case prescripts(MathNode, sub: MathNode?, sup: MathNode?)
    /// `<munder>`, `<mover>` or `<munderover>`.
    indirect case limits(MathNode, under: MathNode?, over: MathNode?, accent: Bool, accentUnder: Bool)
    /// `<mspace>` of a width in em (negative widths pull the neighbours together).
    case space(Double)
    /// `<mstyle>` changing display style, script level or size.
    indirect case style(MathNode, displayStyle: Bool?, scriptLevel: Int?, size: Double?)
    /// `<mstyle mathcolor>`
    indirect case color(MathNode, String)
    /// `<mphantom>`
    indirect case phantom(MathNode)
    /// `<mpadded>` with zeroed width, height or depth (`\hphantom`, `\smash`, `\rlap`).
    indirect case padded(MathNode, width: String?, height: String?, depth: String?, lspace: String?)
    /// `<mrow>` with CSS, for boxes and strike-outs.
    indirect case decorated(MathNode, css: String)
    /// `<mtable>`
    case table(MathTable)
    /// `<mpadded voffset>`: the content moved up by a length in em (`\raisebox`).
    indirect case raised(MathNode, voffset: Double)
    /// A filled `<mspace>` (`\rule`), raised by `raise` em.
    case rule(width: Double, height: Double, raise: Double)
    /// `<mrow>` with HTML attributes (`\htmlClass`, `\htmlId`, `\htmlStyle`, `\htmlData`).
    indirect case attributed(MathNode, [HTMLAttribute])
    /// `<merror>` around the source of something that could not be rendered (an unknown command).
    case error(String)
    /// `\ldots` (low) or `\cdots` (on the axis): three dots a thin space apart, an inner atom
    /// that keeps a thin space from ordinary neighbours and punctuation, as TeX's `\mathinner`.
    case dots(centered: Bool)
    /// `\ref{key}` (`parenthesized` false) or `\eqref{key}`: the number of a labelled equation.
    case reference(String, parenthesized: Bool)

    static let empty = MathNode.row([])

    /// The innermost base of scripts and limits, which decides how further scripts attach.
    var core: MathNode {
        switch self {
        case .scripts(let base, _, _), .limits(let base, _, _, _, _): return base.core
        default: return self
        }
    }

    /// Whether the formula is a named function (`\sin`, `\lim`), possibly with scripts.
    var isFunction: Bool {
        switch core {
        case .identifier(_, _, let isFunction): return isFunction
        case .operator(_, let attributes): return attributes.isFunction
        default: return false
        }
    }

    /// Whether a binary operator after this node is unary (TeX turns it into an ordinary atom).
    var makesFollowingBinaryUnary: Bool {
        if case .operator(_, let attributes) = core { return !attributes.isClosing }
        return false
    }

    /// Whether the node is a binary operator.
    var isBinaryOperator: Bool {
        if case .operator(_, let attributes) = self { return attributes.isBinary }
        return false
    }

    /// Whether the node is taller than a line of text, so that `\left`/`\right` should stretch.
    var isTall: Bool {
        switch self {
        case .fraction, .radical, .table: return true
        case .limits(let base, _, _, let accent, let accentUnder):
            if accent || accentUnder { return base.isTall }
            return true
        case .operator(_, let attributes): return attributes.isLarge || attributes.size != nil
        case .scripts(let base, let sub, let sup):
            return base.isTall || (sub?.isTall ?? false) || (sup?.isTall ?? false)
        case .row(let children): return children.contains(where: \.isTall)
        case .style(let body, _, _, _), .color(let body, _), .phantom(let body), .decorated(let body, _):
            return body.isTall
        case .padded(let body, _, let height, _, _): return height == nil && body.isTall
        default: return false
        }
    }

    /// Roughly how many characters wide the node is: the characters of its tokens, fractions and
    /// tables counted by their widest part (for widening accents).
    var characterCount: Int {
        switch self {
        case .identifier(let text, _, _), .number(let text), .operator(let text, _), .text(let text, _):
            return text.count
        case .row(let children): return children.reduce(0) { $0 + $1.characterCount }
        case .fraction(let top, let bottom, _, _): return max(top.characterCount, bottom.characterCount)
        case .radical(let body, _): return body.characterCount + 1
        case .scripts(let base, let sub, let sup):
            return base.characterCount + max(sub?.characterCount ?? 0, sup?.characterCount ?? 0) / 2
        case .limits(let base, _, _, _, _), .style(let base, _, _, _), .color(let base, _), .phantom(let base),
            .padded(let base, _, _, _, _), .decorated(let base, _), .raised(let base, _), .attributed(let base, _):
            return base.characterCount
        default: return 1
        }
    }

    /// Whether this is an opening delimiter.
    var isOpening: Bool {
        if case .operator(_, let attributes) = core { return attributes.isOpening }
        if case .row(let children) = self, let first = children.first { return first.isOpening }
        return false
    }
}
