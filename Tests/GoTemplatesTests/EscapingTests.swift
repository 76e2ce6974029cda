import GoTemplates
import Testing

@Suite struct EscapingTests {
    @Test func htmlText() throws {
        #expect(
            try html("<p>{{.}}</p>", #"<script>alert('x') & "y"+</script>"#)
                == "<p>&lt;script&gt;alert(&#39;x&#39;) &amp; &#34;y&#34;&#43;&lt;/script&gt;</p>")
        #expect(try html("{{.}}", .safe("<b>bold</b>", .html)) == "<b>bold</b>")
        #expect(try html("{{.}}", 42) == "42")
        #expect(try html("{{.}}", nil) == "")
        #expect(try html(#"{{ "<i>" | safeHTML }}"#) == "<i>")
        // A trailing `html` is not applied twice.
        #expect(try html("{{. | html}}", "<") == "&lt;")
    }

    @Test func attributes() throws {
        #expect(try html(#"<a title="{{.}}">"#, #"a"b<c'"#) == #"<a title="a&#34;b&lt;c&#39;">"#)
        #expect(try html("<a title='{{.}}'>", "it's") == "<a title='it&#39;s'>")
        #expect(try html("<a title={{.}}>", "a b=c") == "<a title=a&#32;b&#61;c>")
        #expect(try html("<a title={{.}}>", "") == "<a title=ZgotmplZ>")
        #expect(try html(#"<a title="{{.}}">"#, .safe("<b>bold</b> & more", .html)) == #"<a title="bold & more">"#)
        #expect(try html(#"<p class="x {{.}} y">"#, "big") == #"<p class="x big y">"#)
    }

    @Test func urls() throws {
        #expect(try html(##"<a href="{{.}}">"##, "javascript:alert(1)") == ##"<a href="#ZgotmplZ">"##)
        #expect(try html(##"<a href="{{.}}">"##, "JavaScript:alert(1)") == ##"<a href="#ZgotmplZ">"##)
        #expect(try html(#"<a href="{{.}}">"#, "http://example.com/a b?q=1&r=2") == #"<a href="http://example.com/a%20b?q=1&amp;r=2">"#)
        #expect(try html(#"<a href="{{.}}">"#, "mailto:me@example.com") == #"<a href="mailto:me@example.com">"#)
        #expect(try html(#"<a href="{{.}}">"#, "/path/ü") == #"<a href="/path/%c3%bc">"#)
        #expect(try html(#"<a href="{{.}}">"#, "/already%20encoded") == #"<a href="/already%20encoded">"#)
        #expect(try html(#"<a href="{{.}}">"#, .safe("javascript:void(0)", .url)) == #"<a href="javascript:void%280%29">"#)
        #expect(try html(#"<a href="/search?q={{.}}">"#, "a&b c/d") == #"<a href="/search?q=a%26b%20c%2fd">"#)
        #expect(try html(#"<a href="/p/{{.}}">"#, "x:y") == #"<a href="/p/x:y">"#)
        #expect(try html(##"<img src="{{.}}">"##, "data:image/png;base64,xyz") == ##"<img src="#ZgotmplZ">"##)
        #expect(try html(#"<img src={{.}}>"#, "/a b.png") == #"<img src=/a%20b.png>"#)
        #expect(try html(#"<a href="{{.A}}{{.B}}">"#, ["A": "/x", "B": "javascript:y"]) == #"<a href="/xjavascript:y">"#)
        #expect(try html(##"<form action="{{.}}">"##, "javascript:x") == ##"<form action="#ZgotmplZ">"##)
        #expect(try html(##"<a data-href="{{.}}">"##, "javascript:x") == ##"<a data-href="#ZgotmplZ">"##)
    }

    @Test func srcset() throws {
        #expect(try html(##"<img srcset="{{.}}">"##, "a.png 1x, javascript:x 2x") == ##"<img srcset="a.png 1x, #ZgotmplZ">"##)
        #expect(try html(#"<img srcset="{{.}}">"#, .safe("a.png 1x, b.png 2x", .srcset)) == #"<img srcset="a.png 1x, b.png 2x">"#)
    }

    @Test func javaScript() throws {
        #expect(try html("<script>var x = {{.}};</script>", "it's <b>") == #"<script>var x = "it's \u003cb\u003e";</script>"#)
        #expect(try html("<script>var x = {{.}};</script>", 42) == "<script>var x =  42 ;</script>")
        #expect(try html("<script>var x = {{.}};</script>", nil) == "<script>var x =  null ;</script>")
        #expect(try html("<script>var x = {{.}};</script>", ["b": [1, 2.5], "a": true]) == #"<script>var x = {"a":true,"b":[1,2.5]};</script>"#)
        #expect(
            try html(#"<script>var s = "{{.}}";</script>"#, #"a"b'c</script>"#) == #"<script>var s = "a\u0022b\u0027c\u003c\/script\u003e";</script>"#
        )
        #expect(try html("<script>var s = '{{.}}';</script>", "line\nbreak") == #"<script>var s = 'line\nbreak';</script>"#)
        #expect(try html("<script>{{.}}</script>", .safe("alert(1)", .js)) == "<script>alert(1)</script>")
        #expect(try html(#"<button onclick="f({{.}})">"#, "x") == #"<button onclick="f(&#34;x&#34;)">"#)
        #expect(try html(#"<script>var re = /{{.}}/;</script>"#, "a.b") == #"<script>var re = /a\.b/;</script>"#)
        #expect(try html("<script>var a = 1; // note {{.}}\nvar b = 2; /* gone */</script>", "x") == "<script>var a = 1; \nvar b = 2; </script>")
        #expect(try html("<script>var x = 4 / {{.}};</script>", 2) == "<script>var x = 4 /  2 ;</script>")
    }

