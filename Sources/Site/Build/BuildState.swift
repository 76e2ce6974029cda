import Foundation
import TextUtilities

/// Everything one language's build computed, kept so that a change can later be rebuilt in part
/// (see ``SiteSession``): the content, each page's rendered Markdown, the templates and
/// the template contexts, which list pages show which page, and the output (whose paths are
/// relative to the language's folder; ``SiteBuild`` places them).
struct BuildState: Sendable {
    let source: URL
    let options: BuildOptions
    let config: SiteConfig
    let resources: [Resource]
    /// The Markdown renderer, kept for edits: an edit that reaches it changes no URL or file set.
    private let renderer: ContentRenderer
    private(set) var contexts: ContextBuilder
    private(set) var templates: Templates
    /// Render diagnostics of each page, in page order (indexed by ``PageID``).
    private(set) var pageDiagnostics: [[Diagnostic]]
    /// Equation labels of every page, for `\eqref` to another page.
    private var equationReferences: SiteEquationReferences
    /// Diagnostics of the language as a whole (scanning, URLs, aliases).
    private(set) var siteDiagnostics: [Diagnostic] = []
    /// The HTML files to render, indexed by ``RenderJobID``.
    private(set) var jobs: [RenderJob] = []
    /// Page → its own jobs (a list has one per pager page).
    private var jobsOfPage: [PageID: [RenderJobID]] = [:]
    /// Page → the list jobs (pager pages) that show it.
    private var listJobsShowing: [PageID: [RenderJobID]] = [:]
    /// Jobs of archive pages, which list every page.
    private var archiveJobs: [RenderJobID] = []
    /// Page → list pages (home, sections, terms) whose feeds may hold it.
    private var feedListsHolding: [PageID: [PageID]] = [:]
    /// Output files whose bytes the build keeps.
    private(set) var files: [String: Data] = [:]
    /// HTML pages and search index files written to a staging folder as they were made: their
    /// bytes are not in ``files``.
    private(set) var stagedPages: Set<String> = []
    /// Bundle and section resources copied as they are: output path → source.
    private(set) var copies: [String: URL] = [:]
    /// Each regular page's rendered list entry, when lists reuse it (kept for the build cache).
    private(set) var entryTexts: [PageID: String] = [:]
    /// Each indexed page's search terms (``PageTerms/encoded()``), kept for the build cache.
    private(set) var searchTerms: [PageID: KeptBytes] = [:]
    /// Pages whose rendering came from the build cache.
    private(set) var reusedPages = 0
    /// The build cache's records of those pages: the next cache keeps them as they are.
    private var reusedRecords: [PageID: CachedPage] = [:]
    /// Output files (HTML pages, feeds, the sitemap) taken from the previous output instead of made again.
    private(set) var reusedFiles = 0
    /// How many files of each kind the language's output has (``SiteBuild`` counts the rest).
    private(set) var outputCounts: [OutputKind: Int] = [:]

    var content: SiteContent { contexts.content }
    var rendered: [RenderedContent] { contexts.rendered }
    var diagnostics: [Diagnostic] { siteDiagnostics + pageDiagnostics.joined() }

