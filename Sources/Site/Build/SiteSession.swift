import Foundation

/// A site built in memory and kept there, so that a change rebuilds only what it affects:
/// what `collective serve` holds.
///
/// An edit to a page's Markdown body re-renders that page, the list pages and feeds that show it,
/// and nothing else; a layout change re-renders the HTML pages with the parsed content kept;
/// anything else (config, new or deleted files, front matter that moves a page or changes its
/// lists) rebuilds the whole site. The search index is left for ``searchIndexJob()``, because on
/// a large site it takes longer than everything else.
///
/// ```swift
/// var session = try SiteSession(builder: SiteBuilder(source: site))
/// let update = session.update(changed: ["content/posts/a.md"])
/// update.changedFiles   // ["index.html", "posts/a/index.html", "posts/index.xml", …]
/// ```
public struct SiteSession: Sendable {
    /// The current build: files, pages and diagnostics.
    public private(set) var report: BuildReport
    private var build: SiteBuild
    private let builder: SiteBuilder
    /// Content file (relative to the site root) → its page.
    private var pageBySource: [String: PageRef] = [:]
    /// Bundle and section resources by file (relative to the site root), with the languages that have them.
    private var resourceBySource: [String: [(language: Int, resource: Resource)]] = [:]
    /// Absolute source path → output keys of the files copied as they are (a shared resource has one per language).
    private var copyBySource: [String: [String]] = [:]
    /// Files changed since the last update that was taken (it failed): they count as changed again.
    private var pending: Set<String> = []
    /// The last full rebuild had errors: the next update rebuilds everything again.
    private var needsFullRebuild = false

    /// What an update did.
    public struct Update: Sendable {
        /// How much was rebuilt.
        public enum Scope: String, Sendable, Codable {
            /// No output was rendered (static files changed, or the change failed).
            case nothing
            /// Edited pages, and the lists and feeds showing them.
            case pages
            /// Every HTML page, after a layout changed.
            case templates
            /// The whole site.
            case site
        }
        public var scope: Scope
        /// Output keys (`posts/a/index.html`) whose bytes changed, added or went away.
        public var changedFiles: [String]
        /// Errors that kept the update from being taken; the previous build stays current.
        public var errors: [Diagnostic]
        /// The search index is out of date: run ``SiteSession/searchIndexJob()``.
        public var searchIndexIsStale: Bool
        /// The report's diagnostics are not the previous ones.
        public var diagnosticsChanged = false
    }

    /// Builds the whole site in memory.
    public init(builder: SiteBuilder) throws(Diagnostic) {
        self.builder = builder
        build = try SiteBuild(source: builder.source, options: builder.options)
        report = BuildReport(build)
        indexSources()
    }

    /// The URL path (`/posts/a/`) of the page built from a content file (`content/posts/a.md`).
    public func pagePath(forSource file: String) -> String? {
        pageBySource[file].map { build.sitePath(page($0).path, language: $0.language) }
    }

    /// Rebuilds after the files at `paths` (relative to the site root) changed. When the result
    /// has errors, the previous build stays current.
    public mutating func update(changed paths: [String]) -> Update {
        do {
            return try updateOrThrow(changed: paths)
        } catch {
            needsFullRebuild = true
            return Update(scope: .nothing, changedFiles: [], errors: [error], searchIndexIsStale: false)
        }
    }

