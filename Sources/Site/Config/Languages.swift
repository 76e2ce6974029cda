import Foundation

/// One language of the site: an entry of Hugo's `languages` table, or the only language of a
/// site without one.
public struct Language: Sendable, Equatable {
    /// The key in `languages` (`fr`): the suffix of its content files (`post.fr.md`) and its URL folder (`/fr/`).
    public var code: String
    /// `languageName` (`Français`), for the language switch; nil when unset.
    public var name: String?
    /// The folder its content is read from, relative to the site root (`content`, or the language's `contentDir`).
    public var contentDir: String
}

/// The `languages` table, `defaultContentLanguage` and `defaultContentLanguageInSubdir` of a
/// config, read and checked.
struct LanguageSettings: Sendable {
    /// Every language, by `weight` then code; the default language alone when there is no `languages` table.
    var languages: [Language]
    var defaultLanguage: String
    /// True when the default language is built under `/<code>/` too (the root then redirects there).
    var defaultInSubdir: Bool
    /// Each language's own settings (`languages.fr`), as written.
    var tables: [String: [String: Value]]

    /// Reads the settings without judging them (see ``problems(_:)``): entries that are not
    /// tables are left out and the default language is the first one when it is not configured.
    /// Codes are lower-cased, as Hugo reads them (`pt-BR` is `pt-br`, in file names and URLs).
    init(_ raw: [String: Value]) {
        var tables: [String: [String: Value]] = [:]
        for (code, value) in raw.valueIgnoringCase("languages")?.table ?? [:] { tables[code.lowercased()] = value.table }
        let ordered = tables.sorted {
            ($0.value.valueIgnoringCase("weight")?.int ?? 0, $0.key) < ($1.value.valueIgnoringCase("weight")?.int ?? 0, $1.key)
        }
        let configured = raw.valueIgnoringCase("defaultContentLanguage")?.string?.lowercased()
        let defaultLanguage = configured.flatMap { tables[$0] != nil || tables.isEmpty ? $0 : nil } ?? ordered.first?.key ?? "en"
        let topContentDir = Self.folder(raw.valueIgnoringCase("contentDir")?.string) ?? "content"
        var languages = ordered.map { code, table in
            Language(
                code: code, name: table.valueIgnoringCase("languageName")?.string,
                contentDir: Self.folder(table.valueIgnoringCase("contentDir")?.string) ?? topContentDir)
        }
        if languages.isEmpty { languages = [Language(code: defaultLanguage, name: nil, contentDir: topContentDir)] }
        self.languages = languages
        self.defaultLanguage = defaultLanguage
        self.defaultInSubdir = languages.count > 1 && (raw.valueIgnoringCase("defaultContentLanguageInSubdir")?.bool ?? false)
        self.tables = tables
    }

    /// What is wrong with the language settings of `raw`, each with what to do about it and the
    /// top-level key it is about.
    static func problems(_ raw: [String: Value]) -> [(key: String, message: String)] {
        guard let value = raw.valueIgnoringCase("languages") else {
            return []
        }
        guard let table = value.table else {
            return [("languages", "`languages` must be a table with one entry per language code, such as languages.en and languages.fr")]
        }
        var problems: [(key: String, message: String)] = []
        for (code, entry) in table.sorted(by: { $0.key < $1.key }) {
            if code.isEmpty || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                problems.append(
                    (
                        "languages",
                        "`languages.\(code)`: \"\(code)\" is not a language code; use codes such as en, fr or pt-br (letters, digits and hyphens)"
                    ))
                continue
            }
            guard let settings = entry.table else {
                problems.append(
                    ("languages", "`languages.\(code)` must be a table of settings (languageName, weight, title, params, …), not a single value"))
                continue
            }
            if let weight = settings.valueIgnoringCase("weight"), weight.int == nil {
                problems.append(("languages", "`languages.\(code).weight` must be a whole number"))
            }
            if let dir = settings.valueIgnoringCase("contentDir"), folder(dir.string) == nil {
                problems.append(("languages", "`languages.\(code).contentDir` must be a folder inside the site, such as content/\(code)"))
            }
        }
        if let configured = raw.valueIgnoringCase("defaultContentLanguage"), !table.isEmpty {
            let name = configured.string ?? ""
            if !table.keys.contains(where: { $0.lowercased() == name.lowercased() }) {
                let codes = table.keys.sorted().joined(separator: ", ")
                problems.append(
                    (
                        "defaultContentLanguage",
                        "defaultContentLanguage \"\(name)\" is not one of the languages (\(codes)); add languages.\(name) or set defaultContentLanguage to one of them"
                    ))
            }
        }
        return problems
    }

    /// A folder relative to the site root, without trailing slashes; nil when absent or outside the site.
    private static func folder(_ path: String?) -> String? {
        guard let path else { return nil }
        let parts = path.split(separator: "/").filter { $0 != "." }
        guard !path.hasPrefix("/"), !parts.isEmpty, !parts.contains("..") else { return nil }
        return parts.joined(separator: "/")
    }
}
