import Foundation
import Testing
@testable import Site

/// A Hugo site's own render hooks (`layouts/_markup/render-*.html`), run by the Go template engine.
/// Expected outputs were taken from Hugo 0.168 on the same files.
@Suite struct RenderHookTests {
    /// Builds a one-page site with `layouts` (path under `layouts/` → template) and returns the
    /// page's article body.
    private func body(_ markdown: String, layouts: [String: String], config: String = "") throws -> String {
        var files = ["hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"T\"\n" + config,
                     "content/p.md": "---\ntitle: P\n---\n" + markdown]
        for (path, text) in layouts { files["layouts/" + path] = text }
        let (report, _) = try SiteFixtures.build(try SiteFixtures.makeSite(files), write: false)
        return HugoFidelity.article(try #require(report.html(at: "/p/")))
    }

    /// The scientific-python theme's hook, written out: Chroma's lines inside the theme's own `pre`.
    static let highlightingHook = """
        {{ if transform.CanHighlight .Type }}
        <div class="highlight">
          <pre class="chroma"><code>
          {{- with transform.HighlightCodeBlock . -}}
          {{ .Inner | safeHTML }}
          {{- end -}}</code></pre>
        </div>
        {{- else -}}
        <div class="highlight">
          <pre>{{ .Inner }}</pre>
        </div>
        {{ end }}
        """

    @Test func codeBlockHookWithHugosHighlightingFunctions() throws {
        let html = try body("```bash\necho hi\n```\n\n```nosuchlang\na < b\n```\n",
                            layouts: ["_default/_markup/render-codeblock.html": Self.highlightingHook])
        #expect(html.contains("<div class=\"highlight\">\n  <pre class=\"chroma\"><code><span class=\"line\"><span class=\"cl\"><span class=\"nb\">echo</span> hi"))
        #expect(html.contains("<div class=\"highlight\">\n  <pre>a &lt; b</pre>\n</div>"))
        #expect(!html.contains("data-lang"))
    }
}
