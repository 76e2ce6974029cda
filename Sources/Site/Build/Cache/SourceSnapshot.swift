import Foundation
import TextUtilities
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every file of a site folder as one build found it: size, modification time, inode and content
/// hash, by path relative to the site root. A file whose size, time and inode are those of the
/// previous snapshot keeps its hash without being read (as git's index does), unless it was
/// modified within ``racyWindow`` of that snapshot, when an edit could hide behind the clock's
/// granularity; every other file is read and hashed.
struct SourceSnapshot: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var size: Int
        /// Modification time in nanoseconds since 1970.
        var modified: Int
        var inode: Int
        var hash: ContentHash
    }

    /// Site-root-relative path → what the file was.
    var files: [String: Entry]
    /// When the files were looked at, in nanoseconds since 1970.
    var takenAt: Int

    /// Nanoseconds before a snapshot within which a file's time does not prove it unchanged.
    static let racyWindow = 2_000_000_000

    /// Looks at every file under `root` except hidden ones (`.git`, the cache) and the folders of
    /// `excluded` (absolute paths, such as an output folder inside the site). Folders reached
    /// through symbolic links are followed once.
    static func take(root: String, excluding excluded: Set<String>, previous: SourceSnapshot?) -> SourceSnapshot {
        let takenAt = now()
        var found: [(String, Entry)] = []
        var visited = Set<[Int]>()
        collect(folder: root, relative: "", excluded: excluded, visited: &visited, into: &found)
        let reusable = previous.map { $0.takenAt - racyWindow } ?? Int.min
        let entries = found.concurrentMap { path, stat -> (String, Entry)? in
            if let old = previous?.files[path], old.size == stat.size, old.modified == stat.modified, old.inode == stat.inode,
                old.modified < reusable
            {
                return (path, old)
            }
            guard let data = FileManager.default.contents(atPath: root + "/" + path) else { return nil }
            var entry = stat
            entry.hash = ContentHash(data)
            return (path, entry)
        }
        return SourceSnapshot(files: Dictionary(entries.compactMap { $0 }, uniquingKeysWith: { first, _ in first }), takenAt: takenAt)
    }

    /// The paths whose bytes differ between `self` and `other`, or that only one of them has.
    func changedPaths(since other: SourceSnapshot) -> Set<String> {
        var changed = Set<String>()
        for (path, entry) in files where other.files[path]?.hash != entry.hash { changed.insert(path) }
        for path in other.files.keys where files[path] == nil { changed.insert(path) }
        return changed
    }

    private static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }

    private static func collect(
        folder: String, relative: String, excluded: Set<String>, visited: inout Set<[Int]>,
        into found: inout [(String, Entry)]
    ) {
        var info = stat()
        guard stat(folder, &info) == 0, visited.insert([Int(info.st_dev), Int(info.st_ino)]).inserted,
            let directory = opendir(folder)
        else { return }
        defer { closedir(directory) }
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard !name.hasPrefix(".") else { continue }
            let path = folder + "/" + name
            guard !excluded.contains(path), stat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                folders.append(name)
            case S_IFREG:
                #if canImport(Darwin)
                    let modified = Int(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int(info.st_mtimespec.tv_nsec)
                #else
                    let modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
                #endif
                found.append(
                    (
                        relative + name,
                        Entry(
                            size: Int(info.st_size), modified: modified, inode: Int(info.st_ino),
                            hash: ContentHash(high: 0, low: 0))
                    ))
            default:
                continue
            }
        }
        for name in folders {
            collect(folder: folder + "/" + name, relative: relative + name + "/", excluded: excluded, visited: &visited, into: &found)
        }
    }
}
