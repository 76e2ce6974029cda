import Foundation
import GoTemplates
import Synchronization

/// What Hugo's objects and functions read of one language of the site: the config, the content,
/// the files of `content/`, `data/`, `i18n/` and `assets/`. Made once per language build.
final class HugoHost: Sendable {
    let config: SiteConfig
    let content: SiteContent
    let siteRoot: URL
    let contentRoot: URL
    /// Bundle folder → its resources' content paths.
    let resourcesByOwner: [String: [String]]
    /// Files another language publishes: content path → path from the site's root (``Resource/publishedAt``).
    let sharedResources: [String: String]
    let data: GoValue
    /// The language's translations from `i18n/` (site over theme).
    let translations: [String: String]
    /// The functions templates may call (Go's, the generic helpers, and Hugo's site-bound ones).
    let functions: FunctionRegistry
    /// Failures already reported, so that a hook failing on every link warns once.
    private let reportedFailures = Mutex<Set<String>>([])
    /// The files of `assets/`, listed at the first `resources.Get` (a theme may hold thousands).
    private let assetList = Mutex<[ResourceObject]?>(nil)
    /// Page name (file stem or bundle folder) → its pages' indexes, made at the first bare-name `GetPage`.
    private let pagesByName = Mutex<[String: [PageID]]?>(nil)

    init(config: SiteConfig, content: SiteContent, resources: [Resource], siteRoot: URL, contentRoot: URL) {
        self.config = config
        self.content = content
        self.siteRoot = siteRoot
        self.contentRoot = contentRoot
        var owners: [String: [String]] = [:]
        for resource in resources { owners[resource.owner, default: []].append(resource.contentPath) }
        resourcesByOwner = owners
        sharedResources = Dictionary(
            resources.compactMap { resource in resource.publishedAt.map { (resource.contentPath, $0) } },
            uniquingKeysWith: { first, _ in first })
        let roots = SiteTemplates.layoutRoots(siteRoot: siteRoot, config: config).map { $0 == "layouts" ? "" : String($0.dropLast("/layouts".count)) }
        data = Self.readData(siteRoot: siteRoot, roots: roots)
        translations = Self.readTranslations(siteRoot: siteRoot, roots: roots, language: config.language.code)
        var functions = FunctionRegistry.standard
        HugoFunctions.register(into: &functions)
        self.functions = functions
    }

    /// The asset files, listed by `list` the first time they are asked for.
    func assets(_ list: () -> [ResourceObject]) -> [ResourceObject] {
        assetList.withLock { cached in
            if let cached { return cached }
            let items = list()
            cached = items
            return items
        }
    }

    /// True the first time `failure` is seen in this build.
    func firstReport(of failure: String) -> Bool {
        reportedFailures.withLock { $0.insert(failure).inserted }
    }

    /// The URL of a content page (`/blog/posts/a/`).
    func relPermalink(_ page: Page) -> String { config.relativeURL(page.path) }
    func permalink(_ page: Page) -> String { config.absoluteURL(page.path) }

    /// The page at a content path (`/posts/a`, `posts/a.md`, `posts/a/index.md`), as `GetPage` finds it.
    func page(at path: String) -> Page? {
        var trimmed = path.trimmingCharacters(in: .whitespaces)
        while trimmed.hasPrefix("/") { trimmed.removeFirst() }
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        if trimmed.isEmpty { return content.pages[content.homePage] }
        for form in [trimmed, trimmed + ".md", trimmed + "/index.md", trimmed + "/_index.md"] {
            if let index = content.pageByContentPath[form] { return content.pages[index] }
        }
        if let index = content.sectionPage[trimmed] { return content.pages[index] }
        if let index = content.pageByPath["/" + trimmed + "/"] { return content.pages[index] }
        // A name without a slash (`kafka-the-trial`, `x.md`) names the one page of that file or
        // bundle name anywhere in content/; Hugo refuses an ambiguous one.
        guard !trimmed.contains("/") else { return nil }
        let name = trimmed.hasSuffix(".md") ? String(trimmed.dropLast(3)) : trimmed
        let matches = pagesNamed(name)
        return matches.count == 1 ? content.pages[matches[0]] : nil
    }

