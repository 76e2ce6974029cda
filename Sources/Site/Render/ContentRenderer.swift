import Charts
import Citations
import Diagrams
import Foundation
import Highlight
import Markdown
import Math
import TextUtilities

/// One entry of a page's table of contents.
public struct TOCEntry: Sendable, Equatable {
    public var level: Int
    public var id: String
    public var text: String
}

/// A link or image written in a page's Markdown, where it is written, and the URL it became.
public struct LinkReference: Sendable, Equatable {
    public enum Kind: String, Sendable { case link, image }
    public var kind: Kind
    /// The destination as written (`../other.md#part`, `diagram.png`, `https://…`) or a `ref`/`relref` target.
    public var target: LinkDestination
    /// The URL in the output (after rewriting links to content files and resolving images); for a
    /// reference whose page does not exist, `#`, and ``isBroken`` is true.
    public var url: String
    /// True for a link to a content file, or a `ref`/`relref`, that names no page (the build warned).
    public var isBroken = false
    /// File line and column of the link's start (nil when unknown).
    public var line: Int?
    public var column: Int?
    /// An image's alt text.
    public var alt: String?

    /// The destination as written in Markdown (for a reference, its target path).
    public var destination: String {
        switch target {
        case .markdown(let destination): destination
        case .reference(let path, _): path
        }
    }

    /// The target of a `ref`/`relref` shortcode (`other.md#part`); nil for a link written in Markdown.
    public var referenceTarget: String? { target.referencePath }
}

/// A page's Markdown turned into HTML, with what templates and feeds need from it.
public struct RenderedContent: Sendable {
    public var html: String {
        get { htmlStorage.text }
        set { htmlStorage = .text(newValue) }
    }
    /// ``html``, perhaps still as the build cache stored it.
    var htmlStorage = TextStorage.text("")
    public var summaryHTML = ""
    /// The summary as plain text, for list entries.
    public var summaryText = ""
    /// True when the summary is shorter than the content (a "Read more" link is useful).
    public var isTruncated = false
    public var toc: [TOCEntry] = []
    public var wordCount = 0
    public var readingMinutes = 0
    /// The text without markup, math as its symbols, for the search index and its snippets.
    public var plainText: String {
        get { plainTextStorage.text }
        set { plainTextStorage = .text(newValue) }
    }
    /// ``plainText``, perhaps still as the build cache stored it.
    var plainTextStorage = TextStorage.text("")
    public var hasMath = false
    public var hasCode = false
    /// The cover image's URL, resolved like the page's images (nil without a cover, or when its file
    /// is missing: the build warns and the theme shows no empty box).
    public var coverURL: String?
    /// Every Markdown link and image of the page, for link checking.
    public var references: [LinkReference] = []
    /// Files the page made (a notebook's images), copied beside it: name inside the page's folder → file.
    public var generatedFiles: [String: URL] = [:]
    /// Whether the page is a notebook or has executable cells: its rendering depends on more than
    /// its own file (frozen outputs, generated images), so the build cache never keeps it.
    public var dependsOnCells = false
    /// Files of `assets/` the page's shortcodes published, by path from the site's root.
    public var publishedAssets: [String: PublishedAsset] = [:]

    /// Whether the build cache can keep this rendering and reuse it while the file is unchanged: not
    /// when it publishes assets, runs an inline shortcode, or links to another page's equation
    /// (whose number may change).
    var isCacheable: Bool { !dependsOnCells && !ranInlineShortcode && publishedAssets.isEmpty && equationReferences.isEmpty }
    /// Whether the page ran an inline shortcode: a Go template that may read any page of the site.
    public var ranInlineShortcode = false
    /// The `\label`s of the page's numbered equations (their `page` nil: this page).
    public var equationLabels: [EquationLabel] = []
    /// `\ref`/`\eqref` keys no label of the page defines, for the site to look up on its other
    /// pages once every page is rendered (see ``SiteEquationReferences``).
    public var equationReferences: [EquationReference] = []
    /// Formulas that were refused or hold unknown commands, where they are in the file.
    public var mathProblems: [MathProblem] = []
    /// The works the page's reference list holds, in its order (for the JSON-LD `citation`).
    public var citedWorks: [CitedWork] = []
}

extension RenderedContent {
    /// True when lists, archives and summary feeds show both alike.
    func showsInListsLike(_ other: RenderedContent) -> Bool {
        summaryHTML == other.summaryHTML && summaryText == other.summaryText && isTruncated == other.isTruncated
            && readingMinutes == other.readingMinutes && coverURL == other.coverURL
    }
}

