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

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func int() throws(Malformed) -> Int {
        guard bytes.count - offset >= 8 else { throw Malformed() }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Int64.self) }
        offset += 8
        return Int(Int64(littleEndian: value))
    }

    /// A count or length: not negative and not more than the bytes left could hold.
    mutating func count(minimumElementSize: Int = 1) throws(Malformed) -> Int {
        let value = try int()
        guard value >= 0, value <= (bytes.count - offset) / max(1, minimumElementSize) else { throw Malformed() }
        return value
    }

    /// Reads past `expected`, or throws when the bytes are not those.
    mutating func expect(_ expected: [UInt8]) throws(Malformed) {
        guard bytes.count - offset >= expected.count, bytes[offset..<offset + expected.count].elementsEqual(expected) else { throw Malformed() }
        offset += expected.count
    }

    mutating func bool() throws(Malformed) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Malformed() }
        defer { offset += 1 }
        return bytes[offset] == 1
    }

    mutating func string() throws(Malformed) -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
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
