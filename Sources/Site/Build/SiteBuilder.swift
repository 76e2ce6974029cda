import Foundation
import Synchronization
import TextUtilities

/// A page of the built site, as the link checker and the dev server see it.
public struct BuiltPage: Sendable {
    public var kind: Page.Kind
    /// Source file relative to the site root; nil for generated lists.
    public var sourceFile: String?
    /// URL path under the site root, without the base path (`/posts/a/`; `/fr/posts/a/` in French).
    public var path: String
    public var title: String
    /// The page's Markdown links and images with their positions.
    public var references: [LinkReference]
    /// Formulas of the page that failed, with their positions.
    public var mathProblems: [MathProblem] = []
}

/// What a build produced and what it found wrong.
public struct BuildReport: Sendable {
    /// Every output file whose bytes the report keeps, by path relative to the destination. A
    /// build that writes its output keeps its HTML pages on disk instead (``stagedPages``).
    public var files: [String: Data] = [:]
    /// The HTML pages the build wrote to its output as it rendered them, by path relative to the
    /// destination; ``contents(of:)`` reads them.
    public var stagedPages: Set<String> = []
    /// Where ``stagedPages`` are.
    private var staging: StagingFolder?
    /// Files copied as they are (static files, bundle resources): destination path → source.
    public var copies: [String: URL] = [:]
    public var diagnostics: [Diagnostic] = []
    public var pageCount = 0
    public var listCount = 0
    public var staticCount = 0
    /// Drafts, future and expired pages the build options left out.
    public var leftOut = LeftOutPages()
    public var written = 0
    public var unchanged = 0
    public var seconds = 0.0
    /// True when the output folder was replaced with this build's output.
    public var published = false
    /// What the build cache did (`"content/posts/a.md changed"`); nil when the build did not use it.
    public var cacheNote: String?
    /// Pages whose Markdown rendering came from the build cache.
    public var reusedPages = 0
    /// Output files (HTML pages, feeds, the sitemap) taken from the previous output instead of made again.
    public var reusedFiles = 0
    /// How many files of each kind the output has.
    public var outputCounts: [OutputKind: Int] = [:]
    /// Every page with its links, for checking.
    public var pages: [BuiltPage] = []
    /// The site's configuration as read (base URL, menus, params), in its default language.
    public var config: SiteConfig?
    /// The hash of every file in ``files`` and ``stagedPages``, when the build used the build cache (else empty).
    public var fileHashes: [String: ContentHash] = [:]
    /// The build cache's folder, when the build used it: tools that read the output (the link
    /// check) may keep their own cache there, keyed by ``fileHashes``.
    public var cacheFolder: URL?

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// The report of a build; `staging` holds its ``SiteBuild/stagedPages``.
    init(_ build: SiteBuild, staging: StagingFolder? = nil) {
        files = build.files
        stagedPages = build.stagedPages
        self.staging = staging
        copies = build.copies
        config = build.config
        diagnostics = Self.sorted(build.diagnostics)
        pageCount = build.languages.reduce(0) { $0 + $1.content.regularPages.count }
        listCount = build.languages.reduce(0) { $0 + $1.jobs.count } - pageCount
        staticCount = build.staticFiles.count
        outputCounts = build.outputCounts
        leftOut = build.languages.reduce(LeftOutPages()) { $0 + $1.content.leftOut }
        pages = build.languages.indices.flatMap { language in
            let state = build.languages[language]
            return state.content.pages.indices.map { index in
                let page = state.content.pages[index]
                return BuiltPage(
                    kind: page.kind, sourceFile: page.sourceFile, path: build.sitePath(page.path, language: language),
                    title: page.title, references: state.rendered[index].references,
                    mathProblems: state.rendered[index].mathProblems)
            }
        }
    }

