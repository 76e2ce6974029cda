import Foundation
import Testing
@testable import Site

/// Mermaid diagrams in pages (issue 24): fences and the shortcode become inline SVG, a site's own
/// `mermaid` shortcode wins, and a diagram that cannot be drawn shows its source with a located warning.
@Suite struct DiagramPageTests {
    static let config = "title = \"D\"\nbaseURL = \"https://example.org/\"\n"

    func build(_ files: [String: String]) throws -> (BuildReport, URL) {
        try SiteFixtures.build(try SiteFixtures.makeSite(["hugo.toml": Self.config].merging(files) { _, new in new }))
    }

    func page(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path + "/index.html"), encoding: .utf8)
    }

    @Test func fenceAndShortcodeBecomeInlineSVG() throws {
        let (report, output) = try build([
            "content/posts/d.md": """
            ---
            title: D
            ---
            Text.

            ```mermaid
            flowchart LR
              A[Start] --> B[End]
            ```

            {{< mermaid >}}
            sequenceDiagram
              Alice->>Bob: Hi
            {{< /mermaid >}}
            """
        ])
        #expect(report.lines.isEmpty, "\(report.lines)")
        let html = try page(output, "posts/d")
        #expect(html.contains("<figure class=\"diagram\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram-svg diagram-flowchart\""))
        #expect(html.contains("class=\"diagram-svg diagram-sequence\""))
        #expect(html.contains("Start leads to End."))
        #expect(html.contains("Alice to Bob: Hi."))
        #expect(!html.contains("language-mermaid"))
        // The theme's stylesheet carries the diagram colours for both schemes.
        let css = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("assets").path)
            .filter { $0.hasSuffix(".css") }
            .map { try String(contentsOf: output.appendingPathComponent("assets/" + $0), encoding: .utf8) }.joined()
        #expect(css.contains("--diagram-node:#1c2b39"))
    }

    @Test func errorShowsTheSourceAndWarnsWithFileLineAndColumn() throws {
        let (report, output) = try build([
            "content/posts/bad.md":
                "---\ntitle: Bad\n---\nIntro.\n\n```mermaid\nflowchart TD\n  A[open --> B\n```\n\n```mermaid\ngantt\n  title Plan\n```\n"
        ])
        #expect(
            report.lines == [
                "content/posts/bad.md:8:4: warning: diagram: `[` opens a node label that is never closed with `]`",
                "content/posts/bad.md:12:1: warning: diagram: `gantt` diagrams are not drawn yet; flowcharts (`flowchart`, `graph`), sequence, class and state diagrams (`sequenceDiagram`, `classDiagram`, `stateDiagram`) and pie charts (`pie`) are",
            ])
        let html = try page(output, "posts/bad")
        #expect(
            html.contains("<figure class=\"diagram-error\">\n<pre><code class=\"language-mermaid\">flowchart TD\n  A[open --&gt; B\n</code></pre>"))
        #expect(html.contains("<figcaption>Diagram not drawn (line 2, column 4: `[` opens a node label"))
        #expect(!html.contains("diagram-svg"))
    }

    @Test func sitesOwnMermaidShortcodeWins() throws {
        let (_, output) = try build([
            "layouts/shortcodes/mermaid.html": "<div class=\"mermaid\">{{ .Inner }}</div>",
            "content/posts/own.md": "---\ntitle: Own\n---\n{{< mermaid >}}\ngraph TD\nA-->B\n{{< /mermaid >}}\n",
        ])
        let html = try page(output, "posts/own")
        #expect(html.contains("<div class=\"mermaid\">"))
        #expect(!html.contains("diagram-svg"))
    }

    @Test func sitesOwnCodeBlockHookWins() throws {
        let (_, output) = try build([
            "layouts/_default/_markup/render-codeblock-mermaid.html": "<pre class=\"mermaid\">{{ .Inner }}</pre>",
            "content/posts/hook.md": "---\ntitle: Hook\n---\n```mermaid\ngraph TD\nA-->B\n```\n",
        ])
        let html = try page(output, "posts/hook")
        #expect(html.contains("<pre class=\"mermaid\">graph TD"))
        #expect(!html.contains("diagram-svg"))
    }
}
