/// Small helpers for producing and reading HTML text.
enum HTMLText {
    /// Escapes `& < > "` (and `'` with `apostrophe`) for text and attribute values, in one pass over the bytes.
    static func escape(_ text: String, apostrophe: Bool = false) -> String {
        let quote = apostrophe ? UInt8(ascii: "'") : UInt8(ascii: "\"")
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == quote }) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'") where apostrophe: output.append(contentsOf: "&#39;".utf8)
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The text of an HTML fragment: tags removed, common entities decoded, whitespace collapsed.
    /// Scripts and styles are dropped; math reads as its TeX source (its annotation).
    /// Works on UTF-8 bytes in one pass: it runs over every page of the site.
    static func plainText(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var scanner = PlainTextScanner(input: bytes)
            return scanner.run()
        }
    }

}

import Foundation

/// The byte-level state machine behind ``HTMLText/plainText(_:)``.
private struct PlainTextScanner {
    let input: UnsafeBufferPointer<UInt8>
    var output: [UInt8] = []
    var pendingSpace = false
    var skipping: [UInt8]?  // "script" or "style" while inside one
    var inMath = false
    var inAnnotation = false

    init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        output.reserveCapacity(input.count / 2)
    }

    /// Tags after which words must not run together.
    private static let breaking: Set<[UInt8]> = Set(["p", "/p", "br", "br/", "li", "/li", "/h1", "/h2", "/h3", "/h4", "/h5",
                                                   "/h6", "td", "th", "/pre", "div", "/div", "math", "/math", "tr", "/tr",
                                                   "blockquote", "/blockquote", "figcaption", "dt", "dd"].map { Array($0.utf8) })

    mutating func run() -> String {
        var index = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            if byte == UInt8(ascii: "<") {
                index = tag(at: index)
                continue
            }
            if skipping != nil || (inMath && !inAnnotation) { index += 1; continue }
            if byte == 32 || byte == 10 || byte == 9 || byte == 13 {
                pendingSpace = !output.isEmpty
                index += 1
                continue
            }
            if byte == UInt8(ascii: "&"), let (decoded, next) = entity(at: index) {
                emit(decoded)
                index = next
                continue
            }
            if pendingSpace { output.append(32); pendingSpace = false }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private mutating func emit(_ bytes: [UInt8]) {
        if pendingSpace { output.append(32); pendingSpace = false }
        output.append(contentsOf: bytes)
    }

    /// Reads the tag starting at `start` and returns the index after it.
    private mutating func tag(at start: Int) -> Int {
        var index = start + 1
        var name: [UInt8] = []
        while index < input.count, name.count < 16 {
            let byte = input[index]
            if byte == UInt8(ascii: ">") || byte == 32 || byte == 10 || byte == 9 { break }
            name.append(byte | (byte >= 65 && byte <= 90 ? 0x20 : 0))
            index += 1
        }
        while index < input.count, input[index] != UInt8(ascii: ">") { index += 1 }
        let end = min(index + 1, input.count)
        if let skip = skipping {
            if name.first == UInt8(ascii: "/"), Array(name.dropFirst()) == skip { skipping = nil }
            return end
        }
        switch name {
        case Array("script".utf8), Array("style".utf8): skipping = name
        case Array("table".utf8) where Self.isVisuallyHidden(input[start..<end]):
            skipping = name  // a chart's data table for screen readers is not prose
        case Array("math".utf8): inMath = true
        case Array("/math".utf8): inMath = false; inAnnotation = false
        case Array("annotation".utf8): inAnnotation = true
        case Array("/annotation".utf8): inAnnotation = false
        default: break
        }
        if Self.breaking.contains(name), !output.isEmpty { pendingSpace = true }
        return end
    }

    private static let hiddenClass = Array("visually-hidden".utf8)

    private static func isVisuallyHidden(_ tag: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard tag.count >= hiddenClass.count else { return false }
        var index = tag.startIndex
        while index + hiddenClass.count <= tag.endIndex {
            if tag[index] == hiddenClass[0], tag[index..<(index + hiddenClass.count)].elementsEqual(hiddenClass) { return true }
            index += 1
        }
        return false
    }

    /// Decodes `&name;` / `&#N;` / `&#xH;` for the entities renderers emit; nil leaves the `&` as text.
    private func entity(at start: Int) -> ([UInt8], Int)? {
        var end = start + 1
        while end < input.count, end - start < 12, input[end] != UInt8(ascii: ";") { end += 1 }
        guard end < input.count, input[end] == UInt8(ascii: ";") else { return nil }
        let body = Array(input[(start + 1)..<end])
        switch body {
        case Array("amp".utf8): return ([UInt8(ascii: "&")], end + 1)
        case Array("lt".utf8): return ([UInt8(ascii: "<")], end + 1)
        case Array("gt".utf8): return ([UInt8(ascii: ">")], end + 1)
        case Array("quot".utf8): return ([UInt8(ascii: "\"")], end + 1)
        case Array("apos".utf8): return ([UInt8(ascii: "'")], end + 1)
        case Array("nbsp".utf8): return ([32], end + 1)
        default: break
        }
        guard body.first == UInt8(ascii: "#") else { return nil }
        let digits = body.dropFirst()
        let value: UInt32?
        if digits.first == UInt8(ascii: "x") || digits.first == UInt8(ascii: "X") {
            value = UInt32(String(decoding: digits.dropFirst(), as: UTF8.self), radix: 16)
        } else {
            value = UInt32(String(decoding: digits, as: UTF8.self))
        }
        guard let value, let scalar = Unicode.Scalar(value) else { return nil }
        return (Array(String(Character(scalar)).utf8), end + 1)
    }
}
