import Foundation
import TextUtilities
import GoTemplates
import Markdown

/// Hugo's context of a `render-link` hook: `.Destination`, `.Title`, `.Text`, `.PlainText`, `.Page`.
struct LinkHookContext: GoObject {
    let link: LinkInfo
    let plainText: String
    let page: PageObject

    var goTypeName: String { "hooks.LinkContext" }

    func member(_ name: String, arguments: [GoValue]) throws -> GoValue? {
        switch name {
        case "Destination": .string(link.destination)
        case "Title": .string(link.title ?? "")
        case "Text": .safe(link.contentHTML, .html)
        case "PlainText": .string(plainText)
        case "Page", "PageInner": .object(page)
        default: nil
        }
    }
}

/// Hugo's context of a `render-image` hook: `.Destination`, `.Title`, `.Text`, `.PlainText`,
/// `.Attributes`, `.IsBlock`, `.Ordinal`, `.Page`.
struct ImageHookContext: GoObject {
    let image: ImageInfo
    let ordinal: Int
    let page: PageObject

    var goTypeName: String { "hooks.ImageContext" }

    func member(_ name: String, arguments: [GoValue]) throws -> GoValue? {
        switch name {
        case "Destination": .string(image.destination)
        case "Title": .string(image.title ?? "")
        case "Text": .safe(HTMLText.escape(image.alt), .html)
        case "PlainText": .string(image.alt)
        case "Attributes": .map(image.id.map { ["id": .string($0)] } ?? [:])
        case "IsBlock": .bool(false)
        case "Ordinal": .int(ordinal)
        case "Page", "PageInner": .object(page)
        default: nil
        }
    }
}

/// Hugo's context of a `render-heading` hook: `.Level`, `.Anchor`, `.Text`, `.PlainText`,
/// `.Attributes`, `.Page`.
struct HeadingHookContext: GoObject {
    let heading: HeadingRenderInfo
    let page: PageObject

    var goTypeName: String { "hooks.HeadingContext" }

    func member(_ name: String, arguments: [GoValue]) throws -> GoValue? {
        switch name {
        case "Level": .int(heading.level)
        case "Anchor": .string(heading.id ?? "")
        case "Text": .safe(heading.contentHTML, .html)
        case "PlainText": .string(heading.text)
        case "Attributes": .map(attributes)
        case "Page", "PageInner": .object(page)
        default: nil
        }
    }

