/// Checking UTF-8 without making a `String`: sixteen ASCII bytes per step, multi-byte sequences
/// against the well-formed table of Unicode (chapter 3, table 3-7).
enum UTF8Validation {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValid($0) }
    }

    static func isValid(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = s.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let n = s.count
        var i = 0
        while i < n {
            // Skip ASCII sixteen, then eight bytes at a time.
            while i &+ 16 <= n,
                (raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)) & 0x8080_8080_8080_8080 == 0
            {
                i &+= 16
            }
            while i &+ 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i &+= 8
            }
            guard i < n else { return true }
            let c = s[i]
            if c < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return false
            }
            guard i + length <= n, s[i + 1] >= low, s[i + 1] <= high else { return false }
            for k in 2..<length where s[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }
}
