import Site

/// Which changed paths can affect the site, and which are editor noise.
enum IgnoreRules {
    /// The folders of a site whose files are watched (recursively).
    static let watchedFolders = ["content", "layouts", "static", "data", "assets", "i18n", "themes", "config"]

    /// Whether a change at `path` (relative to the site root) should trigger a rebuild: files in the
    /// watched folders or a config file at the root, except editor swap, backup and temporary files.
    static func matters(_ path: String) -> Bool {
        let segments = path.split(separator: "/")
        guard let first = segments.first, let name = segments.last else { return false }
        if segments.count == 1 {
            guard SiteConfig.fileNames.contains(String(first)) || watchedFolders.contains(String(first)) else { return false }
        } else if !watchedFolders.contains(String(first)) {
            return false
        }
        return !segments.contains { isEditorNoise(String($0)) } && !isEditorNoise(String(name))
    }

    /// Hidden files (`.DS_Store`, vim's `.a.md.swp`, emacs' `.#a.md`), backups (`a.md~`, `#a.md#`),
    /// vim's write test file `4913`, and other editors' temporary files.
    static func isEditorNoise(_ name: String) -> Bool {
        if name.hasPrefix(".") || name.hasSuffix("~") { return true }
        if name.count > 1, name.hasPrefix("#"), name.hasSuffix("#") { return true }
        if name == "4913" { return true }
        for suffix in [".swp", ".swo", ".swx", ".tmp", ".bak", ".crdownload", "___jb_tmp___", "___jb_old___"] where name.hasSuffix(suffix) {
            return true
        }
        return false
    }
}
