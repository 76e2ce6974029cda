/// Commands that take arguments: fractions, roots, fonts, accents, operators, spacing, boxes.
extension Parser {
    /// Parses the command `name` (its backslash token already read).
    mutating func parseCommand(_ name: String) throws(MathError) -> MathNode? {
        if let centered = try dotsAreCentered(name) { return .dots(centered: centered) }
        if let kind = CommandTables.kinds[name] {
            switch kind {
            case .symbol(let symbol): return symbolNode(symbol)
            case .font(let newFont): return try parseArgument(for: name, font: newFont)
            case .function: return .identifier(name, upright: false, isFunction: true)
            case .limitFunction(let text):
                return .operator(text, OperatorAttributes(lspace: 0, rspace: 0, limits: .displayLimits, isFunction: true))
            case .accent(let accent): return try parseAccent(name, accent)
            case .arrow(let arrow): return try parseExtensibleArrow(name, arrow)
            case .space(let width): return .space(width)
            case .bigDelimiter(let size, let delimiterKind):
                return try parseBigDelimiter(name, size: size, kind: delimiterKind)
            case .infixFraction, .limitsModifier, .declaration:
                throw Self.outOfPlace(name)
            }
        }
        return try parseNamedCommand(name)
    }

    private static func outOfPlace(_ name: String) -> MathError {
        MathError("\\\(name) is out of place", command: "\\" + name)
    }

    private static func unknownCommand(_ name: String) -> MathError {
        MathError("unknown command \\\(name)", command: "\\" + name)
    }

    /// Commands parsed by name. The string comparisons happen in ``NamedCommand/init(_:)``, whose
    /// frame is gone before the recursion: this function is on the stack once per nesting level.
    private mutating func parseNamedCommand(_ name: String) throws(MathError) -> MathNode? {
        guard let command = NamedCommand(name) else {
            // Shown in the error style; the rest of the formula still renders.
            problems.append(Self.unknownCommand(name))
            return .error("\\" + name)
        }
        switch command {
        case .fraction: return try parseFraction(name)
        case .root: return try parseRoot()
        case .normalFont: return try parseArgument(for: name, font: nil)
        case .text: return try parseTextArgument(name)
        case .operatorName: return try parseOperatorName(name)
        case .mathClass: return try parseMathClass(name)
        case .stacked: return try parseStacked(name)
        case .leftRight: return try parseLeftRight()
        case .environment: return try parseEnvironment()
        case .decoration: return try parseDecoration(name)
        case .phantom: return try parsePhantom(name)
        case .strut: return Self.strut()
        case .colored: return try parseColored(name)
        case .space:
            _ = consumeStar()
            return .space(try readDimension(for: name))
        case .definition:
            try parseDefinition(name)
            return nil
        case .chemistry: return try parseChemistry(name)
        case .tag:
            try parseTag()
            return nil
        case .noNumber:
            suppressNumber = true
            return nil
        case .label:
            pendingLabel = try parseRawText(for: name)
            return nil
        case .reference:
            return .reference(try parseRawText(for: name), parenthesized: name == "eqref")
        case .ignored: return nil
        case .negation: return try parseNegation()
        case .substack: return try parseSubstack()
        case .modulo: return try parseModulo(name)
        case .escapedCharacter: return .identifier(name, upright: true, isFunction: false)
        case .rule: throw Self.misplacedRule(name)
        case .braKet: return try parseBraKet(name)
        case .logo: return .text(name, css: "font-family:serif")
        case .raise: return try parseRaisebox()
        case .drawnRule: return try parseRule()
        case .vcenter: return try parseArgument(for: name)
        case .mathChoice: return try parseMathChoice()
        case .characterCode: return try parseCharacterCode()
        case .verbatim: return try parseVerbatim(name)
        case .link: return try parseHref()
        case .htmlAttribute: return try parseHTMLAttribute(name)
        case .circled: return .text(try parseCircled(), css: nil)
        case .unicodeCharacter: return try parseUnicodeCharacter()
        case .boundingBox: return try parseBoundingBox()
        case .cancelTo: return try parseCancelTo()
        case .enclosure: return try parseEnclose()
        }
    }

