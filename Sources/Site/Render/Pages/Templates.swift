import Foundation
import Templating

/// The site's templates: the built-in theme, with any `layouts/*.mustache` of the site replacing
/// the theme's file of the same name. Parsed once per build.
struct Templates: Sendable {
    private let library: TemplateLibrary
    /// Templates the site's `layouts/` replaces (`partials/` stripped).
    private let overridden: Set<String>

    /// A notice naming the Hugo Go templates found in `layouts/` (not ours to run), and a warning
    /// for each partial or parent that a template names but no template provides.
    let diagnostics: [Diagnostic]

    /// Loads the theme and the site's overrides from `layouts`.
    init(siteLayouts: URL?) throws(Diagnostic) {
        var templates: [String: Template] = [:]
        for (name, text) in DefaultTheme.templates {
            do {
                templates[name] = try Template(text)
            } catch {
                throw Diagnostic(.error, "built-in template \(name) does not parse: \(error)")
            }
        }
        var ignored: [String] = []
        var overridden = Set<String>()
        var files: [String: String] = [:]
        if let layouts = siteLayouts, let enumerator = FileManager.default.enumerator(at: layouts, includingPropertiesForKeys: nil) {
            let root = layouts.standardizedFileURL.path
            for case let url as URL in enumerator {
                var relative = String(url.standardizedFileURL.path.dropFirst(root.count))
                while relative.hasPrefix("/") { relative.removeFirst() }
                if url.pathExtension == "html" {
                    // Shortcodes, the partials they call and the render hooks run as Go templates (GoHost/SiteTemplates).
                    let parts = relative.split(separator: "/")
                    let top = parts.first ?? ""
                    let hook = parts.count >= 2 && parts[parts.count - 2] == "_markup" && SiteTemplates.isSupportedHook(String(parts.last!))
                    if !["shortcodes", "_shortcodes", "partials", "_partials"].contains(top), !hook { ignored.append("layouts/" + relative) }
                    continue
                }
                guard url.pathExtension == "mustache" else { continue }
                let name = PathText.removingExtension(relative)
                let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
                let template: Template
                do {
                    template = try Template(text)
                } catch {
                    throw Diagnostic(
                        .error, "template does not parse: \(error.reason)", file: "layouts/" + relative,
                        line: error.line, column: error.column)
                }
                templates[name] = template
                files[name] = "layouts/" + relative
                // `partials/header.mustache` also replaces the partial `header`.
                let short = name.hasPrefix("partials/") ? String(name.dropFirst("partials/".count)) : name
                if short != name {
                    templates[short] = template
                    files[short] = "layouts/" + relative
                }
                overridden.insert(short)
            }
        }
        library = TemplateLibrary(templates)
        self.overridden = overridden
        var diagnostics: [Diagnostic] = []
        if !ignored.isEmpty {
            let names = ignored.sorted().prefix(5).joined(separator: ", ")
            let more = ignored.count > 5 ? " and \(ignored.count - 5) more" : ""
            diagnostics.append(
                Diagnostic(
                    .notice,
                    "Hugo templates are not used (\(names)\(more)); the built-in theme renders the site; write .mustache layouts to change it"))
        }
        for (template, missing) in library.missingInclusions where !template.hasPrefix("partials/") {
            diagnostics.append(
                Diagnostic(
                    .warning,
                    "template \(template) includes \(missing), which does not exist: it renders as nothing; add layouts/\(missing).mustache or fix the name",
                    file: files[template]))
        }
        self.diagnostics = diagnostics
    }

    func has(_ name: String) -> Bool { library.has(name) }

    /// True when list entries can be rendered once per page and reused in every list: the
    /// entry templates are the theme's, which read only the entry, `site` and `t`.
    var rendersEntriesOnce: Bool { overridden.isDisjoint(with: ["post-entry", "meta"]) }

    /// A page's list entry (`post-entry`), for ``ContextBuilder/setEntryHTML(_:)``.
    func renderEntry(_ context: Context) -> String {
        String(decoding: render(context, candidates: ["post-entry"]), as: UTF8.self)
    }

    /// Renders `context` with the first template of `candidates` that exists, as UTF-8.
    func render(_ context: Context, candidates: [String]) -> [UInt8] {
        for name in candidates {
            if let output = library.render(name, context: .map(context)) { return output }
        }
        return []
    }
}
