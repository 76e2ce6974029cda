import Markdown
import Testing

/// Adversarial inputs from issue 2: each must finish (linear time, no deep recursion) with the
/// output cmark produces. Timing is left to benchmarks; the time limit only stops a hang.
@Suite(.timeLimit(.minutes(2)))
struct PathologicalTests {
    func repeated(_ piece: String, _ count: Int) -> String { String(repeating: piece, count: count) }

    /// A paragraph of literal text, as rendered (trailing spaces dropped, `&<>"` escaped).
    func literalParagraph(_ text: String) -> String {
        var trimmed = Substring(text)
        while trimmed.last == " " { trimmed = trimmed.dropLast() }
        let escaped = trimmed.replacing("&", with: "&amp;").replacing("<", with: "&lt;")
            .replacing(">", with: "&gt;").replacing("\"", with: "&quot;")
        return "<p>\(escaped)</p>\n"
    }

    @Test func deeplyNestedEmphasis() {
        let input = repeated("*a **a ", 65000) + "b" + repeated(" a** a*", 65000)
        let expected = "<p>" + repeated("<em>a <strong>a ", 65000) + "b" + repeated(" a</strong> a</em>", 65000) + "</p>\n"
        #expect(renderHTML(input, options: .commonMark) == expected)
    }

    @Test(arguments: [
        ("a_ ", 65000), ("_a ", 65000), ("a]", 65000), ("[a", 65000), ("*a_ ", 50000), ("[ a_", 50000),
        ("[ (](", 80000), ("[a](b", 30000), ("[a](<b", 30000),
    ])
    func unmatchedDelimitersStayText(piece: String, count: Int) {
        let input = repeated(piece, count)
        #expect(renderHTML(input, options: .commonMark) == literalParagraph(input))
    }

    @Test func unmatchedOddLengthClosers() {
        let input = "a**b" + repeated("c* ", 50000)
        #expect(renderHTML(input, options: .commonMark) == literalParagraph(input))
    }

    @Test func nestedBrackets() {
        let input = repeated("[", 50000) + "a" + repeated("]", 50000)
        #expect(renderHTML(input, options: .commonMark) == literalParagraph(input))
    }

    @Test func manyLinksInsideOpenBrackets() {
        let input = repeated("[", 50000) + repeated("[a](b)", 50000)
        let expected = "<p>" + repeated("[", 50000) + repeated("<a href=\"b\">a</a>", 50000) + "</p>\n"
        #expect(renderHTML(input, options: .commonMark) == expected)
    }

    @Test func nestedBlockQuotes() {
        let input = repeated("> ", 50000) + "a"
        let expected = repeated("<blockquote>\n", 50000) + "<p>a</p>\n" + repeated("</blockquote>\n", 50000)
        #expect(renderHTML(input, options: .commonMark) == expected)
    }

    @Test func deeplyNestedLists() {
        let input = (0..<1000).map { repeated("  ", $0) + "- a\n" }.joined()
        let expected = repeated("<ul>\n<li>a\n", 999) + "<ul>\n<li>a</li>\n</ul>\n" + repeated("</li>\n</ul>\n", 999)
        #expect(renderHTML(input, options: .commonMark) == expected)
    }

    @Test func backtickRunsOfEveryLength() {
        let input = (1...5000).map { "e" + repeated("`", $0) }.joined()
        #expect(renderHTML(input, options: .commonMark) == literalParagraph(input))
    }

    @Test func largeTable() {
        let input = "a|b\n-|-\n" + repeated("c|d\n", 30000)
        let expected =
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n"
            + repeated("<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n", 30000) + "</tbody>\n</table>\n"
        #expect(renderHTML(input, options: .gfm) == expected)
    }

    @Test func manyReferenceDefinitions() {
        let input = (0..<50000).map { "[l\($0)]: /u\($0)\n" }.joined() + "\n[l49999] [l7]"
        #expect(renderHTML(input, options: .commonMark) == "<p><a href=\"/u49999\">l49999</a> <a href=\"/u7\">l7</a></p>\n")
    }

    @Test func siteExtensionsStayLinear() {
        let dollars = repeated("$a ", 50000)
        #expect(renderHTML(dollars, options: .site).hasPrefix("<p>$a $a"))
        let autolinks = repeated("www.a_b ", 30000)
        #expect(renderHTML(autolinks, options: .gfm) == literalParagraph(autolinks))
    }

    /// Found by the fuzzer: a last line of only spaces inside a list read past the end of the input.
    @Test func trailingSpacesAtEndOfInputInList() {
        #expect(renderHTML("1. a\n\n  2. b\n   ", options: .commonMark) == "<ol>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ol>\n")
    }

    @Test func nulBecomesReplacementCharacter() {
        #expect(renderHTML("a\u{0}b", options: .commonMark) == "<p>a\u{FFFD}b</p>\n")
        #expect(renderHTML("&#0;", options: .commonMark) == "<p>\u{FFFD}</p>\n")
    }
}

/// Blow-ups from issue 15: each is linear (or bounded as cmark and cmark-gfm bound it) with exact
/// output. The time limit is a generous guard: the quadratic versions took minutes or ran out of
/// memory.
@Suite(.timeLimit(.minutes(2)))
struct BlowUpTests {
    func repeated(_ piece: String, _ count: Int) -> String { String(repeating: piece, count: count) }

