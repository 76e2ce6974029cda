import Foundation
import Site
import TextUtilities

/// Keeps the site built in memory, rebuilds what a change affects, and tells browsers what changed.
final class Rebuilder: Sendable {
    private let build: PreviewBuild
    let state = Locked(PreviewState())
    let hub: EventHub
    private let log: @Sendable (ServeMessage) -> Void
    private let shownWarnings = Locked<Set<Diagnostic>>([])
    /// Counts taken updates, so that a search index built for an older one is dropped.
    private let updates = Locked(0)
    /// Builds search indexes after the reload, one at a time.
    private let searchQueue = DispatchQueue(label: "collective.search-index")
    /// How long edits must pause before the search index is rebuilt.
    private let searchIndexDelay: Duration

    init(
        build: PreviewBuild, hub: EventHub, log: @escaping @Sendable (ServeMessage) -> Void,
        searchIndexDelay: Duration = .seconds(2)
    ) {
        self.build = build
        self.hub = hub
        self.log = log
        self.searchIndexDelay = searchIndexDelay
    }

    /// The first build: it is served even with errors (there is nothing older), unless it cannot build at all.
    func buildFirst() throws(Diagnostic) {
        let start = MonotonicClock.now
        let delta = try build.start()
        state.withLock { state in
            _ = state.snapshot.take(delta)
            state.errors = delta.errors
            state.generation = 1
        }
        for error in delta.errors { log(.diagnostic(error)) }
        reportWarnings(delta.warnings ?? [])
        log(.progress("Built \(delta.pageCount) pages and \(delta.listCount) list pages in \(milliseconds(since: start)) ms."))
    }

    /// Rebuilds after `changedSources` (paths relative to the site root) changed, and sends the
    /// event browsers need, if any. A build with errors leaves the served site as it was.
    @discardableResult
    func rebuild(after changedSources: [String]) -> ReloadEvent? {
        let start = MonotonicClock.now
        let delta = build.update(changed: changedSources)
        let errorsChanged = state.current.errors != delta.errors
        var event: ReloadEvent?
        var changed: [String] = []
        if delta.errors.isEmpty {
            changed = state.withLock { state in
                defer {
                    state.errors = []
                    state.generation += 1
                }
                return state.snapshot.take(delta)
            }
            event = ReloadEvent.after(
                changedOutputs: changed, changedSources: changedSources,
                errorsChanged: errorsChanged, pageKeys: delta.pageKeys)
            if let warnings = delta.warnings { reportWarnings(warnings) }
        } else {
            event = errorsChanged ? .reload(page: nil) : nil
            state.withLock { $0.errors = delta.errors }
            for error in delta.errors { log(.diagnostic(error)) }
        }
        let generation = updates.withLock { count in
            if delta.errors.isEmpty { count += 1 }
            return count
        }
        log(.progress(summary(changedSources, delta: delta, changedOutputs: changed.count, event: event, start: start)))
        if let event { hub.broadcast(event.message) }
        if delta.searchIndexIsStale { refreshSearchIndex(for: generation) }
        return event
    }

    /// Ends the build (its worker process, when there is one).
    func close() {
        build.close()
    }

    /// Builds the search index in the background once edits pause, and takes it if no newer
    /// update came meanwhile (on a large site it takes seconds of both cores: not between keystrokes).
    private func refreshSearchIndex(for generation: Int) {
        let delay = searchIndexDelay.components
        let milliseconds = Int(delay.seconds) * 1000 + Int(delay.attoseconds / 1_000_000_000_000_000)
        searchQueue.asyncAfter(deadline: .now() + .milliseconds(milliseconds)) { [self] in
            guard let delta = build.refreshSearchIndex(stillWanted: { [updates] in updates.current == generation }) else { return }
            state.withLock { _ = $0.snapshot.take(delta) }
            log(.progress("Search index updated (\(Plural.count(delta.changed.count, "file")) changed)."))
        }
    }

    private func summary(_ sources: [String], delta: BuildDelta, changedOutputs: Int, event: ReloadEvent?, start: UInt64) -> String {
        let what = sources.count == 1 ? sources[0] : "\(sources.count) files"
        let outcome =
            delta.errors.isEmpty
            ? "\(changedOutputs) output files changed (\(delta.scope.rawValue))"
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
    private func reportWarnings(_ list: [Diagnostic]) {
        let warnings = Set(list)
        let previous = shownWarnings.withLock { shown in
            defer { shown = warnings }
            return shown
        }
        for warning in list where !previous.contains(warning) { log(.diagnostic(warning)) }
    }

    private func milliseconds(since start: UInt64) -> Int {
        Int((MonotonicClock.now - start) / 1_000_000)
    }
}
