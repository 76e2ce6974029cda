/// A set of bytes as a 256-bit map: membership is two shifts and a mask.
struct ByteSet: Sendable, ExpressibleByStringLiteral {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// The set of the UTF-8 bytes of `characters` (meant for ASCII).
    init(_ characters: String) {
        for byte in characters.utf8 { insert(byte) }
    }

    init(stringLiteral value: String) { self.init(value) }

    mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << (byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << (byte & 63)
        switch byte >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }
}
