import Foundation
import Site
import TextUtilities

/// The built site as the checker sees it: every output path and the scan of every HTML file.
struct SiteMap: Sendable {
    /// Output paths (`posts/a/index.html`, `images/b.png`) of generated and copied files.
    let outputPaths: Set<String>
    /// Scans of the HTML files by output path.
    let pages: [String: ScannedPage]
    /// The output paths of the HTML files, sorted.
    let htmlPaths: [String]
    /// Each HTML file's position in ``htmlPaths``.
    let htmlPosition: [String: Int]
    let basePath: String
    let siteHost: String?

    /// Scans every HTML file of the report, taking from `known` the scan of a file whose hash
    /// (``BuildReport/fileHashes``) it has; pages the build staged are read from its output.
    init(report: BuildReport, known: [ContentHash: ScannedPage] = [:]) {
        let generated = report.generatedPaths
        outputPaths = Set(generated).union(report.copies.keys)
        let htmlPaths = generated.filter { $0.hasSuffix(".html") }.sorted()
        let hashes = report.fileHashes
        let scans = htmlPaths.concurrentMap { path in
            hashes[path].flatMap { known[$0] } ?? ScannedPage(html: report.contents(of: path) ?? Data())
        }
        pages = Dictionary(uniqueKeysWithValues: zip(htmlPaths, scans))
        self.htmlPaths = htmlPaths
        htmlPosition = Dictionary(uniqueKeysWithValues: zip(htmlPaths, htmlPaths.indices))
        basePath = report.config?.siteBasePath ?? "/"
        siteHost = report.config.flatMap { LinkTarget.host(of: $0.baseURL) }
    }

    /// The scan of every HTML file whose hash the report has, by that hash (for ``ScanStore``).
    func scansByHash(_ report: BuildReport) -> [ContentHash: ScannedPage] {
        var scans: [ContentHash: ScannedPage] = [:]
        for (path, scan) in pages {
            if let hash = report.fileHashes[path] { scans[hash] = scan }
        }
        return scans
    }

    /// Classifies a URL written on the page at site path `pagePath`.
    func classify(_ url: String, on pagePath: String) -> LinkTarget {
        LinkTarget.classify(url, pagePath: pagePath, basePath: basePath, siteHost: siteHost)
    }

    /// The output file a site path is served from, or nil when the site has none.
    func outputPath(for sitePath: String) -> String? {
        var key = sitePath.hasPrefix("/") ? String(sitePath.dropFirst()) : sitePath
        if key.isEmpty || key.hasSuffix("/") {
            key += "index.html"
            return outputPaths.contains(key) ? key : nil
        }
        if outputPaths.contains(key) { return key }
        return outputPaths.contains(key + "/index.html") ? key + "/index.html" : nil
    }

    /// The site path an HTML output file is served at (`posts/a/index.html` → `/posts/a/`).
    static func sitePath(ofOutput path: String) -> String {
        if path == "index.html" { return "/" }
        if path.hasSuffix("/index.html") { return "/" + path.dropLast("index.html".count) }
        return "/" + path
    }

    /// The output file of a page at a site path (`/posts/a/` → `posts/a/index.html`).
    static func outputPath(ofPage path: String) -> String {
        var key = path.hasPrefix("/") ? String(path.dropFirst()) : path
        if key.isEmpty || key.hasSuffix("/") { key += "index.html" }
        return key
    }
}
