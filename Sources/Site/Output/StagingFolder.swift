import Foundation
import Synchronization
#if canImport(Glibc)
    import Glibc
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    private let systemRead = Darwin.read
#endif

/// The folder beside the output folder (`.public.staging-PID`) that one build writes its output
/// into before ``OutputWriter`` swaps it in. A build that writes its output puts each HTML page
/// there as soon as it is rendered instead of keeping it in memory until the end (a 100,000-page
/// site renders 5 GB of HTML).
///
/// Nothing happens on disk until the first page is put (or its folders made), so a build that
/// stops before rendering (a missing site folder, a bad config) leaves no trace. From then on the
/// folder holds the output folder's lock (``OutputLock``) until it is published or discarded, so
/// the previous output it compares files with cannot change meanwhile. Files stay readable
/// through ``contents(of:)`` after the folder is swapped in, wherever it then is.
final class StagingFolder: Sendable {
    /// The output folder this one replaces.
    let output: OutputFolder
    /// Where the staging folder is while the build writes.
    let path: String
    /// The folder holding the output folder, and the output folder's name.
    private let parent: String
    private let name: String
    /// Whether the hash of each page a ``Target`` puts is kept (the build cache records them).
    let hashesPages: Bool
    private let state = Mutex(State())
    private let hashes = Mutex<[String: ContentHash]>([:])
    private let written = Atomic<Int>(0)
    private let unchanged = Atomic<Int>(0)

    /// What the folder's first use set up, and the first write that failed.
    private struct State {
        var opened = false
        var lock: OutputLock?
        /// The staging folder, open: it reaches the files after the folder has moved.
        var descriptor: Int32 = -1
        var waited = 0.0
        var failure: OutputWriter.Failure?
    }

    /// A staging folder for `output`, not created yet. With `hashingPages`, the hash of every
    /// page a ``Target`` puts is kept (``pageHashes``).
    init(for output: OutputFolder, hashingPages: Bool = false) {
        self.output = output
        hashesPages = hashingPages
        (parent, name) = (PathText.folder(of: output.path), PathText.lastComponent(output.path))
        path = parent + "/.\(name).staging-\(ProcessInfo.processInfo.processIdentifier)"
    }

    deinit {
        state.withLock { state in
            if state.descriptor >= 0 { close(state.descriptor) }
            state.lock?.release()
        }
    }

    /// On first use: locks the output folder, removes what builds that were killed left beside
    /// it and creates the empty staging folder. Throws what failed, then and on every later use.
    private func prepare() throws {
        try state.withLock { state in
            if !state.opened {
                state.opened = true
                do {
                    try Self.makePath(parent)
                    let lock = try OutputLock(path: parent + "/.\(name).lock")
                    (state.lock, state.waited) = (lock, lock.waited)
                    Self.removeLeftovers(in: parent, of: name)
                    try? FileManager.default.removeItem(atPath: path)
                    guard mkdir(path, 0o755) == 0 else { throw OutputWriter.Failure(operation: "cannot create folder", path: path, code: errno) }
                    OutputWriter.spreadSubfolders(of: path)
                    state.descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                    guard state.descriptor >= 0 else { throw OutputWriter.Failure(operation: "cannot open", path: path, code: errno) }
                } catch let failure as OutputWriter.Failure {
                    state.failure = failure
                } catch {
                    state.failure = OutputWriter.Failure(operation: "cannot write", path: path, code: EIO)
                }
            }
            if let failure = state.failure { throw failure }
        }
    }

