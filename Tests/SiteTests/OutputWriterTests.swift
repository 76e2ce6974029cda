#if os(Linux)
    import Foundation
    import Glibc
    import Testing
    @testable import Site

    @Suite struct OutputWriterTests {
        /// Whether the file system of the temporary folder keeps the top-of-tree flag at all (ext4 does;
        /// tmpfs and overlay do not): where it does not, there is nothing to check.
        static let keepsTopOfTreeFlag: Bool = {
            let probe = SiteFixtures.temporaryFolder().path
            OutputWriter.spreadSubfolders(of: probe)
            return (flags(probe) ?? 0) & OutputWriter.topOfTree != 0
        }()

        /// The folder's inode flags, or nil where the file system has none (tmpfs, overlay).
        private static func flags(_ path: String) -> Int32? {
            let folder = open(path, O_RDONLY | O_DIRECTORY)
            guard folder >= 0 else { return nil }
            defer { close(folder) }
            var flags: Int32 = 0
            return ioctl(folder, OutputWriter.getFlags, &flags) == 0 ? flags : nil
        }

        @Test func writesEveryFileIntoItsFolder() throws {
            let destination = SiteFixtures.temporaryFolder().appendingPathComponent("public")
            let files = ["index.html": Data("home".utf8), "posts/a/index.html": Data("a".utf8)]
            let folder = try OutputFolder(checking: destination, site: SiteFixtures.temporaryFolder(), replaceForeign: false)
            _ = try OutputWriter(folder: folder).write(files: files, copies: [:])
            #expect(try String(contentsOf: destination.appendingPathComponent("posts/a/index.html"), encoding: .utf8) == "a")
            #expect(try String(contentsOf: destination.appendingPathComponent("index.html"), encoding: .utf8) == "home")
        }

        @Test(.enabled(if: keepsTopOfTreeFlag, "the temporary folder's file system keeps no top-of-tree flag"))
        func foldersHoldingFoldersAskForTheirSubfoldersToBeSpread() throws {
            let destination = SiteFixtures.temporaryFolder().appendingPathComponent("public")
            let files = ["index.html": Data("home".utf8), "posts/a/index.html": Data("a".utf8), "posts/b/index.html": Data("b".utf8)]
            let folder = try OutputFolder(checking: destination, site: SiteFixtures.temporaryFolder(), replaceForeign: false)
            _ = try OutputWriter(folder: folder).write(files: files, copies: [:])
            #expect(try String(contentsOf: destination.appendingPathComponent("posts/a/index.html"), encoding: .utf8) == "a")
            let topOfTree = OutputWriter.topOfTree
            let root = Self.flags(destination.path) ?? 0
            #expect(root & topOfTree != 0, "the output folder")
            #expect((Self.flags(destination.appendingPathComponent("posts").path) ?? 0) & topOfTree != 0, "posts/ holds folders")
            #expect((Self.flags(destination.appendingPathComponent("posts/a").path) ?? 0) & topOfTree == 0, "posts/a/ holds only files")
        }
    }
#endif
