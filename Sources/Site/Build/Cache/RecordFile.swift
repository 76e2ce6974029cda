import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a record was read from: the build that writes the cache again keeps it there.
struct RecordOrigin: Sendable {
    var storage: ByteStorage
    var range: Range<Int>
    /// The id of the file it is in.
    var file: ContentHash
}

/// What a ``RecordFile`` holds: a value that writes itself as bytes and remembers where it was read from.
protocol FileRecord: Sendable {
    /// Where the record was read from, when it came from a record file.
    var origin: RecordOrigin? { get }
    func write(to writer: inout ByteWriter)
}

/// A build cache file of records that builds append to (the pages' renderings in `pages.bin`,
/// hundreds of megabytes on a large site; the parsed front matter in `memo.bin`). A build maps the
/// file instead of reading it, and the next build appends only the records that are new:
/// `build.bin` names each record by its place in the file. The file is written again whole,
/// without the records no build names any more, when they have grown to as many bytes as the live ones.
///
/// Records are never changed in place, so a build that mapped the file reads the same bytes
/// however other builds of the site append to it or replace it. The file begins with an id that
/// `build.bin` also holds: a pair that does not belong together is ignored. Writers hold the cache's
/// lock (``BuildCache/withLock(folder:_:)``) so that two builds finishing at once neither append over
/// each other nor pair one's `build.bin` with the other's record files.
struct RecordFile<Key: Hashable & Sendable, Record: FileRecord> {
    /// The cache folder.
    let folder: String
    let fileName: String
    private let magic: [UInt8]
    private var headerSize: Int { magic.count + 16 }
    /// Dead bytes the file may hold beyond as many as the live ones before it is written again whole.
    var slack = 16 << 20

    /// Each record's key and place in the file.
    typealias Index = [(key: Key, range: Range<Int>)]

    init(folder: String, fileName: String, magic: String) {
        self.folder = folder
        self.fileName = fileName
        self.magic = Array(magic.utf8)
    }

    // MARK: Reading

    /// The records `index` names, read from the file (decoded by `decode` on all cores from the
    /// mapped file); nil when the file is missing, not the one of id `id`, or damaged.
    func load(id: ContentHash, index: Index, decode: @Sendable (inout ByteReader, RecordOrigin) throws(ByteReader.Malformed) -> Record)
        -> [Key: Record]?
    {
        let descriptor = open(folder + "/" + fileName, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return index.isEmpty ? [:] : nil }
        defer { close(descriptor) }
        guard let storage = ByteStorage.map(descriptor), self.id(of: storage) == id else { return nil }
        let count = storage.bytes.count
        let headerSize = headerSize
        guard index.allSatisfy({ $0.range.lowerBound >= headerSize && $0.range.upperBound <= count }) else { return nil }
        let decoded = index.concurrentMap { key, range -> (Key, Record)? in
            var reader = ByteReader(storage, range: range)
            guard let record = try? decode(&reader, RecordOrigin(storage: storage, range: range, file: id)), reader.isAtEnd else { return nil }
            return (key, record)
        }
        var records: [Key: Record] = [:]
        records.reserveCapacity(decoded.count)
        for item in decoded {
            guard let (key, record) = item else { return nil }
            records[key] = record
        }
        return records
    }

    /// The id at the start of a record file; nil when it is not one.
    private func id(of storage: ByteStorage) -> ContentHash? {
        var reader = ByteReader(storage, range: 0..<min(storage.bytes.count, headerSize))
        guard (try? reader.expect(magic)) != nil, let hash = try? reader.hash() else { return nil }
        return hash
    }

    // MARK: Writing

    /// Writes the records the file does not hold yet (or the whole file, when it is missing,
    /// another's, or holds as many dead bytes as live ones). Returns the file's id and every
    /// record's place, or nil when it cannot write. Call it holding the cache's lock.
    func save(_ records: [Key: Record]) -> (id: ContentHash, index: Index)? {
        let path = folder + "/" + fileName
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        if descriptor >= 0 {
            defer { close(descriptor) }
            if let result = append(records, to: descriptor) { return result }
        }
        return rewrite(records, at: path)
    }