/// Renders pages' Markdown with the site's hooks: heading anchors, highlighted code, MathML,
/// images resolved against the bundle and `static/`, and links to content files rewritten to URLs.
struct ContentRenderer: Sendable {
    let config: SiteConfig
    let content: SiteContent
    /// Files under `static/`, relative (`images/a.png`).
    let staticFiles: Set<String>
    /// Files of `content/` that are not pages, relative (`posts/b/cover.png`).
    let resourceFiles: Set<String>
    /// Files of `content/` that another language publishes: path → where (``Resource/publishedAt``).
    let sharedResources: [String: String]
    /// Files of `content/` by the name Hugo finds them under (see ``hugoResourceKey(_:languages:)``).
    let resourceAliases: [String: String]
    /// The site's language codes, lowercased.
    let languageCodes: Set<String>
    let math: MathRenderer
    /// The site's `content/` folder, where chart data files are read from.
    let contentRoot: URL
    /// Where chart data files may be read: the content folder, and the site's `data/`, `assets/` and `static/`.
    let dataFolders: [URL]
    let charts = ChartRenderer()
    let diagrams = DiagramRenderer()
    /// The site's own Go-template shortcodes (nil when it has none).
    let siteShortcodes: SiteShortcodes?
    /// The bibliography files and citation style the site's config names.
    let siteBibliography: SiteBibliography
    /// When and how executable cells run, and where their outputs are frozen.
    let execution: ExecutionSettings
    let freeze: FreezeStore

    init(
        config: SiteConfig, content: SiteContent, staticFiles: Set<String>, resources: [Resource], contentRoot: URL,
        execute: ExecuteMode? = nil
    ) {
        self.config = config
        self.contentRoot = contentRoot
        var siteRoot = contentRoot
        for _ in config.language.contentDir.split(separator: "/") { siteRoot.deleteLastPathComponent() }
        self.execution = ExecutionSettings(config: config, option: execute)
        self.freeze = FreezeStore(folder: siteRoot.appendingPathComponent(FreezeStore.folderName))
        self.dataFolders = [contentRoot] + ["data", "assets", "static"].map { siteRoot.appendingPathComponent($0) }
        self.siteShortcodes = SiteShortcodes.load(
            config: config, content: content, resources: resources, siteRoot: siteRoot,
            contentRoot: contentRoot)
        self.siteBibliography = SiteBibliography(config: config, siteRoot: siteRoot)
        self.content = content
        self.staticFiles = staticFiles
        self.resourceFiles = Set(resources.map(\.contentPath))
        self.sharedResources = Dictionary(
            resources.compactMap { resource in resource.publishedAt.map { (resource.contentPath, $0) } },
            uniquingKeysWith: { first, _ in first })
        let codes = Set(config.languages.map { $0.code.lowercased() })
        self.languageCodes = codes
        var aliases: [String: String] = [:]
        for path in resourceFiles.sorted() {
            let key = Self.hugoResourceKey(path, languages: codes)
            if aliases[key] == nil { aliases[key] = path }
        }
        self.resourceAliases = aliases
        self.math = MathRenderer(macros: config.settings.mathMacros)
        self.pageMarkdownOptions = Self.markdownOptions(config)
    }

    /// Renders page `index`, returning its content and the problems found.
    func render(_ index: PageID) -> (RenderedContent, [Diagnostic]) {
        render(content.pages[index])
    }

    /// The Markdown settings of page bodies (and of the Markdown their shortcodes render), read from
    /// the site's config once (shortcodes' `markdownify` asks for them at every call).
    let pageMarkdownOptions: MarkdownOptions

    static func markdownOptions(_ config: SiteConfig) -> MarkdownOptions {
        var options = MarkdownOptions.site
        options.rawHTML = config.allowsRawHTML
        options.typographer = config.typographer
        options.goldmarkFootnotes = true
        options.emoji = config.enableEmoji
        options.definitionLists = config.definitionLists
        options.goldmarkTables = true
        options.goldmarkBackslashBreaks = true
        options.blockAttributes = config.blockAttributes
        options.headingAttributes = config.headingAttributes
        options.autolinks = config.linkify
        options.goldmarkLinkify = true
        options.linkifyHTTPS = config.linkifyHTTPS
        options.mathInHeadingIDs = !config.goldmarkPassthrough
        options.verbatimMath = config.verbatimMathDelimiters
        options.mathTextScan = true
        options.footnoteBacklinkHTML = config.footnoteBacklinkHTML
        return options
    }

