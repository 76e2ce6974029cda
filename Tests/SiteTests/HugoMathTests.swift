import Testing

/// Math on Hugo sites, chosen by the site's goldmark passthrough config (docs/fidelity.md classes 10–15).
@Suite struct HugoMathTests {
    static let passthrough = "[markup.goldmark.extensions.passthrough]\nenable = true\n"

    @Test func escapedBracketsAreMathOnlyWithPassthrough() throws {
        let plain = try HugoFidelity.body("lookup \\[class.member.lookup\\]:\n")
        #expect(plain.contains("<p>lookup [class.member.lookup]:</p>"))
        let verbatim = try HugoFidelity.body("so \\[x_1\\] ok\n", config: Self.passthrough)
        #expect(verbatim.contains("<annotation encoding=\"application/x-tex\">x_1</annotation>"))
    }

    @Test func markdownEscapesReachTheRendererWithoutPassthrough() throws {
        let body = try HugoFidelity.body("indexed by $j \\in \\{1, p\\}$\n")
        #expect(body.contains("<annotation encoding=\"application/x-tex\">j \\in {1, p}</annotation>"))
    }

    @Test func mathInRawHTMLTable() throws {
        let body = try HugoFidelity.body(
            "<table><tr><td>$\\mathbf{x}_0$</td><td><code>$y$</code></td></tr></table>\n",
            config: "[markup.goldmark.renderer]\nunsafe = true\n" + Self.passthrough)
        #expect(body.contains("<annotation encoding=\"application/x-tex\">\\mathbf{x}_0</annotation>"))
        #expect(body.contains("<code>$y$</code>"))
    }

    /// Display math on a line that continues a list item or a quote lazily stays inside it (Hugo
    /// 0.168 with passthrough keeps it in the `<li>` and the `<blockquote>`).
    @Test func displayMathOnALazyLineStaysInItsItem() throws {
        let body = try HugoFidelity.body(
            "1. The bit leads to\n$$\nm = 6\n$$\n2. Next $v$\n\n> quoted\n$$\nq\n$$\n",
            config: Self.passthrough)
        let items = try #require(body.range(of: "<ol>").map { body[$0.lowerBound...] })
        let firstItem = String(items[..<(items.range(of: "</li>")?.upperBound ?? items.endIndex)])
        #expect(firstItem.contains("display=\"block\"") && firstItem.contains("m = 6"), "\(firstItem)")
        #expect(body.contains("<li>Next <math"), "the list goes on after the math")
        let quote = try #require(body.range(of: "<blockquote>").map { String(body[$0.lowerBound...]) })
        #expect(quote.contains("quoted") && quote.range(of: "display=\"block\"")!.lowerBound < quote.range(of: "</blockquote>")!.lowerBound)
    }
}
