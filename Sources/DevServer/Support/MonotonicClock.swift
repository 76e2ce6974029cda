import Dispatch

/// Nanoseconds on a clock that never jumps back, for timeouts and quiet periods.
enum MonotonicClock {
    static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// A duration in whole nanoseconds (negative durations count as zero).
    static func nanoseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        return UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
    }

    /// Milliseconds from `now` until `deadline`, at least 0 and at most `cap`.
    static func milliseconds(until deadline: UInt64, cap: Int32) -> Int32 {
        let current = now
        guard deadline > current else { return 0 }
        let milliseconds = (deadline - current + 999_999) / 1_000_000
        return Int32(min(UInt64(cap), milliseconds))
    }
}