    /// Renders `page`, a new reading of one of the site's pages (links resolve against the site as it was read).
    func render(_ page: Page) -> (RenderedContent, [Diagnostic]) {
        let sink = DiagnosticSink(file: page.sourceFile, bodyLine: page.bodyLine)
        var result = RenderedContent()
        if let cover = page.cover {
            result.coverURL = resolveCover(cover, for: page, sink: sink)
        }
        guard !page.body.isEmpty else { return (result, sink.diagnostics) }

        let siteRun = siteShortcodes.map { SiteShortcodeRun(templates: $0.templates, host: $0.host, page: page) }
        let builtInHTML = ShortcodePlaceholders(prefix: "HAHACOLLECTIVEBUILTIN")
        var expander = ShortcodeExpander(
            context: .init(
                resolveResource: { self.resolveResource($0, for: page, position: nil, sink: sink, kind: "file") },
                param: { page.param($0)?.string ?? self.config.param($0)?.string },
                inlineMarkdown: { Self.inlineHTML($0, options: self.pageMarkdownOptions) },
                blockMarkdown: { [weak siteRun] markdown in
                    siteRun.map { self.shortcodeMarkdownHTML(markdown, page: page, siteRun: $0, sink: sink) } ?? markdown
                },
                youtubePrivacyEnhanced: config.youtubePrivacyEnhanced,
                youtubeDisabled: config.youtubeDisabled,
                vimeoDoNotTrack: config.vimeoDoNotTrack,
                site: siteRun,
                placeholders: builtInHTML
            ))
        siteRun?.scope.expanderContext = expander.context
        if let siteRun {
            siteRun.scope.renderMarkdown = { [unowned siteRun] in self.shortcodeMarkdownHTML($0, page: page, siteRun: siteRun, sink: sink) }
        }
        var divs = FencedDivs()
        let markdown = divs.extract(expander.expand(page.body, firstLine: page.bodyLine))
        for warning in divs.warnings { sink.warn(warning.message, fileLine: page.bodyLine + warning.line - 1) }
        for warning in expander.warnings {
            sink.warnShortcode(warning, body: page.body, bodyLine: page.bodyLine)
        }
        sink.diagnostics += siteRun?.allDiagnostics ?? []
        result.ranInlineShortcode = siteRun?.ranInline ?? false

        let options = pageMarkdownOptions
        let document = Document.parse(markdown, options: options)
        var hooks = RenderHooks()
        var codeBlocks = 0
        var images = 0
        // PaperMod's disableAnchoredHeadings (page or site): headings without their "#" link.
        let anchored = !((page.param("disableAnchoredHeadings") ?? config.param("disableAnchoredHeadings"))?.bool ?? false)
        var diagramCount = 0
        hooks.heading = { heading in
            if heading.level == 6, let marker = FencedDivs.marker(inHeading: heading.text) {
                return FencedDivs.markerHTML(index: marker.index, opens: marker.opens)
            }
            if let html = siteRun?.renderHeading(heading, sink: sink) { return html }
            guard let id = heading.id else { return nil }
            let label = HTMLText.escape("Link to the section “\(heading.text)”")
            let anchor = anchored ? "<a class=\"anchor\" href=\"#\(HTMLText.escape(id))\" aria-label=\"\(label)\"></a>" : ""
            return "<h\(heading.level) id=\"\(HTMLText.escape(id))\"\(heading.attributesHTML)>\(heading.contentHTML)\(anchor)</h\(heading.level)>\n"
        }
        let notebookCells = NotebookCells.load(for: page, config: config, contentRoot: contentRoot, math: math)
        let executedCells = ExecutedCells.prepare(
            page: page, markdown: markdown, options: options, settings: execution, freeze: freeze,
            contentRoot: contentRoot, config: config, sink: sink)
        hooks.codeBlock = { block in
            if block.language == NotebookSource.cellLanguage, let notebookCells {
                result.hasCode = true
                return notebookCells.html(placeholder: block.code)
            }
            if let executedCells, ExecutableCell.language(ofInfo: block.info) != nil {
                result.hasCode = true
                return executedCells.nextHTML()
            }
            if let html = siteRun?.renderCodeBlock(block, ordinal: codeBlocks, sink: sink) {
                codeBlocks += 1
                return html
            }
            if block.language == "chart" {
                let folder = self.ownFolder(of: page).map { self.contentRoot.appendingPathComponent($0) }
                let chart = self.charts.render(spec: block.code, baseDirectory: folder, allowedFolders: self.dataFolders)
                for warning in chart.warnings {
                    // The spec starts on the line after the opening fence.
                    let line = page.bodyLine + block.position.line - 1 + (warning.line ?? 0)
                    sink.warn("chart: \(warning.message)", fileLine: line)
                }
                return chart.html + "\n"
            }
            if block.language == "mermaid" {
                diagramCount += 1
                // The diagram's source starts on the line after the opening fence.
                return DiagramBlocks.html(
                    source: block.code, ordinal: diagramCount, renderer: self.diagrams, sink: sink,
                    firstLine: page.bodyLine + block.position.line, indent: block.position.column - 1)
            }
            result.hasCode = true
            codeBlocks += 1
            var options = HighlightOptions(fenceAttributes: block.attributes)
            // Line anchors must stay unique on the page: one prefix per block.
            options.lineAnchorPrefix = "hl-\(codeBlocks)"
            let guesses = self.config.guessSyntax && block.isFenced  // Hugo never highlights an indented block
            let language = block.language ?? (guesses ? Highlighter.guessedLanguage(of: block.code) : nil)
            return Highlighter.html(code: block.code, language: language, options: options) + "\n"
        }
        // Equations are numbered through the page; \eqref finds labels above it at once and
        // labels below it once the page is rendered.
        var equationNumber = 1
        var equationLabels: [EquationLabel] = []
        var referencePositions: [String: SourcePosition] = [:]
        hooks.math = { span in
            result.hasMath = true
            let output = self.math.render(
                span.tex, display: span.isDisplay, firstEquationNumber: equationNumber,
                knownLabels: equationLabels)
            equationNumber += output.equationsNumbered
            equationLabels += output.labels
            for key in output.unresolvedReferences where referencePositions[key] == nil { referencePositions[key] = span.position }
            for error in output.errors {
                let position = Self.position(of: error, in: span)
                sink.warn("math: \(error.description)", position: position)
                result.mathProblems.append(
                    MathProblem(
                        line: page.bodyLine + position.line - 1, column: position.column,
                        command: error.command, message: error.message,
                        isRefused: output.isRefused))
            }
            return output.html
        }
        hooks.image = { image in
            if image.alt.trimmingCharacters(in: .whitespaces).isEmpty {
                sink.warn(
                    "image \(image.destination) has no alt text; describe it in ![…](…) for readers who cannot see it",
                    position: image.position)
            }
            let source: String
            if let notebookCells, let attachment = NotebookSource.Attachment(destination: image.destination) {
                // A notebook Markdown cell's pasted image, written beside the page like an output's.
                source = notebookCells.url(of: attachment) ?? image.destination
                if source == image.destination {
                    sink.warn("notebook cell \(attachment.cell + 1) has no attached image \(attachment.name)", position: image.position)
                }
            } else {
                source = self.resolveResource(image.destination, for: page, position: image.position, sink: sink, kind: "image")
                result.references.append(
                    LinkReference(
                        kind: .image, target: .markdown(image.destination), url: source,
                        line: page.bodyLine + image.position.line - 1,
                        column: image.position.column, alt: image.alt))
            }
            images += 1
            if let html = siteRun?.renderImage(image, ordinal: images - 1, sink: sink) { return html }
            let title = image.title.map { " title=\"\(HTMLText.escape($0))\"" } ?? ""
            let id = image.id.map { " id=\"\(HTMLText.escape($0))\"" } ?? ""
            return "<img src=\"\(HTMLText.escape(source))\" alt=\"\(HTMLText.escape(image.alt))\"\(title)\(id) loading=\"lazy\" decoding=\"async\">"
        }
        hooks.link = { link in
            let target = LinkDestination(parsing: link.destination)
            let resolution = self.resolveLink(target, for: page, position: link.position, sink: sink)
            let resolved = resolution.url(for: target)
            var reference = LinkReference(
                kind: .link, target: target, url: resolved ?? link.destination,
                line: page.bodyLine + link.position.line - 1, column: link.position.column)
            reference.isBroken = resolution == .missing
            result.references.append(reference)
            // A site's hook sees what Hugo gives it: a `ref`/`relref` already turned into its URL.
            var hookLink = link
            if let resolved, target.referencePath != nil { hookLink.destination = resolved }
            if let html = siteRun?.renderLink(hookLink, sink: sink) { return html }
            guard let url = resolved else { return nil }
            let title = link.title.map { " title=\"\(HTMLText.escape($0))\"" } ?? ""
            return "<a href=\"\(HTMLText.escape(url))\"\(title)>\(link.contentHTML)</a>"
        }
        if siteRun?.hasBlockQuoteHook == true {
            var quotes = 0
            hooks.blockQuote = { quote in
                defer { quotes += 1 }
                return siteRun?.renderBlockQuote(quote, ordinal: quotes, sink: sink)
            }
        }
        var pageHTML = builtInHTML.restore(HTMLRenderer(options: options, hooks: hooks).render(document))
        result.dependsOnCells = notebookCells != nil || executedCells != nil
        result.publishedAssets = siteRun?.scope.assets.all ?? [:]
        if let notebookCells {
            result.generatedFiles = notebookCells.images.files
            for warning in notebookCells.images.warnings { sink.diagnostics.append(Diagnostic(.warning, warning, file: page.sourceFile)) }
        }
        if let executedCells {
            result.generatedFiles.merge(executedCells.images.files) { $1 }
            for warning in executedCells.images.warnings { sink.diagnostics.append(Diagnostic(.warning, warning, file: page.sourceFile)) }
        }
        result.equationLabels = equationLabels
        if !referencePositions.isEmpty {
            let (linked, unknown) = MathRenderer.resolvingReferences(in: pageHTML, labels: equationLabels)
            pageHTML = linked
            // Keys of no label here may name an equation on another page: the site looks them up.
            result.equationReferences = Set(unknown).sorted().map { key in
                let position = referencePositions[key]
                return EquationReference(key: key, line: position.map { page.bodyLine + $0.line - 1 }, column: position?.column)
            }
        }
        let (figuresHTML, unresolved) = FigureNumbering.apply(ImageFigures.apply(pageHTML))
        let (numberedHTML, citedWorks) = scholarly(figuresHTML, divs: divs, headings: document.headings, page: page, sink: sink)
        result.citedWorks = citedWorks
        // Built-ins inside a site shortcode's output wait until that output is in place.
        var withSiteOutputs = siteRun?.restore(numberedHTML) ?? numberedHTML
        if siteRun != nil {
            withSiteOutputs = HugoTableOfContents(config: config).replacingToken(in: withSiteOutputs, headingsHTML: numberedHTML)
        }
        if withSiteOutputs != numberedHTML {
            // A site shortcode may write TeX for a renderer in the browser (hugo-book's katex): typeset it here.
            withSiteOutputs = typesetDelimitedMath(inHTML: withSiteOutputs) { tex, display in
                result.hasMath = true
                let output = self.math.render(tex, display: display, firstEquationNumber: equationNumber, knownLabels: equationLabels)
                equationNumber += output.equationsNumbered
                equationLabels += output.labels
                for error in output.errors {
                    sink.warn("math in a shortcode's output: \(error.description)", fileLine: page.bodyLine)
                    result.mathProblems.append(
                        MathProblem(
                            line: page.bodyLine, column: 1, command: error.command,
                            message: error.message, isRefused: output.isRefused))
                }
                return output.html
            }
        }
        let restored = resolveBareReferences(builtInHTML.restore(withSiteOutputs), for: page, sink: sink)
        let balance = ContainerBalance.balanced(restored)
        let html = SummaryDivider.splittingParagraph(balance.html)
        for (name, count) in balance.dropped.sorted(by: { $0.key < $1.key }) {
            sink.warn(
                "the page's HTML has \(count == 1 ? "an end tag" : "\(count) end tags") </\(name)> that \(count == 1 ? "closes" : "close") "
                    + "no <\(name)> it opened; dropped, so the article keeps its layout: remove \(count == 1 ? "it" : "them") or add the missing <\(name)>",
                fileLine: page.bodyLine)
        }
        for (name, count) in balance.closed.sorted(by: { $0.key < $1.key }) {
            sink.warn(
                "the page's HTML leaves \(count == 1 ? "a" : "\(count)") <\(name)> open; closed at the end of the content: add the missing </\(name)>",
                fileLine: page.bodyLine)
        }
        for id in unresolved {
            sink.warn("cross-reference [@\(id)] matches no figure, table or equation of this page; check the id", fileLine: page.bodyLine)
        }
        sink.diagnostics += UnclosedMath.diagnostics(html: html, body: page.body, bodyLine: page.bodyLine, file: sink.file)
        result.html = html
        result.toc = document.headings.compactMap { heading in
            guard (2...4).contains(heading.level), let id = heading.id else { return nil }
            return TOCEntry(level: heading.level, id: id, text: heading.text)
        }
        // The reference list is not the article's text: no words, reading time, summary or search terms from it.
        let articleText = CitationLinks.withoutReferenceList(html)
        result.plainText = HTMLText.plainText(articleText, readableMath: true)
        // Counted over the prose a reader reads: not code, chart drawings or math markup.
        let prose = HTMLText.prose(articleText)
        var counts = TextMetrics.counts(prose.text)
        counts.words += prose.formulas
        result.wordCount = counts.words
        result.readingMinutes = TextMetrics.readingMinutes(counts)
        if let divider = html.firstRange(ofBytes: "<!--more-->") {
            result.summaryHTML = String(html[..<divider.lowerBound])
            result.isTruncated = !html[divider.upperBound...].isBlank
        } else if let summary = page.param("summary")?.string, !summary.isEmpty {
            result.summaryHTML = Self.inlineHTML(summary)
            result.isTruncated = true
        } else {
            let (text, truncated) = TextMetrics.summary(HTMLText.plainText(articleText, headings: false), length: config.summaryLength)
            // TeX source reads badly in a list: a page whose opening is formulas is summed up by its description.
            if let description = page.description, !description.isEmpty, text.contains(bytes: "\\") || text.contains(bytes: "^{") {
                result.summaryHTML = HTMLText.escape(description)
                result.isTruncated = true
            } else {
                result.summaryHTML = HTMLText.escape(text)
                result.isTruncated = truncated
            }
        }
        // The list entry's text: prose, without the headings (or code) a `<!--more-->` summary may hold.
        let summaryProse = HTMLText.plainText(result.summaryHTML, headings: false)
        result.summaryText = summaryProse.isEmpty ? HTMLText.plainText(result.summaryHTML) : summaryProse
        return (result, sink.diagnostics)
    }

