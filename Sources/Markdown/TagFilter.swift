/// The GFM tag filter: neutralises tags that change how a page parses (`<script>`, `<iframe>`, …).
enum TagFilter {
    private static let names: [[UInt8]] = [
        "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes",
        "script", "plaintext",
    ].map { Array($0.utf8) }

    /// Appends raw HTML with the `<` of each filtered tag written as `&lt;`.
    static func append(_ bytes: ArraySlice<UInt8>, to out: inout some ByteSink) {
        var runStart = bytes.startIndex
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == UInt8(ascii: "<"), isFiltered(bytes, i) {
                bytes[runStart..<i].withUnsafeBufferPointer { out.append(contentsOf: $0) }
                out.append("&lt;")
                runStart = i + 1
            }
            i += 1
        }
        bytes[runStart...].withUnsafeBufferPointer { out.append(contentsOf: $0) }
    }

    private static func isFiltered(_ bytes: ArraySlice<UInt8>, _ lt: Int) -> Bool {
        var i = lt + 1
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: "/") { i += 1 }
        for name in names where bytes.endIndex - i >= name.count {
            var k = 0
            while k < name.count, ASCII.lowercased(bytes[i + k]) == name[k] { k += 1 }
            guard k == name.count else { continue }
            let j = i + k
            if j >= bytes.endIndex { return false }
            let after = bytes[j]
            if ASCII.isWhitespace(after) || after == UInt8(ascii: ">") { return true }
            if after == UInt8(ascii: "/"), j + 1 < bytes.endIndex, bytes[j + 1] == UInt8(ascii: ">") { return true }
        }
        return false
    }
}
