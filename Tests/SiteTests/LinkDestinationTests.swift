import Testing
@testable import Site

/// `ref`/`relref` targets cross the Markdown parser as text; only ``LinkDestination`` reads it back.
struct LinkDestinationTests {
    @Test func markersReadBackAsTheReferenceTheyWrite() {
        for destination in [
            LinkDestination.reference(path: "posts/a.md#part", absolute: true),
            .reference(path: "/docs/x", absolute: false), .reference(path: "", absolute: false),
        ] {
            #expect(LinkDestination(parsing: destination.marker) == destination)
        }
    }

    @Test func destinationsWrittenInMarkdownStayAsWritten() {
        for written in ["../other.md#x", "https://example.org/", "", "collective-refx"] {
            #expect(LinkDestination(parsing: written) == .markdown(written))
            #expect(LinkDestination.markdown(written).marker == written)
        }
    }

    @Test func messagesNameTheShortcodeAsTheAuthorWroteIt() {
        #expect(LinkDestination.reference(path: "gone.md", absolute: true).written == "ref \"gone.md\"")
        #expect(LinkDestination.reference(path: "gone.md", absolute: false).written == "relref \"gone.md\"")
        #expect(LinkDestination.markdown("b.md").written == "b.md")
        #expect(LinkDestination.reference(path: "a.md", absolute: false).referencePath == "a.md")
        #expect(LinkDestination.markdown("a.md").referencePath == nil)
    }
}
