/// A list marker found at the start of a line.
struct ListMarker {
    var ordered: Bool
    /// The bullet (`-`, `+`, `*`) or the delimiter after the number (`.` or `)`).
    var char: UInt8
    var start: Int
    /// Bytes taken by the marker itself.
    var length: Int
}

/// Scanners that recognise the start of each kind of block on the current line.
extension BlockParser {
    /// `#` to `######` followed by a space, a tab or the end of the line.
    func atxHeadingLevel(at i: Int) -> Int? {
        var j = i
        while j < lineEnd, s[j] == UInt8(ascii: "#"), j - i < 7 { j += 1 }
        let level = j - i
        guard level >= 1, level <= 6 else { return nil }
        return j == lineEnd || ASCII.isSpaceOrTab(s[j]) ? level : nil
    }

    /// Three or more backticks or tildes; a backtick fence's info string has no backtick.
    func openingFenceLength(at i: Int) -> Int? {
        let c = s[i]
        var j = i
        while j < lineEnd, s[j] == c { j += 1 }
        let length = j - i
        guard length >= 3 else { return nil }
        if c == UInt8(ascii: "`") {
            var k = j
            while k < lineEnd {
                if s[k] == c { return nil }
                k += 1
            }
        }
        return length
    }

    /// The length of a closing fence made of `char` followed only by spaces.
    func closingFenceLength(at i: Int, char: UInt8) -> Int? {
        var j = i
        while j < lineEnd, s[j] == char { j += 1 }
        let length = j - i
        guard length >= 3 else { return nil }
        var k = j
        while k < lineEnd, ASCII.isSpaceOrTab(s[k]) { k += 1 }
        return k == lineEnd ? length : nil
    }

    /// `===` (level 1) or `---` (level 2) with nothing else but trailing spaces.
    func setextLevel(at i: Int) -> Int? {
        let c = s[i]
        var j = i
        while j < lineEnd, s[j] == c { j += 1 }
        while j < lineEnd, ASCII.isSpaceOrTab(s[j]) { j += 1 }
        guard j == lineEnd else { return nil }
        return c == UInt8(ascii: "=") ? 1 : 2
    }

    /// Three or more `*`, `-` or `_` (the same one), with only spaces and tabs between.
    ///
    /// A failed scan remembers where it failed: any later start on the same line is one of the
    /// same characters or a space, so it fails there too (as cmark does, this keeps `- - - … a`,
    /// thousands of nested list markers on one line, linear).
    mutating func isThematicBreak(at i: Int) -> Bool {
        if i < thematicBreakKill { return false }
        let c = s[i]
        var count = 0
        var j = i
        while j < lineEnd {
            let d = s[j]
            if d == c {
                count += 1
            } else if !ASCII.isSpaceOrTab(d) {
                thematicBreakKill = j
                return false
            }
            j += 1
        }
        if count < 3 { thematicBreakKill = lineEnd }
        return count >= 3
    }

    /// A bullet or ordered list marker; one that interrupts a paragraph must be followed by
    /// text and, if ordered, start at 1.
    func listMarker(at i: Int, interruptsParagraph: Bool) -> ListMarker? {
        guard i < lineEnd else { return nil }
        let c = s[i]
        var marker: ListMarker
        var j = i
        if c == UInt8(ascii: "*") || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
            j += 1
            marker = ListMarker(ordered: false, char: c, start: 1, length: 1)
        } else if ASCII.isDigit(c) {
            var start = 0
            while j < lineEnd, ASCII.isDigit(s[j]), j - i < 9 {
                start = start * 10 + Int(s[j] - 0x30)
                j += 1
            }
            guard j < lineEnd, s[j] == UInt8(ascii: ".") || s[j] == UInt8(ascii: ")") else { return nil }
            if interruptsParagraph, start != 1 { return nil }
            marker = ListMarker(ordered: true, char: s[j], start: start, length: j + 1 - i)
            j += 1
        } else {
            return nil
        }
        guard j == lineEnd || ASCII.isSpaceOrTab(s[j]) else { return nil }
        if interruptsParagraph {
            var k = j
            while k < lineEnd, ASCII.isSpaceOrTab(s[k]) { k += 1 }
            if k == lineEnd { return nil }
        }
        return marker
    }

    /// `[^label]:` opening a footnote definition; returns the label and the marker length.
    func footnoteDefinitionStart(at i: Int) -> ([UInt8], Int)? {
        guard i + 3 < lineEnd, s[i + 1] == UInt8(ascii: "^") else { return nil }
        var j = i + 2
        while j < lineEnd, s[j] != UInt8(ascii: "]") {
            let c = s[j]
            if ASCII.isWhitespace(c) || c == UInt8(ascii: "[") { return nil }
            if c == UInt8(ascii: "\\") { j += 1 }
            j += 1
        }
        guard j < lineEnd, j > i + 2, j + 1 < lineEnd, s[j + 1] == UInt8(ascii: ":") else { return nil }
        return (Array(s[(i + 2)..<j]), j + 2 - i)
    }
}