    /// Renders and lays out one language's content in memory; with `reuse`, takes from the build
    /// cache what none of its inputs changed (see ``LanguageReuse``). With `staging`, each HTML
    /// page goes there as soon as it is rendered (``stagedPages``) instead of into ``files``.
    init(
        _ language: LanguageContent, options: BuildOptions, site: SiteParts, links: LanguageContext, reuse: LanguageReuse? = nil,
        remember: Bool = false, staging: StagingFolder.Target? = nil, progress: BuildProgress? = nil
    ) {
        progress?.begin("Preparing the renderer")
        source = site.source
        self.options = options
        config = language.config
        let content = language.content
        resources = language.resources
        let contentRoot = source.appendingPathComponent(config.language.contentDir)
        renderer = ContentRenderer(
            config: config, content: content, staticFiles: site.staticFiles, resources: resources,
            contentRoot: contentRoot, execute: options.execute)
        let cached: [CachedPage?] = content.pages.map { page in
            guard let reuse, let file = page.sourceFile, let entry = reuse.pages[file], entry.sourceHash == reuse.sourceHashes[file] else {
                return nil
            }
            return entry
        }
        reusedPages = cached.count { $0 != nil }
        if remember {
            for (index, entry) in zip(cached.pageIDs, cached) { if let entry { reusedRecords[index] = entry } }
        }
        progress?.begin("Rendering Markdown", total: content.pages.count)
        let renderedPairs = content.pages.pageIDs.concurrentMap { [renderer] index in
            defer { progress?.advance() }
            return cached[index].map { ($0.rendered, $0.diagnostics) } ?? renderer.render(index)
        }
        progress?.begin("Page contexts and lists")
        pageDiagnostics = renderedPairs.map(\.1)
        var rendered = renderedPairs.map(\.0)
        equationReferences = SiteEquationReferences(content: content, rendered: rendered, config: config)
        for index in rendered.pageIDs where !rendered[index].equationReferences.isEmpty {
            pageDiagnostics[index] += equationReferences.resolve(&rendered[index], page: index, file: content.pages[index].sourceFile)
        }
        // The search index needs only the content, and runs beside the templates.
        var cachedTerms: [PageID: [UInt8]] = [:]
        for (index, page) in zip(cached.pageIDs, cached) { if let terms = page?.searchTerms?.bytes { cachedTerms[index] = terms } }
        let spill = remember ? BuildCache(site: source).spillFile() : nil
        let searchIndex = BackgroundJob { [siteFiles = SiteFiles(config: config, content: content, rendered: rendered), cachedTerms] in
            siteFiles.searchIndex(reusing: cachedTerms, keepTerms: remember, spill: spill)
        }
        templates = site.templates
        let knownRelated = reuse?.related.flatMap { $0.count == content.pages.count ? RelatedPages(lists: $0) : nil }
        contexts = ContextBuilder(
            config: config, content: content, rendered: rendered,
            strings: Strings.table(for: config.languageCode), assets: site.assetURLs, related: knownRelated,
            lazyEntries: reuse != nil)
        contexts.languages = links
        contexts.citationStyle = renderer.siteBibliography.style
        renderEntries(content.regularPages, cached: cached)
        jobs = Self.renderJobs(content, config: config)
        for (position, job) in zip(jobs.indices.map(RenderJobID.init), jobs) {
            jobsOfPage[job.page, default: []].append(position)
            for item in job.pager?.items ?? [] { listJobsShowing[item, default: []].append(position) }
            if content.pages[job.page].layout == "archives" { archiveJobs.append(position) }
        }
        let feedLists = feedLists()
        for (index, entries) in feedLists {
            for entry in entries { feedListsHolding[entry, default: []].append(index) }
        }
        siteDiagnostics =
            language.diagnostics + (renderer.siteShortcodes?.diagnostics(for: config) ?? [])
            + renderer.siteBibliography.diagnostics
        progress?.begin("Rendering pages", total: jobs.count)
        // A folder that cannot be made fails its pages' writes, which the writer reports.
        try? staging?.makeFolders(for: jobs.map(\.outputPath))
        // With the cache, the pages read from a content file that it had no rendering for (a list
        // the builder made renders from the fingerprint and what it shows).
        let changedPages = reuse == nil ? [] : Set(cached.pageIDs.filter { cached[$0] == nil && content.pages[$0].sourceFile != nil })
        if let reuse {
            renderHTML(reusing: reuse, except: changedJobs(of: changedPages, previous: reuse), staging: staging, progress: progress)
        } else {
            renderHTML(staging: staging, progress: progress)
        }
        progress?.begin("Feeds and search index")
        let (searchFiles, terms) = searchIndex.result()
        searchTerms = terms
        // A body edit changes the feeds that show the page; the sitemap shows front matter only.
        renderOtherFiles(feedLists: feedLists, searchIndex: searchFiles, reusing: reuse.map { ($0, changedPages) }, staging: staging)
        copies = resourceCopies()
        for path in files.keys { copies[path] = nil }
        for path in stagedPages { copies[path] = nil }
        for job in jobs { outputCounts[OutputKind.html(content.pages[job.page].kind, pagerNumber: job.pager?.number), default: 0] += 1 }
        outputCounts[.resources] = copies.count
    }

