import Foundation
import Site

/// Builds in this process: fastest, but a crash in the builder ends the server too.
final class LocalBuild: PreviewBuild {
    private let builder: SiteBuilder
    private let session = Locked<SiteSession?>(nil)

    init(builder: SiteBuilder) {
        self.builder = builder
    }

    func start() throws(Diagnostic) -> BuildDelta {
        let built = try SiteSession(builder: builder)
        session.withLock { $0 = built }
        return .wholeSite(built.report)
    }

    func update(changed paths: [String]) -> BuildDelta {
        session.withLock { session in
            guard session != nil else { return .failed([]) }
            return Self.delta(session!.update(changed: paths), of: paths, in: session!)
        }
    }

    func refreshSearchIndex(stillWanted: @escaping @Sendable () -> Bool) -> BuildDelta? {
        guard stillWanted(), let job = session.withLock({ $0?.searchIndexJob() }) else { return nil }
        let index = job()
        return session.withLock { session in
            guard stillWanted(), session != nil else { return nil }
            let changed = session!.setSearchIndex(index)
            let (files, copies) = BuildDelta.changes(changed, in: session!.report)
            return BuildDelta(
                scope: .nothing, changed: changed, files: files, copies: copies,
                pageCount: session!.report.pageCount, listCount: session!.report.listCount)
        }
    }

    func close() {}

    /// The delta of a session's update: the changed files as the session's report now has them.
    static func delta(_ update: SiteSession.Update, of paths: [String], in session: SiteSession) -> BuildDelta {
        let report = session.report
        guard update.errors.isEmpty else { return .failed(update.errors) }
        let (files, copies) = BuildDelta.changes(update.changedFiles, in: report)
        var pageKeys: [String: String] = [:]
        for path in paths {
            if let page = session.pagePath(forSource: path) { pageKeys[path] = String(page.dropFirst()) + "index.html" }
        }
        return BuildDelta(
            scope: update.scope, changed: update.changedFiles, files: files, copies: copies,
            warnings: update.diagnosticsChanged ? report.warnings : nil,
            searchIndexIsStale: update.searchIndexIsStale, pageKeys: pageKeys,
            pageCount: report.pageCount, listCount: report.listCount)
    }
}
