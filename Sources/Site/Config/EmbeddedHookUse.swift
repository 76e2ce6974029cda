/// When Hugo's embedded link (or image) render hook runs: the one that turns a path naming a
/// page (`/docs/x`, `../x.md`) into that page's URL. Hugo's `useEmbedded` setting.
public enum EmbeddedHookUse: String, Sendable {
    /// In a multilingual site without a hook of its own (Hugo's default).
    case auto
    /// Always.
    case always
    /// Whenever the site has no hook of its own.
    case fallback
    /// Never: links stay as written.
    case never

    /// Reads `useEmbedded`, or the older `enableDefault = true` (which meant `fallback`), from
    /// a `markup.goldmark.renderHooks.link` table.
    init(_ table: Value?) {
        if let word = table?["useEmbedded"]?.string, let use = EmbeddedHookUse(rawValue: word.lowercased()) {
            self = use
        } else if table?["enableDefault"]?.bool == true {
            self = .fallback
        } else {
            self = .auto
        }
    }

    /// Whether the hook runs for a site, given whether the site has more than one language.
    func runs(multilingual: Bool) -> Bool {
        switch self {
        case .always, .fallback: true
        case .auto: multilingual
        case .never: false
        }
    }
}
