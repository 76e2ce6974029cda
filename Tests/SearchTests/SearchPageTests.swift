import Foundation
import Testing
@testable import Search

/// Opens the search page (the theme's template around search.js) in headless Chromium from
/// `file://`, with `?q=` and a filter in the URL as a shared link would have them.
@Suite struct SearchPageTests {
    static let chromium: String? = ["chromium", "chromium-browser", "google-chrome"].lazy
        .compactMap { name in
            ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map { $0 + "/" + name }
                .first { FileManager.default.isExecutableFile(atPath: $0) }
        }.first

    static let theme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Theme")

    /// The template with its values filled in; other tags are dropped, which leaves the English
    /// fallbacks of `{{^…}}` sections.
    static func page(base: String, script: URL) throws -> String {
        var html = try String(contentsOf: theme.appendingPathComponent("templates/search.mustache"), encoding: .utf8)
        html = html.replacingOccurrences(of: "{{page.searchBaseURL}}", with: base)
            .replacingOccurrences(of: "{{page.searchScriptURL}}", with: script.absoluteString)
            .replacingOccurrences(of: "{{page.title}}", with: "Search")
        while let open = html.range(of: "{{"), let close = html.range(of: "}}", range: open.upperBound..<html.endIndex) {
            html.removeSubrange(open.lowerBound..<close.upperBound)
        }
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Search</title></head><body>"
            + html + "</body></html>"
    }

    @Test(.enabled(if: chromium != nil, "Chromium is not installed: the search page was not opened"))
    func showsTheExpectedFirstResultFromFileURLs() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("search-page-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (path, data) in BrowserScriptTests.corpus().files() {
            let url = dir.appendingPathComponent("site/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        // The page sits in a sub-folder and reaches the index by a relative URL, as under a sub-path base.
        let pageURL = dir.appendingPathComponent("site/find/index.html")
        try FileManager.default.createDirectory(at: pageURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(Self.page(base: "../search/", script: Self.theme.appendingPathComponent("assets/search.js")).utf8).write(to: pageURL)

        let dom = try Self.render(pageURL.absoluteString + "?q=cachin&section=posts", profile: dir.appendingPathComponent("profile"))
        let results = try #require(dom.range(of: "id=\"search-results\""), "no result list in:\n\(dom.prefix(2000))")
        let links = dom[results.upperBound...].components(separatedBy: "<li><a href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(links.first == "/posts/caching/", "results: \(links)")
        #expect(!links.contains("/notes/eviction/"), "the section filter from the URL applies")
        #expect(dom.contains("<mark>Caching</mark> HTTP responses"))
        #expect(dom.contains("<option value=\"2\">posts (9)</option>"), "filters filled from index.js")
    }

    /// The DOM after the page's scripts ran, from `chromium --dump-dom`.
    static func render(_ url: String, profile: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromium))
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
            "--virtual-time-budget=10000", "--dump-dom", url,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return String(decoding: data, as: UTF8.self)
    }
}
