import Foundation
import TextUtilities

/// Makes a notebook's `text/html` output safe to place in a page: an allow-list of structural and
/// text elements (tables first: pandas' data frames) with a few attributes; scripts, styles,
/// frames, forms, images and event handlers are dropped, the text is re-escaped and every element
/// left open is closed.
public enum HTMLSanitizer {
    static let allowed: Set<String> = [
        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
        "div", "span", "p", "br", "hr", "b", "i", "em", "strong", "code", "pre", "kbd", "samp", "var",
        "ul", "ol", "li", "dl", "dt", "dd", "sub", "sup", "small", "abbr", "blockquote", "details", "summary",
    ]
    /// Elements dropped with everything inside them.
    static let dropped: Set<String> = [
        "script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math", "head", "title",
        "textarea", "select", "button", "form", "canvas", "audio", "video",
    ]
    static let voidElements: Set<String> = ["br", "hr", "col", "img", "input", "meta", "link", "wbr", "source", "area", "base"]
    static let attributes: Set<String> = ["colspan", "rowspan", "scope", "title", "span"]

    /// The sanitised HTML; tables get the class `notebook-table`.
    public static func sanitize(_ html: String) -> String {
        let text = Array(html.unicodeScalars)
        var output = ""
        var stack: [String] = []
        var index = 0
        var skipping: String?
        while index < text.count {
            let scalar = text[index]
            if scalar == "<" {
                if let tag = readTag(text, from: index) {
                    index = tag.end
                    if let skipped = skipping {
                        if tag.closing, tag.name == skipped { skipping = nil }
                        continue
                    }
                    if dropped.contains(tag.name) {
                        if !tag.closing, !tag.selfClosing { skipping = tag.name }
                        continue
                    }
                    guard allowed.contains(tag.name) else { continue }
                    if tag.closing {
                        guard let open = stack.lastIndex(of: tag.name) else { continue }
                        for name in stack[open...].reversed() { output += "</\(name)>" }
                        stack.removeSubrange(open...)
                    } else {
                        output += "<" + tag.name
                        if tag.name == "table" { output += " class=\"notebook-table\"" }
                        for (name, value) in tag.attributes where attributes.contains(name) {
                            output += " \(name)=\"\(HTMLEscaper.text.escape(value))\""
                        }
                        output += ">"
                        if !voidElements.contains(tag.name) { stack.append(tag.name) }
                    }
                    continue
                }
                if skipping == nil { output += "&lt;" }
                index += 1
                continue
            }
            if skipping == nil {
                switch scalar {
                case "&": output += isEntity(text, at: index) ? "&" : "&amp;"
                case ">": output += "&gt;"
                case "\"": output += "&quot;"
                default: output.unicodeScalars.append(scalar)
                }
            }
            index += 1
        }
        for name in stack.reversed() { output += "</\(name)>" }
        return output
    }

    private struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: [(String, String)]
        var end: Int
    }

    /// The tag, comment or declaration starting at `start` (comments and declarations come back
    /// as a tag named `!`, which no list allows); nil when `<` starts no tag.
    private static func readTag(_ text: [Unicode.Scalar], from start: Int) -> Tag? {
        var index = start + 1
        guard index < text.count else { return nil }
        if text[index] == "!" || text[index] == "?" {
            if index + 2 < text.count, text[index + 1] == "-", text[index + 2] == "-" {
                var end = index + 3
                while end + 2 < text.count, !(text[end] == "-" && text[end + 1] == "-" && text[end + 2] == ">") { end += 1 }
                return Tag(name: "!", closing: false, selfClosing: true, attributes: [], end: min(end + 3, text.count))
            }
            while index < text.count, text[index] != ">" { index += 1 }
            return Tag(name: "!", closing: false, selfClosing: true, attributes: [], end: min(index + 1, text.count))
        }
        var closing = false
        if text[index] == "/" {
            closing = true
            index += 1
        }
        var name = ""
        while index < text.count, text[index].properties.isAlphabetic || ("0"..."9").contains(text[index]) || text[index] == "-" {
            name.unicodeScalars.append(text[index])
            index += 1
        }
        guard !name.isEmpty, let first = name.unicodeScalars.first, first.properties.isAlphabetic else { return nil }
        var attributes: [(String, String)] = []
        var selfClosing = false
        while index < text.count {
            let scalar = text[index]
            if scalar == ">" {
                index += 1
                break
            }
            if scalar == "/" {
                selfClosing = true
                index += 1
                continue
            }
            if scalar.properties.isWhitespace {
                index += 1
                continue
            }
            var attribute = ""
            while index < text.count, !text[index].properties.isWhitespace, !"=>/".unicodeScalars.contains(text[index]) {
                attribute.unicodeScalars.append(text[index])
                index += 1
            }
            if attribute.isEmpty {
                index += 1
                continue
            }
            var value = ""
            while index < text.count, text[index].properties.isWhitespace { index += 1 }
            if index < text.count, text[index] == "=" {
                index += 1
                while index < text.count, text[index].properties.isWhitespace { index += 1 }
                if index < text.count, text[index] == "\"" || text[index] == "'" {
                    let quote = text[index]
                    index += 1
                    while index < text.count, text[index] != quote {
                        value.unicodeScalars.append(text[index])
                        index += 1
                    }
                    index += 1
                } else {
                    while index < text.count, !text[index].properties.isWhitespace, text[index] != ">" {
                        value.unicodeScalars.append(text[index])
                        index += 1
                    }
                }
            }
            attributes.append((attribute.lowercased(), decodeBasicEntities(value)))
        }
        return Tag(name: name.lowercased(), closing: closing, selfClosing: selfClosing, attributes: attributes, end: index)
    }

    private static func isEntity(_ text: [Unicode.Scalar], at index: Int) -> Bool {
        var end = index + 1
        while end < text.count, end - index <= 32, text[end].properties.isAlphabetic || ("0"..."9").contains(text[end]) || text[end] == "#" {
            end += 1
        }
        return end < text.count && end > index + 1 && text[end] == ";"
    }

    private static func decodeBasicEntities(_ value: String) -> String {
        guard value.contains("&") else { return value }
        return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
