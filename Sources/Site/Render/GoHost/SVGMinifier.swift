import TextUtilities

/// What Hugo's `minify` makes of an SVG asset, for the parts a theme's generated badges and icons
/// use (checked against Hugo 0.168's output): the XML declaration, comments and whitespace between
/// tags go; text is trimmed and its spaces collapsed; numbers lose leading and trailing zeros and
/// units of pixels, and take an exponent where that is shorter (`1000` → `1e3`; in path data, where
/// it is no longer: `200` → `2e2`); path data loses separators and repeated commands; `#aabbcc`
/// colours become `#abc`. Path commands are not rewritten into other commands, as Hugo's minifier
/// may do, so an optimised path can still differ from Hugo's bytes.
enum SVGMinifier {
    static func minified(_ svg: String) -> String {
        var scanner = HTMLTagScanner(bytes: Array(svg.utf8))
        var out = ""
        var inStyle = false
        while let token = scanner.next() {
            switch token {
            case .text(let range):
                let text = String(decoding: scanner.bytes[range], as: UTF8.self)
                out += inStyle ? text.trimmingCharacters(in: .whitespacesAndNewlines) : collapsed(text)
            case .start(let tag):
                out += "<" + svgCase(tag.name)
                for attribute in tag.attributes {
                    let value = minifiedValue(attribute.name, String(decoding: scanner.bytes[attribute.value], as: UTF8.self))
                    let quote = value.contains("\"") ? "'" : "\""
                    out += " " + svgCase(attribute.name) + "=" + quote + value + quote
                }
                let selfClosing = scanner.bytes[tag.range.upperBound - 2] == UInt8(ascii: "/")
                out += selfClosing ? "/>" : ">"
                inStyle = tag.name == "style" && !selfClosing
            case .end(let name, _):
                out += "</" + svgCase(name) + ">"
                inStyle = false
            case .other:
                break  // declarations, comments, doctypes
            }
        }
        return out
    }

    /// Text with each run of white space made one space (one newline where it held one), trimmed.
    private static func collapsed(_ text: String) -> String {
        var out = ""
        var pending: Character?
        for character in text {
            if character.isWhitespace {
                if character.isNewline { pending = "\n" } else if pending == nil { pending = " " }
                continue
            }
            if let space = pending, !out.isEmpty { out.append(space) }
            pending = nil
            out.append(character)
        }
        return out
    }

    /// SVG names are case-sensitive (`viewBox`, `linearGradient`) and the scanner lowercases them:
    /// the mixed-case names of SVG 1.1 get their case back.
    private static func svgCase(_ name: String) -> String { mixedCase[name] ?? name }

    private static let mixedCase: [String: String] = Dictionary(
        uniqueKeysWithValues: [
            "viewBox", "textLength", "lengthAdjust", "preserveAspectRatio", "gradientUnits", "gradientTransform",
            "patternUnits", "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits",
            "markerWidth", "markerHeight", "markerUnits", "refX", "refY", "startOffset", "pathLength", "spreadMethod",
            "stdDeviation", "baseFrequency", "numOctaves", "filterUnits", "primitiveUnits", "attributeName",
            "repeatCount", "keyTimes", "keySplines", "calcMode", "clipPath", "linearGradient", "radialGradient",
            "foreignObject", "textPath", "feGaussianBlur", "feOffset", "feBlend", "feFlood", "feComposite",
            "feColorMatrix", "feMerge", "feMergeNode", "animateTransform", "animateMotion",
        ].map { ($0.lowercased(), $0) })

    private static let numericAttributes: Set<String> = [
        "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "width", "height", "stroke-width",
        "opacity", "fill-opacity", "stroke-opacity", "offset", "font-size", "textlength",
    ]
    private static let colourAttributes: Set<String> = ["fill", "stroke", "stop-color", "color", "flood-color"]

    private static func minifiedValue(_ name: String, _ value: String) -> String {
        if name == "d" { return minifiedPath(value) }
        if name == "viewbox" {
            return value.split(whereSeparator: { $0 == " " || $0 == "," || $0.isNewline })
                .map { number(String($0), inPath: false) ?? String($0) }.joined(separator: " ")
        }
        if numericAttributes.contains(name) {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            let bare = trimmed.hasSuffix("px") ? String(trimmed.dropLast(2)) : trimmed
            return number(bare, inPath: false) ?? value
        }
        if colourAttributes.contains(name) { return shortColour(value) }
        return value
    }

