import Foundation

/// Serialises output as the CSL test suite's HTML (citeproc-js's conventions: `<i>`, `<b>`, small caps as a
/// styled span, `&#38;` for `&`, inner quotes inside outer ones, italics flipped inside italics).
enum OutputHTML {
    struct State {
        var italic = false
        var bold = false
        var smallCaps = false
        var quoteDepth = 0
    }

    static func html(_ outputs: [Output], punctuationInQuote: Bool) -> String {
        var state = State()
        let text = outputs.map { html($0, state: &state) }.joined()
        return punctuationInQuote ? movePunctuationIntoQuotes(text) : text
    }

    static func plain(_ outputs: [Output], punctuationInQuote: Bool) -> String {
        var depth = 0
        let text = outputs.map { plain($0, depth: &depth) }.joined()
        return punctuationInQuote ? movePunctuationIntoQuotes(text) : text
    }

    static func plain(_ output: Output, depth: inout Int) -> String {
        switch output {
        case .text(let text): return typographic(text)
        case .styled(let children, let decoration):
            guard decoration.quotes else { return children.map { plain($0, depth: &depth) }.joined() }
            let (open, close) = depth % 2 == 0 ? ("“", "”") : ("‘", "’")
            depth += 1
            defer { depth -= 1 }
            return open + children.map { plain($0, depth: &depth) }.joined() + close
        }
    }

    /// `”.` → `.”` and `”,` → `,”` (American punctuation), also across closing tags.
    static func movePunctuationIntoQuotes(_ text: String) -> String {
        guard text.contains("”") || text.contains("’") else { return text }
        var characters = Array(text)
        var index = 0
        while index < characters.count {
            if characters[index] == "”" || characters[index] == "’" {
                var next = index + 1
                while next < characters.count, characters[next] == "<", next + 1 < characters.count, characters[next + 1] == "/",
                    let close = characters[next...].firstIndex(of: ">")
                {
                    next = close + 1
                }
                if next < characters.count, characters[next] == "." || characters[next] == ",",
                    characters[index] == "”" || (index + 1 == next)
                {
                    let punctuation = characters.remove(at: next)
                    // Avoid doubling: `.”` already ends the quote.
                    if index > 0, characters[index - 1] == punctuation || (punctuation == "." && "?!".contains(characters[index - 1])) {
                        continue
                    }
                    characters.insert(punctuation, at: index)
                    index += 1
                }
            }
            index += 1
        }
        return String(characters)
    }

    /// Straight apostrophes as typographic ones (`d'Aubignac` → `d’Aubignac`).
    static func typographic(_ text: String) -> String {
        text.contains("'") ? text.replacingOccurrences(of: "'", with: "’") : text
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&#38;"
            case "<": result += "&#60;"
            case ">": result += "&#62;"
            default: result.append(character)
            }
        }
        return result
    }

    static func html(_ output: Output, state: inout State) -> String {
        switch output {
        case .text(let text): return escape(typographic(text))
        case .styled(let children, let decoration):
            var open = ""
            var close = ""
            let saved = state
            defer { state = saved }
            func add(_ o: String, _ c: String) {
                open += o
                close = c + close
            }
            if let display = decoration.display { add("<div class=\"csl-\(display)\">", "</div>") }
            if let style = decoration.fontStyle {
                if style == "italic" || style == "oblique" {
                    if state.italic {
                        add("<span style=\"font-style:normal;\">", "</span>")
                        state.italic = false
                    } else {
                        add(style == "italic" ? "<i>" : "<span style=\"font-style:oblique;\">", style == "italic" ? "</i>" : "</span>")
                        state.italic = true
                    }
                } else if style == "normal", state.italic {
                    add("<span style=\"font-style:normal;\">", "</span>")
                    state.italic = false
                }
            }
            if let variant = decoration.fontVariant {
                if variant == "small-caps" {
                    if state.smallCaps {
                        add("<span style=\"font-variant:normal;\">", "</span>")
                        state.smallCaps = false
                    } else {
                        add("<span style=\"font-variant:small-caps;\">", "</span>")
                        state.smallCaps = true
                    }
                } else if variant == "normal", state.smallCaps {
                    add("<span style=\"font-variant:normal;\">", "</span>")
                    state.smallCaps = false
                }
            }
            if let weight = decoration.fontWeight {
                if weight == "bold" {
                    if state.bold {
                        add("<span style=\"font-weight:normal;\">", "</span>")
                        state.bold = false
                    } else {
                        add("<b>", "</b>")
                        state.bold = true
                    }
                } else if weight == "normal", state.bold {
                    add("<span style=\"font-weight:normal;\">", "</span>")
                    state.bold = false
                } else if weight == "light" {
                    add("<span style=\"font-weight:light;\">", "</span>")
                }
            }
            if let decorationStyle = decoration.textDecoration {
                if decorationStyle == "underline" {
                    add("<span style=\"text-decoration:underline;\">", "</span>")
                } else if decorationStyle == "none" {
                    add("<span style=\"text-decoration:none;\">", "</span>")
                }
            }
            if let align = decoration.verticalAlign {
                if align == "sup" {
                    add("<sup>", "</sup>")
                } else if align == "sub" {
                    add("<sub>", "</sub>")
                } else if align == "baseline" {
                    add("<span style=\"baseline\">", "</span>")
                }
            }
            if decoration.quotes {
                let (o, c) = state.quoteDepth % 2 == 0 ? ("“", "”") : ("‘", "’")
                add(o, c)
                state.quoteDepth += 1
            }
            return open + children.map { html($0, state: &state) }.joined() + close
        }
    }
}
