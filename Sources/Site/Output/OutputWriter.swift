import Foundation
#if canImport(Glibc)
    import Glibc
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    import TextUtilities
    private let systemWrite = Darwin.write
#endif

/// Writes a built site atomically: everything goes to a ``StagingFolder`` beside the output folder,
/// which is exchanged with it in one step once complete, so the output exists at every instant.
/// Files whose bytes did not change are hard-linked from the previous output, so their
/// modification times stay as they were. One build at a time writes to a folder (a lock beside it),
/// and leftovers of builds that were killed are removed.
struct OutputWriter {
    let folder: OutputFolder

    /// How many files were written anew and how many were unchanged, and how long the build
    /// waited for another one writing to the same folder.
    struct Summary: Sendable {
        var written = 0
        var unchanged = 0
        var waited = 0.0
    }

    /// Writes `files` (relative path → bytes) and `copies` (relative path → source file).
    func write(files: [String: Data], copies: [String: URL]) throws -> Summary {
        try write(files: files, copies: copies, into: StagingFolder(for: folder))
    }

    /// Adds `files` and `copies` to what `staging` already holds (the pages a build put there as
    /// it rendered them), then swaps it in. The summary counts every file of the staging folder.
    /// On failure the staging folder is removed and the previous output left as it was.
    func write(files: [String: Data], copies: [String: URL], into staging: StagingFolder) throws -> Summary {
        do {
            try staging.makeFolders(for: Array(files.keys) + Array(copies.keys))
            let failures = (files.map { ($0.key, $0.value as Data?, nil as URL?) } + copies.map { ($0.key, nil, $0.value) })
                .concurrentMap { path, data, source -> Error? in
                    do {
                        staging.put(path, try data ?? Data(contentsOf: source!))
                        return nil
                    } catch {
                        return error
                    }
                }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
            try staging.checkWrites()
            try Self.write(Data(Self.markerText.utf8), to: staging.path + "/" + OutputFolder.marker)
            try publish(staging: staging.path, files: files, copies: copies)
        } catch {
            staging.discard()
            throw error
        }
        staging.releaseLock()
        return staging.summary
    }

    static let markerText = """
        This folder is the output of `collective build`: each build replaces its contents.
        Kept across builds: \(OutputFolder.kept.joined(separator: ", ")).

        """

    /// Moves the kept entries of the previous output into `staging`, then exchanges the two.
    private func publish(staging: String, files: [String: Data], copies: [String: URL]) throws {
        let fileManager = FileManager.default
        let destination = folder.path
        var exists = stat()
        guard lstat(destination, &exists) == 0 else {
            try fileManager.moveItem(atPath: staging, toPath: destination)
            return
        }
        let carried = OutputFolder.kept.filter { name in
            files[name] == nil && copies[name] == nil && fileManager.fileExists(atPath: destination + "/" + name)
        }
        for name in carried { try fileManager.moveItem(atPath: destination + "/" + name, toPath: staging + "/" + name) }
        do {
            try Self.exchange(staging, destination)
        } catch {
            for name in carried { try? fileManager.moveItem(atPath: staging + "/" + name, toPath: destination + "/" + name) }
            throw error
        }
        // `staging` now holds the previous output.
        try? fileManager.removeItem(atPath: staging)
    }

    /// Swaps two folders in one step where the system can (Linux's `renameat2` exchange), and
    /// otherwise with two renames.
    static func exchange(_ new: String, _ old: String) throws {
        #if os(Linux)
            if let renameat2 = RenameExchange.function, renameat2(AT_FDCWD, new, AT_FDCWD, old, RenameExchange.flag) == 0 { return }
        #endif
        let retired = PathText.folder(of: old) + "/." + PathText.lastComponent(old) + ".previous-\(ProcessInfo.processInfo.processIdentifier)"
        guard rename(old, retired) == 0 else { throw Failure(operation: "cannot move", path: old, code: errno) }
        guard rename(new, old) == 0 else {
            let code = errno
            _ = rename(retired, old)
            throw Failure(operation: "cannot move", path: new, code: code)
        }
        _ = rename(retired, new)
    }

    // MARK: Files, through POSIX calls (Foundation's add a stat or a temporary file to each; a
    // 10,000-page site writes 30,000 files)

    /// A file system call that failed.
    struct Failure: LocalizedError {
        var operation: String
        var path: String
        var code: Int32
        var errorDescription: String? { "\(operation) \(path): \(String(cString: strerror(code)))" }
    }

    /// Creates the folders of `paths` under `root`, parents first; each depth in parallel.
    static func makeFolders(for paths: [String], under root: String) throws {
        var folders = Set<String>()
        for path in paths {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break }
            }
        }
        let parents = Set(folders.compactMap { folder in folder.lastIndex(of: "/").map { String(folder[..<$0]) } })
        let byDepth = Dictionary(grouping: folders) { $0.utf8.count(where: { $0 == UInt8(ascii: "/") }) }
        for depth in byDepth.keys.sorted() {
            let failures = byDepth[depth]!.concurrentMap { folder -> Failure? in
                guard mkdir(root + "/" + folder, 0o755) == 0 || errno == EEXIST else {
                    return Failure(operation: "cannot create folder", path: folder, code: errno)
                }
                if parents.contains(folder) { spreadSubfolders(of: root + "/" + folder) }
                return nil
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        }
    }

    /// Asks the file system to spread the subfolders of `path` over the disk, as `chattr +T` does
    /// (ext4's flag for the top of a folder tree). Otherwise ext4 places a folder's subfolders and
    /// files beside it, where the previous output's inodes were just freed, and when it runs without
    /// a journal it steps over every recently freed inode for each new file: a rebuild right after
    /// deleting 30,000 files spent most of its time there. Other file systems ignore the request.
    static func spreadSubfolders(of path: String) {
        #if os(Linux)
            let folder = open(path, O_RDONLY | O_DIRECTORY)
            guard folder >= 0 else { return }
            defer { close(folder) }
            var flags: Int32 = 0
            guard ioctl(folder, getFlags, &flags) == 0, flags & topOfTree == 0 else { return }
            flags |= topOfTree
            _ = ioctl(folder, setFlags, &flags)
        #endif
    }

    /// `FS_IOC_GETFLAGS`, `FS_IOC_SETFLAGS` and `FS_TOPDIR_FL` from linux/fs.h.
    static let (getFlags, setFlags, topOfTree): (UInt, UInt, Int32) = (0x8008_6601, 0x4008_6602, 0x0002_0000)

    /// True when the file at `path` exists and holds exactly `bytes`.
    static func holds(_ path: String, _ bytes: Data) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) == bytes.count else { return false }
        return FileManager.default.contents(atPath: path) == bytes
    }

    /// Writes `bytes` to a new file at `path` (or over the file there).
    static func write(_ bytes: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(operation: "cannot create", path: path, code: errno) }
        defer { close(descriptor) }
        try bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let count = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw Failure(operation: "cannot write", path: path, code: errno)
                }
                offset += count
            }
        }
    }
}
