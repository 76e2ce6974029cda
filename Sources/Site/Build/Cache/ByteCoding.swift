import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// Bytes as they are, without a length (a record copied from another file).
    mutating func raw(_ value: UnsafeBufferPointer<UInt8>) {
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

    /// Writes `count` and then each element.
    mutating func array<T>(_ values: [T], _ element: (inout ByteWriter, T) -> Void) {
        int(values.count)
        for value in values { element(&self, value) }
    }
}

/// Bytes a ``ByteReader`` reads: a copy of an array, or a file mapped into memory (the build
/// cache's page records, hundreds of megabytes on a large site, of which a build reads few).
/// The mapping lives as long as the storage, even when the file is replaced or removed meanwhile.
final class ByteStorage: @unchecked Sendable {
    // Unchecked: the bytes are never written after init, and freed only by deinit.
    let bytes: UnsafeBufferPointer<UInt8>
    private let mapped: Bool

    /// A copy of `array`.
    init(_ array: [UInt8]) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, array.count))
        _ = copy.initialize(from: array)
        bytes = UnsafeBufferPointer(rebasing: copy[0..<array.count])
        mapped = false
    }

    private init(mapping: UnsafeRawPointer, count: Int) {
        bytes = UnsafeBufferPointer(start: mapping.assumingMemoryBound(to: UInt8.self), count: count)
        mapped = true
    }

    /// The file open as `descriptor`, mapped read-only; nil when it cannot be (or is empty).
    static func map(_ descriptor: Int32) -> ByteStorage? {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size > 0 else { return nil }
        let count = Int(info.st_size)
        guard let address = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        return ByteStorage(mapping: UnsafeRawPointer(address), count: count)
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        } else {
            UnsafeMutableRawPointer(mutating: bytes.baseAddress)?.deallocate()
        }
    }
}

/// Reads what ``ByteWriter`` wrote; every read checks the bounds, so a truncated or foreign file
/// throws ``ByteReader/Malformed`` instead of crashing.
struct ByteReader {
    /// The file ended early or holds a value that cannot be.
    struct Malformed: Error {}

    let storage: ByteStorage
    private var bytes: UnsafeBufferPointer<UInt8> { storage.bytes }
    private(set) var offset = 0
    /// Where reading stops (the end of the bytes, or of the range given).
    private let end: Int

    init(_ bytes: [UInt8]) {
        self.init(ByteStorage(bytes))
    }

    init(_ storage: ByteStorage) {
        self.storage = storage
        end = storage.bytes.count
    }

    /// Reads `range` of `storage` only (a record of a larger file; nothing is copied).
    init(_ storage: ByteStorage, range: Range<Int>) {
        self.storage = storage
        offset = max(0, min(range.lowerBound, storage.bytes.count))
        end = max(offset, min(range.upperBound, storage.bytes.count))
    }

    var isAtEnd: Bool { offset == end }

    mutating func byte() throws(Malformed) -> UInt8 {
        guard offset < end else { throw Malformed() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func int() throws(Malformed) -> Int {
        guard end - offset >= 8 else { throw Malformed() }
        let value = UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: offset, as: Int64.self)
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
    /// Passes over `count` bytes.
    mutating func skip(_ count: Int) throws(Malformed) {
        guard count >= 0, end - offset >= count else { throw Malformed() }
        offset += count
    }

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
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
    }

    /// Text written by ``ByteWriter/string(_:)``, left undecoded until read (``DeferredText``).
    mutating func deferredText() throws(Malformed) -> TextStorage {
        let length = try count()
        defer { offset += length }
        return length == 0 ? .text("") : .deferred(DeferredText(storage, range: offset..<offset + length))
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
