import Math

/// A `\ref{key}` or `\eqref{key}` whose key no label of its own page defines, and where it is
/// written in the page's file.
public struct EquationReference: Sendable, Equatable {
    public var key: String
    public var line: Int?
    public var column: Int?

    public init(key: String, line: Int?, column: Int?) {
        self.key = key
        self.line = line
        self.column = column
    }
}

/// Equation labels are site-wide, as LaTeX's are document-wide and Quarto's are book-wide:
/// `\eqref{key}` names a `\label{key}` on its own page first, then on any other page of the same
/// language, and becomes a link to that page's equation with its number. Runs once every page is
/// rendered, since a page may refer to one rendered after it.
struct SiteEquationReferences: Sendable {
    /// Every label of the site by key, each with the URL of its page, in page order.
    private var labelsByKey: [String: [EquationLabel]] = [:]
    /// The page index of each label in ``labelsByKey``, in the same order.
    private var pagesByKey: [String: [PageID]] = [:]

    init(content: SiteContent, rendered: [RenderedContent], config: SiteConfig) {
        for (index, body) in zip(rendered.pageIDs, rendered) {
            for var label in body.equationLabels {
                label.page = config.relativeURL(content.pages[index].path)
                labelsByKey[label.key, default: []].append(label)
                pagesByKey[label.key, default: []].append(index)
            }
        }
    }

    /// Links `body`'s references to labels of other pages; returns a warning at the reference's
    /// file:line:col for each key no page defines, or several pages do.
    func resolve(_ body: inout RenderedContent, page index: PageID, file: String?) -> [Diagnostic] {
        guard !body.equationReferences.isEmpty else { return [] }
        var found: [EquationLabel] = []
        var diagnostics: [Diagnostic] = []
        for reference in body.equationReferences {
            let pages = pagesByKey[reference.key] ?? []
            let labels = zip(pages, labelsByKey[reference.key] ?? []).filter { $0.0 != index }.map(\.1)
            if labels.count == 1 {
                found.append(labels[0])
                continue
            }
            let message =
                labels.isEmpty
                ? "math: \\ref{\(reference.key)} names no \\label{\(reference.key)} of a numbered equation on this page or another page of the site"
                : "math: \\ref{\(reference.key)} is ambiguous: \\label{\(reference.key)} is on \(labels.count) pages (\(labels.compactMap(\.page).joined(separator: ", ")))"
            let hint = labels.isEmpty ? "check the key, or number the equation it names" : "give the labels different keys"
            diagnostics.append(Diagnostic(.warning, message, file: file, line: reference.line, column: reference.column, hint: hint))
        }
        if !found.isEmpty {
            body.html = MathRenderer.resolvingReferences(in: body.html, labels: found).html
            body.summaryHTML = MathRenderer.resolvingReferences(in: body.summaryHTML, labels: found).html
        }
        return diagnostics
    }
}
