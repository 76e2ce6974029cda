#if canImport(CoreServices)
    import CoreServices
    import Foundation

    /// macOS: one FSEvents stream over the site root, with per-file events.
    final class FSEventsSource: ChangeSource {
        let name = "FSEvents"
        private let inbox: Inbox
        private let stream: FSEventStreamRef
        private let queue = DispatchQueue(label: "collective.serve.fsevents")

        /// Paths the stream delivered and not yet taken, shared with the stream's callback.
        private final class Inbox: @unchecked Sendable {
            let rootPath: String
            private let condition = NSCondition()
            private var paths: [String] = []

            init(rootPath: String) { self.rootPath = rootPath }

            func receive(_ absolutePaths: [String]) {
                condition.lock()
                for path in absolutePaths where path.hasPrefix(rootPath + "/") {
                    paths.append(String(path.dropFirst(rootPath.count + 1)))
                }
                condition.signal()
                condition.unlock()
            }

            func take(waitingUpTo milliseconds: Int32) -> [String] {
                condition.lock()
                defer { condition.unlock() }
                if paths.isEmpty { _ = condition.wait(until: Date(timeIntervalSinceNow: Double(milliseconds) / 1000)) }
                defer { paths.removeAll() }
                return paths
            }
        }

        /// Nil when the stream cannot be created or started (the caller then polls).
        init?(root: URL) {
            // FSEvents reports resolved paths (/private/var/..., not /var/...).
            let rootPath = root.resolvingSymlinksInPath().standardizedFileURL.path
            inbox = Inbox(rootPath: rootPath)
            var context = FSEventStreamContext(
                version: 0, info: Unmanaged.passUnretained(inbox).toOpaque(),
                retain: nil, release: nil, copyDescription: nil)
            let callback: FSEventStreamCallback = { _, info, count, paths, _, _ in
                guard let info else { return }
                let inbox = Unmanaged<Inbox>.fromOpaque(info).takeUnretainedValue()
                let list = paths.assumingMemoryBound(to: UnsafePointer<CChar>.self)
                inbox.receive((0..<count).map { String(cString: list[$0]) })
            }
            let flags = FSEventStreamCreateFlags(kFSEventStreamCreateFlagFileEvents | kFSEventStreamCreateFlagNoDefer)
            guard
                let stream = FSEventStreamCreate(
                    kCFAllocatorDefault, callback, &context, [rootPath] as CFArray,
                    FSEventStreamEventId(kFSEventStreamEventIdSinceNow), 0.01, flags)
            else { return nil }
            self.stream = stream
            FSEventStreamSetDispatchQueue(stream, queue)
            guard FSEventStreamStart(stream) else {
                FSEventStreamInvalidate(stream)
                FSEventStreamRelease(stream)
                return nil
            }
        }

        func waitForChanges(milliseconds: Int32) -> [String] {
            inbox.take(waitingUpTo: milliseconds)
        }

        func close() {
            FSEventStreamStop(stream)
            FSEventStreamInvalidate(stream)
            FSEventStreamRelease(stream)
        }
    }
#endif
