/// TeX lengths (`2em`, `-3mu`, `1.5pt`) converted to em.
enum Dimension {
    /// Em per unit, taking 1em = 10pt as in Computer Modern at 10pt.
    private static let units: [String: Double] = [
        "em": 1, "ex": 0.431, "mu": 1.0 / 18, "pt": 0.1, "bp": 0.1004, "pc": 1.2, "dd": 0.107, "cc": 1.284,
        "sp": 0.1 / 65536, "in": 7.227, "cm": 2.845, "mm": 0.2845, "px": 0.0625,
    ]

    /// Parses a length such as `-1.5em`; nil if it is not one.
    static func em(_ text: String) -> Double? {
        let trimmed = text.filter { $0 != " " }
        var number = ""
        var unit = ""
        for character in trimmed {
            if unit.isEmpty, character.isNumber || character == "." || character == "-" || character == "+" || character == "," {
                number.append(character == "," ? "." : character)
            } else {
                unit.append(character)
            }
        }
        if number == "-" || number == "+" { number += "1" }
        guard let value = Double(number.isEmpty ? "1" : number), let scale = units[unit] else { return nil }
        let em = value * scale
        return em.isFinite && abs(em) < 1000 ? em : nil
    }

    /// A short decimal for an attribute value.
    static func format(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e9 else { return "0" }
        let scaled = Int(value * 10_000 + (value >= 0 ? 0.5 : -0.5))
        let sign = scaled < 0 ? "-" : ""
        let magnitude = abs(scaled)
        let whole = magnitude / 10_000
        var fraction = magnitude % 10_000
        guard fraction != 0 else { return sign + String(whole) }
        var digits = 4
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let fractionText = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }
}

extension Parser {
    /// Reads a length: a braced argument (`\hspace{1em}`) or tokens up to the unit (`\kern2pt`).
    mutating func readDimension(for command: String = "kern") throws(MathError) -> Double {
        stream.skipSpaces()
        var text = ""
        if try stream.peek() == .beginGroup {
            text = try parseRawText(for: command)
        } else {
            var letters = 0
            while case .character(let scalar)? = stream.peekRaw, letters < 2 {
                if Lexer.isLetter(scalar) { letters += 1 } else if letters > 0 { break }
                text.unicodeScalars.append(scalar)
                _ = stream.nextRaw()
                if letters == 0 { stream.skipSpaces() }
            }
        }
        guard let value = Dimension.em(text), value.isFinite, abs(value) < 1000 else {
            throw MathError("invalid length \"\(text)\"", command: "\\" + command)
        }
        return value
    }
}
