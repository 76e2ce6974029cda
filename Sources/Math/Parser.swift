/// Turns tokens into a ``MathNode`` tree: math lists, groups, scripts and arguments.
/// Commands, text, environments and chemistry live in extensions in their own files.
struct Parser {
    /// Where a math list may end, besides the end of input.
    struct Stops: OptionSet {
        let rawValue: UInt8
        /// `}` closes the list.
        static let group = Stops(rawValue: 1)
        /// `]` closes the list (optional arguments).
        static let bracket = Stops(rawValue: 2)
        /// `\right` or `\middle` closes the list.
        static let right = Stops(rawValue: 4)
        /// `&`, `\\` and `\end` close the list (table cells).
        static let cell = Stops(rawValue: 8)
        /// `\\` closes the list (top-level lines).
        static let line = Stops(rawValue: 16)
        /// `$` closes the list (math inside `\text`).
        static let dollar = Stops(rawValue: 32)
        /// `\)` closes the list (`\(…\)` inside `\text`).
        static let parenthesis = Stops(rawValue: 64)
    }

    /// Deepest nesting of groups, arguments and environments accepted. Real formulas stay far
    /// below it; the limit keeps the recursive parser within a small thread stack.
    static let maxDepth = 100

    var stream: TokenStream
    let display: Bool
    var depth = 0
    /// The math alphabet in force (`\mathbf{…}`, `\bf`), nil for the default.
    var font: MathFont?
    /// The next automatic equation number.
    var nextEquationNumber: Int
    /// A `\tag{…}` waiting for its row.
    var pendingTag: MathNode?
    /// `\nonumber` seen in the current row.
    var suppressNumber = false
    /// Whether some table row carries an equation number or tag.
    var hasLabels = false
    /// A `\label{…}` waiting for its row.
    var pendingLabel: String?
    /// The labels of numbered rows, in order.
    var labels: [EquationLabel] = []
    /// Problems the parser recovered from (unknown commands, shown in `<merror>`).
    var problems: [MathError] = []

    init(tokens: [Token], macros: [String: Macro], display: Bool, firstEquationNumber: Int) {
        stream = TokenStream(tokens: tokens, macros: macros)
        self.display = display
        nextEquationNumber = firstEquationNumber
    }

    // MARK: Nesting

    mutating func enter() throws(MathError) {
        depth += 1
        if depth > Self.maxDepth {
            throw MathError("the formula is nested more than \(Self.maxDepth) levels deep")
        }
    }

    mutating func leave() { depth -= 1 }

    // MARK: Whole formulas

    /// Parses the whole input. Top-level `\\` splits it into centred lines; `\tag` numbers it.
    mutating func parseFormula() throws(MathError) -> MathNode {
        var lines: [[MathNode]] = []
        var gaps: [Int: Double] = [:]
        while true {
            lines.append(try parseList(stops: .line))
            guard let token = try stream.next() else { break }
            switch token {
            case .command("\\"), .command("newline"), .command("cr"):
                gaps[lines.count - 1] = optionalRowGap()
            case .endGroup: throw MathError("unmatched }")
            case .command(let name): throw MathError("\\\(name) is out of place", command: "\\" + name)
            default: throw MathError("unexpected \(token.source)")
            }
        }
        // A `\\` at the end breaks to a line with nothing on it, which KaTeX draws with no height.
        if lines.count > 1, lines[lines.count - 1].isEmpty { lines.removeLast() }
        if lines.count == 1, pendingTag == nil { return Self.row(lines[0]) }
        var table = MathTable()
        table.rows = lines.map { [Self.row($0)] }
        table.spacing = .lines
        table.rowMetrics = .textLines
        table.rowGaps = gaps
        table.displayStyle = display
        table.hangsFromFirstRow = pendingTag == nil && !table.rows.contains { $0[0].isTall }
        // KaTeX centres the lines of display math and starts those of inline math at the left.
        if !display { table.alignments = [.left] }
        if let tag = pendingTag {
            table.labels = Array(repeating: nil, count: lines.count)
            table.labels[lines.count - 1] = tag
            table.labelKeys = Array(repeating: nil, count: lines.count)
            if let key = pendingLabel {
                table.labelKeys[lines.count - 1] = key
                labels.append(EquationLabel(key: key, text: Self.labelText(tag)))
            }
            hasLabels = true
            pendingTag = nil
        }
        return .table(table)
    }

    /// A row node, or the single node itself.
    ///
    /// Static, so `row(try parseList(…))` does not copy the parser (and with it the pending
    /// tokens) before the argument runs: a non-mutating method's `self` is read first, and the
    /// copy made each later token read copy the whole input (quadratic in table cells).
    static func row(_ nodes: [MathNode]) -> MathNode {
        nodes.count == 1 ? nodes[0] : .row(nodes)
    }

