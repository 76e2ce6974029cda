/// BibTeX name lists: `and` between names (at brace depth 0), `and others` for a list cut short, and each
/// name in one of BibTeX's three forms — `First von Last`, `von Last, First`, `von Last, Jr, First` —
/// where lower-case words are the particle (`van der`) and a name in braces (`{OpenAI}`) is kept whole.
enum BibTeXNames {
    /// The names of a field, and whether it ended in `and others`.
    static func parse(_ field: String) -> (names: [Name], others: Bool) {
        var names: [Name] = []
        var others = false
        for part in splitAnd(field) {
            let trimmed = TeXText.collapseSpaces(part)
            if trimmed.isEmpty { continue }
            if trimmed.lowercased() == "others" {
                others = true
                continue
            }
            names.append(name(trimmed))
        }
        return (names, others)
    }

    /// Splits at ` and ` outside braces (any case, any white space around it).
    static func splitAnd(_ field: String) -> [String] {
        let words = tokens(field, separators: [" ", "\n", "\t", "\r"])
        var parts: [String] = []
        var current: [String] = []
        for word in words {
            if word.lowercased() == "and" {
                parts.append(current.joined(separator: " "))
                current = []
            } else {
                current.append(word)
            }
        }
        parts.append(current.joined(separator: " "))
        return parts
    }

    /// One name in any of the three forms.
    static func name(_ text: String) -> Name {
        let pieces = splitCommas(text)
        if pieces.count == 1 {
            let words = tokens(pieces[0], separators: [" "])
            if words.count == 1, let only = words.first, isBraced(only) {
                return Name(literal: TeXText.unicode(only))
            }
            // First von Last: von runs from the first lower-case word to the last lower-case word before the end.
            let lowers = words.indices.dropLast().filter { isLowercase(words[$0]) }
            if let firstLower = lowers.first, let lastLower = lowers.last {
                return make(given: words[..<firstLower], particle: words[firstLower...lastLower], family: words[(lastLower + 1)...])
            }
            return make(given: words.dropLast(), particle: [], family: words.suffix(1))
        }
        let head = tokens(pieces[0], separators: [" "])
        // von Last: the particle is the leading lower-case words, leaving at least one word for the family name.
        var split = 0
        while split < head.count - 1, isLowercase(head[split]) { split += 1 }
        var result = make(given: tokens(pieces.last ?? "", separators: [" "])[...], particle: head[..<split], family: head[split...])
        if pieces.count >= 3 {
            let suffix = TeXText.unicode(pieces[1])
            result.suffix = suffix.isEmpty ? nil : suffix
        }
        if result.family == nil, result.given != nil, result.particle == nil { return Name(literal: result.given) }
        return result
    }

    private static func make(given: ArraySlice<String>, particle: ArraySlice<String>, family: ArraySlice<String>) -> Name {
        func text(_ words: ArraySlice<String>) -> String? {
            let joined = TeXText.unicode(words.joined(separator: " "))
            return joined.isEmpty ? nil : joined
        }
        return Name(family: text(family), given: text(given), particle: text(particle))
    }

    /// Splits at commas outside braces, trimming each piece.
    private static func splitCommas(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "{" { depth += 1 } else if character == "}" { depth = max(0, depth - 1) }
            if character == ",", depth == 0 {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        return pieces.map { TeXText.collapseSpaces($0) }
    }

    /// Words split at `separators` outside braces.
    private static func tokens(_ text: String, separators: Set<Character>) -> [String] {
        var words: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "{" { depth += 1 } else if character == "}" { depth = max(0, depth - 1) }
            if depth == 0, separators.contains(character) {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static func isBraced(_ word: String) -> Bool {
        guard word.hasPrefix("{"), word.hasSuffix("}") else { return false }
        var depth = 0
        for (offset, character) in word.enumerated() {
            if character == "{" { depth += 1 } else if character == "}" { depth -= 1 }
            if depth == 0, offset < word.count - 1 { return false }
        }
        return true
    }

    /// BibTeX's test: the first letter at brace depth 0 is lower case; a word that starts with a brace group
    /// counts as lower case only when the group is a special character (`{\"u}ber`) whose letter is.
    private static func isLowercase(_ word: String) -> Bool {
        var depth = 0
        var previous: Character = " "
        for character in word {
            if character == "{" {
                depth += 1
            } else if character == "}" {
                depth -= 1
            } else if depth == 0, character.isLetter {
                return character.isLowercase
            } else if depth == 1, previous == "{", character != "\\" {
                return false
            } else if depth == 1, character.isLetter, previous != "\\" {
                return character.isLowercase
            }
            previous = character
        }
        return false
    }
}

extension Name {
    /// A name written as in a `.bib` file or front matter — `Ada Lovelace`, `van der Maaten, Laurens`,
    /// `{OpenAI}` — split into its parts (TeX accents become characters).
    public init(writtenAs text: String) {
        self = BibTeXNames.name(TeXText.collapseSpaces(text))
    }
}
