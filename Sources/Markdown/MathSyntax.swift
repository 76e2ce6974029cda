/// Math (site mode): `$…$` and `\(…\)` inline, `$$…$$` and `\[…\]` display, TeX kept verbatim.
///
/// Dollar rules follow Pandoc: an opening `$` is followed by a non-space, a closing `$` is preceded
/// by a non-space and not followed by a digit, so "$5 and $6" stays text.
extension InlineParser {
    /// Whether the `$` at `i` can close inline math.
    /// With `mathTextScan` (Hugo sites, goldmark passthrough) any unescaped `$` closes: `$ y $` and
    /// `$30,000 to $` are math there.
    func isDollarCloser(_ i: Int) -> Bool {
        if parser.options.mathTextScan { return i > 0 && s[i - 1] != UInt8(ascii: "\\") }
        guard i > 0, !ASCII.isWhitespace(s[i - 1]), s[i - 1] != UInt8(ascii: "\\") else { return false }
        return i + 1 >= end || !ASCII.isDigit(s[i + 1])
    }

    mutating func parseDollarMath() -> Bool {
        let start = pos
        let verbatim = parser.options.verbatimMath
        if start + 1 < end, s[start + 1] == UInt8(ascii: "$") {
            guard verbatim.contains(.doubleDollar) else {
                // Not math for the parser: both dollars stay text (a browser renderer may find them).
                appendText(start, start + 2)
                pos = start + 2
                return true
            }
            guard let close = findDoubleDollar(from: start + 2), close > start + 2 else { return false }
            makeMath(contentStart: start + 2, contentEnd: close, display: true, at: start)
            pos = close + 2
            return true
        }
        guard verbatim.contains(.dollar), start + 1 < end,
            parser.options.mathTextScan || !ASCII.isWhitespace(s[start + 1])
        else { return false }
        guard let close = findDollarCloser(from: start + 1) else { return false }
        makeMath(contentStart: start + 1, contentEnd: close, display: false, at: start)
        pos = close + 1
        return true
    }

    /// The next `$` at or after `from` that can close inline math (memoised for linear time).
    mutating func findDollarCloser(from: Int) -> Int? {
        if from > noDollarCloserAfter { return nil }
        if let cached = nextDollarCloser, cached >= from, from >= dollarQueryStart { return cached }
        var i = from
        while i < end {
            if s[i] == UInt8(ascii: "$"), isDollarCloser(i) {
                dollarQueryStart = from
                nextDollarCloser = i
                return i
            }
            i += 1
        }
        noDollarCloserAfter = from
        return nil
    }

    mutating func findDoubleDollar(from: Int) -> Int? {
        if from > noDoubleDollarAfter { return nil }
        if let k = find(s, from, end, "$$") { return k }
        noDoubleDollarAfter = from
        return nil
    }

    /// `\(…\)` or `\[…\]` starting at the backslash.
    mutating func parseBracketMath() -> Bool {
        let display = s[pos + 1] == UInt8(ascii: "[")
        guard parser.options.verbatimMath.contains(display ? .brackets : .parentheses) else { return false }
        let from = pos + 2
        let found: Int?
        if display {
            if from > noDisplayCloserAfter { return false }
            found = find(s, from, end, "\\]")
            if found == nil { noDisplayCloserAfter = from }
        } else {
            if from > noInlineCloserAfter { return false }
            found = find(s, from, end, "\\)")
            if found == nil { noInlineCloserAfter = from }
        }
        guard let close = found, close > from else { return false }
        makeMath(contentStart: from, contentEnd: close, display: display, at: pos)
        pos = close + 2
        return true
    }

    mutating func makeMath(contentStart: Int, contentEnd: Int, display: Bool, at i: Int) {
        let node = append(.math, at: i)
        parser.nodes[Int(node)].text = TextSpan(start: base + Int32(contentStart), count: Int32(contentEnd - contentStart))
        if display { parser.nodes[Int(node)].flags |= NodeFlags.display }
    }
}

