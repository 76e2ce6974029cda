import Foundation

/// A whole site built, in memory or with its HTML pages in a ``StagingFolder`` (a build that
/// writes its output): one ``BuildState`` per language, each writing under its
/// language's folder (`fr/`; the default language at the root unless
/// `defaultContentLanguageInSubdir`), and the files of no single language: the theme's assets,
/// `static/`, `robots.txt` and, for several languages, the sitemap index (each language's
/// sitemap moves to `<code>/sitemap.xml`, as Hugo places them).
struct SiteBuild: Sendable {
    let source: URL
    /// The default language's configuration.
    let config: SiteConfig
    /// Every language's build, in ``SiteConfig/languages`` order.
    private(set) var languages: [BuildState]
    /// Files under `static/` and the themes' `static/`, relative.
    let staticFiles: [String]
    /// Every output file whose bytes the build keeps, by path relative to the output folder.
    private(set) var files: [String: Data] = [:]
    /// The HTML pages the build put in its staging folder as it rendered them (not in ``files``).
    private(set) var stagedPages: Set<String> = []
    /// Files copied as they are (static files, bundle resources): output path → source.
    private(set) var copies: [String: URL] = [:]
    /// How many files of each kind the output has; they add up to every file and copy.
    private(set) var outputCounts: [OutputKind: Int] = [:]
    /// Diagnostics of the config file and the templates, which every language shares.
    private var templateDiagnostics: [Diagnostic]

    var diagnostics: [Diagnostic] { languages.flatMap(\.diagnostics) + templateDiagnostics }

    /// What a build takes from the build cache (see ``BuildCache``).
    struct Reuse: Sendable {
        /// Previous renderings by language and content file.
        var pages: [PageKey: CachedPage]
        /// Content file (relative to the site root) → hash of its bytes now.
        var sourceHashes: [String: ContentHash]
        /// The previous output's file at a path relative to the output folder, when intact.
        var previousOutput: @Sendable (String) -> Data?
        /// Each language's related pages of every page, as the previous build worked them out.
        var related: [[[PageID]]] = []
    }

