import TextUtilities

/// Writes a ``MathNode`` tree as MathML Core. Every node becomes exactly one element.
struct MathMLWriter {
    private(set) var output = ""
    /// How deep in scripts, limits, roots' indices and text-style fractions the writer is: TeX
    /// puts no space around operators and relations there (`x_{k+1}`), MathML Core does.
    private var scriptDepth = 0
    /// Whether the current style is display style (a display fraction's parts are not scripts).
    private var displayStyle = false
    /// Labels that `\ref` and `\eqref` resolve to, by key.
    var references: [String: EquationLabel] = [:]
    /// Keys of references not found in ``references``, in order of appearance.
    private(set) var unresolved: [String] = []

    /// The complete `<math>` element with the TeX source as annotation. With `numbered`, the
    /// element is made `position:relative`: equation numbers are placed against its right edge.
    static func document(
        _ node: MathNode, source: String, display: Bool, numbered: Bool,
        references: [String: EquationLabel] = [:]
    ) -> (html: String, unresolved: [String]) {
        var writer = MathMLWriter()
        writer.references = references
        writer.displayStyle = display
        writer.output.reserveCapacity(source.utf8.count * 14 + 160)
        writer.output += "<math xmlns=\"http://www.w3.org/1998/Math/MathML\""
        if display { writer.output += " display=\"block\"" }
        if numbered { writer.output += " style=\"position:relative\"" }
        writer.output += "><semantics>"
        writer.write(node)
        writer.output += "<annotation encoding=\"application/x-tex\">"
        HTMLEscaper.text.append(source, to: &writer.output)
        writer.output += "</annotation></semantics></math>"
        return (writer.output, writer.unresolved)
    }

    private static func em(_ value: Double) -> String { Dimension.format(value) + "em" }

