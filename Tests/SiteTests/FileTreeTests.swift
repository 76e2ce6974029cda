import Foundation
import Testing
@testable import Site

/// FileTree lists what FileManager's enumerator with `.skipsHiddenFiles` listed.
@Suite struct FileTreeTests {
    @Test func listsRegularFilesSortedSkippingHiddenOnesAndLinks() throws {
        let root = try SiteFixtures.makeSite([
            "b.md": "b", "a/z.md": "z", "a/deep/er/x.png": "x", ".hidden.md": "h", "a/.git/config": "c",
            "notes/draft.md~": "backup", "notes/ok.md": "ok",
        ])
        let outside = try SiteFixtures.makeSite(["elsewhere.md": "e", "folder/in.md": "i"])
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("link.md").path,
            withDestinationPath: outside.appendingPathComponent("elsewhere.md").path)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("linked").path,
            withDestinationPath: outside.appendingPathComponent("folder").path)
        #expect(FileTree.regularFiles(under: root) == ["a/deep/er/x.png", "a/z.md", "b.md", "notes/draft.md~", "notes/ok.md"])
        #expect(FileTree.regularFiles(under: root) { !$0.hasSuffix("~") } == ["a/deep/er/x.png", "a/z.md", "b.md", "notes/ok.md"])
    }

    @Test func aMissingFolderHasNoFiles() {
        #expect(FileTree.regularFiles(under: SiteFixtures.temporaryFolder().appendingPathComponent("absent")) == [])
    }
}