    /// Reads, renders and lays out every language of the site at `source`; with `reuse`, takes
    /// what the build cache has for pages whose content files did not change.
    /// With `remember`, keeps what the build cache stores beyond renderings (each page's search terms).
    /// `memo` has the front matter earlier builds parsed. With `staging`, the HTML pages go
    /// there as they are rendered (``stagedPages``); their bytes are not kept.
    init(
        source: URL, options: BuildOptions, reuse: Reuse? = nil, remember: Bool = false, memo: FrontMatterMemo? = nil,
        staging: StagingFolder? = nil, progress: BuildProgress? = nil
    ) throws(Diagnostic) {
        self.source = source
        let folderWarnings = try Self.checkSiteFolder(source)
        var config = try SiteConfig.load(siteRoot: source)
        if let baseURL = options.baseURL { config = config.replacingBaseURL(baseURL) }
        self.config = config
        let configs = config.languages.map { config.view(for: $0.code) }
        progress?.begin("Reading content")
        var contents = configs.indices.map { position in
            // Content files whose rendering the build takes from the cache (as BuildState decides).
            let rendered =
                reuse.map { reuse in
                    Set(
                        reuse.pages.compactMap { key, page in
                            key.language == position && page.sourceHash == reuse.sourceHashes[key.sourceFile] ? key.sourceFile : nil
                        })
                } ?? []
            return LanguageContent(
                source: source, config: configs[position], options: options, memo: memo, rendered: rendered, progress: progress)
        }
        if contents.count > 1, !SharedBundleFiles.duplicates(config) { SharedBundleFiles.assign(&contents) }
        let translations = configs.count > 1 ? Translations(contents.map { ($0.config, $0.content) }) : Translations()
        // The themes' static files, then the site's, which win (as in Hugo).
        var staticSources: [String: URL] = [:]
        for root in (["static"] + config.themeFolders(siteRoot: source).map { $0 + "/static" }).reversed() {
            let folder = source.appendingPathComponent(root)
            for file in FileTree.regularFiles(under: folder) { staticSources[file] = folder.appendingPathComponent(file) }
        }
        staticFiles = staticSources.keys.sorted()
        progress?.begin("Templates")
        let templates = try Templates(siteLayouts: source.appendingPathComponent("layouts"))
        templateDiagnostics = folderWarnings + config.diagnostics + templates.diagnostics
        let assets = ThemeAssets(config: config)
        let parts = BuildState.SiteParts(source: source, staticFiles: Set(staticFiles), templates: templates, assetURLs: assets.urls)
        languages = contents.enumerated().map { position, content in
            let links = configs.count > 1 ? LanguageContext(translations: translations, configs: configs, language: position) : LanguageContext()
            let folder = content.config.languageFolder
            let own = reuse.map { reuse in
                BuildState.LanguageReuse(
                    pages: Dictionary(
                        reuse.pages.compactMap { $0.key.language == position ? ($0.key.sourceFile, $0.value) : nil },
                        uniquingKeysWith: { a, _ in a }),
                    sourceHashes: reuse.sourceHashes,
                    previousOutput: { [previous = reuse.previousOutput] path in previous(folder + path) },
                    related: position < reuse.related.count ? reuse.related[position] : nil)
            }
            // Pages go under the language's folder, as outputPaths(_:language:) places them.
            let target = staging.map { StagingFolder.Target(staging: $0, prefix: configs.count > 1 ? folder : "") }
            return BuildState(
                content, options: options, site: parts, links: links, reuse: own, remember: remember, staging: target, progress: progress)
        }
        for (path, data) in assets.files { files[path] = data }
        for (file, url) in staticSources { copies[file] = url }
        for language in languages.indices {
            for (path, data) in languages[language].files {
                for key in outputPaths(path, language: language) { files[key] = data }
            }
            for path in languages[language].stagedPages {
                for key in outputPaths(path, language: language) {
                    stagedPages.insert(key)
                    files[key] = nil
                }
            }
            let folder = languages[language].config.languageFolder
            for (path, url) in languages[language].copies { copies[folder + path] = url }
        }
        // Published assets live at the site's root (Hugo's place for them), below files made otherwise.
        for language in languages {
            for (path, asset) in language.publishedAssets where files[path] == nil && copies[path] == nil && !stagedPages.contains(path) {
                switch asset {
                case .file(let url): copies[path] = url
                case .generated(let data): files[path] = data
                }
            }
        }
        if configs.count > 1 { addRootFiles() }
        for path in files.keys { copies[path] = nil }
        for path in stagedPages { copies[path] = nil }
        for language in languages {
            for (kind, count) in language.outputCounts { outputCounts[kind, default: 0] += count }
        }
        outputCounts[.assets] = assets.files.count
        outputCounts[.staticFiles] = staticSources.keys.count { copies[$0] != nil }
        outputCounts[.other] = 0
        outputCounts[.other] = max(0, files.count + stagedPages.count + copies.count - outputCounts.values.reduce(0, +))
    }