    mutating func write(_ node: MathNode, asLimitsBase: Bool = false) {
        switch node {
        case .identifier(let text, let upright, _):
            var isLetter = false
            if upright {
                var scalars = text.unicodeScalars.makeIterator()
                if let first = scalars.next(), scalars.next() == nil { isLetter = first.properties.isAlphabetic }
            }
            output += isLetter ? "<mi mathvariant=\"normal\">" : "<mi>"
            HTMLEscaper.text.append(text, to: &output)
            output += "</mi>"
        case .number(let text):
            output += "<mn>"
            HTMLEscaper.text.append(text, to: &output)
            output += "</mn>"
        case .operator(let text, let attributes):
            writeOperator(text, attributes, asLimitsBase: asLimitsBase)
        case .text(let text, let css):
            output += "<mtext"
            if let css { attribute("style", css) }
            output += ">"
            HTMLEscaper.text.append(text, to: &output)
            output += "</mtext>"
        case .row(let children):
            output += "<mrow>"
            writeChildren(children)
            output += "</mrow>"
        case .fraction(let numerator, let denominator, let thickness, let displayParts):
            output += "<mfrac"
            if let thickness { attribute("linethickness", thickness) }
            output += ">"
            let saved = (scriptDepth, displayStyle)
            if displayParts {
                displayStyle = true
                output += "<mstyle displaystyle=\"true\">"
                write(numerator)
                output += "</mstyle><mstyle displaystyle=\"true\">"
                write(denominator)
                output += "</mstyle>"
            } else {
                if !displayStyle { scriptDepth += 1 }
                displayStyle = false
                write(numerator)
                write(denominator)
            }
            (scriptDepth, displayStyle) = saved
            output += "</mfrac>"
        case .radical(let body, let index):
            if let index {
                // Chromium's radical is short and its index stands off to the upper left;
                // lowered a little, the index sits in the crook of the sign as in TeX.
                output += "<mroot>"
                write(body)
                scriptDepth += 2
                output += "<mpadded voffset=\"-0.15em\">"
                write(index)
                output += "</mpadded>"
                scriptDepth -= 2
                output += "</mroot>"
            } else {
                output += "<msqrt>"
                write(body)
                output += "</msqrt>"
            }
        case .scripts(let base, let sub, let sup):
            let name = sub == nil ? "msup" : sup == nil ? "msub" : "msubsup"
            output += "<\(name)>"
            write(base)
            scriptDepth += 1
            if let sub { write(sub) }
            if let sup { write(sup) }
            scriptDepth -= 1
            output += "</\(name)>"
        case .prescripts(let base, let sub, let sup):
            output += "<mmultiscripts>"
            write(base)
            output += "<mprescripts></mprescripts>"
            scriptDepth += 1
            if let sub { write(sub) } else { output += "<mrow></mrow>" }
            if let sup { write(sup) } else { output += "<mrow></mrow>" }
            scriptDepth -= 1
            output += "</mmultiscripts>"
        case .limits(let base, let under, let over, let accent, let accentUnder):
            let name = over == nil ? "munder" : under == nil ? "mover" : "munderover"
            output += "<" + name
            if accent { output += " accent=\"true\"" }
            if accentUnder { output += " accentunder=\"true\"" }
            if showsLimits(base) {
                // TeX puts \bigop@spacing5 (0.1em) beyond a big operator's limits; MathML Core does not.
                let css =
                    (under == nil ? "" : "padding-bottom:0.1em") + (under != nil && over != nil ? ";" : "")
                    + (over == nil ? "" : "padding-top:0.1em")
                attribute("style", css)
            }
            output += ">"
            write(base, asLimitsBase: true)
            scriptDepth += 1
            if let under { write(under) }
            if let over { write(over) }
            scriptDepth -= 1
            output += "</\(name)>"
        case .space(let width):
            if width >= 0 {
                output += "<mspace width=\"\(Self.em(width))\"></mspace>"
            } else {
                output += "<mspace style=\"margin-left:\(Self.em(width))\"></mspace>"
            }
        case .style(let body, let displayStyle, let scriptLevel, let size):
            output += "<mstyle"
            if let displayStyle { attribute("displaystyle", displayStyle ? "true" : "false") }
            if let scriptLevel { attribute("scriptlevel", String(scriptLevel)) }
            if let size { attribute("mathsize", Self.em(size)) }
            output += ">"
            let saved = (scriptDepth, self.displayStyle)
            if let displayStyle {
                self.displayStyle = displayStyle
                if displayStyle { scriptDepth = 0 }
            }
            if let scriptLevel { scriptDepth = scriptLevel }
            write(body)
            (scriptDepth, self.displayStyle) = saved
            output += "</mstyle>"
        case .color(let body, let color):
            output += "<mstyle"
            attribute("mathcolor", color)
            output += ">"
            write(body)
            output += "</mstyle>"
        case .phantom(let body):
            output += "<mphantom>"
            write(body)
            output += "</mphantom>"
        case .padded(let body, let width, let height, let depth, let lspace):
            output += "<mpadded"
            if let width { attribute("width", width) }
            if let height { attribute("height", height) }
            if let depth { attribute("depth", depth) }
            if let lspace { attribute("lspace", lspace) }
            output += ">"
            write(body)
            output += "</mpadded>"
        case .decorated(let body, let css):
            output += "<mrow"
            attribute("style", css)
            output += ">"
            write(body)
            output += "</mrow>"
        case .table(let table):
            writeTable(table)
        case .raised(let body, let voffset):
            output += "<mpadded voffset=\"\(Self.em(voffset))\">"
            write(body)
            output += "</mpadded>"
        case .rule(let width, let height, let raise):
            if raise != 0 { output += "<mpadded voffset=\"\(Self.em(raise))\">" }
            output += "<mspace width=\"\(Self.em(width))\" height=\"\(Self.em(height))\" style=\"background-color:currentColor\"></mspace>"
            if raise != 0 { output += "</mpadded>" }
        case .attributed(let body, let attributes):
            output += "<mrow"
            for item in attributes { attribute(item.name, item.value) }
            output += ">"
            write(body)
            output += "</mrow>"
        case .error(let source):
            output += "<merror style=\"color:#b00\"><mtext>"
            HTMLEscaper.text.append(source, to: &output)
            output += "</mtext></merror>"
        case .dots(let centered):
            // Three dots a thin space apart (TeX's \ldotp, \cdotp); Latin Modern's … and ⋯ are tighter.
            let dot = centered ? "<mo lspace=\"0em\" rspace=\"0em\">⋅</mo>" : "<mo lspace=\"0em\" rspace=\"0em\">.</mo>"
            let gap = scriptDepth == 0 ? "<mspace width=\"0.1667em\"></mspace>" : ""
            output += "<mrow>" + dot + gap + dot + gap + dot + "</mrow>"
        case .reference(let key, let parenthesized):
            writeReference(key, parenthesized: parenthesized)
        }
    }