    /// What the languages of a site share: the source folder, its static files, the parsed
    /// templates and the theme's asset URLs.
    struct SiteParts: Sendable {
        var source: URL
        /// Files under `static/`, relative (`images/a.png`).
        var staticFiles: Set<String>
        var templates: Templates
        var assetURLs: [String: String]
    }

    // MARK: Output

    /// Renders the list entries of `pages` once, for every list to reuse (when the site keeps the
    /// theme's entry templates; else lists render them in place); `cached` pages keep the entry
    /// the build cache has for them.
    private mutating func renderEntries(_ pages: [PageID], cached: [CachedPage?] = []) {
        guard templates.rendersEntriesOnce else {
            contexts.setEntryHTML(Dictionary(uniqueKeysWithValues: pages.map { ($0, nil) }))
            return
        }
        let html = pages.concurrentMap { [contexts, templates] index in
            (index.index < cached.count ? cached[index]?.entryHTML : nil) ?? templates.renderEntry(contexts.entryContext(index))
        }
        for (index, text) in zip(pages, html) { entryTexts[index] = text }
        contexts.setEntryHTML(Dictionary(uniqueKeysWithValues: zip(pages, html.map(Optional.some))))
    }

    /// Renders every HTML page from the current contexts and templates; with `reuse`, jobs not in
    /// `changed` take the previous output's file when it is intact; with `staging`, the pages go there.
    private mutating func renderHTML(
        reusing reuse: LanguageReuse? = nil, except changed: Set<RenderJobID> = [], staging: StagingFolder.Target? = nil,
        progress: BuildProgress? = nil
    ) {
        let selected = jobs.indices.map(RenderJobID.init)
        for (path, data, reused) in renderJobsHTML(selected, reusing: reuse, except: changed, staging: staging, progress: progress) {
            if let data { files[path] = data } else { stagedPages.insert(path) }
            if reused { reusedFiles += 1 }
        }
        files["404.html"] = notFoundPage()
    }

    /// The render jobs an edit of `pages` may change, as ``replaceBody(of:with:)``
    /// finds them: the pages' own, and when what lists show of a page changed (or is not known),
    /// the list pages showing it and the archives.
    private func changedJobs(of pages: Set<PageID>, previous reuse: LanguageReuse) -> Set<RenderJobID> {
        var changed = Set<RenderJobID>()
        for index in pages {
            guard let file = content.pages[index].sourceFile else { continue }
            changed.formUnion(jobsOfPage[index] ?? [])
            if let before = reuse.pages[file], rendered[index].showsInListsLike(before.rendered) { continue }
            changed.formUnion(listJobsShowing[index] ?? [])
            changed.formUnion(archiveJobs)
        }
        return changed
    }

