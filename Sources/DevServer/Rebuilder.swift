import Foundation
import Site

/// Builds the site in memory, keeps the last good build and tells browsers what changed.
final class Rebuilder: Sendable {
    private let builder: SiteBuilder
    private let siteRoot: URL
    let state = Locked(PreviewState())
    let hub: EventHub
    private let log: @Sendable (String) -> Void
    private let shownWarnings = Locked<[Diagnostic]>([])

    init(builder: SiteBuilder, hub: EventHub, log: @escaping @Sendable (String) -> Void) {
        self.builder = builder
        siteRoot = builder.source
        self.hub = hub
        self.log = log
    }

    /// The first build: it is served even with errors (there is nothing older), unless it cannot build at all.
    func buildFirst() throws(Diagnostic) {
        let start = MonotonicClock.now
        let report = try builder.build(write: false)
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
        let report: BuildReport?
        let errors: [Diagnostic]
        do {
            let built = try builder.build(write: false)
            report = built
            errors = built.errors
        } catch {
            report = nil
            errors = [error]
        }
        let old = state.current
        let errorsChanged = old.errors != errors
        var event: ReloadEvent?
        var changed: [String] = []
        if let report, errors.isEmpty {
            let snapshot = SiteSnapshot(report: report, previous: old.snapshot)
            changed = OutputChanges.between(old.snapshot, snapshot, changedSources: changedSources, siteRoot: siteRoot)
            event = ReloadEvent.after(changedOutputs: changed, changedSources: changedSources, errorsChanged: errorsChanged)
            state.withLock { state in
                state.snapshot = snapshot
                state.errors = []
                state.generation += 1
            }
            reportWarnings(report)
        } else {
            event = errorsChanged ? .reload(page: nil) : nil
            state.withLock { $0.errors = errors }
            errors.forEach { log($0.description) }
        }
        log(summary(changedSources, outputs: changed.count, failed: !errors.isEmpty, event: event, start: start))
        if let event { hub.broadcast(event.message) }
        return event
    }

    private func summary(_ sources: [String], outputs: Int, failed: Bool, event: ReloadEvent?, start: UInt64) -> String {
        let what = sources.count == 1 ? sources[0] : "\(sources.count) files"
        let outcome = failed ? "build failed, still serving the last good site" : "\(outputs) output files changed"
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
        let warnings = report.warnings
        let previous = shownWarnings.withLock { shown in
            defer { shown = warnings }
            return shown
        }
        for warning in warnings where !previous.contains(warning) { log(warning.description) }
    }

    private func milliseconds(since start: UInt64) -> Int {
        Int((MonotonicClock.now - start) / 1_000_000)
    }
}
