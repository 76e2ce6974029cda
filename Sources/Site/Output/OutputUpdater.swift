import Foundation
import TextUtilities
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Brings an output folder that the previous build wrote up to date in place, from the build
/// cache's ``OutputManifest``: writes only the files whose bytes changed (each to a temporary file
/// renamed over the old one, so a reader never sees half a file), removes the files the build no
/// longer makes and leaves every other file, its time and inode as they were. A file that is not
/// as the manifest recorded it (edited or removed by hand) is written again.
struct OutputUpdater {
    let folder: OutputFolder
    let manifest: OutputManifest

    /// Writes `files` and `copies`; `hashes` has the hash of files that are known (the others are
    /// hashed), and `copyHash` gives the hash of a copied file's source when it is known (a site
    /// file the build cache hashed), else the source is read and hashed. `verified` has the entries
    /// of files this build has just found intact (those it took from the previous output): they are
    /// not looked at again. Returns the summary and the manifest of the folder after the writes (a
    /// file left as it was keeps the size, time and inode just checked; a file written is looked at once more).
    func write(
        files: [String: Data], hashes known: [String: ContentHash] = [:], copies: [String: URL],
        verified: [String: SourceSnapshot.Entry] = [:], copyHash: @Sendable (URL) -> ContentHash?
    ) throws
        -> (summary: OutputWriter.Summary, manifest: OutputManifest)
    {
        let root = folder.path
        let (parent, name) = (PathText.folder(of: root), PathText.lastComponent(root))
        let lock = try OutputLock(path: parent + "/.\(name).lock")
        defer { lock.release() }
        struct Job: Sendable {
            var path: String
            var data: Data?
            var source: URL?
        }
        let jobs = files.map { Job(path: $0.key, data: $0.value, source: nil) } + copies.map { Job(path: $0.key, data: nil, source: $0.value) }
        let outcomes = jobs.concurrentMap { [manifest] job -> Result<(String, SourceSnapshot.Entry?, Bool), Error> in
            do {
                var bytes = job.data
                let hash: ContentHash
                if let data = job.data {
                    hash = known[job.path] ?? ContentHash(data)
                } else if let known = copyHash(job.source!) {
                    hash = known
                } else {
                    let data = try Data(contentsOf: job.source!)
                    (bytes, hash) = (data, ContentHash(data))
                }
                if let entry = verified[job.path] ?? manifest.intactEntry(job.path, in: root), entry.hash == hash {
                    return .success((job.path, entry, false))
                }
                let data = try bytes ?? Data(contentsOf: job.source!)
                try Self.replace(root + "/" + job.path, with: data)
                var entry = OutputManifest.fileStat(root + "/" + job.path)
                entry?.hash = job.data == nil ? ContentHash(data) : hash
                return .success((job.path, entry, true))
            } catch {
                return .failure(error)
            }
        }
        var summary = OutputWriter.Summary(waited: lock.waited)
        var written = OutputManifest()
        var paths = Set<String>()
        for outcome in outcomes {
            let (path, entry, wasWritten) = try outcome.get()
            paths.insert(path)
            written.files[path] = entry
            if wasWritten { summary.written += 1 } else { summary.unchanged += 1 }
        }
        for path in manifest.files.keys where !paths.contains(path) {
            unlink(root + "/" + path)
            removeEmptyFolders(above: path)
        }
        return (summary, written)
    }

    /// Removes the folders of `path` that its removal left empty, deepest first.
    private func removeEmptyFolders(above path: String) {
        var folderPath = Substring(path)
        while let slash = folderPath.lastIndex(of: "/") {
            folderPath = folderPath[..<slash]
            guard rmdir(folder.path + "/" + folderPath) == 0 else { return }
        }
    }

    /// Writes `data` to a temporary file beside `path`, then renames it over `path`.
    private static func replace(_ path: String, with data: Data) throws {
        let parent = PathText.folder(of: path)
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let temporary = parent + "/.collective-\(ProcessInfo.processInfo.processIdentifier)-" + PathText.lastComponent(path)
        try data.write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw OutputWriter.Failure(operation: "cannot replace", path: path, code: code)
        }
    }
}