    /// `#aabbcc` as `#abc` (case kept).
    private static func shortColour(_ value: String) -> String {
        let hex = Array(value)
        guard hex.count == 7, hex[0] == "#", hex.dropFirst().allSatisfy(\.isHexDigit),
            hex[1] == hex[2], hex[3] == hex[4], hex[5] == hex[6]
        else { return value }
        return String([hex[0], hex[1], hex[3], hex[5]])
    }

    /// A number written as short as it can be, or nil when `text` is not a plain number.
    static func number(_ text: String, inPath: Bool) -> String? {
        guard let value = Double(text), value.isFinite else { return nil }
        var sign = ""
        var digits = text
        if digits.hasPrefix("-") || digits.hasPrefix("+") {
            sign = digits.hasPrefix("-") ? "-" : ""
            digits.removeFirst()
        }
        guard !digits.contains("e"), !digits.contains("E") else { return text }
        var (whole, fraction) = (digits, "")
        if let dot = digits.firstIndex(of: ".") {
            whole = String(digits[..<dot])
            fraction = String(digits[digits.index(after: dot)...])
        }
        while whole.count > 1, whole.hasPrefix("0") { whole.removeFirst() }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if whole == "0" || whole.isEmpty { whole = "" }
        if whole.isEmpty && fraction.isEmpty { return "0" }
        if fraction.isEmpty {
            let zeros = whole.count - (whole.lastIndex { $0 != "0" }.map { whole.distance(from: whole.startIndex, to: $0) + 1 } ?? whole.count)
            if zeros >= 2 {
                let exponent = String(whole.dropLast(zeros)) + "e" + String(zeros)
                if exponent.count < whole.count || (inPath && exponent.count == whole.count) { return sign + exponent }
            }
            return sign + whole
        }
        if whole.isEmpty {
            let leading = fraction.prefix { $0 == "0" }.count
            let significant = String(fraction.dropFirst(leading))
            let exponent = significant + "e-" + String(fraction.count)
            if exponent.count < fraction.count + 1 { return sign + exponent }
            return sign + "." + fraction
        }
        return sign + whole + "." + fraction
    }

    /// Path data with numbers shortened, separators only where two numbers would run together,
    /// `Z` as `z`, and a command letter left out where it repeats (or is the `L` after an `M`).
    static func minifiedPath(_ path: String) -> String {
        var out = ""
        var previousCommand: Character?
        var previousNumber: String?
        var arcArgument = 0  // an arc's arguments come in sevens: rx ry rotation large sweep x y
        var i = path.startIndex
        while i < path.endIndex {
            let c = path[i]
            if c.isWhitespace || c == "," {
                i = path.index(after: i)
                continue
            }
            if c.isLetter, c != "e", c != "E" {
                let command: Character = c == "Z" ? "z" : c
                let implicit =
                    command == previousCommand && command != "M" && command != "m" && command != "z"
                    || (command == "L" && previousCommand == "M") || (command == "l" && previousCommand == "m")
                if !implicit {
                    out.append(command)
                    previousNumber = nil
                }
                arcArgument = 0
                previousCommand = command
                i = path.index(after: i)
                continue
            }
            var end = i
            var seenDot = false
            var seenExponent = false
            if path[end] == "-" || path[end] == "+" { end = path.index(after: end) }
            while end < path.endIndex {
                let d = path[end]
                if d.isNumber {
                    end = path.index(after: end)
                    continue
                }
                if d == ".", !seenDot, !seenExponent {
                    seenDot = true
                    end = path.index(after: end)
                    continue
                }
                if d == "e" || d == "E", !seenExponent {
                    seenExponent = true
                    end = path.index(after: end)
                    if end < path.endIndex, path[end] == "-" || path[end] == "+" { end = path.index(after: end) }
                    continue
                }
                break
            }
            guard end > i else { return path }  // not path data we understand: left as it is
            let written = String(path[i..<end])
            let short = number(written, inPath: true) ?? written
            let isArc = previousCommand == "a" || previousCommand == "A"
            if let previous = previousNumber {
                // An arc's two flags are single digits: nothing separates the sweep flag and x.
                let afterFlag = isArc && (arcArgument % 7 == 4 || arcArgument % 7 == 5)
                let joins = afterFlag || short.hasPrefix("-") || (short.hasPrefix(".") && previous.contains(".") && !previous.contains("e"))
                if !joins { out.append(" ") }
            }
            if isArc { arcArgument += 1 }
            out += short
            previousNumber = short
            i = end
        }
        return out
    }
}