/// Display math blocks: a line starting with `$$` or `\[` up to a line ending with `$$` or `\]`.
extension BlockParser {
    /// 1 for `$$`, 2 for `\[`, when the opener stands alone on its line or the line also ends
    /// with the closer (so "\[1\] a citation" stays a paragraph).
    func mathBlockOpener(at i: Int) -> Int32? {
        guard i + 1 < lineEnd else { return nil }
        let opener: Int32
        if s[i] == UInt8(ascii: "$"), s[i + 1] == UInt8(ascii: "$") {
            opener = 1
        } else if s[i] == UInt8(ascii: "\\"), s[i + 1] == UInt8(ascii: "[") {
            opener = 2
        } else {
            return nil
        }
        guard parser.options.verbatimMath.contains(opener == 1 ? .doubleDollar : .brackets) else { return nil }
        var e = lineEnd
        while e > i + 2, ASCII.isSpaceOrTab(s[e - 1]) { e -= 1 }
        // A `$$` alone on its line closes the display math an open paragraph started (`$$a` on the
        // line before), as goldmark's passthrough reads it, instead of opening a block.
        if e == i + 2 { return opener == 1 && kind(tip) == .paragraph && pendingLeavesDoubleDollarOpen ? nil : opener }
        return e - (i + 2) >= 2 && closesOnLine(from: i + 2, to: e, opener: opener) ? opener : nil
    }

    /// Whether the open leaf's text so far holds an odd number of unescaped `$$`.
    var pendingLeavesDoubleDollarOpen: Bool {
        func count(_ bytes: some Collection<UInt8>) -> Int {
            var total = 0
            var previous: UInt8 = 0
            var pairStart = false
            for byte in bytes {
                if byte == UInt8(ascii: "$"), previous == UInt8(ascii: "$"), !pairStart {
                    total += 1
                    pairStart = true
                } else {
                    pairStart = byte == UInt8(ascii: "$") && previous == UInt8(ascii: "\\")
                }
                previous = byte
            }
            return total
        }
        let total = inPlaceStart >= 0 ? count(s[inPlaceStart..<inPlaceEnd]) : count(pending)
        return total % 2 == 1
    }

    /// Opens a math block after its opener; a block closed on the same line is finished at once.
    /// Returns the block to continue in.
    mutating func openMathBlock(_ node: Int32, opener: Int32) -> Int32 {
        parser.nodes[Int(node)].value = opener
        advanceOffset(firstNonspace + 2 - offset, columns: false)
        var e = lineEnd
        while e > offset, ASCII.isSpaceOrTab(s[e - 1]) { e -= 1 }
        if closesOnLine(from: offset, to: e, opener: opener) {
            appendMathLine(from: offset, to: e - 2)
            return finalize(node)
        }
        if e > offset { appendMathLine(from: offset, to: e) }
        return node
    }

    func closesOnLine(from a: Int, to e: Int, opener: Int32) -> Bool {
        guard e - a >= 2 else { return false }
        if opener == 1 { return s[e - 2] == UInt8(ascii: "$") && s[e - 1] == UInt8(ascii: "$") }
        return s[e - 2] == UInt8(ascii: "\\") && s[e - 1] == UInt8(ascii: "]")
    }

    mutating func appendMathLine(from a: Int, to b: Int) {
        pendingLines.append((Int32(pendingCount), lineNumber, Int32(a - lineStart + 1)))
        appendPending(a, max(a, b), newline: true)
    }

    /// Whether the current line closes the open math block (its content before the closer is added).
    mutating func closesMathBlock(_ node: Int32) -> Bool {
        var e = lineEnd
        while e > offset, ASCII.isSpaceOrTab(s[e - 1]) { e -= 1 }
        guard closesOnLine(from: offset, to: e, opener: parser.nodes[Int(node)].value) else { return false }
        var a = offset
        while a < e - 2, ASCII.isSpaceOrTab(s[a]) { a += 1 }
        if e - 2 > a { appendMathLine(from: a, to: e - 2) }
        return true
    }
}
