import CSL
import Citations
import Foundation

/// The bibliography files a site names in its config (`bibliography: [refs.bib]`, paths from the site's
/// root) and the citation style (`citation-style: author-year` or `numeric`, or a CSL file: `csl: ieee.csl`),
/// read once per build.
struct SiteBibliography: Sendable {
    var bibliography = Bibliography()
    var style: StyleChoice = .builtIn(.authorYear)
    /// Problems in the files or settings, with the file's line and column.
    var diagnostics: [Diagnostic] = []

    init(config: SiteConfig, siteRoot: URL) {
        let configFile = config.fileName
        for path in config.settings.bibliographies {
            let (read, problems) = Self.load(siteRoot.appendingPathComponent(path), shownAs: path)
            bibliography = bibliography.merged(with: read)
            diagnostics += problems
        }
        if let name = config.settings.citationStyle {
            if let style = CitationStyle(name: name) {
                self.style = .builtIn(style)
            } else if name.lowercased().hasSuffix(".csl") {
                let (loaded, problems) = Self.loadStyle(siteRoot.appendingPathComponent(name), shownAs: name)
                if let loaded { self.style = loaded }
                diagnostics += problems
            } else {
                diagnostics.append(Self.unknownStyle(name, file: configFile, line: nil))
            }
        }
    }

    /// The bibliography and style of `page`: its own files (`bibliography:` in front matter, from its folder)
    /// before the site's, and its own `citation-style`.
    func forPage(_ page: Page, folder: URL?, folderShownAs: String, sink: DiagnosticSink)
        -> (bibliography: Bibliography, style: StyleChoice)
    {
        var result = bibliography
        var style = style
        if let value = page.param("bibliography"), let folder {
            var own = Bibliography()
            for path in value.stringList {
                let shown = folderShownAs.isEmpty ? path : folderShownAs + "/" + path
                let (read, problems) = Self.load(folder.appendingPathComponent(path), shownAs: shown)
                own = own.merged(with: read)
                sink.diagnostics += problems.map { $0.whileBuilding(sink.file, line: page.fieldLines["bibliography"]) }
            }
            result = own.merged(with: bibliography)
        }
        let field = page.param("csl") != nil ? "csl" : "citation-style"
        if let name = (page.param("csl") ?? page.param("citation-style") ?? page.param("citationStyle"))?.string {
            if let chosen = CitationStyle(name: name) {
                style = .builtIn(chosen)
            } else if name.lowercased().hasSuffix(".csl"), let folder {
                let shown = folderShownAs.isEmpty ? name : folderShownAs + "/" + name
                let (loaded, problems) = Self.loadStyle(folder.appendingPathComponent(name), shownAs: shown)
                if let loaded { style = loaded }
                sink.diagnostics += problems.map { $0.whileBuilding(sink.file, line: page.fieldLines[field]) }
            } else {
                sink.diagnostics.append(Self.unknownStyle(name, file: page.sourceFile, line: page.fieldLines[field]))
            }
        }
        return (result, style)
    }

    private static func unknownStyle(_ name: String, file: String?, line: Int?) -> Diagnostic {
        Diagnostic(
            .warning, "citation style `\(name)` is neither a built-in style (author-year, numeric) nor a .csl file; the site's style is used",
            file: file, line: line)
    }

    /// The files the config names for citations, as written (paths from the site's root): its
    /// bibliographies and a CSL style file.
    static func configuredPaths(_ config: SiteConfig) -> [String] {
        config.settings.bibliographies + (config.settings.cslFile.map { [$0] } ?? [])
    }

    /// Reads a CSL style file; problems name it as `shownAs` with the line and column the XML reader found.
    static func loadStyle(_ url: URL, shownAs: String) -> (StyleChoice?, [Diagnostic]) {
        guard let data = try? Data(contentsOf: url) else {
            return (
                nil,
                [
                    Diagnostic(
                        .warning, "CSL style file not found: \(shownAs); add it or fix the `csl` path (the built-in author-year style is used)",
                        file: shownAs)
                ]
            )
        }
        do {
            let style = try CSLStyle(xml: String(decoding: data, as: UTF8.self))
            return (.csl(style, name: url.lastPathComponent), [])
        } catch let error as XMLError {
            return (
                nil,
                [
                    Diagnostic(
                        .warning, "\(error.message); the style is not used (fix the file or name another)",
                        file: shownAs, line: error.line, column: error.column)
                ]
            )
        } catch {
            return (nil, [Diagnostic(.warning, "\(error); the style is not used", file: shownAs)])
        }
    }

    /// Reads one file; problems name it as `shownAs` (a path from the site's root).
    static func load(_ url: URL, shownAs: String) -> (Bibliography, [Diagnostic]) {
        guard let format = Bibliography.Format(fileName: url.lastPathComponent) else {
            return (
                Bibliography(),
                [
                    Diagnostic(
                        .warning, "bibliography \(shownAs) is neither BibTeX (.bib) nor CSL-JSON (.json); rename it or convert it",
                        file: shownAs)
                ]
            )
        }
        guard let data = try? Data(contentsOf: url) else {
            return (
                Bibliography(),
                [
                    Diagnostic(
                        .warning, "bibliography file not found: \(shownAs)",
                        file: shownAs, hint: "add it or fix the `bibliography` path")
                ]
            )
        }
        let (bibliography, problems) = Bibliography.read(String(decoding: data, as: UTF8.self), format: format)
        let diagnostics = problems.map {
            Diagnostic(.warning, $0.message, file: shownAs, line: $0.location?.line, column: $0.location?.column)
        }
        return (bibliography, diagnostics)
    }
}
