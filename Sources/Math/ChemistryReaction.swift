extension Parser {
    /// Reads mhchem text (the argument of `\ce`) into a row.
    mutating func parseReaction(_ source: String) throws(MathError) -> MathNode {
        try enter()
        defer { leave() }
        var reader = ChemistryReactionReader(source)
        try reader.read(&self)
        return Self.row(reader.nodes)
    }

    /// The text above or below a reaction arrow: `$…$` is math, anything else is read as `\ce`.
    mutating func parseArrowLabel(_ source: String) throws(MathError) -> MathNode {
        let trimmed = source.trimmingSpaces
        if trimmed.hasPrefix("$"), trimmed.hasSuffix("$"), trimmed.count > 1,
            !trimmed.dropFirst().dropLast().contains("$")
        {
            return try parseNestedMath(String(trimmed.dropFirst().dropLast()))
        }
        return try parseReaction(trimmed)
    }
}

/// The reader of `\ce{…}`: formulas, reactions and their arrows, following the mhchem manual.
struct ChemistryReactionReader {
    /// Where the reader is, which decides what a character means (a `-` after atoms is a bond,
    /// after a charge's digits part of the charge, between spaces an operator).
    enum Phase {
        /// At the start of an entity: an amount, an isotope or atoms may come.
        case start
        /// After an amount (`2` in `2H2O`), and after an amount and a space.
        case amount, amountSpace
        /// After isotope prescripts.
        case prescripts
        /// After atoms or a closing bracket.
        case body
        /// After the subscript; after the superscript; after both, in either order.
        case afterSubscript, afterSuperscript, subscriptThenSuperscript, superscriptThenSubscript
        /// After a bond or a command: more atoms follow.
        case bond
    }

    var text: ChemistryText
    private(set) var nodes: [MathNode] = []
    var entity = ChemistryEntity()
    var phase = Phase.start
    /// A space was read since the last entity: kept as a no-break space when another entity
    /// follows directly (`A B`); operators and arrows bring their own spacing.
    var spaceBefore = false
    /// The formula began with a bond (`-OH`): a final `-` is then a bond too, not a charge.
    var beginsWithBond = false
    var parenthesisLevel = 0

    init(_ source: String) { text = ChemistryText(source) }

    var isInScripts: Bool {
        switch phase {
        case .afterSuperscript, .subscriptThenSuperscript, .superscriptThenSubscript, .afterSubscript: return true
        default: return false
        }
    }

    var atWordStart: Bool { phase == .start || phase == .amountSpace }

    /// Writes out the entity being read.
    mutating func flush(_ parser: inout Parser) throws(MathError) {
        guard !entity.isEmpty else { return }
        if spaceBefore, !nodes.isEmpty { nodes.append(.text("\u{A0}", css: nil)) }
        spaceBefore = false
        nodes += try parser.chemistryNodes(entity)
        entity = ChemistryEntity()
    }

    /// Writes out the entity being read, then `node`.
    mutating func append(_ node: MathNode, _ parser: inout Parser) throws(MathError) {
        try flush(&parser)
        nodes.append(node)
        spaceBefore = false
    }

