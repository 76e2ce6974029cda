import Foundation

/// HTML that waits in a page's Markdown as a placeholder while the Markdown is rendered, as Hugo
/// does for `{{< >}}` calls, and then takes the placeholder's place. A placeholder alone in a
/// paragraph takes the paragraph's place. Block-level HTML (a `<figure>`, a `<div>`) inside a
/// longer paragraph closes the paragraph where its first block element starts and the rest of the
/// paragraph's text follows it without one: the page a browser builds from Hugo's output, written
/// as valid HTML.
final class ShortcodePlaceholders: @unchecked Sendable {
    private let prefix: String
    private static let suffix = "HBHB"
    private var outputs: [String] = []

    /// `prefix` must be text no page writes (`HAHACOLLECTIVESHORTCODE`).
    init(prefix: String) { self.prefix = prefix }

    /// Stores `html` and returns the placeholder that stands for it.
    func add(_ html: String) -> String {
        outputs.append(html)
        return prefix + String(outputs.count - 1) + Self.suffix
    }

    /// `html` with every placeholder replaced (placeholders inside outputs too, up to 32 levels).
    func restore(_ html: String) -> String {
        guard !outputs.isEmpty, html.contains(bytes: prefix) else { return html }
        var text = Array(html.utf8)
        let prefix = Array(self.prefix.utf8)
        for _ in 0..<32 where ByteScan.offset(of: prefix, in: text, from: 0) != nil {
            text = replaceOnce(text, prefix: prefix)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// One pass over `input`, in time linear in its length and the outputs': the page's HTML is
    /// copied piece by piece, a paragraph's closing tag that goes is masked in place, and whether
    /// the output so far ends inside a paragraph is kept as it grows instead of searched for again.
    private func replaceOnce(_ bytes: [UInt8], prefix: [UInt8]) -> [UInt8] {
        var input = bytes
        var out = Output()
        out.bytes.reserveCapacity(input.count)
        var cursor = 0
        while let start = ByteScan.offset(of: prefix, in: input, from: cursor) {
            var digitsEnd = start + prefix.count
            while digitsEnd < input.count, input[digitsEnd] >= 0x30, input[digitsEnd] <= 0x39 { digitsEnd += 1 }
            let afterSuffix = digitsEnd + Self.suffix.count
            guard digitsEnd > start + prefix.count, digitsEnd - start - prefix.count <= 18,
                let number = Int(String(decoding: input[(start + prefix.count)..<digitsEnd], as: UTF8.self)),
                afterSuffix <= input.count, input[digitsEnd..<afterSuffix].elementsEqual(Self.suffix.utf8),
                outputs.indices.contains(number)
            else {
                out.append(input[cursor..<(start + prefix.count)])
                cursor = start + prefix.count
                continue
            }
            var before = Self.unmasked(input[cursor..<start])
            var after = afterSuffix
            let output = Array(outputs[number].utf8)
            if before.suffix(Self.paragraphOpen.count).elementsEqual(Self.paragraphOpen), let close = Self.skipMasked(input, from: after),
                input[close...].starts(with: Self.paragraphClose)
            {
                // Alone in a paragraph: the paragraph goes.
                before.removeLast(Self.paragraphOpen.count)
                after = close + Self.paragraphClose.count
            } else if let block = Self.firstBlockTag(in: output),
                Self.paragraphIsOpen(at: before[...]) ?? out.paragraphIsOpen ?? false
            {
                // A block inside a paragraph: the paragraph ends where the block starts (after
                // the output's inline lead, such as a `<link>`); its closing tag goes.
                if let close = ByteScan.offset(of: Self.paragraphClose, in: input, from: after) {
                    for index in close..<(close + Self.paragraphClose.count) { input[index] = Self.masked }
                }
                let lead = output[..<block]
                if Self.isBlank(String(decoding: lead, as: UTF8.self)[...]) {
                    if before.suffix(Self.paragraphOpen.count).elementsEqual(Self.paragraphOpen) {
                        before.removeLast(Self.paragraphOpen.count)
                    } else {
                        before += Self.paragraphClose
                    }
                } else {
                    out.append(before[...])
                    out.append(lead)
                    out.append(Self.paragraphClose[...])
                    out.append(output[block...])
                    cursor = after
                    continue
                }
            }
            out.append(before[...])
            out.append(output[...])
            cursor = after
        }
        out.append(input[cursor...])
        return out.bytes
    }

    /// The HTML written so far, and whether its last paragraph tag opens a paragraph.
    private struct Output {
        var bytes: [UInt8] = []
        var paragraphIsOpen: Bool?

        mutating func append(_ piece: ArraySlice<UInt8>) {
            let unmasked = piece.contains(ShortcodePlaceholders.masked) ? ShortcodePlaceholders.unmasked(piece)[...] : piece
            bytes += unmasked
            if let state = ShortcodePlaceholders.paragraphIsOpen(at: unmasked) { paragraphIsOpen = state }
        }
    }

    /// The byte that masks a paragraph's closing tag that goes (never part of UTF-8 text).
    private static let masked: UInt8 = 0xFF
    private static let paragraphOpen = Array("<p>".utf8)
    private static let paragraphClose = Array("</p>".utf8)

    private static func unmasked(_ piece: ArraySlice<UInt8>) -> [UInt8] {
        piece.contains(masked) ? piece.filter { $0 != masked } : Array(piece)
    }

    /// The first index from `start` that is not masked; nil at the end.
    private static func skipMasked(_ input: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < input.count, input[index] == masked { index += 1 }
        return index < input.count ? index : nil
    }

    /// Whether the last paragraph tag in `html` opens a paragraph; nil when it has none.
    private static func paragraphIsOpen(at html: ArraySlice<UInt8>) -> Bool? {
        var index = html.endIndex
        while index > html.startIndex {
            index -= 1
            guard html[index] == UInt8(ascii: "<") else { continue }
            if html[index...].starts(with: paragraphOpen) { return true }
            if html[index...].starts(with: paragraphClose) { return false }
        }
        return nil
    }

    /// Elements whose start tag ends an open paragraph in HTML.
    private static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "details", "dialog", "div", "dl", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p",
        "pre", "section", "table", "ul",
    ]

    /// Where the first start tag that would end an open paragraph begins in `html`, if it has one.
    private static func firstBlockTag(in html: [UInt8]) -> Int? {
        var index = 0
        while let open = html[index...].firstIndex(of: UInt8(ascii: "<")) {
            var end = open + 1
            while end < html.count, html[end] < 0x80, isASCIIAlphanumeric(html[end]) { end += 1 }
            if end - open - 1 <= 10, blockTags.contains(String(decoding: html[(open + 1)..<end], as: UTF8.self).lowercased()) {
                return open
            }
            index = open + 1
        }
        return nil
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    /// Whether `html` is only whitespace and comments (nothing a paragraph would show or hold).
    private static func isBlank(_ html: Substring) -> Bool {
        var rest = html
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard rest.hasPrefix("<!--") else { return rest.isEmpty }
            guard let end = rest.range(of: "-->") else { return false }
            rest = rest[end.upperBound...]
        }
    }
}
