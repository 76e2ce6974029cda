#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small byte-level predicates shared by both passes.
enum ASCII {
    static let newline: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D

    @inline(__always) static func isSpaceOrTab(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }

    /// Space, tab, line feed, line tabulation, form feed or carriage return.
    @inline(__always) static func isWhitespace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }

    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 }

    @inline(__always) static func isAlphanumeric(_ c: UInt8) -> Bool { isDigit(c) || isLetter(c) }

    @inline(__always) static func isHexDigit(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20) &- 0x61 < 6 }

    @inline(__always) static func lowercased(_ c: UInt8) -> UInt8 { c &- 0x41 < 26 ? c | 0x20 : c }

    /// ASCII punctuation as CommonMark defines it.
    @inline(__always) static func isPunctuation(_ c: UInt8) -> Bool {
        (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E)
    }
}

/// Whether `s[i..<end]` starts with `word`, ignoring ASCII case of `s` (word is lowercase).
@inline(__always)
func hasPrefix(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, caseInsensitive word: StaticString) -> Bool {
    let n = word.utf8CodeUnitCount
    guard end - i >= n else { return false }
    let w = word.utf8Start
    for k in 0..<n where ASCII.lowercased(s[i + k]) != w[k] { return false }
    return true
}

/// Index of the first occurrence of `needle` in `s[from..<end]`, if any.
func find(_ s: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int, _ needle: StaticString) -> Int? {
    let n = needle.utf8CodeUnitCount
    let w = needle.utf8Start
    guard n > 0, end - from >= n else { return nil }
    var i = from
    let first = w[0]
    while i <= end - n {
        if s[i] == first {
            var k = 1
            while k < n, s[i + k] == w[k] { k += 1 }
            if k == n { return i }
        }
        i += 1
    }
    return nil
}

/// Decodes the UTF-8 scalar starting at `i` (or U+FFFD on a malformed sequence) and its length.
func decodeScalar(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (Unicode.Scalar, Int) {
    let b0 = s[i]
    if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
    var length = 0
    var value: UInt32 = 0
    if b0 & 0xE0 == 0xC0 {
        length = 2
        value = UInt32(b0 & 0x1F)
    } else if b0 & 0xF0 == 0xE0 {
        length = 3
        value = UInt32(b0 & 0x0F)
    } else if b0 & 0xF8 == 0xF0 {
        length = 4
        value = UInt32(b0 & 0x07)
    } else {
        return ("\u{FFFD}", 1)
    }
    guard i + length <= end else { return ("\u{FFFD}", 1) }
    for k in 1..<length {
        let b = s[i + k]
        guard b & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
        value = value << 6 | UInt32(b & 0x3F)
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
}

/// Decodes the UTF-8 scalar that ends just before `i`.
func decodeScalar(before i: Int, _ s: UnsafeBufferPointer<UInt8>, _ start: Int) -> Unicode.Scalar {
    var j = i - 1
    while j > start, s[j] & 0xC0 == 0x80, i - j < 4 { j -= 1 }
    return decodeScalar(s, j, i).0
}

extension Unicode.Scalar {
    /// Unicode whitespace as CommonMark defines it (Zs, tab, line feed, form feed, carriage return).
    var isMarkdownWhitespace: Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0C || value == 0x0D }
        return properties.generalCategory == .spaceSeparator
    }

    /// Unicode punctuation as CommonMark 0.31.2 defines it (general categories P and S).
    var isMarkdownPunctuation: Bool {
        if value < 0x80 { return ASCII.isPunctuation(UInt8(value)) }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}

/// Whether `buffer` contains a zero byte (memchr: many bytes per step).
func containsNUL(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
    return memchr(base, 0, buffer.count) != nil
}