    mutating func read(_ parser: inout Parser) throws(MathError) {
        while let scalar = text.current {
            if phase == .start { beginsWithBond = false }
            if try readSpaceArrowOrState(scalar, &parser) { continue }
            if try readMarkOrOperator(scalar, &parser) { continue }
            switch scalar {
            case "+":
                text.index += 1
                addToSuperscript("+")
            case "-":
                try readMinus(&parser)
            case "=", "<", ">", "#", "≡":
                text.index += 1
                try append(ChemistrySymbols.bond(String(Character(scalar)))!, &parser)
                phase = .bond
            case ".", "*", "\u{22C5}", "\u{B7}", "\u{2022}":
                try readDots(&parser)
            case ",", ";":
                text.index += 1
                let spaced = text.current == " "
                while text.current == " " { text.index += 1 }
                let gap = spaced && parenthesisLevel == 0 ? 0.3333 : 0.1667
                let comma = MathNode.operator(String(Character(scalar)), OperatorAttributes(stretchy: false, lspace: 0, rspace: 0))
                try append(.row([comma, .space(gap)]), &parser)
                phase = .start
            case "$":
                try readMath(&parser)
            case "{":
                if text.take("{}") {
                    try flush(&parser)
                    phase = .start
                    continue
                }
                guard let inner = text.braced() else { throw MathError("missing } in \\ce", command: "\\ce") }
                if isInScripts { try flush(&parser) }
                entity.body.append(try parser.parseChemistryTextEscape(inner))
                phase = .body
            case "^", "_":
                try readScript(isSuperscript: scalar == "^", &parser)
            case "(", "[":
                text.index += 1
                if isInScripts { try flush(&parser) }
                entity.body.append(.operator(String(Character(scalar)), OperatorAttributes(stretchy: false, lspace: 0, rspace: 0, isOpening: true)))
                try flush(&parser)
                parenthesisLevel += 1
                phase = .start
            case ")", "]":
                text.index += 1
                if isInScripts || phase == .amount || phase == .amountSpace { try flush(&parser) }
                entity.body.append(.operator(String(Character(scalar)), OperatorAttributes(stretchy: false, lspace: 0, rspace: 0, isClosing: true)))
                parenthesisLevel -= 1
                phase = .body
            case "\\":
                try readCommand(&parser)
            case "~":
                text.index += 1
                try append(.text("\u{A0}", css: nil), &parser)
                phase = .bond
            default:
                if ChemistryText.isDigit(scalar) {
                    try readDigits(&parser)
                } else if ChemistryText.isFormulaLetter(scalar) {
                    try readLetters(&parser)
                } else {
                    text.index += 1
                    try append(parser.characterNode(scalar), &parser)
                    phase = .bond
                }
            }
        }
        try flush(&parser)
    }

    // MARK: Spaces, arrows, marks and operators

    /// Spaces, arrows and states of aggregation; true when one was read.
    private mutating func readSpaceArrowOrState(_ scalar: Unicode.Scalar, _ parser: inout Parser) throws(MathError) -> Bool {
        if scalar == " " {
            text.index += 1
            // A space ends an entity, except between an amount and its formula (`2 H2O`).
            switch phase {
            case .amount, .amountSpace: phase = .amountSpace
            case .prescripts: break
            case .start:
                // After an operator or an arrow, which bring their own spacing.
                break
            default:
                try flush(&parser)
                spaceBefore = !nodes.isEmpty
                phase = .start
            }
            return true
        }
        if let arrow = ChemistrySymbols.arrows.first(where: { text.matches($0.pattern) }) {
            text.index += arrow.pattern.unicodeScalars.count
            var labels: [MathNode] = []
            while labels.count < 2, text.current == "[" {
                let start = text.index
                text.index += 1
                guard let body = text.balanced(until: "]") else {
                    text.index = start
                    break
                }
                labels.append(try parser.parseArrowLabel(body))
            }
            // mhchem's arrows are long even without text, as KaTeX draws them.
            try append(
                Parser.extensibleArrow(
                    arrow.arrow, above: labels.first, below: labels.count > 1 ? labels[1] : nil,
                    minimumWidth: 1.8), &parser)
            phase = .start
            return true
        }
        if scalar == "(", !(atWordStart && (text.matches("(v)") || text.matches("(^)"))),
            let state = try readStateOfAggregation(&parser)
        {
            try flush(&parser)
            nodes.append(.row([.space(0.1111), state]))
            phase = .body
            return true
        }
        return false
    }

    /// `(aq)`, `(s)`, `(aq, sat)` (lowercase, at most three letters, then the end of the phrase)
    /// and crystal systems `($c$)`; nil, with nothing read, for other brackets.
    private mutating func readStateOfAggregation(_ parser: inout Parser) throws(MathError) -> MathNode? {
        let start = text.index
        text.index += 1
        let letters = text.run(while: ChemistryText.isLowercase)
        if (1...3).contains(letters.unicodeScalars.count), text.current == ")" || text.current == "," {
            text.index = start + 1
            if let inner = text.balanced(until: ")"), text.isBoundary(at: 0) {
                return try stateNode("(" + inner + ")", &parser)
            }
        }
        text.index = start + 1
        _ = text.take("\\ca ") || text.take("\\ca")
        if text.current == "$", let system = text.scalar(at: 1), "amothc".unicodeScalars.contains(system),
            text.scalar(at: 2) == "$", text.scalar(at: 3) == ")"
        {
            let inner = String(String.UnicodeScalarView(text.scalars[(start + 1)...(text.index + 2)]))
            text.index += 4
            return try stateNode("(" + inner + ")", &parser)
        }
        text.index = start
        return nil
    }

