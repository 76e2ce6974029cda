import Foundation
import TextUtilities
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The build cache: what `collective build` keeps between runs in the site's `.collective-cache/`
/// folder (git-ignored by a `.gitignore` of its own) so that the next build redoes only what
/// changed. It holds the hash of every source file, the previous output folder's manifest and each
/// page's related pages (`build.bin`), each page's rendered Markdown, list entry and search terms
/// (`pages.bin`, ``PageStore``), and the parsed front matter (`memo.bin`, ``MemoStore``); a build
/// appends to the last two only what changed.
///
/// A build may reuse the cache only when it was written by the same binary (a hash of the
/// executable), for the same options and output folder, on the same day (templates show the year),
/// before any page's publish or expiry date came, and when the site's **fingerprint** is the same:
/// the hash of every source file, except that a page's content file counts only by its front
/// matter. So a change to a config file, a template, a data file, a static file or a bundle
/// resource, and a new, deleted or renamed file, rebuild everything; an edit to the Markdown body of
/// pages re-renders those pages and what shows them (``BuildState``, the same dependencies as
/// ``SiteSession``). Sites with Go shortcodes or render hooks, which may read other pages, never
/// reuse renderings. The output is the same with or without the cache, which can be deleted any time.
struct BuildCache: Sendable {
    /// The cache folder's name inside the site.
    static let folderName = ".collective-cache"
    /// Changes whenever the file format does.
    static let formatVersion = 9
    private static let magic = Array("collective build cache\n".utf8)
    private static let fileName = "build.bin"

    /// The cache folder (absolute).
    let folder: String

    init(site: URL) {
        folder = site.standardizedFileURL.path + "/" + Self.folderName
    }

    /// What a build remembers for the next one.
    struct Stored: Sendable {
        var binary: ContentHash
        var settings: ContentHash
        var day: String
        /// Nanoseconds since 1970 when a page's publish or expiry date makes the content different; nil when never.
        var validUntil: Int?
        var fingerprint: ContentHash
        var snapshot: SourceSnapshot
        /// Content files of pages → the lines and hash of their front matter.
        var frontMatter: [String: FrontMatterMark]
        var outputs: OutputManifest
        var pages: [PageKey: CachedPage]
        /// Each language's related pages of every page (they depend on front matter only).
        var related: [[[PageID]]] = []
        /// Parsed front matter by the hash of its text (``FrontMatterMemo``), encoded.
        var parsedFrontMatter: [ContentHash: MemoEntry] = [:]
    }

    /// The first lines of a content file, up to and with its front matter's closing line.
    struct FrontMatterMark: Sendable, Equatable {
        var lines: Int
        var hash: ContentHash
    }

    /// What the current build may take from the cache.
    struct Plan: Sendable {
        /// The site's files now.
        var snapshot: SourceSnapshot
        /// The previous output, when the cache describes the same output folder and options.
        var outputs: OutputManifest?
        /// Renderings and outputs to reuse, when only page bodies (or nothing) changed.
        var pages: [PageKey: CachedPage]?
        /// Each language's related pages, when ``pages`` is given.
        var related: [[[PageID]]] = []
        /// The front matter marks of content files whose bytes are the same as when the cache was
        /// written (the next cache keeps them without reading the files again).
        var frontMatter: [String: FrontMatterMark] = [:]
        /// Parsed front matter by the hash of its text, when the cache was written by this binary.
        var parsedFrontMatter: [ContentHash: MemoEntry] = [:]
        /// What the cache did, for the build's summary.
        var note: String
    }

    // MARK: Deciding

