import SeededRandom
import Testing
@testable import Citations

@Suite(.timeLimit(.minutes(2))) struct CitationSyntaxFuzzTests {
    /// 2,000 seeded random texts built from citation syntax: scanning returns in-bounds, ordered,
    /// non-overlapping matches whose keys are non-empty, and styles format them without failing.
    @Test func randomTextsGiveWellFormedMatches() {
        let pieces = ["[", "]", "@", "-@", ";", ",", " ", "p. 3", "see ", "@a", "@b:c", "{", "}", "(", ")", "x", "é", "--", "\n", "@{k}"]
        var random = SeededGenerator(seed: 2024)
        let bibliography = Bibliography([Reference(id: "a", type: .book), Reference(id: "b:c", type: .articleJournal)])
        var total = 0
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 1...30, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let matches = CitationSyntax.scan(text)
            let count = text.utf8.count
            var previousEnd = 0
            for match in matches {
                #expect(match.range.lowerBound >= previousEnd && match.range.upperBound <= count)
                #expect(match.citation.items.allSatisfy { !$0.key.isEmpty })
                previousEnd = match.range.upperBound
            }
            total += matches.count
            for style in CitationStyle.allCases {
                let result = CitationProcessor(style: style, bibliography: bibliography).process(matches.map(\.citation))
                #expect(result.citations.count == matches.count)
            }
        }
        #expect(total > 1000)
    }
}
