import Citations
import Foundation

/// The bibliography files a site names in its config (`bibliography: [refs.bib]`, paths from the site's
/// root) and the citation style (`citation-style: author-year` or `numeric`), read once per build.
struct SiteBibliography: Sendable {
    var bibliography = Bibliography()
    var style: CitationStyle = .authorYear
    /// Problems in the files or settings, with the file's line and column.
    var diagnostics: [Diagnostic] = []

    init(config: SiteConfig, siteRoot: URL) {
        let configFile = config.fileName
        if let value = Self.setting(config.raw, "bibliography") ?? config.param("bibliography") {
            for path in Self.paths(value) {
                let (read, problems) = Self.load(siteRoot.appendingPathComponent(path), shownAs: path)
                bibliography = bibliography.merged(with: read)
                diagnostics += problems
            }
        }
        if let name = (Self.setting(config.raw, "citation-style") ?? config.param("citationStyle"))?.string {
            if let style = CitationStyle(name: name) {
                self.style = style
            } else {
                diagnostics.append(Self.unknownStyle(name, file: configFile, line: nil))
            }
        }
    }

    /// The bibliography and style of `page`: its own files (`bibliography:` in front matter, from its folder)
    /// before the site's, and its own `citation-style`.
    func forPage(_ page: Page, folder: URL?, folderShownAs: String, sink: DiagnosticSink)
        -> (bibliography: Bibliography, style: CitationStyle) {
        var result = bibliography
        var style = style
        if let value = page.param("bibliography"), let folder {
            var own = Bibliography()
            for path in Self.paths(value) {
                let shown = folderShownAs.isEmpty ? path : folderShownAs + "/" + path
                let (read, problems) = Self.load(folder.appendingPathComponent(path), shownAs: shown)
                own = own.merged(with: read)
                sink.diagnostics += problems
            }
            result = own.merged(with: bibliography)
        }
        if let name = (page.param("citation-style") ?? page.param("citationStyle"))?.string {
            if let chosen = CitationStyle(name: name) {
                style = chosen
            } else {
                sink.diagnostics.append(Self.unknownStyle(name, file: page.sourceFile, line: page.fieldLines["citation-style"]))
            }
        }
        return (result, style)
    }

    private static func unknownStyle(_ name: String, file: String?, line: Int?) -> Diagnostic {
        Diagnostic(.warning, "citation style `\(name)` is not one of the built-in styles (author-year, numeric); author-year is used. CSL style files are not read yet",
                   file: file, line: line)
    }

    /// The bibliography files the config names, as written (paths from the site's root).
    static func configuredPaths(_ config: SiteConfig) -> [String] {
        (setting(config.raw, "bibliography") ?? config.param("bibliography")).map(paths) ?? []
    }

    private static func setting(_ table: [String: Value], _ name: String) -> Value? {
        table.valueIgnoringCase(name)
    }

    /// One path or a list of them.
    private static func paths(_ value: Value) -> [String] {
        if let list = value.array { return list.compactMap(\.string).filter { !$0.isEmpty } }
        return value.string.map { [$0] }.flatMap { $0.isEmpty ? [] : $0 } ?? []
    }

    /// Reads one file; problems name it as `shownAs` (a path from the site's root).
    static func load(_ url: URL, shownAs: String) -> (Bibliography, [Diagnostic]) {
        guard let format = Bibliography.Format(fileName: url.lastPathComponent) else {
            return (Bibliography(), [Diagnostic(.warning, "bibliography \(shownAs) is neither BibTeX (.bib) nor CSL-JSON (.json); rename it or convert it",
                                                file: shownAs)])
        }
        guard let data = try? Data(contentsOf: url) else {
            return (Bibliography(), [Diagnostic(.warning, "bibliography file not found: \(shownAs)",
                                                file: shownAs, hint: "add it or fix the `bibliography` path")])
        }
        let (bibliography, problems) = Bibliography.read(String(decoding: data, as: UTF8.self), format: format)
        let diagnostics = problems.map {
            Diagnostic(.warning, $0.message, file: shownAs, line: $0.location?.line, column: $0.location?.column)
        }
        return (bibliography, diagnostics)
    }
}
