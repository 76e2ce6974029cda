/// Gathers a burst of file events into one batch: a batch is due when no event arrived for the
/// quiet period (editors write several times per save), or when the first event is `maximumDelay` old.
struct ChangeCoalescer {
    /// Nanoseconds without events before a batch is due.
    let quietPeriod: UInt64
    /// Nanoseconds after the first event when a batch is due even if events keep coming.
    let maximumDelay: UInt64
    private var pending = Set<String>()
    private var first: UInt64?
    private var last: UInt64 = 0

    init(quietPeriod: UInt64, maximumDelay: UInt64) {
        self.quietPeriod = quietPeriod
        self.maximumDelay = max(quietPeriod, maximumDelay)
    }

    var isEmpty: Bool { pending.isEmpty }

    /// Records changed paths seen at `time` (nanoseconds).
    mutating func add(_ paths: some Sequence<String>, at time: UInt64) {
        var added = false
        for path in paths {
            pending.insert(path)
            added = true
        }
        guard added else { return }
        if first == nil { first = time }
        last = time
    }

    /// When the pending batch is due, or nil when nothing is pending.
    var dueTime: UInt64? {
        guard let first, !pending.isEmpty else { return nil }
        return min(last + quietPeriod, first + maximumDelay)
    }

    /// The pending paths, sorted, if the batch is due at `time`; the coalescer is then empty.
    mutating func takeBatch(at time: UInt64) -> [String]? {
        guard let due = dueTime, time >= due else { return nil }
        defer {
            pending.removeAll()
            first = nil
            last = 0
        }
        return pending.sorted()
    }
}
