/// HTML character references — `&name;` from the HTML5 table of 2,125 names, `&#N;` and `&#xH;` —
/// decoded as CommonMark and browsers decode them. A reference must end in `;`; anything else is
/// left as text.
public enum CharacterReferences {
    /// Decodes the reference starting at `bytes[start]` (an `&`), reading no further than `end`:
    /// the UTF-8 bytes it stands for and the index after its `;`, or nil when no reference starts there.
    /// Numeric references to 0, surrogates or past U+10FFFF stand for U+FFFD.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> ([UInt8], Int)? {
        var index = start + 1
        guard index < end else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            var value: UInt32 = 0
            let digitsStart: Int
            if index < end, bytes[index] | 0x20 == UInt8(ascii: "x") {
                index += 1
                digitsStart = index
                while index < end, let digit = hexValue(bytes[index]), index - digitsStart < 6 {
                    value = value * 16 + digit
                    index += 1
                }
            } else {
                digitsStart = index
                while index < end, isDigit(bytes[index]), index - digitsStart < 7 {
                    value = value * 10 + UInt32(bytes[index] - 0x30)
                    index += 1
                }
            }
            guard index > digitsStart, index < end, bytes[index] == UInt8(ascii: ";") else { return nil }
            var out: [UInt8] = []
            appendUTF8(value, to: &out)
            return (out, index + 1)
        }
        let nameStart = index
        while index < end, isAlphanumeric(bytes[index]), index - nameStart < 32 { index += 1 }
        guard index > nameStart, index < end, bytes[index] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<index]), as: UTF8.self)
        guard let value = namedReferences[name] else { return nil }
        return (value, index + 1)
    }

    /// `text` with every character reference decoded.
    public static func decodeAll(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "&"), let (decoded, next) = decode(bytes, at: index, end: bytes.count) {
                    out.append(contentsOf: decoded)
                    index = next
                } else {
                    out.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `text` with every character reference decoded.
    public static func decodeAll<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        decodeAll(String(decoding: bytes, as: UTF8.self))
    }

    /// Appends the UTF-8 encoding of `value` to `out` (U+FFFD for 0, surrogates and values past U+10FFFF).
    public static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        let scalar = value == 0 ? Unicode.Scalar(0xFFFD)! : (Unicode.Scalar(value) ?? Unicode.Scalar(0xFFFD)!)
        let v = scalar.value
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        } else {
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// The named references, built from ``packedEntityTable`` on first use.
    private static let namedReferences: [String: [UInt8]] = {
        var table: [String: [UInt8]] = [:]
        table.reserveCapacity(2200)
        var name: [UInt8] = []
        var value: [UInt8] = []
        var code: UInt32 = 0
        var inValue = false
        func finish() {
            appendUTF8(code, to: &value)
            code = 0
        }
        for byte in packedEntityTable.utf8 {
            switch byte {
            case UInt8(ascii: "\n"):
                continue
            case UInt8(ascii: "="):
                inValue = true
            case UInt8(ascii: ","), UInt8(ascii: ";"):
                finish()
                if byte == UInt8(ascii: ";") {
                    table[String(decoding: name, as: UTF8.self)] = value
                    name.removeAll(keepingCapacity: true)
                    value = []
                    inValue = false
                }
            default:
                if inValue {
                    code = code << 4 | (hexValue(byte) ?? 0)
                } else {
                    name.append(byte)
                }
            }
        }
        if inValue {
            finish()
            table[String(decoding: name, as: UTF8.self)] = value
        }
        return table
    }()

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        if isDigit(byte) { return UInt32(byte - 0x30) }
        let lower = byte | 0x20
        guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "f") else { return nil }
        return UInt32(lower - UInt8(ascii: "a") + 10)
    }
}
