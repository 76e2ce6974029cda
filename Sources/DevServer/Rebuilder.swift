import Foundation
import Site

/// Keeps the site built in memory, rebuilds what a change affects, and tells browsers what changed.
final class Rebuilder: Sendable {
    private let builder: SiteBuilder
    private let siteRoot: URL
    let state = Locked(PreviewState())
    let hub: EventHub
    private let log: @Sendable (String) -> Void
    private let shownWarnings = Locked<Set<Diagnostic>>([])
    private let session = Locked<SiteSession?>(nil)
    /// Counts taken updates, so that a search index built for an older one is dropped.
    private let updates = Locked(0)
    /// Builds search indexes after the reload, one at a time.
    private let searchQueue = DispatchQueue(label: "collective.search-index")
    /// How long edits must pause before the search index is rebuilt.
    static let searchIndexDelay = Duration.seconds(2)

    init(builder: SiteBuilder, hub: EventHub, log: @escaping @Sendable (String) -> Void) {
        self.builder = builder
        siteRoot = builder.source
        self.hub = hub
        self.log = log
    }

    /// The first build: it is served even with errors (there is nothing older), unless it cannot build at all.
    func buildFirst() throws(Diagnostic) {
        let start = MonotonicClock.now
        let built = try SiteSession(builder: builder)
        let report = built.report
        session.withLock { $0 = built }
        state.withLock { state in
            state.snapshot = SiteSnapshot(report: report, previous: SiteSnapshot())
            state.errors = report.errors
            state.generation = 1
        }
        report.errors.forEach { log($0.description) }
        reportWarnings(report)
        log("Built \(report.pageCount) pages and \(report.listCount) list pages in \(milliseconds(since: start)) ms.")
    }

    /// Rebuilds after `changedSources` (paths relative to the site root) changed, and sends the
    /// event browsers need, if any. A build with errors leaves the served site as it was.
    @discardableResult
    func rebuild(after changedSources: [String]) -> ReloadEvent? {
        let start = MonotonicClock.now
        let outcome = session.withLock { session -> (SiteSession.Update, BuildReport, [String: String])? in
            guard session != nil else { return nil }
            let update = session!.update(changed: changedSources)
            var keys: [String: String] = [:]
            for source in changedSources {
                if let path = session!.pagePath(forSource: source) { keys[source] = String(path.dropFirst()) + "index.html" }
            }
            return (update, session!.report, keys)
        }
        guard let (update, report, pageKeys) = outcome else { return nil }
        let errorsChanged = state.current.errors != update.errors
        var event: ReloadEvent?
        if update.errors.isEmpty {
            event = ReloadEvent.after(changedOutputs: update.changedFiles, changedSources: changedSources,
                                      errorsChanged: errorsChanged, pageKeys: pageKeys)
            state.withLock { state in
                if update.scope == .site {
                    state.snapshot = SiteSnapshot(report: report, previous: state.snapshot)
                } else {
                    state.snapshot.apply(update.changedFiles, from: report)
                }
                state.errors = []
                state.generation += 1
            }
            if update.diagnosticsChanged { reportWarnings(report) }
        } else {
            event = errorsChanged ? .reload(page: nil) : nil
            state.withLock { $0.errors = update.errors }
            update.errors.forEach { log($0.description) }
        }
        let generation = updates.withLock { count in
            if update.errors.isEmpty { count += 1 }
            return count
        }
        log(summary(changedSources, update: update, event: event, start: start))
        if let event { hub.broadcast(event.message) }
        if update.searchIndexIsStale { refreshSearchIndex(for: generation) }
        return event
    }

    /// Builds the search index in the background once edits pause, and takes it if no newer
    /// update came meanwhile (on a large site it takes seconds of both cores: not between keystrokes).
    private func refreshSearchIndex(for generation: Int) {
        searchQueue.asyncAfter(deadline: .now() + .milliseconds(Int(Self.searchIndexDelay.components.seconds * 1000))) { [self] in
            guard updates.current == generation, let job = session.withLock({ $0?.searchIndexJob() }) else { return }
            let index = job()
            session.withLock { session in
                guard updates.current == generation, session != nil else { return }
                let changed = session!.setSearchIndex(index)
                let report = session!.report
                state.withLock { $0.snapshot.apply(changed, from: report) }
            }
        }
    }

    private func summary(_ sources: [String], update: SiteSession.Update, event: ReloadEvent?, start: UInt64) -> String {
        let what = sources.count == 1 ? sources[0] : "\(sources.count) files"
        let outcome = update.errors.isEmpty
            ? "\(update.changedFiles.count) output files changed (\(update.scope.rawValue))"
            : "build failed, still serving the last good site"
        let sent: String
        switch event {
        case .reload(let page?): sent = "; opening \(page)"
        case .reload(nil): sent = "; reloading"
        case .css: sent = "; swapping stylesheets"
        case nil: sent = ""
        }
        return "Change in \(what): rebuilt in \(milliseconds(since: start)) ms, \(outcome)\(sent)."
    }

    /// Prints warnings that were not printed after the previous build.
    private func reportWarnings(_ report: BuildReport) {
        let warnings = Set(report.warnings)
        let previous = shownWarnings.withLock { shown in
            defer { shown = warnings }
            return shown
        }
        for warning in report.warnings where !previous.contains(warning) { log(warning.description) }
    }

    private func milliseconds(since start: UInt64) -> Int {
        Int((MonotonicClock.now - start) / 1_000_000)
    }
}