    /// Dirac notation: `\bra{ψ}` ⟨ψ|, `\ket{ψ}` |ψ⟩, `\braket{φ|ψ}` ⟨φ|ψ⟩; the capitalised forms
    /// stretch around tall content.
    private mutating func parseBraKet(_ name: String) throws(MathError) -> MathNode {
        let body = try parseArgument(for: name)
        let lower = name.lowercased()
        let stretchy = name != lower && body.isTall
        let open = lower == "ket" ? "|" : "⟨"
        let close = lower == "bra" ? "|" : "⟩"
        let bar = OperatorAttributes(stretchy: stretchy, lspace: 0, rspace: 0)
        return .row([
            .operator(open, OperatorAttributes(stretchy: stretchy, fence: true, form: "prefix", lspace: 0, rspace: 0, isOpening: true)),
            Self.replacingBars(in: body, with: bar),
            .operator(close, OperatorAttributes(stretchy: stretchy, fence: true, form: "postfix", lspace: 0, rspace: 0, isClosing: true)),
        ])
    }

    /// The `|` inside `\braket` separates bra and ket: spaced as a relation-free bar.
    private static func replacingBars(in node: MathNode, with attributes: OperatorAttributes) -> MathNode {
        guard case .row(let children) = node else { return node }
        return .row(
            children.map { child in
                if case .operator("|", _) = child { return .operator("|", attributes) }
                return child
            })
    }

    private static func misplacedRule(_ name: String) -> MathError {
        MathError("\\\(name) is only allowed at the start of a table row", command: "\\" + name)
    }

    private mutating func parseRoot() throws(MathError) -> MathNode {
        let index = try parseOptionalArgument()
        return .radical(try parseArgument(for: "sqrt"), index: index)
    }

    private mutating func parseOperatorName(_ name: String) throws(MathError) -> MathNode {
        let star = consumeStar() || name == "operatornamewithlimits"
        let body = try parseArgument(for: name, font: .roman)
        guard let text = Self.plainText(of: body) else { return body }
        if star {
            return .operator(text, OperatorAttributes(lspace: 0, rspace: 0, limits: .displayLimits, isFunction: true))
        }
        return .identifier(text, upright: true, isFunction: true)
    }

    private mutating func parseStacked(_ name: String) throws(MathError) -> MathNode {
        let top = try parseArgument(for: name)
        let base = try parseArgument(for: name)
        if name == "underset" { return .limits(base, under: top, over: nil, accent: false, accentUnder: false) }
        return .limits(base, under: nil, over: top, accent: false, accentUnder: false)
    }

    static func strut() -> MathNode {
        .padded(.phantom(.operator("(", OperatorAttributes(stretchy: false))), width: "0", height: nil, depth: nil, lspace: nil)
    }

    private mutating func parseColored(_ name: String) throws(MathError) -> MathNode {
        if name == "fcolorbox" {
            let frame = try parseColor(name)
            let background = try parseColor(name)
            return .decorated(
                try parseTextArgument(name),
                css: "border:0.06em solid \(frame);background-color:\(background);padding:0.1em 0.2em")
        }
        let color = try parseColor(name)
        if name == "colorbox" {
            return .decorated(try parseTextArgument(name), css: "background-color:\(color);padding:0.1em 0.3em")
        }
        return .color(try parseArgument(for: name), color)
    }

    /// `\tag{…}` is text (with `$…$` math), shown in parentheses; `\tag*{…}` without them.
    private mutating func parseTag() throws(MathError) {
        let star = consumeStar()
        guard let tokens = try stream.rawArgument() else { throw MathError("missing argument", command: "\\tag") }
        try stream.push([.beginGroup] + tokens + [.endGroup])
        let label = try parseTextArgument("tag")
        if star {
            pendingTag = label
        } else if case .text(let text, nil) = label {
            pendingTag = .text("(" + text + ")", css: nil)
        } else {
            pendingTag = .row([.text("(", css: nil), label, .text(")", css: nil)])
        }
    }

