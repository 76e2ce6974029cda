import Foundation
import Highlight
import Markdown
import Notebooks

/// A Markdown page's executable cells (```` ```{python} ````, ```` ```{swift} ````) with their outputs, run or frozen
/// before the page renders, then drawn in order as its code blocks come up.
final class ExecutedCells {
    private let cells: [ExecutableCell]
    private let runs: [CellRun?]
    let images: PageImages
    private var next = 0
    private var blocks = 0

    private init(cells: [ExecutableCell], runs: [CellRun?], images: PageImages) {
        self.cells = cells
        self.runs = runs
        self.images = images
    }

    /// True when a page body may hold an executable cell (a quick byte search).
    static func mayHold(_ body: String) -> Bool { body.contains(bytes: "{python") || body.contains(bytes: "{swift") }

    /// The cells of `markdown` (the page body as parsed) with their outputs; nil when it has none.
    static func prepare(
        page: Page, markdown: String, options: MarkdownOptions, settings: ExecutionSettings,
        freeze: FreezeStore, contentRoot: URL, config: SiteConfig, sink: DiagnosticSink
    ) -> ExecutedCells? {
        guard mayHold(markdown) else { return nil }
        var cells: [ExecutableCell] = []
        var fenceLines: [Int] = []
        var hooks = RenderHooks()
        hooks.codeBlock = { block in
            guard let language = ExecutableCell.language(ofInfo: block.info) else { return "" }
            let fenceLine = page.bodyLine + block.position.line - 1
            let (cell, warnings) = ExecutableCell.read(block.code, language: language, fenceLine: fenceLine)
            for (message, line) in warnings { sink.warn(message, fileLine: line) }
            cells.append(cell)
            fenceLines.append(fenceLine)
            return ""
        }
        _ = HTMLRenderer(options: options, hooks: hooks).render(Document.parse(markdown, options: options))
        guard !cells.isEmpty, let file = page.sourceFile else { return nil }
        let contentPath = config.contentPath(ofSource: file)
        let bundle = page.kind == .page ? page.bundleFolder.map { contentRoot.appendingPathComponent($0) } : nil
        let execution = PageExecution(settings: settings, freeze: freeze, contentPath: contentPath, bundle: bundle)
        let (runs, warnings) = execution.outputs(for: cells, fenceLines: fenceLines)
        for warning in warnings { sink.warn(warning.message, fileLine: warning.line) }
        return ExecutedCells(cells: cells, runs: runs, images: PageImages(page: page, config: config, prefix: "cell"))
    }

    /// The HTML of the next executable cell.
    func nextHTML() -> String {
        guard next < cells.count else { return "" }
        let cell = cells[next]
        let run = runs[next]
        next += 1
        var tags = Set<CellTag>()
        if !cell.options.include { tags.insert(.removeCell) }
        if !cell.options.echo { tags.insert(.removeInput) }
        if !cell.options.output { tags.insert(.removeOutput) }
        var renderer = NotebookRenderer(hooks: hooks(), language: cell.language.rawValue)
        renderer.figureCaption = cell.options.figureCaption
        renderer.cellID = cell.options.label
        var notebookCell = NotebookCell(kind: .code, source: cell.code, tags: tags, outputs: run.map(Self.outputs) ?? [])
        if run == nil, cell.options.eval { notebookCell.outputs = [] }
        return renderer.html(codeCell: notebookCell, number: next)
    }

    /// A run as notebook outputs: stdout, stderr with the warnings, the error, figures, the value.
    static func outputs(_ run: CellRun) -> [CellOutput] {
        var outputs: [CellOutput] = []
        if !run.stdout.isEmpty { outputs.append(.stream(name: "stdout", text: run.stdout)) }
        let stderr = run.stderr + run.warnings.map { $0 + "\n" }.joined()
        if !stderr.isEmpty { outputs.append(.stream(name: "stderr", text: stderr)) }
        if let error = run.error { outputs.append(.error(name: error.name, value: error.value, traceback: [error.traceback])) }
        for figure in run.figures {
            outputs.append(.data(MIMEBundle([(mime: "image/svg+xml", value: .string(figure))]), executionCount: nil))
        }
        if let result = run.result {
            outputs.append(.data(MIMEBundle([(mime: "text/plain", value: .string(result))]), executionCount: nil))
        }
        return outputs
    }

    private func hooks() -> NotebookRenderer.Hooks {
        NotebookRenderer.Hooks(
            highlight: { [unowned self] code, language in
                blocks += 1
                var options = HighlightOptions()
                options.lineAnchorPrefix = "hl-cell-\(blocks)"
                return Highlighter.html(code: code, language: language, options: options)
            },
            markdown: { ContentRenderer.inlineBlockHTML($0) },
            latex: { $0 },
            image: { [images] image in images.store(image) }
        )
    }
}
