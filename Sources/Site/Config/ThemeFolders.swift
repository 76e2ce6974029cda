import Foundation

extension SiteConfig {
    /// The folders of the site's Hugo themes, relative to the site root (`themes/PaperMod`), in the
    /// order Hugo looks in them: `theme` in the config (a name or a list) under `themesDir`.
    /// Only folders that exist; names with `..` are ignored.
    func themeFolders(siteRoot: URL) -> [String] {
        let themesDir = raw.valueIgnoringCase("themesDir")?.string ?? "themes"
        let names: [String]
        switch raw.valueIgnoringCase("theme") {
        case .string(let name)?: names = [name]
        case .array(let list)?: names = list.compactMap(\.string)
        default: names = []
        }
        return names.filter { !$0.isEmpty && !$0.contains("..") }.map { themesDir + "/" + $0 }.filter { folder in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: siteRoot.appendingPathComponent(folder).path, isDirectory: &isFolder) && isFolder.boolValue
        }
    }
}
