import Citations
import Markdown

extension ContentRenderer {
    /// Fenced divs, cross-references to sections and theorem-like divs, and citations with their reference
    /// list, on a page's rendered HTML; the HTML and the works its reference list holds.
    func scholarly(_ html: String, divs: FencedDivs, headings: [HeadingInfo], page: Page, sink: DiagnosticSink) -> (String, [CitedWork]) {
        var (result, targets) = divs.restore(html)
        for heading in headings where heading.level < 6 {
            if let id = heading.id, id.hasPrefix("sec-"), targets[id] == nil { targets[id] = HTMLText.escape(heading.text) }
        }
        let folder = ownFolder(of: page)
        let contentDir = config.language.contentDir
        let shownFolder = folder.map { $0.isEmpty ? contentDir : contentDir + "/" + $0 } ?? contentDir
        let (bibliography, style) = siteBibliography.forPage(
            page, folder: folder.map { contentRoot.appendingPathComponent($0) },
            folderShownAs: shownFolder, sink: sink)
        let links = CitationLinks(
            bibliography: bibliography, style: style, targets: targets, body: page.body, bodyLine: page.bodyLine,
            strings: Strings.table(for: config.languageCode))
        let cited: [Reference]
        (result, cited) = links.apply(result, sink: sink)
        for field in ["authors", "author"] {
            for orcid in ArticleAuthor.invalidORCIDs(page.param(field)) {
                sink.diagnostics.append(
                    Diagnostic(
                        .warning, "`\(orcid)` is not an ORCID iD (16 digits in groups of four, the last a check digit); it is left out",
                        file: sink.file, line: page.fieldLines[field], hint: "copy the iD from the author's orcid.org page"))
            }
        }
        return (result, cited.map(CitedWork.init))
    }
}
