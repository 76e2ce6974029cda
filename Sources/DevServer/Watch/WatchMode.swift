/// How the dev server learns that files changed.
public enum WatchMode: Sendable, Equatable {
    /// The system's notifications (inotify on Linux, FSEvents on macOS), polling where there are none.
    case automatic
    /// Compare modification times and sizes every `interval` (for network or container file systems).
    case polling(interval: Duration)
}
