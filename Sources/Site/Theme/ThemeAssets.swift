import Charts
import Diagrams
import Foundation
import Highlight

/// The theme's style sheet and script as output files, with names that carry a hash of their
/// content (`style.3f2a9c1e.css`) so browsers may cache them forever.
struct ThemeAssets {
    /// Output path → bytes.
    let files: [String: Data]
    /// `css`, `js` and `search` (the search page's own script) → their site-relative URLs.
    let urls: [String: String]

    /// Each fingerprinted file: its key in ``urls``, its name and its extension.
    static let kinds = [(key: "css", name: "style", ext: "css"), (key: "js", name: "script", ext: "js"), (key: "search", name: "search", ext: "js")]

    /// Site-relative patterns (`/assets/style.*.css`) matching the fingerprinted files and nothing the theme writes unhashed.
    static var fingerprintedPatterns: [String] { kinds.map { "/\(folder)/\($0.name).*.\($0.ext)" } }

    private static let folder = "assets"

    /// The math font's folder (`math-<hash>`): its name changes when a piece does, as the style sheet's does.
    static let mathFontFolder = "math-" + fingerprint(MathFontFiles.pieces.keys.sorted().map { $0 + (MathFontFiles.pieces[$0] ?? "") }.joined())

    init(config: SiteConfig) {
        // The math font's @font-face rules come first; a browser fetches a piece only for a page that shows its characters.
        let fontFaces = MathFontFiles.stylesheet.replacingOccurrences(of: "url(\"math/", with: "url(\"\(Self.mathFontFolder)/")
        let css = Self.minifyCSS(
            [fontFaces, DefaultTheme.stylesheet, Highlighter.stylesheet, ChartRenderer.stylesheet, DiagramRenderer.stylesheet]
                .joined(separator: "\n"))
        let texts = ["css": css, "js": DefaultTheme.script, "search": DefaultTheme.assets["search.js"] ?? ""]
        var files: [String: Data] = [:]
        for (name, base64) in MathFontFiles.pieces {
            files["\(Self.folder)/\(Self.mathFontFolder)/\(name)"] = Data(base64Encoded: base64)
        }
        files["\(Self.folder)/\(Self.mathFontFolder)/GUST-FONT-LICENSE.txt"] = Data(MathFontFiles.license.utf8)
        var urls: [String: String] = [:]
        for (key, name, ext) in Self.kinds {
            let text = texts[key] ?? ""
            let path = "\(Self.folder)/\(name).\(Self.fingerprint(text)).\(ext)"
            files[path] = Data(text.utf8)
            urls[key] = config.rootRelativeURL("/" + path)
        }
        self.files = files
        self.urls = urls
    }

    /// Removes comments and the white space around `{ } ; ,` and at line starts; strings are kept as they are.
    static func minifyCSS(_ css: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(css.utf8.count)
        let bytes = Array(css.utf8)
        var index = 0
        var pendingSpace = false
        let tight: Set<UInt8> = [UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: ">")]
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                index += 2
                while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) { index += 1 }
                index += 2
                continue
            }
            if byte == UInt8(ascii: "\""), let close = bytes[(index + 1)...].firstIndex(of: byte) {
                if pendingSpace, let last = output.last, !tight.contains(last) { output.append(32) }
                pendingSpace = false
                output.append(contentsOf: bytes[index...close])
                index = close + 1
                continue
            }
            if byte == 32 || byte == 10 || byte == 9 || byte == 13 {
                pendingSpace = true
                index += 1
                continue
            }
            if pendingSpace, let last = output.last, !tight.contains(last), !tight.contains(byte) { output.append(32) }
            pendingSpace = false
            if byte == UInt8(ascii: "}"), output.last == UInt8(ascii: ";") { output.removeLast() }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
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
