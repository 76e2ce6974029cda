import Citations
import Markdown

extension ContentRenderer {
    /// Fenced divs, cross-references to sections and theorem-like divs, and citations with their reference
    /// list, on a page's rendered HTML.
    func scholarly(_ html: String, divs: FencedDivs, headings: [HeadingInfo], page: Page, sink: DiagnosticSink) -> String {
        var (result, targets) = divs.restore(html)
        for heading in headings where heading.level < 6 {
            if let id = heading.id, id.hasPrefix("sec-"), targets[id] == nil { targets[id] = HTMLText.escape(heading.text) }
        }
        let folder = ownFolder(of: page)
        let contentDir = config.language.contentDir
        let shownFolder = folder.map { $0.isEmpty ? contentDir : contentDir + "/" + $0 } ?? contentDir
        let (bibliography, style) = siteBibliography.forPage(page, folder: folder.map { contentRoot.appendingPathComponent($0) },
                                                             folderShownAs: shownFolder, sink: sink)
        let links = CitationLinks(bibliography: bibliography, style: style, targets: targets, body: page.body, bodyLine: page.bodyLine)
        result = links.apply(result, sink: sink)
        return result
    }
}