    /// Where a math error is in the page: its line and column within the formula, counted from the
    /// formula's opening delimiter (`$`, `$$`, `\(`), or the delimiter itself when unknown.
    static func position(of error: MathError, in span: MathInfo) -> SourcePosition {
        guard let location = error.location else { return span.position }
        if location.line > 1 { return SourcePosition(line: span.position.line + location.line - 1, column: location.column) }
        let delimiter = span.isDisplay ? 2 : 1
        return SourcePosition(line: span.position.line, column: span.position.column + delimiter + location.column - 1)
    }

    /// Markdown text as inline HTML with `options` (a single paragraph loses its `<p>`), as Hugo's
    /// `markdownify` gives a caption or title.
    static func inlineHTML(_ markdown: String, options: MarkdownOptions = .site) -> String {
        var html = renderHTML(markdown, options: options).trimmingCharacters(in: .whitespacesAndNewlines)
        if html.hasPrefix("<p>"), html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
        return html
    }

    /// Markdown text (a config's home text) as block HTML.
    static func inlineBlockHTML(_ markdown: String) -> String {
        renderHTML(markdown, options: .site)
    }

    // MARK: Resolving paths

    /// The URL of an image or file referenced by a page; warns when it cannot be found.
    func resolveResource(
        _ destination: String, for page: Page, position: SourcePosition?, sink: DiagnosticSink,
        kind: String
    ) -> String {
        if let url = findResource(destination, for: page) { return url }
        warnMissing(destination, for: page, position: position, sink: sink, kind: kind)
        return destination
    }