    /// Appends the records the file does not hold; nil when the file is not usable or should be written again whole.
    private func append(_ records: [Key: Record], to descriptor: Int32) -> (id: ContentHash, index: Index)? {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size >= headerSize else { return nil }
        let size = Int(info.st_size)
        var header = [UInt8](repeating: 0, count: headerSize)
        guard pread(descriptor, &header, header.count, 0) == header.count,
            let id = id(of: ByteStorage(header))
        else { return nil }
        var index: Index = []
        index.reserveCapacity(records.count)
        var live = 0
        var writer = ByteWriter()
        for (key, record) in records {
            if let origin = record.origin, origin.file == id, origin.range.upperBound <= size {
                index.append((key, origin.range))
                live += origin.range.count
            } else {
                let start = writer.bytes.count
                record.write(to: &writer)
                index.append((key, size + start..<size + writer.bytes.count))
                live += writer.bytes.count - start
            }
        }
        guard size + writer.bytes.count <= 2 * live + slack else { return nil }
        guard Self.write(writer.bytes, to: descriptor, at: size) else { return nil }
        return (id, index)
    }

    /// Writes every record into a new file, with a new id, moved over the old one.
    private func rewrite(_ records: [Key: Record], at path: String) -> (id: ContentHash, index: Index)? {
        let temporary = folder + "/.\(fileName).\(ProcessInfo.processInfo.processIdentifier)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        var identity = ContentHash.Builder()
        identity.add(Int(ProcessInfo.processInfo.processIdentifier))
        identity.add(Int(Date().timeIntervalSince1970 * 1e6))
        identity.add(Int.random(in: .min ... .max))
        let id = identity.finish()
        var writer = ByteWriter(capacity: 9 << 20)
        writer.raw(magic)
        writer.hash(id)
        var written = 0
        var failed = false
        var index: Index = []
        index.reserveCapacity(records.count)
        for (key, record) in records {
            let start = written + writer.bytes.count
            if let origin = record.origin {
                writer.raw(UnsafeBufferPointer(rebasing: origin.storage.bytes[origin.range]))
            } else {
                record.write(to: &writer)
            }
            index.append((key, start..<written + writer.bytes.count))
            if writer.bytes.count >= 8 << 20 {
                failed = failed || !Self.write(writer.bytes, to: descriptor, at: written)
                written += writer.bytes.count
                writer = ByteWriter(capacity: 9 << 20)
            }
        }
        failed = failed || !Self.write(writer.bytes, to: descriptor, at: written)
        close(descriptor)
        guard !failed, rename(temporary, path) == 0 else {
            unlink(temporary)
            return nil
        }
        return (id, index)
    }

    /// Writes `bytes` into a new file at `path` (replacing one that is there); false when it cannot.
    static func write(_ bytes: [UInt8], toNewFile path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        let written = write(bytes, to: descriptor, at: 0)
        return close(descriptor) == 0 && written
    }

    /// Writes `bytes` at `offset` of the file; false when it cannot.
    private static func write(_ bytes: [UInt8], to descriptor: Int32, at offset: Int) -> Bool {
        bytes.withUnsafeBytes { FileBytes.write($0, to: descriptor, at: offset) }
    }
}

/// The pages' renderings (`pages.bin`).
typealias PageStore = RecordFile<PageKey, CachedPage>

extension RecordFile where Key == PageKey, Record == CachedPage {
    init(folder: String) {
        self.init(folder: folder, fileName: "pages.bin", magic: "collective page records 1\n")
    }

    /// The pages `index` names, their HTML and text left in the mapped file until read.
    func load(id: ContentHash, index: Index) -> [PageKey: CachedPage]? {
        load(id: id, index: index) { (reader: inout ByteReader, origin) throws(ByteReader.Malformed) in
            var page = try CachedPage(from: &reader)
            page.origin = origin
            return page
        }
    }
}

/// The front matter memo's entries (`memo.bin`, ``FrontMatterMemo``).
typealias MemoStore = RecordFile<ContentHash, MemoEntry>

extension RecordFile where Key == ContentHash, Record == MemoEntry {
    init(folder: String) {
        self.init(folder: folder, fileName: "memo.bin", magic: "collective front matter memo 1\n")
    }

    /// The entries `index` names, left in the mapped file.
    func load(id: ContentHash, index: Index) -> [ContentHash: MemoEntry]? {
        load(id: id, index: index) { (reader: inout ByteReader, origin) throws(ByteReader.Malformed) in
            try reader.skip(origin.range.count)
            return MemoEntry(origin: origin)
        }
    }
}