    // MARK: Fractions

    private mutating func parseFraction(_ name: String) throws(MathError) -> MathNode {
        if name == "genfrac" { return try parseGeneralFraction() }
        if name == "cfrac" { _ = parseOptionalRawText() }
        let numerator = try parseArgument(for: name)
        let denominator = try parseArgument(for: name)
        let isBinomial = name.hasSuffix("binom")
        let fraction = MathNode.fraction(
            numerator, denominator, thickness: isBinomial ? "0" : nil,
            displayParts: name == "cfrac")
        let body =
            isBinomial
            ? MathNode.row([.operator("(", OperatorAttributes(isOpening: true)), fraction, .operator(")", OperatorAttributes())])
            : fraction
        switch name {
        case "dfrac", "dbinom", "cfrac": return .style(body, displayStyle: true, scriptLevel: nil, size: nil)
        case "tfrac", "tbinom": return .style(body, displayStyle: false, scriptLevel: nil, size: nil)
        default: return body
        }
    }

    /// `\genfrac{(}{)}{0pt}{style}{num}{den}`
    private mutating func parseGeneralFraction() throws(MathError) -> MathNode {
        let open = try parseRawText(for: "genfrac")
        let close = try parseRawText(for: "genfrac")
        let thickness = try parseRawText(for: "genfrac")
        let style = try parseRawText(for: "genfrac")
        let numerator = try parseArgument(for: "genfrac")
        let denominator = try parseArgument(for: "genfrac")
        let width = thickness.isEmpty ? nil : Dimension.em(thickness).map { Dimension.format($0) + "em" }
        var parts: [MathNode] = [.fraction(numerator, denominator, thickness: width, displayParts: false)]
        if let delimiter = Delimiters.text(forSource: open), !delimiter.isEmpty {
            parts.insert(.operator(delimiter, OperatorAttributes(isOpening: true)), at: 0)
        }
        if let delimiter = Delimiters.text(forSource: close), !delimiter.isEmpty {
            parts.append(.operator(delimiter, OperatorAttributes()))
        }
        let body = MathNode.row(parts)
        switch style {
        case "0": return .style(body, displayStyle: true, scriptLevel: nil, size: nil)
        case "1": return .style(body, displayStyle: false, scriptLevel: nil, size: nil)
        case "2": return .style(body, displayStyle: false, scriptLevel: 1, size: nil)
        case "3": return .style(body, displayStyle: false, scriptLevel: 2, size: nil)
        default: return body
        }
    }

    // MARK: Accents and arrows

    private mutating func parseAccent(_ name: String, _ accent: CommandTables.Accent) throws(MathError) -> MathNode {
        let base = try parseArgument(for: name)
        let limits: LimitsPlacement = accent.isAccent ? .scripts : .limits
        var mark = MathNode.operator(accent.mark, OperatorAttributes(stretchy: accent.stretchy, limits: limits))
        if accent.small { mark = .style(mark, displayStyle: nil, scriptLevel: nil, size: 0.7) }
        if accent.scaled, base.characterCount > 1 {
            // No common math font stretches a tilde in Chromium: widen the one glyph to the base.
            let width = min(base.characterCount, 6)
            let height = 1 + 0.1 * Double(width - 1)
            mark = .decorated(mark, css: "transform:scale(\(width),\(Dimension.format(height)))")
        }
        if accent.below {
            return .limits(base, under: mark, over: nil, accent: false, accentUnder: accent.isAccent)
        }
        return .limits(base, under: nil, over: mark, accent: accent.isAccent, accentUnder: false)
    }

    private mutating func parseExtensibleArrow(_ name: String, _ arrow: String) throws(MathError) -> MathNode {
        let below = try parseOptionalArgument()
        let above = try parseArgument(for: name)
        return Self.extensibleArrow(arrow, above: above, below: below)
    }