    private mutating func updateOrThrow(changed paths: [String]) throws(Diagnostic) -> Update {
        let start = Date()
        let paths = Set(paths).union(pending).sorted()
        var plan = Plan()
        // A notebook's outputs become files beside its page: a changed notebook rebuilds the site.
        if needsFullRebuild || !plan.classify(paths, in: self)
            || plan.pages.contains(where: { PathText.fileExtension($0).lowercased() == NotebookSource.fileExtension })
        {
            return try rebuildSite(start: start)
        }
        var readErrors: [Diagnostic] = []
        var bodies: [(PageRef, Page)] = []
        for file in plan.pages {
            let ref = pageBySource[file]!
            let old = page(ref)
            switch read(file, like: old, language: ref.language) {
            case .failure(let errors):
                readErrors += errors.diagnostics
            // Executable cells may run and change their figure files: those pages rebuild the site.
            case .success(let page) where page.sameOutsideBody(old) && !ExecutedCells.mayHold(page.body) && !ExecutedCells.mayHold(old.body):
                bodies.append((ref, page))
            case .success:
                return try rebuildSite(start: start)
            }
        }
        pending = readErrors.isEmpty ? [] : Set(paths)
        if !readErrors.isEmpty {
            return Update(scope: .nothing, changedFiles: [], errors: readErrors, searchIndexIsStale: false)
        }
        for ref in plan.resourceOwners where !bodies.contains(where: { $0.0 == ref }) {
            bodies.append((ref, page(ref)))
        }
        var changed = Set(plan.copies)
        var diagnosticsChanged = false
        for (ref, page) in bodies {
            let before = build.languages[ref.language].pageDiagnostics[ref.index]
            changed.formUnion(build.replaceBody(of: ref.index, language: ref.language, with: page))
            diagnosticsChanged = diagnosticsChanged || build.languages[ref.language].pageDiagnostics[ref.index] != before
        }
        var scope: Update.Scope = bodies.isEmpty ? .nothing : .pages
        if plan.templatesChanged {
            do {
                changed.formUnion(try build.reloadTemplates())
            } catch {
                return Update(scope: .nothing, changedFiles: [], errors: [error], searchIndexIsStale: false)
            }
            scope = .templates
        }
        diagnosticsChanged = diagnosticsChanged || plan.templatesChanged
        refreshReport(pages: bodies.map(\.0), diagnosticsChanged: diagnosticsChanged, start: start)
        return Update(
            scope: scope, changedFiles: changed.sorted(), errors: [], searchIndexIsStale: !bodies.isEmpty,
            diagnosticsChanged: diagnosticsChanged)
    }

    /// A function that builds the search index of the current pages; give its result to
    /// ``setSearchIndex(_:)``. It may run on another thread.
    public func searchIndexJob() -> @Sendable () -> SiteSearchIndex {
        build.searchIndexJob()
    }

    /// Takes a search index built by ``searchIndexJob()``; returns the output keys that changed.
    public mutating func setSearchIndex(_ index: SiteSearchIndex) -> [String] {
        let changed = build.setSearchIndex(index)
        report.files = build.files
        return changed
    }

    // MARK: Steps

    private mutating func rebuildSite(start: Date) throws(Diagnostic) -> Update {
        let next = try SiteBuild(source: builder.source, options: builder.options)
        let errors = next.diagnostics.filter { $0.severity == .error }
        needsFullRebuild = !errors.isEmpty
        guard errors.isEmpty else {
            return Update(scope: .nothing, changedFiles: [], errors: errors, searchIndexIsStale: false)
        }
        let old = build
        build = next
        pending = []
        report = BuildReport(build)
        report.seconds = Date().timeIntervalSince(start)
        indexSources()
        var changed = Set(build.files.compactMap { key, data in old.files[key] == data ? nil : key })
        changed.formUnion(old.files.keys.filter { build.files[$0] == nil })
        for (key, url) in build.copies where old.copies[key] != url { changed.insert(key) }
        changed.formUnion(old.copies.keys.filter { build.copies[$0] == nil })
        return Update(scope: .site, changedFiles: changed.sorted(), errors: [], searchIndexIsStale: false, diagnosticsChanged: true)
    }

    private func page(_ ref: PageRef) -> Page {
        build.languages[ref.language].content.pages[ref.index]
    }

