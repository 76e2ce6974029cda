import Foundation

/// Hugo's configuration directory: `config/_default/` and then `config/production/` (the
/// environment `hugo` builds for), each file a table merged into the site's configuration.
/// `hugo.toml` or `config.toml` holds top-level keys; any other file holds the key it is named
/// after (`params.toml` → `params`, `languages.toml` → `languages`, `menus.toml` → `menus`); a
/// file named `KEY.LANG.toml` (`menus.en.toml`, `params.fr.yaml`) holds `languages.LANG.KEY`.
extension SiteConfig {
    /// The configuration directory's merged table over `table` (the root config file's, if any);
    /// nil when the site has no `config/_default/` folder.
    static func loadDirectory(siteRoot root: URL, over table: [String: Value] = [:]) throws(Diagnostic)
        -> (table: [String: Value], firstFile: String)?
    {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        let defaults = root.appendingPathComponent("config/_default")
        guard fileManager.fileExists(atPath: defaults.path, isDirectory: &isFolder), isFolder.boolValue else { return nil }
        var merged = table
        var firstFile: String?
        for environment in ["_default", "production"] {
            let folder = root.appendingPathComponent("config/" + environment)
            let names = ((try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted { a, b in
                // The top-level file first, so named files merge over it.
                let topA = Self.isTopLevelFile(a)
                let topB = Self.isTopLevelFile(b)
                return topA != topB ? topA : a < b
            }
            for name in names {
                let format: DataFormat
                if name.hasSuffix(".toml") {
                    format = .toml
                } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                    format = .yaml
                } else if name.hasSuffix(".json") {
                    format = .json
                } else {
                    continue
                }
                let relative = "config/\(environment)/\(name)"
                guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else {
                    throw Diagnostic(.error, "cannot read the file (is it UTF-8 text?)", file: relative)
                }
                let fileTable: [String: Value]
                do {
                    fileTable = try format.parseTable(text).table
                } catch {
                    throw Diagnostic(
                        .error, "invalid \(format.rawValue.uppercased()): \(error.describe(lineOffset: 0)); fix the config file",
                        file: relative, line: error.line, column: error.column)
                }
                firstFile = firstFile ?? relative
                let stem = String(name[..<name.lastIndex(of: ".")!])
                let parts = stem.split(separator: ".").map(String.init)
                if Self.isTopLevelFile(name) {
                    merged = Self.deepMerge(merged, fileTable)
                } else if parts.count == 2 {
                    let languageKey = merged.keys.first { $0.lowercased() == "languages" } ?? "languages"
                    var languages = merged[languageKey]?.table ?? [:]
                    let code = languages.keys.first { $0.lowercased() == parts[1].lowercased() } ?? parts[1]
                    var language = languages[code]?.table ?? [:]
                    language[parts[0]] = .table(Self.deepMerge(language[parts[0]]?.table ?? [:], fileTable))
                    languages[code] = .table(language)
                    merged[languageKey] = .table(languages)
                } else {
                    let key = merged.keys.first { $0.lowercased() == stem.lowercased() } ?? stem
                    merged[key] = .table(Self.deepMerge(merged[key]?.table ?? [:], fileTable))
                }
            }
        }
        guard let firstFile else { return nil }
        return (merged, firstFile)
    }

    private static func isTopLevelFile(_ name: String) -> Bool {
        ["hugo", "config"].contains { name.hasPrefix($0 + ".") && name.split(separator: ".").count == 2 }
    }

    /// `top` merged over `base`: tables merge key by key (ignoring case), anything else is replaced.
    static func deepMerge(_ base: [String: Value], _ top: [String: Value]) -> [String: Value] {
        var result = base
        for (key, value) in top {
            let existing = result.keys.first { $0.lowercased() == key.lowercased() }
            if let existing, let old = result[existing]?.table, let new = value.table {
                result[existing] = .table(deepMerge(old, new))
            } else {
                if let existing { result.removeValue(forKey: existing) }
                result[key] = value
            }
        }
        return result
    }
}
