import Foundation
import GoTemplates

/// Runs a site's shortcode templates for one page render, as Hugo does: the output of a
/// `{{% %}}` call is Markdown that joins the page's text; the output of a `{{< >}}` call is
/// HTML that replaces a placeholder after the Markdown is rendered (a placeholder alone in a
/// paragraph takes the paragraph's place).
final class SiteShortcodeRun: @unchecked Sendable {
    let templates: SiteTemplates
    let scope: ShortcodeScope
    let page: Page
    private let placeholders = ShortcodePlaceholders(prefix: "HAHACOLLECTIVESHORTCODE")
    private(set) var diagnostics: [Diagnostic] = []
    private let lines: [Substring]

    init(templates: SiteTemplates, host: HugoHost, page: Page) {
        self.templates = templates
        self.page = page
        let file = page.sourceFile ?? page.path
        scope = ShortcodeScope(host: host, templates: templates, page: page, file: file)
        // Split in bytes: a line feed is always a line of its own, and bodies have `\n` line ends.
        lines = page.body.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
        scope.restorePlaceholders = { [placeholders] in placeholders.restore($0) }
    }

    /// The site's templates with the page's inline shortcodes added, once it defined one.
    private var inlineSet: TemplateSet?
    /// The start of an inline shortcode's template name (`inline shortcode note.inline`).
    static let inlinePrefix = "inline shortcode "
    /// Whether the page ran an inline shortcode (which may read any page of the site).
    var ranInline: Bool { inlineSet != nil }

    /// Whether the site has a template for shortcode `name`.
    func has(_ name: String) -> Bool { templates.shortcodes[name] != nil }

    /// A frame for a call the expander found: arguments re-read from the source text with Hugo's
    /// typing when the call can be found on its line, else the expander's strings.
    func frame(
        name: String, named: [String: String], positional: [String], line: Int, markdown: Bool,
        ordinal: Int, parent: ShortcodeFrame?
    ) -> ShortcodeFrame {
        var column = 0
        var typedPositional = positional.map { GoValue.string($0) }
        var typedNamed = named.mapValues { GoValue.string($0) }
        let index = line - page.bodyLine
        if lines.indices.contains(index) {
            let text = lines[index]
            var search = text[...]
            let opener = markdown ? "{{%" : "{{<"
            while let range = search.firstRange(ofBytes: opener) {
                let after = search[range.upperBound...].drop { $0 == " " || $0 == "\t" }
                if after.hasPrefix(name),
                    after.dropFirst(name.count).first.map({ $0 == " " || $0 == "\t" || $0 == ">" || $0 == "%" || $0 == "/" }) ?? true
                {
                    column = text.distance(from: text.startIndex, to: range.lowerBound) + 1
                    // The call's own line first; a call written over several lines, with the 59 after it.
                    if let parsed = Self.arguments(of: name, positional: positional, named: named, in: text[range.lowerBound...])
                        ?? Self.arguments(
                            of: name, positional: positional, named: named,
                            in: lines[index..<min(lines.count, index + 60)].joined(separator: "\n").dropFirst(column - 1))
                    {
                        typedPositional = parsed.positional
                        typedNamed = Dictionary(parsed.named, uniquingKeysWith: { a, _ in a })
                        break
                    }
                }
                search = search[range.upperBound...]
            }
        }
        return ShortcodeFrame(
            name: name, positional: typedPositional, named: typedNamed, isNamed: !named.isEmpty,
            line: line, column: column, ordinal: ordinal, isMarkdown: markdown, parent: parent)
    }

    /// The typed arguments of the call that opens `text`, when it is the call of `name` with these
    /// arguments as the expander read them.
    private static func arguments(
        of name: String, positional: [String], named: [String: String], in text: Substring
    ) -> (positional: [GoValue], named: [(String, GoValue)])? {
        guard let parsed = ShortcodeArgument.parse(text), parsed.name == name, parsed.positional.map(\.text) == positional,
            Dictionary(parsed.named.map { ($0.0, $0.1.text) }, uniquingKeysWith: { a, _ in a }) == named
        else { return nil }
        return (parsed.positional, parsed.named)
    }