    /// Refuses a site folder that does not exist; warns about one with neither a config file nor
    /// `content/` (probably the wrong folder).
    static func checkSiteFolder(_ source: URL) throws(Diagnostic) -> [Diagnostic] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder) else {
            throw Diagnostic(
                .error,
                "the site folder \(source.path) does not exist; give the folder that holds content/ and the config file (-s), or make a new site with `collective init \(source.lastPathComponent)`"
            )
        }
        guard isFolder.boolValue else {
            throw Diagnostic(.error, "\(source.path) is a file, not a site folder; give the folder that holds content/ and the config file (-s)")
        }
        if SiteConfig.configFile(in: source) == nil, !FileManager.default.fileExists(atPath: source.appendingPathComponent("content").path) {
            return [
                Diagnostic(
                    .warning,
                    "\(source.path) has no config file (\(SiteConfig.fileNames.joined(separator: ", "))) and no content/ folder: is it the site folder? Give the right one with -s, or make a site with `collective init`"
                )
            ]
        }
        return []
    }

    /// Where a language's output file goes in the site's output: under the language's folder;
    /// its sitemap under `<code>/`; `robots.txt` (which names the sitemap index) from the first
    /// language only; and the default language's 404 page at the root too when it has a folder.
    func outputPaths(_ path: String, language: Int) -> [String] {
        guard languages.count > 1 else { return [path] }
        let config = languages[language].config
        switch path {
        case "robots.txt": return language == 0 ? [path] : []
        case "sitemap.xml": return [config.language.code + "/" + path]
        case "404.html" where config.language.code == config.defaultLanguage && !config.languageFolder.isEmpty:
            return [config.languageFolder + path, path]
        default: return [config.languageFolder + path]
        }
    }

    /// The URL path under the site root of a language's page path (`/fr/posts/a/` for `/posts/a/`).
    func sitePath(_ path: String, language: Int) -> String {
        "/" + languages[language].config.languageFolder + path.dropFirst()
    }

    /// The sitemap index, and with `defaultContentLanguageInSubdir` the root's redirect to the
    /// default language.
    private mutating func addRootFiles() {
        let sitemaps = languages.map { language in
            (
                url: language.config.rootAbsoluteURL("/" + language.config.language.code + "/sitemap.xml"),
                lastmod: language.content.pages.compactMap { $0.lastmod ?? $0.date }.max()
            )
        }
        files["sitemap.xml"] = Data(SiteFiles.sitemapIndex(sitemaps).utf8)
        guard let main = languages.firstIndex(where: { $0.config.language.code == config.defaultLanguage }),
            !languages[main].config.languageFolder.isEmpty
        else { return }
        let state = languages[main]
        files["index.html"] = Data(SiteFiles(config: state.config, content: state.content, rendered: state.rendered).redirect(to: "/").utf8)
    }

    /// The earliest publish or expiry date after "now" that would change the content; nil when none.
    var changesAt: Date? {
        languages.compactMap(\.content.changesAt).min()
    }

    /// Each language's related pages of every page, for the build cache.
    var relatedPages: [[[PageID]]] {
        languages.map(\.contexts.related.lists)
    }

    /// Every page's rendering, for the build cache.
    func cachedPages(sourceHashes: [String: ContentHash]) -> [PageKey: CachedPage] {
        var pages: [PageKey: CachedPage] = [:]
        for (language, state) in languages.enumerated() {
            for (file, page) in state.cachedPages(sourceHashes: sourceHashes) { pages[PageKey(language: language, sourceFile: file)] = page }
        }
        return pages
    }

    // MARK: Partial rebuilds

    /// Re-renders page `index` of `language` with its new body (see ``BuildState/replaceBody(of:with:)``).
    /// Returns the output paths whose bytes changed.
    mutating func replaceBody(of index: PageID, language: Int, with page: Page) -> [String] {
        take(languages[language].replaceBody(of: index, with: page), from: language)
    }

    /// Re-renders every language's pages with the site's templates read again.
    /// Returns the output paths whose bytes changed.
    mutating func reloadTemplates() throws(Diagnostic) -> [String] {
        let templates = try Templates(siteLayouts: source.appendingPathComponent("layouts"))
        templateDiagnostics = config.diagnostics + templates.diagnostics
        var changed: [String] = []
        for language in languages.indices { changed += take(languages[language].reloadTemplates(templates), from: language) }
        return changed.sorted()
    }

    /// A function that builds every language's search index; it may run on another thread.
    func searchIndexJob() -> @Sendable () -> SiteSearchIndex {
        let jobs = languages.map { $0.searchIndexJob() }
        return { SiteSearchIndex(languages: jobs.map { $0() }) }
    }

    /// Takes a search index built by ``searchIndexJob()``; returns the output paths that changed.
    mutating func setSearchIndex(_ index: SiteSearchIndex) -> [String] {
        var changed: [String] = []
        for (language, files) in zip(languages.indices, index.languages) {
            changed += take(languages[language].setSearchIndex(files), from: language)
        }
        return changed.sorted()
    }

    /// Copies a language's changed files into the site's output; returns their output paths.
    private mutating func take(_ paths: [String], from language: Int) -> [String] {
        var taken: [String] = []
        for path in paths {
            for key in outputPaths(path, language: language) {
                files[key] = languages[language].files[path]
                taken.append(key)
            }
        }
        return taken
    }
}
