/// `\pu{…}`: a physical quantity, a number and its unit, as mhchem writes it: digits grouped in
/// threes beyond four, `1.2e3` as 1.2⋅10³, `x`/`\times` before `10^` as ×, upright units with
/// exponents (`mol-1`, `m^2`), `/` as a slash and `//` as a fraction.
extension Parser {
    mutating func parseUnits(_ source: String) throws(MathError) -> MathNode {
        var text = ChemistryText(source.trimmingSpaces)
        var nodes = Self.quantityNumber(&text)
        while text.current == " " { text.index += 1 }
        if !text.isAtEnd {
            let unit = String(String.UnicodeScalarView(text.scalars[text.index...]))
            if !nodes.isEmpty { nodes.append(.text("\u{A0}", css: nil)) }
            nodes.append(try parseUnitExpression(unit))
        }
        return Self.row(nodes)
    }

    /// The number at the start of a quantity, with its sign, uncertainty and power of ten.
    private static func quantityNumber(_ text: inout ChemistryText) -> [MathNode] {
        let tight = OperatorAttributes(stretchy: false, lspace: 0, rspace: 0)
        var nodes: [MathNode] = []
        if text.take("+-") || text.take("+/-") || text.take("\\pm") || text.take("±") {
            nodes.append(.operator("±", tight))
        } else if text.take("+") {
            nodes.append(.operator("+", tight))
        } else if text.take("-") {
            nodes.append(.operator("−", tight))
        }
        let start = text.index
        let whole = text.run(while: ChemistryText.isDigit)
        var fraction: String?
        var separator = "."
        if let mark = text.current, mark == "." || mark == ",", text.scalar(at: 1).map(ChemistryText.isDigit) == true {
            separator = String(Character(mark))
            text.index += 1
            fraction = text.run(while: ChemistryText.isDigit)
        }
        guard !whole.isEmpty || fraction != nil else {
            text.index = start
            return nodes
        }
        nodes += groupedDigits(whole, fraction: fraction, separator: separator)
        if text.current == "(" {
            var probe = text
            probe.index += 1
            let digits = probe.run(while: ChemistryText.isDigit)
            if !digits.isEmpty, probe.take(")") {
                text = probe
                nodes += [.operator("(", tight), .number(digits), .operator(")", tight)]
            }
        }
        // A power of ten: 1.2e3, 1.2E-3, 1.2x10^3, 1.2 \times 10^3, 1.2*10^3, 10^3.
        var probe = text
        var times: String?
        // mhchem writes `e` as a centred dot and `E` as a cross, like `*` and `x`.
        if probe.take("e") {
            times = "⋅"
        } else if probe.take("E") {
            times = "×"
        } else {
            while probe.current == " " { probe.index += 1 }
            if probe.take("*") { times = "⋅" } else if probe.take("x") || probe.take("\\times") || probe.take("×") { times = "×" }
            while probe.current == " " { probe.index += 1 }
            if times != nil, !probe.take("10^") { times = nil }
        }
        if times == nil, probe.take("^") { times = "" }
        if let times, let exponent = exponentText(&probe) {
            text = probe
            let power = MathNode.scripts(.number("10"), sub: nil, sup: exponent)
            if times.isEmpty {
                nodes[nodes.count - 1] = .scripts(nodes[nodes.count - 1], sub: nil, sup: exponent)
            } else {
                nodes += [.operator(times, OperatorAttributes(stretchy: false, lspace: 0.2222, rspace: 0.2222)), power]
            }
        }
        return nodes
    }

    /// An exponent: `{…}` or a signed integer; nil, with nothing read, for anything else.
    private static func exponentText(_ text: inout ChemistryText) -> MathNode? {
        var probe = text
        let braced = probe.take("{")
        var sign = ""
        if probe.take("-") { sign = "−" } else if probe.take("+") { sign = "+" }
        let digits = probe.run(while: ChemistryText.isDigit)
        guard !digits.isEmpty, !braced || probe.take("}") else { return nil }
        text = probe
        if sign.isEmpty { return .number(digits) }
        return .row([.operator(sign, OperatorAttributes(stretchy: false, lspace: 0, rspace: 0)), .number(digits)])
    }

    /// Digits in groups of three (with a thin space) when there are more than four on a side.
    private static func groupedDigits(_ whole: String, fraction: String?, separator: String) -> [MathNode] {
        func groups(_ digits: String, fromLeft: Bool) -> [String] {
            let scalars = Array(digits.unicodeScalars)
            guard scalars.count > 4 else { return [digits] }
            var result: [String] = []
            var end = scalars.count
            if fromLeft {
                var start = 0
                while start < scalars.count {
                    result.append(String(String.UnicodeScalarView(scalars[start..<min(start + 3, scalars.count)])))
                    start += 3
                }
                return result
            }
            while end > 0 {
                result.insert(String(String.UnicodeScalarView(scalars[max(0, end - 3)..<end])), at: 0)
                end -= 3
            }
            return result
        }
        var parts = groups(whole, fromLeft: false)
        if let fraction {
            let fractionParts = groups(fraction, fromLeft: true)
            parts[parts.count - 1] += separator + fractionParts[0]
            parts += fractionParts.dropFirst()
        }
        var nodes: [MathNode] = []
        for (position, part) in parts.enumerated() {
            if position > 0 { nodes.append(.space(0.1111)) }
            nodes.append(.number(part))
        }
        return nodes
    }

