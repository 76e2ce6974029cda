import Foundation
import Testing
@testable import Site

/// Partial rebuilds: after each kind of change, the session's output must equal a full build's.
@Suite struct SiteSessionTests {
    let site: URL

    init() throws {
        site = SiteFixtures.temporaryFolder().appendingPathComponent("example")
        try FileManager.default.copyItem(at: SiteFixtures.repositoryRoot.appendingPathComponent("Examples/tensor-collective"), to: site)
    }

    private func session() throws -> SiteSession { try SiteSession(builder: SiteBuilder(source: site)) }

    private func edit(_ path: String, _ change: (String) -> String) throws {
        let url = site.appendingPathComponent(path)
        try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
    }

    /// Every output file of `session` equals a full build of the site as it is now.
    private func expectSameAsFullBuild(_ session: SiteSession, includingSearch: Bool) throws {
        let full = try self.session().report
        // A stale search index may have fewer or more shard files than a fresh one.
        let compared = { (keys: Dictionary<String, Data>.Keys) in Set(keys.filter { includingSearch || !$0.hasPrefix("search/") }) }
        #expect(compared(session.report.files.keys) == compared(full.files.keys))
        for (key, data) in full.files where includingSearch || !key.hasPrefix("search/") {
            #expect(session.report.files[key] == data, "\(key) differs from a full build")
        }
        #expect(session.report.diagnostics == full.diagnostics)
    }

    @Test func bodyEditRerendersThePageAndItsListsOnly() throws {
        var session = try session()
        try edit("content/posts/easy-read-lab-to-model.md") { $0 + "\nA closing paragraph about *batch norm*.\n" }
        let update = session.update(changed: ["content/posts/easy-read-lab-to-model.md"])
        #expect(update.errors.isEmpty)
        #expect(update.scope == .pages)
        #expect(update.searchIndexIsStale)
        #expect(update.changedFiles.contains("posts/easy-read-lab-to-model/index.html"))
        #expect(!update.changedFiles.contains("about/index.html"))
        #expect(session.report.html(at: "/posts/easy-read-lab-to-model/")?.contains("A closing paragraph about <em>batch norm</em>.") == true)
        try expectSameAsFullBuild(session, includingSearch: false)

        let changed = session.setSearchIndex(session.searchIndexJob()())
        #expect(!changed.isEmpty)
        try expectSameAsFullBuild(session, includingSearch: true)
    }

    @Test func editBeyondTheSummaryRerendersOnlyThePage() throws {
        var session = try session()
        let path = "content/posts/attention-from-scratch/index.md"
        try edit(path) { text in
            let last = text.range(of: " the ", options: .backwards)!
            return text.replacingCharacters(in: last, with: " THE ")
        }
        let update = session.update(changed: [path])
        #expect(update.scope == .pages)
        #expect(update.changedFiles == ["posts/attention-from-scratch/index.html"])
        try expectSameAsFullBuild(session, includingSearch: false)
    }

    @Test func frontMatterEditRebuildsTheSite() throws {
        var session = try session()
        try edit("content/posts/easy-read-lab-to-model.md") {
            $0.replacingOccurrences(of: "title:", with: "title: Renamed —", options: [], range: $0.range(of: "title:"))
        }
        let update = session.update(changed: ["content/posts/easy-read-lab-to-model.md"])
        #expect(update.scope == .site)
        #expect(update.changedFiles.contains("index.html"))
        #expect(session.report.html(at: "/")?.contains("Renamed —") == true)
        try expectSameAsFullBuild(session, includingSearch: true)
    }

    @Test func brokenFrontMatterKeepsTheLastBuildUntilFixed() throws {
        var session = try session()
        let path = "content/posts/introduction.md"
        let good = try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
        let before = session.report.html(at: "/posts/introduction/")
        try edit(path) { "---\ntitle: [unclosed\n" + $0.dropFirst(4) }
        let broken = session.update(changed: [path])
        #expect(broken.errors.map(\.file) == [path])
        #expect(broken.changedFiles.isEmpty)
        #expect(session.report.html(at: "/posts/introduction/") == before)

        // Another file's edit still reports the broken one.
        try edit("content/about.md") { $0 + "\nMore about us.\n" }
        #expect(session.update(changed: ["content/about.md"]).errors.map(\.file) == [path])

        try Data((good + "\nFixed.\n").utf8).write(to: site.appendingPathComponent(path))
        let fixed = session.update(changed: [path])
        #expect(fixed.errors.isEmpty)
        #expect(fixed.scope == .pages)
        #expect(session.report.html(at: "/posts/introduction/")?.contains("Fixed.") == true)
        #expect(session.report.html(at: "/about/")?.contains("More about us.") == true)
        try expectSameAsFullBuild(session, includingSearch: false)
    }

    @Test func layoutEditRerendersEveryPage() throws {
        var session = try session()
        try FileManager.default.createDirectory(at: site.appendingPathComponent("layouts"), withIntermediateDirectories: true)
        try Data("<footer class=\"footer\">Custom footer</footer>\n".utf8).write(to: site.appendingPathComponent("layouts/footer.mustache"))
        let update = session.update(changed: ["layouts/footer.mustache"])
        #expect(update.scope == .templates)
        #expect(update.changedFiles.contains("about/index.html"))
        #expect(update.changedFiles.contains("posts/introduction/index.html"))
        #expect(session.report.html(at: "/about/")?.contains("Custom footer") == true)
        try expectSameAsFullBuild(session, includingSearch: true)
    }

    @Test func bundleDataEditRerendersItsPage() throws {
        var session = try session()
        let path = "content/posts/training-curves/loss.csv"
        try edit(path) { text in
            let lines = text.split(separator: "\n")
            return lines.dropLast().joined(separator: "\n") + "\n"
        }
        let update = session.update(changed: [path])
        #expect(update.scope == .pages)
        #expect(update.changedFiles.contains("posts/training-curves/index.html"))
        #expect(update.changedFiles.contains("posts/training-curves/loss.csv"))
        try expectSameAsFullBuild(session, includingSearch: false)
    }

    @Test func newAndDeletedFilesRebuildTheSite() throws {
        var session = try session()
        try Data("---\ntitle: Fresh\ndate: 2024-05-01\n---\nNew post.\n".utf8).write(to: site.appendingPathComponent("content/posts/fresh.md"))
        #expect(session.update(changed: ["content/posts/fresh.md"]).scope == .site)
        #expect(session.report.html(at: "/posts/fresh/") != nil)
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/posts/fresh.md"))
        let removed = session.update(changed: ["content/posts/fresh.md"])
        #expect(removed.scope == .site)
        #expect(removed.changedFiles.contains("posts/fresh/index.html"))
        #expect(session.report.html(at: "/posts/fresh/") == nil)
        try expectSameAsFullBuild(session, includingSearch: true)
    }
}