    /// The text that replaces the call in the Markdown, or nil when the site has no template
    /// for it. A failing template is reported and its inner content is kept.
    func run(_ frame: ShortcodeFrame, inner: String?) -> String? {
        if frame.name.hasSuffix(".inline"), templates.shortcodes[frame.name] == nil { return runInline(frame, inner: inner) }
        guard let template = templates.shortcodes[frame.name] else { return nil }
        return execute(template, in: templates.set, frame: frame, inner: inner)
    }

    /// An inline shortcode (`enableInlineShortcodes`): its content is a Go template, defined for the
    /// rest of the page, which a later self-closing call (`{{< name.inline />}}`) runs again.
    private func runInline(_ frame: ShortcodeFrame, inner: String?) -> String? {
        let template = Self.inlinePrefix + frame.name
        if let inner {
            do {
                inlineSet = try (inlineSet ?? templates.set).adding(name: template, source: inner)
            } catch {
                diagnostics.append(
                    Diagnostic(
                        .warning, "inline shortcode \"\(frame.name)\" is not a valid template: \(error.message); it renders nothing",
                        file: scope.file, line: frame.line + max(0, error.line - 1), column: frame.column > 0 ? frame.column : nil,
                        kind: .failedShortcode))
                return ""
            }
        }
        guard let set = inlineSet, set.has(template) else {
            diagnostics.append(
                Diagnostic(
                    .warning, "inline shortcode \"\(frame.name)\" is used before its content defines it; it renders nothing",
                    file: scope.file, line: frame.line, column: frame.column > 0 ? frame.column : nil,
                    kind: .failedShortcode))
            return ""
        }
        return execute(template, in: set, frame: frame, inner: nil)
    }

    private func execute(_ template: String, in set: TemplateSet, frame: ShortcodeFrame, inner: String?) -> String {
        let object = ShortcodeObject(frame: frame, inner: inner, page: scope.page, file: scope.file)
        scope.begin(template: template, line: frame.line, column: frame.column)
        let output: String
        do {
            output = try set.execute(template, data: .object(object), userInfo: scope)
        } catch {
            let fallback = inner == nil ? "it renders nothing" : "its inner content is shown instead"
            let own = ShortcodeScope.isFile(error.file)
            diagnostics.append(
                scope.templateDiagnostic(
                    .warning, "shortcode \"\(frame.name)\" failed: \(own ? error.detail : error.description); \(fallback)",
                    template: error.file, line: error.line > 0 ? error.line : nil, column: error.column,
                    callLine: frame.line, callColumn: frame.column, kind: .failedShortcode))
            return inner ?? ""
        }
        noteOtherHosts(in: output, frame: frame)
        return frame.isMarkdown ? output : placeholders.add(output)
    }

    /// Hosts of the scripts and style sheets a call's output loads, each named once per page in a
    /// notice: the site's template asked for them, so they stay, but readers' browsers will fetch them.
    private var notedHosts: Set<String> = []

    private func noteOtherHosts(in output: String, frame: ShortcodeFrame) {
        guard output.contains(bytes: "//"), let regex = Self.externalLoad else { return }
        let range = NSRange(output.startIndex..., in: output)
        for match in regex.matches(in: output, range: range) {
            guard let hostRange = Range(match.range(at: 1), in: output) else { continue }
            let host = String(output[hostRange])
            guard notedHosts.insert(host).inserted else { continue }
            diagnostics.append(
                scope.templateDiagnostic(
                    .notice, "shortcode \"\(frame.name)\" loads a script or style sheet from \(host), so readers' browsers will request it there",
                    template: templates.shortcodes[frame.name] ?? "", line: nil, column: nil, callLine: frame.line, callColumn: frame.column,
                    hint: "collective draws math, code and diagrams at build time; such a script can usually go"))
        }
    }

    /// `<script src="https://host/…">` and `<link href="//host/…">`: group 1 is the host.
    private static let externalLoad = try? NSRegularExpression(
        pattern: #"<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//([^/"'\s>]+)"#, options: [.caseInsensitive])

    /// The rendered page with every placeholder replaced by its shortcode's HTML (nested ones too).
    func restore(_ html: String) -> String { placeholders.restore(html) }

    var allDiagnostics: [Diagnostic] { diagnostics + scope.diagnostics }
}
