import TextUtilities

/// Terminal text with ANSI colour codes (tracebacks, coloured logs) turned into escaped HTML:
/// colours and bold become `<span class="ansi-…">`, every other escape sequence is dropped.
public enum ANSIText {
    static let colourNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    private struct Style: Equatable {
        var foreground: String?
        var background: String?
        var bold = false
        var italic = false
        var underline = false

        var classes: [String] {
            var names: [String] = []
            if let foreground { names.append("ansi-\(foreground)-fg") }
            if let background { names.append("ansi-\(background)-bg") }
            if bold { names.append("ansi-bold") }
            if italic { names.append("ansi-italic") }
            if underline { names.append("ansi-underline") }
            return names
        }
    }

    /// The text as HTML, safe to place inside `<pre>`.
    public static func html(_ text: String) -> String {
        var output = ""
        var style = Style()
        var open = false
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var run = ""
        func flush() {
            guard !run.isEmpty else { return }
            let classes = style.classes
            if !classes.isEmpty, !open {
                output += "<span class=\"\(classes.joined(separator: " "))\">"
                open = true
            }
            output += HTMLEscaper.text.escape(run)
            run = ""
        }
        func restyle(_ new: Style) {
            guard new != style else { return }
            flush()
            if open {
                output += "</span>"
                open = false
            }
            style = new
        }
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "\u{1B}" else {
                // Other control characters (bells, backspaces) have no place in a page.
                if scalar.value < 0x20, scalar != "\n", scalar != "\t" {
                    index += 1
                    continue
                }
                run.unicodeScalars.append(scalar)
                index += 1
                continue
            }
            index += 1
            guard index < scalars.count, scalars[index] == "[" else {
                // Two-character escapes (`ESC c`) and OSC sequences (`ESC ] … BEL`).
                if index < scalars.count, scalars[index] == "]" {
                    while index < scalars.count, scalars[index] != "\u{07}", scalars[index] != "\u{1B}" { index += 1 }
                }
                index += 1
                continue
            }
            index += 1
            var parameters = ""
            while index < scalars.count, !(0x40...0x7E).contains(scalars[index].value) {
                parameters.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard index < scalars.count else { break }
            let final = scalars[index]
            index += 1
            guard final == "m" else { continue }
            restyle(apply(parameters, to: style))
        }
        flush()
        if open { output += "</span>" }
        return output
    }

    /// A style after the SGR parameters `parameters` (`1;31`).
    private static func apply(_ parameters: String, to style: Style) -> Style {
        var style = style
        let codes = parameters.isEmpty ? [0] : parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        var position = 0
        while position < codes.count {
            let code = codes[position]
            switch code {
            case 0: style = Style()
            case 1: style.bold = true
            case 3: style.italic = true
            case 4: style.underline = true
            case 22: style.bold = false
            case 23: style.italic = false
            case 24: style.underline = false
            case 30...37: style.foreground = colourNames[code - 30]
            case 39: style.foreground = nil
            case 40...47: style.background = colourNames[code - 40]
            case 49: style.background = nil
            case 90...97: style.foreground = "bright-" + colourNames[code - 90]
            case 100...107: style.background = "bright-" + colourNames[code - 100]
            case 38, 48:
                // 256-colour and true-colour forms: the nearest of the eight named colours.
                var name: String?
                if position + 2 < codes.count, codes[position + 1] == 5 {
                    name = nearestName(index256: codes[position + 2])
                    position += 2
                } else if position + 4 < codes.count, codes[position + 1] == 2 {
                    name = nearestName(red: codes[position + 2], green: codes[position + 3], blue: codes[position + 4])
                    position += 4
                }
                if code == 38 { style.foreground = name } else { style.background = name }
            default: break
            }
            position += 1
        }
        return style
    }

    private static func nearestName(index256: Int) -> String? {
        switch index256 {
        case 0..<8: return colourNames[index256]
        case 8..<16: return "bright-" + colourNames[index256 - 8]
        case 16..<232:
            let cube = index256 - 16
            return nearestName(red: cube / 36 * 51, green: cube / 6 % 6 * 51, blue: cube % 6 * 51)
        case 232..<256: return index256 < 244 ? "black" : "white"
        default: return nil
        }
    }

    private static func nearestName(red: Int, green: Int, blue: Int) -> String {
        let bits = (red > 127 ? 1 : 0) | (green > 127 ? 2 : 0) | (blue > 127 ? 4 : 0)
        return colourNames[bits]
    }
}
