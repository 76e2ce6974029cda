import Foundation
import Site

/// What one build changed in the files the server shows.
struct BuildDelta: Sendable {
    /// How much was rebuilt.
    var scope: SiteSession.Update.Scope
    /// True when `files` and `copies` are the whole site (a first build), not only what changed.
    var isWholeSite = false
    /// Output keys (`posts/a/index.html`) whose bytes changed, were added or went away; empty for a
    /// whole site, whose changes the served snapshot works out by comparing.
    var changed: [String] = []
    /// Generated files among `changed` (all of them for a whole site), by key.
    var files: [String: Data] = [:]
    /// Files served from disk among `changed`, by key.
    var copies: [String: URL] = [:]
    /// Errors that kept the build from being taken; the served site stays as it was.
    var errors: [Diagnostic] = []
    /// The build's warnings, when they are not the previous build's.
    var warnings: [Diagnostic]?
    /// The search index is out of date.
    var searchIndexIsStale = false
    /// The output key of the page each changed content file became.
    var pageKeys: [String: String] = [:]
    var pageCount = 0
    var listCount = 0

    /// A failed build: nothing changes.
    static func failed(_ errors: [Diagnostic]) -> BuildDelta {
        BuildDelta(scope: .nothing, errors: errors)
    }

    /// The whole site of a report.
    static func wholeSite(_ report: BuildReport) -> BuildDelta {
        BuildDelta(
            scope: .site, isWholeSite: true,
            files: report.files, copies: report.copies, errors: report.errors, warnings: report.warnings,
            pageCount: report.pageCount, listCount: report.listCount)
    }

    /// The files at `keys` as `report` has them now (keys it no longer has went away).
    static func changes(_ keys: [String], in report: BuildReport) -> (files: [String: Data], copies: [String: URL]) {
        var files: [String: Data] = [:]
        var copies: [String: URL] = [:]
        for key in keys {
            if let data = report.files[key] { files[key] = data }
            if let url = report.copies[key] { copies[key] = url }
        }
        return (files, copies)
    }
}

/// Builds the site for the preview server: in this process, or in a worker process so that a
/// crashing build cannot take the server down with it.
protocol PreviewBuild: AnyObject, Sendable {
    /// The first build. Throws when the site cannot be built at all.
    func start() throws(Diagnostic) -> BuildDelta
    /// Rebuilds after the files at `paths` (relative to the site root) changed.
    func update(changed paths: [String]) -> BuildDelta
    /// Rebuilds the search index of the current pages; nil when `stillWanted` turned false
    /// before the result could be taken (a newer edit came).
    func refreshSearchIndex(stillWanted: @escaping @Sendable () -> Bool) -> BuildDelta?
    /// Ends what the build holds (a worker process).
    func close()
}
