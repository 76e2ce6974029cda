import Foundation
import Site

/// What the server asks of its build worker, one request at a time.
enum WorkerRequest: Codable, Sendable {
    /// Build the site at `source` (the first request).
    case start(source: String, options: BuildOptions)
    /// Rebuild after these files (relative to the site root) changed.
    case update(changed: [String])
    /// Rebuild the search index of the current pages.
    case searchIndex
}

/// The head of a worker's answer: a ``BuildDelta`` without the bytes of its files, which follow
/// it on the channel in the order of `fileKeys`.
struct WorkerReplyHead: Codable, Sendable {
    var scope: SiteSession.Update.Scope
    var isWholeSite: Bool
    var changed: [String]
    var fileKeys: [String]
    /// Files served from disk: key → absolute path.
    var copies: [String: String]
    var errors: [Diagnostic]
    var warnings: [Diagnostic]?
    var searchIndexIsStale: Bool
    var pageKeys: [String: String]
    var pageCount: Int
    var listCount: Int
    /// Set when the first build could not build the site at all.
    var fatal: Diagnostic?

    init(_ delta: BuildDelta) {
        scope = delta.scope
        isWholeSite = delta.isWholeSite
        changed = delta.changed
        fileKeys = delta.files.keys.sorted()
        copies = delta.copies.mapValues(\.path)
        errors = delta.errors
        warnings = delta.warnings
        searchIndexIsStale = delta.searchIndexIsStale
        pageKeys = delta.pageKeys
        pageCount = delta.pageCount
        listCount = delta.listCount
    }

    /// The answer for a site that cannot be built.
    init(fatal: Diagnostic) {
        self.init(.failed([]))
        self.fatal = fatal
    }

    /// The delta this head describes, with the file bytes read after it.
    func delta(files: [String: Data]) -> BuildDelta {
        BuildDelta(
            scope: scope, isWholeSite: isWholeSite, changed: changed, files: files,
            copies: copies.mapValues { URL(fileURLWithPath: $0) }, errors: errors, warnings: warnings,
            searchIndexIsStale: searchIndexIsStale, pageKeys: pageKeys, pageCount: pageCount, listCount: listCount)
    }
}
