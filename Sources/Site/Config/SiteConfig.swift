import Foundation

/// One entry of a site menu (`menus.main` / `menu.main` in Hugo's config).
public struct MenuEntry: Sendable, Equatable {
    public var name: String
    public var url: String
    public var weight: Int
    public var identifier: String?
}

/// The site's configuration, read from `collective.toml` or Hugo's config files.
///
/// Every key is kept in ``raw`` (unknown keys are available to templates, never an error);
/// the fields below are the ones the builder itself uses, with Hugo's defaults.
public struct SiteConfig: Sendable {
    /// Config file names, in the order they are looked for.
    public static let fileNames = [
        "collective.toml", "hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
        "config.toml", "config.yaml", "config.yml", "config.json",
    ]

    public var raw: [String: Value]
    /// The file the configuration came from, relative to the site root (nil when there is none).
    public var fileName: String?
    /// Always ends with `/`.
    public var baseURL: String
    public var title: String
    public var languageCode: String
    public var copyright: String?
    public var params: [String: Value]
    public var mainMenu: [MenuEntry]
    /// Singular → plural, e.g. `tag` → `tags`. Always includes `author` → `authors`.
    public var taxonomies: [(singular: String, plural: String)]
    /// Section (or taxonomy plural) → pattern such as `/:year/:slug/`.
    public var permalinks: [String: String]
    public var pagerSize: Int
    public var mainSections: [String]
    public var buildDrafts: Bool
    public var buildFuture: Bool
    public var buildExpired: Bool
    public var summaryLength: Int
    /// The language whose content is built; other languages' files (`page.fr.md`) are skipped.
    public var defaultLanguage: String
    /// Languages configured besides the default one.
    public var otherLanguages: [String]
    /// False when `markup.goldmark.renderer.unsafe` is explicitly false: raw HTML in Markdown is then escaped.
    public var allowsRawHTML: Bool
    /// When true, feeds carry each page's full content instead of its summary.
    public var fullContentInFeeds: Bool

    /// The configuration of a site without a config file.
    public init(raw: [String: Value] = [:], fileName: String? = nil) {
        self.fileName = fileName
        var raw = raw
        let languages = raw.valueIgnoringCase("languages")?.table ?? [:]
        let orderedLanguages = languages.sorted {
            ($0.value["weight"]?.int ?? 0, $0.key) < ($1.value["weight"]?.int ?? 0, $1.key)
        }.map(\.key)
        let defaultLanguage = raw.valueIgnoringCase("defaultContentLanguage")?.string
            ?? orderedLanguages.first ?? "en"
        // The default language's own settings override the top level, as in Hugo.
        if let own = languages[defaultLanguage]?.table {
            for (key, value) in own {
                if key.lowercased() == "params", let top = raw.valueIgnoringCase("params")?.table, let mine = value.table {
                    raw["params"] = .table(top.merging(mine) { _, new in new })
                } else if key.lowercased() == "menu" || key.lowercased() == "menus" {
                    raw["menus"] = value
                } else {
                    raw[key] = value
                }
            }
        }
        self.raw = raw
        self.defaultLanguage = defaultLanguage
        self.otherLanguages = orderedLanguages.filter { $0 != defaultLanguage }

        let baseURL = raw.valueIgnoringCase("baseURL")?.string ?? "/"
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.title = raw.valueIgnoringCase("title")?.string ?? "My Site"
        self.languageCode = raw.valueIgnoringCase("languageCode")?.string ?? defaultLanguage
        self.copyright = raw.valueIgnoringCase("copyright")?.string
        self.params = raw.valueIgnoringCase("params")?.table ?? [:]
        let menus = raw.valueIgnoringCase("menus") ?? raw.valueIgnoringCase("menu")
        self.mainMenu = Self.menu(menus?["main"])
        self.taxonomies = Self.taxonomies(raw.valueIgnoringCase("taxonomies"))
        self.permalinks = (raw.valueIgnoringCase("permalinks")?.table ?? [:]).compactMapValues(\.string)
        let pagination = raw.valueIgnoringCase("pagination")
        self.pagerSize = max(1, pagination?["pagerSize"]?.int ?? raw.valueIgnoringCase("paginate")?.int ?? 10)
        let mainSections = raw.valueIgnoringCase("mainSections") ?? raw.valueIgnoringCase("params")?["mainSections"]
        self.mainSections = mainSections?.stringList ?? []
        self.buildDrafts = raw.valueIgnoringCase("buildDrafts")?.bool ?? false
        self.buildFuture = raw.valueIgnoringCase("buildFuture")?.bool ?? false
        self.buildExpired = raw.valueIgnoringCase("buildExpired")?.bool ?? false
        self.summaryLength = raw.valueIgnoringCase("summaryLength")?.int ?? 70
        let unsafe = Value.table(raw).value(atPath: "markup.goldmark.renderer.unsafe")?.bool
        self.allowsRawHTML = unsafe ?? true
        self.fullContentInFeeds = self.params.valueIgnoringCase("feedFullContent")?.bool ?? false
    }

