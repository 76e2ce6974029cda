import Foundation

extension SiteConfig {
    /// The folders of the site's Hugo themes, relative to the site root (`themes/PaperMod`), in the
    /// order Hugo looks in them: `theme` in the config (a name or a list), then the paths of
    /// `[[module.imports]]`, each under `themesDir` (as Hugo resolves an import with no Go module).
    /// Only folders that exist; names with `..` are ignored.
    func themeFolders(siteRoot: URL) -> [String] {
        let themesDir = raw.valueIgnoringCase("themesDir")?.string ?? "themes"
        var names: [String]
        switch raw.valueIgnoringCase("theme") {
        case .string(let name)?: names = [name]
        case .array(let list)?: names = list.compactMap(\.string)
        default: names = []
        }
        if case .table(let module)? = raw.valueIgnoringCase("module"), case .array(let imports)? = module.valueIgnoringCase("imports") {
            let paths = imports.compactMap { entry -> String? in
                guard case .table(let fields) = entry else { return nil }
                return fields.valueIgnoringCase("path")?.string
            }
            names += paths.filter { !names.contains($0) }
        }
        return names.filter { !$0.isEmpty && !$0.contains("..") }.map { themesDir + "/" + $0 }.filter { folder in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: siteRoot.appendingPathComponent(folder).path, isDirectory: &isFolder) && isFolder.boolValue
        }
    }
}
