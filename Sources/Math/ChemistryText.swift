/// The text of a `\ce{…}` or `\pu{…}` argument, read a character at a time.
struct ChemistryText {
    let scalars: [Unicode.Scalar]
    var index = 0

    init(_ text: String) {
        var normalized: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t": normalized.append(" ")
            // mhchem reads the minus sign and dashes as hyphens, an ellipsis as three dots.
            case "\u{2212}", "\u{2013}", "\u{2014}", "\u{2010}": normalized.append("-")
            case "\u{2026}": normalized.append(contentsOf: [".", ".", "."])
            default: normalized.append(scalar)
            }
        }
        scalars = normalized
    }

    var isAtEnd: Bool { index >= scalars.count }
    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    func scalar(at offset: Int) -> Unicode.Scalar? {
        let position = index + offset
        return position < scalars.count ? scalars[position] : nil
    }

    /// Whether `pattern` comes next.
    func matches(_ pattern: String) -> Bool {
        var cursor = index
        for scalar in pattern.unicodeScalars {
            guard cursor < scalars.count, scalars[cursor] == scalar else { return false }
            cursor += 1
        }
        return true
    }

    /// Consumes `pattern` when it comes next.
    mutating func take(_ pattern: String) -> Bool {
        guard matches(pattern) else { return false }
        index += pattern.unicodeScalars.count
        return true
    }

    /// Whether the phrase ends at `offset` from here: the end, a space or a closing character.
    func isBoundary(at offset: Int, also extra: String = "") -> Bool {
        guard let scalar = scalar(at: offset) else { return true }
        return scalar == " " || ",;)]}".unicodeScalars.contains(scalar) || extra.unicodeScalars.contains(scalar)
    }

    /// The text up to the `close` that balances braces, starting after an already consumed
    /// opening character; nil (and nothing consumed) when there is none.
    mutating func balanced(until close: Unicode.Scalar) -> String? {
        var depth = 0
        var cursor = index
        while cursor < scalars.count {
            let scalar = scalars[cursor]
            if scalar == close, depth == 0 {
                let body = String(String.UnicodeScalarView(scalars[index..<cursor]))
                index = cursor + 1
                return body
            }
            if scalar == "{" { depth += 1 }
            if scalar == "}" { depth -= 1 }
            if scalar == "\\", cursor + 1 < scalars.count { cursor += 1 }
            cursor += 1
        }
        return nil
    }

    /// A control sequence starting here (`\alpha`, `\,`), with the spaces after a word skipped.
    mutating func command() -> String? {
        guard current == "\\", let next = scalar(at: 1) else { return nil }
        var end = index + 1
        if Lexer.isLetter(next) {
            while end < scalars.count, Lexer.isLetter(scalars[end]) { end += 1 }
        } else {
            end += 1
        }
        let name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
        index = end
        if Lexer.isLetter(next) { while current == " " { index += 1 } }
        return name
    }

    /// A `{…}` argument following here, braces balanced; nil when none.
    mutating func braced() -> String? {
        let start = index
        guard take("{") else { return nil }
        guard let body = balanced(until: "}") else {
            index = start
            return nil
        }
        return body
    }

    /// A run of characters satisfying `predicate`.
    mutating func run(while predicate: (Unicode.Scalar) -> Bool) -> String {
        var text = String.UnicodeScalarView()
        while let scalar = current, predicate(scalar) {
            text.append(scalar)
            index += 1
        }
        return String(text)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }
    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool { scalar >= "a" && scalar <= "z" }
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool { scalar >= "A" && scalar <= "Z" }

    /// Letters that make up element symbols and names: Latin, Greek, `?` and `@`.
    static func isFormulaLetter(_ scalar: Unicode.Scalar) -> Bool {
        Lexer.isLetter(scalar) || (scalar >= "\u{3B1}" && scalar <= "\u{3C9}")
            || (scalar >= "\u{391}" && scalar <= "\u{3A9}") || scalar == "?" || scalar == "@"
    }

    /// Greek letter commands mhchem treats as letters of a formula (`\mu-Cl`, `\alpha`).
    static let greekCommands: Set<String> = [
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
        "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega", "Gamma",
        "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
    ]
}
