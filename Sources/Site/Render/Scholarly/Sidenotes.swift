import Foundation
import TextUtilities

/// Footnotes as sidenotes: a copy of each footnote's text placed right after its first reference, as
/// `<span class="sidenote" hidden aria-hidden="true">`, which the theme's style sheet shows in the margin on
/// wide screens. The `hidden` attribute keeps the copy out of sight without CSS and on narrow screens,
/// where the ordinary footnotes at the end stay the notes; `aria-hidden` and `tabindex="-1"` on its links
/// keep screen readers and the keyboard on those ordinary footnotes, so nothing is read twice.
///
/// Reads goldmark's footnote markup (`<sup id="fnref:1"><a href="#fn:1" …>1</a></sup>` and
/// `<div class="footnotes" role="doc-endnotes">` with `<li id="fn:1">`). A footnote holding more than
/// paragraphs and inline content (a list, code block, table, display math) stays an ordinary footnote only.
enum Sidenotes {
    static let footnotesStart = "<div class=\"footnotes\" role=\"doc-endnotes\">"

    static func apply(_ html: String) -> String {
        guard let section = html.firstRange(ofBytes: footnotesStart) else { return html }
        var result = html
        var notes = footnotes(in: String(html[section.lowerBound...]))
        guard !notes.isEmpty else { return html }
        // From the last note back, so earlier insertion points keep their places.
        notes.sort { $0.number > $1.number }
        for note in notes {
            guard let text = phrasing(note.html) else { continue }
            let marker = "<sup id=\"fnref:\(note.number)\">"
            guard let reference = result.firstRange(ofBytes: marker),
                reference.lowerBound < (result.firstRange(ofBytes: footnotesStart)?.lowerBound ?? result.endIndex),
                let close = result[reference.upperBound...].firstRange(ofBytes: "</sup>")
            else { continue }
            let sidenote = "<span class=\"sidenote\" hidden aria-hidden=\"true\"><span class=\"sidenote-number\">\(note.number)</span> \(text)</span>"
            result.insert(contentsOf: sidenote, at: close.upperBound)
        }
        return result
    }

    /// The footnotes of a `<div class="footnotes">`: number and inner HTML of each `<li id="fn:N">`.
    static func footnotes(in html: String) -> [(number: Int, html: String)] {
        let bytes = Array(html.utf8)
        var scanner = HTMLTagScanner(bytes: bytes)
        var result: [(Int, String)] = []
        var depth = 0
        var open: (number: Int, start: Int)?
        var divDepth = 0
        while let token = scanner.next() {
            switch token {
            case .start(let tag):
                if tag.name == "div", !tag.isVoid { divDepth += 1 }
                guard tag.name == "li" else { continue }
                depth += 1
                if depth == 1, let id = tag.attributes.first(where: { $0.name == "id" }) {
                    let value = String(decoding: bytes[id.value], as: UTF8.self)
                    if value.hasPrefix("fn:"), let number = Int(value.dropFirst(3)) { open = (number, tag.range.upperBound) }
                }
            case .end(let name, let range):
                if name == "div" {
                    divDepth -= 1
                    if divDepth <= 0 { return result }
                }
                guard name == "li" else { continue }
                if depth == 1, let current = open {
                    result.append((current.number, String(decoding: bytes[current.start..<range.lowerBound], as: UTF8.self)))
                    open = nil
                }
                depth = max(0, depth - 1)
            case .text, .other:
                break
            }
        }
        return result
    }

    private static let blockTags: Set<String> = [
        "ul", "ol", "li", "pre", "div", "table", "blockquote", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "dl",
        "section", "details", "aside", "nav", "form", "iframe", "video", "audio", "svg", "script", "style",
    ]

    /// A footnote's HTML as phrasing content (paragraphs joined by line breaks), without its back-links,
    /// ids or keyboard stops; nil when it holds block content.
    static func phrasing(_ html: String) -> String? {
        let bytes = Array(html.utf8)
        var scanner = HTMLTagScanner(bytes: bytes)
        var output = ""
        var copied = 0
        var paragraphs = 0
        var skipUntilAnchorEnd = false
        func take(_ range: Range<Int>) {
            if !skipUntilAnchorEnd { output += String(decoding: bytes[copied..<range.lowerBound], as: UTF8.self) }
            copied = range.upperBound
        }
        while let token = scanner.next() {
            switch token {
            case .start(let tag):
                if blockTags.contains(tag.name) { return nil }
                if tag.name == "math",
                    tag.attributes.contains(where: {
                        $0.name == "display" && String(decoding: bytes[$0.value], as: UTF8.self) == "block"
                    })
                {
                    return nil
                }
                let text = String(decoding: bytes[tag.range], as: UTF8.self)
                if tag.name == "a", text.contains("footnote-backref") {
                    take(tag.range)
                    skipUntilAnchorEnd = true
                    continue
                }
                if tag.name == "p" {
                    take(tag.range)
                    paragraphs += 1
                    if paragraphs > 1 { output += "<br>" }
                    continue
                }
                var rewritten = text
                if let id = tag.attributes.first(where: { $0.name == "id" }) {
                    // The footnote's ids already exist at the end: a copy must not repeat them.
                    let value = String(decoding: bytes[id.value], as: UTF8.self)
                    rewritten = rewritten.replacingOccurrences(of: " id=\"\(value)\"", with: "")
                        .replacingOccurrences(of: " id='\(value)'", with: "")
                }
                if tag.name == "a" || tag.name == "button" {
                    rewritten = "<" + tag.name + " tabindex=\"-1\"" + rewritten.dropFirst(1 + tag.name.count)
                }
                take(tag.range)
                output += rewritten
            case .end(let name, let range):
                if name == "a", skipUntilAnchorEnd {
                    copied = range.upperBound
                    skipUntilAnchorEnd = false
                    continue
                }
                if name == "p" {
                    take(range)
                    continue
                }
            case .text, .other:
                break
            }
        }
        if !skipUntilAnchorEnd { output += String(decoding: bytes[copied...], as: UTF8.self) }
        var text = output.trimmingCharacters(in: .whitespacesAndNewlines)
        // goldmark writes a no-break space before its back-link.
        while text.hasSuffix("&#160;") { text = String(text.dropLast(6)) }
        text = text.replacingOccurrences(of: "\n<br>", with: "<br>")
        return text.isEmpty ? nil : text
    }
}
