import Foundation

/// Where a build is, for a progress display: the phase and how many of its items are done. The
/// builder updates it from any thread; a display reads ``current`` now and then.
public final class BuildProgress: @unchecked Sendable {
    /// A phase of the build and its count of items (`total` is 0 when it has none).
    public struct State: Sendable, Equatable {
        public var phase: String
        public var done: Int
        public var total: Int
    }

    private let lock = NSLock()
    private var state = State(phase: "Starting", done: 0, total: 0)

    public init() {}

    /// The phase now.
    public var current: State { lock.withLock { state } }

    /// Starts a phase of `total` items.
    func begin(_ phase: String, total: Int = 0) {
        lock.withLock { state = State(phase: phase, done: 0, total: total) }
    }

    /// Counts items of the current phase as done.
    func advance(by count: Int = 1) {
        lock.withLock { state.done += count }
    }
}
