import Foundation
import Testing
@testable import Site

/// A site's own Go-template shortcodes (issue 17), on a fixture written the way blogs write them,
/// compared with Hugo 0.168's output for the same fixture (`Fixtures/go-shortcodes-hugo/`).
@Suite struct GoShortcodeTests {
    static let built: Result<(BuildReport, URL), any Error> = Result {
        try SiteFixtures.build(SiteFixtures.site("go-shortcodes"))
    }

    private func page(_ path: String) throws -> String {
        let (_, output) = try Self.built.get()
        return try String(contentsOf: output.appendingPathComponent(path + "/index.html"), encoding: .utf8)
    }

    private func lines() throws -> [String] { try Self.built.get().0.lines }

    @Test func bundlePageMatchesHugo() throws {
        // Hugo's file is `{{ .Content }}` and the template's own newline.
        let expected = String(
            try String(contentsOf: SiteFixtures.site("go-shortcodes-hugo").appendingPathComponent("bundle.html"), encoding: .utf8).dropLast())
        let html = try page("posts/bundle")
        let start = try #require(html.range(of: "<div class=\"post-content\">"))
        let body = String(html[start.upperBound...])
        #expect(body.hasPrefix(expected + "</div>"), "got:\n\(body.prefix(expected.count + 20))")
    }

    @Test func siteTemplateWinsOverBuiltInFigure() throws {
        #expect(try page("posts/bundle").contains("<figure class=\"site-figure\"><img src=\"/x.png\"><figcaption>Mine</figcaption></figure>"))
    }

    @Test func themeShortcodeIsFound() throws {
        #expect(try page("posts/bundle").contains("<span class=\"badge\">NEW</span>"))
    }

    @Test func unknownShortcodeKeepsItsInnerContent() throws {
        let html = try page("posts/unknown")
        #expect(html.contains("<p>Kept <em>inner</em></p>"))
        #expect(html.contains("<p>Also <strong>kept</strong>.</p>"))
        let messages = try lines()
        #expect(messages.contains { $0.hasPrefix("content/posts/unknown.md:7:1: warning: unknown shortcode \"unknownthing\"") })
        #expect(messages.contains { $0.hasPrefix("content/posts/unknown.md:9:1: warning: unknown shortcode \"alsounknown\"") })
        #expect(!messages.contains { $0.contains(".mustache") })
    }

