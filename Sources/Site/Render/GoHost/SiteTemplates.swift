import Foundation
import GoTemplates

/// A Hugo site's own Go templates: the shortcodes under `layouts/shortcodes/` (and
/// `layouts/_shortcodes/`, and the theme's), with the partials they call, parsed once into one
/// html-mode ``TemplateSet``. Templates are named by their path from the site root
/// (`layouts/shortcodes/note.html`, `themes/t/layouts/partials/card.html`), so errors point at
/// the file.
struct SiteTemplates: Sendable {
    let set: TemplateSet
    /// Shortcode name → template name, for this language (site before theme, then
    /// `NAME.LANG.html.html`, `NAME.html.html`, `NAME.LANG.html`, `NAME.html`).
    let shortcodes: [String: String]
    /// Partial name as templates write it (`card.html`, `card`) → template name.
    let partials: [String: String]
    /// Render hook (`render-codeblock-go`, `render-link`; `blog/render-heading` for the pages of
    /// one section) → template name.
    var hooks: [String: String] = [:]
    /// Parse errors and the like, with file:line:col.
    let diagnostics: [Diagnostic]

    /// Reads the shortcode and partial templates of the site at `siteRoot` for `config`'s language;
    /// nil when the site has no shortcode template at all and does not enable inline shortcodes.
    static func load(siteRoot: URL, config: SiteConfig, host: HugoHost) -> SiteTemplates? {
        let layoutRoots = Self.layoutRoots(siteRoot: siteRoot, config: config)
        var shortcodeFiles: [String: (rank: Int, path: String)] = [:]
        var partialFiles: [String: String] = [:]
        var hookFiles: [String: String] = [:]
        let language = config.language.code
        // Later roots are themes: the site's files win, so visit themes first and overwrite.
        for (rootIndex, root) in layoutRoots.enumerated().reversed() {
            for folder in ["shortcodes", "_shortcodes"] {
                for file in FileTree.regularFiles(under: siteRoot.appendingPathComponent(root + "/" + folder)) {
                    guard let (name, rank) = Self.shortcodeName(file, language: language) else { continue }
                    let key = name
                    let score = rank + (layoutRoots.count - rootIndex) * 10
                    if let existing = shortcodeFiles[key], existing.rank > score { continue }
                    shortcodeFiles[key] = (score, root + "/" + folder + "/" + file)
                }
            }
            for (folder, section) in Self.markupFolders(siteRoot: siteRoot, layoutRoot: root) {
                for file in FileTree.regularFiles(under: siteRoot.appendingPathComponent(root + "/" + folder))
                where Self.isSupportedHook(file) {
                    hookFiles[(section.map { $0 + "/" } ?? "") + String(file.dropLast(5))] = root + "/" + folder + "/" + file
                }
            }
            for folder in ["partials", "_partials"] {
                for file in FileTree.regularFiles(under: siteRoot.appendingPathComponent(root + "/" + folder)) {
                    partialFiles[file] = root + "/" + folder + "/" + file
                }
            }
        }
        guard !shortcodeFiles.isEmpty || !hookFiles.isEmpty || config.enableInlineShortcodes else { return nil }

        // Only partials reachable from the shortcodes are parsed (a theme's page partials use
        // functions no shortcode needs).
        var sources: [(name: String, source: String)] = []
        var seen = Set<String>()
        var queue = (shortcodeFiles.values.map(\.path) + hookFiles.values).sorted()
        var diagnostics: [Diagnostic] = []
        while let path = queue.first {
            queue.removeFirst()
            guard seen.insert(path).inserted else { continue }
            guard let text = try? String(contentsOf: siteRoot.appendingPathComponent(path), encoding: .utf8) else {
                diagnostics.append(Diagnostic(.warning, "template could not be read as UTF-8 text; it was skipped", file: path))
                continue
            }
            sources.append((path, text))
            for name in Self.partialReferences(in: text) {
                if let file = partialFiles[name] ?? partialFiles[name + ".html"] { queue.append(file) }
            }
        }

        // Functions we do not provide become stubs that fail when called, so that a template
        // using one still runs when it does not reach that call.
        var functions = host.functions
        for (name, source) in sources {
            var attempts = 0
            while attempts < 20, let error = TemplateSet.check(name: name, source: source, functions: functions),
                let missing = Self.undefinedFunction(error.message)
            {
                attempts += 1
                functions.register(missing) { _ in
                    throw GoFunctionError("\(missing) is not supported by collective")
                }
            }
        }
        var errors: [GoTemplateError] = []
        let set = TemplateSet(mode: .html, functions: functions, lowercaseFieldFallback: true).adding(sources, errors: &errors)
        for error in errors {
            diagnostics.append(
                Diagnostic(
                    .warning, "template: \(error.message); the shortcode's inner content is shown instead",
                    file: error.file, line: error.line > 0 ? error.line : nil,
                    column: error.line > 0 ? error.column : nil))
        }
        var partials: [String: String] = [:]
        for (name, path) in partialFiles where set.has(path) {
            partials[name] = path
            if name.hasSuffix(".html") { partials[String(name.dropLast(5))] = path }
        }
        let shortcodes = shortcodeFiles.compactMapValues { set.has($0.path) ? $0.path : nil }
        var templates = SiteTemplates(set: set, shortcodes: shortcodes, partials: partials, diagnostics: diagnostics)
        templates.hooks = hookFiles.compactMapValues { set.has($0) ? $0 : nil }
        return templates
    }