    /// The text of an equation number or tag without its parentheses, for ``EquationLabel``.
    static func labelText(_ label: MathNode) -> String {
        var text = ""
        func collect(_ node: MathNode) {
            switch node {
            case .text(let value, _), .identifier(let value, _, _), .number(let value), .operator(let value, _): text += value
            case .row(let children): children.forEach(collect)
            case .style(let body, _, _, _), .color(let body, _), .decorated(let body, _): collect(body)
            case .scripts(let base, let sub, let sup):
                collect(base)
                sub.map(collect)
                sup.map(collect)
            default: break
            }
        }
        collect(label)
        if text.hasPrefix("("), text.hasSuffix(")") { text = String(text.dropFirst().dropLast()) }
        return text
    }

    // MARK: Math lists

    /// Parses atoms until a stop allowed by `stops` (left unread) or the end of input.
    mutating func parseList(stops: Stops) throws(MathError) -> [MathNode] {
        try enter()
        defer { leave() }
        var list: [MathNode] = []
        var fraction: (index: Int, name: String)?
        loop: while let token = try stream.peek() {
            switch token {
            case .endGroup:
                if stops.contains(.group) { break loop }
                throw Self.unmatchedBrace(insideLeft: stops.contains(.right))
            case .character("]") where stops.contains(.bracket):
                break loop
            case .mathShift where stops.contains(.dollar):
                break loop
            case .command(")") where stops.contains(.parenthesis):
                break loop
            case .alignment:
                if stops.contains(.cell) { break loop }
                throw Self.misplaced("&")
            case .command("\\"), .command("cr"), .command("newline"):
                if stops.contains(.cell) || stops.contains(.line) { break loop }
                throw Self.misplaced("\\\\")
            case .command("end"):
                if stops.contains(.cell) { break loop }
                throw Self.misplaced("\\end")
            case .command("right"), .command("middle"):
                if stops.contains(.right) { break loop }
                throw Self.misplaced("\\right")
            case .space:
                _ = stream.nextRaw()
            case .superscript, .subscript:
                _ = stream.nextRaw()
                try attachScript(to: &list, superscript: token == .superscript)
            case .character("'"):
                try attachPrimes(to: &list)
            case .command(let name):
                switch CommandTables.kinds[name] {
                case .declaration?:
                    if let node = try parseDeclaration(name, stops: stops) {
                        list.append(node)
                        break loop
                    }
                case .infixFraction?:
                    _ = stream.nextRaw()
                    guard fraction == nil else { throw Self.ambiguous(name) }
                    if name == "above" { _ = try readDimension() }
                    fraction = (list.count, name)
                case .limitsModifier?:
                    _ = stream.nextRaw()
                    try applyLimits(name, to: &list)
                default:
                    _ = stream.nextRaw()
                    if let node = try parseCommand(name) { list.append(node) }
                }
            case .character(let scalar) where scalar >= "0" && scalar <= "9":
                list.append(parseNumber())
            default:
                if let node = try parseAtom() { list.append(node) }
            }
        }
        if let fraction {
            let numerator = Self.row(Array(list[..<fraction.index]))
            let denominator = Self.row(Array(list[fraction.index...]))
            return [Self.infixFraction(fraction.name, numerator, denominator)]
        }
        return list
    }

    private static func unmatchedBrace(insideLeft: Bool) -> MathError {
        MathError(insideLeft ? "missing \\right" : "unmatched }")
    }

    private static func ambiguous(_ name: String) -> MathError {
        MathError("ambiguous use of \\\(name)", command: "\\" + name)
    }

    private static func misplaced(_ command: String) -> MathError {
        switch command {
        case "&": return MathError("& is only allowed inside a table environment", command: "&")
        case "\\\\": return MathError("\\\\ is not allowed here", command: "\\\\")
        case "\\end": return MathError("\\end without a matching \\begin", command: "\\end")
        default: return MathError("\\right or \\middle without a matching \\left", command: "\\right")
        }
    }

    private static func infixFraction(_ name: String, _ numerator: MathNode, _ denominator: MathNode) -> MathNode {
        switch name {
        case "atop", "choose", "brace", "brack":
            let bare = MathNode.fraction(numerator, denominator, thickness: "0", displayParts: false)
            let fences = ["choose": ("(", ")"), "brace": ("{", "}"), "brack": ("[", "]")]
            guard let (open, close) = fences[name] else { return bare }
            return .row([.operator(open, OperatorAttributes(isOpening: true)), bare, .operator(close, OperatorAttributes())])
        default:
            return .fraction(numerator, denominator, thickness: nil, displayParts: false)
        }
    }