    /// Looks at the site and the cache, and says what the build may reuse.
    func plan(site: URL, settings: ContentHash, now: Date, excluding excluded: Set<String>) -> Plan {
        let (stored, problem) = load()
        let root = OutputFolder.realPath(site.path)
        let snapshot = SourceSnapshot.take(root: root, excluding: excluded, previous: stored?.snapshot)
        guard let stored else {
            return Plan(snapshot: snapshot, note: problem ?? "no cache yet: built everything")
        }
        guard stored.binary == Self.binaryID() else {
            return Plan(snapshot: snapshot, note: "cache made by another version of collective: ignored, built everything")
        }
        guard stored.settings == settings else {
            return Plan(
                snapshot: snapshot, parsedFrontMatter: stored.parsedFrontMatter,
                note: "cache made with other options or another output folder: built everything")
        }
        let unchangedMarks = stored.frontMatter.filter { path, _ in
            snapshot.files[path].map { $0.hash == stored.snapshot.files[path]?.hash } ?? false
        }
        guard stored.day == Self.day(now), stored.validUntil.map({ Self.nanoseconds(now) < $0 }) ?? true else {
            return Plan(
                snapshot: snapshot, outputs: stored.outputs, frontMatter: unchangedMarks, parsedFrontMatter: stored.parsedFrontMatter,
                note: "a new day or a page's publish or expiry date since the cache: built everything")
        }
        var marks = stored.frontMatter
        for (path, mark) in stored.frontMatter where snapshot.files[path]?.hash != stored.snapshot.files[path]?.hash {
            marks[path] = Self.mark(root + "/" + path, lines: mark.lines).map { FrontMatterMark(lines: mark.lines, hash: $0) }
        }
        let changed = snapshot.changedPaths(since: stored.snapshot)
        guard Self.rendersAlone(snapshot), Self.fingerprint(snapshot, frontMatter: marks) == stored.fingerprint else {
            let what = changed.count == 1 ? changed.first! : "\(changed.count) files"
            return Plan(
                snapshot: snapshot, outputs: stored.outputs, frontMatter: unchangedMarks, parsedFrontMatter: stored.parsedFrontMatter,
                note: "\(what) changed beyond page bodies: rendered everything, wrote what changed")
        }
        let note = changed.isEmpty ? "nothing changed" : changed.count == 1 ? "\(changed.first!) changed" : "\(changed.count) pages changed"
        return Plan(
            snapshot: snapshot, outputs: stored.outputs, pages: stored.pages, related: stored.related,
            frontMatter: unchangedMarks, parsedFrontMatter: stored.parsedFrontMatter, note: note)
    }

    /// False when the site has Go shortcodes or render hooks: they may read any page, so a page's
    /// rendering can depend on more than its own source and the fingerprint.
    static func rendersAlone(_ snapshot: SourceSnapshot) -> Bool {
        // Compared byte for byte: String.contains went through Foundation (1.5% of a cached build).
        !snapshot.files.keys.contains { path in
            path.firstRange(ofBytes: "layouts/shortcodes/") != nil || path.firstRange(ofBytes: "layouts/_shortcodes/") != nil
                || path.firstRange(ofBytes: "/_markup/") != nil
        }
    }

    /// The hash of every file, page files by their front matter only.
    static func fingerprint(_ snapshot: SourceSnapshot, frontMatter: [String: FrontMatterMark]) -> ContentHash {
        var builder = ContentHash.Builder()
        builder.add(formatVersion)
        for path in snapshot.files.keys.sorted() {
            builder.add(path)
            if let mark = frontMatter[path] {
                builder.add(1)
                builder.add(mark.lines)
                builder.add(mark.hash)
            } else {
                builder.add(0)
                builder.add(snapshot.files[path]!.hash)
            }
        }
        return builder.finish()
    }