    private func pagesNamed(_ name: String) -> [PageID] {
        pagesByName.withLock { cached in
            if let cached { return cached[name] ?? [] }
            var index: [String: [PageID]] = [:]
            for (path, id) in content.pageByContentPath where path.hasSuffix(".md") {
                let stem = String(path.dropLast(3))
                let last = PathText.lastComponent(stem)
                let key = last == "index" || last == "_index" ? PathText.lastComponent(PathText.folder(of: stem)) : last
                if !index[key, default: []].contains(id) { index[key, default: []].append(id) }
            }
            cached = index
            return index[name] ?? []
        }
    }

    /// Data files (`data/a/b.yaml` → `.Site.Data.a.b`), the theme's under the site's.
    private static func readData(siteRoot: URL, roots: [String]) -> GoValue {
        var data: [String: GoValue] = [:]
        for root in roots.reversed() {
            let folder = siteRoot.appendingPathComponent(root.isEmpty ? "data" : root + "/data")
            for file in FileTree.regularFiles(under: folder) {
                let parts = file.split(separator: "/").map(String.init)
                guard let last = parts.last, let dot = last.lastIndex(of: ".") else { continue }
                let format: DataFormat
                switch last[last.index(after: dot)...].lowercased() {
                case "yaml", "yml": format = .yaml
                case "toml": format = .toml
                case "json": format = .json
                default: continue
                }
                guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8),
                    let table = try? format.parseTable(text).table
                else { continue }
                let keys = parts.dropLast() + [String(last[..<dot])]
                Self.insert(Value.table(table).goValue(), at: Array(keys), into: &data)
            }
        }
        return .map(data)
    }

    private static func insert(_ value: GoValue, at keys: [String], into map: inout [String: GoValue]) {
        guard let first = keys.first else { return }
        if keys.count == 1 {
            if case .map(let new) = value, case .map(var old)? = map[first] {
                for (key, item) in new { old[key] = item }
                map[first] = .map(old)
            } else {
                map[first] = value
            }
            return
        }
        var inner: [String: GoValue] = [:]
        if case .map(let existing)? = map[first] { inner = existing }
        insert(value, at: Array(keys.dropFirst()), into: &inner)
        map[first] = .map(inner)
    }

    /// `i18n/LANG.{toml,yaml,yml,json}`: `id = "text"`, `[id] other = "text"`, or a list of `{id, translation}`.
    /// Adds a translation file's entries: `key = "text"`, plural forms (`[key] other = "…"`), and
    /// nested tables as dotted keys (`[article.alert] note = "…"` is `article.alert.note`).
    private static func addTranslations(_ entries: [String: Value], prefix: String, to table: inout [String: String]) {
        for (key, value) in entries {
            let name = prefix + key.lowercased()
            if let text = value.string {
                table[name] = text
            } else if let inner = value.table {
                if let text = (inner["other"] ?? inner["translation"] ?? inner["one"])?.string { table[name] = text }
                addTranslations(inner, prefix: name + ".", to: &table)
            }
        }
    }

    private static func readTranslations(siteRoot: URL, roots: [String], language: String) -> [String: String] {
        var table: [String: String] = [:]
        for root in roots.reversed() {
            let folder = siteRoot.appendingPathComponent(root.isEmpty ? "i18n" : root + "/i18n")
            let wanted = Set([language.lowercased(), String(language.lowercased().split(separator: "-").first ?? "")])
            // File names as written (`zh-CN.toml` for the language `zh-cn`), the language's own before its base.
            let names = FileTree.regularFiles(under: folder).map { PathText.removingExtension($0) }
                .filter { wanted.contains($0.lowercased()) }
                .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                .sorted { $0.count < $1.count }
            for (ext, format) in [("toml", DataFormat.toml), ("yaml", .yaml), ("yml", .yaml), ("json", .json)] {
                for name in names where !name.isEmpty {
                    guard let text = try? String(contentsOf: folder.appendingPathComponent("\(name).\(ext)"), encoding: .utf8) else { continue }
                    if let parsed = try? format.parseTable(text).table {
                        addTranslations(parsed, prefix: "", to: &table)
                    } else if let items = try? DataFormat.parseYAMLDocumentList(text) {
                        for item in items {
                            if let id = item["id"]?.string, let text = item["translation"]?.string { table[id.lowercased()] = text }
                        }
                    }
                }
            }
        }
        return table
    }
}

extension DataFormat {
    /// A YAML (or JSON) document that is a list of tables (go-i18n's older layout).
    static func parseYAMLDocumentList(_ text: String) throws -> [[String: Value]] {
        let wrapped = "items:\n" + text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
        let (table, _) = try parseYAMLDocument(wrapped)
        return table["items"]?.array?.compactMap(\.table) ?? []
    }
}