    /// Reads digits, with decimal points between digits, into one `<mn>`.
    mutating func parseNumber() -> MathNode {
        var text = ""
        while case .character(let scalar)? = stream.peekRaw {
            let isDigit = scalar >= "0" && scalar <= "9"
            var isPoint = false
            if scalar == ".", case .character(let following)? = stream.peekSecondRaw, following >= "0", following <= "9",
                !text.isEmpty
            {
                isPoint = true
            }
            guard isDigit || isPoint else { break }
            text.unicodeScalars.append(scalar)
            _ = stream.nextRaw()
        }
        if let font, !font.isUpright { return .number(font.map(text)) }
        return .number(text)
    }

    // MARK: Groups and arguments

    /// Parses `{…}` after its `{` has been read, restoring the font afterwards. A group that is
    /// one scripted atom stays a group, so that it takes scripts of its own (`{x_i}^2`); `\\`
    /// inside a group breaks it into left-aligned lines, as KaTeX does.
    mutating func parseGroupBody() throws(MathError) -> MathNode {
        let savedFont = font
        defer { font = savedFont }
        var lines = [try parseList(stops: [.group, .line])]
        var gaps: [Int: Double] = [:]
        while true {
            let token = try stream.next()
            if token == .endGroup { break }
            guard token == .command("\\") || token == .command("newline") || token == .command("cr") else {
                throw MathError("missing } to close a group")
            }
            gaps[lines.count - 1] = optionalRowGap()
            lines.append(try parseList(stops: [.group, .line]))
        }
        if lines.count > 1, lines[lines.count - 1].isEmpty { lines.removeLast() }
        if lines.count > 1 {
            var table = MathTable()
            table.rows = lines.map { [Self.row($0)] }
            table.alignments = [.left]
            table.spacing = .compact
            table.rowMetrics = .textLines
            table.rowGaps = gaps
            table.hangsFromFirstRow = !table.rows.contains { $0[0].isTall }
            return .table(table)
        }
        let list = lines[0]
        if list.count == 1, case .scripts = list[0], try takesScripts() { return .row(list) }
        if list.count == 1, case .limits(_, _, _, false, false) = list[0], try takesScripts() { return .row(list) }
        return Self.row(list)
    }

    /// Whether a script or prime comes next (after spaces).
    private mutating func takesScripts() throws(MathError) -> Bool {
        stream.skipSpaces()
        switch try stream.peek() {
        case .superscript?, .subscript?, .character("'")?: return true
        default: return false
        }
    }

    /// Parses a mandatory argument: a `{…}` group or a single atom.
    mutating func parseArgument(for command: String) throws(MathError) -> MathNode {
        stream.skipSpaces()
        guard let token = try stream.peek() else {
            throw MathError("missing argument", command: "\\" + command)
        }
        switch token {
        case .beginGroup:
            _ = stream.nextRaw()
            return try parseGroupBody()
        case .endGroup, .alignment, .superscript, .subscript:
            throw MathError("missing argument", command: "\\" + command)
        default:
            try enter()
            defer { leave() }
            return try parseAtom() ?? .empty
        }
    }

    /// Parses an optional `[…]` argument in math mode, if one comes next.
    mutating func parseOptionalArgument() throws(MathError) -> MathNode? {
        stream.skipSpaces()
        guard try stream.peek() == .character("[") else { return nil }
        _ = stream.nextRaw()
        let list = try parseList(stops: .bracket)
        guard try stream.next() == .character("]") else { throw MathError("missing ] to close an optional argument") }
        return Self.row(list)
    }

    /// Reads a mandatory argument as plain text (a colour, an environment name, a length).
    mutating func parseRawText(for command: String) throws(MathError) -> String {
        guard let tokens = try stream.rawArgument() else {
            throw MathError("missing argument", command: "\\" + command)
        }
        return tokens.source
    }

    /// Reads an optional `[…]` argument as plain text.
    mutating func parseOptionalRawText() -> String? {
        stream.rawOptional()?.source
    }

    /// Reads the `[2pt]` that may follow `\\`: the extra space below the line, in em (nil when
    /// there is none or it is not a length).
    mutating func optionalRowGap() -> Double? {
        stream.rawOptional().flatMap { Dimension.em($0.source) }
    }

    // MARK: Scripts

    /// Attaches a `^` or `_` argument to the last atom of `list`.
    mutating func attachScript(to list: inout [MathNode], superscript: Bool) throws(MathError) {
        let base = list.popLast() ?? .empty
        let argument = try parseScriptArgument(superscript: superscript)
        if superscript, case .identifier("′", _, _) = argument, try stream.peek() != .subscript, !Self.hasLimits(base) {
            // `f^\prime` is `f'`: the prime follows its base (see attachPrimes).
            if case .scripts(_, _?, nil) = base {
            } else {
                list.append(.row([base, .operator("′", OperatorAttributes(lspace: 0, rspace: 0))]))
                return
            }
        }
        list.append(try Self.attach(argument, to: base, superscript: superscript))
    }

