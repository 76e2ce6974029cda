/// A tolerant scanner of HTML start tags: it reads tag names and attributes, skips comments and
/// the contents of `<script>` and `<style>`, and never fails on malformed input.
struct HTMLScanner {
    /// One start tag: its lowercased name and attributes (lowercased names, decoded values).
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]

        func value(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }
    }

    /// The attributes the checker reads; others are skipped without being decoded.
    private static let wanted: [[UInt8]] = ["id", "name", "href", "src", "rel", "poster"].map { Array($0.utf8) }

    private static let commentStart = Array("<!--".utf8)
    private static let commentEnd = Array("-->".utf8)

    /// Calls `visit` for every start tag of `html`, in order, with the attributes the checker reads.
    static func scan(_ html: UnsafeBufferPointer<UInt8>, visit: (Tag) -> Void) {
        var index = 0
        let count = html.count
        while index < count {
            guard html[index] == UInt8(ascii: "<") else { index += 1; continue }
            if starts(html, at: index, with: commentStart) {
                index = find(html, commentEnd, from: index + 4).map { $0 + 3 } ?? count
                continue
            }
            let nameStart = index + 1
            guard nameStart < count, isLetter(html[nameStart]) else { index += 1; continue }
            var cursor = nameStart
            while cursor < count, !isSpace(html[cursor]), html[cursor] != UInt8(ascii: ">"), html[cursor] != UInt8(ascii: "/") {
                cursor += 1
            }
            let name = lowercased(html[nameStart..<cursor])
            var attributes: [(name: String, value: String)] = []
            cursor = readAttributes(html, from: cursor, into: &attributes)
            visit(Tag(name: name, attributes: attributes))
            index = cursor
            if name == "script" || name == "style" {
                index = find(html, Array(("</" + name).utf8), from: index, ignoringCase: true) ?? count
            }
        }
    }

    /// Reads attributes up to the end of the tag; returns the index after `>`.
    private static func readAttributes(_ html: UnsafeBufferPointer<UInt8>, from start: Int, into attributes: inout [(name: String, value: String)]) -> Int {
        let count = html.count
        var cursor = start
        while cursor < count {
            let byte = html[cursor]
            if byte == UInt8(ascii: ">") { return cursor + 1 }
            if isSpace(byte) || byte == UInt8(ascii: "/") { cursor += 1; continue }
            let nameStart = cursor
            while cursor < count, !isSpace(html[cursor]), html[cursor] != UInt8(ascii: "="),
                  html[cursor] != UInt8(ascii: ">"), html[cursor] != UInt8(ascii: "/") {
                cursor += 1
            }
            let nameEnd = cursor
            let keep = wanted.contains { isName($0, html[nameStart..<nameEnd]) }
            while cursor < count, isSpace(html[cursor]) { cursor += 1 }
            guard cursor < count, html[cursor] == UInt8(ascii: "=") else {
                if keep { attributes.append((lowercased(html[nameStart..<nameEnd]), "")) }
                continue
            }
            cursor += 1
            while cursor < count, isSpace(html[cursor]) { cursor += 1 }
            guard cursor < count else { break }
            let valueStart: Int
            let valueEnd: Int
            let quote = html[cursor]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                valueStart = cursor + 1
                var end = valueStart
                while end < count, html[end] != quote { end += 1 }
                valueEnd = end
                cursor = min(end + 1, count)
            } else {
                valueStart = cursor
                while cursor < count, !isSpace(html[cursor]), html[cursor] != UInt8(ascii: ">") { cursor += 1 }
                valueEnd = cursor
            }
            if keep {
                attributes.append((lowercased(html[nameStart..<nameEnd]), HTMLEntities.decode(html[valueStart..<valueEnd])))
            }
        }
        return count
    }

    /// True when `bytes` spell the lowercase `name`, ignoring ASCII case.
    private static func isName(_ name: [UInt8], _ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard name.count == bytes.count else { return false }
        return zip(name, bytes).allSatisfy { $0 == $1 | 0x20 }
    }

    /// A tag or attribute name in lower case (`lowercased()` has its own ASCII fast path).
    private static func lowercased(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(decoding: bytes, as: UTF8.self).lowercased()
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    private static func starts(_ html: UnsafeBufferPointer<UInt8>, at index: Int, with needle: [UInt8], ignoringCase: Bool = false) -> Bool {
        guard index + needle.count <= html.count else { return false }
        for offset in 0..<needle.count {
            let byte = html[index + offset]
            if byte == needle[offset] { continue }
            if ignoringCase, isLetter(byte), byte | 0x20 == needle[offset] | 0x20 { continue }
            return false
        }
        return true
    }

    /// The index where `text` next occurs at or after `start`.
    private static func find(_ html: UnsafeBufferPointer<UInt8>, _ text: [UInt8], from start: Int, ignoringCase: Bool = false) -> Int? {
        guard let first = text.first else { return nil }
        var index = start
        while index < html.count {
            if html[index] == first || (ignoringCase && html[index] | 0x20 == first | 0x20),
               starts(html, at: index, with: text, ignoringCase: ignoringCase) {
                return index
            }
            index += 1
        }
        return nil
    }
}
