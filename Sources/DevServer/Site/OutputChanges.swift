import Foundation

/// Which output files a rebuild changed, found by comparing bytes with the previous build.
enum OutputChanges {
    /// Keys added, removed or changed between two snapshots. Files served from disk count as
    /// changed when their source (relative to `siteRoot`) is among `changedSources`.
    static func between(_ old: SiteSnapshot, _ new: SiteSnapshot, changedSources: [String], siteRoot: URL) -> [String] {
        var changed = Set<String>()
        for (key, data) in new.files where old.files[key] != data { changed.insert(key) }
        for key in old.files.keys where new.files[key] == nil { changed.insert(key) }
        for key in old.copies.keys where new.copies[key] == nil { changed.insert(key) }
        let rootPath = siteRoot.standardizedFileURL.path
        let sources = Set(changedSources.map { rootPath + "/" + $0 })
        for (key, url) in new.copies where old.copies[key] == nil || sources.contains(url.standardizedFileURL.path) {
            changed.insert(key)
        }
        return changed.sorted()
    }
}
