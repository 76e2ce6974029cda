import Foundation
import GoTemplates

/// What Hugo's functions need while a page's shortcodes run (passed as the execution's
/// `userInfo`): the site, the page, the templates, and where to report problems.
final class ShortcodeScope: @unchecked Sendable {
    let host: HugoHost
    let templates: SiteTemplates
    private(set) var page: PageObject
    /// `content/posts/a.md`
    let file: String
    private let lock = NSLock()
    private var reported: [Diagnostic] = []
    /// The page's shortcode expander setup, for `markdownify` and `.RenderString` of text that
    /// holds shortcode calls (Hugo expands them there too).
    var expanderContext: ShortcodeExpander.Context?
    /// The `assets/` files this page's shortcodes published.
    let assets = AssetPublisher()
    /// Renders Markdown as the page's body is rendered (the site's hooks, math, resolved images),
    /// for `markdownify` and `.RenderString`; set by the content renderer.
    var renderMarkdown: ((String) -> String)?
    /// Puts the output of nested `{{< >}}` calls in place of their placeholders, so that Markdown
    /// rendered by `markdownify` sees their HTML as Hugo's does; set by the shortcode run.
    var restorePlaceholders: ((String) -> String)?
    /// The call being run (for messages of `errorf`/`warnf`).
    private var currentCall: (template: String, line: Int, column: Int) = ("", 0, 0)

    init(host: HugoHost, templates: SiteTemplates, page: Page, file: String) {
        self.host = host
        self.templates = templates
        self.file = file
        self.page = PageObject(page: page, host: host, scratch: ScratchObject())
        self.page.scope = self
    }

    func begin(template: String, line: Int, column: Int) {
        lock.withLock { currentCall = (template, line, column) }
    }

    /// Reports a message from a template function (`errorf`, `warnf`, a refused network call) at
    /// `position` in the template when known, while building the page at the template's call.
    func report(_ severity: Diagnostic.Severity, _ message: String, at position: (file: String, line: Int, column: Int)? = nil) {
        lock.withLock {
            let call = currentCall
            reported.append(
                templateDiagnostic(
                    severity, message, template: position?.file ?? call.template, line: position?.line, column: position?.column,
                    callLine: call.line, callColumn: call.column))
        }
    }

    /// A problem of a template (a shortcode, a partial it calls, a render hook) that this page calls
    /// at `callLine`:`callColumn`: at the template's file (and `line`:`column` in it, when known),
    /// found while building the page. A template the page itself holds (an inline shortcode) has no
    /// file of its own, so its problems are reported at the call.
    func templateDiagnostic(
        _ severity: Diagnostic.Severity, _ message: String, template: String, line: Int?, column: Int?,
        callLine: Int, callColumn: Int, hint: String? = nil, kind: Diagnostic.Kind? = nil
    ) -> Diagnostic {
        let callColumn = callColumn > 0 ? callColumn : nil
        guard Self.isFile(template) else {
            return Diagnostic(severity, message, file: file, line: callLine, column: callColumn, hint: hint, kind: kind)
        }
        return Diagnostic(
            severity, message, file: template, line: line, column: line == nil ? nil : column, hint: hint,
            page: file, pageLine: callLine, pageColumn: callColumn, kind: kind)
    }

    /// Whether a template name is a file of the site (`layouts/shortcodes/x.html`), not an inline
    /// shortcode written in the page.
    static func isFile(_ template: String) -> Bool {
        !template.isEmpty && !template.hasPrefix(SiteShortcodeRun.inlinePrefix)
    }

    var diagnostics: [Diagnostic] { lock.withLock { reported } }

    /// Values given to Hugo's `return` in partials, one slot per partial call in progress.
    private var returnSlots: [GoValue?] = []
    static let returnMarker = "collective-partial-return"

    func pushReturnSlot() { lock.withLock { returnSlots.append(nil) } }
    func popReturnSlot() -> GoValue? { lock.withLock { returnSlots.popLast() ?? nil } }
    /// Stores the value of `return`; false outside a partial.
    func setReturn(_ value: GoValue) -> Bool {
        lock.withLock {
            guard !returnSlots.isEmpty else { return false }
            returnSlots[returnSlots.count - 1] = value
            return true
        }
    }

    /// `text` with its shortcode calls expanded as in the page (placeholders restored with the page).
    func expandShortcodes(_ text: String) -> String {
        guard let context = expanderContext, text.contains("{{<") || text.contains("{{%") else { return text }
        var expander = ShortcodeExpander(context: context)
        let line = lock.withLock { currentCall.line }
        let expanded = expander.expand(text, firstLine: line)
        for warning in expander.warnings { report(.warning, warning.message) }
        return expanded
    }

    /// Hugo's `markdownify` and `.RenderString` in this page: shortcodes expanded, then the page's
    /// Markdown rendering; a single paragraph comes back without its `<p>` unless `block`.
    func markdownify(_ text: String, block: Bool = false) -> String {
        let expanded = restorePlaceholders.map { $0(expandShortcodes(text)) } ?? expandShortcodes(text)
        guard let renderMarkdown else { return HugoFunctions.markdownify(expanded, config: host.config) }
        let html = renderMarkdown(expanded)
        return block ? html : HugoFunctions.unwrappingSingleParagraph(html, config: host.config)
    }

    static func from(_ context: GoCallContext) throws -> ShortcodeScope {
        guard let scope = context.userInfo as? ShortcodeScope else { throw GoFunctionError("not available outside a shortcode") }
        return scope
    }
}