    /// Errors first, then warnings and notices, each by file and line.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { ($0.severity, $0.file ?? "", $0.line ?? 0) < ($1.severity, $1.file ?? "", $1.line ?? 0) }
    }

    /// The path of every generated output file (``files`` and ``stagedPages``; copies are not).
    public var generatedPaths: [String] {
        Array(files.keys) + stagedPages
    }

    /// The bytes of the generated file at `path` (relative to the destination): from ``files``,
    /// or read from the output for a staged page; nil when the build made no such file or its
    /// output was not published.
    public func contents(of path: String) -> Data? {
        files[path] ?? (stagedPages.contains(path) ? staging?.contents(of: path) : nil)
    }

    /// The HTML of a page by its URL path (`/posts/a/`), for tests and the dev server.
    public func html(at path: String) -> String? {
        var key = path.hasPrefix("/") ? String(path.dropFirst()) : path
        if key.isEmpty || key.hasSuffix("/") { key += "index.html" }
        return contents(of: key).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Builds a site folder (`content/`, `static/`, `layouts/`, config) into a folder of static files.
public struct SiteBuilder: Sendable {
    public let source: URL
    public let destination: URL
    public var options: BuildOptions
    /// Whether a destination that holds files collective did not write may be replaced (`--force`).
    public var replaceForeignOutput: Bool
    /// Whether a build that writes its output keeps the build cache (``BuildCache``) in the site's
    /// `.collective-cache/` and redoes only what changed since the last build. The site's config
    /// can turn it off (`buildCache = false`). The output is the same either way.
    public var useCache = false
    /// Where the build is, for a progress display; nil when nobody watches.
    public var progress: BuildProgress?

    public init(source: URL, destination: URL? = nil, options: BuildOptions = BuildOptions(), replaceForeignOutput: Bool = false) {
        self.source = source.standardizedFileURL
        self.destination = (destination ?? source.appendingPathComponent("public")).standardizedFileURL
        self.options = options
        self.replaceForeignOutput = replaceForeignOutput
    }

    /// Builds the site. With `write`, the output replaces the destination folder, unless the build
    /// has errors and a previous output exists (which is then left untouched).
    /// Throws only when nothing can be built (unreadable config, unsafe destination).
    public func build(write: Bool = true) throws(Diagnostic) -> BuildReport {
        try build(write: write, alongside: { _ in () }).report
    }

    /// Builds the site as ``build(write:)`` does, and runs `work` on the report on another thread
    /// while the output is written (the build command checks the site's links meanwhile).
    public func build<Result: Sendable>(write: Bool = true, alongside work: @escaping @Sendable (BuildReport) -> Result)
        throws(Diagnostic) -> (report: BuildReport, alongside: Result)
    {
        let start = Date()
        let config = try? SiteConfig.load(siteRoot: source)
        let folder = write ? try outputFolder(config: config) : nil
        let cache = folder != nil && useCache && config?.buildCache != false ? BuildCache(site: source) : nil
        if cache != nil { progress?.begin("Checking the build cache") }
        var plan = cache.map { $0.plan(site: source, settings: cacheSettings(folder!), now: options.now, excluding: [folder!.path]) }
        if plan?.pages != nil, readsOutsideSite(config) {
            plan?.pages = nil
            plan?.note = "the config names files outside the site folder, which the cache does not follow: rendered everything, wrote what changed"
        }
        if plan == nil { progress?.begin("Reading content") }
        let reusedHashes = ReusedOutputs()
        let memo = plan.map { FrontMatterMemo(known: $0.parsedFrontMatter, fileHashes: $0.snapshot.files.mapValues(\.hash)) }
        let hasPrevious = folder.map { FileManager.default.fileExists(atPath: $0.path) } ?? false
        // A build that replaces the output folder puts each HTML page in its staging folder as soon
        // as it is rendered; one that updates the previous output in place keeps the pages until it
        // knows that the build has no errors (it renders only what changed).
        let updatesInPlace = plan?.outputs != nil && hasPrevious
        let staging = folder.flatMap { updatesInPlace ? nil : StagingFolder(for: $0, hashingPages: plan != nil) }
        let build: SiteBuild
        do {
            build = try SiteBuild(
                source: source, options: options, reuse: plan.flatMap { reuse($0, folder: folder!, hashes: reusedHashes) },
                remember: plan != nil, memo: memo, staging: staging, progress: progress)
        } catch {
            staging?.discard()
            throw error
        }
        var report = BuildReport(build, staging: staging)
        if let plan, let cache {
            report.cacheNote = plan.note
            report.reusedPages = build.languages.reduce(0) { $0 + $1.reusedPages }
            report.reusedFiles = build.languages.reduce(0) { $0 + $1.reusedFiles }
            report.fileHashes = Self.hashes(of: report.files, known: reusedHashes.entries.withLock { $0 })
                .merging(staging?.pageHashes ?? [:]) { kept, _ in kept }
            report.cacheFolder = URL(fileURLWithPath: cache.folder)
        }
        let job = BackgroundJob { [report] in work(report) }
        if let folder {
            if report.errors.isEmpty || !hasPrevious {
                progress?.begin("Writing \(report.files.count + report.copies.count) files")
                let summary: OutputWriter.Summary
                var outputs: OutputManifest?
                do {
                    if let manifest = plan?.outputs, updatesInPlace {
                        (summary, outputs) = try OutputUpdater(folder: folder, manifest: manifest)
                            .write(
                                files: report.files, hashes: report.fileHashes, copies: report.copies,
                                verified: reusedHashes.entries.withLock { $0 }, copyHash: copyHash(plan!.snapshot))
                    } else {
                        summary = try OutputWriter(folder: folder).write(files: report.files, copies: report.copies, into: staging!)
                        if plan != nil {
                            outputs = OutputManifest.recording(outputHashes(report, known: copyHash(plan!.snapshot)), in: folder.path)
                        }
                    }
                } catch {
                    throw Diagnostic(.error, "cannot write the output to \(destination.path): \(error.localizedDescription)")
                }
                report.written = summary.written
                report.unchanged = summary.unchanged
                report.published = true
                if summary.waited >= 0.5 {
                    report.diagnostics.append(
                        Diagnostic(.notice, "waited \(Int(summary.waited.rounded())) s for another build writing to \(destination.path)"))
                }
                if let cache, let plan, let outputs, report.errors.isEmpty {
                    progress?.begin("Saving the build cache")
                    var stored = remember(build, plan: plan, outputs: outputs, settings: cacheSettings(folder))
                    stored.parsedFrontMatter = memo?.entries ?? [:]
                    if let problem = cache.save(stored) { report.diagnostics.append(Diagnostic(.warning, problem)) }
                }
            }
        }
        report.seconds = Date().timeIntervalSince(start)
        progress?.begin("Finishing the link check")
        let alongside = job.result()
        // Pages staged for an output that was not replaced go, once the work alongside has read them.
        if !report.published { staging?.discard() }
        progress?.finish()
        return (report, alongside)
    }

    // MARK: The build cache

    /// What a cache is valid for besides the sources: the options and the output folder.
    private func cacheSettings(_ folder: OutputFolder) -> ContentHash {
        var hash = ContentHash.Builder()
        hash.add(options.drafts ? 1 : 0)
        hash.add(options.future ? 1 : 0)
        hash.add(options.expired ? 1 : 0)
        hash.add(options.baseURL ?? "\u{0}")
        hash.add(folder.path)
        hash.add(OutputFolder.realPath(source.path))
        return hash.finish()
    }

    /// True when the config names inputs outside the site folder (a theme under a `themesDir`
    /// outside it, a bibliography path with `..`): the cache does not hash them, so it reuses nothing.
    private func readsOutsideSite(_ config: SiteConfig?) -> Bool {
        guard let config else { return true }
        let root = OutputFolder.realPath(source.path) + "/"
        let themes = config.themeFolders(siteRoot: source).contains { folder in
            !OutputFolder.realPath(source.appendingPathComponent(folder).path).hasPrefix(root)
        }
        return themes || SiteBibliography.configuredPaths(config).contains { $0.contains("..") }
    }

    /// What the build takes from the cache's plan; nil when it must render everything. The hash
    /// of each file taken from the previous output goes into `hashes` with its size (the manifest has them).
    private func reuse(_ plan: BuildCache.Plan, folder: OutputFolder, hashes: ReusedOutputs) -> SiteBuild.Reuse? {
        guard let pages = plan.pages, let outputs = plan.outputs else { return nil }
        let root = folder.path
        return SiteBuild.Reuse(
            pages: pages, sourceHashes: plan.snapshot.files.mapValues(\.hash),
            previousOutput: { path in
                // Checked by the status of the file it maps (a symbolic link put there is followed,
                // and then has another inode than the manifest's file).
                guard let entry = outputs.files[path],
                    let data = MappedFile.contents(atPath: root + "/" + path, if: { OutputManifest.isIntact(entry, $0) }),
                    data.count == entry.size
                else { return nil }
                hashes.entries.withLock { $0[path] = entry }
                return data
            }, related: plan.related)
    }

    /// The hash of every file, from `known` (with the size it is for) or computed on all cores.
    private static func hashes(of files: [String: Data], known: [String: SourceSnapshot.Entry]) -> [String: ContentHash] {
        var hashes: [String: ContentHash] = [:]
        for (path, entry) in known where files[path]?.count == entry.size { hashes[path] = entry.hash }
        let unknown = files.filter { hashes[$0.key] == nil }
        for (path, hash) in Array(unknown).concurrentMap({ ($0.key, ContentHash($0.value)) }) { hashes[path] = hash }
        return hashes
    }

    /// The hash of a copied file's source, when the snapshot has it.
    private func copyHash(_ snapshot: SourceSnapshot) -> @Sendable (URL) -> ContentHash? {
        let root = OutputFolder.realPath(source.path) + "/"
        let given = source.path + "/"
        return { url in
            let path = url.standardizedFileURL.path
            for prefix in [root, given] where path.hasPrefix(prefix) {
                if let entry = snapshot.files[String(path.dropFirst(prefix.count))] { return entry.hash }
            }
            return nil
        }
    }

    /// The hash of every output file (after a full write); the report has those of generated files.
    private func outputHashes(_ report: BuildReport, known: @Sendable (URL) -> ContentHash?) -> [String: ContentHash] {
        let files = report.generatedPaths.compactMap { path in
            (report.fileHashes[path] ?? report.contents(of: path).map(ContentHash.init)).map { (path, $0) }
        }
        let copies = Array(report.copies).concurrentMap { key, url -> (String, ContentHash)? in
            if let hash = known(url) { return (key, hash) }
            return (try? Data(contentsOf: url)).map { (key, ContentHash($0)) }
        }
        return Dictionary(files + copies.compactMap { $0 }, uniquingKeysWith: { a, _ in a })
    }

    /// The cache to keep after a build that wrote its output.
    private func remember(_ build: SiteBuild, plan: BuildCache.Plan, outputs: OutputManifest, settings: ContentHash) -> BuildCache.Stored {
        let root = OutputFolder.realPath(source.path)
        let sourceHashes = plan.snapshot.files.mapValues(\.hash)
        var pageFiles: [(String, Int)] = []
        var known: [String: BuildCache.FrontMatterMark] = [:]
        for state in build.languages {
            for page in state.content.pages where page.bodyLine > 1 {
                guard let file = page.sourceFile else { continue }
                if let mark = plan.frontMatter[file], mark.lines == page.bodyLine - 1 {
                    known[file] = mark
                } else {
                    pageFiles.append((file, page.bodyLine - 1))
                }
            }
        }
        let marks = pageFiles.concurrentMap { file, lines -> (String, BuildCache.FrontMatterMark)? in
            guard let data = FileManager.default.contents(atPath: root + "/" + file), ContentHash(data) == sourceHashes[file] else { return nil }
            return (file, BuildCache.FrontMatterMark(lines: lines, hash: BuildCache.mark(data, lines: lines)))
        }
        let frontMatter = known.merging(marks.compactMap { $0 }, uniquingKeysWith: { a, _ in a })
        return BuildCache.Stored(
            binary: BuildCache.binaryID(), settings: settings, day: BuildCache.day(options.now),
            validUntil: build.changesAt.map(BuildCache.nanoseconds), fingerprint: BuildCache.fingerprint(plan.snapshot, frontMatter: frontMatter),
            snapshot: plan.snapshot, frontMatter: frontMatter, outputs: outputs,
            pages: BuildCache.rendersAlone(plan.snapshot) ? build.cachedPages(sourceHashes: sourceHashes) : [:],
            related: build.relatedPages)
    }

    /// The destination, checked against the site's sources and what it already holds.
    private func outputFolder(config: SiteConfig?) throws(Diagnostic) -> OutputFolder {
        let contentDirs = config?.languages.map(\.contentDir) ?? []
        return try OutputFolder(checking: destination, site: source, sources: contentDirs, replaceForeign: replaceForeignOutput)
    }
}

/// The manifest entries of the files a build took from the previous output, recorded from
/// several threads.
private final class ReusedOutputs: Sendable {
    let entries = Mutex<[String: SourceSnapshot.Entry]>([:])
}