    @Test func aParagraphEndsWhereTheShortcodesFirstBlockStarts() throws {
        // Hugo writes `<p><link …>\n<div>x</div>\n<div>x</div></p>`; a browser ends the
        // paragraph at the first `<div>`, and so do we, in valid HTML.
        let body = try HugoFidelity.body(
            "{{< lead >}}\n{{< box >}}\n\nText {{< box >}} more.\n",
            files: [
                "layouts/shortcodes/lead.html": "<link rel=\"stylesheet\" href=\"/a.css\" />\n<div>x</div>",
                "layouts/shortcodes/box.html": "<!-- a comment -->\n<div>x</div>",
            ])
        #expect(
            body == """
                <p><link rel="stylesheet" href="/a.css" />
                </p><div>x</div>

                <div>x</div>
                <p>Text </p>
                <div>x</div> more.
                """)
    }

    @Test func aMarkdownCallInsideAnHTMLCallUsesTheSitesRenderHooks() throws {
        // Hugo 0.168's output for the same files: the `{{% tab %}}` content goes through the
        // site's code block hook, fence attributes included.
        let body = try HugoFidelity.body(
            "{{< tabs >}}\n{{% tab %}}\nSome *text*.\n\n```toml {filename=hugo.toml}\ntheme = 'x'\n```\n{{% /tab %}}\n{{< /tabs >}}\n",
            files: [
                "layouts/shortcodes/tabs.html": "<div class=\"tabs\">{{ .Inner }}</div>",
                "layouts/shortcodes/tab.html": "<section>{{ .Inner }}</section>",
                "layouts/_markup/render-codeblock.html":
                    "{{ with .Attributes.filename }}<code class=\"fn\">{{ . }}</code>{{ end }}<pre data-hook=\"{{ .Type }}\">{{ .Inner }}</pre>\n",
            ])
        #expect(
            body == """
                <div class="tabs">
                <section><p>Some <em>text</em>.</p>
                <code class="fn">hugo.toml</code><pre data-hook="toml">theme = &#39;x&#39;</pre>
                </section>
                </div>
                """)
    }

    @Test func texAShortcodeWritesForTheBrowserIsTypesetAtBuildTime() throws {
        // hugo-book's katex shortcode writes `\( … \)` for KaTeX in the reader's browser.
        let body = try HugoFidelity.body(
            "| a | b |\n|---|---|\n| x | {{< katex >}}\\pi(x){{< /katex >}} |\n\n{{< katex display=true >}}e^{i\\pi}{{< /katex >}}\n",
            files: [
                "layouts/shortcodes/katex.html":
                    "{{ if .Get \"display\" }}<div class=\"k\">{{ printf \"\\\\[ %s \\\\]\" .Inner }}</div>{{ else }}<span class=\"k\">{{ printf \"\\\\( %s \\\\)\" .Inner }}</span>{{ end }}"
            ])
        #expect(!body.contains("\\("), "\(body)")
        #expect(!body.contains("\\["), "\(body)")
        #expect(body.contains("<span class=\"k\"><math"), "\(body)")
        #expect(body.contains("<annotation encoding=\"application/x-tex\"> \\pi(x) </annotation>"))
        #expect(body.contains("<div class=\"k\"><math") && body.contains("display=\"block\""))
    }

    @Test func anIndentedCodeBlockNeverReachesTheCodeBlockHook() throws {
        // Hugo 0.168: `<pre><code>indented code\n</code></pre>` and the hook's output for the fence.
        let body = try HugoFidelity.body(
            "Para.\n\n    indented code\n\n```\nfenced\n```\n",
            files: [
                "layouts/_markup/render-codeblock.html": "<pre data-hook=\"{{ .Type }}\">{{ .Inner }}</pre>\n"
            ])
        #expect(body.contains("<pre data-hook=\"\">fenced</pre>"))
        #expect(!body.contains("<pre data-hook=\"\">indented"))
        #expect(body.contains("indented code"))
    }

    @Test func markdownifySeesTheHTMLOfNestedCalls() throws {
        // Hugo 0.168: the badge's link stays in its paragraph when the box renders its inner Markdown.
        let body = try HugoFidelity.body(
            "{{< box >}}\n{{< badge >}}\n\nSome **text**.\n{{< /box >}}\n",
            files: [
                "layouts/shortcodes/box.html": "<div class=\"box\">{{ .Inner | .Page.RenderString }}</div>",
                "layouts/shortcodes/badge.html": "<a href=\"/x/\"><img src=\"/b.svg\" alt=\"B\"></a>",
            ])
        #expect(body == "<div class=\"box\"><p><a href=\"/x/\"><img src=\"/b.svg\" alt=\"B\"></a></p>\n<p>Some <strong>text</strong>.</p>\n</div>")
    }

    @Test func parseErrorNamesTheTemplateFile() throws {
        #expect(try lines().contains { $0.hasPrefix("layouts/shortcodes/badparse.html:1:") })
    }

    @Test func failingTemplateIsReportedAndKeepsInner() throws {
        let html = try page("posts/errors")
        #expect(html.contains("Inner of a <em>broken</em> call"))
        // At the template's line and column, while building the page that calls it (line 5).
        let line = try #require(try lines().first { $0.contains("shortcode \"broken\" failed") })
        #expect(line.hasPrefix("layouts/shortcodes/broken.html:2:4: warning: shortcode \"broken\" failed: executing"))
        #expect(line.hasSuffix("its inner content is shown instead (while building content/posts/errors.md:5:1)"))
    }

    @Test func readFileStaysInsideTheSite() throws {
        let html = try page("posts/errors")
        #expect(html.contains("Shortcode Fixture"))  // hugo.toml was read
        #expect(try lines().contains { $0.contains("shortcode \"include\" failed") && $0.contains("only files inside the site folder") })
    }

    @Test func networkFunctionsAreRefused() throws {
        #expect(try lines().contains { $0.contains("getJSON is refused") })
    }

    @Test func argumentsAreTypedAsHugoTypesThem() {
        let parsed = ShortcodeArgument.parse(#"{{< x true 3 "4" name = "a b" flag=false >}}"#[...])
        #expect(parsed?.name == "x")
        #expect(parsed?.positional.map(\.typeName) == ["bool", "int", "string"])
        #expect(parsed?.named.map(\.0) == ["name", "flag"])
    }

    @Test func goTimeLayouts() {
        let date = Date(timeIntervalSince1970: 1_709_287_200)  // 2024-03-01 10:00:00 UTC
        #expect(TimeObject.format(date, layout: "January 2, 2006") == "March 1, 2024")
        #expect(TimeObject.format(date, layout: "2006-01-02T15:04:05Z07:00") == "2024-03-01T10:00:00Z")
        #expect(TimeObject.format(date, layout: "Mon Jan _2 3:04PM") == "Fri Mar  1 10:00AM")
    }

    @Test func globsMatchAsHugoResources() {
        #expect(Glob.matches("*.png", "photo.PNG"))
        #expect(!Glob.matches("*.png", "images/photo.png"))
        #expect(Glob.matches("images/**", "images/a/b.jpg"))
        #expect(Glob.matches("**.{jpg,png}", "a/b.jpg"))
    }
}
