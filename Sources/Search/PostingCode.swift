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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(postings.count * 3)
        var previous = 0
        for (id, level) in postings {
            appendNumber(id - previous, to: &bytes)
            bytes.append(digit(level))
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
        var groups: [Int] = [value & 31]
        var rest = value >> 5
        while rest > 0 {
            groups.append(rest & 31)
            rest >>= 5
        }
        for (i, g) in groups.reversed().enumerated() { bytes.append(digit(i == groups.count - 1 ? g : g + 32)) }
    }
}
