import Foundation
import Markdown
import Testing
@testable import Site

/// goldmark's heading attribute lists (Hugo's `markup.goldmark.parser.attribute.title`, on by
/// default). Expected outputs were taken from Hugo 0.168 on the same text.
@Suite struct HeadingAttributeTests {
    /// A trailing attribute list gives the heading its id and other attributes; a plain `{#id}` keeps working.
    @Test func headingAttributeListsGiveIdsAndAttributes() {
        let html = renderHTML(
            "## Heading {id=\"h-custom\"}\n\n## Other {.c1 data-x=\"1\"}\n\n### With #id {#kept}\n\n## Not {a list}\n\n## Tail{.x}\n",
            options: .site)
        #expect(html.contains("<h2 id=\"h-custom\">Heading</h2>"), "\(html)")
        #expect(html.contains("<h2 id=\"other\" class=\"c1\" data-x=\"1\">Other</h2>"), "\(html)")
        #expect(html.contains("<h3 id=\"kept\">With #id</h3>"), "\(html)")
        #expect(html.contains("<h2 id=\"not-a-list\">Not {a list}</h2>"), "\(html)")
        #expect(html.contains("<h2 id=\"tail\" class=\"x\">Tail</h2>"), "\(html)")
    }

    /// `markup.goldmark.parser.attribute.title = false`: the list stays text (Hugo 0.168 gives
    /// `<h2 id="heading-idx">Heading {id=“x”}</h2>`).
    @Test func headingAttributesOffKeepsTheText() throws {
        let site = try SiteFixtures.makeSite([
            "hugo.toml": "baseURL = \"https://example.org/\"\n[markup.goldmark.parser.attribute]\ntitle = false\n",
            "content/q.md": "---\ntitle: Q\n---\n## Heading {id=\"x\"}\n",
        ])
        defer { try? FileManager.default.removeItem(at: site) }
        let (report, _) = try SiteFixtures.build(site, write: false)
        #expect(HugoFidelity.article(try #require(report.html(at: "/q/"))) == "<h2 id=\"heading-idx\">Heading {id=“x”}</h2>")
    }

    /// The attributes reach our theme's headings (Hugo 0.168 writes the same ones, the id last) and a
    /// site's heading hook (`.Attributes`, with the id).
    @Test func theThemeAndHeadingHooksSeeTheAttributes() throws {
        let page = "---\ntitle: P\n---\n## Other {.c1 data-x=\"a&b\"}\n\n## Plain\n"
        let themed = try SiteFixtures.makeSite(["hugo.toml": "baseURL = \"https://example.org/\"\n", "content/p.md": page])
        defer { try? FileManager.default.removeItem(at: themed) }
        let (report, _) = try SiteFixtures.build(themed, write: false)
        #expect(
            HugoFidelity.article(try #require(report.html(at: "/p/")))
                == "<h2 id=\"other\" class=\"c1\" data-x=\"a&amp;b\">Other</h2>\n<h2 id=\"plain\">Plain</h2>")

        let hooked = try SiteFixtures.makeSite([
            "hugo.toml": "baseURL = \"https://example.org/\"\n", "content/p.md": page,
            "layouts/_markup/render-heading.html":
                "<h{{ .Level }}{{ range $k, $v := .Attributes }} {{ $k }}=\"{{ $v }}\"{{ end }}>{{ .Text }}</h{{ .Level }}>",
        ])
        defer { try? FileManager.default.removeItem(at: hooked) }
        let (hookReport, _) = try SiteFixtures.build(hooked, write: false)
        // Hugo 0.168's output: html/template refuses the `data-x` name written by a template.
        #expect(
            HugoFidelity.article(try #require(hookReport.html(at: "/p/")))
                == "<h2 class=\"c1\" ZgotmplZ=\"a&amp;b\" id=\"other\">Other</h2>\n<h2 id=\"plain\">Plain</h2>")
    }
}
