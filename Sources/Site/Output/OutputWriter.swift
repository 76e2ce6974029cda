import Foundation

/// Writes a built site atomically: everything goes to a staging folder beside the destination,
/// which replaces the destination only once complete. Files whose bytes did not change are
/// hard-linked from the previous output, so their modification times stay as they were.
struct OutputWriter {
    let destination: URL

    /// How many files were written anew and how many were unchanged.
    struct Summary: Sendable {
        var written = 0
        var unchanged = 0
    }

    /// Writes `files` (relative path → bytes) and `copies` (relative path → source file).
    func write(files: [String: Data], copies: [String: URL]) throws -> Summary {
        let fileManager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).staging-\(pid)")
        let retired = parent.appendingPathComponent(".\(name).previous-\(pid)")
        try? fileManager.removeItem(at: staging)
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)

        var folders = Set<String>()
        for path in Array(files.keys) + Array(copies.keys) {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { folders.insert(folder) }
        }
        for folder in folders.sorted() {
            try fileManager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let old = destination
        struct Job: Sendable { var path: String; var data: Data?; var source: URL? }
        let jobs = files.map { Job(path: $0.key, data: $0.value, source: nil) }
            + copies.map { Job(path: $0.key, data: nil, source: $0.value) }
        let outcomes = jobs.parallelMap { job -> Result<Bool, Error> in
            let target = staging.appendingPathComponent(job.path)
            let previous = old.appendingPathComponent(job.path)
            do {
                let bytes = try job.data ?? Data(contentsOf: job.source!)
                if let existing = FileManager.default.contents(atPath: previous.path), existing == bytes {
                    try FileManager.default.linkItem(at: previous, to: target)
                    return .success(false)
                }
                try bytes.write(to: target)
                return .success(true)
            } catch {
                return .failure(error)
            }
        }
        var summary = Summary()
        for outcome in outcomes {
            switch outcome {
            case .success(true): summary.written += 1
            case .success(false): summary.unchanged += 1
            case .failure(let error):
                try? fileManager.removeItem(at: staging)
                throw error
            }
        }
        if fileManager.fileExists(atPath: destination.path) {
            try fileManager.moveItem(at: destination, to: retired)
            do {
                try fileManager.moveItem(at: staging, to: destination)
            } catch {
                try? fileManager.moveItem(at: retired, to: destination)
                throw error
            }
            try? fileManager.removeItem(at: retired)
        } else {
            try fileManager.moveItem(at: staging, to: destination)
        }
        return summary
    }
}
