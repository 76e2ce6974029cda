import Foundation
import Testing
import Yams
@testable import Charts

/// Issue 15: a 433-byte "billion laughs" chart spec took 2.2 s and 730 MB. Alias expansion is
/// counted (linearly, with each anchored node's size remembered) and capped before the spec is used.
@Suite(.timeLimit(.minutes(2))) struct AliasBudgetTests {
    /// Nine levels of nine aliases each: 9^9 (387 million) strings from a few hundred bytes.
    static let billionLaughs: String = {
        var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        let names = Array("abcdefghi")
        for k in 1..<names.count {
            let alias = "*\(names[k - 1])"
            lines.append("\(names[k]): &\(names[k]) [" + Array(repeating: alias, count: 9).joined(separator: ",") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func countsExpandedNodes() throws {
        let small = try #require(try Yams.compose(yaml: "a: &x [1, 2]\nb: [*x, *x]\n"))
        // The root, key a, [1, 2] (3), key b, and [*x, *x] (1 + 2 × 3).
        #expect(try YAMLAliasBudget.check(small) == 13)
        // A redefined anchor is a different node.
        let shadowed = try #require(try Yams.compose(yaml: "a: &x [1]\nb: &x [1, 2, 3]\nc: [*x, *x]\n"))
        #expect(try YAMLAliasBudget.check(shadowed) == 1 + 1 + 2 + 1 + 4 + 1 + (1 + 2 * 4))
        #expect(throws: YAMLAliasBudget.ExpansionError.self) { try YAMLAliasBudget.check(small, limit: 12) }
        #expect(YAMLAliasBudget.limit(forByteCount: 10) == 1_000_000)
        #expect(YAMLAliasBudget.limit(forByteCount: 4 << 20) == 8 << 20)
    }

    @Test func billionLaughsIsRefusedQuickly() throws {
        #expect(Self.billionLaughs.utf8.count < 500)
        let root = try #require(try Yams.compose(yaml: Self.billionLaughs))
        let error = #expect(throws: YAMLAliasBudget.ExpansionError.self) { try YAMLAliasBudget.check(root) }
        #expect(error?.limit == 1_000_000)
        #expect(error?.line != nil)
    }

    @Test func chartSpecsWithAliasBombsAreErrors() {
        let spec = Self.billionLaughs + "type: line\ndata: *i\nx: a\ny: b\n"
        let result = ChartRenderer().render(spec: spec, baseDirectory: nil)
        #expect(result.svg.isEmpty)
        #expect(result.html.contains("YAML aliases expand to more than 1000000 nodes"))
        #expect(result.warnings.last?.message.hasPrefix("YAML aliases expand to more than 1000000 nodes") == true)
        // Ordinary aliases still work.
        let reused = "rows: &rows [{a: 1, b: 2}, {a: 2, b: 3}]\ntype: line\ndata: *rows\nx: a\ny: b\n"
        let drawn = ChartRenderer().render(spec: reused, baseDirectory: nil)
        #expect(drawn.svg.hasPrefix("<svg"), "\(drawn.warnings)")
    }
}
