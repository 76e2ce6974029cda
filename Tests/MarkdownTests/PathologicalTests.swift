import Markdown
import Testing

/// Adversarial inputs from issue 2: each must finish (linear time, no deep recursion) with the
/// output cmark produces. Timing is left to benchmarks; these assert output only.
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
        let expected = "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n"
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
        #expect(renderHTML("1. a\n\n  2. b\n   ", options: .commonMark) ==
            "<ol>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ol>\n")
    }

    @Test func nulBecomesReplacementCharacter() {
        #expect(renderHTML("a\u{0}b", options: .commonMark) == "<p>a\u{FFFD}b</p>\n")
        #expect(renderHTML("&#0;", options: .commonMark) == "<p>\u{FFFD}</p>\n")
    }
}
