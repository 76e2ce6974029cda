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
        guard !outputs.isEmpty, html.contains(prefix) else { return html }
        var text = html
        for _ in 0..<32 where text.contains(prefix) {
            text = replaceOnce(text)
        }
        return text
    }

    private func replaceOnce(_ html: String) -> String {
        var out = ""
        var rest = html[...]
        while let start = rest.range(of: prefix) {
            let digits = rest[start.upperBound...].prefix { $0.isASCII && $0.isNumber }
            let afterDigits = rest[start.upperBound...].dropFirst(digits.count)
            guard let number = Int(digits), afterDigits.hasPrefix(Self.suffix), outputs.indices.contains(number) else {
                out += rest[..<start.upperBound]
                rest = rest[start.upperBound...]
                continue
            }
            var before = rest[..<start.lowerBound]
            var after = afterDigits.dropFirst(Self.suffix.count)
            let output = outputs[number]
            if before.hasSuffix("<p>"), after.hasPrefix("</p>") {
                // Alone in a paragraph: the paragraph goes.
                before = before.dropLast(3)
                after = after.dropFirst(4)
            } else if let block = Self.firstBlockTag(in: output),
                Self.paragraphIsOpen(at: before) ?? Self.paragraphIsOpen(at: out[...]) ?? false
            {
                // A block inside a paragraph: the paragraph ends where the block starts (after
                // the output's inline lead, such as a `<link>`); its closing tag goes.
                if let close = after.range(of: "</p>") {
                    after = after[..<close.lowerBound] + after[close.upperBound...]
                }
                let lead = output[..<block]
                if Self.isBlank(lead) {
                    if before.hasSuffix("<p>") { before = before.dropLast(3) } else { before += "</p>" }
                } else {
                    out += before + lead + "</p>"
                    rest = after
                    out += output[block...]
                    continue
                }
            }
            out += before
            out += output
            rest = after
        }
        out += rest
        return out
    }

    /// Whether the last paragraph tag in `html` opens a paragraph; nil when it has none.
    private static func paragraphIsOpen(at html: Substring) -> Bool? {
        let open = html.range(of: "<p>", options: .backwards)
        let close = html.range(of: "</p>", options: .backwards)
        switch (open, close) {
        case (nil, nil): return nil
        case (.some, nil): return true
        case (nil, .some): return false
        case (let open?, let close?): return open.lowerBound > close.lowerBound
        }
    }

    /// Elements whose start tag ends an open paragraph in HTML.
    private static let blockTags = [
        "address", "article", "aside", "blockquote", "details", "dialog", "div", "dl", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p",
        "pre", "section", "table", "ul",
    ]

    /// Where the first start tag that would end an open paragraph begins in `html`, if it has one.
    private static func firstBlockTag(in html: String) -> String.Index? {
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            let name = rest[rest.index(after: open)...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }.lowercased()
            if blockTags.contains(name) { return open }
            rest = rest[rest.index(after: open)...]
        }
        return nil
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
