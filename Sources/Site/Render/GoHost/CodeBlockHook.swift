import Foundation
import GoTemplates
import Highlight
import Markdown

/// Hugo's context of a `render-codeblock` hook: `.Type`, `.Inner`, `.Options`, `.Attributes`,
/// `.Ordinal`, `.Page`, `.Position`.
struct CodeBlockContext: GoObject {
    let language: String
    let code: String
    let attributes: [String: String]
    let ordinal: Int
    let page: PageObject
    let position: String

    var goTypeName: String { "hooks.CodeblockContext" }

    /// Hugo's highlighting options (lowercased); every other fence attribute is an attribute.
    private static let highlightOptions: Set<String> = [
        "linenos", "linenostart", "lineanchors", "anchorlinenos", "hl_lines", "hl_inline", "style", "noclasses",
        "tabwidth", "guesssyntax", "codefences", "linenumbersintable", "wrapperclass",
    ]

    /// The fence's `{…}` split as Hugo splits it: highlighting options, and attributes with
    /// `.name` gathered into `class` and `#name` as the `id`.
    private var split: (options: [String: String], attributes: [String: String]) {
        var options: [String: String] = [:]
        var others: [String: String] = [:]
        var classes: [String] = []
        for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
            if key.hasPrefix("."), key.count > 1 {
                classes.append(String(key.dropFirst()))
            } else if key.hasPrefix("#"), key.count > 1 {
                others["id"] = String(key.dropFirst())
            } else if Self.highlightOptions.contains(key.lowercased()) {
                options[key] = value
            } else {
                others[key] = value
            }
        }
        if !classes.isEmpty { others["class"] = ([others["class"]].compactMap { $0 } + classes).joined(separator: " ") }
        return (options, others)
    }

    func member(_ name: String, arguments: [GoValue]) throws -> GoValue? {
        switch name {
        case "Type": return .string(language)
        case "Inner": return .string(code.hasSuffix("\n") ? String(code.dropLast()) : code)
        case "Options": return .map(split.options.mapValues { ShortcodeArgument.typed($0, quoted: false) })
        case "Attributes": return .map(split.attributes.mapValues { .string($0) })
        case "Ordinal": return .int(ordinal)
        case "Page": return .object(page)
        case "Position": return .string(position)
        default: return nil
        }
    }
}

/// What `transform.HighlightCodeBlock` returns: `.Wrapped`, the whole highlighted block, and
/// `.Inner`, the highlighted lines without the `pre` and `code` around them.
struct HighlightedCodeBlock: GoObject {
    let wrapped: String

    /// Chroma's markup as Hugo returns it: themes match on it (FixIt wraps `<pre tabindex="0" class="chroma">`).
    init(code: String, language: String, attributes: [String: String]) {
        wrapped = Highlighter.html(
            code: code, language: language.isEmpty ? nil : language,
            options: HighlightOptions(fenceAttributes: attributes)
        )
        .replacingOccurrences(of: "<pre class=\"chroma\">", with: "<pre tabindex=\"0\" class=\"chroma\">")
    }

    var goTypeName: String { "highlight.HighlightResult" }

    /// The highlighted lines: what lies between the `code` element's tags.
    var inner: String {
        guard let open = wrapped.range(of: "<code"), let start = wrapped[open.upperBound...].firstIndex(of: ">"),
            let close = wrapped.range(of: "</code>", options: .backwards)
        else { return wrapped }
        return String(wrapped[wrapped.index(after: start)..<close.lowerBound])
    }

    func member(_ name: String, arguments: [GoValue]) throws -> GoValue? {
        switch name {
        case "Wrapped": .safe(wrapped, .html)
        case "Inner": .safe(inner, .html)
        default: nil
        }
    }
}

extension SiteShortcodeRun {
    /// The site's `render-codeblock-LANG` or `render-codeblock` hook for `block`, or nil when the
    /// site has none (or it fails: reported, and the built-in rendering is used).
    func renderCodeBlock(_ block: CodeBlockInfo, ordinal: Int, sink: DiagnosticSink) -> String? {
        guard block.isFenced else { return nil }  // Hugo hands only fenced blocks to code block hooks
        let language = (block.language ?? "").lowercased()
        let name = hookTemplate("render-codeblock-" + language) != nil ? "render-codeblock-" + language : "render-codeblock"
        guard hookTemplate(name) != nil else { return nil }
        let line = page.bodyLine + block.position.line - 1
        let context = CodeBlockContext(
            language: block.language ?? "", code: block.code, attributes: block.attributes, ordinal: ordinal,
            page: scope.page, position: "\"\(scope.file):\(line):\(block.position.column)\"")
        return runHook(name, context: context, position: block.position, sink: sink)
    }
}
