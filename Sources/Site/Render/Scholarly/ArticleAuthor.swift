import Foundation

/// An author of a citeable article as front matter gives them: a plain name (`author: Ada Lovelace`,
/// `authors: [A, B]`) or a map with affiliations and an ORCID iD
/// (`author: [{name: Ada Lovelace, affiliation: Analytical Engines Ltd, orcid: 0000-0002-1825-0097}]`).
struct ArticleAuthor: Sendable, Equatable {
    var name: String
    /// Institutions, as written (`affiliation` or `affiliations`: a string, a list, or maps with `name`).
    var affiliations: [String] = []
    /// The ORCID iD's 16 digits with hyphens (`0000-0002-1825-0097`), when a valid one is given.
    var orcid: String?

    /// The ORCID iD's page.
    var orcidURL: String? { orcid.map { "https://orcid.org/" + $0 } }

    /// The authors a page names in `author` or `authors`, in order.
    static func list(_ value: Value?) -> [ArticleAuthor] {
        switch value {
        case .string(let name)?: return name.isEmpty ? [] : [ArticleAuthor(name: name)]
        case .array(let items)?: return items.flatMap { list($0) }
        case .table?:
            guard let value, let name = value["name"]?.string, !name.isEmpty else { return [] }
            let affiliation = value["affiliations"] ?? value["affiliation"]
            return [
                ArticleAuthor(
                    name: name, affiliations: affiliationNames(affiliation),
                    orcid: value["orcid"]?.string.flatMap(normalizedORCID))
            ]
        default: return []
        }
    }

    /// ORCID values a page gives that are not valid iDs (for a warning).
    static func invalidORCIDs(_ value: Value?) -> [String] {
        switch value {
        case .array(let items)?: return items.flatMap { invalidORCIDs($0) }
        case .table?:
            guard let orcid = value?["orcid"]?.string, normalizedORCID(orcid) == nil else { return [] }
            return [orcid]
        default: return []
        }
    }

    private static func affiliationNames(_ value: Value?) -> [String] {
        switch value {
        case .string(let name)?: return name.isEmpty ? [] : [name]
        case .array(let items)?: return items.flatMap { affiliationNames($0) }
        case .table?: return value?["name"]?.string.map { $0.isEmpty ? [] : [$0] } ?? []
        default: return []
        }
    }

    /// `0000-0002-1825-0097`, also written as its `https://orcid.org/` URL, when its check digit
    /// (ISO 7064 MOD 11-2) is right; nil otherwise.
    static func normalizedORCID(_ text: String) -> String? {
        var id = text.trimmingCharacters(in: .whitespaces)
        for prefix in ["https://orcid.org/", "http://orcid.org/", "orcid.org/"] where id.lowercased().hasPrefix(prefix) {
            id = String(id.dropFirst(prefix.count))
        }
        let characters = id.uppercased().filter { $0 != "-" }
        guard characters.count == 16, id.count == 19 else { return nil }
        var total = 0
        for character in characters.dropLast() {
            guard let digit = character.wholeNumberValue else { return nil }
            total = (total + digit) * 2
        }
        let remainder = (12 - total % 11) % 11
        let check: Character = remainder == 10 ? "X" : Character(String(remainder))
        guard characters.last == check else { return nil }
        let groups = stride(from: 0, to: 16, by: 4).map { offset in
            String(characters.dropFirst(offset).prefix(4))
        }
        return groups.joined(separator: "-")
    }
}
