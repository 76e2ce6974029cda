#if os(Linux)
import Foundation
import Glibc
import Testing
@testable import Site

@Suite struct OutputWriterTests {
    /// The folder's inode flags, or nil where the file system has none (tmpfs, overlay).
    private func flags(_ path: String) -> Int32? {
        let folder = open(path, O_RDONLY | O_DIRECTORY)
        guard folder >= 0 else { return nil }
        defer { close(folder) }
        var flags: Int32 = 0
        return ioctl(folder, OutputWriter.getFlags, &flags) == 0 ? flags : nil
    }

    @Test func foldersHoldingFoldersAskForTheirSubfoldersToBeSpread() throws {
        let destination = SiteFixtures.temporaryFolder().appendingPathComponent("public")
        let files = ["index.html": Data("home".utf8), "posts/a/index.html": Data("a".utf8), "posts/b/index.html": Data("b".utf8)]
        let folder = try OutputFolder(checking: destination, site: SiteFixtures.temporaryFolder(), replaceForeign: false)
        _ = try OutputWriter(folder: folder).write(files: files, copies: [:])
        #expect(try String(contentsOf: destination.appendingPathComponent("posts/a/index.html"), encoding: .utf8) == "a")
        // Whether this file system keeps the flag at all (ext4 does; tmpfs and overlay do not).
        let probe = SiteFixtures.temporaryFolder().path
        OutputWriter.spreadSubfolders(of: probe)
        let topOfTree = OutputWriter.topOfTree
        guard let probed = flags(probe), probed & topOfTree != 0 else {
            print("OutputWriterTests: the file system under \(probe) keeps no top-of-tree flag; nothing more to check")
            return
        }
        let root = flags(destination.path) ?? 0
        #expect(root & topOfTree != 0, "the output folder")
        #expect((flags(destination.appendingPathComponent("posts").path) ?? 0) & topOfTree != 0, "posts/ holds folders")
        #expect((flags(destination.appendingPathComponent("posts/a").path) ?? 0) & topOfTree == 0, "posts/a/ holds only files")
    }
}
#endif
