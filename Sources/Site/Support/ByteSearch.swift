/// Literal substring search over UTF-8 bytes.
///
/// Foundation's `range(of:)` and `contains(_:)` on `String` go through `CFStringFind`, which
/// converts to UTF-16 first: on whole pages that was an eighth of a build's CPU time.
extension StringProtocol {
    /// The range of the first occurrence of `needle`, compared byte for byte.
    func firstRange(ofBytes needle: String) -> Range<String.Index>? {
        let haystack = utf8
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, haystack.count >= pattern.count else { return pattern.isEmpty ? startIndex..<startIndex : nil }
        var start = haystack.startIndex
        while let candidate = haystack[start...].firstIndex(of: first) {
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

    /// True when the text holds nothing but ASCII spaces, tabs and line breaks.
    var isBlank: Bool {
        !utf8.contains { $0 != 32 && $0 != 10 && $0 != 9 && $0 != 13 }
    }
}
