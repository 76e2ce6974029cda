import SeededRandom
import Testing
@testable import Site

@Suite struct FencedDivsTests {
    @Test func openingLines() {
        let div = FencedDivs.parseOpening(#"{#thm-a .important name="Main result" level=2}"#, line: 4)
        #expect(div?.id == "thm-a")
        #expect(div?.classes == ["important"])
        #expect(div?.attribute("name") == "Main result")
        #expect(div?.attribute("level") == "2")
        #expect(FencedDivs.parseOpening("callout-warning", line: 1)?.classes == ["callout-warning"])
        // Only the braced (or callout) form is a div: a Hugo page's `::: note` stays text.
        #expect(FencedDivs.parseOpening("note", line: 1) == nil)
        #expect(FencedDivs.parseOpening("{unclosed", line: 1) == nil)
        #expect(FencedDivs.parseOpening("{}", line: 1) == nil)
    }

    @Test func linesAreReplacedOneForOneAndUnclosedDivsWarn() {
        var divs = FencedDivs()
        let markdown = divs.extract("a\n::: {.callout-note}\nb\n::: {#thm-x}\nc\n:::\n")
        #expect(markdown.split(separator: "\n", omittingEmptySubsequences: false).count == 8)
        #expect(markdown.hasPrefix("a\n###### CollectiveFencedDiv0Open\nb\n###### CollectiveFencedDiv1Open\nc\n###### CollectiveFencedDiv1Close\n"))
        #expect(divs.warnings.map(\.line) == [2])
        #expect(divs.warnings.first?.message.contains("never closed") == true)
    }

    /// 2,000 seeded random documents of fences, code fences and text: extracting never fails, keeps the line
    /// count (plus one per unclosed div), and every opened div is closed exactly once.
    @Test func randomDocuments() {
        let lines = ["::: {#thm-a}", ":::", "::: {.proof}", "```", "~~~", "text", "", "::: callout-tip", "  :::", "::: {broken"]
        var random = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            let input = (0..<Int.random(in: 1...20, using: &random)).map { _ in lines.randomElement(using: &random)! }
            var divs = FencedDivs()
            let output = divs.extract(input.joined(separator: "\n"))
            let outputLines = output.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(outputLines.count == input.count + divs.warnings.count)
            for index in divs.divs.indices {
                #expect(outputLines.filter { $0 == "###### CollectiveFencedDiv\(index)Open" }.count == 1)
                #expect(outputLines.filter { $0 == "###### CollectiveFencedDiv\(index)Close" }.count == 1)
            }
        }
    }
}