    private func warnMissing(_ destination: String, for page: Page, position: SourcePosition?, sink: DiagnosticSink, kind: String) {
        let looked = page.bundleFolder.map { "the page bundle content/\($0)/ and " } ?? ""
        sink.warn(
            "\(kind) not found: \(destination) (looked in \(looked)static/)", position: position,
            hint: "add the file or fix the path")
    }

    /// The URL of a file a page references (external and data URLs as they are), or nil when the
    /// site has no such file.
    /// A content file's path as Hugo matches it: its name lowercased, spaces as `-`, and a language
    /// code of the site before the extension left out (`Land Cover.es.JPG` → `land-cover.jpg`).
    static func hugoResourceKey(_ path: String, languages: Set<String>) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        var parts = (slash.map { String(path[path.index(after: $0)...]) } ?? path).lowercased()
            .replacingOccurrences(of: " ", with: "-").split(separator: ".", omittingEmptySubsequences: false)
        if parts.count >= 3, languages.contains(String(parts[parts.count - 2])) { parts.remove(at: parts.count - 2) }
        return folder + parts.joined(separator: ".")
    }

    func findResource(_ destination: String, for page: Page) -> String? {
        if destination.isEmpty || destination.contains("://") || destination.hasPrefix("data:") || destination.hasPrefix("//") {
            return destination
        }
        let (pathPart, suffix) = Self.splitSuffix(destination)
        let decoded = pathPart.removingPercentEncoding ?? pathPart
        if decoded.hasPrefix("/") {
            let relative = String(decoded.drop(while: { $0 == "/" }))
            if resourceFiles.contains(relative) { return resourceURL(relative, page: nil) + suffix }
            if staticFiles.contains(relative) { return config.rootRelativeURL("/" + relative) + suffix }
            // Already includes the base path?
            let base = config.siteBasePath.dropFirst()
            if !base.isEmpty, relative.hasPrefix(base), staticFiles.contains(String(relative.dropFirst(base.count))) {
                return destination
            }
        } else if let folder = ownFolder(of: page) {
            var candidate = Self.normalizePath(folder.isEmpty ? decoded : folder + "/" + decoded)
            // Hugo finds `Land Cover.JPG` as `land-cover.jpg` and `cover.es.png` as `cover.png`.
            if !resourceFiles.contains(candidate), let alias = resourceAliases[Self.hugoResourceKey(candidate, languages: languageCodes)] {
                candidate = alias
            }
            if resourceFiles.contains(candidate) { return resourceURL(candidate, page: page) + suffix }
            if staticFiles.contains(Self.normalizePath(decoded)) {
                return config.rootRelativeURL("/" + Self.normalizePath(decoded)) + suffix
            }
        }
        return nil
    }

    /// The URL of a file of `content/`: where another language publishes it, else beside `page` when
    /// it is in the page's bundle, else at its place in `content/`.
    func resourceURL(_ contentPath: String, page: Page?) -> String {
        if let shared = sharedResources[contentPath] { return config.rootRelativeURL(shared) }
        if let page, let bundle = page.bundleFolder, contentPath.hasPrefix(bundle.isEmpty ? "" : bundle + "/") {
            let inside = bundle.isEmpty ? contentPath : String(contentPath.dropFirst(bundle.count + 1))
            return config.relativeURL(page.path + inside)
        }
        return config.relativeURL("/" + contentPath)
    }

    /// A cover image path: relative to the bundle for bundles and `relative: true`, else from the site root (as PaperMod).
    /// Nil, with a warning, when the file is not in the site.
    private func resolveCover(_ cover: Cover, for page: Page, sink: DiagnosticSink) -> String? {
        let image = cover.image
        if image.contains("://") || image.hasPrefix("data:") { return image }
        let line = page.fieldLines["cover"]
        if !image.hasPrefix("/"), cover.relative || page.bundleFolder != nil {
            let position = line.map { SourcePosition(line: $0 - page.bodyLine + 1, column: 1) }
            if let url = findResource(image, for: page) { return url }
            warnMissing(image, for: page, position: position, sink: sink, kind: "cover image")
            return nil
        }
        let relative = Self.normalizePath(image)
        if resourceFiles.contains(relative) { return resourceURL(relative, page: nil) }
        if staticFiles.contains(relative) { return config.rootRelativeURL("/" + relative) }
        sink.diagnostics.append(
            Diagnostic(
                .warning, "cover image not found: \(image) (looked in static/\(page.bundleFolder.map { " and content/\($0)/" } ?? ""))",
                file: page.sourceFile, line: line, hint: "add the file or fix cover.image"))
        return nil
    }

    /// The folder that relative paths of a page start from: its bundle, else the folder of its file.
    func ownFolder(of page: Page) -> String? {
        if let bundle = page.bundleFolder { return bundle }
        guard let file = page.sourceFile else { return nil }
        let contentPath = config.contentPath(ofSource: file)
        let folder = PathText.folder(of: contentPath)
        return folder == "." ? "" : folder
    }

    /// Resolves links to content files (`../other.md`, `{{< ref "other" >}}`) to their page URLs, and
    /// warns about those that name no page.
    func resolveLink(_ destination: LinkDestination, for page: Page, position: SourcePosition, sink: DiagnosticSink) -> ResolvedLink {
        // `ref` gives the page's absolute URL, `relref` its site-relative one, as in Hugo.
        let (target, isReference, absolute) =
            switch destination {
            case .markdown(let written): (written, false, false)
            case .reference(let path, let absolute): (path, true, absolute)
            }
        guard isReference || (!target.contains("://") && !target.hasPrefix("mailto:") && !target.hasPrefix("#")) else { return .unchanged }
        let (pathPart, fragment) = Self.splitFragment(target)
        if isReference, pathPart.isEmpty { return .page(fragment) }
        // Hugo's embedded link render hook (on by default in a multilingual site) turns a site path
        // that names a page into the page's URL, the baseURL's path included (`/hugo-book/docs/x/`).
        let embeddedHook = !isReference && config.embeddedLinkHook.runs(multilingual: config.isMultilingual || config.declaresLanguages)
        if embeddedHook, !pathPart.isEmpty, !pathPart.hasPrefix("//"), !pathPart.contains(":") {
            if let index = findPage(pathPart.removingPercentEncoding ?? pathPart, from: page, byNameAnywhere: false) {
                return .page(config.relativeURL(content.pages[index].path) + fragment)
            }
            // A file of the page's bundle, found as Hugo finds it (`my-thesis.pdf` for `My Thesis.pdf`).
            if !pathPart.hasPrefix("/"), let url = findResource(pathPart, for: page), url != pathPart {
                return .page((url.addingPercentEncoding(withAllowedCharacters: Self.pathCharacters) ?? url) + fragment)
            }
        }
        let lower = pathPart.lowercased()
        guard isReference || lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".ipynb") || lower.contains(".md/") else {
            return .unchanged
        }
        let decoded = pathPart.removingPercentEncoding ?? pathPart
        if let index = findPage(decoded, from: page) {
            let path = content.pages[index].path
            return .page((absolute ? config.absoluteURL(path) : config.relativeURL(path)) + fragment)
        }
        sink.warn("link target not found: \(destination.written)", position: position, hint: "point it at an existing content file")
        return .missing
    }

    /// The page a link path names: from the site root when it starts with `/`, else from the
    /// page's folder and then from the root; `byNameAnywhere` also accepts a file name found
    /// once anywhere in content/ (as `ref` does).
    private func findPage(_ path: String, from page: Page, byNameAnywhere: Bool = true) -> PageID? {
        var candidates: [String] = []
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        if trimmed == "/" {
            return content.pageByContentPath["_index.md"] ?? content.pageByContentPath[""]
        } else if trimmed.hasPrefix("/") {
            candidates.append(String(trimmed.dropFirst()))
        } else {
            let folder = ownFolder(of: page).map { page.bundleFolder == $0 ? (PathText.folder(of: $0)) : $0 } ?? ""
            candidates.append(Self.normalizePath(folder.isEmpty || folder == "." ? trimmed : folder + "/" + trimmed))
            candidates.append(trimmed)
        }
        for candidate in candidates {
            var forms = [candidate, candidate + ".md", candidate + "/index.md", candidate + "/_index.md"]
            // `posts/x.md` also names the bundle `posts/x/index.md`, as Hugo's ref finds it.
            if candidate.hasSuffix(".md") {
                let bundle = String(candidate.dropLast(3))
                forms += [bundle + "/index.md", bundle + "/_index.md"]
            }
            for form in forms {
                if let index = content.pageByContentPath[form] { return index }
            }
            if candidate.hasSuffix("/index.md") || candidate.hasSuffix("/_index.md"),
                let index = content.pageByContentPath[PathText.folder(of: candidate)]
            {
                return index
            }
        }
        // Hugo's ref also accepts a bare file name anywhere in content/.
        guard byNameAnywhere else { return nil }
        let name = PathText.lastComponent(trimmed)
        let matches = content.pageByContentPath.filter { PathText.lastComponent($0.key) == name || $0.key.hasSuffix("/" + name + ".md") }
        return matches.count == 1 ? matches.first?.value : nil
    }

    /// The characters a URL path keeps as they are (a space becomes `%20`, as Hugo writes a file's URL).
    private static let pathCharacters = CharacterSet.urlPathAllowed

    static func splitFragment(_ url: String) -> (String, String) {
        guard let hash = url.firstIndex(of: "#") else { return (url, "") }
        return (String(url[..<hash]), String(url[hash...]))
    }

    private static func splitSuffix(_ url: String) -> (String, String) {
        guard let index = url.firstIndex(where: { $0 == "#" || $0 == "?" }) else { return (url, "") }
        return (String(url[..<index]), String(url[index...]))
    }

    /// Resolves `.` and `..` segments of a relative path.
    static func normalizePath(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}

/// Collects a page's warnings while its Markdown renders, translating Markdown positions to file lines.
final class DiagnosticSink {
    let file: String?
    let bodyLine: Int
    var diagnostics: [Diagnostic] = []

    init(file: String?, bodyLine: Int) {
        self.file = file
        self.bodyLine = bodyLine
    }

    func warn(_ message: String, position: SourcePosition?, hint: String? = nil) {
        diagnostics.append(
            Diagnostic(
                .warning, message, file: file,
                line: position.map { bodyLine + $0.line - 1 }, column: position?.column, hint: hint))
    }

    func warn(_ message: String, fileLine: Int) {
        diagnostics.append(Diagnostic(.warning, message, file: file, line: fileLine))
    }

    func warn(_ message: String, fileLine: Int, column: Int) {
        diagnostics.append(Diagnostic(.warning, message, file: file, line: fileLine, column: column))
    }
}
