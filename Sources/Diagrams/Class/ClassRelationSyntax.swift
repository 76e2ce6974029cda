/// A class diagram's relation operator found in a statement: `<|--`, `*--`, `o--`, `<--`, `()--` on the
/// left, `--|>`, `--*`, `--o`, `-->`, `--()` on the right, a solid (`--`) or dotted (`..`) line.
struct ClassRelationSyntax: Equatable {
    /// Where the operator starts and ends (exclusive) in the statement.
    var start: Int
    var end: Int
    var dotted: Bool
    var startMark: EdgeEnd
    var endMark: EdgeEnd

    /// The first relation operator in `text`, outside quotes and backticks.
    static func find(in text: [Character]) -> ClassRelationSyntax? {
        var quoted: Character?
        var position = 0
        while position + 1 < text.count {
            let character = text[position]
            if let open = quoted {
                if character == open { quoted = nil }
                position += 1
                continue
            }
            if character == "\"" || character == "`" {
                quoted = character
                position += 1
                continue
            }
            guard character == "-" || character == ".", text[position + 1] == character else {
                position += 1
                continue
            }
            var lineEnd = position
            while lineEnd < text.count, text[lineEnd] == character { lineEnd += 1 }
            var start = position
            var end = lineEnd
            var startMark = EdgeEnd.none
            var endMark = EdgeEnd.none
            func before(_ offset: Int) -> Character? { start - offset >= 0 ? text[start - offset] : nil }
            func after(_ offset: Int) -> Character? { end + offset < text.count ? text[end + offset] : nil }
            func isGap(_ character: Character?) -> Bool { character == nil || character == " " || character == "\t" || character == "\"" }
            if before(1) == "|", before(2) == "<" {
                startMark = .triangle
                start -= 2
            } else if before(1) == ")", before(2) == "(" {
                startMark = .lollipop
                start -= 2
            } else if before(1) == "*" {
                startMark = .filledDiamond
                start -= 1
            } else if before(1) == "<" {
                startMark = .arrow
                start -= 1
            } else if before(1) == "o", isGap(before(2)) {
                startMark = .diamond
                start -= 1
            }
            if after(0) == "|", after(1) == ">" {
                endMark = .triangle
                end += 2
            } else if after(0) == "(", after(1) == ")" {
                endMark = .lollipop
                end += 2
            } else if after(0) == "*" {
                endMark = .filledDiamond
                end += 1
            } else if after(0) == ">" {
                endMark = .arrow
                end += 1
            } else if after(0) == "o", isGap(after(1)) {
                endMark = .diamond
                end += 1
            }
            return ClassRelationSyntax(start: start, end: end, dotted: character == ".", startMark: startMark, endMark: endMark)
        }
        return nil
    }
}
