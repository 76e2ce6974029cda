import Foundation

/// Where a build is, for a progress display: the phase and how many of its items are done. The
/// builder updates it from any thread; a display reads ``current`` now and then, and
/// `build --verbose` prints ``timings`` at the end.
public final class BuildProgress: @unchecked Sendable {
    /// A phase of the build and its count of items (`total` is 0 when it has none).
    public struct State: Sendable, Equatable {
        public var phase: String
        public var done: Int
        public var total: Int
    }

    /// How long one phase of the build took (wall time, on the thread that drives the build).
    public struct PhaseTime: Sendable, Equatable {
        public var phase: String
        public var seconds: Double
    }

    private let lock = NSLock()
    private var state = State(phase: "Starting", done: 0, total: 0)
    /// Each phase's name and start (uptime nanoseconds), in order; an empty name marks the end.
    private var starts: [(phase: String, nanoseconds: UInt64)] = []
    private let now: @Sendable () -> UInt64

    /// A progress record; `clock` gives monotonic nanoseconds (a test can pass its own).
    public init(clock: @escaping @Sendable () -> UInt64 = { DispatchTime.now().uptimeNanoseconds }) {
        now = clock
    }

    /// The phase now.
    public var current: State { lock.withLock { state } }

    /// Starts a phase of `total` items.
    func begin(_ phase: String, total: Int = 0) {
        let time = now()
        lock.withLock {
            state = State(phase: phase, done: 0, total: total)
            starts.append((phase, time))
        }
    }

    /// Counts items of the current phase as done.
    func advance(by count: Int = 1) {
        lock.withLock { state.done += count }
    }

    /// Marks the end of the last phase.
    func finish() {
        let time = now()
        lock.withLock { starts.append(("", time)) }
    }

    /// The time of each phase, in the order phases first ran; a phase run more than once (once
    /// per language) counts its runs together. The last phase runs until ``finish()`` (or until now).
    public var timings: [PhaseTime] {
        let (marks, end) = lock.withLock { (starts, now()) }
        var result: [PhaseTime] = []
        var positions: [String: Int] = [:]
        for (position, mark) in marks.enumerated() where !mark.phase.isEmpty {
            let next = position + 1 < marks.count ? marks[position + 1].nanoseconds : end
            let seconds = Double(next - mark.nanoseconds) / 1e9
            if let known = positions[mark.phase] {
                result[known].seconds += seconds
            } else {
                positions[mark.phase] = result.count
                result.append(PhaseTime(phase: mark.phase, seconds: seconds))
            }
        }
        return result
    }
}