    /// A state of aggregation: brackets and upright letters, `$…$` as math.
    private func stateNode(_ source: String, _ parser: inout Parser) throws(MathError) -> MathNode {
        var state = ChemistryText(source)
        var parts: [MathNode] = []
        while let scalar = state.current {
            if scalar == "$" {
                state.index += 1
                guard let math = state.balanced(until: "$") else { throw MathError("missing $ in \\ce", command: "\\ce") }
                parts.append(try parser.parseNestedMath(math))
            } else if scalar == "\\", state.take("\\ca") {
                parts.append(.operator("∼", OperatorAttributes(stretchy: false, lspace: 0, rspace: 0)))
                while state.current == " " { state.index += 1 }
            } else if ChemistryText.isFormulaLetter(scalar) {
                parts.append(.identifier(state.run(while: ChemistryText.isFormulaLetter), upright: true, isFunction: false))
            } else if scalar == "(" || scalar == ")" {
                parts.append(.operator(String(Character(scalar)), OperatorAttributes(stretchy: false, lspace: 0, rspace: 0)))
                state.index += 1
            } else if scalar == "," {
                parts.append(.operator(",", OperatorAttributes(stretchy: false, lspace: 0, rspace: 0.1667)))
                state.index += 1
            } else {
                if scalar != " " { parts.append(parser.characterNode(scalar)) }
                state.index += 1
            }
        }
        return .row(parts)
    }

    /// Gas and precipitate marks and operators between spaces; true when one was read.
    private mutating func readMarkOrOperator(_ scalar: Unicode.Scalar, _ parser: inout Parser) throws(MathError) -> Bool {
        if atWordStart {
            for mark in ["(v)", "(^)", "v", "^"] where text.matches(mark) && text.isBoundary(at: mark.unicodeScalars.count) {
                text.index += mark.unicodeScalars.count
                try append(ChemistrySymbols.gasOrPrecipitate(mark.contains("^")), &parser)
                // An entity after the mark keeps a space from it (`A v B`).
                phase = .bond
                return true
            }
        }
        if atWordStart || phase == .amount {
            for op in ChemistrySymbols.operators where text.matches(op.pattern) {
                // `+` (and `\pm`, `+-`, `$\approx$`) at the start of an entity is an operator;
                // `-`, `=`, `<`, `>` only before a space, the end or a number (`-OH` is a bond).
                let length = op.pattern.unicodeScalars.count
                let next = text.scalar(at: length)
                let standsAlone =
                    next == nil || next == " " || next.map(ChemistryText.isDigit) == true
                    || (next == "-" && text.scalar(at: length + 1).map(ChemistryText.isDigit) == true)
                guard length > 1 || op.pattern == "+" || standsAlone else { continue }
                text.index += length
                try append(ChemistrySymbols.operatorNode(op.symbol, isRelation: op.isRelation), &parser)
                phase = .start
                return true
            }
        }
        if atWordStart,
            let name = ["pOH", "pH", "pC", "pK", "iPr", "iBu"].first(where: {
                text.matches($0) && !(text.scalar(at: $0.unicodeScalars.count).map(Lexer.isLetter) ?? false)
            })
        {
            text.index += name.unicodeScalars.count
            entity.body.append(.identifier(name, upright: true, isFunction: false))
            try flush(&parser)
            phase = .bond
            return true
        }
        return false
    }

    // MARK: Charges, bonds and hyphens

