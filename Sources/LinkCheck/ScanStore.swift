import Foundation
import Site
import TextUtilities
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The link check's own cache, `links.bin` in the build cache's folder: the scan (ids, anchors,
/// links) of every HTML file of the last build, keyed by the hash of the file's bytes, so that a
/// build after an edit scans only the files whose bytes changed. The file is the magic line and
/// records until its end: a build appends the scans of the files whose bytes changed, and writes
/// the file anew only once it would hold more than twice as many records as the site has files.
/// Unreadable, damaged or foreign bytes count as an empty store; the
/// file can be deleted any time.
struct ScanStore: Sendable {
    static let fileName = "links.bin"
    private static let magic = Array("collective link scans 3\n".utf8)

    /// Scans by the hash of the HTML they were made from.
    var scans: [ContentHash: ScannedPage] = [:]
    /// How many records the file holds; 0 when it holds none or could not be read.
    private(set) var records = 0

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
    /// The records are written a few megabytes at a time: on a large site the whole file is
    /// hundreds of megabytes, which the build would otherwise hold (and copy) beside everything else.
    @discardableResult
    func save(in folder: URL) -> Bool {
        let path = folder.appendingPathComponent(Self.fileName).path
        let temporary = folder.appendingPathComponent(".\(Self.fileName).\(getpid())").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        var written = Self.writeAll(Self.magic, to: descriptor)
        var writer = CompactBytesWriter(capacity: 9 << 20)
        for (hash, scan) in scans where written {
            Self.encode(hash, scan, into: &writer)
            if writer.bytes.count >= 8 << 20 {
                written = Self.writeAll(writer.bytes, to: descriptor)
                writer = CompactBytesWriter(capacity: 9 << 20)
            }
        }
        written = written && Self.writeAll(writer.bytes, to: descriptor)
        close(descriptor)
        guard written, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Writes all of `bytes` at the file's offset; false when it cannot.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + done, buffer.count - done)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                done += count
            }
            return true
        }
    }

    /// The whole file: the magic line and every scan's record.
    func encoded() -> [UInt8] {
        Self.magic + Self.encoded(scans)
    }

    /// Brings the file this store was read from in `folder` up to `current` (the scans of the
    /// files now): appends the scans it lacks, or writes the file anew when it could not be read
    /// or would hold more than twice as many records as `current` has scans.
    func update(to current: [ContentHash: ScannedPage], in folder: URL) {
        let missing = current.filter { scans[$0.key] == nil }
        guard records > 0, records + missing.count <= 2 * current.count else {
            ScanStore(scans: current).save(in: folder)
            return
        }
        if !missing.isEmpty, !Self.append(Self.encoded(missing), to: folder.appendingPathComponent(Self.fileName).path) {
            ScanStore(scans: current).save(in: folder)
        }
    }

    /// Appends `bytes` to the file at `path` in one `write` of a file opened for appending, so that
    /// two builds appending at once cannot write over each other's records; false when it cannot.
    private static func append(_ bytes: [UInt8], to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == bytes.count
    }

    /// The records of `scans`, without the magic line.
    static func encoded(_ scans: [ContentHash: ScannedPage]) -> [UInt8] {
        var writer = CompactBytesWriter()
        for (hash, scan) in scans { encode(hash, scan, into: &writer) }
        return writer.bytes
    }

    /// The record of the scan of the HTML whose hash is `hash`.
    private static func encode(_ hash: ContentHash, _ scan: ScannedPage, into writer: inout CompactBytesWriter) {
        writer.word(hash.high)
        writer.word(hash.low)
        writer.number(scan.idOrder.count)
        for id in scan.idOrder {
            writer.text(id)
            writer.number(scan.idCounts[id] ?? 1)
        }
        writer.number(scan.names.count)
        for name in scan.names.sorted() { writer.text(name) }
        // The links' bytes are length-prefixed, so that reading the store can step over them.
        let links = scan.links
        var texts = CompactBytesWriter()
        for link in links { texts.text(link) }
        writer.number(links.count)
        writer.data(texts.bytes)
    }

    static func decode(_ bytes: [UInt8]) -> ScanStore? {
        var reader = CompactBytesReader(bytes)
        for byte in magic { guard reader.byte() == byte else { return nil } }
        var store = ScanStore()
        while !reader.isAtEnd {
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
            guard let links = reader.count(), let length = reader.count() else { return nil }
            let start = reader.offset
            for _ in 0..<links { guard reader.skipText() else { return nil } }
            guard reader.offset == start + length else { return nil }
            scan.storedLinks = StoredTexts(bytes: bytes, range: start..<start + length, count: links)
            store.scans[ContentHash(high: high, low: low)] = scan
            store.records += 1
        }
        // A file cut after its last whole record reads as the records before the cut: the files
        // whose scans it lost are scanned again. A file of no record is treated as unreadable.
        return store.records > 0 ? store : nil
    }
}
