import GoTemplates
import Testing

/// Shortcodes and render hooks written the way Hugo sites write them.
@Suite struct HugoPatternTests {
    /// A shortcode object: `.Get` by position or name, `.Inner`, `.Page.Title`.
    struct Shortcode: GoObject {
        let positional: [String]
        let named: [String: String]
        let inner: String
        var goTypeName: String { "*hugolib.ShortcodeWithPage" }

        func member(_ name: String, arguments: [GoValue]) throws -> GoValue? {
            switch name {
            case "Get":
                guard let key = arguments.first else { throw GoFunctionError("Get needs a key") }
                if case .int(let index) = key { return index < positional.count ? .string(positional[index]) : .null }
                return named[key.stringValue ?? ""].map(GoValue.string) ?? .null
            case "Inner": return .safe(inner, .html)
            case "IsNamedParams": return .bool(!named.isEmpty)
            case "Page": return ["Title": "My post", "Params": ["author": "Ann"]]
            default: return nil
            }
        }
    }

    func render(_ source: String, _ shortcode: Shortcode) throws -> String {
        try TemplateSet(name: "shortcodes/x.html", source: source, mode: .html).execute("shortcodes/x.html", data: .object(shortcode))
    }

    @Test func alertShortcode() throws {
        let source = """
            {{- $type := .Get "type" | default "note" -}}
            <div class="alert alert-{{ $type }}">
              <p class="alert-title">{{ $type | title }}</p>
              {{ .Inner }}
            </div>
            """
        let output = try render(source, Shortcode(positional: [], named: ["type": "warning"], inner: "<p>Careful & calm</p>"))
        #expect(
            output == """
                <div class="alert alert-warning">
                  <p class="alert-title">Warning</p>
                  <p>Careful & calm</p>
                </div>
                """)
    }

    @Test func positionalOrNamed() throws {
        let source =
            #"{{ $src := cond .IsNamedParams (.Get "src") (.Get 0) }}<img src="{{ $src }}" alt="{{ with .Get "alt" }}{{ . }}{{ else }}{{ .Page.Title }}{{ end }}">"#
        #expect(try render(source, Shortcode(positional: ["/a.png"], named: [:], inner: "")) == #"<img src="/a.png" alt="My post">"#)
        #expect(
            try render(source, Shortcode(positional: [], named: ["src": "b c.png", "alt": "\"B\""], inner: ""))
                == #"<img src="b%20c.png" alt="&#34;B&#34;">"#)
    }

    @Test func linkRenderHook() throws {
        let source =
            #"<a href="{{ .Destination | safeURL }}"{{ with .Title }} title="{{ . }}"{{ end }}{{ if strings.HasPrefix .Destination "http" }} target="_blank" rel="noopener"{{ end }}>{{ .Text | safeHTML }}</a>"#
        let set = try TemplateSet(name: "_markup/render-link.html", source: source, mode: .html)
        let external: GoValue = ["Destination": "https://example.com/?a=1&b=2", "Title": "Ex & co", "Text": "<em>site</em>"]
        #expect(
            try set.execute("_markup/render-link.html", data: external)
                == #"<a href="https://example.com/?a=1&amp;b=2" title="Ex &amp; co" target="_blank" rel="noopener"><em>site</em></a>"#)
        let local: GoValue = ["Destination": "/posts/x/", "Title": "", "Text": "x"]
        #expect(try set.execute("_markup/render-link.html", data: local) == #"<a href="/posts/x/">x</a>"#)
    }

    @Test func headingRenderHook() throws {
        let source = ##"<h{{ .Level }} id="{{ .Anchor }}">{{ .Text | safeHTML }} <a class="anchor" href="#{{ .Anchor }}">#</a></h{{ .Level }}>"##
        let data: GoValue = ["Level": 2, "Anchor": "intro-x", "Text": "Intro <code>x</code>"]
        #expect(
            try TemplateSet(name: "h", source: source, mode: .html).execute("h", data: data)
                == ##"<h2 id="intro-x">Intro <code>x</code> <a class="anchor" href="#intro-x">#</a></h2>"##)
    }

    @Test func partialsAndDictionaries() throws {
        var functions = FunctionRegistry.standard
        functions.register("partial") { args, context in
            let name = "partials/" + (args.first?.stringValue ?? "")
            return .safe(try context.execute(name, data: args.count > 1 ? args[1] : .null), .html)
        }
        let set = try TemplateSet(mode: .html, functions: functions).adding([
            ("shortcodes/card.html", #"{{ partial "card.html" (dict "title" (.Get "title") "tags" (slice "a" "b")) }}"#),
            (
                "partials/card.html",
                #"<div class="card"><h3>{{ .title }}</h3>{{ range $i, $t := .tags }}{{ if $i }}, {{ end }}<span>{{ $t }}</span>{{ end }}</div>"#
            ),
        ])
        let output = try set.execute("shortcodes/card.html", data: .object(Shortcode(positional: [], named: ["title": "A <b>"], inner: "")))
        #expect(output == #"<div class="card"><h3>A &lt;b&gt;</h3><span>a</span>, <span>b</span></div>"#)
    }

    @Test func inlineSVGAndStyle() throws {
        let source =
            #"<svg width="{{ .w }}" height="{{ .h }}" viewBox="0 0 {{ .w }} {{ .h }}"><circle cx="{{ div .w 2 }}" r="5" style="fill: {{ .color }}"/></svg>"#
        #expect(
            try html(source, ["w": 100, "h": 50, "color": "red"])
                == #"<svg width="100" height="50" viewBox="0 0 100 50"><circle cx="50" r="5" style="fill: red"/></svg>"#)
    }

    @Test func mermaidScriptsKeepTheirText() throws {
        let source =
            #"<pre class="mermaid">{{ .Inner | safeHTML }}</pre>{{ if not (.Page.Params.mermaid) }}<script type="module">import m from "/m.js"; m.initialize({ startOnLoad: true });</script>{{ end }}"#
        let output = try render(source, Shortcode(positional: [], named: [:], inner: "graph TD; A-->B"))
        #expect(
            output
                == #"<pre class="mermaid">graph TD; A-->B</pre><script type="module">import m from "/m.js"; m.initialize({ startOnLoad: true });</script>"#
        )
    }

    @Test func baseofBlocks() throws {
        let set = try TemplateSet(mode: .html).adding([
            (
                "_default/baseof.html",
                #"<html><head><title>{{ block "title" . }}{{ .Site }}{{ end }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>"#
            ),
            (
                "_default/single.html",
                #"{{ define "title" }}{{ .Title }} | {{ .Site }}{{ end }}{{ define "main" }}<article>{{ .Content }}</article>{{ end }}"#
            ),
        ])
        let data: GoValue = ["Site": "S", "Title": "T<", "Content": .safe("<p>hi</p>", .html)]
        #expect(
            try set.execute("_default/baseof.html", data: data)
                == "<html><head><title>T&lt; | S</title></head><body><article><p>hi</p></article></body></html>")
    }
}
