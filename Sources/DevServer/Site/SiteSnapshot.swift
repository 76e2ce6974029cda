import Foundation

/// One good build of the site, held in memory and served from there.
struct SiteSnapshot: Sendable {
    /// Generated files by key (`posts/a/index.html`).
    var files: [String: Data] = [:]
    /// Files served from disk (static files, bundle resources) by key.
    var copies: [String: URL] = [:]
    /// When each generated file last changed, for `Last-Modified`.
    var modified: [String: Date] = [:]

    /// True when the key names a file of the site.
    func contains(_ key: String) -> Bool { files[key] != nil || copies[key] != nil }

    init() {}

    /// Takes a build's changes and returns the keys whose bytes changed. A whole site replaces
    /// the snapshot, and files whose bytes did not change keep their date.
    mutating func take(_ delta: BuildDelta, now: Date = Date()) -> [String] {
        guard delta.isWholeSite else {
            for key in delta.changed {
                files[key] = delta.files[key]
                copies[key] = delta.copies[key]
                modified[key] = delta.files[key] == nil ? nil : now
            }
            return delta.changed
        }
        let previous = self
        self = SiteSnapshot()
        files = delta.files
        copies = delta.copies
        var changed: [String] = []
        for (key, data) in delta.files {
            if previous.files[key] == data, let date = previous.modified[key] {
                modified[key] = date
            } else {
                modified[key] = now
                changed.append(key)
            }
        }
        for (key, url) in delta.copies where previous.copies[key] != url { changed.append(key) }
        for key in previous.files.keys where files[key] == nil { changed.append(key) }
        for key in previous.copies.keys where copies[key] == nil { changed.append(key) }
        return changed.sorted()
    }
}
