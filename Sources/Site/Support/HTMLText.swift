/// Small helpers for producing and reading HTML text.
enum HTMLText {
    /// Escapes `& < > "` for text and attribute values.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// The text of an HTML fragment: tags removed, common entities decoded, whitespace collapsed.
    /// Scripts and styles are dropped; math reads as its TeX source (its annotation).
    static func plainText(_ html: String) -> String {
        var result = ""
        result.reserveCapacity(html.utf8.count)
        var inTag = false
        var lastWasSpace = true
        var skipping: String?  // inside <script> or <style>
        var inMath = false
        var inAnnotation = false
        var tag = ""
        let breaking: Set<String> = ["p", "/p", "br", "br/", "li", "/li", "/h1", "/h2", "/h3", "/h4", "/h5", "/h6",
                                     "td", "th", "/pre", "div", "/div", "math", "/math"]
        for character in html {
            if inTag {
                guard character == ">" else { tag.append(character); continue }
                inTag = false
                let name = tag.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).first.map(String.init) ?? ""
                if let skip = skipping {
                    if name == "/" + skip { skipping = nil }
                    continue
                }
                switch name {
                case "script", "style": skipping = name
                case "math": inMath = true
                case "/math": inMath = false; inAnnotation = false
                case "annotation": inAnnotation = true
                case "/annotation": inAnnotation = false
                default: break
                }
                if !lastWasSpace, breaking.contains(name) {
                    result.append(" ")
                    lastWasSpace = true
                }
                continue
            }
            if character == "<" {
                inTag = true
                tag = ""
                continue
            }
            if skipping != nil || (inMath && !inAnnotation) { continue }
            if character.isWhitespace {
                if !lastWasSpace { result.append(" "); lastWasSpace = true }
            } else {
                result.append(character)
                lastWasSpace = false
            }
        }
        return decodeEntities(result.trimmingCharacters(in: .whitespaces))
    }

    private static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(of: "&amp;", with: "&")
    }
}

import Foundation
