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
/// into before ``OutputWriter`` swaps it in. A build that writes its output creates it before it
/// renders, so that each HTML page goes to disk as soon as it is rendered instead of staying in
/// memory until the end (a 100,000-page site renders 5 GB of HTML).
///
/// It holds the output folder's lock (``OutputLock``) from its creation until it is published or
/// discarded, so the previous output it compares files with cannot change meanwhile. Files stay
/// readable through ``contents(of:)`` after the folder is swapped in, wherever it then is.
final class StagingFolder: Sendable {
    /// The output folder this one replaces.
    let output: OutputFolder
    /// Where the staging folder is while the build writes.
    let path: String
    /// Seconds the build waited for another one writing to the same output folder.
    let waited: Double
    private let lock: Mutex<OutputLock?>
    /// The staging folder, open: it reaches the files after the folder has moved.
    private let descriptor: Int32
    /// Whether the hash of each page a ``Target`` puts is kept (the build cache records them).
    let hashesPages: Bool
    private let hashes = Mutex<[String: ContentHash]>([:])
    private let written = Atomic<Int>(0)
    private let unchanged = Atomic<Int>(0)
    private let failure = Mutex<OutputWriter.Failure?>(nil)

    /// Locks the output folder, removes what builds that were killed left beside it and creates
    /// an empty staging folder. With `hashingPages`, the hash of every page a ``Target`` puts is
    /// kept (``pageHashes``).
    init(for output: OutputFolder, hashingPages: Bool = false) throws {
        self.output = output
        hashesPages = hashingPages
        let fileManager = FileManager.default
        let (parent, name) = (PathText.folder(of: output.path), PathText.lastComponent(output.path))
        try fileManager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let lock = try OutputLock(path: parent + "/.\(name).lock")
        waited = lock.waited
        Self.removeLeftovers(in: parent, of: name)
        path = parent + "/.\(name).staging-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try? fileManager.removeItem(atPath: path)
            try fileManager.createDirectory(atPath: path, withIntermediateDirectories: true)
            OutputWriter.spreadSubfolders(of: path)
            descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { throw OutputWriter.Failure(operation: "cannot open", path: path, code: errno) }
        } catch {
            lock.release()
            throw error
        }
        self.lock = Mutex(lock)
    }

    deinit {
        close(descriptor)
        releaseLock()
    }

    /// Creates the folders of `paths` (relative to the output folder) in the staging folder.
    func makeFolders(for paths: [String]) throws {
        try OutputWriter.makeFolders(for: paths, under: path)
    }

    /// Writes `bytes` to `file` (relative to the output folder, its folder made by
    /// ``makeFolders(for:)``), or hard-links the previous output's file when it holds the same
    /// bytes; with `hashed`, keeps the hash of `bytes`. May run on several threads at once; a
    /// failure is kept for ``checkWrites()``.
    func put(_ file: String, _ bytes: Data, hashed: Bool = false) {
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
        } catch let error as OutputWriter.Failure {
            failure.withLock { $0 = $0 ?? error }
        } catch {
            failure.withLock { $0 = $0 ?? OutputWriter.Failure(operation: "cannot write", path: target, code: EIO) }
        }
    }

    /// Throws the first failure of ``put(_:_:)``.
    func checkWrites() throws {
        if let failure = failure.withLock({ $0 }) { throw failure }
    }

    /// How many files were written anew and how many linked unchanged from the previous output.
    var summary: OutputWriter.Summary {
        OutputWriter.Summary(written: written.load(ordering: .relaxed), unchanged: unchanged.load(ordering: .relaxed), waited: waited)
    }

    /// The hash of every file put with `hashed`, by path.
    var pageHashes: [String: ContentHash] {
        hashes.withLock { $0 }
    }

    /// The bytes of `file` (relative to the output folder) as they were put, also after the
    /// folder was published; nil when it cannot be read (the folder was discarded).
    func contents(of file: String) -> Data? {
        let handle = openat(descriptor, file, O_RDONLY | O_CLOEXEC)
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
        try? FileManager.default.removeItem(atPath: path)
        releaseLock()
    }

    /// Unlocks the output folder (after the folder was published or discarded).
    func releaseLock() {
        lock.withLock { lock in
            lock?.release()
            lock = nil
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
