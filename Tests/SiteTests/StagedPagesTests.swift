import Foundation
import Testing
@testable import Site

/// A build that writes its output puts each HTML page in its staging folder as soon as the page is
/// rendered (``StagingFolder``), instead of keeping the bytes of every page until the end.
@Suite struct StagedPagesTests {
    @Test func stagedPagesReadAsABuildInMemoryMakesThem() throws {
        let example = SiteFixtures.repositoryRoot.appendingPathComponent("Examples/tensor-collective")
        let (memory, _) = try SiteFixtures.build(example, write: false)
        let (written, output) = try SiteFixtures.build(example)
        #expect(written.published)
        #expect(memory.stagedPages.isEmpty)
        #expect(written.stagedPages.contains("index.html") && written.stagedPages.contains("posts/index.html"))
        #expect(written.stagedPages.allSatisfy { written.files[$0] == nil }, "a staged page's bytes are not kept")
        #expect(Set(written.generatedPaths) == Set(memory.files.keys))
        for (path, data) in memory.files {
            #expect(written.contents(of: path) == data, "\(path)")
            #expect(FileManager.default.contents(atPath: output.appendingPathComponent(path).path) == data, "\(path)")
        }
    }

    @Test func aBuildThatStopsBeforeRenderingMakesNoFolder() throws {
        let site = try SiteFixtures.makeSite(["hugo.toml": "title = [\n", "content/a.md": "A.\n"])
        let parent = SiteFixtures.temporaryFolder().appendingPathComponent("new")
        #expect(throws: Diagnostic.self) { try SiteBuilder(source: site, destination: parent.appendingPathComponent("public")).build() }
        #expect(!FileManager.default.fileExists(atPath: parent.path))
    }

    @Test func aBuildWithErrorsShowsItsPagesToTheWorkAlongsideThenRemovesThem() throws {
        let site = try SiteFixtures.makeSite(["content/posts/a.md": "---\ntitle: A\n---\nFirst version.\n"])
        let parent = SiteFixtures.temporaryFolder()
        let destination = parent.appendingPathComponent("public")
        #expect(try SiteBuilder(source: site, destination: destination).build().published)
        try Data("---\ntitle: A\n---\nSecond version.\n".utf8).write(to: site.appendingPathComponent("content/posts/a.md"))
        try Data("---\ntitle: B\naliases: [../../outside/x]\n---\nB.\n".utf8).write(to: site.appendingPathComponent("content/posts/b.md"))
        let (bad, seen) = try SiteBuilder(source: site, destination: destination).build(alongside: { $0.html(at: "/posts/a/") })
        #expect(!bad.errors.isEmpty && !bad.published)
        #expect(seen?.contains("Second version.") == true, "the work alongside reads the staged page")
        #expect(bad.html(at: "/posts/a/") == nil, "the staged pages are gone")
        #expect(try String(contentsOf: destination.appendingPathComponent("posts/a/index.html"), encoding: .utf8).contains("First version."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == [".public.lock", "public"])

        // The output folder is unlocked: the next build goes through.
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/posts/b.md"))
        #expect(try SiteBuilder(source: site, destination: destination).build().published)
        #expect(try String(contentsOf: destination.appendingPathComponent("posts/a/index.html"), encoding: .utf8).contains("Second version."))
    }
}
