import Foundation

/// Numeric variables: the is-numeric test, number forms, page ranges and plural detection.
enum Numbers {
    /// Splits `12-15, 17 & 19` into numbers and the separators between them; nil when a token is not numeric.
    static func tokens(_ value: String) -> [(number: String, separator: String)]? {
        var result: [(String, String)] = []
        var current = ""
        var separator = ""
        var index = value.startIndex
        func flush() -> Bool {
            let trimmed = current.trimmingCharacters(in: .whitespaces)
            guard isNumericToken(trimmed) else { return false }
            result.append((trimmed, separator))
            current = ""
            separator = ""
            return true
        }
        while index < value.endIndex {
            let character = value[index]
            if "-–,&".contains(character) {
                guard flush() else { return nil }
                var sep = String(character)
                var next = value.index(after: index)
                while next < value.endIndex, value[next] == " " || "-–,&".contains(value[next]) && value[next] == character {
                    next = value.index(after: next)
                }
                if character == "," { sep = ", " } else if character == "&" { sep = " & " } else { sep = "-" }
                separator = sep
                index = next
                continue
            }
            if value[index...].hasPrefix(" and ") {
                guard flush() else { return nil }
                separator = " and "
                index = value.index(index, offsetBy: 5)
                continue
            }
            current.append(character)
            index = value.index(after: index)
        }
        guard flush() else { return nil }
        return result
    }

    static func isNumericToken(_ token: String) -> Bool {
        guard !token.isEmpty, token.contains(where: \.isNumber) else { return false }
        // Digits with letter prefixes or suffixes (`D2`, `2b`), not words (`2nd edition` has a space).
        return token.allSatisfy { $0.isLetter || $0.isNumber } && !token.contains(" ")
    }

    static func isNumeric(_ value: String) -> Bool { tokens(value) != nil }

    /// A range or list of numbers (`12–15`, `3, 5`, `2 & 4`).
    static func isPlural(_ value: String) -> Bool {
        if let tokens = tokens(value) { return tokens.count > 1 }
        return false
    }

    /// Zero-padded numbers for sort keys.
    static func sortKey(_ value: String) -> String {
        let digits = value.prefix { $0.isNumber }
        guard let number = Int(digits) else { return value }
        return String(format: "%010d", number) + value.dropFirst(digits.count)
    }

    static func format(_ value: String, form: String, variable: String, locale: CSLLocale, pageRangeFormat: String?) -> String {
        guard let tokens = tokens(value) else { return value }
        var result = ""
        for (number, separator) in tokens {
            result += separator == "-" ? "–" : separator
            guard let integer = Int(number) else {
                result += number
                continue
            }
            switch form {
            case "ordinal": result += "\(integer)" + locale.ordinalSuffix(integer, noun: variable)
            case "long-ordinal": result += locale.longOrdinal(integer, noun: variable)
            case "roman": result += roman(integer)
            default: result += number
            }
        }
        if variable == "page", form == "numeric" { return pageRange(result, format: pageRangeFormat) }
        return result
    }

    static func roman(_ number: Int) -> String {
        guard number > 0, number < 4000 else { return String(number) }
        let table: [(Int, String)] = [
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
            (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ]
        var rest = number
        var result = ""
        for (value, letters) in table {
            while rest >= value {
                result += letters
                rest -= value
            }
        }
        return result
    }

    /// Page ranges with an en dash, in the style's page-range-format (expanded, minimal, minimal-two, chicago).
    static func pageRange(_ value: String, format: String?) -> String {
        var result = ""
        var rest = Substring(value)
        while !rest.isEmpty {
            // A range: digits, a hyphen or en dash, digits.
            if let match = rest.firstMatch(of: /^([A-Za-z]*)(\d+)\s*[-–]+\s*([A-Za-z]*)(\d+)/) {
                let (_, prefix1, first, prefix2, second) = match.output
                var secondText = String(second)
                if prefix1 == prefix2, let a = Int(first), let b = Int(second), let format {
                    secondText = formatRange(String(first), String(second), a: a, b: b, format: format)
                }
                result += prefix1 + first + "–" + prefix2 + secondText
                rest = rest[match.range.upperBound...]
            } else {
                result.append(rest.removeFirst())
                while let character = rest.first, character.isNumber || character.isLetter { result.append(rest.removeFirst()) }
            }
        }
        return result
    }

    static func formatRange(_ first: String, _ second: String, a: Int, b: Int, format: String) -> String {
        var expandedSecond = second
        if second.count < first.count {
            expandedSecond = String(first.prefix(first.count - second.count)) + second
        }
        guard let expanded = Int(expandedSecond), expanded > a, expandedSecond.count == first.count else { return second }
        func minimal(_ keep: Int) -> String {
            let f = Array(first)
            let s = Array(expandedSecond)
            var index = 0
            while index < f.count - 1, f[index] == s[index] { index += 1 }
            let kept = max(f.count - index, min(keep, s.count))
            return String(s.suffix(kept))
        }
        switch format {
        case "expanded": return expandedSecond
        case "minimal": return minimal(1)
        case "minimal-two": return minimal(2)
        case "chicago", "chicago-15", "chicago-16":
            if a < 100 || a % 100 == 0 { return expandedSecond }
            if a % 100 < 10 { return minimal(1) }
            let two = minimal(2)
            if format != "chicago-16", first.count == 4, two.count >= 3 { return expandedSecond }
            return two
        default: return second
        }
    }
}
