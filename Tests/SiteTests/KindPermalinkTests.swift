import Foundation
import Testing
@testable import Site

/// Hugo's per-kind permalinks (`[permalinks.page]`, `[permalinks.section]`, Hugo ≥ 0.120), beside the
/// plain per-section form. Expected URLs taken from Hugo 0.168 on the same site.
@Suite struct KindPermalinkTests {
    @Test func pageAndSectionPatternsPlaceBundlesFilesAndSections() throws {
        let body = try HugoFidelity.body(
            "see [flat]({{< ref \"books/abbott-flatland\" >}}) and [n]({{< relref \"notes/n1.md\" >}}) and [books]({{< relref \"/books\" >}})\n",
            config: """
                [permalinks]
                  notes = "/n/:slug/"
                  [permalinks.page]
                    posts = "/posts/:filename/"
                    books = "/library/books/:filename/"
                  [permalinks.section]
                    books = "/library/books/"

                """,
            files: [
                "content/books/abbott-flatland.md": "---\ntitle: Flatland\n---\nf\n",
                "content/books/_index.md": "---\ntitle: Books\n---\n",
                "content/notes/n1.md": "---\ntitle: N1\n---\nn\n",
            ],
            path: "content/posts/2022/10/hd-sc2/index.md", url: "/posts/hd-sc2/")
        #expect(
            body
                == "<p>see <a href=\"https://example.org/library/books/abbott-flatland/\">flat</a> and <a href=\"/n/n1/\">n</a> and <a href=\"/library/books/\">books</a></p>",
            "got:\n\(body)")
    }
}
