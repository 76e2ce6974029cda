/// `\ce{…}` and `\pu{…}`, mhchem's chemistry and physical units. The argument is read as mhchem
/// text (not TeX), character by character, and written as MathML directly.
extension Parser {
    mutating func parseChemistry(_ command: String) throws(MathError) -> MathNode {
        try enter()
        defer { leave() }
        guard let tokens = try stream.rawArgument() else {
            throw MathError("missing argument", command: "\\" + command)
        }
        var source = ""
        for token in tokens { source += token.source }
        if command == "pu" { return try parseUnits(source) }
        return try parseReaction(source)
    }

    /// Parses a piece of TeX math inside `\ce` or `\pu` with the formula's macros; its unknown
    /// commands are reported with the formula's.
    mutating func parseNestedMath(_ source: String) throws(MathError) -> MathNode {
        var nested = Parser(
            tokens: try Lexer.tokenize(source), macros: stream.macros, display: false,
            firstEquationNumber: nextEquationNumber)
        nested.depth = depth
        let node = try nested.parseFormula()
        problems += nested.problems
        return node
    }

    /// `{…}` in a formula or a label: upright text, with `$…$` math inside.
    mutating func parseChemistryTextEscape(_ source: String) throws(MathError) -> MathNode {
        var text = ChemistryText(source)
        var nodes: [MathNode] = []
        var plain = ""
        while let scalar = text.current {
            if scalar == "$" {
                text.index += 1
                guard let math = text.balanced(until: "$") else { throw MathError("missing $ in \\ce", command: "\\ce") }
                if !plain.isEmpty {
                    nodes.append(.text(plain, css: nil))
                    plain = ""
                }
                nodes.append(try parseNestedMath(math))
            } else {
                // Inner braces group, as in TeX text; they are not shown.
                if scalar != "{" && scalar != "}" { plain.unicodeScalars.append(scalar) }
                text.index += 1
            }
        }
        if !plain.isEmpty { nodes.append(.text(plain, css: nil)) }
        return Self.row(nodes)
    }

    /// A sub- or superscript of a chemical entity: charges (`2-`, `3+`), counts, oxidation states
    /// (`II`, upright), radical dots (`.` as •), variables (`x` in `1-x`, italic).
    mutating func parseChemistryScript(_ source: String, superscript: Bool) throws(MathError) -> MathNode {
        if superscript, source == "x" { return .operator("×", OperatorAttributes(lspace: 0, rspace: 0)) }
        let tight = OperatorAttributes(stretchy: false, lspace: 0, rspace: 0)
        // Lowercase letters among digits and signs are variables (NO_x, Fe_{1-x}); other letters
        // are symbols (Roman numerals, element names) and stay upright.
        let isFormula =
            source.unicodeScalars.contains(where: ChemistryText.isLowercase)
            && source.unicodeScalars.allSatisfy {
                ChemistryText.isLowercase($0) || ChemistryText.isDigit($0) || " +-,.()".unicodeScalars.contains($0)
            }
        var text = ChemistryText(source)
        var nodes: [MathNode] = []
        while let scalar = text.current {
            if ChemistryText.isDigit(scalar) {
                var number = text.run(while: ChemistryText.isDigit)
                if let separator = text.current, separator == "." || separator == ",",
                    let next = text.scalar(at: 1), ChemistryText.isDigit(next)
                {
                    text.index += 1
                    number += String(Character(separator)) + text.run(while: ChemistryText.isDigit)
                }
                nodes.append(.number(number))
                continue
            }
            switch scalar {
            case "+":
                nodes.append(.operator("+", tight))
                text.index += 1
            case "-":
                nodes.append(.operator("−", tight))
                text.index += 1
            case ".", "\u{22C5}", "\u{B7}", "\u{2022}":
                nodes.append(.row([.space(0.0556), .operator("•", tight), .space(0.0556)]))
                text.index += 1
            case "'":
                nodes.append(.operator("′", tight))
                text.index += 1
            case " ": text.index += 1
            case "$":
                text.index += 1
                guard let math = text.balanced(until: "$") else { throw MathError("missing $ in \\ce", command: "\\ce") }
                nodes.append(try parseNestedMath(math))
            case "{":
                guard let inner = text.braced() else { throw MathError("missing } in \\ce", command: "\\ce") }
                nodes.append(try parseChemistryTextEscape(inner))
            case "\\":
                let start = text.index
                guard let name = text.command() else {
                    text.index += 1
                    continue
                }
                if name == "ce", let inner = text.braced() {
                    nodes.append(try parseReaction(inner))
                    continue
                }
                while text.current == "{", text.braced() != nil {}
                nodes.append(try parseNestedMath(String(String.UnicodeScalarView(text.scalars[start..<text.index]))))
            default:
                if isFormula, ChemistryText.isLowercase(scalar) {
                    nodes.append(.identifier(String(Character(scalar)), upright: false, isFunction: false))
                    text.index += 1
                } else if ChemistryText.isFormulaLetter(scalar) {
                    let name = text.run(while: ChemistryText.isFormulaLetter)
                    nodes.append(.identifier(name, upright: true, isFunction: false))
                } else {
                    nodes.append(characterNode(scalar))
                    text.index += 1
                }
            }
        }
        return Self.row(nodes)
    }