    private mutating func addToSuperscript(_ sign: String) {
        entity.sup = (entity.sup ?? "") + sign
        switch phase {
        case .afterSubscript, .subscriptThenSuperscript: phase = .subscriptThenSuperscript
        case .superscriptThenSubscript: break
        default: phase = .afterSuperscript
        }
    }

    /// `-`: a charge at the end of a formula (`OH-`), part of a charge (`^2-`), a hyphen in a
    /// name (`n-Pr`) or before a number, otherwise a single bond.
    private mutating func readMinus(_ parser: inout Parser) throws(MathError) {
        text.index += 1
        let endsPhrase = text.isBoundary(at: 0, also: "_/") || isStateOfAggregationNext
        switch phase {
        case .start:
            try append(ChemistrySymbols.bond("-")!, &parser)
            beginsWithBond = true
            phase = .bond
        case .amount, .amountSpace:
            try append(ChemistrySymbols.hyphen, &parser)
            phase = .start
        case .prescripts:
            entity.preSuperscript = (entity.preSuperscript ?? "") + "-"
        case .body, .afterSubscript:
            if endsPhrase {
                if beginsWithBond {
                    try append(ChemistrySymbols.bond("-")!, &parser)
                    phase = .bond
                } else {
                    addToSuperscript("-")
                }
            } else if phase == .body, entity.bodyIsSingleLowercaseLetter && entity.amount.isEmpty {
                // `n-Pr`: an italic variable and a hyphen.
                if case .identifier(let name, _, _) = entity.body[0] {
                    entity.body[0] = .identifier(name, upright: false, isFunction: false)
                }
                try append(ChemistrySymbols.hyphen, &parser)
                phase = .start
            } else if text.current.map(ChemistryText.isDigit) == true {
                try append(ChemistrySymbols.hyphen, &parser)
                phase = .bond
            } else {
                try append(ChemistrySymbols.bond("-")!, &parser)
                phase = .bond
            }
        case .afterSuperscript, .subscriptThenSuperscript:
            let digitsOnly = entity.sup?.unicodeScalars.allSatisfy(ChemistryText.isDigit) ?? false
            if endsPhrase || digitsOnly {
                addToSuperscript("-")
            } else {
                try append(ChemistrySymbols.bond("-")!, &parser)
                phase = .bond
            }
        case .superscriptThenSubscript, .bond:
            try append(ChemistrySymbols.bond("-")!, &parser)
            phase = .bond
        }
    }

    private var isStateOfAggregationNext: Bool {
        guard text.current == "(" else { return false }
        var probe = text
        probe.index += 1
        let letters = probe.run(while: ChemistryText.isLowercase)
        return !letters.isEmpty && probe.current == ")"
    }

    /// `...` (a bond after atoms, an ellipsis elsewhere) and the addition-compound dot (`*`, `.`).
    private mutating func readDots(_ parser: inout Parser) throws(MathError) {
        if text.matches("...") {
            let dots = text.matches("....") ? "...." : "..."
            text.index += dots.unicodeScalars.count
            switch phase {
            case .start, .amount, .amountSpace, .prescripts:
                try append(.operator("…", OperatorAttributes(stretchy: false, lspace: 0, rspace: 0)), &parser)
                phase = .start
            default:
                try append(ChemistrySymbols.bond(dots)!, &parser)
                phase = .bond
            }
            return
        }
        text.index += 1
        while text.current == " " { text.index += 1 }
        try append(ChemistrySymbols.additionDot, &parser)
        phase = .start
    }

    // MARK: Scripts, numbers and letters

    /// The argument of `^` or `_`: `{…}`, `$…$`, a command, a signed number or one character.
    private mutating func scriptArgument() -> String? {
        if let inner = text.braced() { return inner }
        if text.current == "$" {
            let start = text.index
            text.index += 1
            guard text.balanced(until: "$") != nil else {
                text.index = start
                return nil
            }
            return String(String.UnicodeScalarView(text.scalars[start..<text.index]))
        }
        if text.current == "\\" {
            let start = text.index
            _ = text.command()
            while text.current == "{", text.braced() != nil {}
            return String(String.UnicodeScalarView(text.scalars[start..<text.index]))
        }
        var argument = ""
        if let sign = text.current, sign == "+" || sign == "-", text.scalar(at: 1).map(ChemistryText.isDigit) == true {
            argument.unicodeScalars.append(sign)
            text.index += 1
        }
        let digits = text.run(while: ChemistryText.isDigit)
        if !digits.isEmpty { return argument + digits }
        guard let scalar = text.current, scalar != "_", scalar != "^", scalar != " " else { return nil }
        text.index += 1
        return String(Character(scalar))
    }

