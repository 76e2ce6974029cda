import Foundation
@testable import Site

/// Paths and helpers shared by the site tests.
enum SiteFixtures {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// `../shared` beside the repository; absent on a user's machine.
    static let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    static func site(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("collective-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Builds a fixture (or any site folder) into a new temporary destination.
    static func build(_ source: URL, options: BuildOptions = BuildOptions(), write: Bool = true) throws -> (BuildReport, URL) {
        let destination = temporaryFolder().appendingPathComponent("public")
        let report = try SiteBuilder(source: source, destination: destination, options: options).build(write: write)
        return (report, destination)
    }

    /// Writes files (relative path → text) into a new temporary site folder.
    static func makeSite(_ files: [String: String]) throws -> URL {
        let root = temporaryFolder()
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }
}

extension BuildReport {
    /// Diagnostics as the terminal shows them.
    var lines: [String] { diagnostics.map(\.description) }
}
