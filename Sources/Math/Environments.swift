/// How one `\begin{…}` environment lays out its table.
struct EnvironmentLayout {
    enum Columns { case centered, alternating, left, fromSpecification }
    enum Numbering { case none, eachRow, once }

    var open: String?
    var close: String?
    var columns: Columns = .centered
    var spacing: MathTable.Spacing = .matrix
    var displayStyle = false
    var numbering: Numbering = .none
    var scriptLevel: Int?
    var rows = RowMetrics.array()

    /// The layout of a supported environment, or nil.
    static func named(_ name: String) -> EnvironmentLayout? {
        let base = name.hasSuffix("*") ? String(name.dropLast()) : name
        let starred = base != name
        let delimiters: [String: (String?, String?)] = [
            "matrix": (nil, nil), "pmatrix": ("(", ")"), "bmatrix": ("[", "]"), "Bmatrix": ("{", "}"),
            "vmatrix": ("|", "|"), "Vmatrix": ("‖", "‖"),
        ]
        if let (open, close) = delimiters[base] { return EnvironmentLayout(open: open, close: close) }
        switch base {
        // Matrix spacing at script size: the columns keep a gap, as in KaTeX.
        case "smallmatrix": return EnvironmentLayout(scriptLevel: 1, rows: .small)
        case "array", "darray":
            return EnvironmentLayout(columns: .fromSpecification, displayStyle: base == "darray")
        case "subarray": return EnvironmentLayout(columns: .fromSpecification, spacing: .compact, rows: .substack)
        case "cases", "dcases":
            return EnvironmentLayout(open: "{", columns: .left, displayStyle: base == "dcases", rows: .cases)
        case "rcases", "drcases":
            return EnvironmentLayout(close: "}", columns: .left, displayStyle: base == "drcases", rows: .cases)
        case "aligned", "split", "alignedat":
            return EnvironmentLayout(columns: .alternating, spacing: .aligned, displayStyle: true, rows: .multiline)
        case "align", "alignat", "flalign":
            return EnvironmentLayout(
                columns: .alternating, spacing: .aligned, displayStyle: true,
                numbering: starred ? .none : .eachRow, rows: .multiline)
        case "gathered": return EnvironmentLayout(spacing: .lines, displayStyle: true, rows: .multiline)
        case "gather":
            return EnvironmentLayout(
                spacing: .lines, displayStyle: true, numbering: starred ? .none : .eachRow,
                rows: .multiline)
        case "equation":
            return EnvironmentLayout(spacing: .lines, displayStyle: true, numbering: starred ? .none : .once)
        case "multline":
            return EnvironmentLayout(
                spacing: .lines, displayStyle: true, numbering: starred ? .none : .once,
                rows: .multiline)
        default: return nil
        }
    }
}

extension Parser {
    /// Parses an environment after `\begin`.
    mutating func parseEnvironment() throws(MathError) -> MathNode {
        try enter()
        defer { leave() }
        let name = try parseRawText(for: "begin")
        if name == "CD" { return try parseCommutativeDiagram() }
        guard let layout = EnvironmentLayout.named(name) else {
            throw MathError("unknown environment \(name)", command: "\\begin{\(name)}")
        }
        var table = MathTable()
        table.spacing = layout.spacing
        table.rowMetrics = layout.rows
        // amsmath's smallmatrix separates its columns by a thick space (5/18em) of its script size.
        if name == "smallmatrix" { table.columnSeparation = 5.0 / 18 }
        table.displayStyle = layout.displayStyle
        // amsmath's matrices and cases have no column gap outside their first and last columns.
        table.tightEdges = layout.spacing == .matrix && layout.columns != .fromSpecification
        switch layout.columns {
        case .centered: break
        case .left: table.alignments = [.left]
        case .alternating: table.alignments = [.right, .left]
        case .fromSpecification: try parseColumnSpecification(into: &table, environment: name)
        }
        if name.hasPrefix("alignat") || name.hasPrefix("alignedat") { _ = try parseRawText(for: "begin") }
        if name.hasSuffix("matrix*"), let option = parseOptionalRawText() {
            table.alignments = [option == "l" ? .left : option == "r" ? .right : .center]
        }
        let savedTag = pendingTag
        let savedSuppress = suppressNumber
        let savedLabel = pendingLabel
        pendingTag = nil
        suppressNumber = false
        pendingLabel = nil
        defer {
            pendingTag = savedTag
            suppressNumber = savedSuppress
            pendingLabel = savedLabel
        }
        try parseRows(into: &table, environment: name, numbering: layout.numbering)
        return wrap(table, layout: layout)
    }

    private mutating func parseRows(
        into table: inout MathTable, environment name: String,
        numbering: EnvironmentLayout.Numbering
    ) throws(MathError) {
        var rowTags: [MathNode?] = []
        var rowSuppressed: [Bool] = []
        var rowKeys: [String?] = []
        while true {
            try readRowLines(into: &table)
            var cells: [MathNode] = []
            var ended = false
            cellLoop: while true {
                cells.append(Self.row(try parseList(stops: .cell)))
                guard let token = try stream.next() else {
                    throw MathError("missing \\end{\(name)}", command: "\\begin{\(name)}")
                }
                switch token {
                case .alignment: continue cellLoop
                case .command("\\"), .command("cr"), .command("newline"):
                    if let gap = optionalRowGap() { table.rowGaps[table.rows.count] = gap }
                    break cellLoop
                default:
                    let closing = try parseRawText(for: "end")
                    guard closing == name else {
                        throw MathError("\\begin{\(name)} ended by \\end{\(closing)}", command: "\\end{\(closing)}")
                    }
                    ended = true
                    break cellLoop
                }
            }
            let isTrailingEmpty = ended && !table.rows.isEmpty && cells.count == 1 && Self.isEmpty(cells[0])
            if !isTrailingEmpty, cells.allSatisfy(Self.isEmpty) {
                // An empty row keeps a line's height, as in KaTeX: its number must not overprint the next.
                cells[0] = Self.strut()
            }
            if !isTrailingEmpty {
                table.rows.append(cells)
                rowTags.append(pendingTag)
                rowSuppressed.append(suppressNumber)
                rowKeys.append(pendingLabel)
            }
            pendingTag = nil
            suppressNumber = false
            pendingLabel = nil
            if ended { break }
        }
        assignLabels(to: &table, tags: rowTags, suppressed: rowSuppressed, numbering: numbering)
        assignKeys(to: &table, keys: rowKeys, once: numbering == .once)
    }

