import Testing
@testable import Highlight

@Suite struct HighlightOptionsTests {
    @Test func parsesHugoFenceAttributes() {
        let options = HighlightOptions(fenceAttributes: [
            "linenos": "true", "hl_lines": "[2,\"4-6\"]", "linenostart": "5", "title": "\"a.py\"",
            "anchorlinenos": "true", "lineanchors": "blk",
        ])
        #expect(options.lineNumbers == .table)
        #expect(options.highlightedLines == [2, 4, 5, 6])
        #expect(options.lineNumberStart == 5)
        #expect(options.title == "a.py")
        #expect(options.anchorLineNumbers)
        #expect(options.lineAnchorPrefix == "blk")
    }

    @Test func lineNumberStyles() {
        #expect(HighlightOptions(fenceAttributes: ["linenos": "inline"]).lineNumbers == .inline)
        #expect(HighlightOptions(fenceAttributes: ["linenos": "table"]).lineNumbers == .table)
        #expect(HighlightOptions(fenceAttributes: ["LineNos": "false"]).lineNumbers == .none)
        #expect(HighlightOptions(fenceAttributes: [:]).lineNumbers == .none)
    }

    @Test func lineListsInOtherSpellings() {
        #expect(HighlightOptions(fenceAttributes: ["hl_lines": "1 3-4"]).highlightedLines == [1, 3, 4])
        #expect(HighlightOptions(fenceAttributes: ["hl_lines": "7,9"]).highlightedLines == [7, 9])
        // Nonsense and huge ranges are ignored rather than trusted.
        #expect(HighlightOptions(fenceAttributes: ["hl_lines": "x 5-2 1-9999999"]).highlightedLines.isEmpty)
        #expect(HighlightOptions(fenceAttributes: ["linenostart": "abc"]).lineNumberStart == 1)
    }

    /// Issue 15: `linenostart=9223372036854775807` trapped on `start + line - 1`. Starts are clamped
    /// to ±1,000,000,000, from fence attributes (however many digits) and when set directly.
    @Test func hugeLineNumberStartsAreClamped() {
        let limit = HighlightOptions.maxLineNumberStart
        #expect(limit == 1_000_000_000)
        let cases: [(String, Int)] = [
            ("9223372036854775807", limit), ("9223372036854775808", limit), ("99999999999999999999999", limit),
            ("-9223372036854775808", -limit), ("-99999999999999999999999", -limit), ("+7", 7), ("-3", -3),
            ("1000000000", limit), ("999999999", 999_999_999), ("", 1), ("-", 1), ("1e9", 1), ("١٢", 1),
        ]
        for (text, expected) in cases {
            #expect(HighlightOptions(fenceAttributes: ["linenostart": text]).lineNumberStart == expected, "\(text)")
        }
        for start in [Int.max, Int.max - 1, Int.min, Int.min + 1, limit + 1] {
            for style in [LineNumbers.table, .inline] {
                var options = HighlightOptions()
                options.lineNumbers = style
                options.lineNumberStart = start
                options.anchorLineNumbers = true
                let html = Highlighter.html(code: "a\nb\nc\n", language: "python", options: options)
                let last = start > 0 ? "1000000002" : "-999999998"
                #expect(html.contains(">\(last)</a>"), "\(start) \(style)")
            }
        }
        // Ranges whose width overflows are ignored, not trapped on.
        #expect(HighlightOptions.lineSet("-9223372036854775808-9223372036854775807").count <= 1)
        #expect(HighlightOptions.lineSet("0-9223372036854775807").isEmpty)
        #expect(
            HighlightOptions(fenceAttributes: ["hl_lines": "[\"-9223372036854775807-9223372036854775807\"]"])
                .highlightedLines.count <= 1)
    }
}

/// The language name in the block's class keeps the case it is written in, as Hugo writes it.
@Suite struct LanguageNameCaseTests {
    @Test func uppercaseNamesStayAsWrittenAndStillHighlight() {
        let html = Highlighter.html(code: "x <- 1\n", language: "R")
        #expect(html.contains("<code class=\"language-R\" data-lang=\"R\">"))
        #expect(
            html
                == Highlighter.html(code: "x <- 1\n", language: "r").replacingOccurrences(
                    of: "language-r\" data-lang=\"r\"", with: "language-R\" data-lang=\"R\""))
        #expect(Highlighter.html(code: "a\n", language: "Bash!").contains("language-bash!"))
    }
}
