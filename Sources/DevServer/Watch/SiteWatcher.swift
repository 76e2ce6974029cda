import Foundation

/// Watches a site folder on its own thread and hands over coalesced batches of changed paths.
final class SiteWatcher: Sendable {
    private let stopRequested = Locked(false)
    private let finished = DispatchSemaphore(value: 0)
    /// The mechanism in use (`inotify`, `FSEvents`, `polling`).
    let mechanism: String

    /// Starts watching `root`; returns once the watches are in place. `onBatch` runs on the
    /// watching thread, so changes arriving meanwhile form the next batch.
    init(root: URL, mode: WatchMode, quietPeriod: Duration, onBatch: @escaping @Sendable ([String]) -> Void) {
        let ready = DispatchSemaphore(value: 0)
        let chosen = Locked("")
        let stopRequested = stopRequested
        let finished = finished
        let thread = Thread {
            let source = Self.makeSource(root: root, mode: mode)
            chosen.withLock { $0 = source.name }
            ready.signal()
            let quiet = MonotonicClock.nanoseconds(quietPeriod)
            var coalescer = ChangeCoalescer(quietPeriod: quiet, maximumDelay: max(quiet * 10, 500_000_000))
            while !stopRequested.current {
                let timeout = coalescer.dueTime.map { MonotonicClock.milliseconds(until: $0, cap: 250) } ?? 250
                let paths = source.waitForChanges(milliseconds: timeout).filter(IgnoreRules.matters)
                coalescer.add(paths, at: MonotonicClock.now)
                if let batch = coalescer.takeBatch(at: MonotonicClock.now) { onBatch(batch) }
            }
            source.close()
            finished.signal()
        }
        thread.name = "collective.serve.watch"
        thread.start()
        ready.wait()
        mechanism = chosen.current
    }

    /// Stops watching and waits for the watching thread to end.
    func stop() {
        let first = stopRequested.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        if first { finished.wait() }
    }

    private static func makeSource(root: URL, mode: WatchMode) -> ChangeSource {
        if case .polling(let interval) = mode { return PollingSource(root: root, interval: interval) }
        #if os(Linux)
            if let source = InotifySource(root: root) { return source }
        #elseif canImport(CoreServices)
            if let source = FSEventsSource(root: root) { return source }
        #endif
        return PollingSource(root: root, interval: .milliseconds(300))
    }
}
