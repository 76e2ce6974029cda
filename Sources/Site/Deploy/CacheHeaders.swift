/// Long cache lifetimes for the theme's fingerprinted files (their names change when their content does).
public enum CacheHeaders {
    /// The `Cache-Control` value for a file whose name carries a hash of its content.
    public static let immutable = "public, max-age=31536000, immutable"

    /// Site-relative patterns of the fingerprinted files (`/assets/style.*.css`).
    public static var patterns: [String] { ThemeAssets.fingerprintedPatterns }

    /// `[[headers]]` tables for `netlify.toml`.
    static var netlifyRules: String {
        patterns.map {
            "[[headers]]\n  for = \(DeployText.tomlQuoted($0))\n  [headers.values]\n    Cache-Control = \(DeployText.tomlQuoted(immutable))\n"
        }
        .joined(separator: "\n")
    }

    /// The rules in the `_headers` file format Cloudflare Pages (and Netlify) read from the output folder.
    public static var headersFile: String {
        patterns.map { "\($0)\n  Cache-Control: \(immutable)\n" }.joined()
    }
}
