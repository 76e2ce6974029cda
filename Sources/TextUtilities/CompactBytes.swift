import Foundation

/// Writes compact binary records for caches: variable-length unsigned integers (7 bits a byte),
/// length-prefixed UTF-8 and raw 64-bit words; ``CompactBytesReader`` reads them back.
public struct CompactBytesWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// A number of 0 or more (a negative one is written as 0).
    public mutating func number(_ value: Int) {
        var rest = UInt64(max(0, value))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    public mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    /// Eight bytes, little-endian.
    public mutating func word(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func text(_ value: String) {
        var copy = value
        copy.withUTF8 { utf8 in
            number(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// Bytes with their length first.
    public mutating func data(_ value: [UInt8]) {
        number(value.count)
        bytes.append(contentsOf: value)
    }
}

/// Reads what ``CompactBytesWriter`` wrote; every read checks the bounds and gives nil past the
/// end or on a value that cannot be, so damaged bytes never crash.
public struct CompactBytesReader: Sendable {
    private let bytes: [UInt8]
    public private(set) var offset = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var isAtEnd: Bool { offset == bytes.count }

    public mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    public mutating func number() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while let byte = byte() {
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value <= UInt64(Int.max) ? Int(value) : nil }
            shift += 7
            if shift > 63 { return nil }
        }
        return nil
    }

    /// A count of items that each take at least one byte: nil when more than the bytes left.
    public mutating func count() -> Int? {
        guard let value = number(), value <= bytes.count - offset else { return nil }
        return value
    }

    public mutating func word() -> UInt64? {
        guard bytes.count - offset >= 8 else { return nil }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        offset += 8
        return UInt64(littleEndian: value)
    }

    public mutating func text() -> String? {
        guard let length = count() else { return nil }
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    /// Steps over a text (or data) without reading it; false when it does not fit the bytes left.
    public mutating func skipText() -> Bool {
        guard let length = count() else { return false }
        offset += length
        return true
    }

    public mutating func data() -> [UInt8]? {
        guard let length = count() else { return nil }
        defer { offset += length }
        return Array(bytes[offset..<offset + length])
    }
}
