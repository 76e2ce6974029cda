import Foundation
import Testing
@testable import Site

/// A Hugo site's own render hooks (`layouts/_markup/render-*.html`), run by the Go template engine.
/// Expected outputs were taken from Hugo 0.168 on the same files.
@Suite struct RenderHookTests {
    /// Builds a one-page site with `layouts` (path under `layouts/` → template) and returns the
    /// page's article body.
    private func body(_ markdown: String, layouts: [String: String], config: String = "") throws -> String {
        var files = [
            "hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"T\"\n" + config,
            "content/p.md": "---\ntitle: P\n---\n" + markdown,
        ]
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
        let html = try body(
            "```bash\necho hi\n```\n\n```nosuchlang\na < b\n```\n",
            layouts: ["_default/_markup/render-codeblock.html": Self.highlightingHook])
        #expect(
            html.contains(
                "<div class=\"highlight\">\n  <pre class=\"chroma\"><code><span class=\"line\"><span class=\"cl\"><span class=\"nb\">echo</span> hi"))
        #expect(html.contains("<div class=\"highlight\">\n  <pre>a &lt; b</pre>\n</div>"))
        #expect(!html.contains("data-lang"))
    }
}

extension RenderHookTests {
    static let body =
        "## A *big* `x` heading\n\nSee [the *docs*](https://a.org/x \"T & t\") and <https://auto.org>.\n\n![A *cat* & dog](/cat.png \"Cat\")\n\nText ![two](b.png) here.\n"

    static let layouts = [
        "_default/_markup/render-link.html":
            "<a href=\"{{ .Destination | safeURL }}\"{{ with .Title }} title=\"{{ . }}\"{{ end }} data-plain=\"{{ .PlainText }}\">{{ .Text }}</a>\n{{- /**/ -}}\n",
        "_default/_markup/render-image.html":
            "<img src=\"{{ .Destination | safeURL }}\" alt=\"{{ .PlainText }}\" data-text=\"{{ .Text }}\" data-n=\"{{ .Ordinal }}\"{{ with .Title }} title=\"{{ . }}\"{{ end }}>\n{{- /**/ -}}\n",
        "blog/_markup/render-heading.html":
            "<h{{ .Level }} id=\"{{ .Anchor | safeURL }}\" data-plain=\"{{ .PlainText }}\">{{ .Text | safeHTML }}</h{{ .Level }}>\n",
    ]

    /// Hugo 0.168's output for `body` in content/blog/p.md.
    static let hugo = """
        <h2 id="a-big-x-heading" data-plain="A big x heading">A <em>big</em> <code>x</code> heading</h2>
        <p>See <a href="https://a.org/x" title="T &amp; t" data-plain="the docs">the <em>docs</em></a> and <a href="https://auto.org" data-plain="https://auto.org">https://auto.org</a>.</p>
        <p><img src="/cat.png" alt="A cat &amp; dog" data-text="A cat &amp; dog" data-n="0" title="Cat"></p>
        <p>Text <img src="b.png" alt="two" data-text="two" data-n="1"> here.</p>
        """

