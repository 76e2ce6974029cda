/// Arithmetic on `/`-separated paths in plain Swift. Foundation's `NSString` path methods trap on
/// some short strings on Linux (a content file named `a.md` crashed the build), so the site builder
/// and the link checker use these instead.
public enum PathText {
    /// The path without its last component: `a/b` for `a/b/c`, `""` for `c`. Trailing slashes are ignored.
    public static func folder(of path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// The last component: `c` for `a/b/c` and for `a/b/c/`.
    public static func lastComponent(_ path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// The extension of the last component without its dot (`md` for `a/b.md`); `""` when it has
    /// none or the component only starts with a dot (`.gitignore`).
    public static func fileExtension(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// The path without the extension of its last component: `a/b` for `a/b.md`.
    public static func removingExtension(_ path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        let suffix = fileExtension(String(trimmed))
        guard !suffix.isEmpty else { return String(trimmed) }
        return String(trimmed.dropLast(suffix.count + 1))
    }

    private static func withoutTrailingSlashes(_ path: String) -> Substring {
        var trimmed = Substring(path)
        // More than one character, without counting them all.
        while !trimmed.dropFirst().isEmpty, trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed
    }
}