    /// An arrow stretching under and over its labels, spaced as a relation (`\xrightarrow`, `\ce{->[a][b]}`),
    /// at least `minimumWidth` em long.
    static func extensibleArrow(_ arrow: String, above: MathNode?, below: MathNode?, minimumWidth: Double = 1.2) -> MathNode {
        func padded(_ label: MathNode?) -> MathNode? {
            guard let label else { return nil }
            if case .row(let children) = label, children.isEmpty { return nil }
            return .row([.space(0.4), label, .space(0.4)])
        }
        let over = padded(above) ?? .space(minimumWidth)
        let operatorNode = MathNode.operator(arrow, OperatorAttributes(stretchy: true, lspace: 0, rspace: 0))
        let stacked = MathNode.limits(operatorNode, under: padded(below), over: over, accent: false, accentUnder: false)
        return .row([.space(0.2778), stacked, .space(0.2778)])
    }

    // MARK: Operators and classes

    private mutating func parseMathClass(_ name: String) throws(MathError) -> MathNode {
        let body = try parseArgument(for: name)
        let text = Self.plainText(of: body)
        switch name {
        case "mathop":
            guard let text else { return body }
            return .operator(text, OperatorAttributes(lspace: 0.1667, rspace: 0.1667, limits: .displayLimits))
        case "mathbin", "mathrel":
            let width = name == "mathbin" ? 4.0 / 18 : 5.0 / 18
            guard let text else { return .row([.space(width), body, .space(width)]) }
            return .operator(text, OperatorAttributes(lspace: width, rspace: width))
        case "mathopen":
            guard let text else { return body }
            return .operator(text, OperatorAttributes(stretchy: false, lspace: 0, rspace: 0, isOpening: true))
        case "mathclose", "mathpunct":
            guard let text else { return body }
            return .operator(text, OperatorAttributes(stretchy: false, lspace: 0, rspace: name == "mathpunct" ? 0.1667 : 0))
        default:
            return .row([body])
        }
    }

    private mutating func parseNegation() throws(MathError) -> MathNode {
        stream.skipSpaces()
        try enter()
        defer { leave() }
        guard let next = try parseAtom() else { throw MathError("\\not needs a symbol after it", command: "\\not") }
        switch next {
        case .operator(let text, let attributes):
            return .operator(CommandTables.negations[text] ?? text + "\u{338}", attributes)
        case .identifier(let text, let upright, _):
            return .identifier(CommandTables.negations[text] ?? text + "\u{338}", upright: upright, isFunction: false)
        default:
            return .row([.operator("\u{338}", OperatorAttributes(lspace: 0, rspace: 0)), next])
        }
    }

    private mutating func parseModulo(_ name: String) throws(MathError) -> MathNode {
        let word = MathNode.operator("mod", OperatorAttributes(lspace: 0.2222, rspace: 0.2222))
        switch name {
        case "bmod":
            return word
        case "mod":
            return .row([
                .space(1), .identifier("mod", upright: true, isFunction: false), .space(0.3333),
                try parseArgument(for: name),
            ])
        default:
            let argument = try parseArgument(for: name)
            var inner: [MathNode] = [.operator("(", OperatorAttributes(stretchy: false, isOpening: true))]
            if name == "pmod" { inner += [.identifier("mod", upright: true, isFunction: false), .space(0.3333)] }
            inner += [argument, .operator(")", OperatorAttributes(stretchy: false))]
            return .row([.space(name == "pmod" ? 1 : 0.4444), .row(inner)])
        }
    }

    // MARK: Boxes, phantoms, colour

