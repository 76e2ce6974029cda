/// One way of learning which files of a site changed (inotify, FSEvents, polling).
/// A source is created, used and closed on the watching thread only.
protocol ChangeSource: AnyObject {
    /// A short name for messages (`inotify`).
    var name: String { get }
    /// Waits at most `milliseconds` for changes; returns the changed paths, relative to the site
    /// root (possibly none). Folders created or overflowed events come back as folder paths.
    func waitForChanges(milliseconds: Int32) -> [String]
    func close()
}