    /// Finds and reads the site's config file in `root`; a site without one gets the defaults.
    public static func load(siteRoot root: URL) throws(Diagnostic) -> SiteConfig {
        let fileManager = FileManager.default
        for name in fileNames {
            let url = root.appendingPathComponent(name)
            guard fileManager.fileExists(atPath: url.path) else { continue }
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw Diagnostic(.error, "cannot read the file (is it UTF-8 text?)", file: name)
            }
            let format: DataFormat = name.hasSuffix(".toml") ? .toml : name.hasSuffix(".json") ? .json : .yaml
            do {
                let (table, _) = try format.parseTable(text)
                return SiteConfig(raw: table, fileName: name)
            } catch {
                throw Diagnostic(.error, "invalid \(format.rawValue.uppercased()): \(error.describe(lineOffset: 0)); fix the config file",
                                 file: name, line: error.line, column: error.column)
            }
        }
        return SiteConfig()
    }

    /// The absolute URL for a site-relative path such as `/posts/a/`.
    public func absoluteURL(_ path: String) -> String {
        if path.contains(bytes: "://") { return path }
        let trimmed = path.hasPrefix("/") ? String(path.dropFirst()) : path
        return baseURL + trimmed
    }

    /// The path part of ``baseURL`` (`/blog/` for `https://example.org/blog/`), always ending with `/`.
    public var basePath: String {
        guard let range = baseURL.range(of: "://") else { return baseURL.hasPrefix("/") ? baseURL : "/" + baseURL }
        let afterScheme = baseURL[range.upperBound...]
        guard let slash = afterScheme.firstIndex(of: "/") else { return "/" }
        return String(afterScheme[slash...])
    }

    /// A site-relative URL (`/blog/posts/a/`) for a path under the site root (`/posts/a/`).
    public func relativeURL(_ path: String) -> String {
        if path.contains(bytes: "://") { return path }
        let trimmed = path.hasPrefix("/") ? String(path.dropFirst()) : path
        return basePath + trimmed
    }

    /// A site parameter, looked up ignoring case; dotted paths reach into tables.
    public func param(_ name: String) -> Value? {
        Value.table(params).value(atPath: name)
    }

    private static func menu(_ value: Value?) -> [MenuEntry] {
        let entries = (value?.array ?? []).compactMap { item -> MenuEntry? in
            guard let name = item["name"]?.string else { return nil }
            let url = item["url"]?.string ?? item["pageRef"]?.string ?? "/"
            return MenuEntry(name: name, url: url, weight: item["weight"]?.int ?? 0,
                             identifier: item["identifier"]?.string)
        }
        return entries.enumerated().sorted { ($0.element.weight, $0.offset) < ($1.element.weight, $1.offset) }.map(\.element)
    }

    private static func taxonomies(_ value: Value?) -> [(singular: String, plural: String)] {
        var result: [(String, String)]
        if let table = value?.table {
            result = table.compactMap { key, plural in plural.string.map { (key, $0) } }.sorted { $0.1 < $1.1 }
        } else {
            result = [("category", "categories"), ("tag", "tags")]
        }
        if !result.contains(where: { $0.1 == "authors" }) { result.append(("author", "authors")) }
        return result
    }
}
