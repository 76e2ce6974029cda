import Foundation
import Mustache

/// The site's templates: the built-in theme, with any `layouts/*.mustache` of the site replacing
/// the theme's file of the same name. Parsed once per build.
struct Templates: Sendable {
    private let library: MustacheLibrary
    private let names: Set<String>
    /// Templates the site's `layouts/` replaces (`partials/` stripped).
    private let overridden: Set<String>

    /// Hugo Go templates found in `layouts/`, which are not ours to run.
    let ignoredGoTemplates: [String]

    /// Loads the theme and the site's overrides from `layouts`.
    init(siteLayouts: URL?) throws(Diagnostic) {
        var library = MustacheLibrary()
        var names = Set<String>()
        _ = Self.escaping
        for (name, text) in DefaultTheme.templates {
            do {
                try library.register(Self.pragma + text, named: name)
            } catch {
                throw Diagnostic(.error, "built-in template \(name) does not parse: \(error)")
            }
            names.insert(name)
        }
        var ignored: [String] = []
        var overridden = Set<String>()
        if let layouts = siteLayouts, let enumerator = FileManager.default.enumerator(at: layouts, includingPropertiesForKeys: nil) {
            let root = layouts.standardizedFileURL.path
            for case let url as URL in enumerator {
                var relative = String(url.standardizedFileURL.path.dropFirst(root.count))
                while relative.hasPrefix("/") { relative.removeFirst() }
                if url.pathExtension == "html" { ignored.append("layouts/" + relative); continue }
                guard url.pathExtension == "mustache" else { continue }
                let name = (relative as NSString).deletingPathExtension
                let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
                do {
                    let template = try MustacheTemplate(string: Self.pragma + text)
                    library.register(template, named: name)
                    // `partials/header.mustache` also replaces the partial `header`.
                    if name.hasPrefix("partials/") { library.register(template, named: String(name.dropFirst("partials/".count))) }
                    names.insert(name)
                    overridden.insert(name.hasPrefix("partials/") ? String(name.dropFirst("partials/".count)) : name)
                } catch {
                    throw Diagnostic(.error, "template does not parse: \(error)", file: "layouts/" + relative)
                }
            }
        }
        self.library = library
        self.names = names
        self.overridden = overridden
        self.ignoredGoTemplates = ignored.sorted()
    }

    func has(_ name: String) -> Bool { names.contains(name) }

    /// True when list entries can be rendered once per page and reused in every list: the
    /// entry templates are the theme's, which read only the entry, `site` and `t`.
    var rendersEntriesOnce: Bool { overridden.isDisjoint(with: ["post-entry", "meta"]) }

    /// A page's list entry (`post-entry`), for ``ContextBuilder/setEntryHTML(_:)``.
    func renderEntry(_ context: [String: Any]) -> String {
        render(context, candidates: ["post-entry"])
    }

    /// Every template starts with this pragma, so `{{value}}` is escaped by ``ByteEscaping``
    /// (the same characters as Mustache's own HTML escaping, a tenth of the build's time).
    private static let pragma = "{{%CONTENT_TYPE:collective-html}}"
    private static let escaping: Void = MustacheContentTypes.register(ByteEscaping(), named: "collective-html")

    /// HTML escaping of `& < > " '` over UTF-8 bytes.
    private struct ByteEscaping: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLText.escape(text, apostrophe: true) }
    }

    /// Renders `context` with the first template of `candidates` that exists.
    func render(_ context: [String: Any], candidates: [String]) -> String {
        for name in candidates where names.contains(name) {
            return library.render(context, withTemplate: name) ?? ""
        }
        return ""
    }
}
