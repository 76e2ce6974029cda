import Foundation

/// BibTeX field text (TeX) to Unicode: accents (`{\"o}`, `\'{e}`, `\c c`), letters (`\ss`, `\o`, `\aa`),
/// escaped specials (`\&`, `\%`), dashes (`--`, `---`), ties (`~`), and formatting commands, whose
/// argument is kept (`\emph{x}` → `x`). Braces (case protection) are dropped. Never fails: an unknown
/// command keeps its argument and loses its name.
enum TeXText {
    /// `text` as Unicode, in Normalization Form C.
    static func unicode(_ text: String) -> String {
        guard text.contains(where: { "\\{}~-$".contains($0) }) else { return collapseSpaces(text) }
        var converter = Converter(scalars: Array(text.unicodeScalars))
        let output = converter.run(until: nil)
        return collapseSpaces(output.precomposedStringWithCanonicalMapping)
    }

    /// A URL or DOI field: braces dropped and `\_`, `\%`, `\&`, `\#`, `\~` unescaped; nothing else changes.
    static func verbatim(_ text: String) -> String {
        var output = ""
        var escaped = false
        for character in text {
            if escaped {
                output.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character != "{" && character != "}" {
                output.append(character)
            }
        }
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs of white space (line breaks in a field) as one space, trimmed.
    static func collapseSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// Combining marks of TeX's accent commands.
    static let accents: [String: Unicode.Scalar] = [
        "\"": "\u{0308}", "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}", "~": "\u{0303}", "=": "\u{0304}",
        ".": "\u{0307}", "u": "\u{0306}", "v": "\u{030C}", "H": "\u{030B}", "c": "\u{0327}", "k": "\u{0328}",
        "r": "\u{030A}", "d": "\u{0323}", "b": "\u{0331}", "t": "\u{0361}",
    ]

    /// Commands that stand for a letter or symbol.
    static let symbols: [String: String] = [
        "ss": "ß", "SS": "SS", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å", "o": "ø", "O": "Ø",
        "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ",
        "&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", " ": " ", ",": "\u{2009}", ";": " ",
        "textendash": "–", "textemdash": "—", "textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“",
        "textquotedblright": "”", "dots": "…", "ldots": "…", "textellipsis": "…", "copyright": "©", "textregistered": "®",
        "texttrademark": "™", "textdegree": "°", "S": "§", "P": "¶", "dag": "†", "ddag": "‡", "pounds": "£",
        "euro": "€", "textasciitilde": "~", "textbackslash": "\\", "textbar": "|", "textless": "<", "textgreater": ">",
        "LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX", "guillemotleft": "«", "guillemotright": "»",
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "theta": "θ", "lambda": "λ", "mu": "μ",
        "pi": "π", "sigma": "σ", "tau": "τ", "phi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "ell": "ℓ",
        "infty": "∞", "times": "×", "pm": "±", "leq": "≤", "geq": "≥", "approx": "≈", "to": "→", "rightarrow": "→",
        "textasciicircum": "^", "textbraceleft": "{", "textbraceright": "}", "slash": "/", "-": "",
    ]

    private struct Converter {
        let scalars: [Unicode.Scalar]
        var index = 0
        /// Nesting of recursive calls: a deeply nested input cannot exhaust the stack.
        var nesting = 0

        init(scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        /// Converts up to the `}` that closes the current group (not consumed) or the end.
        mutating func run(until closer: Unicode.Scalar?) -> String {
            var output = String.UnicodeScalarView()
            while index < scalars.count {
                let scalar = scalars[index]
                switch scalar {
                case "}":
                    if closer != nil { return String(output) }
                    index += 1
                case "{":
                    index += 1
                    output.append(contentsOf: group().unicodeScalars)
                case "\\":
                    index += 1
                    output.append(contentsOf: command().unicodeScalars)
                case "~":
                    index += 1
                    output.append("\u{00A0}")
                case "$":
                    index += 1
                case "-":
                    var count = 0
                    while index < scalars.count, scalars[index] == "-", count < 3 {
                        index += 1
                        count += 1
                    }
                    output.append(contentsOf: (count == 1 ? "-" : count == 2 ? "–" : "—").unicodeScalars)
                default:
                    index += 1
                    output.append(scalar)
                }
            }
            return String(output)
        }

        /// A `{…}` group whose `{` was consumed: its converted text; the `}` is consumed.
        mutating func group() -> String {
            guard nesting < 200 else {
                skipGroup()
                return ""
            }
            nesting += 1
            defer { nesting -= 1 }
            let text = run(until: "}")
            if index < scalars.count { index += 1 }
            return text
        }

        private mutating func skipGroup() {
            var depth = 1
            while index < scalars.count, depth > 0 {
                if scalars[index] == "{" { depth += 1 } else if scalars[index] == "}" { depth -= 1 }
                index += 1
            }
        }

        /// A command whose `\` was consumed.
        mutating func command() -> String {
            guard index < scalars.count else { return "" }
            let first = scalars[index]
            var name: String
            if Self.isLetter(first) {
                let start = index
                while index < scalars.count, Self.isLetter(scalars[index]) { index += 1 }
                name = String(String.UnicodeScalarView(scalars[start..<index]))
            } else {
                index += 1
                name = String(first)
            }
            if let mark = TeXText.accents[name] { return accent(mark) }
            let isWord = Self.isLetter(first)
            if isWord { skipSpaces() }
            if let symbol = TeXText.symbols[name] {
                // `{\ss}`, `\ss{}`: an empty group after a letter command is a separator.
                if isWord, index + 1 < scalars.count, scalars[index] == "{", scalars[index + 1] == "}" { index += 2 }
                return symbol
            }
            // A formatting or unknown command: its argument (if any) is kept.
            if index < scalars.count, scalars[index] == "{" {
                index += 1
                return group()
            }
            return ""
        }

        /// Applies an accent to the next letter (`\"o`, `\"{o}`, `\'{\i}`, `\c c`).
        private mutating func accent(_ mark: Unicode.Scalar) -> String {
            skipSpaces()
            guard index < scalars.count else { return String(mark) }
            var base: String
            if scalars[index] == "{" {
                index += 1
                base = group()
            } else if scalars[index] == "\\" {
                index += 1
                base = command()
            } else {
                base = String(scalars[index])
                index += 1
            }
            // A dotless i or j under an accent is the ordinary letter.
            if base.hasPrefix("ı") { base = "i" + base.dropFirst() }
            if base.hasPrefix("ȷ") { base = "j" + base.dropFirst() }
            guard let first = base.unicodeScalars.first else { return String(mark) }
            var view = String.UnicodeScalarView([first, mark])
            view.append(contentsOf: base.unicodeScalars.dropFirst())
            return String(view)
        }

        private mutating func skipSpaces() {
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\n" || scalars[index] == "\t" { index += 1 }
        }

        static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
        }
    }
}
