import Foundation

/// The `collective` binary beside the test bundle, run as a user runs it.
enum CollectiveProcess {
    /// The binary beside this test bundle (`.build/debug/collective`).
    static let binary: URL = {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: folder.appendingPathComponent("collective").path) {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("collective")
    }()

    /// What one run did.
    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs the binary with `arguments` in `folder`; `environment` replaces the inherited one when given.
    static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String]? = nil) throws -> Outcome {
        try run(executable: binary, arguments, in: folder, environment: environment)
    }

    /// Runs any program and collects what it prints.
    static func run(executable: URL, _ arguments: [String], in folder: URL? = nil, environment: [String: String]? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if let environment { process.environment = environment }
        let (output, errors) = (Pipe(), Pipe())
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes at once: a child filling one while we wait on the other would block.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
            errors: String(decoding: errData, as: UTF8.self))
    }

    /// A program on the PATH, or nil.
    static func program(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("collective-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes files (relative path → text) into `root`, or a new temporary folder.
    static func site(_ files: [String: String], in root: URL = temporaryFolder()) throws -> URL {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }
}