    /// `- - - … a`: 32,000 nested lists on one line took 3.5 s (each `-` rescanned the rest of
    /// the line for a thematic break, and each list's tightness walked every list inside it);
    /// 50,000 here, minutes for the quadratic version even in a debug build.
    @Test(arguments: ["- ", "1. ", "* "])
    func thousandsOfNestedListsOnOneLine(marker: String) {
        let n = 50000
        let tag = marker == "1. " ? "ol" : "ul"
        let expected =
            repeated("<\(tag)>\n<li>\n", n - 1) + "<\(tag)>\n<li>a</li>\n</\(tag)>\n"
            + repeated("</li>\n</\(tag)>\n", n - 1)
        #expect(renderHTML(repeated(marker, n) + "a", options: .commonMark) == expected)
    }

    /// A line of `$`: the first `$$` opened a display block closed by the last `$$`, then every
    /// remaining `$$` of the line opened another one (quadratic output: it died at 3.5 GB).
    @Test func runOfDollars() {
        let n = 20000
        #expect(
            renderHTML(repeated("$", n), options: .site)
                == "<div class=\"math display\">\\[" + repeated("$", n - 4) + "\\]</div>\n")
        #expect(renderHTML(repeated("$", 4), options: .site) == "<div class=\"math display\">\\[\\]</div>\n")
        #expect(renderHTML(repeated("$", 3), options: .site) == "<p>$$$</p>\n")
        #expect(
            renderHTML(repeated("\\[", 3) + repeated("\\]", 3), options: .site)
                == "<div class=\"math display\">\\[\\[\\[\\]\\]\\]</div>\n")
        let inline = "a " + repeated("$", n)
        #expect(renderHTML(inline, options: .site) == "<p>\(inline)</p>\n")
    }

    /// A wide header over many one-cell rows: each row is padded to the header's width, so 24 KB
    /// made 100 MB. As in cmark-gfm, once more than 0x80000 cells have been added as padding the
    /// next line is no longer a row: the table ends and the rest is a paragraph.
    @Test func tablePaddingIsCapped() {
        let columns = 5000
        let rows = 300
        let input = "|" + repeated("a|", columns) + "\n|" + repeated("-|", columns) + "\n" + repeated("b\n", rows)
        // Row j is accepted while the padding before it, 4,999 × (j − 1), is at most 0x80000.
        let accepted = 0x80000 / (columns - 1) + 1
        #expect(accepted == 105)
        let bodyRow = "<tr>\n<td>b</td>\n" + repeated("<td></td>\n", columns - 1) + "</tr>\n"
        let expected =
            "<table>\n<thead>\n<tr>\n" + repeated("<th>a</th>\n", columns) + "</tr>\n</thead>\n<tbody>\n"
            + repeated(bodyRow, accepted) + "</tbody>\n</table>\n"
            + "<p>" + repeated("b\n", rows - accepted - 1) + "b</p>\n"
        let output = renderHTML(input, options: .gfm)
        #expect(output.utf8.count < 6_000_000)
        #expect(output == expected)
    }

    /// One definition used 100,000 times turned 410 KB into 1 GB. As in cmark, the bytes copied out
    /// of definitions (destination and title per use) may total the input's size (at least
    /// 100,000); the references past that stay literal text.
    @Test func referenceExpansionIsCapped() {
        let destination = "/" + repeated("x", 1000)
        let uses = 100_000
        let input = "[a]: \(destination) \"t\"\n\n" + repeated("[a] ", uses)
        let perUse = destination.utf8.count + 1
        let expanded = input.utf8.count / perUse
        #expect(expanded == 400)
        let expected =
            "<p>" + repeated("<a href=\"\(destination)\" title=\"t\">a</a> ", expanded)
            + repeated("[a] ", uses - expanded - 1) + "[a]</p>\n"
        #expect(renderHTML(input, options: .commonMark) == expected)
        // Small documents always get 100,000 bytes.
        let small = "[a]: /" + repeated("y", 999) + "\n\n" + repeated("[a] ", 150)
        let smallExpected =
            "<p>" + repeated("<a href=\"/" + repeated("y", 999) + "\">a</a> ", 100)
            + repeated("[a] ", 49) + "[a]</p>\n"
        #expect(renderHTML(small, options: .commonMark) == smallExpected)
    }

    /// `www.` after every `_`: each was a candidate whose domain scan ran to the end of the run
    /// (no underscores may be in the last two segments, so none is a link).
    @Test func extendedAutolinkCandidates() {
        for input in [repeated("www.a_", 50000), repeated("a_@", 50000), repeated("a_://", 50000)] {
            #expect(renderHTML(input, options: .gfm) == "<p>\(input)</p>\n")
        }
        // A link followed by many `)`: the parentheses were recounted for each one trimmed.
        let parens = "www.a.com" + repeated(")", 50000)
        #expect(
            renderHTML(parens, options: .gfm)
                == "<p><a href=\"http://www.a.com\">www.a.com</a>" + repeated(")", 50000) + "</p>\n")
        // The remembered scan gives the answers a fresh scan gives.
        #expect(
            renderHTML("x_www.a.com_www.b_c.d www.a_b_www.c.d", options: .gfm)
                == "<p>x_www.a.com_www.b_c.d <a href=\"http://www.a_b_www.c.d\">www.a_b_www.c.d</a></p>\n")
        #expect(
            renderHTML("www.a_b.c.d www.a.b.c_d.e", options: .gfm)
                == "<p><a href=\"http://www.a_b.c.d\">www.a_b.c.d</a> www.a.b.c_d.e</p>\n")
    }
}
