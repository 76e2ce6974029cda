import Foundation

/// A 128-bit hash of bytes that is the same in every process and on every machine (Swift's
/// `Hasher` is seeded per process), for the build cache's keys. Not cryptographic: it tells an
/// edited file from the one the cache saw, and two different inputs collide with odds of about
/// one in 2^64 even for a cache of millions of entries.
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    public internal(set) var high: UInt64
    public internal(set) var low: UInt64

    /// The hash of `bytes`.
    init(_ bytes: UnsafeRawBufferPointer) {
        var builder = Builder()
        builder.add(bytes)
        self = builder.finish()
    }

    /// The hash of `data`.
    public init(_ data: Data) {
        self = data.withUnsafeBytes { ContentHash($0) }
    }

    /// A hash from its two halves (as ``high`` and ``low`` gave them).
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The two halves in hexadecimal.
    public var description: String {
        String(high, radix: 16) + ":" + String(low, radix: 16)
    }

    /// Hashes a sequence of values into one: each value is length-prefixed, so `("ab", "c")` and
    /// `("a", "bc")` differ.
    struct Builder: Sendable {
        private var a: UInt64 = 0x243F_6A88_85A3_08D3
        private var b: UInt64 = 0x1319_8A2E_0370_7344
        private var count: UInt64 = 0

        init() {}

        /// Adds raw bytes (their length too).
        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            let length = bytes.count
            var offset = 0
            while offset + 8 <= length {
                mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < length {
                tail |= UInt64(bytes[offset]) << shift
                shift += 8
                offset += 1
            }
            mix(tail ^ (UInt64(length) << 56) ^ 0xA5)
            mix(UInt64(length))
        }

        mutating func add(_ data: Data) {
            data.withUnsafeBytes { add($0) }
        }

        mutating func add(_ string: String) {
            var copy = string
            copy.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        }

        mutating func add(_ number: Int) {
            mix(UInt64(bitPattern: Int64(number)))
        }

        mutating func add(_ hash: ContentHash) {
            mix(hash.high)
            mix(hash.low)
        }

        private mutating func mix(_ word: UInt64) {
            count &+= 1
            a = (a ^ word) &* 0x9E37_79B9_7F4A_7C15
            a ^= a >> 31
            b = ((b &+ word) ^ 0xD6E8_FEB8_6659_FD93) &* 0xBF58_476D_1CE4_E5B9
            b ^= b >> 29
        }

        /// The hash of everything added.
        func finish() -> ContentHash {
            var (x, y) = (a ^ count, b &+ count)
            x = (x ^ (y >> 32)) &* 0x94D0_49BB_1331_11EB
            x ^= x >> 33
            y = (y ^ (x >> 29)) &* 0xFF51_AFD7_ED55_8CCD
            y ^= y >> 32
            return ContentHash(high: x, low: y)
        }
    }
}