    /// The hash of the first `lines` lines of a file (each with its line end); nil when unreadable.
    static func mark(_ path: String, lines: Int) -> ContentHash? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return mark(data, lines: lines)
    }

    static func mark(_ data: Data, lines: Int) -> ContentHash {
        data.withUnsafeBytes { bytes in
            var end = 0
            var seen = 0
            while seen < lines, end < bytes.count {
                if bytes[end] == UInt8(ascii: "\n") { seen += 1 }
                end += 1
            }
            return ContentHash(UnsafeRawBufferPointer(rebasing: bytes[0..<end]))
        }
    }

    /// The local date (`2026-12-07`): templates show the current year, so a cache is for one day.
    static func day(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: date)
        return "\(parts.year ?? 0)-\(parts.month ?? 0)-\(parts.day ?? 0)"
    }

    /// Nanoseconds since 1970, clamped to `Int`'s range (a page may be dated in the year 2999).
    static func nanoseconds(_ date: Date) -> Int {
        let value = date.timeIntervalSince1970 * 1e9
        if value.isNaN { return 0 }
        if value >= Double(Int.max) { return .max }
        if value <= Double(Int.min) { return .min }
        return Int(value)
    }

    /// A hash of the running executable, cached per process.
    static func binaryID() -> ContentHash { runningBinary }

    private static let runningBinary: ContentHash = {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        var builder = ContentHash.Builder()
        builder.add(formatVersion)
        if let data = MappedFile.contents(atPath: path) {  // mapped: its pages are mostly in memory already
            builder.add(data)
        } else {
            builder.add(path)
        }
        return builder.finish()
    }()

    // MARK: Reading and writing

    /// The stored cache, or nil and why not (nil and nil when there is none).
    func load() -> (Stored?, String?) {
        let path = folder + "/" + Self.fileName
        guard FileManager.default.fileExists(atPath: path) else { return (nil, nil) }
        guard let bytes = Self.readBytes(path) else {
            return (nil, "cannot read the cache \(path): built everything")
        }
        let damaged = "the cache \(path) is damaged or from another version: ignored, built everything"
        guard let (stored, files) = try? Self.decode(bytes) else { return (nil, damaged) }
        guard let pages = PageStore(folder: folder).load(id: files.pages.id, index: files.pages.index),
            let memo = MemoStore(folder: folder).load(id: files.memo.id, index: files.memo.index)
        else { return (nil, damaged) }
        var complete = stored
        complete.pages = pages
        complete.parsedFrontMatter = memo
        return (complete, nil)
    }

    /// Writes the cache: the records that changed into the page and memo files, then a new
    /// `build.bin` moved over the old one. Returns a problem, or nil.
    func save(_ stored: Stored) -> String? {
        do {
            try makeFolder()
            let written = Self.withLock(folder: folder) { () -> Bool in
                guard let pages = PageStore(folder: folder).save(stored.pages),
                    let memo = MemoStore(folder: folder).save(stored.parsedFrontMatter)
                else { return false }
                let temporary = folder + "/.\(Self.fileName).\(ProcessInfo.processInfo.processIdentifier)"
                let files = RecordFiles(pages: pages, memo: memo)
                // Written from the encoder's bytes (megabytes on a large site): no copy into a `Data`.
                guard PageStore.write(Self.encode(stored, files: files), toNewFile: temporary),
                    rename(temporary, folder + "/" + Self.fileName) == 0
                else {
                    try? FileManager.default.removeItem(atPath: temporary)
                    return false
                }
                return true
            }
            return written == true ? nil : "cannot write the build cache in \(folder)"

        } catch {
            return "cannot write the build cache in \(folder): \(error.localizedDescription)"
        }
    }

    /// Runs `body` holding the cache's write lock (`pages.lock`; the kernel drops it when the
    /// process ends, however it ends); nil when the lock cannot be taken.
    static func withLock<Result>(folder: String, _ body: () -> Result) -> Result? {
        let lock = open(folder + "/pages.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lock >= 0 else { return nil }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else { return nil }
        }
        return body()
    }

    /// The ids of the record files `build.bin` goes with, and the places of its records in them.
    struct RecordFiles {
        var pages: (id: ContentHash, index: PageStore.Index)
        var memo: (id: ContentHash, index: MemoStore.Index)
    }

    /// Makes the cache folder, with a `.gitignore` that keeps all of it out of git, when missing.
    private func makeFolder() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let ignore = folder + "/.gitignore"
        if !FileManager.default.fileExists(atPath: ignore) {
            try Data("# The build cache of `collective build`: safe to delete.\n*\n".utf8).write(to: URL(fileURLWithPath: ignore))
        }
    }

    /// A ``SpillFile`` in the cache folder, for what the build keeps until it saves the cache;
    /// nil when none can be made there.
    func spillFile() -> SpillFile? {
        (try? makeFolder()) != nil ? SpillFile(folder: folder) : nil
    }

    /// A whole file as bytes, read straight into one array (the cache of a large site is hundreds
    /// of megabytes: no second copy).
    static func readBytes(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var offset = 0
            while offset < size {
                let got = read(descriptor, buffer.baseAddress! + offset, size - offset)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { break }
                offset += got
            }
            failed = offset != size
            count = offset
        }
        return failed ? nil : bytes
    }

    /// The bytes of `build.bin`: everything but the records of the page and memo files, which are
    /// at the places `files` gives.
    static func encode(_ stored: Stored, files: RecordFiles) -> [UInt8] {
        var writer = ByteWriter(capacity: 1 << 20)
        writer.raw(magic)
        writer.int(formatVersion)
        writer.hash(stored.binary)
        writer.hash(stored.settings)
        writer.string(stored.day)
        writer.optionalInt(stored.validUntil)
        writer.hash(stored.fingerprint)
        writer.int(stored.snapshot.takenAt)
        func entries(_ files: [String: SourceSnapshot.Entry]) {
            writer.array(Array(files)) { w, item in
                w.string(item.key)
                w.int(item.value.size)
                w.int(item.value.modified)
                w.int(item.value.inode)
                w.hash(item.value.hash)
            }
        }
        entries(stored.snapshot.files)
        writer.array(Array(stored.frontMatter)) { w, item in
            w.string(item.key)
            w.int(item.value.lines)
            w.hash(item.value.hash)
        }
        entries(stored.outputs.files)
        writer.hash(files.pages.id)
        writer.array(files.pages.index) { w, item in
            w.int(item.key.language)
            w.string(item.key.sourceFile)
            w.int(item.range.lowerBound)
            w.int(item.range.count)
        }
        writer.array(stored.related) { w, lists in
            w.array(lists) { w, list in w.array(list) { w, page in w.int(page.index) } }
        }
        writer.hash(files.memo.id)
        writer.array(files.memo.index) { w, item in
            w.hash(item.key)
            w.int(item.range.lowerBound)
            w.int(item.range.count)
        }
        return writer.bytes
    }

    /// What `build.bin` holds: the cache without its records, and where they are.
    static func decode(_ bytes: [UInt8]) throws(ByteReader.Malformed) -> (Stored, files: RecordFiles) {
        var reader = ByteReader(bytes)
        try reader.expect(magic)
        guard try reader.int() == formatVersion else { throw ByteReader.Malformed() }
        let binary = try reader.hash()
        let settings = try reader.hash()
        let day = try reader.string()
        let validUntil = try reader.optionalInt()
        let fingerprint = try reader.hash()
        let takenAt = try reader.int()
        func entries() throws(ByteReader.Malformed) -> [String: SourceSnapshot.Entry] {
            let list = try reader.array { (r: inout ByteReader) throws(ByteReader.Malformed) in
                (try r.string(), SourceSnapshot.Entry(size: try r.int(), modified: try r.int(), inode: try r.int(), hash: try r.hash()))
            }
            return Dictionary(list, uniquingKeysWith: { a, _ in a })
        }
        let files = try entries()
        let marks = try reader.array { (r: inout ByteReader) throws(ByteReader.Malformed) in
            (try r.string(), FrontMatterMark(lines: try r.int(), hash: try r.hash()))
        }
        let outputs = try entries()
        let pagesFile = try reader.hash()
        func range(_ r: inout ByteReader) throws(ByteReader.Malformed) -> Range<Int> {
            let start = try r.int()
            let length = try r.int()
            guard start >= 0, length >= 0, start <= Int.max - length else { throw ByteReader.Malformed() }
            return start..<start + length
        }
        let index = try reader.array { (r: inout ByteReader) throws(ByteReader.Malformed) in
            (key: PageKey(language: try r.int(), sourceFile: try r.string()), range: try range(&r))
        }
        let related = try reader.array { (r: inout ByteReader) throws(ByteReader.Malformed) in
            try r.array { (r: inout ByteReader) throws(ByteReader.Malformed) in
                try r.array { (r: inout ByteReader) throws(ByteReader.Malformed) in PageID(try r.int()) }
            }
        }
        let memoFile = try reader.hash()
        let memoIndex = try reader.array { (r: inout ByteReader) throws(ByteReader.Malformed) in (key: try r.hash(), range: try range(&r)) }
        guard reader.isAtEnd else { throw ByteReader.Malformed() }
        let stored = Stored(
            binary: binary, settings: settings, day: day, validUntil: validUntil, fingerprint: fingerprint,
            snapshot: SourceSnapshot(files: files, takenAt: takenAt),
            frontMatter: Dictionary(marks, uniquingKeysWith: { a, _ in a }),
            outputs: OutputManifest(files: outputs), pages: [:], related: related)
        return (stored, RecordFiles(pages: (pagesFile, index), memo: (memoFile, memoIndex)))
    }
}
