import Foundation

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
    /// Drafts, future and expired pages the build options left out.
    public var leftOut = LeftOutPages()
    public var written = 0
    public var unchanged = 0
    public var seconds = 0.0
    /// True when the output folder was replaced with this build's output.
    public var published = false
    /// Every page with its links, for checking.
    public var pages: [BuiltPage] = []
    /// The site's configuration as read (base URL, menus, params), in its default language.
    public var config: SiteConfig?

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// The report of a build.
    init(_ build: SiteBuild) {
        files = build.files
        copies = build.copies
        config = build.config
        diagnostics = Self.sorted(build.diagnostics)
        pageCount = build.languages.reduce(0) { $0 + $1.content.regularPages.count }
        listCount = build.languages.reduce(0) { $0 + $1.jobs.count } - pageCount
        staticCount = build.staticFiles.count
        leftOut = build.languages.reduce(LeftOutPages()) { $0 + $1.content.leftOut }
        pages = build.languages.indices.flatMap { language in
            let state = build.languages[language]
            return state.content.pages.indices.map { index in
                let page = state.content.pages[index]
                return BuiltPage(kind: page.kind, sourceFile: page.sourceFile, path: build.sitePath(page.path, language: language),
                                 title: page.title, references: state.rendered[index].references)
            }
        }
    }

    /// Errors first, then warnings and notices, each by file and line.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { ($0.severity, $0.file ?? "", $0.line ?? 0) < ($1.severity, $1.file ?? "", $1.line ?? 0) }
    }

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
    /// Whether a destination that holds files collective did not write may be replaced (`--force`).
    public var replaceForeignOutput: Bool

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
        throws(Diagnostic) -> (report: BuildReport, alongside: Result) {
        let start = Date()
        let folder = write ? try outputFolder() : nil
        var report = BuildReport(try SiteBuild(source: source, options: options))
        let job = BackgroundJob { [report] in work(report) }
        if let folder {
            let hasPrevious = FileManager.default.fileExists(atPath: folder.path)
            if report.errors.isEmpty || !hasPrevious {
                do {
                    let summary = try OutputWriter(folder: folder).write(files: report.files, copies: report.copies)
                    report.written = summary.written
                    report.unchanged = summary.unchanged
                    report.published = true
                    if summary.waited >= 0.5 {
                        report.diagnostics.append(Diagnostic(.notice, "waited \(Int(summary.waited.rounded())) s for another build writing to \(destination.path)"))
                    }
                } catch {
                    throw Diagnostic(.error, "cannot write the output to \(destination.path): \(error.localizedDescription)")
                }
            }
        }
        report.seconds = Date().timeIntervalSince(start)
        return (report, job.result())
    }

    /// The destination, checked against the site's sources and what it already holds.
    private func outputFolder() throws(Diagnostic) -> OutputFolder {
        let contentDirs = (try? SiteConfig.load(siteRoot: source))?.languages.map(\.contentDir) ?? []
        return try OutputFolder(checking: destination, site: source, sources: contentDirs, replaceForeign: replaceForeignOutput)
    }
}