    /// Feeds, sitemap, robots.txt, the search index's files and alias redirects. With `reuse`, the
    /// feeds that show none of the `changed` pages and a one-language site's sitemap are the previous
    /// output's. With `staging`, the search index's files go there at once, like the pages (one per
    /// page and shard: half a gigabyte on the 100,000-page benchmark site, which the build would
    /// otherwise hold to its end).
    private mutating func renderOtherFiles(
        feedLists: [(PageID, [PageID])], searchIndex: [String: Data], reusing reuse: (LanguageReuse, changed: Set<PageID>)? = nil,
        staging: StagingFolder.Target? = nil
    ) {
        let feeds = feedLists.concurrentMap { [self] list, entries -> (files: [(String, Data)], reused: Bool) in
            if let (reuse, changed) = reuse, !changed.contains(list), !entries.contains(where: changed.contains) {
                let paths = Feeds(config: config, content: content, rendered: rendered).paths(for: list)
                let previous = paths.compactMap { path in reuse.previousOutput(path).map { (path, $0) } }
                if previous.count == paths.count { return (previous, true) }
            }
            return (feedFiles(list: list, entries: entries), false)
        }
        for (path, data) in feeds.map(\.files).joined() { files[path] = data }
        outputCounts[.feeds] = feeds.reduce(0) { $0 + $1.files.count }
        reusedFiles += feeds.reduce(0) { $0 + ($1.reused ? $1.files.count : 0) }
        var siteFiles = SiteFiles(config: config, content: content, rendered: rendered)
        siteFiles.languages = contexts.languages
        // (A language's sitemap goes elsewhere than its folder on a multilingual site: always made.)
        let previousSitemap = config.isMultilingual ? nil : reuse?.0.previousOutput("sitemap.xml")
        if previousSitemap != nil { reusedFiles += 1 }
        files["sitemap.xml"] = previousSitemap ?? Data(siteFiles.sitemap().utf8)
        files["robots.txt"] = Data(siteFiles.robots().utf8)
        if let staging {
            try? staging.makeFolders(for: Array(searchIndex.keys))
            _ = Array(searchIndex).concurrentMap { path, data in staging.put(path, data) }
            stagedPages.formUnion(searchIndex.keys)
        } else {
            for (path, data) in searchIndex { files[path] = data }
        }
        outputCounts[.search] = searchIndex.count
        for page in content.pages {
            for alias in page.aliases {
                guard let path = Permalinks.outputPath(alias) else {
                    siteDiagnostics.append(
                        Diagnostic(
                            .error, "alias \(alias) has a `..` segment, which could write outside the site or over another page; it was skipped",
                            file: page.sourceFile, line: page.fieldLines["aliases"]))
                    continue
                }
                let file = path.hasSuffix("/") ? String(path.dropFirst()) + "index.html" : String(path.dropFirst())
                if files[file] != nil || stagedPages.contains(file) {
                    siteDiagnostics.append(Diagnostic(.warning, "alias \(alias) would replace another page; it was skipped", file: page.sourceFile))
                    continue
                }
                files[file] = Data(siteFiles.redirect(to: page.path).utf8)
                outputCounts[.aliases, default: 0] += 1
            }
        }
    }

    /// The output path and bytes of each selected job, and whether the bytes are the previous
    /// output's; with `staging`, the bytes are put there as soon as they are made and not returned.
    private func renderJobsHTML(
        _ selected: [RenderJobID], reusing reuse: LanguageReuse? = nil, except changed: Set<RenderJobID> = [],
        staging: StagingFolder.Target? = nil, progress: BuildProgress? = nil
    ) -> [(String, Data?, reused: Bool)] {
        selected.concurrentMap { [jobs, contexts, templates] position -> (String, Data?, reused: Bool) in
            defer { progress?.advance() }
            let job = jobs[position.index]
            let (data, reused): (Data, Bool)
            if let reuse, !changed.contains(position), let previous = reuse.previousOutput(job.outputPath) {
                (data, reused) = (previous, true)
            } else {
                (data, reused) = (Data(templates.render(contexts.pageContext(job.page, pager: job.pager), candidates: job.templates)), false)
            }
            guard let staging else { return (job.outputPath, data, reused) }
            staging.put(job.outputPath, data)
            return (job.outputPath, nil, reused)
        }
    }

    private func notFoundPage() -> Data {
        var context = contexts.pageContext(content.homePage)
        context["page"] = ["title": "404", "kind": "404", "is404": true]
        return Data(templates.render(context, candidates: ["404"]))
    }

    /// The list pages that have feeds, with their entries.
    private func feedLists() -> [(PageID, [PageID])] {
        content.pages.pageIDs.compactMap { index in content.entries(ofList: index, config: config).map { (index, $0) } }
    }

