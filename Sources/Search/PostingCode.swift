/// The compact text encoding of posting lists, chosen to need no escaping in JSON or JavaScript.
///
/// Digits are the 64 characters from `(` (0x28) to `h` (0x68), skipping `\`. A posting list is a
/// sequence of (page-id gap, level) pairs: the gap is a base-32 number written most significant
/// digit first, with 32 added to every digit but the last; the level is one digit.
enum PostingCode {
    static func digit(_ value: Int) -> UInt8 {
        let code = UInt8(0x28 + value)
        return code >= 0x5C ? code + 1 : code
    }

    /// Encodes (page id, level) pairs sorted by page id.
    static func encode(_ postings: [(id: Int, level: Int)]) -> String {
        encode(packed: postings.map { pack(id: $0.id, level: $0.level) })
    }

    /// A posting as one integer, the page id above the level: sorting packed postings sorts them by id.
    static func pack(id: Int, level: Int) -> Int { id << 8 | level }

    /// Encodes packed postings (``pack(id:level:)``) sorted by page id.
    static func encode(packed postings: [Int]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(postings.count * 3)
        var previous = 0
        for posting in postings {
            let id = posting >> 8
            appendNumber(id - previous, to: &bytes)
            bytes.append(digit(posting & 255))
            previous = id
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Encodes ascending page ids as gaps.
    static func encodeIDs(_ ids: [Int]) -> String {
        var bytes: [UInt8] = []
        var previous = 0
        for id in ids {
            appendNumber(id - previous, to: &bytes)
            previous = id
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendNumber(_ value: Int, to bytes: inout [UInt8]) {
        var shift = 0
        while value >> (shift + 5) > 0 { shift += 5 }
        while shift > 0 {
            bytes.append(digit((value >> shift) & 31 + 32))
            shift -= 5
        }
        bytes.append(digit(value & 31))
    }
}
