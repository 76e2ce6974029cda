import Foundation
import TextUtilities
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a build left in its output folder: each file's size, time, inode and content hash. The
/// next build trusts a file whose size, time and inode are unchanged to still hold those bytes,
/// reads it back for pages it need not render again, and writes only files whose bytes differ.
struct OutputManifest: Sendable {
    /// Output path relative to the folder → what the file is.
    var files: [String: SourceSnapshot.Entry] = [:]

    /// The file at `path` (relative) if it is still what the manifest says: nil when it was
    /// removed, replaced or edited since.
    func intactEntry(_ path: String, in folder: String) -> SourceSnapshot.Entry? {
        guard let entry = files[path], let now = Self.fileStat(folder + "/" + path), Self.same(now, entry) else { return nil }
        return entry
    }

    /// True when `info` (the status of a file open) says it is still the file `entry` recorded.
    static func isIntact(_ recorded: SourceSnapshot.Entry, _ info: stat) -> Bool {
        guard let now = entry(info) else { return false }
        return same(now, recorded)
    }

    /// The same size, time and inode (the hash is not compared: a status has none).
    private static func same(_ now: SourceSnapshot.Entry, _ entry: SourceSnapshot.Entry) -> Bool {
        now.size == entry.size && now.modified == entry.modified && now.inode == entry.inode
    }

    /// Size, time and inode of a file (its hash left empty); nil when it is not a regular file.
    static func fileStat(_ path: String) -> SourceSnapshot.Entry? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return entry(info)
    }

    /// Size, time and inode from a file's status (its hash left empty); nil when it is not a regular file.
    private static func entry(_ info: stat) -> SourceSnapshot.Entry? {
        guard info.st_mode & S_IFMT == S_IFREG else { return nil }
        #if canImport(Darwin)
            let modified = Int(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int(info.st_mtimespec.tv_nsec)
        #else
            let modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        #endif
        return SourceSnapshot.Entry(size: Int(info.st_size), modified: modified, inode: Int(info.st_ino), hash: ContentHash(high: 0, low: 0))
    }

    /// The manifest of `folder` after a build wrote `hashes` (output path → hash of its bytes).
    static func recording(_ hashes: [String: ContentHash], in folder: String) -> OutputManifest {
        let entries = Array(hashes).concurrentMap { path, hash -> (String, SourceSnapshot.Entry)? in
            guard var entry = fileStat(folder + "/" + path) else { return nil }
            entry.hash = hash
            return (path, entry)
        }
        return OutputManifest(files: Dictionary(entries.compactMap { $0 }, uniquingKeysWith: { a, _ in a }))
    }
}