    private mutating func readScript(isSuperscript: Bool, _ parser: inout Parser) throws(MathError) {
        text.index += 1
        guard let argument = scriptArgument() else { return }
        switch phase {
        case .start, .amountSpace, .prescripts, .amount:
            if phase == .amount {
                // `2^{..}` is not an isotope; the amount becomes the atoms it scripts.
                entity.body = entity.amount
                entity.amount = []
                phase = .body
                fallthrough
            }
            if phase != .body {
                if isSuperscript {
                    entity.preSuperscript = (entity.preSuperscript ?? "") + argument
                } else {
                    entity.preSubscript = (entity.preSubscript ?? "") + argument
                }
                phase = .prescripts
                return
            }
        default: break
        }
        if isSuperscript {
            switch phase {
            case .body, .bond:
                entity.sup = argument
                entity.superscriptFirst = true
                phase = .afterSuperscript
            case .afterSubscript:
                entity.sup = argument
                phase = .subscriptThenSuperscript
            default:
                entity.sup = (entity.sup ?? "") + argument
            }
        } else {
            switch phase {
            case .body, .bond:
                entity.sub = argument
                phase = .afterSubscript
            case .afterSuperscript:
                entity.sub = argument
                phase = .superscriptThenSubscript
            default:
                entity.sub = (entity.sub ?? "") + argument
            }
        }
    }

    /// Digits: a count after atoms (`H2`), otherwise an amount (`2`, `0.5`, `1/2`, `(1/2)`).
    private mutating func readDigits(_ parser: inout Parser) throws(MathError) {
        switch phase {
        case .body:
            entity.sub = text.run(while: ChemistryText.isDigit)
            phase = .afterSubscript
            return
        case .afterSuperscript:
            entity.sub = text.run(while: ChemistryText.isDigit)
            phase = .superscriptThenSubscript
            return
        case .afterSubscript, .subscriptThenSuperscript, .superscriptThenSubscript, .amount:
            try flush(&parser)
        default: break
        }
        var amount = text.run(while: ChemistryText.isDigit)
        if let separator = text.current, separator == "." || separator == ",", text.scalar(at: 1).map(ChemistryText.isDigit) == true {
            text.index += 1
            amount += String(Character(separator)) + text.run(while: ChemistryText.isDigit)
            entity.amount.append(.number(amount))
        } else if text.current == "/", text.scalar(at: 1).map(ChemistryText.isDigit) == true {
            text.index += 1
            let denominator = text.run(while: ChemistryText.isDigit)
            entity.amount.append(.fraction(.number(amount), .number(denominator), thickness: nil, displayParts: false))
        } else {
            entity.amount.append(.number(amount))
        }
        phase = .amount
    }

    /// Letters: element symbols and names (upright, one run), or a lowercase amount before atoms.
    private mutating func readLetters(_ parser: inout Parser) throws(MathError) {
        guard let scalar = text.current else { return }
        if atWordStart || phase == .bond, ChemistryText.isLowercase(scalar), isAmountLetter {
            entity.amount.append(.identifier(String(Character(scalar)), upright: false, isFunction: false))
            text.index += 1
            phase = .amount
            return
        }
        switch phase {
        case .afterSubscript, .superscriptThenSubscript:
            try flush(&parser)
        case .afterSuperscript, .subscriptThenSuperscript:
            // `H^3HO`: digits alone after `^` were the mass of the next atom.
            if let charge = entity.sup, phase == .afterSuperscript, entity.superscriptFirst,
                charge.unicodeScalars.allSatisfy(ChemistryText.isDigit)
            {
                entity.sup = nil
                entity.superscriptFirst = false
                try flush(&parser)
                entity.preSuperscript = charge
            } else {
                try flush(&parser)
            }
        case .amountSpace, .amount, .start, .prescripts, .body, .bond:
            break
        }
        let name = text.run(while: ChemistryText.isFormulaLetter)
        if case .identifier(let previous, true, false)? = entity.body.last {
            entity.body[entity.body.count - 1] = .identifier(previous + name, upright: true, isFunction: false)
        } else {
            entity.body.append(.identifier(name, upright: true, isFunction: false))
        }
        phase = .body
    }

