import Foundation
import Testing
@testable import Search
import SeededRandom

struct JSONTextTests {
    @Test func escapesWhatJSONAndJavaScriptRequire() {
        #expect(JSONText.string("a\"b\\c\nd\re\tf\u{1}g\u{2028}h\u{2029}i") == "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u2028h\\u2029i\"")
        #expect(JSONText.string("\u{2027}\u{202A}€✓😀é") == "\"\u{2027}\u{202A}€✓😀é\"")  // E2-led neighbours stay as they are
        #expect(JSONText.string("\u{2028}") == "\"\\u2028\"")
        #expect(JSONText.string("") == "\"\"")
        #expect(JSONText.string("plain text, no escapes") == "\"plain text, no escapes\"")
    }

    @Test func parsesBackToTheSameText() throws {
        var generator = SeededGenerator(seed: 15)
        let pieces = ["a", "\"", "\\", "\n", "\u{0}", "\u{1F}", "\u{2028}", "\u{2029}", "\u{2026}", "é", "😀", "</", " "]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...20, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let literal = JSONText.string(text)
            let parsed = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: [.fragmentsAllowed]) as? String
            #expect(parsed == text, "\(text.debugDescription)")
            #expect(!literal.contains("\u{2028}") && !literal.contains("\u{2029}"))
        }
    }
}
