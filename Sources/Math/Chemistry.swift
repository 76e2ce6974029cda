/// `\ce{…}` and `\pu{…}`: the common part of mhchem — formulas with subscripts and charges,
/// coefficients, states, reaction arrows with labels, `+`, hydrate dots, gas and precipitate marks.
extension Parser {
    mutating func parseChemistry(_ command: String) throws(MathError) -> MathNode {
        try enter()
        defer { leave() }
        guard let tokens = try stream.rawArgument() else {
            throw MathError("missing argument", command: "\\" + command)
        }
        var text = ""
        for token in tokens { text += token.source }
        return try parseChemistryText(Array(text.unicodeScalars))
    }

    private static let arrows: [(String, String)] = [
        ("<=>>", "⇌"), ("<<=>", "⇌"), ("<=>", "⇌"), ("<-->", "⇄"), ("<->", "↔"), ("->", "→"), ("<-", "←"),
    ]

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    /// Parses mhchem text into a row.
    private mutating func parseChemistryText(_ scalars: [Unicode.Scalar]) throws(MathError) -> MathNode {
        try enter()
        defer { leave() }
        var nodes: [MathNode] = []
        var index = 0
        var inFormula = false

        func matches(_ pattern: String, at position: Int) -> Bool {
            var cursor = position
            for scalar in pattern.unicodeScalars {
                guard cursor < scalars.count, scalars[cursor] == scalar else { return false }
                cursor += 1
            }
            return true
        }
        func isBoundary(_ position: Int) -> Bool {
            position >= scalars.count || scalars[position] == " " || scalars[position] == ")"
                || scalars[position] == "]" || scalars[position] == "}" || scalars[position] == "("
        }
        /// A balanced `{…}` or `[…]` body starting after the opening character at `position`.
        func balanced(from position: Int, open: Unicode.Scalar, close: Unicode.Scalar) -> (String, Int)? {
            var depth = 0
            var cursor = position
            var body = String.UnicodeScalarView()
            while cursor < scalars.count {
                let scalar = scalars[cursor]
                if scalar == open { depth += 1 }
                if scalar == close {
                    if depth == 0 { return (String(body), cursor + 1) }
                    depth -= 1
                }
                body.append(scalar)
                cursor += 1
            }
            return nil
        }

        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == " " {
                index += 1
                inFormula = false
                continue
            }
            if let (pattern, arrow) = Self.arrows.first(where: { matches($0.0, at: index) }) {
                index += pattern.unicodeScalars.count
                var labels: [MathNode] = []
                while labels.count < 2, index < scalars.count, scalars[index] == "[",
                      let (body, end) = balanced(from: index + 1, open: "[", close: "]") {
                    labels.append(try parseChemistryText(Array(body.unicodeScalars)))
                    index = end
                }
                let arrowNode = MathNode.operator(arrow, OperatorAttributes(stretchy: true, lspace: 0, rspace: 0))
                let padded = labels.map { MathNode.row([.space(0.3), .style($0, displayStyle: false, scriptLevel: 1, size: nil), .space(0.3)]) }
                let stacked = MathNode.limits(arrowNode, under: padded.count > 1 ? padded[1] : nil,
                                              over: padded.first ?? .space(1.5), accent: false, accentUnder: false)
                nodes.append(.row([.space(0.2778), stacked, .space(0.2778)]))
                inFormula = false
                continue
            }
            switch scalar {
            case "$":
                guard let end = scalars[(index + 1)...].firstIndex(of: "$") else {
                    throw MathError("missing $ in \\ce", command: "\\ce")
                }
                nodes.append(try parseNestedMath(String(String.UnicodeScalarView(scalars[(index + 1)..<end]))))
                index = end + 1
            case "\\":
                var end = index + 1
                while end < scalars.count, Lexer.isLetter(scalars[end]) { end += 1 }
                if end == index + 1, end < scalars.count { end += 1 }
                nodes.append(try parseNestedMath(String(String.UnicodeScalarView(scalars[index..<end]))))
                index = end
                inFormula = true
            case "{":
                guard let (body, end) = balanced(from: index + 1, open: "{", close: "}") else {
                    throw MathError("missing } in \\ce", command: "\\ce")
                }
                nodes.append(try parseChemistryText(Array(body.unicodeScalars)))
                index = end
                inFormula = true
            case "^", "_":
                index += 1
                var script = ""
                if index < scalars.count, scalars[index] == "{",
                   let (body, end) = balanced(from: index + 1, open: "{", close: "}") {
                    script = body
                    index = end
                } else {
                    while index < scalars.count, Self.isDigit(scalars[index]) || scalars[index] == "+" || scalars[index] == "-"
                            || (scalar == "_" && Lexer.isLetter(scalars[index])) {
                        script.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                }
                if script.isEmpty, scalar == "^" {
                    nodes.append(.operator("↑", OperatorAttributes(stretchy: false)))
                    continue
                }
                let node = Self.chargeNode(script)
                let base = nodes.popLast() ?? .empty
                nodes.append(try Self.attach(node, to: base, superscript: scalar == "^"))
            case "+" where inFormula && isBoundary(index + 1), "-" where inFormula && isBoundary(index + 1):
                let base = nodes.popLast() ?? .empty
                nodes.append(try Self.attach(Self.chargeNode(String(scalar)), to: base, superscript: true))
                index += 1
            case "+":
                nodes.append(.operator("+", OperatorAttributes()))
                index += 1
            case "=":
                nodes.append(.operator("=", OperatorAttributes()))
                index += 1
            case "*", "·":
                nodes.append(.operator("⋅", OperatorAttributes(lspace: 0.1, rspace: 0.1)))
                index += 1
                inFormula = false
            case "(", "[":
                nodes.append(.operator(String(scalar), OperatorAttributes(stretchy: false, lspace: 0, rspace: 0, isOpening: true)))
                index += 1
            case ")", "]":
                nodes.append(.operator(String(scalar), OperatorAttributes(stretchy: false, lspace: 0, rspace: 0)))
                index += 1
                inFormula = true
            default:
                if Self.isDigit(scalar) {
                    var number = ""
                    while index < scalars.count, Self.isDigit(scalars[index]) || scalars[index] == "." || scalars[index] == "/" {
                        number.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                    if inFormula {
                        let base = nodes.popLast() ?? .empty
                        nodes.append(try Self.attach(.number(number), to: base, superscript: false))
                    } else {
                        nodes.append(.number(number))
                    }
                } else if scalar == "v", !inFormula, isBoundary(index + 1) {
                    nodes.append(.operator("↓", OperatorAttributes(stretchy: false)))
                    index += 1
                } else if scalar.properties.isAlphabetic {
                    var name = String(Character(scalar))
                    index += 1
                    let isElement = scalar.properties.isUppercase
                    while index < scalars.count, scalars[index].properties.isLowercase,
                          !isElement || !(scalars[index] == "v" && isBoundary(index + 1)) {
                        name.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                    nodes.append(.identifier(name, upright: true, isFunction: false))
                    inFormula = true
                } else {
                    nodes.append(characterNode(scalar))
                    index += 1
                }
            }
        }
        return Self.row(nodes)
    }

    /// A charge or index such as `2-`, `3+` or `n`, with a real minus sign.
    private static func chargeNode(_ text: String) -> MathNode {
        var parts: [MathNode] = []
        var digits = ""
        for scalar in text.unicodeScalars {
            if isDigit(scalar) {
                digits.unicodeScalars.append(scalar)
                continue
            }
            if !digits.isEmpty { parts.append(.number(digits)); digits = "" }
            switch scalar {
            case "-": parts.append(.operator("−", OperatorAttributes(lspace: 0, rspace: 0)))
            case "+": parts.append(.operator("+", OperatorAttributes(lspace: 0, rspace: 0)))
            default: parts.append(.identifier(String(scalar), upright: false, isFunction: false))
            }
        }
        if !digits.isEmpty { parts.append(.number(digits)) }
        return parts.count == 1 ? parts[0] : .row(parts)
    }

    /// Parses a piece of TeX math inside `\ce` with the formula's macros.
    private mutating func parseNestedMath(_ source: String) throws(MathError) -> MathNode {
        var nested = Parser(tokens: try Lexer.tokenize(source), macros: stream.macros, display: false,
                            firstEquationNumber: nextEquationNumber)
        nested.depth = depth
        return try nested.parseFormula()
    }
}
