import Foundation

/// One work as the CSL processor sees it: a type and CSL variables (text, names, dates).
public struct CSLItem: Sendable, Equatable {
    public var id: String
    /// The CSL type (`article-journal`, `book`, …).
    public var type: String
    /// Text and number variables by CSL name (`title`, `volume`, `page`, `DOI`, …).
    public var text: [String: String]
    /// Name variables (`author`, `editor`, …).
    public var names: [String: [CSLName]]
    /// Date variables (`issued`, `accessed`, …).
    public var dates: [String: CSLDate]

    public init(
        id: String, type: String, text: [String: String] = [:], names: [String: [CSLName]] = [:],
        dates: [String: CSLDate] = [:]
    ) {
        self.id = id
        self.type = type
        self.text = text
        self.names = names
        self.dates = dates
    }

    /// True when the variable has a non-empty value of any kind.
    public func has(_ variable: String) -> Bool {
        if let value = text[variable] { return !value.isEmpty }
        if let list = names[variable] { return !list.isEmpty }
        return dates[variable] != nil
    }
}

/// A name split as CSL splits it.
public struct CSLName: Sendable, Equatable, Hashable {
    public var family: String?
    public var given: String?
    /// A particle dropped when only the family name shows (`de` in `Jean de La Fontaine`).
    public var droppingParticle: String?
    /// A particle kept with the family name (`La` in `Jean de La Fontaine`).
    public var nonDroppingParticle: String?
    public var suffix: String?
    /// True when the suffix is written after a comma (`Jr.`).
    public var commaSuffix = false
    /// A name that is not split (an organisation).
    public var literal: String?

    public init(
        family: String? = nil, given: String? = nil, droppingParticle: String? = nil,
        nonDroppingParticle: String? = nil, suffix: String? = nil, commaSuffix: Bool = false, literal: String? = nil
    ) {
        self.family = family
        self.given = given
        self.droppingParticle = droppingParticle
        self.nonDroppingParticle = nonDroppingParticle
        self.suffix = suffix
        self.commaSuffix = commaSuffix
        self.literal = literal
    }

    /// True for names in scripts written family-first without spaces (Chinese, Japanese, Korean).
    var isEastAsian: Bool {
        let parts = [family, given].compactMap { $0 }
        guard !parts.isEmpty else { return false }
        return parts.allSatisfy { part in
            part.unicodeScalars.contains { (0x3040...0x9FFF).contains($0.value) || (0xAC00...0xD7AF).contains($0.value) }
        }
    }

    /// True when the name is written in Latin or Cyrillic script (and so spaced and inverted by styles).
    var isRomanesque: Bool {
        let parts = [family, given].compactMap { $0 }
        return parts.allSatisfy { part in
            part.unicodeScalars.allSatisfy { $0.value < 0x0530 || (0x1E00...0x20FF).contains($0.value) || $0 == "\u{2019}" }
        }
    }
}

/// A date, a range of two dates, or a literal date.
public struct CSLDate: Sendable, Equatable {
    /// One (a date) or two (a range) arrays of year, month, day; a month 13–16 is a season.
    public var parts: [[Int]]
    public var season: String?
    public var circa = false
    public var literal: String?

    public init(parts: [[Int]], season: String? = nil, circa: Bool = false, literal: String? = nil) {
        self.parts = parts
        self.season = season
        self.circa = circa
        self.literal = literal
    }

    /// A sort key: the start date as zero-padded `YYYYYMMDD`, then the end date.
    var sortKey: String {
        func key(_ date: [Int]) -> String {
            let year = date.first ?? 0
            let shifted = year + 50_000
            return String(format: "%06d%02d%02d", shifted, date.count > 1 ? date[1] % 20 : 0, date.count > 2 ? date[2] : 0)
        }
        guard let first = parts.first else { return "" }
        return key(first) + (parts.count > 1 ? key(parts[1]) : "")
    }
}

/// Reads CSL-JSON items: the input format of the CSL test suite and of CSL-JSON bibliographies.
public enum CSLJSON {
    /// The items of a CSL-JSON array, or nil when the text is not a JSON array.
    public static func items(_ text: String) -> [CSLItem]? {
        guard let data = text.data(using: .utf8),
            let array = (try? JSONSerialization.jsonObject(with: data)) as? [Any]
        else { return nil }
        return array.compactMap { ($0 as? [String: Any]).map(item) }
    }

    /// The CSL variables that hold names.
    static let nameVariables: Set<String> = [
        "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor", "curator",
        "director", "editor", "editorial-director", "editor-translator", "executive-producer", "guest", "host",
        "illustrator", "interviewer", "narrator", "organizer", "original-author", "performer", "producer", "recipient",
        "reviewed-author", "script-writer", "series-creator", "translator",
    ]

    /// One item from its JSON object.
    public static func item(_ object: [String: Any]) -> CSLItem {
        var item = CSLItem(id: string(object["id"]) ?? "", type: string(object["type"]) ?? "document")
        for (key, value) in object where key != "id" && key != "type" {
            if nameVariables.contains(key), let list = value as? [Any] {
                item.names[key] = list.compactMap { ($0 as? [String: Any]).map(name) }
            } else if let dateObject = value as? [String: Any] {
                if let date = date(dateObject) { item.dates[key] = date }
            } else if let text = string(value) {
                item.text[key] = text
            }
        }
        return item
    }

