import Foundation

/// One entry of a site menu (`menus.main` / `menu.main` in Hugo's config).
public struct MenuEntry: Sendable, Equatable {
    public var name: String
    public var url: String
    public var weight: Int
    public var identifier: String?

    /// Hugo's menu order: by weight, entries without a weight (0) after those with one; equal
    /// weights by name (case ignored first), then by identifier.
    static func hugoOrder(_ a: MenuEntry, _ b: MenuEntry) -> Bool {
        if a.weight != b.weight {
            if b.weight == 0 { return true }
            if a.weight == 0 { return false }
            return a.weight < b.weight
        }
        let (x, y) = (a.name.lowercased(), b.name.lowercased())
        if x != y { return x < y }
        if a.name != b.name { return a.name < b.name }
        return (a.identifier ?? "") < (b.identifier ?? "")
    }
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

    /// The site's config file (or Hugo's `config/` folder), relative to `root`; nil without one.
    public static func configFile(in root: URL) -> String? {
        (fileNames + ["config"]).first { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
    }

    /// Every key, with this language's own settings merged over the top level.
    public var raw: [String: Value] {
        didSet { settings = SiteSettings(params: params, raw: raw) }
    }
    /// The config file's table as written, from which each language's configuration is made.
    public let siteRaw: [String: Value]
    /// The file the configuration came from, relative to the site root (nil when there is none).
    public var fileName: String?
    /// Always ends with `/`.
    public var baseURL: String
    public var title: String
    public var languageCode: String
    public var copyright: String?
    public var params: [String: Value] {
        didSet { settings = SiteSettings(params: params, raw: raw) }
    }
    /// The site-wide `params` the theme, feeds and renderer use, read once from ``params``.
    private(set) var settings: SiteSettings
    public var mainMenu: [MenuEntry]
    /// Singular → plural, e.g. `tag` → `tags`. Always includes `author` → `authors`.
    public var taxonomies: [(singular: String, plural: String)]
    /// Section (or taxonomy plural) → pattern such as `/:year/:slug/`.
    public var permalinks: [String: String]
    public var pagerSize: Int
    public var mainSections: [String]
    public var buildDrafts: Bool
    /// `buildCache = false` turns the build cache off (`collective build --no-cache` for one build).
    public var buildCache: Bool
    public var buildFuture: Bool
    public var buildExpired: Bool
    public var summaryLength: Int
    /// The language a file without a language suffix belongs to (`defaultContentLanguage`).
    public var defaultLanguage: String
    /// The language this configuration describes: its own settings (`languages.fr`) override the top level.
    public var language: Language
    /// Every language of the site, by weight; one for a site without a `languages` table.
    public var languages: [Language]
    /// True when the default language is built under `/<code>/` too (`defaultContentLanguageInSubdir`).
    public var defaultLanguageInSubdir: Bool
    /// The site's `baseURL` without the language folder: static files and theme assets live under it.
    /// Equal to ``baseURL`` for a site of one language. Always ends with `/`.
    public var siteBaseURL: String
    /// False when `markup.goldmark.renderer.unsafe` is explicitly false: raw HTML in Markdown is then
    /// left out, as Hugo does. Absent, raw HTML is kept (Hugo would leave it out; docs/fidelity.md).
    public var allowsRawHTML: Bool
    /// When true, feeds carry each page's full content instead of its summary.
    public var fullContentInFeeds: Bool
    /// When Hugo's embedded link render hook runs (`markup.goldmark.renderHooks.link.useEmbedded`).
    public var embeddedLinkHook: EmbeddedHookUse

    /// The configuration of `language` (the default language when nil), read from the config
    /// file's top-level table `raw`; a site without a config file gets the defaults.
    /// What is wrong with the config file's settings (each is also read as well as it can be).
    public internal(set) var diagnostics: [Diagnostic] = []

    public init(raw siteRaw: [String: Value] = [:], fileName: String? = nil, language code: String? = nil) {
        self.fileName = fileName
        self.siteRaw = siteRaw
        let settings = LanguageSettings(siteRaw)
        let language =
            settings.languages.first { $0.code == code } ?? settings.languages.first { $0.code == settings.defaultLanguage }
            ?? settings.languages[0]
        var raw = siteRaw
        if language.code != settings.defaultLanguage {
            raw = raw.filter { $0.key.lowercased() != "languagecode" }  // the top level's is the default language's
        }
        // The language's own settings override the top level, as in Hugo.
        for (key, value) in settings.tables[language.code] ?? [:] {
            if key.lowercased() == "params", let top = raw.valueIgnoringCase("params")?.table, let mine = value.table {
                raw["params"] = .table(top.merging(mine) { _, new in new })
            } else if key.lowercased() == "menu" || key.lowercased() == "menus" {
                raw["menus"] = value
            } else {
                raw[key] = value
            }
        }
        self.raw = raw
        self.defaultLanguage = settings.defaultLanguage
        self.language = language
        self.languages = settings.languages
        self.defaultLanguageInSubdir = settings.defaultInSubdir

        let siteBaseURL = siteRaw.valueIgnoringCase("baseURL")?.string ?? "/"
        self.siteBaseURL = siteBaseURL.hasSuffix("/") ? siteBaseURL : siteBaseURL + "/"
        let folder = settings.languages.count > 1 && (language.code != settings.defaultLanguage || settings.defaultInSubdir)
        self.baseURL = folder ? self.siteBaseURL + language.code + "/" : self.siteBaseURL
        self.title = raw.valueIgnoringCase("title")?.string ?? "My Site"
        self.languageCode = raw.valueIgnoringCase("languageCode")?.string ?? language.code
        self.copyright = raw.valueIgnoringCase("copyright")?.string
        self.params = raw.valueIgnoringCase("params")?.table ?? [:]
        self.settings = SiteSettings(params: params, raw: raw)
        let menus = raw.valueIgnoringCase("menus") ?? raw.valueIgnoringCase("menu")
        self.mainMenu = Self.menu(menus?["main"])
        self.taxonomies = Self.taxonomies(raw.valueIgnoringCase("taxonomies"))
        self.permalinks = (raw.valueIgnoringCase("permalinks")?.table ?? [:]).compactMapValues(\.string)
        let pagination = raw.valueIgnoringCase("pagination")
        self.pagerSize = Self.pagerSizes.clamp(pagination?["pagerSize"]?.int ?? raw.valueIgnoringCase("paginate")?.int ?? 10)
        let mainSections = raw.valueIgnoringCase("mainSections") ?? raw.valueIgnoringCase("params")?["mainSections"]
        self.mainSections = mainSections?.stringList ?? []
        self.buildDrafts = raw.valueIgnoringCase("buildDrafts")?.bool ?? false
        self.buildCache = raw.valueIgnoringCase("buildCache")?.bool ?? true
        self.buildFuture = raw.valueIgnoringCase("buildFuture")?.bool ?? false
        self.buildExpired = raw.valueIgnoringCase("buildExpired")?.bool ?? false
        self.summaryLength = Self.summaryLengths.clamp(raw.valueIgnoringCase("summaryLength")?.int ?? 70)
        let unsafe = Value.table(raw).value(atPath: "markup.goldmark.renderer.unsafe")?.bool
        self.allowsRawHTML = unsafe ?? true
        self.embeddedLinkHook = EmbeddedHookUse(Value.table(raw).value(atPath: "markup.goldmark.renderHooks.link"))
        // PaperMod calls it ShowFullTextinRSS.
        self.fullContentInFeeds =
            (self.params.valueIgnoringCase("feedFullContent") ?? self.params.valueIgnoringCase("ShowFullTextinRSS"))?.bool ?? false
    }

    /// Finds and reads the site's config file in `root`; a site without one gets the defaults.
    /// The `params` of the site's themes' own config files fill in what the site leaves out, as in Hugo.
    public static func load(siteRoot root: URL) throws(Diagnostic) -> SiteConfig {
        let own = try loadOwn(siteRoot: root)
        var raw = own.raw
        for folder in own.themeFolders(siteRoot: root) {
            // A theme whose config cannot be read only loses its defaults; the theme's own files say why.
            guard let theme = try? loadOwn(siteRoot: root.appendingPathComponent(folder)),
                case .table(let defaults)? = theme.raw.valueIgnoringCase("params")
            else { continue }
            var site: [String: Value] = [:]
            if case .table(let table)? = raw.valueIgnoringCase("params") { site = table }
            raw[raw.keys.first { $0.lowercased() == "params" } ?? "params"] = .table(Value.merging(defaults, under: site))
        }
        guard raw != own.raw else { return own }
        var config = SiteConfig(raw: raw, fileName: own.fileName)
        config.diagnostics = own.diagnostics
        return config
    }

    /// The site's config file alone, without its themes' defaults.
    private static func loadOwn(siteRoot root: URL) throws(Diagnostic) -> SiteConfig {
        let fileManager = FileManager.default
        for name in fileNames {
            let url = root.appendingPathComponent(name)
            guard fileManager.fileExists(atPath: url.path) else { continue }
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw Diagnostic(.error, "cannot read the file (is it UTF-8 text?)", file: name)
            }
            let format: DataFormat = name.hasSuffix(".toml") ? .toml : name.hasSuffix(".json") ? .json : .yaml
            let table: [String: Value]
            let lines: [String: Int]
            do {
                (table, lines) = try format.parseTable(text)
            } catch {
                throw Diagnostic(
                    .error, "invalid \(format.rawValue.uppercased()): \(error.describe(lineOffset: 0)); fix the config file",
                    file: name, line: error.line, column: error.column)
            }
            if let problem = LanguageSettings.problems(table).first {
                // TOML tables (`[languages.fr]`) have no key line: the first line naming the key then.
                let key = problem.key.lowercased()
                let line =
                    lines.first { $0.key.lowercased() == key }?.value
                    ?? text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
                        let start = $0.drop { $0 == " " || $0 == "[" || $0 == "\"" }.lowercased()
                        return start.hasPrefix(key)
                    }.map { $0 + 1 }
                throw Diagnostic(.error, problem.message, file: name, line: line)
            }
            var config = SiteConfig(raw: table, fileName: name)
            config.diagnostics = numberProblems(table, lines: lines, file: name)
            return config
        }
        if let (table, file) = try loadDirectory(siteRoot: root) {
            if let problem = LanguageSettings.problems(table).first { throw Diagnostic(.error, problem.message, file: file) }
            var config = SiteConfig(raw: table, fileName: file)
            config.diagnostics = numberProblems(table, lines: [:], file: file)
            return config
        }
        return SiteConfig()
    }

    /// The numeric settings with the values they may take; others are clamped into range.
    static let (summaryLengths, pagerSizes) = (0...100_000, 1...100_000)
    private static let numericSettings: [(path: String, range: ClosedRange<Int>)] = [
        ("summaryLength", summaryLengths), ("paginate", pagerSizes), ("pagination.pagerSize", pagerSizes),
    ]

    /// Warnings for numeric settings that are not whole numbers in their range.
    private static func numberProblems(_ table: [String: Value], lines: [String: Int], file: String) -> [Diagnostic] {
        numericSettings.compactMap { setting in
            guard let value = Value.table(table).value(atPath: setting.path) else { return nil }
            let key = setting.path.split(separator: ".").last.map(String.init) ?? setting.path
            let line = lines.first { $0.key.lowercased() == key.lowercased() }?.value
            let range = "\(setting.range.lowerBound) to \(setting.range.upperBound.formatted(.number.grouping(.automatic)))"
            guard let number = value.int else {
                return Diagnostic(
                    .warning, "`\(setting.path)` should be a whole number from \(range), not \(value.shortDescription); it was ignored", file: file,
                    line: line)
            }
            guard !setting.range.contains(number) else { return nil }
            return Diagnostic(
                .warning, "`\(setting.path)` should be from \(range); \(number) was read as \(setting.range.clamp(number))", file: file, line: line)
        }
    }

    /// True when the language is written right to left (`languageDirection: rtl`, or its code says so).
    public var isRightToLeft: Bool {
        raw.valueIgnoringCase("languageDirection")?.string.map { $0.lowercased() == "rtl" } ?? Strings.isRightToLeft(languageCode)
    }

    /// True when the site has more than one language.
    public var isMultilingual: Bool { languages.count > 1 }

    /// Whether the config has a `[languages]` table, even of one language: Hugo 0.168 then runs its
    /// embedded link hook as it does for a multilingual site (`useEmbedded = "auto"` becomes `fallback`).
    public var declaresLanguages: Bool { siteRaw.valueIgnoringCase("languages")?.table != nil }

    /// The configuration of another language of the same site.
    public func view(for code: String) -> SiteConfig {
        SiteConfig(raw: siteRaw, fileName: fileName, language: code)
    }

    /// The same site with another `baseURL` (`--base-url`, the dev server's address).
    public func replacingBaseURL(_ url: String) -> SiteConfig {
        var raw = siteRaw
        raw["baseURL"] = .string(url)
        return SiteConfig(raw: raw, fileName: fileName, language: language.code)
    }

    /// The folder this language's output goes to, relative to the site's output (`fr/`); empty at the root.
    public var languageFolder: String {
        baseURL.count > siteBaseURL.count ? language.code + "/" : ""
    }

    /// A content file's path inside its language's content folder (`posts/a.md` for `content/fr/posts/a.md`).
    public func contentPath(ofSource file: String) -> String {
        String(file.dropFirst(language.contentDir.count + 1))
    }

    /// A site-relative URL for a file at the site's root whatever the language (a file of `static/`).
    public func rootRelativeURL(_ path: String) -> String {
        if path.contains(bytes: "://") { return path }
        return Self.pathPart(of: siteBaseURL) + (path.hasPrefix("/") ? String(path.dropFirst()) : path)
    }

    /// An absolute URL for a file at the site's root whatever the language (a file of `static/`).
    public func rootAbsoluteURL(_ path: String) -> String {
        if path.contains(bytes: "://") { return path }
        return siteBaseURL + (path.hasPrefix("/") ? String(path.dropFirst()) : path)
    }

    /// The absolute URL for a site-relative path such as `/posts/a/`.
    public func absoluteURL(_ path: String) -> String {
        if path.contains(bytes: "://") { return path }
        let trimmed = path.hasPrefix("/") ? String(path.dropFirst()) : path
        return baseURL + trimmed
    }

    /// The path part of ``baseURL`` (`/blog/` for `https://example.org/blog/`), always ending with `/`.
    public var basePath: String { Self.pathPart(of: baseURL) }

    /// The path part of ``siteBaseURL``, always ending with `/`.
    public var siteBasePath: String { Self.pathPart(of: siteBaseURL) }

    private static func pathPart(of url: String) -> String {
        guard let range = url.range(of: "://") else { return url.hasPrefix("/") ? url : "/" + url }
        let afterScheme = url[range.upperBound...]
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
            return MenuEntry(
                name: name, url: url, weight: item["weight"]?.int ?? 0,
                identifier: item["identifier"]?.string)
        }
        return entries.sorted(by: MenuEntry.hugoOrder)
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

extension ClosedRange<Int> {
    /// `value` moved into the range.
    func clamp(_ value: Int) -> Int { Swift.min(Swift.max(value, lowerBound), upperBound) }
}
