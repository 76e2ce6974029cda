import Foundation
import Synchronization

/// Parsed front matter by the hash of its format and text, kept in the build cache so that a
/// build parses only front matter it has not seen (YAML parsing was 6% of a cached build of
/// 10,000 pages). Parsing depends on nothing but the text, so entries hold whatever else changed;
/// the cache is dropped with the binary that wrote it. It also keeps, by the hash of a content
/// file's bytes, the file's front matter text and where its body starts (``FileSummary``), so that
/// a build that takes a page's rendering from the cache need not read the file at all.
/// Entries stay encoded until a page asks for one, and the memo remembers which entries this build
/// used: only those are kept for the next.
final class FrontMatterMemo: Sendable {
    /// What parsing gives: the table and the line of each top-level key within the front matter.
    typealias Parsed = (table: [String: Value], keyLines: [String: Int])

    /// What a content file holds besides its body: all a page whose rendering is known needs.
    struct FileSummary: Sendable {
        /// The file's front matter, with an empty body.
        var frontMatter: FrontMatter
        /// The file holds only white space.
        var isBlank: Bool

        init(frontMatter: FrontMatter, isBlank: Bool) {
            self.frontMatter = frontMatter
            self.frontMatter.body = ""
            self.isBlank = isBlank
        }
    }

    /// Entries by key: parsed front matter (tag 0) or a file's summary (tag 1), encoded.
    private let known: [ContentHash: MemoEntry]
    private let used = Mutex<[ContentHash: MemoEntry]>([:])
    /// Content files (relative to the site root) → the hash of their bytes now.
    private let fileHashes: [String: ContentHash]

    /// A memo holding the entries of a previous build (encoded, as the cache stores them), for
    /// the content files whose hashes are `fileHashes`.
    init(known: [ContentHash: MemoEntry] = [:], fileHashes: [String: ContentHash] = [:]) {
        self.known = known
        self.fileHashes = fileHashes
    }

    /// The summary of content file `file` (relative to the site root), when the memo has one for its bytes now.
    func summary(ofFile file: String) -> FileSummary? {
        guard let key = fileHashes[file], let entry = known[key] else { return nil }
        var reader = entry.reader
        guard (try? reader.byte()) == 1, let summary = try? Self.decodeSummary(&reader), reader.isAtEnd else { return nil }
        used.withLock { $0[key] = entry }
        return summary
    }

    /// Keeps the summary of content file `file` (relative to the site root) for the next build.
    func remember(_ summary: FileSummary, ofFile file: String) {
        guard let key = fileHashes[file] else { return }
        var writer = ByteWriter()
        writer.raw([1])
        writer.raw([summary.frontMatter.format.map { Self.formats.firstIndex(of: $0)! + 1 }.map(UInt8.init) ?? 0])
        writer.string(summary.frontMatter.text)
        writer.int(summary.frontMatter.firstLine)
        writer.int(summary.frontMatter.bodyLine)
        writer.bool(summary.isBlank)
        let entry = MemoEntry(writer.bytes)
        used.withLock { $0[key] = entry }
    }

    private static let formats: [DataFormat] = [.yaml, .toml, .json]

    private static func decodeSummary(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> FileSummary {
        let tag = Int(try reader.byte())
        guard tag <= formats.count else { throw ByteReader.Malformed() }
        let text = try reader.string()
        let frontMatter = FrontMatter(
            format: tag == 0 ? nil : formats[tag - 1], text: text, firstLine: try reader.int(), body: "",
            bodyLine: try reader.int())
        return FileSummary(frontMatter: frontMatter, isBlank: try reader.bool())
    }

    /// The entries this build used or added, encoded, for the next build.
    var entries: [ContentHash: MemoEntry] { used.withLock { $0 } }

    /// The key of a front matter text.
    static func key(_ text: String, format: DataFormat) -> ContentHash {
        var builder = ContentHash.Builder()
        builder.add(format.rawValue)
        builder.add(text)
        return builder.finish()
    }

    /// The parse of `text` from the memo, or from `parse` (and then remembered). Failures are
    /// not remembered: their diagnostics come from parsing again.
    func parsed(_ text: String, format: DataFormat, parse: () throws(DataFormatError) -> Parsed) throws(DataFormatError) -> Parsed {
        let key = Self.key(text, format: format)
        if let entry = known[key] {
            var reader = entry.reader
            if (try? reader.byte()) == 0, let parsed = try? Self.decode(&reader), reader.isAtEnd {
                used.withLock { $0[key] = entry }
                return parsed
            }
        }
        let parsed = try parse()
        var writer = ByteWriter()
        writer.raw([0])
        Self.encode(parsed, into: &writer)
        let entry = MemoEntry(writer.bytes)
        used.withLock { $0[key] = entry }
        return parsed
    }

    static func encode(_ parsed: Parsed, into writer: inout ByteWriter) {
        encode(.table(parsed.table), into: &writer)
        writer.array(Array(parsed.keyLines)) { w, item in
            w.string(item.key)
            w.int(item.value)
        }
    }

    static func decode(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> Parsed {
        guard case .table(let table) = try decodeValue(&reader) else { throw ByteReader.Malformed() }
        let lines = try reader.array { (r: inout ByteReader) throws(ByteReader.Malformed) in (try r.string(), try r.int()) }
        return (table, Dictionary(lines, uniquingKeysWith: { a, _ in a }))
    }

    private static func encode(_ value: Value, into writer: inout ByteWriter) {
        switch value {
        case .null: writer.raw([0])
        case .string(let text):
            writer.raw([1])
            writer.string(text)
        case .int(let number):
            writer.raw([2])
            writer.int(number)
        case .double(let number):
            writer.raw([3])
            writer.int(Int(Int64(bitPattern: number.bitPattern)))
        case .bool(let flag):
            writer.raw([4])
            writer.bool(flag)
        case .array(let items):
            writer.raw([5])
            writer.array(items) { w, item in encode(item, into: &w) }
        case .table(let table):
            writer.raw([6])
            writer.array(Array(table)) { w, item in
                w.string(item.key)
                encode(item.value, into: &w)
            }
        }
    }

    private static func decodeValue(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> Value {
        switch try reader.byte() {
        case 0: return .null
        case 1: return .string(try reader.string())
        case 2: return .int(try reader.int())
        case 3: return .double(Double(bitPattern: UInt64(bitPattern: Int64(try reader.int()))))
        case 4: return .bool(try reader.bool())
        case 5: return .array(try reader.array { (r: inout ByteReader) throws(ByteReader.Malformed) in try decodeValue(&r) })
        case 6:
            let items = try reader.array { (r: inout ByteReader) throws(ByteReader.Malformed) in (try r.string(), try decodeValue(&r)) }
            return .table(Dictionary(items, uniquingKeysWith: { a, _ in a }))
        default: throw ByteReader.Malformed()
        }
    }
}

/// One encoded entry of the front matter memo: in the cache's mapped `memo.bin`, or made by this build.
struct MemoEntry: FileRecord {
    private let storage: ByteStorage
    private let range: Range<Int>
    let origin: RecordOrigin?

    /// An entry made by this build.
    init(_ bytes: [UInt8]) {
        storage = ByteStorage(bytes)
        range = 0..<bytes.count
        origin = nil
    }

    /// An entry read from the memo file.
    init(origin: RecordOrigin) {
        storage = origin.storage
        range = origin.range
        self.origin = origin
    }

    /// A reader of the entry's bytes.
    var reader: ByteReader { ByteReader(storage, range: range) }

    func write(to writer: inout ByteWriter) {
        writer.raw(UnsafeBufferPointer(rebasing: storage.bytes[range]))
    }
}