    private func read(_ file: String, like old: Page, language: Int) -> Result<Page, ReadFailure> {
        let url = builder.source.appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(ReadFailure([Diagnostic(.error, "cannot read the file", file: file)]))
        }
        let config = build.languages[language].config
        let contentPath = config.contentPath(ofSource: file)
        let (page, diagnostics) = PageReader(config: config).read(
            source: String(decoding: data, as: UTF8.self), contentPath: contentPath, kind: old.kind,
            section: old.section, bundleFolder: old.bundleFolder)
        guard var page else { return .failure(ReadFailure(diagnostics.filter { $0.severity == .error })) }
        page.path = old.path
        page.taxonomy = old.taxonomy
        page.term = old.term
        return .success(page)
    }

    private mutating func refreshReport(pages: [PageRef], diagnosticsChanged: Bool, start: Date) {
        report.files = build.files
        report.copies = build.copies
        if diagnosticsChanged { report.diagnostics = BuildReport.sorted(build.diagnostics) }
        for ref in pages {
            let offset = build.languages[..<ref.language].reduce(0) { $0 + $1.content.pages.count }
            report.pages[offset + ref.index.index].references = build.languages[ref.language].rendered[ref.index].references
        }
        report.seconds = Date().timeIntervalSince(start)
    }

    /// The look-up tables an update needs, made once per full build.
    private mutating func indexSources() {
        pageBySource = [:]
        resourceBySource = [:]
        for (language, state) in build.languages.enumerated() {
            for (index, page) in zip(state.content.pages.pageIDs, state.content.pages) {
                if let file = page.sourceFile { pageBySource[file] = PageRef(language: language, index: index) }
            }
            for resource in state.resources {
                resourceBySource[state.config.language.contentDir + "/" + resource.contentPath, default: []].append((language, resource))
            }
        }
        copyBySource = Dictionary(grouping: build.copies, by: { $0.value.standardizedFileURL.path }).mapValues { $0.map(\.key) }
    }

    /// A page of one language's build.
    private struct PageRef: Equatable {
        var language: Int
        var index: PageID
    }

    private struct ReadFailure: Error {
        var diagnostics: [Diagnostic]
        init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    }

    /// What a set of changed files needs, when it can be rebuilt in part.
    private struct Plan {
        /// Content files of pages to read again.
        var pages: [String] = []
        /// Pages whose bundle resources (chart data, images) changed.
        var resourceOwners: [PageRef] = []
        /// Output keys of changed files that are copied as they are.
        var copies: [String] = []
        var templatesChanged = false

        /// Sorts the changes; false when one of them needs the whole site rebuilt.
        mutating func classify(_ paths: [String], in session: SiteSession) -> Bool {
            let root = session.build.source.standardizedFileURL.path + "/"
            for path in paths {
                guard FileManager.default.fileExists(atPath: root + path) else { return false }  // deleted
                if session.pageBySource[path] != nil {
                    pages.append(path)
                } else if let resources = session.resourceBySource[path] {
                    for (language, resource) in resources {
                        if let owner = session.build.languages[language].content.pageByContentPath[resource.owner] {
                            resourceOwners.append(PageRef(language: language, index: owner))
                        }
                    }
                    copies += session.copyBySource[root + path] ?? []
                } else if path.hasPrefix("static/"), let keys = session.copyBySource[root + path] {
                    copies += keys
                } else if path.hasPrefix("layouts/"), path.hasSuffix(".mustache") {
                    templatesChanged = true
                } else {
                    return false  // config, data, a new file, a page that was left out (draft): all of it again
                }
            }
            return true
        }
    }
}

extension Page {
    /// True when the two differ at most in their Markdown body (and so in nothing lists, URLs or terms use).
    func sameOutsideBody(_ other: Page) -> Bool {
        var a = self
        var b = other
        (a.body, b.body) = ("", "")
        (a.bodyLine, b.bodyLine) = (0, 0)
        (a.fieldLines, b.fieldLines) = ([:], [:])
        return a == b
    }
}
