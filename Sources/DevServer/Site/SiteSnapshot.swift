import Foundation
import Site

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

    /// The snapshot of a new build; files whose bytes did not change keep their old date.
    init(report: BuildReport, previous: SiteSnapshot, now: Date = Date()) {
        files = report.files
        copies = report.copies
        for (key, data) in report.files {
            if let old = previous.files[key], old == data, let date = previous.modified[key] {
                modified[key] = date
            } else {
                modified[key] = now
            }
        }
    }

    init() {}

    /// Takes the files at `keys` from a newer build of which only they changed.
    mutating func apply(_ keys: [String], from report: BuildReport, now: Date = Date()) {
        for key in keys {
            files[key] = report.files[key]
            copies[key] = report.copies[key]
            modified[key] = report.files[key] == nil ? nil : now
        }
    }
}
