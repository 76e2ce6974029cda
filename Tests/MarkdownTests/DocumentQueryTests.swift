import Markdown
import Testing

/// The node-data queries of ``Document`` that TreeAPITests does not reach: lists and tasks, code
/// blocks, tables, alerts, footnotes, math, image ids and sibling navigation.
struct DocumentQueryTests {
    private func first(_ kind: NodeKind, in document: Document) throws -> NodeID {
        try #require(document.descendants(of: document.root).first { document.kind(of: $0) == kind })
    }

    @Test func orderedListsStartAndTasksKnowTheirState() throws {
        let document = Document.parse("3. [x] done\n4. [ ] open\n\n   loose\n", options: .gfm)
        let list = try first(.list, in: document)
        #expect(document.isOrderedList(list))
        #expect(document.listStart(of: list) == 3)
        #expect(!document.isTightList(list))
        let items = document.children(of: list)
        #expect(items.map { document.taskState(of: $0) } == [true, false])
        #expect(document.taskState(of: list) == nil)
        #expect(document.previousSibling(of: items[1]) == items[0])
        #expect(document.nextSibling(of: items[1]) == nil)
        #expect(document.lastChild(of: list) == items[1])
    }

    @Test func fencedCodeKeepsItsInfoString() throws {
        let document = Document.parse("```swift {linenos=true}\nlet x = 1\n```\n")
        let code = try first(.codeBlock, in: document)
        #expect(document.info(of: code) == "swift {linenos=true}")
        #expect(document.literal(of: code) == "let x = 1\n")
        #expect(document.info(of: document.root) == nil)
    }

    @Test func tableCellsKnowTheirAlignment() throws {
        let document = Document.parse("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n", options: .gfm)
        let row = try #require(document.firstChild(of: try first(.table, in: document)))
        #expect(document.children(of: row).map { document.alignment(of: $0) } == [.left, .center, .right])
        #expect(document.alignment(of: row) == TableAlignment.none)
    }

    @Test func alertsFootnotesAndMath() throws {
        let source = "> [!WARNING]\n> Careful.\n\nSee[^n] and $a$ or\n\n$$\nb\n$$\n\n[^n]: The note.\n"
        let document = Document.parse(source, options: .site)
        #expect(document.alertKind(of: try first(.alert, in: document)) == .warning)
        #expect(document.footnoteLabel(of: try first(.footnoteReference, in: document)) == "n")
        #expect(document.footnoteLabel(of: try first(.footnoteDefinition, in: document)) == "n")
        #expect(!document.isDisplayMath(try first(.math, in: document)))
        #expect(document.isDisplayMath(try first(.mathBlock, in: document)))
        #expect(document.plainText(of: try first(.paragraph, in: document)).hasPrefix("Careful."))
    }

    @Test func imagesCarryTheirIDAndTitle() throws {
        let document = Document.parse("![A plot](plot.png \"The plot\"){#fig-plot}\n", options: .site)
        let image = try first(.image, in: document)
        #expect(document.destination(of: image) == "plot.png")
        #expect(document.title(of: image) == "The plot")
        #expect(document.imageID(of: image) == "fig-plot")
        #expect(document.plainText(of: image) == "A plot")
    }

    @Test func descendantsAreInDocumentOrderAndCountEveryNode() {
        let document = Document.parse("# A\n\nb *c*\n")
        let kinds = document.descendants(of: document.root).map { document.kind(of: $0) }
        #expect(kinds == [.document, .heading, .text, .paragraph, .text, .emphasis, .text])
        #expect(document.nodeCount >= kinds.count)
    }
}
