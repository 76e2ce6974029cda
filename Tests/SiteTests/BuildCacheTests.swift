import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import Math
import Synchronization
import Testing
@testable import Site

/// The build cache (`.collective-cache/`): after every kind of edit the dev server's tests make, a
/// build that uses the cache writes exactly the output a build without it writes, byte for byte.
@Suite struct BuildCacheTests {
    let site: URL

    init() throws {
        site = SiteFixtures.temporaryFolder().appendingPathComponent("example")
        try FileManager.default.copyItem(at: SiteFixtures.repositoryRoot.appendingPathComponent("Examples/tensor-collective"), to: site)
        // A cache left in the repository's example by a build run there is not this test's.
        try? FileManager.default.removeItem(at: site.appendingPathComponent(".collective-cache"))
    }

    /// Builds with the cache into the site's `public/`.
    @discardableResult
    private func cachedBuild(_ source: URL? = nil) throws -> BuildReport {
        var builder = SiteBuilder(source: source ?? site)
        builder.useCache = true
        return try builder.build()
    }

    /// Builds without the cache into a new folder, and expects the cached build's output and
    /// diagnostics to be the same.
    private func expectSameAsUncached(_ cached: BuildReport, source: URL? = nil, _ what: String) throws {
        let source = source ?? site
        let fresh = SiteFixtures.temporaryFolder().appendingPathComponent("public")
        let report = try SiteBuilder(source: source, destination: fresh).build()
        #expect(cached.diagnostics == report.diagnostics, "diagnostics differ after \(what)")
        let (cachedTree, freshTree) = (try tree(source.appendingPathComponent("public")), try tree(fresh))
        #expect(cachedTree.keys.sorted() == freshTree.keys.sorted(), "the files differ after \(what)")
        for (path, data) in freshTree where cachedTree[path] != data {
            Issue.record("\(path) differs from a build without the cache after \(what)")
        }
    }

