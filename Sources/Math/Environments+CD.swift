/// `\begin{CD}` (amscd): commutative diagrams of objects and arrows `@>a>b>`, `@<<<`, `@VlVrV`,
/// `@AlArA`, `@=`, `@|` and `@.` (no arrow), laid out as a table with arrows between objects.
extension Parser {
    mutating func parseCommutativeDiagram() throws(MathError) -> MathNode {
        var rows: [[Token]] = [[]]
        var depth = 0
        while true {
            guard let token = stream.nextRaw() else {
                throw MathError("missing \\end{CD}", command: "\\begin{CD}")
            }
            if depth == 0, token == .command("end") {
                let closing = try parseRawText(for: "end")
                guard closing == "CD" else {
                    throw MathError("\\begin{CD} ended by \\end{\(closing)}", command: "\\end{\(closing)}")
                }
                break
            }
            if token == .beginGroup { depth += 1 }
            if token == .endGroup {
                guard depth > 0 else { throw MathError("unmatched } in CD", command: "\\begin{CD}") }
                depth -= 1
            }
            if depth == 0, token == .command("\\") || token == .command("cr") {
                rows.append([])
            } else {
                rows[rows.count - 1].append(token)
            }
        }
        if let last = rows.last, last.allSatisfy({ $0 == .space }), rows.count > 1 { rows.removeLast() }
        var table = MathTable()
        table.displayStyle = true
        table.rowMetrics = .diagram
        for row in rows { table.rows.append(try parseDiagramRow(row)) }
        return .table(table)
    }

    /// One row: objects with horizontal arrows between them, or a row of vertical arrows that
    /// stand under the objects (with empty cells where the horizontal arrows are).
    private mutating func parseDiagramRow(_ tokens: [Token]) throws(MathError) -> [MathNode] {
        var cells: [MathNode] = []
        var object: [Token] = []
        var isVertical = false
        var index = 0
        func readUntil(_ mark: Token) -> [Token] {
            var part: [Token] = []
            while index < tokens.count, tokens[index] != mark {
                part.append(tokens[index])
                index += 1
            }
            index += 1
            return part
        }
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            guard token == .character("@"), index < tokens.count, case .character(let kind) = tokens[index] else {
                object.append(token)
                continue
            }
            index += 1
            switch kind {
            case ">", "<", "=":
                let above = kind == "=" ? [] : readUntil(.character(kind))
                let below = kind == "=" ? [] : readUntil(.character(kind))
                cells.append(try parseTokens(object))
                object = []
                cells.append(try horizontalArrow(kind, above: above, below: below))
            case "V", "A", "|", ".":
                let left = kind == "V" || kind == "A" ? readUntil(.character(kind)) : []
                let right = kind == "V" || kind == "A" ? readUntil(.character(kind)) : []
                if isVertical { cells.append(.empty) }
                isVertical = true
                cells.append(try verticalArrow(kind, left: left, right: right))
            default:
                throw MathError("unknown CD arrow @\(Character(kind))", command: "\\begin{CD}")
            }
        }
        if !isVertical { cells.append(try parseTokens(object)) }
        return cells
    }

    /// Parses tokens set aside earlier as one math list.
    private mutating func parseTokens(_ tokens: [Token]) throws(MathError) -> MathNode {
        try stream.push(tokens + [.endGroup])
        let list = try parseList(stops: .group)
        guard try stream.next() == .endGroup else { throw MathError("missing } in CD", command: "\\begin{CD}") }
        return Self.row(list)
    }

    private mutating func label(_ tokens: [Token]) throws(MathError) -> MathNode? {
        guard tokens.contains(where: { $0 != .space }) else { return nil }
        return .style(try parseTokens(tokens), displayStyle: false, scriptLevel: 1, size: nil)
    }

    private mutating func horizontalArrow(_ kind: Unicode.Scalar, above: [Token], below: [Token]) throws(MathError) -> MathNode {
        let mark = kind == ">" ? "→" : kind == "<" ? "←" : "="
        let over = try label(above).map { MathNode.row([.space(0.3), $0, .space(0.3)]) } ?? .space(2)
        let under = try label(below).map { MathNode.row([.space(0.3), $0, .space(0.3)]) }
        let arrow = MathNode.operator(mark, OperatorAttributes(stretchy: true, lspace: 0, rspace: 0))
        return .limits(arrow, under: under, over: over, accent: false, accentUnder: false)
    }

    private mutating func verticalArrow(_ kind: Unicode.Scalar, left: [Token], right: [Token]) throws(MathError) -> MathNode {
        guard kind != "." else { return .empty }
        let mark = kind == "V" ? "↓" : kind == "A" ? "↑" : "‖"
        let arrow = MathNode.operator(mark, OperatorAttributes(stretchy: true, symmetric: true, lspace: 0.1, rspace: 0.1, size: 2))
        var parts: [MathNode] = []
        if let left = try label(left) { parts.append(.padded(left, width: "0", height: nil, depth: nil, lspace: "-100%")) }
        parts.append(arrow)
        if let right = try label(right) { parts.append(.padded(right, width: "0", height: nil, depth: nil, lspace: nil)) }
        return .row(parts)
    }
}