    private mutating func parseDecoration(_ name: String) throws(MathError) -> MathNode {
        let body = name == "fbox" ? try parseTextArgument(name) : try parseArgument(for: name)
        if name == "overline" { return .decorated(body, css: "border-top:0.06em solid;padding-top:0.08em") }
        if name == "underline" || name == "underbar" { return .decorated(body, css: "border-bottom:0.06em solid;padding-bottom:0.08em") }
        let stripe =
            "transparent calc(50% - 0.04em),currentColor calc(50% - 0.04em),"
            + "currentColor calc(50% + 0.04em),transparent calc(50% + 0.04em))"
        let rising = "linear-gradient(to top right," + stripe
        let falling = "linear-gradient(to bottom right," + stripe
        switch name {
        case "cancel": return .decorated(body, css: "background:\(rising)")
        case "bcancel": return .decorated(body, css: "background:\(falling)")
        case "xcancel": return .decorated(body, css: "background:\(rising),\(falling)")
        case "sout": return .decorated(body, css: "text-decoration:line-through")
        case "angl": return .decorated(body, css: "border-top:0.06em solid;border-right:0.06em solid;padding:0.08em 0.1em 0 0.05em")
        case "phase": return .decorated(body, css: "border-bottom:0.06em solid;border-left:0.06em solid;padding:0 0.1em 0.08em 0.2em")
        case "overlinesegment":
            return .decorated(body, css: "border-top:0.06em solid;border-left:0.06em solid;border-right:0.06em solid;padding-top:0.08em")
        case "underlinesegment":
            return .decorated(body, css: "border-bottom:0.06em solid;border-left:0.06em solid;border-right:0.06em solid;padding-bottom:0.08em")
        default: return .decorated(body, css: "border:0.06em solid;padding:0.2em 0.3em")
        }
    }

    private mutating func parsePhantom(_ name: String) throws(MathError) -> MathNode {
        let body = try parseArgument(for: name)
        switch name {
        case "phantom": return .phantom(body)
        case "hphantom": return .padded(.phantom(body), width: nil, height: "0", depth: "0", lspace: nil)
        case "vphantom": return .padded(.phantom(body), width: "0", height: nil, depth: nil, lspace: nil)
        case "smash": return .padded(body, width: nil, height: "0", depth: "0", lspace: nil)
        case "rlap", "mathrlap": return .padded(body, width: "0", height: nil, depth: nil, lspace: nil)
        case "llap", "mathllap":
            return .decorated(.padded(body, width: "0", height: nil, depth: nil, lspace: nil), css: "direction:rtl")
        default: return .padded(body, width: "0", height: nil, depth: nil, lspace: "-50%")
        }
    }

    /// Reads a colour argument: a name, `#rgb`/`#rrggbb`, or `[HTML]{hex}`-free forms of these.
    mutating func parseColor(_ command: String) throws(MathError) -> String {
        _ = parseOptionalRawText()
        let raw = String(try parseRawText(for: command).filter { $0 != " " })
        let isValid =
            !raw.isEmpty && raw.count <= 32
            && raw.unicodeScalars.allSatisfy {
                ($0.isASCII && $0.properties.isAlphabetic) || ($0 >= "0" && $0 <= "9") || $0 == "#"
            }
        guard isValid else { throw MathError("invalid colour \"\(raw)\"", command: "\\" + command) }
        let isHex =
            raw.count == 6 || raw.count == 3
            ? raw.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit } && raw.contains(where: \.isNumber)
            : false
        return isHex ? "#" + raw : raw
    }

    // MARK: Stacks

    private mutating func parseSubstack() throws(MathError) -> MathNode {
        stream.skipSpaces()
        guard try stream.next() == .beginGroup else {
            throw MathError("\\substack needs a braced argument", command: "\\substack")
        }
        var table = MathTable()
        table.spacing = .compact
        table.rowMetrics = .substack
        while true {
            table.rows.append([Self.row(try parseList(stops: [.cell, .group]))])
            guard let token = try stream.next() else { throw MathError("missing } after \\substack") }
            switch token {
            case .command("\\"), .command("cr"): continue
            case .endGroup: return .table(table)
            default: throw MathError("unexpected \(token.source) in \\substack", command: "\\substack")
            }
        }
    }
}
