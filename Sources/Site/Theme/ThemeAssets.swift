import Charts
import Foundation
import Highlight

/// The theme's style sheet and script as output files, with names that carry a hash of their
/// content (`style.3f2a9c1e.css`) so browsers may cache them forever.
struct ThemeAssets {
    /// Output path → bytes.
    let files: [String: Data]
    /// `css`, `js` and `search` (the search page's own script) → their site-relative URLs.
    let urls: [String: String]

    init(config: SiteConfig) {
        let css = [DefaultTheme.stylesheet, Highlighter.stylesheet, ChartRenderer.stylesheet].joined(separator: "\n")
        let assets = [("css", "style", "css", css), ("js", "script", "js", DefaultTheme.script),
                      ("search", "search", "js", DefaultTheme.assets["search.js"] ?? "")]
        var files: [String: Data] = [:]
        var urls: [String: String] = [:]
        for (key, name, ext, text) in assets {
            let path = "assets/\(name).\(Self.fingerprint(text)).\(ext)"
            files[path] = Data(text.utf8)
            urls[key] = config.relativeURL("/" + path)
        }
        self.files = files
        self.urls = urls
    }

    /// 64-bit FNV-1a of the text, as 16 hex digits.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