    private func build(_ path: String) throws -> String {
        var files = [
            "hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"T\"\n",
            path: "---\ntitle: P\n---\n" + Self.body, "static/cat.png": "png", "static/b.png": "png",
        ]
        for (layout, text) in Self.layouts { files["layouts/" + layout] = text }
        let (report, _) = try SiteFixtures.build(try SiteFixtures.makeSite(files), write: false)
        let url = "/" + path.dropFirst("content/".count).dropLast(3) + "/"
        return HugoFidelity.article(try #require(report.html(at: url)))
    }

    @Test func linkImageAndSectionHeadingHooksAsHugoRunsThem() throws {
        #expect(try build("content/blog/p.md") == Self.hugo)
    }

    @Test func aSectionsHeadingHookIsNotUsedElsewhere() throws {
        let html = try build("content/q.md")
        #expect(html.hasPrefix("<h2 id=\"a-big-x-heading\">A <em>big</em> <code>x</code> heading</h2>"))
        #expect(html.contains("data-plain=\"the docs\""))
    }

    @Test func aFailingHookIsReportedOnceAndTheLinkStillRenders() throws {
        var files = [
            "hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"T\"\n",
            "content/p.md": "---\ntitle: P\n---\n[a](https://a.org) and [b](https://b.org)\n",
            "layouts/_markup/render-link.html": "{{ .Destination | noSuchFunction }}",
        ]
        files["content/q.md"] = files["content/p.md"]
        let (report, _) = try SiteFixtures.build(try SiteFixtures.makeSite(files), write: false)
        #expect(
            HugoFidelity.article(try #require(report.html(at: "/p/"))) == "<p><a href=\"https://a.org\">a</a> and <a href=\"https://b.org\">b</a></p>"
        )
        let failures = report.warnings.filter { $0.message.contains("render hook layouts/_markup/render-link.html failed") }
        #expect(failures.count == 1)
    }

    /// Hugo runs `ref`/`relref` before the hook: its `.Destination` is the page's URL.
    @Test func aLinkHookSeesReferencesAsURLs() throws {
        let files = [
            "hugo.toml": "baseURL = \"https://example.org/sub/\"\ntitle = \"T\"\n",
            "layouts/_markup/render-link.html": "<a href=\"{{ .Destination | safeURL }}\">{{ .Text }}</a>\n{{- /**/ -}}\n",
            "content/docs/x.md": "---\ntitle: X\n---\nX\n",
            "content/p.md": "---\ntitle: P\n---\nSee [X]({{< relref \"/docs/x\" >}}) and [Y]({{< ref \"/docs/x\" >}}).\n",
        ]
        let (report, _) = try SiteFixtures.build(try SiteFixtures.makeSite(files), write: false)
        #expect(
            HugoFidelity.article(try #require(report.html(at: "/p/")))
                == "<p>See <a href=\"/sub/docs/x/\">X</a> and <a href=\"https://example.org/sub/docs/x/\">Y</a>.</p>")
    }

    /// Hugo lets templates write `.Site.Params` keys in any case (hugo-book's portable links read
    /// `.Page.Site.Params.BookPortableLinks` from `bookPortableLinks`).
    @Test func paramsKeysInAnyCase() throws {
        let files = [
            "hugo.toml": "baseURL = \"https://example.org/sub/\"\ntitle = \"T\"\n[params]\nBookPortableLinks = \"warning\"\n",
            "layouts/_markup/render-link.html":
                "{{ $d := .Destination }}{{ if .Page.Site.Params.BookPortableLinks }}{{ with .Page.GetPage .Destination }}{{ $d = .RelPermalink }}{{ end }}{{ end }}<a href=\"{{ $d | safeURL }}\">{{ .Text }}</a>\n{{- /**/ -}}\n",
            "content/docs/x.md": "---\ntitle: X\n---\nX\n",
            "content/p.md": "---\ntitle: P\n---\nSee [X](/docs/x/) [Z](/docs/x).\n",
        ]
        let (report, _) = try SiteFixtures.build(try SiteFixtures.makeSite(files), write: false)
        // Hugo 0.168 with hugo-book's own hook and partial on the same page.
        #expect(
            HugoFidelity.article(try #require(report.html(at: "/p/"))) == "<p>See <a href=\"/sub/docs/x/\">X</a> <a href=\"/sub/docs/x/\">Z</a>.</p>")
    }
}

/// What a hook's context carries beyond the text: attributes, options, the site's main sections.
/// Expected values from Hugo 0.168 on the same input.
@Suite struct RenderHookContextTests {
    private func body(_ markdown: String, layouts: [String: String]) throws -> String {
        var files = [
            "hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"T\"\n",
            "content/p.md": "---\ntitle: P\n---\n" + markdown,
            "content/posts/a.md": "---\ntitle: A\n---\nA\n", "content/posts/b.md": "---\ntitle: B\n---\nB\n",
        ]
        for (path, text) in layouts { files["layouts/" + path] = text }
        let (report, _) = try SiteFixtures.build(try SiteFixtures.makeSite(files), write: false)
        return HugoFidelity.article(try #require(report.html(at: "/p/")))
    }

    @Test func codeBlockAttributesAndOptionsAreSplitAsHugoSplitsThem() throws {
        let html = try body(
            "```toml {filename=\"hugo.toml\" linenos=true .myclass #myid}\na = 1\n```\n",
            layouts: [
                "_default/_markup/render-codeblock.html": "[A={{ .Attributes }} O={{ .Options }} T={{ .Type }}]"
            ])
        #expect(html.contains("[A=map[class:myclass filename:hugo.toml id:myid] O=map[linenos:true] T=toml]"))
    }

    @Test func headingAttributesCarryTheID() throws {
        let html = try body("## Plain\n", layouts: ["_default/_markup/render-heading.html": "[H A={{ .Attributes }} anchor={{ .Anchor }}]"])
        #expect(html.contains("[H A=map[id:plain] anchor=plain]"))
    }

    /// FixIt's hooks: `merge` over a missing page parameter, `return and …` in a partial, `site.MainSections`.
    @Test func hooksUsingMergeReturnAndMainSections() throws {
        let html = try body(
            "## Plain\n",
            layouts: [
                "partials/remote.html": "{{- return and (not (eq \"a\" \"\")) \"host\" -}}",
                "_default/_markup/render-heading.html":
                    "[{{ merge .Page.Params.nothing (dict \"a\" 1) }} {{ partial \"remote.html\" . }} {{ site.MainSections }}]",
            ])
        #expect(html.contains("[map[a:1] host [posts]]"))
    }
}

extension RenderHookContextTests {
    /// A block quote hook sees plain quotes and alerts; Hugo 0.168's output for the same page.
    @Test func blockQuoteHookForQuotesAndAlerts() throws {
        let hook = "<blockquote data-type=\"{{ .Type }}\" data-alert=\"{{ .AlertType }}\" data-n=\"{{ .Ordinal }}\">\n{{ .Text -}}\n</blockquote>\n"
        let html = try body(
            "> A *quote*\n> [link](https://a.org)\n\n> [!TIP]\n> Set `x` here.\n> Second line.\n\n> [!WARNING]\n> - item\n",
            layouts: ["_default/_markup/render-blockquote.html": hook])
        #expect(
            html == """
                <blockquote data-type="regular" data-alert="" data-n="0">
                <p>A <em>quote</em>
                <a href="https://a.org">link</a></p>
                </blockquote>
                <blockquote data-type="alert" data-alert="tip" data-n="1">
                <p>Set <code>x</code> here.
                Second line.</p></blockquote>
                <blockquote data-type="alert" data-alert="warning" data-n="2">
                <ul>
                <li>item</li>
                </ul></blockquote>
                """)
    }

    /// Obsidian-style alert titles and fold signs, and translations from nested i18n tables; Hugo
    /// 0.168's output for the same site.
    @Test func alertTitlesSignsAndNestedTranslations() throws {
        let site = try SiteFixtures.makeSite([
            "hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"T\"\ndefaultContentLanguage = \"zh\"\n[languages.zh]\nweight = 1\n",
            "layouts/_markup/render-blockquote-alert.html":
                "<div data-type=\"{{ .AlertType }}\" data-title=\"{{ .AlertTitle }}\" data-sign=\"{{ .AlertSign }}\">{{ or .AlertTitle (i18n (printf \"article.alert.%s\" .AlertType)) }}|{{ .Text }}</div>\n",
            "i18n/zh.toml": "[article]\nback = \"返回\"\n  [article.alert]\n  note = \"备注\"\n  tip = \"提示\"\n",
            "content/p.md":
                "---\ntitle: P\n---\n> [!NOTE] Custom *title* & more\n> Body one.\n\n> [!TIP]- \n> Body two.\n\n> [!NOTE]\n> Body three.\n",
        ])
        let (report, _) = try SiteFixtures.build(site, write: false)
        #expect(
            HugoFidelity.article(try #require(report.html(at: "/p/"))) == """
                <div data-type="note" data-title="Custom title &amp; more" data-sign="">Custom <em>title</em> &amp; more|<p>Body one.</p></div>
                <div data-type="tip" data-title="" data-sign="-">提示|<p>Body two.</p></div>
                <div data-type="note" data-title="" data-sign="">备注|<p>Body three.</p></div>
                """)
    }

    /// `render-blockquote-alert` takes the alerts; plain quotes keep collective's rendering.
    @Test func alertOnlyHook() throws {
        let html = try body(
            "> plain\n\n> [!NOTE]\n> noted\n", layouts: ["_markup/render-blockquote-alert.html": "<aside>{{ .AlertType }}: {{ .Text }}</aside>"])
        #expect(html.contains("<blockquote>\n<p>plain</p>\n</blockquote>"))
        #expect(html.contains("<aside>note: <p>noted</p></aside>"))
    }
}

extension RenderHookContextTests {
    /// `.Site.Config.Privacy`/`.Services` with Hugo's defaults, and the image predicates of `reflect`.
    @Test func siteConfigAndImagePredicates() throws {
        let shortcode = """
            [{{ .Page.Site.Config.Privacy.YouTube.PrivacyEnhanced }} {{ .Page.Site.Config.Privacy.Vimeo.Disable }} \
            {{ site.Config.Services.RSS.Limit }} {{ reflect.IsImageResource "x" }}]
            """
        let html = try body("{{< probe >}}\n", layouts: ["shortcodes/probe.html": shortcode])
        #expect(html.contains("[false false -1 false]"))
    }
}

extension RenderHookContextTests {
    /// A GIF's size is read from its header; collective processes no image, so none is "processable".
    @Test func imageResourcePredicates() throws {
        let shortcode = """
            {{ with .Page.Resources.Get "dot.gif" }}[{{ reflect.IsImageResource . }} {{ reflect.IsImageResourceWithMeta . }} \
            {{ reflect.IsImageResourceProcessable . }} {{ .Width }}x{{ .Height }}]{{ end }}
            """
        let site = try SiteFixtures.makeSite([
            "hugo.toml": "baseURL = \"https://example.org/\"\ntitle = \"T\"\n",
            "content/p/index.md": "---\ntitle: P\n---\n{{< probe >}}\n",
            "content/p/dot.gif": "GIF89a\u{03}\u{00}\u{02}\u{00}\u{00}\u{00}\u{00}",
            "layouts/shortcodes/probe.html": shortcode,
        ])
        let (report, _) = try SiteFixtures.build(site, write: false)
        #expect(HugoFidelity.article(try #require(report.html(at: "/p/"))).contains("[true true false 3x2]"))
    }
}

extension RenderHookContextTests {
    /// `transform.HighlightCodeBlock`'s `.Wrapped` is Chroma's markup, which themes rewrite with regular expressions.
    @Test func wrappedHighlightIsChromasMarkup() throws {
        let hook =
            #"{{ replaceRE `(<pre tabindex="0" class="chroma">[\s\S]*?</pre>)` `<div class="code-wrapper">$1</div>` (transform.HighlightCodeBlock .).Wrapped | safeHTML }}"#
        let html = try body("```go\nx := 1\n```\n", layouts: ["_default/_markup/render-codeblock.html": hook])
        #expect(
            html.hasPrefix(
                "<div class=\"highlight\"><div class=\"code-wrapper\"><pre tabindex=\"0\" class=\"chroma\"><code class=\"language-go\" data-lang=\"go\">"
            ))
    }
}

extension RenderHookContextTests {
    /// A `{{% %}}` call inside a `{{< >}}` one: its output is rendered as Markdown, as Hugo 0.168 does
    /// (hugo-book's `tabs`/`tab`).
    @Test func markdownCallInsideHTMLCallIsRenderedAsMarkdown() throws {
        let html = try body(
            "{{< outer >}}\n{{% inner %}}\nSome **bold** text.\n\n```go\nx := 1\n```\n{{% /inner %}}\n{{< /outer >}}\n",
            layouts: [
                "shortcodes/outer.html": "<div class=\"outer\">{{ .Inner }}</div>",
                "shortcodes/inner.html": "<section>\n{{ .Inner }}\n</section>",
            ])
        #expect(
            html.hasPrefix(
                "<div class=\"outer\">\n<section>\n<p>Some <strong>bold</strong> text.</p>\n<div class=\"highlight\"><pre class=\"chroma\"><code class=\"language-go\" data-lang=\"go\">"
            ))
        #expect(html.hasSuffix("</section>\n</div>"))
        // Only the content is Markdown: the template's own inline HTML gets no paragraph (hugo-book's tab).
        let tabs = try body(
            "{{< tabs >}}\n{{% tab \"YAML\" %}}\nSome **bold**.\n{{% /tab %}}\n{{< /tabs >}}\n",
            layouts: [
                "shortcodes/tabs.html": "<div class=\"tabs\">{{- .Inner -}}</div>",
                "shortcodes/tab.html":
                    "<input type=\"radio\" checked=\"checked\" />\n{{- /* x */ -}}\n<label>{{ .Get 0 }}</label>\n{{- /* x */ -}}\n<div class=\"c\">\n{{ .Inner -}}\n</div>",
            ])
        #expect(
            tabs.hasPrefix(
                "<div class=\"tabs\">\n<input type=\"radio\" checked=\"checked\" /><label>YAML</label><div class=\"c\">\n<p>Some <strong>bold</strong>.</p>"
            ))
    }
}

extension RenderHookContextTests {
    /// A built-in called inside a site shortcode's content ends up in that shortcode's output.
    @Test func builtInInsideSiteShortcode() throws {
        let html = try body("{{< media >}}{{< vimeo 42 >}}{{< /media >}}\n", layouts: ["shortcodes/media.html": "<figure>{{ .Inner }}</figure>"])
        #expect(html.hasPrefix("<figure><div style=\"position: relative;"))
        #expect(!html.contains("HAHA"))
    }
}