    /// The heading's `id` and the attributes of its attribute list (`{.wide data-x="1"}`).
    private var attributes: [String: GoValue] {
        var map: [String: GoValue] = [:]
        var rest = Substring(heading.attributesHTML)
        // ` name="escaped value"`, as the Markdown writer makes them.
        while let equals = rest.range(of: "=\""), let close = rest[equals.upperBound...].firstIndex(of: "\"") {
            let name = rest[..<equals.lowerBound].trimmingCharacters(in: .whitespaces)
            map[name] = .string(CharacterReferences.decodeAll(String(rest[equals.upperBound..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if let id = heading.id { map["id"] = .string(id) }
        return map
    }
}

/// Hugo's context of a `render-blockquote` hook: `.Type` (`alert` or `regular`), `.AlertType`,
/// `.AlertTitle`, `.AlertSign`, `.Text`, `.Attributes`, `.Ordinal`, `.Page`, `.Position`.
struct BlockquoteHookContext: GoObject {
    let quote: BlockQuoteInfo
    let ordinal: Int
    let page: PageObject
    let position: String

    var goTypeName: String { "hooks.BlockquoteContext" }

    func member(_ name: String, arguments: [GoValue]) throws -> GoValue? {
        switch name {
        case "Type": .string(quote.alert == nil ? "regular" : "alert")
        case "AlertType": .string(quote.alert?.marker.lowercased() ?? "")
        case "AlertTitle": .safe(ContentRenderer.inlineHTML(quote.title), .html)
        case "AlertSign": .string(quote.sign)
        // Hugo hands an alert's content over without its final newline, a plain quote's with it.
        case "Text": .safe(quote.alert == nil ? quote.contentHTML : String(quote.contentHTML.dropping(trailing: "\n")), .html)
        case "Attributes": .map([:])
        case "Ordinal": .int(ordinal)
        case "Page", "PageInner": .object(page)
        case "Position": .string(position)
        default: nil
        }
    }
}

extension SiteShortcodeRun {
    /// Whether the site has a block quote hook for this page (only then are quotes handed over,
    /// so collective's own rendering of alerts stays as it is otherwise).
    var hasBlockQuoteHook: Bool {
        ["render-blockquote", "render-blockquote-alert", "render-blockquote-regular"].contains { hookTemplate($0) != nil }
    }

    /// The site's template for hook `name` (`render-link`), the one for the page's section first.
    func hookTemplate(_ name: String) -> String? {
        templates.hooks[page.section + "/" + name] ?? templates.hooks[name]
    }

    /// Runs the site's hook `name` on `context`; nil when the site has none, or when it fails
    /// (reported once per template and message, and collective's own rendering is used).
    func runHook(_ name: String, context: any GoObject, position: SourcePosition, sink: DiagnosticSink) -> String? {
        guard let template = hookTemplate(name) else { return nil }
        let line = page.bodyLine + position.line - 1
        scope.begin(template: template, line: line, column: position.column)
        do {
            return try templates.set.execute(template, data: .object(context), userInfo: scope)
        } catch {
            if scope.host.firstReport(of: template + "\u{0}" + error.description) {
                let own = ShortcodeScope.isFile(error.file)
                sink.diagnostics.append(
                    scope.templateDiagnostic(
                        .warning,
                        "render hook \(template) failed: \(own ? error.detail : error.description); collective renders this \(name.dropFirst("render-".count)) (and others the hook fails on) itself",
                        template: error.file, line: error.line > 0 ? error.line : nil, column: error.column,
                        callLine: line, callColumn: position.column))
            }
            return nil
        }
    }

    func renderLink(_ link: LinkInfo, sink: DiagnosticSink) -> String? {
        guard hookTemplate("render-link") != nil else { return nil }
        let plain = HTMLText.plainText(link.contentHTML)
        return runHook(
            "render-link", context: LinkHookContext(link: link, plainText: plain, page: scope.page),
            position: link.position, sink: sink)
    }

    func renderImage(_ image: ImageInfo, ordinal: Int, sink: DiagnosticSink) -> String? {
        guard hookTemplate("render-image") != nil else { return nil }
        return runHook(
            "render-image", context: ImageHookContext(image: image, ordinal: ordinal, page: scope.page),
            position: image.position, sink: sink)
    }

    func renderHeading(_ heading: HeadingRenderInfo, sink: DiagnosticSink) -> String? {
        guard hookTemplate("render-heading") != nil else { return nil }
        return runHook(
            "render-heading", context: HeadingHookContext(heading: heading, page: scope.page),
            position: heading.position, sink: sink)
    }

    /// The site's `render-blockquote-alert` / `render-blockquote-regular` or `render-blockquote` hook.
    func renderBlockQuote(_ quote: BlockQuoteInfo, ordinal: Int, sink: DiagnosticSink) -> String? {
        let specific = quote.alert == nil ? "render-blockquote-regular" : "render-blockquote-alert"
        let name = hookTemplate(specific) != nil ? specific : "render-blockquote"
        guard hookTemplate(name) != nil else { return nil }
        let line = page.bodyLine + quote.position.line - 1
        let context = BlockquoteHookContext(
            quote: quote, ordinal: ordinal, page: scope.page,
            position: "\"\(scope.file):\(line):\(quote.position.column)\"")
        return runHook(name, context: context, position: quote.position, sink: sink)
    }
}
