import Foundation
@testable import DevServer

/// A small site written to a fresh temporary folder, removed by `remove()`.
struct TestSite {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("collective-serve-\(UUID().uuidString)")
        try write("config.toml", "baseURL = \"https://example.org/\"\ntitle = \"Serve Test\"\n")
        try write("content/_index.md", "---\ntitle: Home\n---\nWelcome.\n")
        try write("content/about.md", "---\ntitle: About\n---\nAbout this site.\n")
        try write("content/posts/hello.md", Self.post("Hello", body: "Hello v1"))
        try write("static/css/extra.css", "body { color: black; }\n")
    }

    /// A post with valid front matter.
    static func post(_ title: String, body: String) -> String {
        "---\ntitle: \(title)\ndate: 2024-01-02T10:00:00Z\n---\n\(body)\n"
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Starts a server for this site on a free port of 127.0.0.1, logging into `log` and calling
    /// `observe` with every message.
    func startServer(
        watchMode: WatchMode = .automatic, log: Locked<[String]> = Locked([]), searchIndexDelay: Duration = .seconds(2),
        observe: @escaping @Sendable (ServeMessage) -> Void = { _ in }
    ) throws -> PreviewServer {
        var options = PreviewOptions(source: root)
        options.port = 0
        options.watchMode = watchMode
        options.quietPeriod = .milliseconds(20)
        options.searchIndexDelay = searchIndexDelay
        options.log = { line in
            log.withLock { $0.append(line.description) }
            observe(line)
        }
        return try PreviewServer.start(options)
    }
}
