import Foundation

/// Writes the build cache's binary files: little-endian integers and length-prefixed UTF-8, read
/// back by ``ByteReader`` (a fraction of the time JSON takes for the hundreds of megabytes a large
/// site's cache holds).
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    /// Bytes as they are, without a length (a file's magic number).
    mutating func raw(_ value: [UInt8]) {
        bytes.append(contentsOf: value)
    }

    mutating func string(_ value: String) {
        var copy = value
        copy.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// Writes text as ``string(_:)`` does, copying the bytes of a ``DeferredText`` without decoding them.
    mutating func text(_ value: TextStorage) {
        switch value {
        case .text(let text): string(text)
        case .deferred(let deferred):
            deferred.withUTF8 { utf8 in
                int(utf8.count)
                bytes.append(contentsOf: utf8)
            }
        }
    }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func optionalInt(_ value: Int?) {
        bool(value != nil)
        if let value { int(value) }
    }

    mutating func hash(_ value: ContentHash) {
        withUnsafeBytes(of: value.high.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: value.low.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func data(_ value: [UInt8]) {
        int(value.count)
        bytes.append(contentsOf: value)
    }

    /// Writes what `body` writes with its length first, so that a reader can skip it and read it later.
    mutating func record(_ body: (inout ByteWriter) -> Void) {
        let start = bytes.count
        int(0)
        body(&self)
        let length = Int64(bytes.count - start - 8).littleEndian
        withUnsafeBytes(of: length) { raw in
            for (offset, byte) in raw.enumerated() { bytes[start + offset] = byte }
        }
    }

    /// Writes `count` and then each element.
    mutating func array<T>(_ values: [T], _ element: (inout ByteWriter, T) -> Void) {
        int(values.count)
        for value in values { element(&self, value) }
    }
}

/// Reads what ``ByteWriter`` wrote; every read checks the bounds, so a truncated or foreign file
/// throws ``ByteReader/Malformed`` instead of crashing.
struct ByteReader {
    /// The file ended early or holds a value that cannot be.
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private(set) var offset = 0
    /// Where reading stops (the end of the bytes, or of the range given).
    private let end: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        end = bytes.count
    }

    /// Reads `range` of `bytes` only (a record of a larger file; the array is shared, not copied).
    init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        offset = max(0, min(range.lowerBound, bytes.count))
        end = max(offset, min(range.upperBound, bytes.count))
    }

    var isAtEnd: Bool { offset == end }

    mutating func byte() throws(Malformed) -> UInt8 {
        guard offset < end else { throw Malformed() }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// Moves past `count` bytes (a record read later).
    mutating func skip(_ count: Int) throws(Malformed) {
        guard count >= 0, end - offset >= count else { throw Malformed() }
        offset += count
    }

    mutating func int() throws(Malformed) -> Int {
        guard end - offset >= 8 else { throw Malformed() }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Int64.self) }
        offset += 8
        return Int(Int64(littleEndian: value))
    }

    /// A count or length: not negative and not more than the bytes left could hold.
    mutating func count(minimumElementSize: Int = 1) throws(Malformed) -> Int {
        let value = try int()
        guard value >= 0, value <= (end - offset) / max(1, minimumElementSize) else { throw Malformed() }
        return value
    }

    /// Reads past `expected`, or throws when the bytes are not those.
    mutating func expect(_ expected: [UInt8]) throws(Malformed) {
        guard end - offset >= expected.count, bytes[offset..<offset + expected.count].elementsEqual(expected) else { throw Malformed() }
        offset += expected.count
    }

    mutating func bool() throws(Malformed) -> Bool {
        guard offset < end, bytes[offset] <= 1 else { throw Malformed() }
        defer { offset += 1 }
        return bytes[offset] == 1
    }

    mutating func string() throws(Malformed) -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    /// Text written by ``ByteWriter/string(_:)``, left undecoded until read (``DeferredText``).
    mutating func deferredText() throws(Malformed) -> TextStorage {
        let length = try count()
        defer { offset += length }
        return length == 0 ? .text("") : .deferred(DeferredText(bytes, range: offset..<offset + length))
    }

    mutating func optionalString() throws(Malformed) -> String? {
        try bool() ? try string() : nil
    }

    mutating func optionalInt() throws(Malformed) -> Int? {
        try bool() ? try int() : nil
    }

    mutating func hash() throws(Malformed) -> ContentHash {
        let high = UInt64(bitPattern: Int64(try int()))
        let low = UInt64(bitPattern: Int64(try int()))
        return ContentHash(high: high, low: low)
    }

    mutating func data() throws(Malformed) -> [UInt8] {
        let length = try count()
        defer { offset += length }
        return Array(bytes[offset..<offset + length])
    }

    mutating func array<T>(_ element: (inout ByteReader) throws(Malformed) -> T) throws(Malformed) -> [T] {
        let n = try count()
        var values: [T] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try element(&self)) }
        return values
    }
}