    /// Creates the folder at `path` and those above it that are missing.
    private static func makePath(_ path: String) throws {
        let failure = { OutputWriter.Failure(operation: "cannot create folder", path: path, code: errno) }
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, path != "/" else { throw failure() }
        try makePath(PathText.folder(of: path))
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw failure() }
    }

    /// Creates the folders of `paths` (relative to the output folder) in the staging folder.
    func makeFolders(for paths: [String]) throws {
        try prepare()
        try OutputWriter.makeFolders(for: paths, under: path)
    }

    /// Writes `bytes` to `file` (relative to the output folder, its folder made by
    /// ``makeFolders(for:)``), or hard-links the previous output's file when it holds the same
    /// bytes; with `hashed`, keeps the hash of `bytes`. May run on several threads at once; a
    /// failure is kept for ``checkWrites()``.
    func put(_ file: String, _ bytes: Data, hashed: Bool = false) {
        do { try prepare() } catch { return }
        if hashed {
            let hash = ContentHash(bytes)
            hashes.withLock { $0[file] = hash }
        }
        let previous = output.path + "/" + file
        let target = path + "/" + file
        if OutputWriter.holds(previous, bytes), link(previous, target) == 0 {
            unchanged.add(1, ordering: .relaxed)
            return
        }
        do {
            try OutputWriter.write(bytes, to: target)
            written.add(1, ordering: .relaxed)
        } catch {
            let failure = error as? OutputWriter.Failure ?? OutputWriter.Failure(operation: "cannot write", path: target, code: EIO)
            state.withLock { $0.failure = $0.failure ?? failure }
        }
    }

    /// Throws the first failure of ``put(_:_:hashed:)`` or of the folder's creation.
    func checkWrites() throws {
        try prepare()
    }

    /// How many files were written anew and how many linked unchanged from the previous output,
    /// and how long the build waited for another one writing to the same output folder.
    var summary: OutputWriter.Summary {
        OutputWriter.Summary(
            written: written.load(ordering: .relaxed), unchanged: unchanged.load(ordering: .relaxed), waited: state.withLock(\.waited))
    }

    /// The hash of every file put with `hashed`, by path.
    var pageHashes: [String: ContentHash] {
        hashes.withLock { $0 }
    }

    /// The bytes of `file` (relative to the output folder) as they were put, also after the
    /// folder was published; nil when it cannot be read (the folder was discarded).
    func contents(of file: String) -> Data? {
        let handle = openat(state.withLock(\.descriptor), file, O_RDONLY | O_CLOEXEC)
        guard handle >= 0 else { return nil }
        defer { close(handle) }
        var info = stat()
        guard fstat(handle, &info) == 0 else { return nil }
        var data = Data(count: Int(info.st_size))
        let complete = data.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = systemRead(handle, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        return complete ? data : nil
    }

    /// Removes the staging folder (a build that fails or must not replace the previous output)
    /// and unlocks the output folder.
    func discard() {
        if state.withLock({ $0.lock != nil }) { try? FileManager.default.removeItem(atPath: path) }
        releaseLock()
    }

    /// Unlocks the output folder (after the folder was published or discarded).
    func releaseLock() {
        state.withLock { state in
            state.lock?.release()
            state.lock = nil
        }
    }

    /// Removes `.NAME.staging-PID` and `.NAME.previous-PID` folders in `parent` whose process is gone
    /// (a build that was killed).
    private static func removeLeftovers(in parent: String, of name: String) {
        let prefixes = [".\(name).staging-", ".\(name).previous-"]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] {
            guard let prefix = prefixes.first(where: { entry.hasPrefix($0) }),
                let pid = Int32(entry.dropFirst(prefix.count)), pid > 0
            else { continue }
            if kill(pid, 0) == -1, errno == ESRCH {
                try? FileManager.default.removeItem(atPath: parent + "/" + entry)
            }
        }
    }
}

extension StagingFolder {
    /// Where one language's build puts the HTML pages it renders: the staging folder, under the
    /// language's folder in the site's output.
    struct Target: Sendable {
        let staging: StagingFolder
        /// The language's folder in the site's output (`fr/`), or "".
        let prefix: String

        func makeFolders(for paths: [String]) throws {
            try staging.makeFolders(for: paths.map { prefix + $0 })
        }

        /// Puts `bytes` at `path`, relative to the language's folder.
        func put(_ path: String, _ bytes: Data) {
            staging.put(prefix + path, bytes, hashed: staging.hashesPages)
        }
    }
}
