/// The named character references, built from ``packedEntityTable`` on first use.
private let namedEntities: [String: [UInt8]] = {
    var table: [String: [UInt8]] = [:]
    table.reserveCapacity(2200)
    var name: [UInt8] = []
    var value: [UInt8] = []
    var code: UInt32 = 0
    var inValue = false
    for byte in packedEntityTable.utf8 {
        switch byte {
        case ASCII.newline:
            continue
        case UInt8(ascii: "="):
            inValue = true
        case UInt8(ascii: ","), UInt8(ascii: ";"):
            appendUTF8(code, to: &value)
            code = 0
            if byte == UInt8(ascii: ";") {
                table[String(decoding: name, as: UTF8.self)] = value
                name.removeAll(keepingCapacity: true)
                value = []
                inValue = false
            }
        default:
            if inValue {
                code = code << 4 | UInt32(ASCII.isDigit(byte) ? byte - 0x30 : (byte | 0x20) - 0x61 + 10)
            } else {
                name.append(byte)
            }
        }
    }
    if inValue {
        appendUTF8(code, to: &value)
        table[String(decoding: name, as: UTF8.self)] = value
    }
    return table
}()

/// Appends the UTF-8 encoding of `value` (U+FFFD for 0, surrogates and values past U+10FFFF).
func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
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

/// Decodes an entity or numeric character reference at `s[i]` (an `&`): the bytes it stands
/// for and the index after its `;`.
func decodeEntity(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> ([UInt8], Int)? {
    var j = i + 1
    guard j < end else { return nil }
    if s[j] == UInt8(ascii: "#") {
        j += 1
        var value: UInt32 = 0
        let digitsStart: Int
        if j < end, s[j] | 0x20 == UInt8(ascii: "x") {
            j += 1
            digitsStart = j
            while j < end, ASCII.isHexDigit(s[j]), j - digitsStart < 6 {
                let c = s[j]
                value = value * 16 + UInt32(ASCII.isDigit(c) ? c - 0x30 : (c | 0x20) - 0x61 + 10)
                j += 1
            }
        } else {
            digitsStart = j
            while j < end, ASCII.isDigit(s[j]), j - digitsStart < 7 {
                value = value * 10 + UInt32(s[j] - 0x30)
                j += 1
            }
        }
        guard j > digitsStart, j < end, s[j] == UInt8(ascii: ";") else { return nil }
        var out: [UInt8] = []
        appendUTF8(value, to: &out)
        return (out, j + 1)
    }
    let nameStart = j
    while j < end, ASCII.isAlphanumeric(s[j]), j - nameStart < 32 { j += 1 }
    guard j > nameStart, j < end, s[j] == UInt8(ascii: ";") else { return nil }
    let name = String(decoding: UnsafeBufferPointer(rebasing: s[nameStart..<j]), as: UTF8.self)
    guard let bytes = namedEntities[name] else { return nil }
    return (bytes, j + 1)
}
