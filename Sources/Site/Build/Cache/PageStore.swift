import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The build cache's page records (`pages.bin`): each page's rendering (``CachedPage``), hundreds
/// of megabytes on a large site. A build maps the file instead of reading it, and the next build
/// appends only the records that changed: `build.bin` names each page's record by its place in the
/// file. The file is written again whole, without the records no build names any more, when they
/// have grown to as many bytes as the live ones.
///
/// Records are never changed in place, so a build that mapped the file reads the same bytes
/// however other builds of the site append to it or replace it. The file begins with an id that
/// `build.bin` also holds: a pair that does not belong together is ignored. Writers hold a lock
/// (``withLock(_:)``) so that two builds finishing at once neither append over each other nor pair
/// one's `build.bin` with the other's page file.
struct PageStore {
    static let fileName = "pages.bin"
    private static let lockName = "pages.lock"
    private static let magic = Array("collective page records 1\n".utf8)
    private static let headerSize = magic.count + 16

    /// The cache folder.
    let folder: String
    /// Dead bytes the file may hold beyond as many as the live ones before it is written again whole.
    var slack = 16 << 20

    /// Where one page's record was read from: the build that writes the cache again keeps it there.
    struct Origin: Sendable {
        var storage: ByteStorage
        var range: Range<Int>
        /// The id of the file it is in.
        var file: ContentHash
    }

    /// Each page's record by its place in the file whose id is `id`.
    typealias Index = [(key: PageKey, range: Range<Int>)]

    // MARK: Reading

    /// The pages `index` names, read from the file (decoded on all cores, their HTML and text left
    /// in the mapped file until read); nil when the file is missing, not the one of id `id`, or damaged.
    func load(id: ContentHash, index: Index) -> [PageKey: CachedPage]? {
        let descriptor = open(folder + "/" + Self.fileName, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return index.isEmpty ? [:] : nil }
        defer { close(descriptor) }
        guard let storage = ByteStorage.map(descriptor), Self.id(of: storage) == id else { return nil }
        let count = storage.bytes.count
        guard index.allSatisfy({ $0.range.lowerBound >= Self.headerSize && $0.range.upperBound <= count }) else { return nil }
        let decoded = index.concurrentMap { key, range -> (PageKey, CachedPage)? in
            var reader = ByteReader(storage, range: range)
            guard var page = try? CachedPage(from: &reader), reader.isAtEnd else { return nil }
            page.origin = Origin(storage: storage, range: range, file: id)
            return (key, page)
        }
        var pages: [PageKey: CachedPage] = [:]
        pages.reserveCapacity(decoded.count)
        for item in decoded {
            guard let (key, page) = item else { return nil }
            pages[key] = page
        }
        return pages
    }

    /// The id at the start of a page file; nil when it is not one.
    private static func id(of storage: ByteStorage) -> ContentHash? {
        var reader = ByteReader(storage, range: 0..<min(storage.bytes.count, headerSize))
        guard (try? reader.expect(magic)) != nil, let hash = try? reader.hash() else { return nil }
        return hash
    }

    // MARK: Writing

    /// Runs `body` holding the cache's write lock (`pages.lock`; the kernel drops it when the
    /// process ends, however it ends); nil when the lock cannot be taken.
    func withLock<Result>(_ body: () -> Result) -> Result? {
        let lock = open(folder + "/" + Self.lockName, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lock >= 0 else { return nil }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else { return nil }
        }
        return body()
    }

    /// Writes the records of `pages` that the file does not hold yet (or the whole file, when it
    /// is missing, another's, or holds as many dead bytes as live ones). Returns the file's id and
    /// every page's place, or nil when it cannot write. Call it holding ``withLock(_:)``.
    func save(_ pages: [PageKey: CachedPage]) -> (id: ContentHash, index: Index)? {
        let path = folder + "/" + Self.fileName
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        if descriptor >= 0 {
            defer { close(descriptor) }
            if let result = append(pages, to: descriptor) { return result }
        }
        return rewrite(pages, at: path)
    }

    /// Appends the records the file does not hold; nil when the file is not usable or should be written again whole.
    private func append(_ pages: [PageKey: CachedPage], to descriptor: Int32) -> (id: ContentHash, index: Index)? {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size >= Self.headerSize else { return nil }
        let size = Int(info.st_size)
        var header = [UInt8](repeating: 0, count: Self.headerSize)
        guard pread(descriptor, &header, header.count, 0) == header.count,
            let id = Self.id(of: ByteStorage(header))
        else { return nil }
        var index: Index = []
        index.reserveCapacity(pages.count)
        var live = 0
        var writer = ByteWriter()
        for (key, page) in pages {
            if let origin = page.origin, origin.file == id, origin.range.upperBound <= size {
                index.append((key, origin.range))
                live += origin.range.count
            } else {
                let start = writer.bytes.count
                page.write(to: &writer)
                index.append((key, size + start..<size + writer.bytes.count))
                live += writer.bytes.count - start
            }
        }
        guard size + writer.bytes.count <= 2 * live + slack else { return nil }
        guard Self.write(writer.bytes, to: descriptor, at: size) else { return nil }
        return (id, index)
    }

    /// Writes every record into a new file, with a new id, moved over the old one.
    private func rewrite(_ pages: [PageKey: CachedPage], at path: String) -> (id: ContentHash, index: Index)? {
        let temporary = folder + "/.\(Self.fileName).\(ProcessInfo.processInfo.processIdentifier)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        var identity = ContentHash.Builder()
        identity.add(Int(ProcessInfo.processInfo.processIdentifier))
        identity.add(Int(Date().timeIntervalSince1970 * 1e6))
        identity.add(Int.random(in: .min ... .max))
        let id = identity.finish()
        var writer = ByteWriter(capacity: 9 << 20)
        writer.raw(Self.magic)
        writer.hash(id)
        var written = 0
        var failed = false
        var index: Index = []
        index.reserveCapacity(pages.count)
        for (key, page) in pages {
            let start = written + writer.bytes.count
            if let origin = page.origin {
                writer.raw(UnsafeBufferPointer(rebasing: origin.storage.bytes[origin.range]))
            } else {
                page.write(to: &writer)
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
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let count = pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                done += count
            }
            return true
        }
    }
}