    /// Gives each numbered row its `\label` key; in `equation` any row's label names the one number.
    private mutating func assignKeys(to table: inout MathTable, keys: [String?], once: Bool) {
        guard !table.labels.isEmpty, keys.contains(where: { $0 != nil }) else { return }
        var keys = keys
        if once, let key = keys.compactMap({ $0 }).last {
            keys = Array(repeating: nil, count: keys.count)
            keys[keys.count - 1] = key
        }
        table.labelKeys = Array(repeating: nil, count: table.rows.count)
        for (index, key) in keys.enumerated() {
            guard let key, index < table.labels.count, let label = table.labels[index] else { continue }
            table.labelKeys[index] = key
            labels.append(EquationLabel(key: key, text: Self.labelText(label)))
        }
    }

    private mutating func assignLabels(
        to table: inout MathTable, tags: [MathNode?], suppressed: [Bool],
        numbering: EnvironmentLayout.Numbering
    ) {
        var labels: [MathNode?] = Array(repeating: nil, count: table.rows.count)
        switch numbering {
        case .eachRow:
            for index in labels.indices {
                if let tag = tags[index] {
                    labels[index] = tag
                } else if !suppressed[index] {
                    labels[index] = .text("(\(nextEquationNumber))", css: nil)
                    nextEquationNumber += 1
                }
            }
        case .once:
            guard !labels.isEmpty else { break }
            if let tag = tags.compactMap({ $0 }).last {
                labels[labels.count - 1] = tag
            } else if !suppressed.contains(true) {
                labels[labels.count - 1] = .text("(\(nextEquationNumber))", css: nil)
                nextEquationNumber += 1
            }
        case .none:
            for index in labels.indices { labels[index] = tags[index] }
        }
        table.labels = labels.contains(where: { $0 != nil }) ? labels : []
        if !table.labels.isEmpty { hasLabels = true }
    }

    /// `\hline` and `\hdashline` before a row.
    private mutating func readRowLines(into table: inout MathTable) throws(MathError) {
        while true {
            stream.skipSpaces()
            guard case .command(let name)? = try stream.peek(), name == "hline" || name == "hdashline" else { return }
            _ = stream.nextRaw()
            table.rowLines[table.rows.count] = name == "hline" ? "solid" : "dashed"
        }
    }

    private static func isEmpty(_ node: MathNode) -> Bool {
        if case .row(let children) = node { return children.isEmpty }
        return false
    }

    /// `{c|ll:r}`: column alignments and vertical rules.
    private mutating func parseColumnSpecification(into table: inout MathTable, environment: String) throws(MathError) {
        guard let tokens = try stream.rawArgument() else {
            throw MathError("missing column specification", command: "\\begin{\(environment)}")
        }
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            guard case .character(let scalar) = token else {
                if token == .space { continue }
                throw MathError("invalid column specification", command: "\\begin{\(environment)}")
            }
            switch scalar {
            case "c": table.alignments.append(.center)
            case "l": table.alignments.append(.left)
            case "r": table.alignments.append(.right)
            case "|": table.columnLines[table.alignments.count] = "solid"
            case ":": table.columnLines[table.alignments.count] = "dashed"
            case "p", "m", "b", "@", "!":
                if "pmb".unicodeScalars.contains(scalar) { table.alignments.append(.left) }
                if index < tokens.count, tokens[index] == .beginGroup {
                    var depth = 0
                    repeat {
                        if tokens[index] == .beginGroup { depth += 1 }
                        if tokens[index] == .endGroup { depth -= 1 }
                        index += 1
                    } while index < tokens.count && depth > 0
                }
            default:
                throw MathError("invalid column type \(scalar)", command: "\\begin{\(environment)}")
            }
        }
        if table.alignments.isEmpty { table.alignments = [.center] }
    }

    private func wrap(_ table: MathTable, layout: EnvironmentLayout) -> MathNode {
        var node = MathNode.table(table)
        if table.labels.isEmpty, layout.numbering == .once, table.rows.count == 1, table.rows[0].count == 1 {
            node = table.rows[0][0]
        }
        if layout.open != nil || layout.close != nil {
            var parts: [MathNode] = []
            if let open = layout.open {
                parts.append(.operator(open, OperatorAttributes(stretchy: true, fence: true, form: "prefix", isOpening: true)))
            }
            parts.append(node)
            if let close = layout.close {
                parts.append(.operator(close, OperatorAttributes(stretchy: true, fence: true, form: "postfix")))
            }
            node = .row(parts)
        }
        if let level = layout.scriptLevel { node = .style(node, displayStyle: false, scriptLevel: level, size: nil) }
        return node
    }
}
