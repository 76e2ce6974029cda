import Foundation
import Site
import Testing

/// `collective init` and `collective new` as a library: the new site builds cleanly, archetypes
/// fill in, and nothing is ever overwritten.
struct ScaffoldTests {
    @Test func aNewSiteBuildsWithoutErrorsOrWarnings() throws {
        let folder = SiteFixtures.temporaryFolder().appendingPathComponent("my-notes")
        try Scaffold.createSite(at: folder)
        let (report, _) = try SiteFixtures.build(folder, write: false)
        #expect(report.errors.isEmpty && report.warnings.isEmpty, "\(report.errors + report.warnings)")
        let home = try #require(report.html(at: "/"))
        #expect(home.contains("My Notes"))
        #expect(report.html(at: "/posts/hello-world/")?.contains("<math") == true)
    }

    @Test func aFolderThatHoldsASiteIsRefused() throws {
        let folder = SiteFixtures.temporaryFolder()
        try Scaffold.createSite(at: folder, title: "First")
        #expect(throws: Diagnostic.self) { try Scaffold.createSite(at: folder, title: "Second") }
        let config = try String(contentsOf: folder.appendingPathComponent("collective.toml"), encoding: .utf8)
        #expect(config.contains("title = \"First\""))
    }

    @Test func newContentFillsTheSectionArchetype() throws {
        let folder = SiteFixtures.temporaryFolder()
        try Scaffold.createSite(at: folder)
        try Data("---\ntitle: \"{{ title }}\"\ndate: {{ date }}\nkind: note\n---\n".utf8)
            .write(to: folder.appendingPathComponent("archetypes/notes.md"))
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let note = try Scaffold.createContent("notes/first-light", siteRoot: folder, now: now)
        #expect(note.path.hasSuffix("content/notes/first-light.md"))
        let text = try String(contentsOf: note, encoding: .utf8)
        #expect(text == "---\ntitle: \"First Light\"\ndate: \(now.formatted(.iso8601))\nkind: note\n---\n")
        // Other sections use archetypes/default.md; a trailing slash makes a bundle.
        let bundle = try Scaffold.createContent("posts/my_trip/", siteRoot: folder, now: now)
        #expect(bundle.path.hasSuffix("content/posts/my_trip/index.md"))
        #expect(try String(contentsOf: bundle, encoding: .utf8).contains("title: \"My Trip\"\ndate: \(now.formatted(.iso8601))\ndraft: true"))
    }

    @Test func newContentNeverOverwritesOrLeavesTheContentFolder() throws {
        let folder = SiteFixtures.temporaryFolder()
        try Scaffold.createSite(at: folder)
        let error = #expect(throws: Diagnostic.self) { try Scaffold.createContent("posts/hello-world.md", siteRoot: folder) }
        #expect(error?.file == "content/posts/hello-world.md")
        #expect(
            try String(contentsOf: folder.appendingPathComponent("content/posts/hello-world.md"), encoding: .utf8)
                .contains("Hello, world"))
        #expect(throws: Diagnostic.self) { try Scaffold.createContent("../escape.md", siteRoot: folder) }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("escape.md").path))
    }

    @Test func newContentOutsideASiteSaysHowToMakeOne() {
        let empty = SiteFixtures.temporaryFolder()
        let error = #expect(throws: Diagnostic.self) { try Scaffold.createContent("posts/a.md", siteRoot: empty) }
        #expect(error?.message.contains("collective init") == true)
    }
}
