import Foundation

/// CSL's text-case values applied to rendered text.
enum TextCase {
    static let stopWords: Set<String> = [
        "a", "an", "and", "as", "at", "but", "by", "down", "for", "from", "in", "into", "nor", "of", "on", "onto", "or",
        "over", "so", "the", "till", "to", "up", "via", "with", "yet",
    ]

    static func apply(_ textCase: String, to outputs: [Output], language: String?) -> [Output] {
        switch textCase {
        case "lowercase": return outputs.map { $0.mapText { $0.lowercased() } }
        case "uppercase": return outputs.map { $0.mapText { $0.uppercased() } }
        case "capitalize-first", "sentence":
            var done = false
            let allCaps = textCase == "sentence" && isAllCaps(outputs.plain)
            return outputs.map { output in
                output.mapText { text in
                    var text = allCaps ? text.lowercased() : text
                    if !done, let index = text.firstIndex(where: \.isLetter) {
                        text.replaceSubrange(index...index, with: String(text[index]).uppercased())
                        done = true
                    }
                    return text
                }
            }
        case "capitalize-all":
            return outputs.map { $0.mapText { words($0) { word, _, _ in capitalized(word) } } }
        case "title":
            if let language, !language.lowercased().hasPrefix("en") { return outputs }
            let allCaps = isAllCaps(outputs.plain)
            let total = outputs.plain.split(whereSeparator: { $0 == " " }).count
            var position = 0
            return outputs.map { output in
                output.mapText { text in
                    let source = allCaps ? text.lowercased() : text
                    return words(source) { word, _, followsColon in
                        defer { position += 1 }
                        let lower = word.lowercased()
                        if position > 0, position < total - 1, !followsColon, stopWords.contains(lower), word == lower { return word }
                        return word == lower ? capitalized(word) : word
                    }
                }
            }
        default: return outputs
        }
    }

    static func isAllCaps(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        return letters.count > 1 && letters == letters.uppercased()
    }

    static func capitalized(_ word: String) -> String {
        guard let index = word.firstIndex(where: \.isLetter) else { return word }
        var result = word
        result.replaceSubrange(index...index, with: String(word[index]).uppercased())
        return result
    }

    /// Applies `transform` to each space-separated word (index, whether the previous word ended with `:`).
    static func words(_ text: String, _ transform: (String, Int, Bool) -> String) -> String {
        var result = ""
        var word = ""
        var index = 0
        var followsColon = false
        func flush() {
            guard !word.isEmpty else { return }
            result += transform(word, index, followsColon)
            followsColon = word.hasSuffix(":") || word.hasSuffix("?") || word.hasSuffix("!")
            index += 1
            word = ""
        }
        for character in text {
            if character == " " || character == "\u{00A0}" || character == "-" || character == "/" {
                flush()
                result.append(character)
            } else {
                word.append(character)
            }
        }
        flush()
        return result
    }
}

/// The small HTML vocabulary CSL allows in field values: `<i>`, `<b>`, `<sup>`, `<sub>`, `<sc>`,
/// `<span style="font-variant:small-caps;">` and `<span class="nocase">`.
enum RichText {
    static func parse(_ text: String) -> [Output] {
        guard text.contains("<") else { return [.text(text)] }
        var index = text.startIndex
        return parse(text, &index, closing: nil)
    }

    static let tags: [(open: String, close: String, decoration: Decoration)] = {
        var italic = Decoration()
        italic.fontStyle = "italic"
        var bold = Decoration()
        bold.fontWeight = "bold"
        var sup = Decoration()
        sup.verticalAlign = "sup"
        var sub = Decoration()
        sub.verticalAlign = "sub"
        var smallCaps = Decoration()
        smallCaps.fontVariant = "small-caps"
        var noCase = Decoration()
        noCase.noCase = true
        return [
            ("<i>", "</i>", italic), ("<b>", "</b>", bold), ("<sup>", "</sup>", sup), ("<sub>", "</sub>", sub),
            ("<sc>", "</sc>", smallCaps), ("<span style=\"font-variant:small-caps;\">", "</span>", smallCaps),
            ("<span style=\"font-variant: small-caps;\">", "</span>", smallCaps),
            ("<span class=\"nocase\">", "</span>", noCase),
        ]
    }()

    static func parse(_ text: String, _ index: inout String.Index, closing: String?) -> [Output] {
        var result: [Output] = []
        var run = ""
        while index < text.endIndex {
            let rest = text[index...]
            if let closing, rest.hasPrefix(closing) {
                index = text.index(index, offsetBy: closing.count)
                if !run.isEmpty { result.append(.text(run)) }
                return result
            }
            if text[index] == "<", let tag = tags.first(where: { rest.hasPrefix($0.open) }),
                rest.dropFirst(tag.open.count).contains(tag.close)
            {
                if !run.isEmpty {
                    result.append(.text(run))
                    run = ""
                }
                index = text.index(index, offsetBy: tag.open.count)
                let inner = parse(text, &index, closing: tag.close)
                result.append(.styled(inner, tag.decoration))
                continue
            }
            run.append(text[index])
            index = text.index(after: index)
        }
        if !run.isEmpty { result.append(.text(run)) }
        return result
    }
}
