#if os(Linux)
    import Foundation
    import Glibc
    import SeededRandom
    import Testing
    @testable import Site

    /// The output folder rule (docs/output.md): what a build may replace, what it keeps, and what it refuses.
    @Suite struct OutputFolderTests {
        private let fileManager = FileManager.default

        private func site() throws -> URL {
            try SiteFixtures.makeSite([
                "hugo.toml": "title = \"T\"\nbaseURL = \"https://example.org/\"\n",
                "content/posts/one.md": "---\ntitle: One\n---\nFirst.\n",
            ])
        }

        private func write(_ text: String, to url: URL) throws {
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        private func refusal(_ builder: SiteBuilder) -> String? {
            do {
                _ = try builder.build()
                return nil
            } catch {
                return error.message
            }
        }

        @Test func aFolderCollectiveDidNotWriteIsRefusedAndLeftAlone() throws {
            let source = try site()
            let out = SiteFixtures.temporaryFolder()
            try write("notes", to: out.appendingPathComponent("mine.txt"))
            let message = try #require(refusal(SiteBuilder(source: source, destination: out)))
            #expect(message.contains("holds files collective did not write (mine.txt)"))
            #expect(message.contains("--force"))
            #expect(try String(contentsOf: out.appendingPathComponent("mine.txt"), encoding: .utf8) == "notes")
            #expect(!fileManager.fileExists(atPath: out.appendingPathComponent("index.html").path))
        }

        @Test func forceReplacesAForeignFolderButKeepsDeployFiles() throws {
            let source = try site()
            let out = SiteFixtures.temporaryFolder()
            try write("notes", to: out.appendingPathComponent("mine.txt"))
            try write("[core]", to: out.appendingPathComponent(".git/config"))
            try write("blog.example.org", to: out.appendingPathComponent("CNAME"))
            try write("", to: out.appendingPathComponent(".nojekyll"))
            try write("key", to: out.appendingPathComponent(".well-known/security.txt"))
            let report = try SiteBuilder(source: source, destination: out, replaceForeignOutput: true).build()
            #expect(report.published)
            #expect(!fileManager.fileExists(atPath: out.appendingPathComponent("mine.txt").path))
            #expect(fileManager.fileExists(atPath: out.appendingPathComponent("posts/one/index.html").path))
            #expect(try String(contentsOf: out.appendingPathComponent(".git/config"), encoding: .utf8) == "[core]")
            #expect(try String(contentsOf: out.appendingPathComponent("CNAME"), encoding: .utf8) == "blog.example.org")
            #expect(fileManager.fileExists(atPath: out.appendingPathComponent(".nojekyll").path))
            #expect(fileManager.fileExists(atPath: out.appendingPathComponent(".well-known/security.txt").path))
        }

        @Test func ownOutputIsReplacedAndDeployFilesAddedLaterSurvive() throws {
            let source = try site()
            let out = SiteFixtures.temporaryFolder().appendingPathComponent("public")
            _ = try SiteBuilder(source: source, destination: out).build()
            #expect(fileManager.fileExists(atPath: out.appendingPathComponent(OutputFolder.marker).path))
            try write("[core]", to: out.appendingPathComponent(".git/config"))
            try write("blog.example.org", to: out.appendingPathComponent("CNAME"))
            try write("stale", to: out.appendingPathComponent("old-page/index.html"))
            let again = try SiteBuilder(source: source, destination: out).build()
            #expect(again.published)
            #expect(try String(contentsOf: out.appendingPathComponent(".git/config"), encoding: .utf8) == "[core]")
            #expect(try String(contentsOf: out.appendingPathComponent("CNAME"), encoding: .utf8) == "blog.example.org")
            #expect(!fileManager.fileExists(atPath: out.appendingPathComponent("old-page").path), "collective's own output is replaced whole")
        }

        @Test func aCNAMEFromStaticWinsOverTheKeptOne() throws {
            let source = try site()
            try write("new.example.org", to: source.appendingPathComponent("static/CNAME"))
            let out = SiteFixtures.temporaryFolder()
            try write("old.example.org", to: out.appendingPathComponent("CNAME"))
            _ = try SiteBuilder(source: source, destination: out).build()
            #expect(try String(contentsOf: out.appendingPathComponent("CNAME"), encoding: .utf8) == "new.example.org")
        }

        @Test func theSiteThroughASymlinkIsNeverTheOutput() throws {
            let source = try site()
            let link = SiteFixtures.temporaryFolder().appendingPathComponent("link")
            try fileManager.createSymbolicLink(at: link, withDestinationURL: source)
            let message = try #require(refusal(SiteBuilder(source: link, destination: source)))
            #expect(message.contains("is the site folder or contains it"))
            let parent = try #require(refusal(SiteBuilder(source: link, destination: source.deletingLastPathComponent())))
            #expect(parent.contains("is the site folder or contains it"))
            #expect(fileManager.fileExists(atPath: source.appendingPathComponent("content/posts/one.md").path))
        }

        @Test func sourcesConfigAndGitAreNeverTheOutput() throws {
            let source = try site()
            try write("[core]", to: source.appendingPathComponent(".git/config"))
            for target in [".git", ".git/objects", "hugo.toml", "content", "static/out", "layouts"] {
                let message = try #require(refusal(SiteBuilder(source: source, destination: source.appendingPathComponent(target))), "\(target)")
                #expect(message.contains("would overwrite the site's"), "\(target): \(message)")
            }
            #expect(try String(contentsOf: source.appendingPathComponent(".git/config"), encoding: .utf8) == "[core]")
            #expect(try String(contentsOf: source.appendingPathComponent("hugo.toml"), encoding: .utf8).hasPrefix("title"))
        }

        @Test func aLanguageContentDirIsASource() throws {
            let source = try SiteFixtures.makeSite([
                "hugo.toml": "baseURL = \"https://example.org/\"\n[languages.en]\ncontentDir = \"words/en\"\n",
                "words/en/a.md": "---\ntitle: A\n---\nA.\n",
            ])
            let message = try #require(refusal(SiteBuilder(source: source, destination: source.appendingPathComponent("words"))))
            #expect(message.contains("would overwrite the site's words/en"))
        }

        @Test func aFileIsNeverTurnedIntoAFolder() throws {
            let source = try site()
            let file = SiteFixtures.temporaryFolder().appendingPathComponent("notes.txt")
            try write("keep me", to: file)
            let message = try #require(refusal(SiteBuilder(source: source, destination: file)))
            #expect(message.contains("is a file"))
            #expect(try String(contentsOf: file, encoding: .utf8) == "keep me")
        }

        @Test func aSymlinkedOutputIsWrittenThrough() throws {
            let source = try site()
            let real = SiteFixtures.temporaryFolder().appendingPathComponent("www")
            try fileManager.createDirectory(at: real, withIntermediateDirectories: true)
            let link = SiteFixtures.temporaryFolder().appendingPathComponent("public")
            try fileManager.createSymbolicLink(at: link, withDestinationURL: real)
            _ = try SiteBuilder(source: source, destination: link).build()
            _ = try SiteBuilder(source: source, destination: link).build()
            #expect(try fileManager.destinationOfSymbolicLink(atPath: link.path) == real.path)
            #expect(fileManager.fileExists(atPath: real.appendingPathComponent("posts/one/index.html").path))
        }

        @Test func leftoversOfKilledBuildsAreRemoved() throws {
            let source = try site()
            let parent = SiteFixtures.temporaryFolder()
            let out = parent.appendingPathComponent("public")
            // Process ids above the kernel's largest (4,194,304) belong to no process.
            for name in [".public.staging-2147483000", ".public.previous-2147483001"] {
                try write("x", to: parent.appendingPathComponent(name).appendingPathComponent("index.html"))
            }
            let alive = ".public.staging-\(getpid())-not-a-pid"
            try write("x", to: parent.appendingPathComponent(alive).appendingPathComponent("index.html"))
            _ = try SiteBuilder(source: source, destination: out).build()
            let entries = try fileManager.contentsOfDirectory(atPath: parent.path).sorted()
            #expect(entries == [".public.lock", alive, "public"])
        }

        @Test func exchangeSwapsTwoFoldersInOneStep() throws {
            let root = SiteFixtures.temporaryFolder()
            let (a, b) = (root.appendingPathComponent("a"), root.appendingPathComponent("b"))
            try write("A", to: a.appendingPathComponent("file"))
            try write("B", to: b.appendingPathComponent("file"))
            try OutputWriter.exchange(a.path, b.path)
            #expect(try String(contentsOf: a.appendingPathComponent("file"), encoding: .utf8) == "B")
            #expect(try String(contentsOf: b.appendingPathComponent("file"), encoding: .utf8) == "A")
            #expect(RenameExchange.function != nil, "glibc has renameat2")
        }

        @Test func twoBuildsIntoOneFolderTakeTurns() async throws {
            let first = try site()
            let second = try SiteFixtures.makeSite([
                "hugo.toml": "title = \"T\"\nbaseURL = \"https://example.org/\"\n",
                "content/posts/two.md": "---\ntitle: Two\n---\nSecond.\n",
            ])
            for _ in 0..<4 {
                let out = SiteFixtures.temporaryFolder().appendingPathComponent("public")
                async let a = Task.detached { try SiteBuilder(source: first, destination: out).build().published }.value
                async let b = Task.detached { try SiteBuilder(source: second, destination: out).build().published }.value
                #expect(try await (a, b) == (true, true))
                let one = fileManager.fileExists(atPath: out.appendingPathComponent("posts/one/index.html").path)
                let two = fileManager.fileExists(atPath: out.appendingPathComponent("posts/two/index.html").path)
                #expect(one != two, "the output is one build's, not a mix")
            }
        }

        @Test func contentFilesWithOneCharacterNamesBuild() throws {
            let source = try SiteFixtures.makeSite([
                "hugo.toml": "title = \"T\"\nbaseURL = \"https://example.org/\"\n",
                "content/a.md": "---\ntitle: A\n---\nA.\n",
                "content/b/index.md": "---\ntitle: B\n---\nB.\n",
                "content/c/d.md": "---\ntitle: D\n---\nD.\n",
            ])
            let (report, _) = try SiteFixtures.build(source, write: false)
            #expect(report.errors.isEmpty)
            #expect(report.html(at: "/a/")?.contains("A.") == true)
            #expect(report.html(at: "/b/")?.contains("B.") == true)
            #expect(report.html(at: "/c/d/")?.contains("D.") == true)
        }
    }

    @Suite struct PathTextTests {
        @Test func pathArithmetic() {
            #expect(PathText.folder(of: "a") == "")
            #expect(PathText.folder(of: "a/b/c") == "a/b")
            #expect(PathText.folder(of: "a/b/") == "a")
            #expect(PathText.folder(of: "/a") == "/")
            #expect(PathText.lastComponent("a") == "a")
            #expect(PathText.lastComponent("a/b/") == "b")
            #expect(PathText.fileExtension("a/b.md") == "md")
            #expect(PathText.fileExtension(".gitignore") == "")
            #expect(PathText.fileExtension("a.b/c") == "")
            #expect(PathText.removingExtension("a/b.md") == "a/b")
            #expect(PathText.removingExtension("a") == "a")
            #expect(PathText.removingExtension("x/.hidden") == "x/.hidden")
        }

        @Test func componentsFoundAsBytesAreThoseOfSplittingAtSlashes() {
            #expect(PathText.trimmedSlashes("") == "")
            #expect(PathText.trimmedSlashes("/") == "")
            #expect(PathText.trimmedSlashes("posts/a") == "posts/a")
            #expect(PathText.trimmedSlashes("/tags/web/page/2/") == "tags/web/page/2")
            #expect(PathText.trimmedSlashes("//a///b//") == "a/b")
            #expect(PathText.trimmedSlashes("/文章//数学/") == "文章/数学")
            // Seeded random paths of slashes, letters and non-ASCII text: the same as splitting and joining.
            var random = SeededGenerator(seed: 21)
            let pieces = ["/", "/", "a", "b", "é", "数", "-", "."]
            for _ in 0..<2_000 {
                let path = (0..<Int.random(in: 0...9, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
                #expect(PathText.trimmedSlashes(path) == path.split(separator: "/").joined(separator: "/"), "\(path)")
                #expect(PathText.components(path) == path.split(separator: "/"), "\(path)")
                #expect(PathText.firstComponent(path) == path.split(separator: "/").first.map(String.init) ?? "", "\(path)")
            }
        }

        @Test func edgesAndTextBeyondASCII() {
            #expect(PathText.folder(of: "/") == "/")
            #expect(PathText.folder(of: "//") == "/")
            #expect(PathText.folder(of: "a//") == "")
            #expect(PathText.lastComponent("/") == "")
            #expect(PathText.lastComponent("") == "")
            #expect(PathText.lastComponent("a/b//") == "b")
            #expect(PathText.fileExtension("a.") == "")
            #expect(PathText.fileExtension("a/b.tar.gz/") == "gz")
            #expect(PathText.removingExtension("a.") == "a.")
            #expect(PathText.removingExtension("a/b.md/") == "a/b")
            #expect(PathText.folder(of: "posts/été/naïve.fr.md") == "posts/été")
            #expect(PathText.lastComponent("文章/数学.md") == "数学.md")
            #expect(PathText.fileExtension("文章/数学.md") == "md")
            #expect(PathText.removingExtension("e\u{301}/cafe\u{301}.md") == "e\u{301}/cafe\u{301}")
            #expect(PathText.removingExtension("🙂.md") == "🙂")
        }
    }

#endif
