import Foundation
import Testing
@testable import Site
import SeededRandom

struct ByteSearchTests {
    @Test func findsTheSameRangesAsFoundation() {
        var generator = SeededGenerator(seed: 7)
        let pieces = ["a", "b", "<p>", "<!--more-->", "é", "✓", "\n", " ", "fig-", "<p><img "]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let needle = (0..<Int.random(in: 1...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(text.firstRange(ofBytes: needle) == text.range(of: needle), "\(text.debugDescription) / \(needle.debugDescription)")
            let tail = text.dropFirst(min(2, text.count))
            #expect(tail.firstRange(ofBytes: needle) == tail.range(of: needle), "substring of \(text.debugDescription)")
        }
    }

    @Test func edges() {
        #expect("".firstRange(ofBytes: "a") == nil)
        #expect("ab".firstRange(ofBytes: "abc") == nil)
        #expect("xx<!--more-->".contains(bytes: "<!--more-->"))
        #expect(" \n\t".isBlank && !" x ".isBlank)
    }
}
