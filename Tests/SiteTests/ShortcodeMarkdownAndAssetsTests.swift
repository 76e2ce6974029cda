import Foundation
import Testing
@testable import Site

/// Markdown that a site's shortcodes render (`markdownify`, `.RenderString`) goes through the
/// site's render hooks, and `assets/` files a shortcode asks the URL of are published, as Hugo
/// does. Expected outputs were taken from Hugo 0.168 on the same files.
@Suite struct ShortcodeMarkdownAndAssetsTests {
    static let files = [
        "hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"T\"\n",
        "layouts/_markup/render-image.html": "<figure><img src=\"{{ .Destination }}\" alt=\"{{ .PlainText }}\"></figure>",
        "layouts/_markup/render-link.html": "<a class=\"hooked\" href=\"{{ .Destination }}\">{{ .Text }}</a>",
        "layouts/_shortcodes/note.html": "<div class=\"note\">{{ .Inner | .Page.RenderString }}</div>",
        "layouts/_shortcodes/md.html": "<div class=\"md\">{{ .Inner | markdownify }}</div>",
        "layouts/_shortcodes/block.html": "<div class=\"block\">{{ .Inner | .Page.RenderString (dict \"display\" \"block\") }}</div>",
        "layouts/_shortcodes/badge.html": """
        {{- $r := resources.Get "svg/badge.svg" | resources.ExecuteAsTemplate "svg/badge-1.svg" (dict "n" (.Get 0)) | minify -}}
        <img src="{{ $r.RelPermalink }}" alt="badge">
        {{- $logo := resources.Get "/img/logo.png" -}}<img src="{{ $logo.RelPermalink }}" alt="logo">
        {{- $unused := resources.Get "img/unused.png" -}}
        """,
        "assets/svg/badge.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>{{ .n }}</text></svg>",
        "assets/img/logo.png": "PNG1",
        "assets/img/unused.png": "PNG2",
        "static/cat.png": "CAT",
        "content/p.md": """
        ---
        title: P
        ---
        {{< note >}}![Cat](/cat.png) and [a link](https://a.org/).{{< /note >}}

        {{< md >}}Just *text* with [x](https://b.org/){{< /md >}}

        {{< block >}}One paragraph.{{< /block >}}

        {{< badge 7 >}}

        """,
    ]

    /// Hugo 0.168's `.Content` for content/p.md.
    static let hugo = """
        <div class="note"><figure><img src="/cat.png" alt="Cat"></figure> and <a class="hooked" href="https://a.org/">a link</a>.</div>
        <div class="md">Just <em>text</em> with <a class="hooked" href="https://b.org/">x</a></div>
        <div class="block"><p>One paragraph.</p>
        </div>
        <img src="/svg/badge-1.min.svg" alt="badge"><img src="/img/logo.png" alt="logo">
        """

    @Test func shortcodeMarkdownUsesTheSiteHooksAndAssetsArePublished() throws {
        let (report, output) = try SiteFixtures.build(try SiteFixtures.makeSite(Self.files))
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(report.diagnostics.isEmpty, "\(report.lines)")
        let html = HugoFidelity.article(try #require(report.html(at: "/p/")))
        #expect(html.trimmingCharacters(in: .whitespacesAndNewlines) == Self.hugo)

        // The executed template under its minified name, the plain asset as it is, at the site's root;
        // an asset whose URL nothing asked for is not published.
        let badge = try String(contentsOf: output.appendingPathComponent("svg/badge-1.min.svg"), encoding: .utf8)
        #expect(badge == "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>7</text></svg>")
        #expect(try String(contentsOf: output.appendingPathComponent("img/logo.png"), encoding: .utf8) == "PNG1")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("img/unused.png").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("svg/badge.svg").path))
    }

    @Test func minifiedJSONLosesItsWhitespaceOnly() {
        #expect(JSONWhitespace.removed(from: "{ \"a b\": [1, 2],\n\t\"c\": \"x \\\" y\" }") == "{\"a b\":[1,2],\"c\":\"x \\\" y\"}")
    }

    /// A page that published assets is rendered again by a cached build, so the assets stay.
    @Test func aCachedRebuildStillPublishesTheAssets() throws {
        let site = try SiteFixtures.makeSite(Self.files)
        defer { try? FileManager.default.removeItem(at: site) }
        var builder = SiteBuilder(source: site)
        builder.useCache = true
        _ = try builder.build()
        try Data("---\ntitle: Q\n---\nNew.\n".utf8).write(to: site.appendingPathComponent("content/q.md"))
        let report = try builder.build()
        #expect(report.diagnostics.isEmpty, "\(report.lines)")
        let output = site.appendingPathComponent("public")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("svg/badge-1.min.svg").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("img/logo.png").path))
    }

    /// `resources.Concat` joins assets byte for byte under a new path; `resources.ByType` lists the
    /// assets of a main type (PaperMod's head and cover partials call both). Output as Hugo 0.168's.
    @Test func concatenatedAndTypedAssets() throws {
        let site = try SiteFixtures.makeSite([
            "hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"T\"\n",
            "assets/css/a.css": "a{color:red}",
            "assets/css/b.css": "b{color:blue}\n",
            "assets/img/p.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "layouts/shortcodes/bundle.html": """
            {{- $css := slice (resources.Get "css/a.css") (resources.Get "css/b.css") | resources.Concat "css/all.css" -}}
            <link href="{{ $css.RelPermalink }}" data-text="{{ $css.Content }}">
            {{- range resources.ByType "image" }}<img src="{{ .RelPermalink }}">{{ end -}}
            """,
            "content/posts/a.md": "---\ntitle: A\n---\n{{< bundle >}}\n",
        ])
        let (report, output) = try SiteFixtures.build(site)
        #expect(report.warnings.isEmpty, "\(report.lines)")
        let html = HugoFidelity.article(try #require(report.html(at: "/posts/a/")))
        #expect(html == "<link href=\"/css/all.css\" data-text=\"a{color:red}b{color:blue}\n\"><img src=\"/img/p.svg\">")
        #expect(try String(contentsOf: output.appendingPathComponent("css/all.css"), encoding: .utf8) == "a{color:red}b{color:blue}\n")
    }
}