    @Test func scriptTypes() throws {
        #expect(try html(#"<script type="text/template">{{.}}</script>"#, "<b>") == #"<script type="text/template">&lt;b&gt;</script>"#)
        #expect(
            try html(#"<script type="application/ld+json">{{.}}</script>"#, ["name": "A&B"])
                == #"<script type="application/ld+json">{"name":"A\u0026B"}</script>"#)
    }

    @Test func css() throws {
        #expect(try html(#"<p style="color: {{.}}">"#, "red") == #"<p style="color: red">"#)
        #expect(try html(#"<p style="color: {{.}}">"#, "#fff") == #"<p style="color: #fff">"#)
        #expect(try html(#"<p style="width: {{.}}">"#, "expression(alert(1))") == #"<p style="width: ZgotmplZ">"#)
        #expect(try html(#"<p style="color: {{.}}">"#, "red; background: url(x)") == #"<p style="color: ZgotmplZ">"#)
        #expect(try html("<style>p { color: {{.}} }</style>", "blue") == "<style>p { color: blue }</style>")
        #expect(try html("<style>p { color: {{.}} }</style>", .safe("red;x:y", .css)) == "<style>p { color: red;x:y }</style>")
        #expect(try html(#"<style>p { background: url("{{.}}") }</style>"#, "/a b.png") == #"<style>p { background: url("/a%20b.png") }</style>"#)
        #expect(try html(#"<style>p::after { content: "x{{.}}" }</style>"#, #"a"b"#) == #"<style>p::after { content: "xa\22 b" }</style>"#)
        #expect(try html("<style>/* comment */p { }</style>") == "<style>p { }</style>")
    }

    @Test func rcdata() throws {
        #expect(try html("<textarea>{{.}}</textarea>", "</textarea><b>") == "<textarea>&lt;/textarea&gt;&lt;b&gt;</textarea>")
        #expect(try html("<title>{{.}}</title>", .safe("<b>x</b> &amp;", .html)) == "<title>&lt;b&gt;x&lt;/b&gt; &amp;</title>")
        #expect(try html("<title>{{.}}</title><p>{{.}}</p>", "<") == "<title>&lt;</title><p>&lt;</p>")
    }

    @Test func comments() throws {
        #expect(try html("a<!-- secret {{.}} -->b", "x") == "ab")
        #expect(failure("a<!-- unclosed", mode: .html)?.kind == .escape)
        #expect(try text("a<!-- kept in text mode -->b") == "a<!-- kept in text mode -->b")
    }

    @Test func attributeNames() throws {
        #expect(try html("<input {{.}}>", "checked") == "<input checked>")
        #expect(try html("<input {{.}}>", "onclick=alert(1)") == "<input ZgotmplZ>")
        #expect(try html("<input {{.}}>", "onclick") == "<input ZgotmplZ>")
        #expect(try html("<input {{.}}>", .safe(#"data-x="1""#, .htmlAttr)) == #"<input data-x="1">"#)
        #expect(try html(#"<input {{if .}}checked{{end}} type="checkbox">"#, true) == #"<input checked type="checkbox">"#)
        #expect(try html(#"<input {{if .}}checked{{end}} type="checkbox">"#, false) == #"<input  type="checkbox">"#)
    }

    @Test func branchesAndLoops() throws {
        #expect(try html(#"<a href="{{if .}}/yes{{else}}/no{{end}}">"#, true) == #"<a href="/yes">"#)
        #expect(try html("<ul>{{range .}}<li>{{.}}</li>{{end}}</ul>", ["<a>", "b"]) == "<ul><li>&lt;a&gt;</li><li>b</li></ul>")
        #expect(try html(##"{{range .}}<a href="{{.}}">x</a>{{end}}"##, ["/a", "javascript:b"]) == ##"<a href="/a">x</a><a href="#ZgotmplZ">x</a>"##)
        let error = failure(#"{{if .}}<a href="{{else}}<b>{{end}}"#, true, mode: .html)
        #expect(error?.kind == .escape)
        #expect(error?.message.hasPrefix("{{if}} branches end in different contexts") == true)
    }

    @Test func templatesInContext() throws {
        let source = #"{{define "u"}}{{.}}{{end}}<a href="{{template "u" .}}">{{template "u" .}}</a>"#
        #expect(try html(source, "javascript:x<") == ##"<a href="#ZgotmplZ">javascript:x&lt;</a>"##)
        let set = try TemplateSet(mode: .html).adding([
            ("page", #"<script>var data = {{template "data" .}};</script>"#),
            ("data", "{{.}}"),
        ])
        #expect(try set.execute("page", data: "s") == #"<script>var data = "s";</script>"#)
        #expect(try set.execute("data", data: "<") == "&lt;")
    }

    @Test func nonTextEnding() {
        let error = failure(#"<a href="{{.}}"#, "x", mode: .html)
        #expect(error?.kind == .escape)
        #expect(error?.message.contains("ends in a non-text context") == true)
    }

    @Test func hugoStyleShortcode() throws {
        let source = """
            <figure{{ with .class }} class="{{ . }}"{{ end }}>
              <img src="{{ .src }}" alt="{{ .alt }}"{{ with .width }} width="{{ . }}"{{ end }}>
              {{- with .caption }}<figcaption>{{ . | safeHTML }}</figcaption>{{ end }}
            </figure>
            """
        let data: GoValue = ["src": "/img/a b.png", "alt": "A \"quoted\" <alt>", "caption": "<em>Fig 1</em>", "width": 300]
        #expect(
            try html(source, data) == """
                <figure>
                  <img src="/img/a%20b.png" alt="A &#34;quoted&#34; &lt;alt&gt;" width="300"><figcaption><em>Fig 1</em></figcaption>
                </figure>
                """)
    }
}
