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
}