    /// `layouts` of the site, then of its theme(s) (`theme` in the config, a string or a list).
    static func layoutRoots(siteRoot: URL, config: SiteConfig) -> [String] {
        ["layouts"]
            + config.themeFolders(siteRoot: siteRoot).map { $0 + "/layouts" }.filter { root in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: siteRoot.appendingPathComponent(root).path, isDirectory: &isFolder)
                    && isFolder.boolValue
            }
    }

    /// The hooks run from Markdown: code blocks, block quotes, links, images and headings, HTML output only.
    static func isSupportedHook(_ file: String) -> Bool {
        guard !file.contains("/"), file.hasSuffix(".html") else { return false }
        let name = file.dropLast(5)
        return name.hasPrefix("render-codeblock") || name.hasPrefix("render-blockquote")
            || ["render-link", "render-image", "render-heading"].contains(name)
    }

    /// The `_markup` folders under a layouts root: for every page, and per section (`blog/_markup`).
    static func markupFolders(siteRoot: URL, layoutRoot: String) -> [(folder: String, section: String?)] {
        var folders: [(String, String?)] = [("_default/_markup", nil), ("_markup", nil)]
        let root = siteRoot.appendingPathComponent(layoutRoot)
        for entry in ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
        where !entry.hasPrefix("_") && !entry.hasPrefix(".") && !["shortcodes", "partials"].contains(entry) {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(entry + "/_markup").path, isDirectory: &isFolder),
                isFolder.boolValue
            {
                folders.append((entry + "/_markup", entry))
            }
        }
        return folders
    }

    /// Shortcode name and preference of a file under `shortcodes/` (higher is better), or nil for
    /// files of other output formats and folders.
    static func shortcodeName(_ file: String, language: String) -> (String, Int)? {
        guard !file.contains("/") else { return nil }
        let parts = file.split(separator: ".").map(String.init)
        guard parts.count >= 2, parts.last == "html" || parts.last == "md" else { return nil }
        let middle = Array(parts.dropFirst().dropLast())
        let rank: Int
        switch middle {
        case []: rank = parts.last == "html" ? 1 : 0
        case [language]: rank = 3
        case ["html"]: rank = 2
        case [language, "html"]: rank = 4
        default: return nil
        }
        return (parts[0], rank)
    }

    /// The partials a template may call: every string literal in it (a call names its partial
    /// directly, `partial "x.html"`, or through a variable, `$style := "styles/ieee/main.html"`);
    /// the caller keeps those that name a partial file.
    static func partialReferences(in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: #""([^"\\\n]+)""#) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    private static func undefinedFunction(_ message: String) -> String? {
        guard message.hasPrefix("function \""), message.hasSuffix("\" not defined") else { return nil }
        let name = message.dropFirst(10).dropLast(13)
        return name.isEmpty ? nil : String(name)
    }
}
