import Foundation

/// One language's pages, read and given their URLs, before anything is rendered: every
/// language's are needed to relate translations first.
struct LanguageContent: Sendable {
    let config: SiteConfig
    let content: SiteContent
    /// The files of `content/` that are not pages (``SharedBundleFiles`` marks those another language publishes).
    var resources: [Resource]
    /// What scanning and laying out found wrong.
    let diagnostics: [Diagnostic]

    /// Reads the content folder of `config`'s language in the site at `source`, taking the parse
    /// of front matter from `memo` when it has it, and not reading the files of `rendered` (whose
    /// rendering the build cache has) when the memo knows them.
    init(
        source: URL, config: SiteConfig, options: BuildOptions, memo: FrontMatterMemo? = nil, rendered: Set<String> = [],
        progress: BuildProgress? = nil
    ) {
        self.config = config
        progress?.begin("Reading content")
        let tree = ContentScanner(
            contentRoot: source.appendingPathComponent(config.language.contentDir), config: config, memo: memo,
            rendered: rendered
        ).scan()
        progress?.begin("Laying out pages")
        let (content, assembleDiagnostics) = SiteContent.assemble(tree, config: config, options: options)
        self.content = content
        resources = tree.resources
        diagnostics = tree.diagnostics + assembleDiagnostics
    }
}