    /// A lowercase letter standing for an amount: alone before atoms (`n H2O`, `xNa`).
    private var isAmountLetter: Bool {
        var probe = text
        probe.index += 1
        while probe.current == " " { probe.index += 1 }
        return probe.current.map(ChemistryText.isUppercase) == true
    }

    /// `$…$`: math as an amount (`$n$ H2O`, `$2n-1$`), otherwise as atoms.
    private mutating func readMath(_ parser: inout Parser) throws(MathError) {
        text.index += 1
        guard let math = text.balanced(until: "$") else { throw MathError("missing $ in \\ce", command: "\\ce") }
        let node = try parser.parseNestedMath(math)
        let isVariable =
            math.unicodeScalars.contains(where: ChemistryText.isLowercase)
            && math.unicodeScalars.allSatisfy { ChemistryText.isLowercase($0) || ChemistryText.isDigit($0) || "+-()".unicodeScalars.contains($0) }
        if atWordStart, isVariable || math == "+" || math == "-" {
            entity.amount.append(node)
            phase = .amount
        } else if phase == .amount {
            entity.amount.append(node)
        } else {
            if isInScripts { try flush(&parser) }
            entity.body.append(node)
            phase = .body
        }
    }

    // MARK: Commands

    /// `\bond{…}`, `\ce{…}`, Greek letters (atoms), `\ca` (circa), spaces, and any other TeX
    /// command with its braced arguments (read as TeX with `\ce` inside: `\frac{1}{2}`, `\color`).
    private mutating func readCommand(_ parser: inout Parser) throws(MathError) {
        guard let name = text.command() else {
            text.index += 1
            return
        }
        if name == "bond" {
            guard let kind = text.braced() else { throw MathError("\\bond needs a bond type in braces", command: "\\bond") }
            guard let bond = ChemistrySymbols.bond(kind) else {
                throw MathError("unknown bond type \(kind): use one of - = # 1 2 3 ~ ~- ~= ~-- -~- ... .... -> <-", command: "\\bond")
            }
            try append(bond, &parser)
            phase = .bond
            return
        }
        if name == "ce", let inner = text.braced() {
            try append(try parser.parseReaction(inner), &parser)
            phase = .bond
            return
        }
        if ChemistryText.greekCommands.contains(name) {
            if isInScripts { try flush(&parser) }
            entity.body.append(try parser.parseNestedMath("\\" + name))
            phase = .body
            return
        }
        if name == "ca" {
            try append(.operator("∼", OperatorAttributes(stretchy: false, lspace: 0, rspace: 0)), &parser)
            phase = .bond
            return
        }
        if name == "pm" || name == "approx" {
            try append(ChemistrySymbols.operatorNode(name == "pm" ? "±" : "≈", isRelation: name == "approx"), &parser)
            phase = .start
            return
        }
        var arguments: [String] = []
        while text.current == "{", let argument = text.braced() { arguments.append(argument) }
        let chemistryArguments: Set<String> = ["frac", "overset", "underset", "underbrace"]
        var source = "\\" + name
        for (position, argument) in arguments.enumerated() {
            let wrapped = chemistryArguments.contains(name) || (name == "color" && position == 1)
            source += wrapped ? "{\\ce{" + argument + "}}" : "{" + argument + "}"
        }
        if name == "underbrace", text.take("_"), let label = text.braced() {
            source += "_{\\ce{" + label + "}}"
        }
        let isSpace = [",", ":", ";", " ", "quad", "qquad", "!"].contains(name)
        try append(try parser.parseNestedMath(source), &parser)
        phase = isSpace ? .start : .bond
    }
}