    static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String: return text
        case let number as NSNumber:
            let double = number.doubleValue
            return double == double.rounded() && abs(double) < 1e15 ? String(Int(double)) : "\(double)"
        default: return nil
        }
    }

    static func name(_ object: [String: Any]) -> CSLName {
        var name = CSLName(
            family: string(object["family"]), given: string(object["given"]),
            droppingParticle: string(object["dropping-particle"]),
            nonDroppingParticle: string(object["non-dropping-particle"]),
            suffix: string(object["suffix"]), literal: string(object["literal"]))
        let spaces = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{00A0}"))
        name.family = name.family?.trimmingCharacters(in: spaces)
        name.given = name.given?.trimmingCharacters(in: spaces)
        if let comma = object["comma-suffix"] { name.commaSuffix = (comma as? Bool) ?? (string(comma) == "true") }
        if name.family == nil, name.given == nil, name.literal == nil, let literal = string(object["name"]) { name.literal = literal }
        let parse = object["parse-names"].map { ($0 as? Bool) ?? (string($0) != "false") } ?? true
        if parse, name.literal == nil { name = NameParsing.splitParticles(name) }
        return name
    }

    static func date(_ object: [String: Any]) -> CSLDate? {
        let circa = object["circa"].map { ($0 as? Bool) ?? (string($0).map { !$0.isEmpty && $0 != "0" } ?? false) } ?? false
        let season = string(object["season"])
        if let raw = object["date-parts"] as? [Any] {
            let parts: [[Int]] = raw.compactMap { entry in
                guard let list = entry as? [Any] else { return nil }
                let numbers = list.compactMap { value -> Int? in
                    if let number = value as? NSNumber { return number.intValue }
                    return string(value).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                }
                return numbers.isEmpty ? nil : numbers
            }
            if !parts.isEmpty { return CSLDate(parts: parts, season: season, circa: circa) }
        }
        if let literal = string(object["literal"]) { return CSLDate(parts: [], circa: circa, literal: literal) }
        if let raw = string(object["raw"]) {
            let ranges = raw.split(separator: "/").map { $0.split(separator: "-").compactMap { Int($0) } }.filter { !$0.isEmpty }
            if !ranges.isEmpty { return CSLDate(parts: ranges, season: season, circa: circa) }
            return CSLDate(parts: [], literal: raw)
        }
        return nil
    }
}

/// Splits particles written in the family or given name, as CSL processors do for CSL-JSON input.
enum NameParsing {
    static func isParticle(_ word: Substring) -> Bool {
        guard let first = word.first else { return false }
        return first.isLowercase || word.hasSuffix("'") || word.hasSuffix("\u{2019}") || isElidedParticle(word)
    }

    /// `'t` (as in "in 't Hoff"): an apostrophe and lower-case letters.
    static func isElidedParticle(_ word: Substring) -> Bool {
        guard let first = word.first, first == "'" || first == "\u{2019}", word.count > 1 else { return false }
        return word.dropFirst().allSatisfy(\.isLowercase)
    }

    static func splitParticles(_ input: CSLName) -> CSLName {
        var name = input
        // A family name in double quotes is kept whole.
        if let family = name.family, family.count > 2, family.hasPrefix("\""), family.hasSuffix("\"") {
            name.family = String(family.dropFirst().dropLast())
            return name
        }
        // "al-One": a lower-case particle joined by a hyphen.
        if name.nonDroppingParticle == nil, let family = name.family, !family.contains(" "), let hyphen = family.firstIndex(of: "-"),
            family[..<hyphen].allSatisfy({ $0.isLowercase }), hyphen != family.startIndex, family[..<hyphen].count <= 3
        {
            name.nonDroppingParticle = String(family[...hyphen])
            name.family = String(family[family.index(after: hyphen)...])
        }
        // "van der Berg" in family: leading lower-case words are a non-dropping particle.
        if name.nonDroppingParticle == nil, let family = name.family, family.contains(" ") || family.contains("'") {
            let words = family.split(separator: " ")
            var count = 0
            // `'t` in "in 't Hoff" counts as a particle too.
            while count < words.count - 1, isParticle(words[count]),
                words[count].first?.isLetter == true || isElidedParticle(words[count])
            { count += 1 }
            if count > 0 {
                name.nonDroppingParticle = words[0..<count].joined(separator: " ")
                name.family = words[count...].joined(separator: " ")
            } else if let apostrophe = family.firstIndex(where: { $0 == "'" || $0 == "\u{2019}" }),
                family[..<apostrophe].allSatisfy({ $0.isLowercase }), apostrophe != family.startIndex,
                !family[..<apostrophe].contains(" ")
            {
                name.nonDroppingParticle = String(family[...apostrophe])
                name.family = String(family[family.index(after: apostrophe)...])
            }
        }
        // "Jean de" in given: trailing lower-case words are a dropping particle.
        if name.droppingParticle == nil, let given = name.given, given.contains(" ") {
            let words = given.split(separator: " ")
            var count = 0
            while count < words.count - 1, isParticle(words[words.count - 1 - count]),
                words[words.count - 1 - count].first?.isLetter == true
            { count += 1 }
            if count > 0 {
                name.droppingParticle = words[(words.count - count)...].joined(separator: " ")
                name.given = words[..<(words.count - count)].joined(separator: " ")
            }
        }
        // "John, Jr." in given: a suffix after a comma.
        if name.suffix == nil, let given = name.given, let comma = given.firstIndex(of: ",") {
            let suffix = given[given.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            if !suffix.isEmpty {
                name.given = given[..<comma].trimmingCharacters(in: .whitespaces)
                name.suffix = suffix
                if suffix.hasPrefix("!") {
                    name.suffix = String(suffix.dropFirst()).trimmingCharacters(in: .whitespaces)
                    name.commaSuffix = true
                }
            }
        }
        return name
    }
}