    private func feedFiles(list: PageID, entries: [PageID]) -> [(String, Data)] {
        Feeds(config: config, content: content, rendered: rendered).files(for: list, entries: entries)
            .map { ($0.0, Data($0.1.utf8)) }
    }

    /// A function that builds the search index from this state; it takes a while on big sites,
    /// so the dev server runs it after the reload.
    func searchIndexJob() -> @Sendable () -> [String: Data] {
        Self.searchIndexJob(config: config, content: content, rendered: rendered)
    }

    private static func searchIndexJob(config: SiteConfig, content: SiteContent, rendered: [RenderedContent])
        -> @Sendable () -> [String: Data]
    {
        let siteFiles = SiteFiles(config: config, content: content, rendered: rendered)
        return { siteFiles.searchIndex() }
    }

    /// The `assets/` files the pages' shortcodes published, by path from the site's root.
    var publishedAssets: [String: PublishedAsset] {
        var assets: [String: PublishedAsset] = [:]
        for page in rendered { assets.merge(page.publishedAssets) { first, _ in first } }
        return assets
    }

    /// Resources are copied beside the page that owns them, by the one language that publishes each file.
    private func resourceCopies() -> [String: URL] {
        var copies: [String: URL] = [:]
        let contentRoot = source.appendingPathComponent(config.language.contentDir)
        for resource in resources where !content.leftOutBundles.contains(resource.owner) && resource.publishedAt == nil {
            let sourceURL = contentRoot.appendingPathComponent(resource.contentPath)
            if let index = content.pageByContentPath[resource.owner], let bundle = content.pages[index].bundleFolder,
                resource.contentPath.hasPrefix(bundle.isEmpty ? "" : bundle + "/")
            {
                let inside = bundle.isEmpty ? resource.contentPath : String(resource.contentPath.dropFirst(bundle.count + 1))
                copies[content.pages[index].outputFolder.isEmpty ? inside : content.pages[index].outputFolder + "/" + inside] = sourceURL
            } else {
                copies[resource.contentPath] = sourceURL
            }
        }
        for (page, body) in zip(content.pages, rendered) {
            for (name, url) in body.generatedFiles {
                copies[page.outputFolder.isEmpty ? name : page.outputFolder + "/" + name] = url
            }
        }
        return copies
    }

    // MARK: Partial rebuilds

    /// Re-renders page `index` with `page` (whose front matter, and so URL, lists and terms, is
    /// unchanged) and the outputs that show its body: the page, and, when what lists show of it
    /// changed (summary, reading time), the list pages and feeds holding it.
    /// Returns the output paths whose bytes changed. The search index is left as it was.
    mutating func replaceBody(of index: PageID, with page: Page) -> [String] {
        var (body, diagnostics) = renderer.render(page)
        diagnostics += equationReferences.resolve(&body, page: index, file: page.sourceFile)
        let listsChanged = !body.showsInListsLike(rendered[index])
        contexts.update(page: index, to: page, rendered: body)
        if page.kind == .page { renderEntries([index]) }
        pageDiagnostics[index] = diagnostics
        var selected = jobsOfPage[index] ?? []
        if listsChanged { selected += (listJobsShowing[index] ?? []) + archiveJobs }
        var output = renderJobsHTML(selected).compactMap { path, data, _ in data.map { (path, $0) } }
        if listsChanged || config.fullContentInFeeds {
            for list in feedListsHolding[index] ?? [] {
                output += feedFiles(list: list, entries: content.entries(ofList: list, config: config) ?? [])
            }
        }
        if index == content.homePage { output.append(("404.html", notFoundPage())) }
        var changed: [String] = []
        for (path, data) in output where files[path] != data {
            files[path] = data
            changed.append(path)
        }
        return changed.sorted()
    }

