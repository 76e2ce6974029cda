import Foundation
import Site
import TextUtilities

/// Where each HTML file's links led in the last check, kept beside the scans (`outlinks.bin` in
/// the build cache's folder) so that a build after an edit resolves again only the links of files
/// whose bytes changed, and of files linking to an anchor on one of them.
///
/// A record is for one HTML file (by its position among the site's sorted HTML files) and the
/// hash of its bytes; the whole store is for one set of output paths, base path and host (its
/// ``environment``): a file added, removed or renamed anywhere, or another base URL, makes it void.
/// Unreadable, damaged or foreign bytes count as no store; the file can be deleted any time.
struct OutlinkStore: Sendable, Equatable {
    static let fileName = "outlinks.bin"
    private static let magic = Array("collective outlinks 1\n".utf8)

    /// The hash of every output path, the base path and the host the records were resolved against.
    var environment: ContentHash
    /// One record per HTML file, in ``SiteMap/htmlPaths`` order.
    var records: [Record]

    /// Where one HTML file's links lead.
    struct Record: Sendable, Equatable {
        /// The hash of the file's bytes when its links were resolved.
        var hash: ContentHash
        var outlinks: Outlinks
    }

    /// What one HTML file links to, as the checker uses it.
    struct Outlinks: Sendable, Equatable {
        /// The HTML files its links reach, by position in ``SiteMap/htmlPaths``.
        var pages: [Int] = []
        /// The files whose ids a link's fragment was looked up in: the record holds while their
        /// bytes are the same.
        var anchorTargets: [Int] = []
        /// Broken links and anchors, every one (the checker leaves out those Markdown links report).
        var broken: [Broken] = []
    }

    struct Broken: Sendable, Equatable {
        var url: String
        var isAnchor: Bool
    }

    /// The environment hash of a site map: its base path, host and set of output paths. The
    /// paths count by the sum of their hashes, which does not depend on their order (30,000
    /// paths were sorted for it at every build).
    static func environment(of site: SiteMap) -> ContentHash {
        var (high, low): (UInt64, UInt64) = (0, 0)
        for path in site.outputPaths {
            let hash = ContentHash(Data(path.utf8))
            high &+= hash.high
            low &+= hash.low
        }
        let text = site.basePath + "\n" + (site.siteHost ?? "") + "\n\(site.outputPaths.count) \(high) \(low)\n"
        return ContentHash(Data(text.utf8))
    }

    /// The records still true for `site` (whose environment hash is `now`): for each HTML file, its record when its bytes (`hashes`)
    /// and those of every file whose anchors it looked up are unchanged; nil where it must be resolved again.
    func valid(for site: SiteMap, environment now: ContentHash, hashes: [String: ContentHash]) -> [Outlinks?] {
        let paths = site.htmlPaths
        guard environment == now, records.count == paths.count else {
            return Array(repeating: nil, count: paths.count)
        }
        let same = paths.indices.map { hashes[paths[$0]] == records[$0].hash }
        return paths.indices.map { index in
            guard same[index], records[index].outlinks.anchorTargets.allSatisfy({ same[$0] }) else { return nil }
            return records[index].outlinks
        }
    }

    /// The store in `folder`, or nil.
    init?(folder: URL) {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(Self.fileName).path),
            let decoded = Self.decode([UInt8](data))
        else { return nil }
        self = decoded
    }

    init(environment: ContentHash, records: [Record]) {
        self.environment = environment
        self.records = records
    }

    /// Writes the store into `folder` (a new file renamed over the old one); false when it cannot.
    @discardableResult
    func save(in folder: URL) -> Bool {
        (try? Data(encoded()).write(to: folder.appendingPathComponent(Self.fileName), options: .atomic)) != nil
    }

    func encoded() -> [UInt8] {
        var writer = CompactBytesWriter()
        for byte in Self.magic { writer.byte(byte) }
        writer.word(environment.high)
        writer.word(environment.low)
        writer.number(records.count)
        for record in records {
            writer.word(record.hash.high)
            writer.word(record.hash.low)
            for list in [record.outlinks.pages, record.outlinks.anchorTargets] {
                writer.number(list.count)
                for position in list { writer.number(position) }
            }
            writer.number(record.outlinks.broken.count)
            for broken in record.outlinks.broken {
                writer.text(broken.url)
                writer.byte(broken.isAnchor ? 1 : 0)
            }
        }
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8]) -> OutlinkStore? {
        var reader = CompactBytesReader(bytes)
        for byte in magic { guard reader.byte() == byte else { return nil } }
        guard let high = reader.word(), let low = reader.word(), let count = reader.count() else { return nil }
        var records: [Record] = []
        records.reserveCapacity(count)
        func positions() -> [Int]? {
            guard let count = reader.count() else { return nil }
            var list: [Int] = []
            list.reserveCapacity(count)
            for _ in 0..<count {
                guard let position = reader.number() else { return nil }
                list.append(position)
            }
            return list
        }
        for _ in 0..<count {
            guard let hashHigh = reader.word(), let hashLow = reader.word(), let pages = positions(), let anchorTargets = positions(),
                let brokenCount = reader.count()
            else { return nil }
            var broken: [Broken] = []
            for _ in 0..<brokenCount {
                guard let url = reader.text(), let flag = reader.byte(), flag <= 1 else { return nil }
                broken.append(Broken(url: url, isAnchor: flag == 1))
            }
            records.append(
                Record(
                    hash: ContentHash(high: hashHigh, low: hashLow),
                    outlinks: Outlinks(pages: pages, anchorTargets: anchorTargets, broken: broken)))
        }
        guard reader.isAtEnd,
            records.allSatisfy({ ($0.outlinks.pages + $0.outlinks.anchorTargets).allSatisfy { $0 < count } })
        else { return nil }
        return OutlinkStore(environment: ContentHash(high: high, low: low), records: records)
    }
}