    /// The MathML of an entity: amount, prescripts, atoms, then a subscript followed by the charge
    /// (staggered, as IUPAC and mhchem write `SO4^2-`), or both stacked for `Li^x_{Li}`.
    mutating func chemistryNodes(_ entity: ChemistryEntity) throws(MathError) -> [MathNode] {
        var nodes = entity.amount
        if !entity.amount.isEmpty { nodes.append(.space(0.1667)) }
        var body = entity.body
        if entity.preSuperscript != nil || entity.preSubscript != nil {
            let sup = try entity.preSuperscript.map { text throws(MathError) in try parseChemistryScript(text, superscript: true) }
            let sub = try entity.preSubscript.map { text throws(MathError) in try parseChemistryScript(text, superscript: false) }
            let base = body.isEmpty ? MathNode.empty : body.removeFirst()
            body.insert(.prescripts(base, sub: sub, sup: sup), at: 0)
        }
        let sub = try entity.sub.map { text throws(MathError) in try parseChemistryScript(text, superscript: false) }
        let sup = try entity.sup.map { text throws(MathError) in try parseChemistryScript(text, superscript: true) }
        if sub == nil, sup == nil {
            nodes += body
            return nodes
        }
        // A script attaches to the last atom; with none (a charge after a bracket), to a strut.
        let base = body.popLast() ?? Self.chemistryStrut
        nodes += body
        if sub == nil || sup == nil {
            nodes.append(.scripts(base, sub: sub, sup: sup))
        } else if entity.superscriptFirst, let written = entity.sup, Self.isOxidationState(written) {
            // `Fe^{III}2`: the oxidation state over the atom, the count after it.
            nodes.append(.scripts(base, sub: nil, sup: sup))
            nodes.append(.scripts(Self.chemistryStrut, sub: sub, sup: nil))
        } else if entity.superscriptFirst {
            nodes.append(.scripts(base, sub: sub, sup: sup))
        } else {
            nodes.append(.scripts(base, sub: sub, sup: nil))
            nodes.append(.scripts(Self.chemistryStrut, sub: nil, sup: sup))
        }
        return nodes
    }

    /// Whether a superscript is an oxidation state: a Roman numeral, signed or not, or ±0.
    static func isOxidationState(_ text: String) -> Bool {
        var scalars = Substring(text.trimmingSpaces)
        if scalars.hasPrefix("\\pm") || scalars.hasPrefix("$\\pm$") { return scalars.hasSuffix("0") }
        if scalars.first == "+" || scalars.first == "-" { scalars = scalars.dropFirst() }
        while scalars.first == " " { scalars = scalars.dropFirst() }
        return !scalars.isEmpty && scalars.allSatisfy { $0 == "I" || $0 == "V" || $0 == "X" }
    }

    /// An invisible capital of no width, so a charge after a subscript sits at a capital's height.
    static var chemistryStrut: MathNode {
        .padded(.phantom(.identifier("X", upright: true, isFunction: false)), width: "0", height: nil, depth: nil, lspace: nil)
    }
}