    /// A unit: `//` makes a fraction, `/` a slash, spaces and `*` or `.` separate unit factors.
    private mutating func parseUnitExpression(_ source: String) throws(MathError) -> MathNode {
        let scalars = Array(source.unicodeScalars)
        if let slash = scalars.indices.dropLast().first(where: { scalars[$0] == "/" && scalars[$0 + 1] == "/" }) {
            let numerator = try parseUnitProduct(String(String.UnicodeScalarView(scalars[..<slash])).trimmingSpaces)
            let denominator = try parseUnitProduct(String(String.UnicodeScalarView(scalars[(slash + 2)...])).trimmingSpaces)
            return .style(
                .fraction(numerator, denominator, thickness: nil, displayParts: false),
                displayStyle: false, scriptLevel: nil, size: nil)
        }
        if let slash = source.firstIndex(of: "/") {
            let numeratorText = String(source[..<slash]).trimmingSpaces
            let denominatorText = String(source[source.index(after: slash)...]).trimmingSpaces
            let compound =
                numeratorText.contains(" ") || denominatorText.contains(" ")
                || numeratorText.contains("*") || denominatorText.contains("*")
            let space = compound ? 0.1667 : 0
            return .row([
                try parseUnitProduct(numeratorText),
                .operator("/", OperatorAttributes(stretchy: false, lspace: space, rspace: space)),
                try parseUnitExpression(denominatorText),
            ])
        }
        return try parseUnitProduct(source)
    }

    /// Unit factors separated by spaces (a small space) or `*`/`.` (a centred dot).
    private mutating func parseUnitProduct(_ source: String) throws(MathError) -> MathNode {
        var text = ChemistryText(source)
        var nodes: [MathNode] = []
        var separator: MathNode?
        while let scalar = text.current {
            if scalar == " " {
                text.index += 1
                if separator == nil { separator = .space(0.1667) }
                continue
            }
            if scalar == "*" || (scalar == "." && !nodes.isEmpty) || scalar == "\u{22C5}" || scalar == "\u{B7}" {
                text.index += 1
                separator = .row([.space(0.0556), .operator("⋅", OperatorAttributes(stretchy: false, lspace: 0, rspace: 0)), .space(0.0556)])
                continue
            }
            if let separator, !nodes.isEmpty { nodes.append(separator) }
            separator = nil
            nodes.append(try parseUnitFactor(&text))
        }
        return Self.row(nodes)
    }

    /// One unit with its exponent: `kJ`, `mol-1`, `m^2`, `°C`, `^oC`, `\mu m`.
    private mutating func parseUnitFactor(_ text: inout ChemistryText) throws(MathError) -> MathNode {
        var parts: [MathNode] = []
        var name = ""
        func flushName() {
            if !name.isEmpty { parts.append(.identifier(name, upright: true, isFunction: false)) }
            name = ""
        }
        var exponent: MathNode?
        while let scalar = text.current, scalar != " ", scalar != "*", scalar != "\u{22C5}", scalar != "\u{B7}",
            !(scalar == "." && !(parts.isEmpty && name.isEmpty))
        {
            if text.take("^oC") || text.take("^{o}C") || text.take("°C") {
                name += "°C"
            } else if text.take("^oF") || text.take("^{o}F") || text.take("°F") {
                name += "°F"
            } else if scalar == "^" {
                text.index += 1
                if let number = Self.exponentText(&text) {
                    exponent = number
                } else if let braced = text.braced() {
                    exponent = .text(braced, css: nil)
                }
            } else if ChemistryText.isDigit(scalar) || (scalar == "-" && text.scalar(at: 1).map(ChemistryText.isDigit) == true),
                !(parts.isEmpty && name.isEmpty)
            {
                exponent = Self.exponentText(&text)
            } else if scalar == "\\" {
                let start = text.index
                guard let command = text.command() else {
                    text.index += 1
                    continue
                }
                flushName()
                var node = try parseNestedMath(String(String.UnicodeScalarView(text.scalars[start..<text.index])))
                if case .identifier(let symbol, false, false) = node, ChemistryText.greekCommands.contains(command) {
                    node = .identifier(symbol, upright: true, isFunction: false)
                }
                parts.append(node)
            } else if scalar.properties.isAlphabetic || scalar == "°" || scalar == "%" || scalar == "Å" {
                name.unicodeScalars.append(scalar)
                text.index += 1
            } else {
                flushName()
                parts.append(characterNode(scalar))
                text.index += 1
            }
        }
        flushName()
        let unit = Self.row(parts)
        guard let exponent else { return unit }
        return .scripts(unit, sub: nil, sup: exponent)
    }
}
