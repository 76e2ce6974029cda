import Foundation

/// Literal substring search over UTF-8 bytes.
///
/// Foundation's `range(of:)` and `contains(_:)` on `String` go through `CFStringFind`, which
/// converts to UTF-16 first: on whole pages that was an eighth of a build's CPU time.
extension StringProtocol {
    /// The range of the first occurrence of `needle`, compared byte for byte.
    func firstRange(ofBytes needle: String) -> Range<String.Index>? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return startIndex..<startIndex }
        let found: Int?? = utf8.withContiguousStorageIfAvailable { haystack in
            ByteScan.offset(of: pattern, in: haystack)
        }
        guard let found else { return slowFirstRange(of: pattern) }
        guard let offset = found else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: pattern.count)
    }

    /// The same search for text whose bytes are not contiguous (bridged strings).
    private func slowFirstRange(of pattern: [UInt8]) -> Range<String.Index>? {
        let haystack = utf8
        var start = haystack.startIndex
        while let candidate = haystack[start...].firstIndex(of: pattern[0]) {
            var position = candidate
            var matched = 0
            while matched < pattern.count, position != haystack.endIndex, haystack[position] == pattern[matched] {
                haystack.formIndex(after: &position)
                matched += 1
            }
            if matched == pattern.count { return candidate..<position }
            start = haystack.index(after: candidate)
        }
        return nil
    }

    /// True when `needle` occurs in the text, compared byte for byte.
    func contains(bytes needle: String) -> Bool {
        firstRange(ofBytes: needle) != nil
    }

    /// The number of line feeds in the text, counted in its bytes (a page's text has `\n` line ends).
    var lineBreakCount: Int {
        utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    /// True when the text holds nothing but ASCII spaces, tabs and line breaks.
    var isBlank: Bool {
        !utf8.contains { $0 != 32 && $0 != 10 && $0 != 9 && $0 != 13 }
    }
}

/// Literal search in bytes: `memchr` for the pattern's first byte, then `memcmp`.
enum ByteScan {
    /// The offset of the first occurrence of `pattern` in `haystack`.
    static func offset(of pattern: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = haystack.baseAddress, !pattern.isEmpty, haystack.count >= pattern.count else { return nil }
        let last = haystack.count - pattern.count
        var position = 0
        return pattern.withUnsafeBufferPointer { needle -> Int? in
            while position <= last {
                guard let hit = memchr(base + position, Int32(needle[0]), last - position + 1) else { return nil }
                let start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + start, needle.baseAddress!, needle.count) == 0 { return start }
                position = start + 1
            }
            return nil
        }
    }

    /// The offset of the first occurrence of `pattern` in `haystack` at or after `start`.
    static func offset(of pattern: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard start < haystack.count else { return nil }
        return haystack.withUnsafeBufferPointer { buffer in
            offset(of: pattern, in: UnsafeBufferPointer(rebasing: buffer[start...])).map { $0 + start }
        }
    }
}