    /// Every file under `folder` by relative path, and every folder (as empty data with a trailing slash).
    private func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = folder.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return files }
        for case let path as String in walker {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder)
            files[isFolder.boolValue ? path + "/" : path] = isFolder.boolValue ? Data() : FileManager.default.contents(atPath: root + "/" + path)
        }
        return files
    }

    private func edit(_ path: String, _ change: (String) -> String) throws {
        let url = site.appendingPathComponent(path)
        try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
    }

    private func write(_ path: String, _ text: String) throws {
        let url = site.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func everyKindOfEditGivesTheOutputOfABuildWithoutTheCache() throws {
        let first = try cachedBuild()
        #expect(first.cacheNote?.contains("no cache yet") == true)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(".collective-cache/build.bin").path))
        try expectSameAsUncached(first, "the first build")

        let unchanged = try cachedBuild()
        #expect(unchanged.written == 0, "a build with nothing changed rewrote \(unchanged.written) files")
        #expect(unchanged.reusedPages > 0 && unchanged.reusedFiles > 0)
        // Nothing changed: feeds and the sitemap come from the previous output too, so more files
        // are reused than there are HTML pages (the example has a page the cache never keeps, which
        // the lists and feeds that show it are made again for).
        let html = [OutputKind.pages, .home, .sections, .taxonomies, .terms, .pagers].reduce(0) { $0 + unchanged.outputCounts[$1, default: 0] }
        #expect(unchanged.reusedFiles > html, "\(unchanged.reusedFiles) files reused, \(html) HTML pages")
        try expectSameAsUncached(unchanged, "a build with nothing changed")

        let post = "content/posts/easy-read-lab-to-model.md"
        try edit(post) { $0 + "\nA closing paragraph about *batch norm*.\n" }
        let body = try cachedBuild()
        #expect(body.reusedPages > 0, "a body edit rendered every page again")
        #expect(body.written > 0 && body.written < 20, "a body edit wrote \(body.written) files")
        #expect(
            body.reusedFiles < unchanged.reusedFiles && body.reusedFiles > unchanged.reusedFiles - 40,
            "the feeds that do not show the page are reused")
        try expectSameAsUncached(body, "a body edit")

        try edit(post) { text in
            guard let cut = text.range(of: "<!--more-->") else { return "Summary changed.\n\n" + text }
            return text.replacingCharacters(in: cut, with: "Summary grows.\n<!--more-->")
        }
        try expectSameAsUncached(try cachedBuild(), "a summary edit")

        try edit(post) { $0.replacingOccurrences(of: "title:", with: "title: Renamed —", options: [], range: $0.range(of: "title:")) }
        let title = try cachedBuild()
        #expect(title.reusedPages == 0, "a front matter edit reused renderings")
        try expectSameAsUncached(title, "a title edit")

        try write(
            "content/posts/fresh.md", "---\ntitle: Fresh\ndate: 2024-05-01\ntags: [new]\n---\nNew post with a [link](easy-read-lab-to-model.md).\n")
        try expectSameAsUncached(try cachedBuild(), "a new page")

        try FileManager.default.removeItem(at: site.appendingPathComponent("content/posts/fresh.md"))
        try expectSameAsUncached(try cachedBuild(), "a deleted page")

        try write("layouts/footer.mustache", "<footer class=\"footer\">Custom footer</footer>\n")
        try expectSameAsUncached(try cachedBuild(), "a template edit")

        try edit("config.yml") { $0.replacingOccurrences(of: "title: The Tensor Collective", with: "title: The Renamed Collective") }
        try expectSameAsUncached(try cachedBuild(), "a config edit")

        try write("data/authors.yaml", "jasper:\n  name: Jasper\n")
        try expectSameAsUncached(try cachedBuild(), "a new data file")
        try write("data/authors.yaml", "jasper:\n  name: Jasper Butcher\n")
        try expectSameAsUncached(try cachedBuild(), "a data file edit")

        let image = site.appendingPathComponent("static/images/tensor-grid.png")
        try (Data(contentsOf: image) + Data([0])).write(to: image)
        try expectSameAsUncached(try cachedBuild(), "a static file edit")

        try edit("content/posts/training-curves/loss.csv") { $0 + "\n" }
        try expectSameAsUncached(try cachedBuild(), "a chart data edit")

        try FileManager.default.removeItem(at: site.appendingPathComponent("layouts/footer.mustache"))
        try edit(post) { $0 + "\nAnd one more line.\n" }
        try expectSameAsUncached(try cachedBuild(), "a removed template and a body edit")
    }

    @Test func aFileEditedInTheOutputIsWrittenAgain() throws {
        try cachedBuild()
        let page = site.appendingPathComponent("public/about/index.html")
        try Data("edited by hand".utf8).write(to: page)
        try FileManager.default.removeItem(at: site.appendingPathComponent("public/tags/index.html"))
        let report = try cachedBuild()
        #expect(report.written == 2)
        try expectSameAsUncached(report, "edits in the output")

        // A FIFO and a symbolic link put in place of pages: neither stops the build nor is taken as the page.
        let fifo = site.appendingPathComponent("public/about/index.html")
        let linked = site.appendingPathComponent("public/tags/index.html")
        try FileManager.default.removeItem(at: fifo)
        try FileManager.default.removeItem(at: linked)
        #expect(mkfifo(fifo.path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(at: linked, withDestinationURL: site.appendingPathComponent("public/index.html"))
        let replaced = try cachedBuild()
        #expect(replaced.written == 2)
        try expectSameAsUncached(replaced, "a FIFO and a symbolic link in the output")
    }

    @Test func aDamagedCacheIsIgnoredWithANote() throws {
        try cachedBuild()
        let file = site.appendingPathComponent(".collective-cache/build.bin")
        var bytes = try Data(contentsOf: file)
        bytes = bytes.prefix(bytes.count / 2)
        try bytes.write(to: file)
        try edit("content/about.md") { $0 + "\nMore about us.\n" }
        let report = try cachedBuild()
        #expect(report.cacheNote?.contains("damaged") == true, "\(report.cacheNote ?? "no note")")
        #expect(report.reusedPages == 0)
        try expectSameAsUncached(report, "a damaged cache")

        try Data("not a cache at all".utf8).write(to: file)
        let garbage = try cachedBuild()
        #expect(garbage.cacheNote?.contains("damaged") == true)
        try expectSameAsUncached(garbage, "a foreign file as cache")
        // The cache was written again: the next build reuses it.
        #expect(try cachedBuild().reusedPages > 0)
    }

    @Test func aCacheOfAnotherVersionIsIgnored() throws {
        try cachedBuild()
        let cache = BuildCache(site: site)
        var stored = try #require(cache.load().0)
        stored.binary = ContentHash(high: 1, low: 2)
        #expect(cache.save(stored) == nil)
        try edit("content/about.md") { $0 + "\nMore about us.\n" }
        let report = try cachedBuild()
        #expect(report.cacheNote?.contains("another version") == true)
        #expect(report.reusedPages == 0)
        try expectSameAsUncached(report, "a cache of another version")
    }

    @Test func deletingTheCacheChangesNothing() throws {
        try cachedBuild()
        try edit("content/about.md") { $0 + "\nMore about us.\n" }
        try FileManager.default.removeItem(at: site.appendingPathComponent(".collective-cache"))
        let report = try cachedBuild()
        #expect(report.cacheNote?.contains("no cache yet") == true)
        try expectSameAsUncached(report, "a deleted cache")
    }

    @Test func theConfigCanTurnTheCacheOff() throws {
        try edit("config.yml") { $0 + "buildCache: false\n" }
        let report = try cachedBuild()
        #expect(report.cacheNote == nil)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent(".collective-cache").path))
    }

    @Test func aMultilingualBodyEditMatchesABuildWithoutTheCache() throws {
        let copy = SiteFixtures.temporaryFolder().appendingPathComponent("multilingual")
        try FileManager.default.copyItem(at: SiteFixtures.site("multilingual"), to: copy)
        try cachedBuild(copy)
        let page = copy.appendingPathComponent("content/posts/hello.fr.md")
        try Data((try String(contentsOf: page, encoding: .utf8) + "\nUn paragraphe de plus.\n").utf8).write(to: page)
        let report = try cachedBuild(copy)
        #expect(report.reusedPages > 0)
        try expectSameAsUncached(report, source: copy, "a French body edit")
    }

    @Test func aPageDatedFarAheadKeepsTheCacheValidUntilThen() throws {
        try write("content/posts/far.md", "---\ntitle: Far\ndate: 2999-01-01\n---\nLater.\n")
        try write("content/posts/soon.md", "---\ntitle: Soon\ndate: 2100-01-01\nexpiryDate: 2200-01-01\n---\nSoon.\n")
        try cachedBuild()
        let stored = try #require(BuildCache(site: site).load().0)
        // 2100-01-01 in whichever time zone the date is read: the first date that changes what is published.
        let day = 86_400_000_000_000
        let soon = BuildCache.nanoseconds(try #require(ISO8601DateFormatter().date(from: "2100-01-01T00:00:00Z")))
        #expect(stored.validUntil.map { abs($0 - soon) <= day } == true, "\(String(describing: stored.validUntil))")
        #expect(BuildCache.nanoseconds(Date.distantFuture) == Int.max && BuildCache.nanoseconds(Date(timeIntervalSince1970: 1)) == 1_000_000_000)
        try edit("content/about.md") { $0 + "\nMore.\n" }
        #expect(try cachedBuild().reusedPages > 0)
    }

    @Test func aThemeOutsideTheSiteFolderKeepsTheCacheFromReusingPages() throws {
        let root = SiteFixtures.temporaryFolder()
        let outside = root.appendingPathComponent("themes/plain/layouts/shortcodes")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("<b>{{ .Get 0 }}</b>".utf8).write(to: outside.appendingPathComponent("bold.html"))
        let copy = root.appendingPathComponent("site")
        try FileManager.default.copyItem(at: site, to: copy)
        let config = copy.appendingPathComponent("config.yml")
        try Data((try String(contentsOf: config, encoding: .utf8) + "themesDir: ../themes\ntheme: plain\n").utf8).write(to: config)
        try cachedBuild(copy)
        try Data("<i>{{ .Get 0 }}</i>".utf8).write(to: outside.appendingPathComponent("bold.html"))
        let about = copy.appendingPathComponent("content/about.md")
        try Data((try String(contentsOf: about, encoding: .utf8) + "\nWe are {{< bold \"bold\" >}}.\n").utf8).write(to: about)
        let report = try cachedBuild(copy)
        #expect(report.cacheNote?.contains("outside the site folder") == true, "\(report.cacheNote ?? "no note")")
        #expect(report.reusedPages == 0)
        try expectSameAsUncached(report, source: copy, "an edit beside a theme outside the site")
    }

    /// A page that refers to another page's equation is rendered again every build (the number
    /// may change); a labelled page taken from the cache still lends its labels.
    @Test func equationReferencesAcrossPagesFollowTheLabelledPage() throws {
        try write(
            "content/posts/labelled.md",
            "---\ntitle: Labelled\ndate: 2024-05-01\n---\n$$\\begin{equation} E = mc^2 \\label{energy} \\end{equation}$$\n")
        try write("content/posts/citing.md", "---\ntitle: Citing\ndate: 2024-05-02\n---\nBy $\\eqref{energy}$.\n")
        let first = try cachedBuild()
        try expectSameAsUncached(first, "pages with an equation reference")
        let citing = site.appendingPathComponent("public/posts/citing/index.html")
        #expect(try String(contentsOf: citing, encoding: .utf8).contains("#eqn-energy\">(1)</a>"))

        try edit("content/about.md") { $0 + "\nMore about us.\n" }
        let unrelated = try cachedBuild()
        #expect(unrelated.reusedPages > 0)
        try expectSameAsUncached(unrelated, "an edit beside a labelled page taken from the cache")
        #expect(try String(contentsOf: citing, encoding: .utf8).contains("#eqn-energy\">(1)</a>"))

        try edit("content/posts/labelled.md") {
            $0.replacingOccurrences(of: "$$\\begin{equation} E", with: "$$\\begin{equation} b \\end{equation}$$\n\n$$\\begin{equation} E")
        }
        try expectSameAsUncached(try cachedBuild(), "an equation added before the label")
        #expect(try String(contentsOf: citing, encoding: .utf8).contains("#eqn-energy\">(2)</a>"))
    }

    @Test func hashesAndRecordsRoundTrip() throws {
        #expect(ContentHash(Data("a".utf8)) != ContentHash(Data("b".utf8)))
        #expect(ContentHash(Data()) != ContentHash(Data([0])))
        #expect(ContentHash(Data("same".utf8)) == ContentHash(Data("same".utf8)))
        var one = ContentHash.Builder()
        var two = ContentHash.Builder()
        one.add("ab")
        one.add("c")
        two.add("a")
        two.add("bc")
        #expect(one.finish() != two.finish())
        var rendered = RenderedContent()
        (rendered.html, rendered.summaryHTML, rendered.summaryText, rendered.isTruncated) = ("<p>é</p>", "s", "t", true)
        (rendered.toc, rendered.wordCount, rendered.readingMinutes) = ([TOCEntry(level: 2, id: "a", text: "A")], 3, 1)
        (rendered.plainText, rendered.hasMath, rendered.hasCode, rendered.coverURL) = ("é", true, false, nil)
        rendered.references = [
            LinkReference(kind: .image, target: .markdown("a.png"), url: "/a.png", line: 3, column: nil, alt: "x"),
            LinkReference(
                kind: .link, target: .reference(path: "b.md#c", absolute: true), url: "#",
                isBroken: true, line: 4, column: 2, alt: nil),
        ]
        let page = CachedPage(
            sourceHash: ContentHash(high: 7, low: 9), rendered: rendered,
            diagnostics: [Diagnostic(.warning, "w", file: "f.md", line: 2)], entryHTML: nil)
        var withMath = page
        withMath.rendered.equationLabels = [EquationLabel(key: "a:b", text: "3")]
        withMath.rendered.mathProblems = [MathProblem(line: 4, column: 7, command: "\\foo", message: "unknown command \\foo", isRefused: false)]
        var mathWriter = ByteWriter()
        withMath.write(to: &mathWriter)
        var mathReader = ByteReader(mathWriter.bytes)
        let mathBack = try CachedPage(from: &mathReader)
        #expect(
            mathBack.rendered.equationLabels == withMath.rendered.equationLabels && mathBack.rendered.mathProblems == withMath.rendered.mathProblems)
        var writer = ByteWriter()
        page.write(to: &writer)
        var reader = ByteReader(writer.bytes)
        let back = try CachedPage(from: &reader)
        #expect(reader.isAtEnd)
        #expect(back.sourceHash == page.sourceHash && back.rendered.html == page.rendered.html && back.rendered.toc == page.rendered.toc)
        #expect(back.rendered.plainText == "é")
        // A page read from the cache and written again without its text being read: the same bytes.
        var again = ByteWriter()
        back.write(to: &again)
        #expect(again.bytes == writer.bytes)
        #expect(back.rendered.references == page.rendered.references && back.diagnostics == page.diagnostics && back.entryHTML == nil)
        var truncated = ByteReader(Array(writer.bytes.dropLast(3)))
        #expect(throws: ByteReader.Malformed.self) { try CachedPage(from: &truncated) }
    }

    @Test func parsedFrontMatterRoundTripsAndIsTakenFromTheMemo() throws {
        let table: [String: Value] = [
            "title": .string("Ünïcode"), "weight": .int(-3), "ratio": .double(0.1), "draft": .bool(false),
            "tags": .array([.string("a"), .null]), "cover": .table(["image": .string("c.png"), "n": .array([])]),
        ]
        var writer = ByteWriter()
        FrontMatterMemo.encode((table, ["title": 1, "tags": 4]), into: &writer)
        var reader = ByteReader(writer.bytes)
        let back = try FrontMatterMemo.decode(&reader)
        #expect(reader.isAtEnd && back.table == table && back.keyLines == ["title": 1, "tags": 4])
        for end in 0..<writer.bytes.count {
            var short = ByteReader(Array(writer.bytes[..<end]))
            #expect(throws: ByteReader.Malformed.self) { _ = try FrontMatterMemo.decode(&short) }
        }

        let memo = FrontMatterMemo(known: [FrontMatterMemo.key("title: Kept", format: .yaml): MemoEntry([0] + writer.bytes)])
        var parses = 0
        let parse = { () throws(DataFormatError) -> FrontMatterMemo.Parsed in
            parses += 1
            return try DataFormat.yaml.parseTable("title: Parsed")
        }
        #expect(try memo.parsed("title: Kept", format: .yaml, parse: parse).table == table)
        #expect(parses == 0)
        // The same text as TOML is another entry.
        #expect(try memo.parsed("title: Kept", format: .toml, parse: parse).table == ["title": .string("Parsed")])
        #expect(parses == 1)
        #expect(memo.entries.count == 2)

        // A content file's summary, by the hash of its bytes: another build reads it back.
        let hash = ContentHash(Data("the file".utf8))
        let writing = FrontMatterMemo(fileHashes: ["content/a.md": hash])
        let split = try #require(FrontMatter.split("+++\ntitle = \"A\"\n+++\nBody.\n"))
        writing.remember(FrontMatterMemo.FileSummary(frontMatter: split, isBlank: false), ofFile: "content/a.md")
        writing.remember(FrontMatterMemo.FileSummary(frontMatter: split, isBlank: false), ofFile: "content/unknown.md")
        #expect(writing.entries.count == 1)
        let reading = FrontMatterMemo(known: writing.entries, fileHashes: ["content/a.md": hash, "content/b.md": ContentHash(Data("other".utf8))])
        let summary = try #require(reading.summary(ofFile: "content/a.md"))
        #expect(summary.frontMatter.format == .toml && summary.frontMatter.text == split.text && summary.frontMatter.body.isEmpty)
        #expect(summary.frontMatter.firstLine == split.firstLine && summary.frontMatter.bodyLine == split.bodyLine && !summary.isBlank)
        #expect(reading.summary(ofFile: "content/b.md") == nil, "another file's bytes")
    }

    @Test func pagesTakenFromTheCacheWithoutReadingTheirFilesKeepTheirWarnings() throws {
        try write("content/posts/odd-date.md", "---\ntitle: Odd\ndate: someday\nweight: heavy\ntags: [odd]\n---\nA body.\n")
        try write("content/posts/blank.md", "\n  \n")
        try write("content/posts/windows.md", "---\r\ntitle: Windows\r\ndate: 2024-02-03\r\n---\r\nLine ends.\r\n")
        try cachedBuild()
        let unchanged = try cachedBuild()
        #expect(unchanged.written == 0 && unchanged.reusedPages > 0)
        #expect(unchanged.diagnostics.contains { $0.file == "content/posts/odd-date.md" && $0.message.contains("someday") })
        #expect(unchanged.diagnostics.contains { $0.file == "content/posts/blank.md" && $0.message.contains("empty") })
        try expectSameAsUncached(unchanged, "a build taking pages' front matter from the cache")
        try edit("content/posts/odd-date.md") { $0 + "More body.\n" }
        try expectSameAsUncached(try cachedBuild(), "a body edit beside pages taken from the cache")
    }

    @Test func aBodyEditAppendsToThePageFileAndAForeignPageFileIsIgnored() throws {
        try cachedBuild()
        let pagesFile = site.appendingPathComponent(".collective-cache/pages.bin")
        func size() throws -> Int { try FileManager.default.attributesOfItem(atPath: pagesFile.path)[.size] as! Int }
        func inode() throws -> Int { try FileManager.default.attributesOfItem(atPath: pagesFile.path)[.systemFileNumber] as! Int }
        let (firstSize, firstInode) = (try size(), try inode())
        let original = try Data(contentsOf: pagesFile)

        try edit("content/posts/easy-read-lab-to-model.md") { $0 + "\nA paragraph for the page file.\n" }
        let body = try cachedBuild()
        #expect(body.reusedPages > 0)
        try expectSameAsUncached(body, "a body edit appended to the page file")
        #expect(try inode() == firstInode, "the page file was written again instead of appended to")
        let appended = try size() - firstSize
        #expect(appended > 0 && appended < firstSize / 2, "appended \(appended) of \(firstSize) bytes")
        #expect(try Data(contentsOf: pagesFile).prefix(firstSize) == original, "a record was changed in place")

        // Nothing changed: nothing appended.
        let sizeAfterEdit = try size()
        try cachedBuild()
        #expect(try size() == sizeAfterEdit)

        // A page file that is not the one build.bin names (another build's, or one put there by hand) is ignored.
        let stored = try #require(BuildCache(site: site).load().0)
        try FileManager.default.removeItem(at: pagesFile)
        #expect(PageStore(folder: site.appendingPathComponent(".collective-cache").path).save(stored.pages) != nil)
        let foreign = try cachedBuild()
        #expect(foreign.cacheNote?.contains("damaged") == true, "\(foreign.cacheNote ?? "no note")")
        try expectSameAsUncached(foreign, "a foreign page file")
        #expect(try cachedBuild().reusedPages > 0)
    }

    @Test func aBodyEditAppendsItsFrontMatterSummaryToTheMemoFile() throws {
        try cachedBuild()
        let memoFile = site.appendingPathComponent(".collective-cache/memo.bin")
        let original = try Data(contentsOf: memoFile)
        let inode = try FileManager.default.attributesOfItem(atPath: memoFile.path)[.systemFileNumber] as! Int
        let entries = try #require(BuildCache(site: site).load().0).parsedFrontMatter
        #expect(!entries.isEmpty && entries.values.allSatisfy { $0.origin != nil }, "the memo's entries are read from memo.bin")

        // The edited file's bytes have a new hash: its summary is appended, the rest stays where it is.
        try edit("content/posts/easy-read-lab-to-model.md") { $0 + "\nA paragraph for the memo file.\n" }
        let body = try cachedBuild()
        #expect(body.reusedPages > 0)
        try expectSameAsUncached(body, "a body edit with the memo file appended to")
        let after = try Data(contentsOf: memoFile)
        #expect(try FileManager.default.attributesOfItem(atPath: memoFile.path)[.systemFileNumber] as! Int == inode)
        #expect(after.count > original.count && after.prefix(original.count) == original, "a memo entry was changed in place")
        let kept = try #require(BuildCache(site: site).load().0).parsedFrontMatter
        #expect(kept.count == entries.count, "one summary replaced by another")

        // A memo file that is not the one build.bin names is ignored as damaged.
        try Data(original.prefix(40)).write(to: memoFile)
        let foreign = try cachedBuild()
        #expect(foreign.cacheNote?.contains("damaged") == true, "\(foreign.cacheNote ?? "no note")")
        try expectSameAsUncached(foreign, "a damaged memo file")
    }

    @Test func buildsFinishingAtOnceLeaveACacheThatGivesTheSameOutput() throws {
        try cachedBuild()
        let post = "content/posts/easy-read-lab-to-model.md"
        try edit(post) { $0 + "\nWritten before two builds at once.\n" }
        let builds = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 3) { _ in
            if (try? cachedBuild()) != nil { builds.withLock { $0 += 1 } }
        }
        #expect(builds.withLock { $0 } == 3)
        try edit(post) { $0 + "\nAnd after them.\n" }
        try expectSameAsUncached(try cachedBuild(), "an edit after builds that finished at once")
    }

    @Test func thePageFileIsWrittenAgainWhenMostOfItIsDead() throws {
        try cachedBuild()
        let folder = site.appendingPathComponent(".collective-cache").path
        let cache = BuildCache(site: site)
        var stored = try #require(cache.load().0)
        // Pages read from the file stay where they are; pages rendered again are appended.
        var store = PageStore(folder: folder)
        store.slack = 0
        let kept = try #require(store.save(stored.pages))
        #expect(Set(kept.index.map(\.range.lowerBound)) == Set(stored.pages.values.compactMap { $0.origin?.range.lowerBound }))
        // Records that did not come from the file are appended until the dead bytes outgrow the live ones.
        for key in stored.pages.keys { stored.pages[key]?.origin = nil }
        var ids: [ContentHash] = []
        for _ in 0..<4 {
            let saved = try #require(store.save(stored.pages))
            ids.append(saved.id)
            let pages = try #require(store.load(id: saved.id, index: saved.index))
            #expect(pages.count == stored.pages.count)
            #expect(pages.keys.allSatisfy { pages[$0]?.rendered.html == stored.pages[$0]?.rendered.html })
        }
        #expect(Set(ids).count > 1, "the file was never written again whole")
        #expect(store.load(id: ContentHash(high: 1, low: 2), index: []) == nil)
    }

    @Test func relatedPagesAndParsedFrontMatterAreKeptAndGiveTheSameOutput() throws {
        try cachedBuild()
        let stored = try #require(BuildCache(site: site).load().0)
        #expect(!stored.related.isEmpty && stored.related[0].contains { !$0.isEmpty }, "the example's posts share tags")
        #expect(!stored.parsedFrontMatter.isEmpty)
        // A config edit renders everything again, with the front matter parsed by the build before.
        try edit("config.yml") { $0.replacingOccurrences(of: "title: The Tensor Collective", with: "title: The Retitled Collective") }
        try expectSameAsUncached(try cachedBuild(), "a config edit with front matter from the cache")
        // A body edit takes the related pages from the cache.
        try edit("content/posts/easy-read-lab-to-model.md") { $0 + "\nOne more paragraph.\n" }
        let body = try cachedBuild()
        #expect(body.reusedPages > 0)
        try expectSameAsUncached(body, "a body edit with related pages from the cache")
    }
}
