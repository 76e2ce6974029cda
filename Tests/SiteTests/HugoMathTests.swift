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
        let body = try HugoFidelity.body("<table><tr><td>$\\mathbf{x}_0$</td><td><code>$y$</code></td></tr></table>\n",
                                         config: "[markup.goldmark.renderer]\nunsafe = true\n" + Self.passthrough)
        #expect(body.contains("<annotation encoding=\"application/x-tex\">\\mathbf{x}_0</annotation>"))
        #expect(body.contains("<code>$y$</code>"))
    }
}
