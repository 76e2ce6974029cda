import Foundation
import Highlight
import Math
import Notebooks

/// A notebook page's code cells and outputs, rendered into the placeholders of its body
/// (``NotebookSource``). Images are decoded one at a time into ``OutputFileCache`` and copied
/// beside the page (``PageImages``); the page's HTML links to them.
final class NotebookCells {
    private let notebook: Notebook
    private let page: Page
    private let config: SiteConfig
    private let math: MathRenderer
    /// The images written beside the page.
    let images: PageImages

    init(notebook: Notebook, page: Page, config: SiteConfig, math: MathRenderer) {
        self.notebook = notebook
        self.page = page
        self.config = config
        self.math = math
        self.images = PageImages(page: page, config: config, prefix: "notebook-cell")
    }

    /// The notebook of `page` read again, or nil when the page is not a notebook (or the file
    /// has gone; the scan reported it).
    static func load(for page: Page, config: SiteConfig, contentRoot: URL, math: MathRenderer) -> NotebookCells? {
        guard let file = page.sourceFile, PathText.fileExtension(file).lowercased() == NotebookSource.fileExtension,
            let notebook = try? NotebookSource.read(contentRoot.appendingPathComponent(config.contentPath(ofSource: file)))
        else { return nil }
        return NotebookCells(notebook: notebook, page: page, config: config, math: math)
    }

    /// The HTML of the placeholder block whose text is `text` (a cell index).
    func html(placeholder text: String) -> String {
        guard let index = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)), notebook.cells.indices.contains(index) else { return "" }
        return NotebookRenderer(hooks: hooks(), language: notebook.language).html(codeCell: notebook.cells[index], number: index + 1)
    }

    /// The URL of a Markdown cell's attached image, written beside the page; nil when the cell has
    /// no such attachment or it is not an image.
    func url(of attachment: NotebookSource.Attachment) -> String? {
        guard notebook.cells.indices.contains(attachment.cell),
            let bundle = notebook.cells[attachment.cell].attachments[attachment.name]
        else { return nil }
        let names = notebook.cells[attachment.cell].attachments.keys.sorted()
        let number = (names.firstIndex(of: attachment.name) ?? 0) + 1
        guard let image = NotebookRenderer.image(in: bundle, cell: attachment.cell + 1, output: number, alt: attachment.name) else { return nil }
        return images.store(image)
    }

    /// Highlighted blocks so far, for unique line anchors.
    private var blocks = 0

    func hooks() -> NotebookRenderer.Hooks {
        NotebookRenderer.Hooks(
            highlight: { [unowned self] code, language in
                blocks += 1
                var options = HighlightOptions()
                options.lineAnchorPrefix = "hl-nb-\(blocks)"
                return Highlighter.html(code: code, language: language, options: options)
            },
            markdown: { ContentRenderer.inlineBlockHTML($0) },
            latex: { [math] tex in Self.latexHTML(tex, math: math) },
            image: { [images] image in images.store(image) }
        )
    }

    /// A `text/latex` output: formulas between `$$`, `$`, `\[`, `\(` or an environment, as MathML.
    static func latexHTML(_ tex: String, math: MathRenderer) -> String {
        var body = tex.trimmingCharacters(in: .whitespacesAndNewlines)
        var display = true
        for (open, close, isDisplay) in [("$$", "$$", true), ("\\[", "\\]", true), ("\\(", "\\)", false), ("$", "$", false)]
        where body.hasPrefix(open) && body.hasSuffix(close) && body.count >= open.count + close.count {
            body = String(body.dropFirst(open.count).dropLast(close.count))
            display = isDisplay
            break
        }
        return math.render(body, display: display).html
    }
}

/// Images of a page's outputs, written into ``OutputFileCache`` and copied beside the page.
final class PageImages {
    private let page: Page
    private let config: SiteConfig
    /// The start of the files' names (`notebook-cell`).
    private let prefix: String
    /// Files written beside the page: name inside the page's folder → cached file.
    private(set) var files: [String: URL] = [:]
    private(set) var warnings: [String] = []

    init(page: Page, config: SiteConfig, prefix: String) {
        self.page = page
        self.config = config
        self.prefix = prefix
    }

    /// Stores an image output; its URL, or nil (with a warning) when it cannot be decoded or written.
    func store(_ image: NotebookImage) -> String? {
        let bytes: Data?
        if image.mime == "image/svg+xml" {
            bytes = Data(image.payload.utf8)
        } else {
            bytes = Data(base64Encoded: image.payload, options: .ignoreUnknownCharacters)
        }
        guard let bytes, !bytes.isEmpty else {
            warnings.append("cell \(image.cell): output \(image.output) holds an \(image.mime) image that is not valid base64; it was left out")
            return nil
        }
        let name = "\(prefix)\(image.cell)-\(image.output).\(image.fileExtension)"
        do {
            files[name] = try OutputFileCache.shared.store(bytes, fileExtension: image.fileExtension)
        } catch {
            warnings.append("cell \(image.cell): cannot write its image: \(error.localizedDescription)")
            return nil
        }
        return config.relativeURL(page.path + name)
    }
}