    private mutating func parseScriptArgument(superscript: Bool) throws(MathError) -> MathNode {
        let symbol = superscript ? "^" : "_"
        stream.skipSpaces()
        guard let token = try stream.peek() else { throw MathError("missing argument after \(symbol)", command: symbol) }
        switch token {
        case .superscript, .subscript: throw MathError("double script; use braces", command: symbol)
        case .endGroup, .alignment: throw MathError("missing argument after \(symbol)", command: symbol)
        case .character("'"): throw MathError("a prime cannot be a script", command: symbol)
        default: return try parseArgument(for: symbol)
        }
    }

    static func attach(_ script: MathNode, to base: MathNode, superscript: Bool) throws(MathError) -> MathNode {
        let double = MathError(superscript ? "double superscript" : "double subscript", command: superscript ? "^" : "_")
        switch base {
        case .scripts(let inner, let sub, let sup):
            if superscript {
                guard sup == nil else { throw double }
                return .scripts(inner, sub: sub, sup: script)
            }
            guard sub == nil else { throw double }
            return .scripts(inner, sub: script, sup: sup)
        case .limits(let inner, let under, let over, false, false) where hasLimits(inner):
            if superscript {
                guard over == nil else { throw double }
                return .limits(inner, under: under, over: script, accent: false, accentUnder: false)
            }
            guard under == nil else { throw double }
            return .limits(inner, under: script, over: over, accent: false, accentUnder: false)
        default:
            if hasLimits(base) || isBrace(base) {
                return .limits(
                    base, under: superscript ? nil : script, over: superscript ? script : nil,
                    accent: false, accentUnder: false)
            }
            return .scripts(base, sub: superscript ? nil : script, sup: superscript ? script : nil)
        }
    }

    private static func hasLimits(_ node: MathNode) -> Bool {
        if case .operator(_, let attributes) = node { return attributes.limits != .scripts }
        return false
    }

    /// `\overbrace{…}` and `\underbrace{…}` take their label as a limit.
    private static func isBrace(_ node: MathNode) -> Bool {
        if case .limits(_, let under, let over, _, _) = node {
            if case .operator(let mark, _)? = over, mark == "⏞" || mark == "⎴" { return true }
            if case .operator(let mark, _)? = under, mark == "⏟" || mark == "⎵" { return true }
        }
        return false
    }

    /// `x'`, `x''^2`: primes. The prime characters are already raised and small, and Chromium does
    /// not switch to the font's script-size primes: as a superscript they sit too high and
    /// shrink. A prime alone follows its base at full size; with other scripts it is a
    /// superscript lowered by a fifth of an em.
    private mutating func attachPrimes(to list: inout [MathNode]) throws(MathError) {
        var count = 0
        while stream.peekRaw == .character("'") {
            _ = stream.nextRaw()
            count += 1
        }
        let primes = ["′", "″", "‴", "⁗"]
        var text = ""
        var remaining = count
        while remaining > 0 {
            let chunk = min(remaining, 4)
            text += primes[chunk - 1]
            remaining -= chunk
        }
        let mark = MathNode.operator(text, OperatorAttributes(lspace: 0, rspace: 0))
        let base = list.popLast() ?? .empty
        stream.skipSpaces()
        let next = try stream.peek()
        var hasSubscript = false
        if case .scripts(_, let sub, nil) = base, sub != nil { hasSubscript = true }
        if next != .superscript, next != .subscript, !hasSubscript, !Self.hasLimits(base) {
            list.append(.row([base, mark]))
            return
        }
        var sup = MathNode.raised(mark, voffset: -0.2)
        if next == .superscript {
            _ = stream.nextRaw()
            sup = .row([sup, try parseScriptArgument(superscript: true)])
        }
        list.append(try Self.attach(sup, to: base, superscript: true))
    }

    /// `\limits` and `\nolimits` change how the preceding operator takes its scripts.
    private func applyLimits(_ name: String, to list: inout [MathNode]) throws(MathError) {
        guard case .operator(let text, var attributes)? = list.last else {
            throw MathError("\\\(name) must follow an operator", command: "\\" + name)
        }
        switch name {
        case "limits": attributes.limits = .limits
        case "nolimits": attributes.limits = .scripts
        default: attributes.limits = .displayLimits
        }
        list[list.count - 1] = .operator(text, attributes)
    }
}