    /// `\eqref{key}` as a link to the equation's number; `(??)`, marked with the key for
    /// ``MathRenderer/resolvingReferences(in:labels:)``, when the key is unknown.
    private mutating func writeReference(_ key: String, parenthesized: Bool) {
        guard let label = references[key] else {
            unresolved.append(key)
            output += parenthesized ? "<mtext data-eqref=\"" : "<mtext data-ref=\""
            HTMLEscaper.text.append(key, to: &output)
            output += parenthesized ? "\">(??)</mtext>" : "\">??</mtext>"
            return
        }
        Self.appendReference(label, parenthesized: parenthesized, to: &output)
    }

    static func appendReference(_ label: EquationLabel, parenthesized: Bool, to output: inout String) {
        output += "<mtext><a href=\""
        HTMLEscaper.text.append(label.href, to: &output)
        output += "\">"
        HTMLEscaper.text.append(parenthesized ? "(" + label.text + ")" : label.text, to: &output)
        output += "</a></mtext>"
    }

    private mutating func attribute(_ name: String, _ value: String) {
        output += " " + name + "=\""
        HTMLEscaper.text.append(value, to: &output)
        output += "\""
    }

    /// Children of a row; a named function is followed by a function application and,
    /// unless a delimiter follows, a thin space.
    private mutating func writeChildren(_ children: [MathNode]) {
        for index in children.indices {
            let child = children[index]
            if child.isFunction, index > 0, !children[index - 1].makesFollowingBinaryUnary,
                !Self.isSpace(children[index - 1])
            {
                output += "<mspace width=\"0.1667em\"></mspace>"
            }
            let (thinBefore, thinAfter) = thinSpace(
                around: child, before: index > 0 ? children[index - 1] : nil,
                after: index + 1 < children.count ? children[index + 1] : nil)
            if thinBefore { output += "<mspace width=\"0.1667em\"></mspace>" }
            defer { if thinAfter { output += "<mspace width=\"0.1667em\"></mspace>" } }
            if child.isBinaryOperator, index == 0 || children[index - 1].makesFollowingBinaryUnary,
                case .operator(let text, var attributes) = child
            {
                attributes.lspace = attributes.lspace ?? 0
                attributes.rspace = attributes.rspace ?? 0
                writeOperator(text, attributes, asLimitsBase: false)
            } else {
                write(child)
            }
            guard child.isFunction else { continue }
            if case .identifier = child.core { output += "<mo>\u{2061}</mo>" }
            if index + 1 < children.count, !children[index + 1].isOpening {
                output += "<mspace width=\"0.1667em\"></mspace>"
            }
        }
    }

    /// TeX's spacing of an inner atom (`\ldots`): a thin space from an ordinary atom or a closing
    /// delimiter before it, and from an ordinary atom, an opening delimiter or punctuation after
    /// it; operators bring their own space, and scripts have none.
    private func thinSpace(around dots: MathNode, before: MathNode?, after: MathNode?) -> (Bool, Bool) {
        guard case .dots = dots, scriptDepth == 0 else { return (false, false) }
        var spaceBefore = false
        var spaceAfter = false
        if let before, !Self.isSpace(before) {
            if case .operator(_, let attributes) = before.core { spaceBefore = attributes.isClosing } else { spaceBefore = true }
        }
        if let after, !Self.isSpace(after) {
            if case .operator(let text, let attributes) = after.core {
                spaceAfter = attributes.isOpening || text == "," || text == ";"
            } else {
                spaceAfter = true
            }
        }
        return (spaceBefore, spaceAfter)
    }

