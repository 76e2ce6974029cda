import Markdown
import Testing

/// The public tree: navigation, node data, source positions and render hooks.
struct TreeAPITests {
    let source = """
        # Title

        Some *text* with a [link](/to "T") and ![alt *x*](/img.png).
        Second line with $x^2$.

        - item
        """

    @Test func navigationAndKinds() {
        let document = Document.parse(source)
        let blocks = document.children(of: document.root)
        #expect(blocks.map { document.kind(of: $0) } == [.heading, .paragraph, .list])
        #expect(document.headingLevel(of: blocks[0]) == 1)
        #expect(document.parent(of: blocks[1]) == document.root)
        let inlines = document.children(of: blocks[1])
        #expect(document.kind(of: inlines[0]) == .text)
        #expect(document.literal(of: inlines[0]) == "Some ")
        let link = inlines.first { document.kind(of: $0) == .link }!
        #expect(document.destination(of: link) == "/to")
        #expect(document.title(of: link) == "T")
        #expect(document.plainText(of: link) == "link")
        let item = document.firstChild(of: blocks[2])!
        #expect(document.kind(of: item) == .item)
        #expect(document.isTightList(blocks[2]))
    }

    @Test func positionsOfBlocksAndInlines() {
        let document = Document.parse(source)
        let nodes = document.descendants(of: document.root)
        func position(of kind: NodeKind) -> SourcePosition? {
            nodes.first { document.kind(of: $0) == kind }.map { document.position(of: $0) }
        }
        #expect(position(of: .heading) == SourcePosition(line: 1, column: 1))
        #expect(position(of: .paragraph) == SourcePosition(line: 3, column: 1))
        #expect(position(of: .emphasis) == SourcePosition(line: 3, column: 6))
        #expect(position(of: .link) == SourcePosition(line: 3, column: 20))
        #expect(position(of: .image) == SourcePosition(line: 3, column: 40))
        #expect(position(of: .math) == SourcePosition(line: 4, column: 18))
        #expect(position(of: .item) == SourcePosition(line: 6, column: 1))
    }

    @Test func headingsCarryIDsAndText() {
        let document = Document.parse("# A *b*\n\ntext\n\n## A b\n")
        #expect(document.headings.map(\.level) == [1, 2])
        #expect(document.headings.map(\.id) == ["a-b", "a-b-1"])
        #expect(document.headings.map(\.text) == ["A b", "A b"])
        #expect(document.headings[1].position == SourcePosition(line: 5, column: 1))
    }

    @Test func hooksReplaceOrFallBack() {
        var hooks = RenderHooks()
        hooks.link = { info in info.destination == "/to" ? "[\(info.contentHTML)→\(info.destination)]" : nil }
        hooks.image = { info in "<img alt=\"\(info.alt)\" data-src=\"\(info.destination)\">" }
        hooks.math = { info in "<m>\(info.tex)|\(info.isDisplay)</m>" }
        hooks.heading = { info in "<h\(info.level) x=\"\(info.id ?? "")\">\(info.contentHTML)</h\(info.level)>" }
        let html = HTMLRenderer(hooks: hooks).render(Document.parse(source))
        #expect(
            html == """
                <h1 x="title">Title</h1>
                <p>Some <em>text</em> with a [link→/to] and <img alt="alt x" data-src="/img.png">.
                Second line with <m>x^2|false</m>.</p>
                <ul>
                <li>item</li>
                </ul>

                """)
    }

    @Test func linkHookSeesOtherLinksDefaultRendered() {
        var hooks = RenderHooks()
        hooks.link = { _ in nil }
        let document = Document.parse("[a *b*](/x)", options: .commonMark)
        #expect(HTMLRenderer(options: .commonMark, hooks: hooks).render(document) == "<p><a href=\"/x\">a <em>b</em></a></p>\n")
    }
}
