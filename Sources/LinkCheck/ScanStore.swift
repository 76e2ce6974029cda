import Foundation
import Site
import TextUtilities

/// The link check's own cache, `links.bin` in the build cache's folder: the scan (ids, anchors,
/// links) of every HTML file of the last build, keyed by the hash of the file's bytes, so that a
/// build after an edit scans only the files whose bytes changed. Unreadable, damaged or foreign
/// bytes count as an empty store; the file can be deleted any time.
struct ScanStore: Sendable {
    static let fileName = "links.bin"
    private static let magic = Array("collective link scans 1\n".utf8)

    /// Scans by the hash of the HTML they were made from.
    var scans: [ContentHash: ScannedPage] = [:]

    init(scans: [ContentHash: ScannedPage] = [:]) {
        self.scans = scans
    }

    /// The store in `folder`, or an empty one.
    init(folder: URL) {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(Self.fileName).path),
            let decoded = Self.decode([UInt8](data))
        else { return }
        self = decoded
    }

    /// Writes the store into `folder` (a new file renamed over the old one); false when it cannot.
    @discardableResult
    func save(in folder: URL) -> Bool {
        let url = folder.appendingPathComponent(Self.fileName)
        return (try? Data(encoded()).write(to: url, options: .atomic)) != nil
    }

    func encoded() -> [UInt8] {
        var writer = CompactBytesWriter()
        for byte in Self.magic { writer.byte(byte) }
        writer.number(scans.count)
        for (hash, scan) in scans {
            writer.word(hash.high)
            writer.word(hash.low)
            writer.number(scan.idOrder.count)
            for id in scan.idOrder {
                writer.text(id)
                writer.number(scan.idCounts[id] ?? 1)
            }
            writer.number(scan.names.count)
            for name in scan.names.sorted() { writer.text(name) }
            writer.number(scan.links.count)
            for link in scan.links { writer.text(link) }
        }
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8]) -> ScanStore? {
        var reader = CompactBytesReader(bytes)
        for byte in magic { guard reader.byte() == byte else { return nil } }
        guard let count = reader.count() else { return nil }
        var scans: [ContentHash: ScannedPage] = [:]
        scans.reserveCapacity(count)
        for _ in 0..<count {
            guard let high = reader.word(), let low = reader.word(), let ids = reader.count() else { return nil }
            var scan = ScannedPage()
            for _ in 0..<ids {
                guard let id = reader.text(), let times = reader.number(), times > 0, scan.idCounts[id] == nil else { return nil }
                scan.idOrder.append(id)
                scan.idCounts[id] = times
            }
            guard let names = reader.count() else { return nil }
            for _ in 0..<names {
                guard let name = reader.text() else { return nil }
                scan.names.insert(name)
            }
            guard let links = reader.count() else { return nil }
            scan.links.reserveCapacity(links)
            for _ in 0..<links {
                guard let link = reader.text() else { return nil }
                scan.links.append(link)
            }
            scans[ContentHash(high: high, low: low)] = scan
        }
        return reader.isAtEnd ? ScanStore(scans: scans) : nil
    }
}