    private static func isSpace(_ node: MathNode) -> Bool {
        if case .space = node { return true }
        return false
    }

    private mutating func writeOperator(_ text: String, _ attributes: OperatorAttributes, asLimitsBase: Bool) {
        output += "<mo"
        if let stretchy = attributes.stretchy { output += stretchy ? " stretchy=\"true\"" : " stretchy=\"false\"" }
        if let symmetric = attributes.symmetric { output += symmetric ? " symmetric=\"true\"" : " symmetric=\"false\"" }
        if attributes.fence { output += " fence=\"true\"" }
        if let form = attributes.form { attribute("form", form) }
        // Accent marks, braces and delimiters say whether they stretch; relations and binary operators do not.
        let unspaced = scriptDepth > 0 && attributes.stretchy == nil && !attributes.isLarge
        if let lspace = attributes.lspace { attribute("lspace", Self.em(lspace)) } else if unspaced { output += " lspace=\"0em\"" }
        if let rspace = attributes.rspace { attribute("rspace", Self.em(rspace)) } else if unspaced { output += " rspace=\"0em\"" }
        if let size = attributes.size {
            attribute("minsize", Self.em(size))
            attribute("maxsize", Self.em(size))
        }
        if asLimitsBase {
            switch attributes.limits {
            case .displayLimits: output += " movablelimits=\"true\""
            case .limits: output += " movablelimits=\"false\""
            case .scripts: break
            }
        }
        output += ">"
        HTMLEscaper.text.append(text, to: &output)
        output += "</mo>"
    }

    /// Whether `base` is an operator whose scripts stand above and below it here: `\sum`, `\lim`
    /// and `\max` in display style, any operator with `\limits`.
    private func showsLimits(_ base: MathNode) -> Bool {
        guard case .operator(_, let attributes) = base.core else { return false }
        switch attributes.limits {
        case .limits: return true
        case .displayLimits: return displayStyle
        case .scripts: return false
        }
    }

    // MARK: Tables

    /// Equation numbers go in a last cell taken out of the flow and set against the right edge
    /// of the `<math>` box (made `position:relative`), so the equations themselves stay centred.
    private mutating func writeTable(_ table: MathTable) {
        let columns = table.rows.map(\.count).max() ?? 0
        let savedStyle = displayStyle
        defer { displayStyle = savedStyle }
        displayStyle = table.displayStyle
        if table.hangsFromFirstRow { output += Self.hangingBox(table) }
        output += table.displayStyle ? "<mtable displaystyle=\"true\">" : "<mtable>"
        for (rowIndex, cells) in table.rows.enumerated() {
            let metrics = Self.metrics(of: table, row: rowIndex)
            let strut = "<mspace height=\"\(Self.em(metrics.height))\" depth=\"\(Self.em(metrics.depth))\"></mspace>"
            output += "<mtr>"
            for column in 0..<columns {
                let css = cellStyle(table, row: rowIndex, column: column, columns: columns, jot: metrics.jot)
                output += css.isEmpty ? "<mtd>" : "<mtd style=\"\(css)\">"
                if column == 0 { output += strut }
                if column < cells.count { write(cells[column]) }
                output += "</mtd>"
            }
            if rowIndex < table.labels.count, let label = table.labels[rowIndex] {
                output += "<mtd"
                if rowIndex < table.labelKeys.count, let key = table.labelKeys[rowIndex] {
                    attribute("id", EquationLabel.id(for: key))
                }
                // An invisible copy of the row (with its strut) gives the number the row's height and
                // baseline: it stands level with the equation's baseline even beside a tall fraction.
                output += " style=\"position:absolute;right:0;padding:0\"><mrow><mpadded width=\"0\"><mphantom><mrow>"
                output += strut
                for cell in cells { write(cell) }
                output += "</mrow></mphantom></mpadded>"
                write(label)
                output += "</mrow></mtd>"
            }
            output += "</mtr>"
        }
        output += "</mtable>"
        if table.hangsFromFirstRow { output += "</mpadded>" }
    }