    /// Re-renders every page with `templates`, the site's templates read again (after a layout changed).
    /// Returns the output paths whose bytes changed.
    mutating func reloadTemplates(_ templates: Templates) -> [String] {
        self.templates = templates
        renderEntries(content.regularPages)
        let old = files
        renderHTML()
        return files.compactMap { path, data in old[path] == data ? nil : path }.sorted()
    }

    /// Takes the search index built by ``searchIndexJob()``.
    mutating func setSearchIndex(_ index: [String: Data]) -> [String] {
        var changed: [String] = []
        for (path, data) in index where files[path] != data {
            files[path] = data
            changed.append(path)
        }
        return changed
    }

    // MARK: Jobs

    /// What one language's build takes from the build cache: renderings of pages whose content
    /// file is unchanged, and the previous output of render jobs none of whose inputs changed.
    struct LanguageReuse: Sendable {
        /// Content file (relative to the site root) → its rendering in the previous build.
        var pages: [String: CachedPage]
        /// Content file → hash of its bytes now.
        var sourceHashes: [String: ContentHash]
        /// The previous output's file at a path relative to the language's folder, when it is
        /// intact; nil when it must be rendered.
        var previousOutput: @Sendable (String) -> Data?
        /// Each page's related pages, as the previous build worked them out (they depend on front
        /// matter only, which the cache's fingerprint covers); nil when not known.
        var related: [[PageID]]?
    }

    /// The rendering of every page read from a content file, for the build cache.
    func cachedPages(sourceHashes: [String: ContentHash]) -> [String: CachedPage] {
        var pages: [String: CachedPage] = [:]
        for (index, page) in zip(content.pages.pageIDs, content.pages) where rendered[index].isCacheable {
            guard let file = page.sourceFile, let hash = sourceHashes[file] else { continue }
            // A page taken from the cache is what it was: its rendering, entry and terms.
            if let record = reusedRecords[index], record.sourceHash == hash {
                pages[file] = record
                continue
            }
            pages[file] = CachedPage(
                sourceHash: hash, rendered: rendered[index], diagnostics: pageDiagnostics[index],
                entryHTML: entryTexts[index], searchTerms: searchTerms[index])
        }
        return pages
    }

    /// One HTML file to render: a page, or one pager page of a list.
    struct RenderJob: Sendable {
        var page: PageID
        var pager: Pager?
        var templates: [String]
        var outputPath: String
    }

    private static func renderJobs(_ content: SiteContent, config: SiteConfig) -> [RenderJob] {
        var jobs: [RenderJob] = []
        for (index, page) in zip(content.pages.pageIDs, content.pages) {
            let folder = page.outputFolder.isEmpty ? "" : page.outputFolder + "/"
            var templates = page.layout.map { [$0] } ?? []
            switch page.kind {
            case .page: templates += ["single"]
            case .home: templates += ["home", "list"]
            case .section: templates += ["section", "list"]
            case .taxonomy: templates += ["taxonomy"]
            case .term: templates += page.taxonomy == "authors" ? ["author", "term", "list"] : ["term", "list"]
            }
            guard var items = content.entries(ofList: index, config: config), page.layout != "archives", page.layout != "search" else {
                jobs.append(RenderJob(page: index, pager: nil, templates: templates, outputPath: folder + "index.html"))
                continue
            }
            if page.kind == .home {
                // PaperMod's hiddenInHomeList: such a page is left out of the home page's list only.
                items = items.filter { content.pages[$0].param("hiddenInHomeList")?.bool != true }
            }
            let featureFirst = page.kind == .home && !config.settings.disableSpecial1stPost
            for pager in Pager.paginate(items, listPath: page.path, size: config.pagerSize, featureFirst: featureFirst) {
                let pagerFolder = PathText.trimmedSlashes(pager.path)
                jobs.append(
                    RenderJob(
                        page: index, pager: pager, templates: templates,
                        outputPath: (pagerFolder.isEmpty ? "" : pagerFolder + "/") + "index.html"))
            }
        }
        return jobs
    }
}
