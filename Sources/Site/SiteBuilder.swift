import Foundation

/// A page of the built site, as the link checker and the dev server see it.
public struct BuiltPage: Sendable {
    public var kind: Page.Kind
    /// Source file relative to the site root; nil for generated lists.
    public var sourceFile: String?
    /// URL path under the site root, without the base path (`/posts/a/`).
    public var path: String
    public var title: String
    /// The page's Markdown links and images with their positions.
    public var references: [LinkReference]
}

/// What a build produced and what it found wrong.
public struct BuildReport: Sendable {
    /// Every output file, by path relative to the destination.
    public var files: [String: Data] = [:]
    /// Files copied as they are (static files, bundle resources): destination path → source.
    public var copies: [String: URL] = [:]
    public var diagnostics: [Diagnostic] = []
    public var pageCount = 0
    public var listCount = 0
    public var staticCount = 0
    public var written = 0
    public var unchanged = 0
    public var seconds = 0.0
    /// True when the output folder was replaced with this build's output.
    public var published = false
    /// Every page with its links, for checking.
    public var pages: [BuiltPage] = []
    /// The site's configuration as read (base URL, menus, params).
    public var config: SiteConfig?

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// The HTML of a page by its URL path (`/posts/a/`), for tests and the dev server.
    public func html(at path: String) -> String? {
        var key = path.hasPrefix("/") ? String(path.dropFirst()) : path
        if key.isEmpty || key.hasSuffix("/") { key += "index.html" }
        return files[key].map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Builds a site folder (`content/`, `static/`, `layouts/`, config) into a folder of static files.
public struct SiteBuilder: Sendable {
    public let source: URL
    public let destination: URL
    public var options: BuildOptions

    public init(source: URL, destination: URL? = nil, options: BuildOptions = BuildOptions()) {
        self.source = source.standardizedFileURL
        self.destination = (destination ?? source.appendingPathComponent("public")).standardizedFileURL
        self.options = options
    }

    /// Builds the site. With `write`, the output replaces the destination folder, unless the build
    /// has errors and a previous output exists (which is then left untouched).
    /// Throws only when nothing can be built (unreadable config, unsafe destination).
    public func build(write: Bool = true) throws(Diagnostic) -> BuildReport {
        let start = Date()
        var config = try SiteConfig.load(siteRoot: source)
        if let baseURL = options.baseURL {
            config.raw["baseURL"] = .string(baseURL)
            config = SiteConfig(raw: config.raw, fileName: config.fileName)
        }
        if write { try checkDestination() }
        var report = BuildReport()

        let tree = ContentScanner(contentRoot: source.appendingPathComponent("content"), config: config).scan()
        report.diagnostics += tree.diagnostics
        if !tree.otherLanguageFiles.isEmpty {
            report.diagnostics.append(Diagnostic(.notice, "\(tree.otherLanguageFiles.count) page(s) in other languages (\(config.otherLanguages.joined(separator: ", "))) are not built yet: only \(config.defaultLanguage) is"))
        }
        let (content, assembleDiagnostics) = SiteContent.assemble(tree, config: config, options: options)
        report.diagnostics += assembleDiagnostics

        let staticRoot = source.appendingPathComponent("static")
        let staticFiles = Self.listFiles(under: staticRoot)
        let renderer = ContentRenderer(config: config, content: content, staticFiles: Set(staticFiles), resources: tree.resources,
                                       contentRoot: source.appendingPathComponent("content"))
        let renderedPairs = Array(content.pages.indices).parallelMap { renderer.render($0) }
        let rendered = renderedPairs.map(\.0)
        for (_, diagnostics) in renderedPairs { report.diagnostics += diagnostics }

        let templates = try Templates(siteLayouts: source.appendingPathComponent("layouts"))
        if !templates.ignoredGoTemplates.isEmpty {
            let names = templates.ignoredGoTemplates.prefix(5).joined(separator: ", ")
            let more = templates.ignoredGoTemplates.count > 5 ? " and \(templates.ignoredGoTemplates.count - 5) more" : ""
            report.diagnostics.append(Diagnostic(.notice, "Hugo templates are not used (\(names)\(more)); the built-in theme renders the site; write .mustache layouts to change it"))
        }
        var files: [String: Data] = [:]
        let assets = ThemeAssets(config: config)
        for (path, data) in assets.files { files[path] = data }
        let contexts = ContextBuilder(config: config, content: content, rendered: rendered,
                                      strings: Strings.table(for: config.languageCode), assets: assets.urls)
        let jobs = renderJobs(content, config: config)
        let pagesHTML = jobs.parallelMap { job -> (String, Data) in
            let context = contexts.pageContext(job.index, pager: job.pager)
            let html = templates.render(context, candidates: job.templates)
            return (job.outputPath, Data(html.utf8))
        }
        for (path, data) in pagesHTML { files[path] = data }
        report.pageCount = content.regularPages.count
        report.listCount = jobs.count - content.regularPages.count

        var notFound = contexts.pageContext(content.homeIndex)
        notFound["page"] = ["title": "404", "kind": "404", "is404": true] as [String: Any]
        files["404.html"] = Data(templates.render(notFound, candidates: ["404"]).utf8)

        let feeds = Feeds(config: config, content: content, rendered: rendered)
        for (index, page) in content.pages.enumerated() {
            let entries: [Int]
            switch page.kind {
            case .home: entries = content.mainPagesOrAll(config: config)
            case .section: entries = content.sectionPages[page.section] ?? []
            case .term: entries = termEntries(page, content: content)
            default: continue
            }
            for (path, text) in feeds.files(for: index, entries: entries) { files[path] = Data(text.utf8) }
        }
        let siteFiles = SiteFiles(config: config, content: content, rendered: rendered)
        files["sitemap.xml"] = Data(siteFiles.sitemap().utf8)
        files["robots.txt"] = Data(siteFiles.robots().utf8)
        for (path, data) in siteFiles.searchIndex() { files[path] = data }
        for page in content.pages {
            for alias in page.aliases {
                let path = Permalinks.normalize(alias)
                let file = path.hasSuffix("/") ? String(path.dropFirst()) + "index.html" : String(path.dropFirst())
                if files[file] != nil {
                    report.diagnostics.append(Diagnostic(.warning, "alias \(alias) would replace another page; it was skipped", file: page.sourceFile))
                    continue
                }
                files[file] = Data(siteFiles.redirect(to: page.path).utf8)
            }
        }

        var copies: [String: URL] = [:]
        for file in staticFiles { copies[file] = staticRoot.appendingPathComponent(file) }
        report.staticCount = staticFiles.count
        let contentRoot = source.appendingPathComponent("content")
        for resource in tree.resources {
            let sourceURL = contentRoot.appendingPathComponent(resource.contentPath)
            if let index = content.pageByContentPath[resource.owner], let bundle = content.pages[index].bundleFolder,
               resource.contentPath.hasPrefix(bundle.isEmpty ? "" : bundle + "/") {
                let inside = bundle.isEmpty ? resource.contentPath : String(resource.contentPath.dropFirst(bundle.count + 1))
                copies[content.pages[index].outputFolder.isEmpty ? inside : content.pages[index].outputFolder + "/" + inside] = sourceURL
            } else {
                copies[resource.contentPath] = sourceURL
            }
        }
        for path in files.keys { copies[path] = nil }

        report.files = files
        report.copies = copies
        report.config = config
        report.pages = content.pages.indices.map { index in
            let page = content.pages[index]
            return BuiltPage(kind: page.kind, sourceFile: page.sourceFile, path: page.path, title: page.title,
                             references: rendered[index].references)
        }
        report.diagnostics.sort { ($0.severity, $0.file ?? "", $0.line ?? 0) < ($1.severity, $1.file ?? "", $1.line ?? 0) }
        if write {
            let hasPrevious = FileManager.default.fileExists(atPath: destination.path)
            if report.errors.isEmpty || !hasPrevious {
                do {
                    let summary = try OutputWriter(destination: destination).write(files: files, copies: copies)
                    report.written = summary.written
                    report.unchanged = summary.unchanged
                    report.published = true
                } catch {
                    throw Diagnostic(.error, "cannot write the output to \(destination.path): \(error.localizedDescription)")
                }
            }
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    private func termEntries(_ page: Page, content: SiteContent) -> [Int] {
        guard let taxonomy = page.taxonomy, let term = page.term else { return [] }
        return content.pages(taxonomy: taxonomy, term: term)
    }

    /// One HTML file to render: a page, or one pager page of a list.
    private struct RenderJob: Sendable {
        var index: Int
        var pager: Pager?
        var templates: [String]
        var outputPath: String
    }

    private func renderJobs(_ content: SiteContent, config: SiteConfig) -> [RenderJob] {
        var jobs: [RenderJob] = []
        for (index, page) in content.pages.enumerated() {
            let folder = page.outputFolder.isEmpty ? "" : page.outputFolder + "/"
            var templates = page.layout.map { [$0] } ?? []
            let items: [Int]?
            switch page.kind {
            case .page:
                templates += ["single"]
                items = nil
            case .home:
                templates += ["home", "list"]
                items = content.mainPagesOrAll(config: config)
            case .section:
                templates += ["section", "list"]
                items = content.sectionPages[page.section] ?? []
            case .taxonomy:
                templates += ["taxonomy"]
                items = nil
            case .term:
                templates += page.taxonomy == "authors" ? ["author", "term", "list"] : ["term", "list"]
                items = termEntries(page, content: content)
            }
            if page.layout == "archives" || page.layout == "search" {
                jobs.append(RenderJob(index: index, pager: nil, templates: templates, outputPath: folder + "index.html"))
                continue
            }
            guard let items else {
                jobs.append(RenderJob(index: index, pager: nil, templates: templates, outputPath: folder + "index.html"))
                continue
            }
            let featureFirst = page.kind == .home && !(config.param("disableSpecial1stPost")?.bool ?? false)
            for pager in Pager.paginate(items, listPath: page.path, size: config.pagerSize, featureFirst: featureFirst) {
                let pagerFolder = pager.path.split(separator: "/").joined(separator: "/")
                jobs.append(RenderJob(index: index, pager: pager, templates: templates,
                                      outputPath: (pagerFolder.isEmpty ? "" : pagerFolder + "/") + "index.html"))
            }
        }
        return jobs
    }

    /// Refuses destinations that would overwrite the sources.
    private func checkDestination() throws(Diagnostic) {
        let destinationPath = destination.path.hasSuffix("/") ? destination.path : destination.path + "/"
        let sourcePath = source.path.hasSuffix("/") ? source.path : source.path + "/"
        let contentPath = source.appendingPathComponent("content").path + "/"
        if destinationPath == sourcePath || sourcePath.hasPrefix(destinationPath) {
            throw Diagnostic(.error, "the destination \(destination.path) is the site folder or contains it; choose a folder such as \(source.appendingPathComponent("public").path)")
        }
        if destinationPath.hasPrefix(contentPath) {
            throw Diagnostic(.error, "the destination \(destination.path) is inside content/; choose a folder outside it")
        }
        for folder in ["static", "layouts", "archetypes", "data", "assets"] {
            let path = source.appendingPathComponent(folder).path + "/"
            if destinationPath.hasPrefix(path) || destinationPath == path {
                throw Diagnostic(.error, "the destination \(destination.path) is inside \(folder)/; choose a folder outside it")
            }
        }
    }

    /// Files under `root`, relative and sorted, hidden files skipped.
    static func listFiles(under root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        let rootPath = root.standardizedFileURL.path
        var files: [String] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            var path = String(url.standardizedFileURL.path.dropFirst(rootPath.count))
            while path.hasPrefix("/") { path.removeFirst() }
            files.append(path)
        }
        return files.sorted()
    }
}