    /// The strut and `\jot` of one row, after its `\\[gap]` and rules.
    private static func metrics(of table: MathTable, row: Int) -> RowMetrics {
        var metrics = table.rowGaps[row].map { table.rowMetrics.adjusted(byGap: $0) } ?? table.rowMetrics
        // A rule between rows takes no room in TeX; the cell's border does, so the strut gives it back.
        if table.rowLines[row] != nil { metrics.height = max(0, metrics.height - ruleWidth) }
        if row == table.rows.count - 1, table.rowLines[table.rows.count] != nil {
            metrics.depth = max(0, metrics.depth - ruleWidth)
        }
        return metrics
    }

    /// An `<mpadded>` that moves a table of strut-high rows down from the math axis, where MathML
    /// centres it, until its first row stands on the baseline, and gives it that row's height.
    private static func hangingBox(_ table: MathTable) -> String {
        let rows = table.rows.indices.map { metrics(of: table, row: $0) }
        let total = rows.reduce(0) { $0 + $1.height + $1.depth + $1.jot }
        let first = rows.first?.height ?? 0
        let drop = axisHeight + total / 2 - first
        return "<mpadded height=\"\(em(first))\" depth=\"\(em(total - first))\" voffset=\"\(em(-drop))\">"
    }

    /// The math axis above the baseline (Latin Modern Math's and KaTeX's AxisHeight).
    private static let axisHeight = 0.25

    /// The shortest `padding` shorthand for no top padding and the given sides, in em.
    private static func padding(right: Double, bottom: Double, left: Double) -> String {
        func length(_ value: Double) -> String { value == 0 ? "0" : em(value) }
        if left == 0, right == 0, bottom == 0 { return "0" }
        if left == right { return bottom == 0 ? "0 \(length(right))" : "0 \(length(right)) \(length(bottom))" }
        return "0 \(length(right)) \(length(bottom)) \(length(left))"
    }

    /// The thickness of `\hline` and of the column rules of `array`.
    private static let ruleWidth = 0.06

    /// Left and right alignment of a cell. Chromium lays a cell's content out as a block and
    /// aligns it only by the `-webkit-` keywords (it ignores `columnalign` and plain `right`);
    /// Firefox takes the plain keyword.
    private static let leftAligned = "text-align:left;text-align:-webkit-left;"
    private static let rightAligned = "text-align:right;text-align:-webkit-right;"

    /// A cell's alignment, padding and rules. The padding is one shorthand: no space above (the
    /// row's strut sets its height), the `\jot` below, and the column gaps on the sides.
    private func cellStyle(_ table: MathTable, row: Int, column: Int, columns: Int, jot: Double) -> String {
        var css = ""
        let alignment = table.alignment(ofColumn: column)
        var left = 0.0
        var right = 0.0
        switch table.spacing {
        case .matrix:
            left = table.tightEdges && column == 0 ? 0 : table.columnSeparation
            right = table.tightEdges && column == columns - 1 ? 0 : table.columnSeparation
        case .aligned:
            // Right/left column pairs: no gap inside a pair, a quad between pairs.
            if column % 2 == 0, column > 0 { left = 1 }
        case .compact, .lines:
            break
        }
        switch table.spacing == .aligned ? (column % 2 == 0 ? .right : .left) : alignment {
        case .left: css += Self.leftAligned
        case .right: css += Self.rightAligned
        case .center: break
        }
        css += "padding:" + Self.padding(right: right, bottom: jot, left: left) + ";"
        let rule = Self.em(Self.ruleWidth)
        if let line = table.rowLines[row] { css += "border-top:\(rule) \(line);" }
        if row == table.rows.count - 1, let line = table.rowLines[table.rows.count] { css += "border-bottom:\(rule) \(line);" }
        if let line = table.columnLines[column] { css += "border-left:\(rule) \(line);" }
        if column == columns - 1, let line = table.columnLines[columns] { css += "border-right:\(rule) \(line);" }
        if css.hasSuffix(";") { css.removeLast() }
        return css
    }
}
