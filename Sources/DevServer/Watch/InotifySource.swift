#if os(Linux)
    import Foundation
    import Glibc
    import Site

    /// Linux: one inotify watch per folder of the site's watched folders, plus the root for config files.
    final class InotifySource: ChangeSource {
        let name = "inotify"
        private let descriptor: Int32
        private let root: String
        /// Watch descriptor → folder relative to the root ("" for the root).
        private var folders: [Int32: String] = [:]

        private static let mask =
            UInt32(
                IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                    | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF) | UInt32(IN_EXCL_UNLINK)

        /// Nil when inotify is unavailable or the watch limit is reached (the caller then polls).
        init?(root: URL) {
            self.root = root.standardizedFileURL.path
            descriptor = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
            guard descriptor >= 0 else { return nil }
            guard addWatch("") else {
                Glibc.close(descriptor)
                return nil
            }
            for folder in IgnoreRules.watchedFolders where !addTree(folder) {
                Glibc.close(descriptor)
                return nil
            }
        }

        func waitForChanges(milliseconds: Int32) -> [String] {
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, milliseconds) > 0 else { return [] }
            var changed: [String] = []
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                changed += events(in: buffer[..<count])
            }
            return changed
        }

        func close() { Glibc.close(descriptor) }

        /// The paths named by the `inotify_event` records in `bytes`.
        private func events(in bytes: ArraySlice<UInt8>) -> [String] {
            var changed: [String] = []
            var offset = bytes.startIndex
            let headerSize = 16
            while offset + headerSize <= bytes.endIndex {
                let (watch, mask, length) = bytes.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let base = offset - bytes.startIndex
                    return (
                        raw.loadUnaligned(fromByteOffset: base, as: Int32.self),
                        raw.loadUnaligned(fromByteOffset: base + 4, as: UInt32.self),
                        Int(raw.loadUnaligned(fromByteOffset: base + 12, as: UInt32.self))
                    )
                }
                let nameStart = offset + headerSize
                guard nameStart + length <= bytes.endIndex else { break }
                let name = String(decoding: bytes[nameStart..<(nameStart + length)].prefix { $0 != 0 }, as: UTF8.self)
                offset = nameStart + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    changed += IgnoreRules.watchedFolders + SiteConfig.fileNames
                    continue
                }
                if mask & UInt32(IN_IGNORED) != 0 {
                    folders[watch] = nil
                    continue
                }
                guard let folder = folders[watch], !name.isEmpty else { continue }
                let path = folder.isEmpty ? name : folder + "/" + name
                let isFolder = mask & UInt32(IN_ISDIR) != 0
                if isFolder, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, IgnoreRules.matters(path) {
                    _ = addTree(path)
                }
                changed.append(path)
            }
            return changed
        }

        /// Watches `folder` and every folder below it (hidden ones skipped); false when the system
        /// refuses a watch for lack of resources.
        private func addTree(_ folder: String) -> Bool {
            let url = URL(fileURLWithPath: root).appendingPathComponent(folder)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { return true }
            guard addWatch(folder) else { return false }
            guard
                let enumerator = FileManager.default.enumerator(
                    at: url, includingPropertiesForKeys: [.isDirectoryKey],
                    options: [.skipsHiddenFiles])
            else { return true }
            let rootLength = root.count + 1
            for case let child as URL in enumerator where (try? child.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                guard addWatch(String(child.standardizedFileURL.path.dropFirst(rootLength))) else { return false }
            }
            return true
        }

        private func addWatch(_ folder: String) -> Bool {
            let path = folder.isEmpty ? root : root + "/" + folder
            let watch = inotify_add_watch(descriptor, path, Self.mask)
            if watch < 0 { return errno != ENOSPC && errno != ENOMEM }
            folders[watch] = folder
            return true
        }
    }
#endif
