import Foundation
import Site

/// Finds changes by listing the watched files and comparing modification dates and sizes.
final class PollingSource: ChangeSource {
    let name = "polling"
    private let root: URL
    private let interval: UInt64
    private var known: [String: Stamp]
    private var nextScan: UInt64

    private struct Stamp: Equatable {
        var modified: Date?
        var size: Int?
    }

    init(root: URL, interval: Duration) {
        self.root = root.standardizedFileURL
        self.interval = MonotonicClock.nanoseconds(interval)
        known = [:]
        nextScan = 0
        known = scan()
        nextScan = MonotonicClock.now + self.interval
    }

    func waitForChanges(milliseconds: Int32) -> [String] {
        let wait = MonotonicClock.milliseconds(until: nextScan, cap: milliseconds)
        if wait > 0 { usleep(UInt32(wait) * 1000) }
        guard MonotonicClock.now >= nextScan else { return [] }
        let current = scan()
        nextScan = MonotonicClock.now + interval
        var changed: [String] = []
        for (path, stamp) in current where known[path] != stamp { changed.append(path) }
        for path in known.keys where current[path] == nil { changed.append(path) }
        known = current
        return changed.sorted()
    }

    func close() {}

    /// Every watched file with its stamp.
    private func scan() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        for name in SiteConfig.fileNames {
            let url = root.appendingPathComponent(name)
            if let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true {
                stamps[name] = Stamp(modified: values.contentModificationDate, size: values.fileSize)
            }
        }
        let rootLength = root.path.count + 1
        for folder in IgnoreRules.watchedFolders {
            let folderURL = root.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(at: folderURL, includingPropertiesForKeys: keys) else { continue }
            for case let url as URL in files {
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                let path = String(url.standardizedFileURL.path.dropFirst(rootLength))
                stamps[path] = Stamp(modified: values.contentModificationDate, size: values.fileSize)
            }
        }
        return stamps
    }
}
