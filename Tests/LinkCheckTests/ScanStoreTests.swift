import Foundation
import Testing
@testable import LinkCheck
import Site

/// The link check's scans kept in the build cache's folder (`links.bin`) give the findings of a
/// check that scans every file.
@Suite struct ScanStoreTests {
    private func copy(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("collective-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let site = folder.appendingPathComponent(name)
        try FileManager.default.copyItem(at: FixtureSite.folder.appendingPathComponent(name), to: site)
        return site
    }

    private func cachedBuild(_ site: URL) throws -> BuildReport {
        var builder = SiteBuilder(source: site)
        builder.useCache = true
        return try builder.build()
    }

    @Test func storedScansGiveTheFindingsOfAFullScan() throws {
        let site = try copy("broken-links")
        let first = try cachedBuild(site)
        let folder = try #require(first.cacheFolder)
        #expect(!first.fileHashes.isEmpty)
        var uncached = first
        uncached.cacheFolder = nil
        let expected = internalFindings(uncached)
        #expect(!expected.isEmpty, "the fixture has broken links in templates")
        #expect(internalFindings(first) == expected)
        let stored = try #require(ScanStore.decode([UInt8](try Data(contentsOf: folder.appendingPathComponent(ScanStore.fileName)))))
        #expect(stored.scans.count == Set(first.generatedPaths.filter { $0.hasSuffix(".html") }.compactMap { first.fileHashes[$0] }).count)

        // An edit that adds a broken anchor: the stored scans of the other files and the new scan of the page.
        let page = site.appendingPathComponent("content/posts/c.md")
        try Data((try String(contentsOf: page, encoding: .utf8) + "\n<a href=\"/posts/a/#nowhere-raw\">raw</a>\n").utf8).write(to: page)
        let second = try cachedBuild(site)
        var secondUncached = second
        secondUncached.cacheFolder = nil
        let after = internalFindings(second)
        #expect(after == internalFindings(secondUncached))
        #expect(after.contains { $0.message.contains("#nowhere-raw") }, "\(after.map(\.message))")
        // The scans of the files whose bytes changed were appended to the stored ones.
        let grown = ScanStore(folder: folder)
        let hashes = Set(second.generatedPaths.filter { $0.hasSuffix(".html") }.compactMap { second.fileHashes[$0] })
        #expect(grown.records > stored.records && grown.records == grown.scans.count)
        #expect(hashes.isSubset(of: Set(grown.scans.keys)))
    }

    @Test func keptOutlinksFollowAnAnchorAddedAndRemovedOnAnotherPage() throws {
        let site = try copy("broken-links")
        func findings(_ report: BuildReport) -> (cached: [Diagnostic], uncached: [Diagnostic]) {
            var uncached = report
            uncached.cacheFolder = nil
            return (internalFindings(report), internalFindings(uncached))
        }
        let first = try cachedBuild(site)
        let initial = findings(first)
        #expect(initial.cached == initial.uncached)
        #expect(initial.cached.contains { $0.message.contains("/posts/a/#nothing") }, "b.md's raw link to a missing anchor on a")
        let folder = try #require(first.cacheFolder)
        let stored = try #require(OutlinkStore(folder: folder))
        #expect(stored.records.count == first.generatedPaths.count { $0.hasSuffix(".html") })

        // Page a gets the id b.md links to: b's bytes are the same, but its link now reaches an anchor.
        let page = site.appendingPathComponent("content/posts/a.md")
        let original = try String(contentsOf: page, encoding: .utf8)
        try Data((original + "\n<span id=\"nothing\"></span>\n").utf8).write(to: page)
        let added = findings(try cachedBuild(site))
        #expect(added.cached == added.uncached)
        #expect(!added.cached.contains { $0.message.contains("/posts/a/#nothing") }, "\(added.cached.map(\.message))")

        try Data(original.utf8).write(to: page)
        let removed = findings(try cachedBuild(site))
        #expect(removed.cached == removed.uncached)
        #expect(removed.cached.contains { $0.message.contains("/posts/a/#nothing") })
    }

    @Test func outlinksRoundTripAndRefuseDamagedBytes() throws {
        let record = OutlinkStore.Record(
            hash: ContentHash(Data("page".utf8)),
            outlinks: OutlinkStore.Outlinks(
                pages: [1, 0, 1], anchorTargets: [1],
                broken: [OutlinkStore.Broken(url: "/x/#é", isAnchor: true), OutlinkStore.Broken(url: "/y/", isAnchor: false)]))
        let store = OutlinkStore(
            environment: ContentHash(Data("site".utf8)),
            records: [record, OutlinkStore.Record(hash: ContentHash(Data("other".utf8)), outlinks: OutlinkStore.Outlinks())])
        let bytes = store.encoded()
        #expect(OutlinkStore.decode(bytes) == store)
        for end in 0..<bytes.count { #expect(OutlinkStore.decode(Array(bytes[..<end])) == nil) }
        #expect(OutlinkStore.decode(bytes + [0]) == nil)
        // A position past the last record cannot be.
        var outside = store
        outside.records[1].outlinks.pages = [2]
        #expect(OutlinkStore.decode(outside.encoded()) == nil)
    }

    @Test func theStoreRoundTripsAndRefusesDamagedBytes() throws {
        let scan = ScannedPage(html: Array("<h2 id=a>A</h2><p id=a></p><a name=n></a><a href='/x/#a'>x</a><img src=/i.png>".utf8))
        let store = ScanStore(scans: [ContentHash(Data("page".utf8)): scan])
        let bytes = store.encoded()
        let back = try #require(ScanStore.decode(bytes))
        let decoded = try #require(back.scans[ContentHash(Data("page".utf8))])
        #expect(decoded.idOrder == ["a"] && decoded.idCounts == ["a": 2] && decoded.names == ["n"] && decoded.links == ["/x/#a", "/i.png"])
        for end in 0..<bytes.count { #expect(ScanStore.decode(Array(bytes[..<end])) == nil) }
        #expect(ScanStore.decode(bytes + [0]) == nil)
    }

    @Test func newScansAreAppendedUntilTheFileHoldsTwiceWhatTheSiteNeeds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("collective-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let scan = ScannedPage(html: Array("<p id=a><a href='/x/'>x</a></p>".utf8))
        let (one, two, three) = (ContentHash(Data("1".utf8)), ContentHash(Data("2".utf8)), ContentHash(Data("3".utf8)))
        #expect(ScanStore(scans: [one: scan]).save(in: folder))
        let file = folder.appendingPathComponent(ScanStore.fileName)
        let written = try Data(contentsOf: file)

        ScanStore(folder: folder).update(to: [one: scan, two: scan], in: folder)
        let appended = try Data(contentsOf: file)
        #expect(appended.prefix(written.count) == written, "the first record is kept as it was")
        let grown = ScanStore(folder: folder)
        #expect(grown.records == 2 && Set(grown.scans.keys) == [one, two])

        // Three records for one scan needed: written anew with that scan only.
        grown.update(to: [three: scan], in: folder)
        let rewritten = ScanStore(folder: folder)
        #expect(rewritten.records == 1 && Set(rewritten.scans.keys) == [three])
        #expect(rewritten.scans[three]?.links == ["/x/"])
    }
}
