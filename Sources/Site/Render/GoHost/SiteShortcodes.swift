import Foundation

/// A language's Go-template shortcodes, ready for ``ContentRenderer``: the host objects and the
/// parsed templates. nil when the site (and its theme) has no `layouts/shortcodes/` or render hooks
/// and does not enable inline shortcodes.
struct SiteShortcodes: Sendable {
    let host: HugoHost
    let templates: SiteTemplates

    static func load(config: SiteConfig, content: SiteContent, resources: [Resource], siteRoot: URL, contentRoot: URL) -> SiteShortcodes? {
        let roots = SiteTemplates.layoutRoots(siteRoot: siteRoot, config: config)
        let any = roots.contains { root in
            ["shortcodes", "_shortcodes", "_markup", "_default/_markup"].contains {
                FileManager.default.fileExists(atPath: siteRoot.appendingPathComponent(root + "/" + $0).path)
            }
        }
        guard any || config.enableInlineShortcodes else { return nil }
        let host = HugoHost(config: config, content: content, resources: resources, siteRoot: siteRoot, contentRoot: contentRoot)
        guard let templates = SiteTemplates.load(siteRoot: siteRoot, config: config, host: host) else { return nil }
        return SiteShortcodes(host: host, templates: templates)
    }

    /// Template diagnostics, reported once per build (by the first language).
    func diagnostics(for config: SiteConfig) -> [Diagnostic] {
        config.language.code == config.languages.first?.code ? templates.diagnostics : []
    }
}

extension DiagnosticSink {
    /// A warning of the shortcode expander; an unknown shortcode's column is found on its line.
    func warnShortcode(_ warning: ShortcodeExpander.Warning, body: String, bodyLine: Int) {
        var column: Int?
        if let name = warning.unknownName {
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
            let index = warning.line - bodyLine
            if lines.indices.contains(index) {
                let line = lines[index]
                for opener in ["{{<", "{{%"] {
                    var search = line[...]
                    while column == nil, let range = search.range(of: opener) {
                        if search[range.upperBound...].drop(while: { $0 == " " }).hasPrefix(name) {
                            column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
                        }
                        search = search[range.upperBound...]
                    }
                }
            }
        }
        diagnostics.append(
            Diagnostic(
                .warning, warning.message, file: file, line: warning.line, column: column,
                kind: warning.unknownName == nil ? nil : .unknownShortcode))
    }
}
