import Foundation
import Testing
@testable import Site

/// Hugo functions as site shortcodes use them on the blogs of the fidelity corpus (session 11).
/// Every expected output was taken from Hugo 0.168 on the same small site (`unsafe = true`).
@Suite struct ShortcodeFunctionFidelityTests {
    static let unsafe = "[markup.goldmark.renderer]\nunsafe = true\n"
    static let passthrough = """
        [markup.goldmark.extensions.passthrough]
        enable = true
        [markup.goldmark.extensions.passthrough.delimiters]
        block = [['\\[', '\\]'], ['$$', '$$']]
        inline = [['\\(', '\\)'], ['$', '$']]

        """
    static let note = """
        <div>{{ .Inner | markdownify }}</div>
        <img alt="{{ .Get "caption" | markdownify | plainify }}">
        """
    static let call = """
        {{<note caption="See $y=2x+1$ and [${}^{[1]}$](#footnotes) here">}}
        The rate is:
        $$
        P = 1
        $$
        {{</note>}}
        """

    @Test func plainifyGivesTypesetMathBackAsTeX() throws {
        // Hugo: `<img alt="See $y=2x&#43;1$ and ${}^{[1]}$ here">`, with or without passthrough.
        for config in [Self.unsafe, Self.unsafe + Self.passthrough] {
            let body = try HugoFidelity.body(Self.call, config: config, files: ["layouts/shortcodes/note.html": Self.note])
            #expect(body.contains("<img alt=\"See $y=2x&#43;1$ and ${}^{[1]}$ here\">"), "got:\n\(body)")
        }
    }

    @Test func markdownifyUnwrapsAParagraphWithDisplayMathUnlessPassthroughSplitsIt() throws {
        // Without passthrough, `$$` is text of the paragraph: Hugo gives `<div>The rate is:\n$$\nP = 1\n$$</div>`.
        let plain = try HugoFidelity.body(Self.call, config: Self.unsafe, files: ["layouts/shortcodes/note.html": Self.note])
        #expect(plain.hasPrefix("<div>The rate is:\n<math "), "got:\n\(plain)")
        // With passthrough the block ends the paragraph: `<div><p>The rate is:\n</p>\n$$\nP = 1\n$$</div>`.
        let kept = try HugoFidelity.body(
            Self.call, config: Self.unsafe + Self.passthrough, files: ["layouts/shortcodes/note.html": Self.note])
        #expect(kept.hasPrefix("<div><p>The rate is:"), "got:\n\(kept)")
    }

    @Test func unmarshalReadsAJSONArray() throws {
        let chat = """
            {{ $json := .Inner | unmarshal }}<ul>{{ range $json }}<li>{{ .role }}: {{ .content | markdownify }}</li>{{ end }}</ul>
            """
        let body = try HugoFidelity.body(
            """
            {{< chat >}}
            [
              {"role": "user", "content": "Hi *there*"},
              {"role": "assistant", "content": "Hello"}
            ]
            {{< /chat >}}
            """, config: Self.unsafe, files: ["layouts/shortcodes/chat.html": chat])
        #expect(body == "<ul><li>user: Hi <em>there</em></li><li>assistant: Hello</li></ul>", "got:\n\(body)")
    }

    @Test func refToAFileNameFindsTheBundleOfThatName() throws {
        // `posts/conv.md` names the bundle `posts/conv/index.md`, even when a page `conv.md` exists elsewhere.
        let body = try HugoFidelity.body(
            "An [app]({{< ref \"projects/delta.md\" >}}) and [c]({{< relref \"posts/conv.md\" >}}).\n",
            config: Self.unsafe,
            files: [
                "content/posts/conv/index.md": "---\ntitle: Conv\n---\nc\n",
                "content/external/conv.md": "---\ntitle: ExtConv\n---\nx\n",
                "content/projects/delta/index.md": "---\ntitle: Delta\n---\nd\n",
            ])
        #expect(body == "<p>An <a href=\"https://example.org/projects/delta/\">app</a> and <a href=\"/posts/conv/\">c</a>.</p>", "got:\n\(body)")
    }

    @Test func mathInASiteShortcodesMathNamedDivIsTypeset() throws {
        // Hugo writes `<div class="math-env">Lemma. $x$</div>`; the reader's renderer typesets it.
        let body = try HugoFidelity.body(
            "{{< env >}}Lemma. $x$ holds.{{< /env >}}\n", config: Self.unsafe,
            files: ["layouts/shortcodes/env.html": "<div class=\"math-env\">{{ .Inner }}</div>"])
        #expect(body.hasPrefix("<div class=\"math-env\">Lemma. <math "), "got:\n\(body)")
        #expect(body.contains("<annotation encoding=\"application/x-tex\">x</annotation>"))
    }

    static let tocPage = """
        {{< toc >}}

        # Top level

        ## Intro with *emph* and `code`

        ### Sub & more

        #### Deep

        ## Second

        #### Skipped level

        ## Third {#custom}
        """
    static let toc = "<details class=\"toc\"><summary>TOC</summary>\n    {{ .Page.TableOfContents }}\n</details>"

    @Test func tableOfContentsInAShortcodeOfThePage() throws {
        let body = try HugoFidelity.body(Self.tocPage, files: ["layouts/shortcodes/toc.html": Self.toc])
        let expected = """
            <details class="toc"><summary>TOC</summary>
                <nav id="TableOfContents">
              <ul>
                <li><a href="#intro-with-emph-and-code">Intro with <em>emph</em> and <code>code</code></a>
                  <ul>
                    <li><a href="#sub--more">Sub &amp; more</a></li>
                  </ul>
                </li>
                <li><a href="#second">Second</a>
                  <ul>
                    <li></li>
                  </ul>
                </li>
                <li><a href="#custom">Third</a></li>
              </ul>
            </nav>
            </details>
            """
        #expect(body.hasPrefix(expected), "got:\n\(body)")
    }

    @Test func tableOfContentsFollowsMarkupTableOfContents() throws {
        let body = try HugoFidelity.body(
            Self.tocPage, config: "[markup.tableOfContents]\nordered = true\nstartLevel = 1\nendLevel = 4\n",
            files: ["layouts/shortcodes/toc.html": Self.toc])
        let expected = """
            <details class="toc"><summary>TOC</summary>
                <nav id="TableOfContents">
              <ol>
                <li><a href="#top-level">Top level</a>
                  <ol>
                    <li><a href="#intro-with-emph-and-code">Intro with <em>emph</em> and <code>code</code></a>
                      <ol>
                        <li><a href="#sub--more">Sub &amp; more</a>
                          <ol>
                            <li><a href="#deep">Deep</a></li>
                          </ol>
                        </li>
                      </ol>
                    </li>
                    <li><a href="#second">Second</a>
                      <ol>
                        <li>
                          <ol>
                            <li><a href="#skipped-level">Skipped level</a></li>
                          </ol>
                        </li>
                      </ol>
                    </li>
                    <li><a href="#custom">Third</a></li>
                  </ol>
                </li>
              </ol>
            </nav>
            </details>
            """
        #expect(body.hasPrefix(expected), "got:\n\(body)")
        // A page without headings: Hugo's empty nav.
        let empty = try HugoFidelity.body("{{< toc >}}\n\nText.\n", files: ["layouts/shortcodes/toc.html": Self.toc])
        #expect(
            empty.hasPrefix("<details class=\"toc\"><summary>TOC</summary>\n    <nav id=\"TableOfContents\"></nav>\n</details>"),
            "got:\n\(empty)")
    }

    @Test func getPageFindsABareNameAnywhereInContent() throws {
        let link = "{{- with .Site.GetPage (.Get 0) -}}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{- else -}}[none]{{- end -}}"
        let body = try HugoFidelity.body(
            "{{< link kafka-the-trial >}} {{< link x >}} {{< link kafka-the-trial.md >}} {{< link books >}}\n",
            files: [
                "layouts/shortcodes/link.html": link,
                "content/books/kafka-the-trial.md": "---\ntitle: Trial\n---\nt\n",
                "content/posts/x/index.md": "---\ntitle: X\n---\nt\n",
            ])
        #expect(
            body
                == "<p><a href=\"/books/kafka-the-trial/\">Trial</a> <a href=\"/posts/x/\">X</a> <a href=\"/books/kafka-the-trial/\">Trial</a> <a href=\"/books/\">Books</a></p>",
            "got:\n\(body)")
    }

    @Test func pageParentIsTheSectionAbove() throws {
        // Hugo: `[Blog|Home|section]` for blog/x/index.md and `[Sub|Blog|section]` for blog/sub/y.md.
        let files = [
            "layouts/shortcodes/p.html": "[{{ .Page.Parent.Title }}|{{ .Page.Parent.Parent.Title }}|{{ .Page.Parent.Kind }}]",
            "content/_index.md": "---\ntitle: Home\n---\n",
            "content/blog/_index.md": "---\ntitle: Blog\n---\n",
            "content/blog/sub/_index.md": "---\ntitle: Sub\n---\n",
        ]
        let bundle = try HugoFidelity.body("{{< p >}}\n", files: files, path: "content/blog/x/index.md", url: "/blog/x/")
        #expect(bundle == "[Blog|Home|section]", "got:\n\(bundle)")
        let nested = try HugoFidelity.body("{{< p >}}\n", files: files, path: "content/blog/sub/y.md", url: "/blog/sub/y/")
        #expect(nested == "[Sub|Blog|section]", "got:\n\(nested)")
    }

    @Test func timeHasUnixNano() throws {
        // Hugo 0.168: `1704164645000000000 1704164645000000`.
        let body = try HugoFidelity.body(
            "{{< t >}}\n", files: ["layouts/shortcodes/t.html": "{{ $t := time \"2024-01-02T03:04:05Z\" }}{{ $t.UnixNano }} {{ $t.UnixMicro }}"])
        #expect(body == "1704164645000000000 1704164645000000", "got:\n\(body)")
    }

    @Test func indexOfNilIsNil() throws {
        // Hugo's collections.Index: `[|]` where Go's index would fail on the nil collection.
        let body = try HugoFidelity.body(
            "{{< ix a=1 >}}\n", files: ["layouts/shortcodes/ix.html": "[{{ index (index .Params \"nope\") \"x\" }}|{{ index nil \"a\" }}]"])
        #expect(body == "[|]", "got:\n\(body)")
    }

    @Test func aPartialNamedThroughAVariableIsFound() throws {
        // hugo-simplecite: `{{ $stylePath := "styles/ieee/main.html" }}{{ partial $stylePath . }}`.
        let body = try HugoFidelity.body(
            "{{< cite >}}\n",
            files: [
                "layouts/shortcodes/cite.html": "{{- $style := \"styles/ieee/main.html\" -}}[{{ partial $style \"x\" }}]",
                "layouts/partials/styles/ieee/main.html": "{{ partial \"styles/ieee/types/book\" . }}",
                "layouts/partials/styles/ieee/types/book.html": "book {{ . }}",
            ])
        #expect(body == "[book x]", "got:\n\(body)")
    }

    @Test func regularPagesRelatedToKeyValsByPublishDate() throws {
        let list = """
            {{ $posts := .Site.RegularPages.RelatedTo (keyVals "tags" (.Get 0)) }}<ul>
            {{- range $posts.ByPublishDate }}<li>{{ .Title }} {{ .Date.Format "2006-01-02" }}</li>{{ end -}}
            </ul> {{ len .Site.RegularPages }} {{ .Site.RegularPages.Len }} {{ range first 1 .Site.RegularPages.ByTitle }}{{ .Title }}{{ end }}
            {{- range (where .Site.RegularPages "Title" "B").Reverse }} {{ .Title }}{{ end }}
            """
        // Hugo 0.168: the two pages tagged exactly "Series X", oldest first; "series x" is another tag.
        let body = try HugoFidelity.body(
            "{{< tag-list \"Series X\" >}}\n",
            files: [
                "layouts/shortcodes/tag-list.html": list,
                "content/posts/b.md": "---\ntitle: B\ndate: 2021-08-10\ntags: [Series X, other]\n---\nb\n",
                "content/posts/a.md": "---\ntitle: A\ndate: 2021-08-03\ntags: [Series X]\n---\na\n",
                "content/posts/c.md": "---\ntitle: C\ndate: 2021-08-01\ntags: [series x]\n---\nc\n",
            ],
            path: "content/posts/l.md", url: "/posts/l/")
        #expect(body == "<ul><li>A 2021-08-03</li><li>B 2021-08-10</li></ul> 4 4 A B", "got:\n\(body)")
    }

    @Test func titleFollowsTitleCaseStyle() throws {
        let shortcode = "[{{ \"nonparametric cohen's d-consistent effect size\" | strings.Title }}|{{ title \"the p² quantile estimator\" }}]"
        // Hugo 0.168, per style.
        let expected = [
            "none": "[nonparametric cohen&#39;s d-consistent effect size|the p² quantile estimator]",
            "firstupper": "[Nonparametric cohen&#39;s d-consistent effect size|The p² quantile estimator]",
            "go": "[Nonparametric Cohen&#39;S D-Consistent Effect Size|The P² Quantile Estimator]",
            "ap": "[Nonparametric Cohen&#39;s D-Consistent Effect Size|The P² Quantile Estimator]",
        ]
        for (style, html) in expected {
            let body = try HugoFidelity.body(
                "{{< tt >}}\n", config: "titleCaseStyle = \"\(style)\"\n", files: ["layouts/shortcodes/tt.html": shortcode])
            #expect(body == html, "\(style): got\n\(body)")
        }
    }

    @Test func apTitleCasesTheWordsOfAHyphenatedWord() throws {
        let body = try HugoFidelity.body(
            "{{< tt >}}\n",
            files: [
                "layouts/shortcodes/tt.html":
                    "[{{ title \"a state-of-the-art method\" }}|{{ title \"one-to-one map\" }}|{{ title \"d-consistent\" }}|{{ title \"the end-of-line of a\" }}|{{ title \"x - y\" }}]"
            ])
        #expect(body == "[A State-of-the-Art Method|One-to-One Map|D-Consistent|The End-of-Line of A|X - Y]", "got:\n\(body)")
    }

    @Test func unmarshaledJSONNumbersAreFloats() throws {
        let shortcode = """
            {{ $d := `{"date-parts": [[2024, 7, 23]], "n": 3, "x": 1.5}` | transform.Unmarshal }}{{ $p := index (index $d "date-parts") 0 -}}
            [{{ print (index $p 0) "-" (printf "%02.f" (index $p 1)) "-" (printf "%02.f" (index $p 2)) }}|{{ $d.n }}|{{ add $d.n 1 }}|{{ $d.x }}|{{ printf "%T" $d.n }}]
            """
        let body = try HugoFidelity.body("{{< tt >}}\n", files: ["layouts/shortcodes/tt.html": shortcode])
        #expect(body == "[2024-07-23|3|4|1.5|float64]", "got:\n\(body)")
    }

    @Test func markdownCallsRunBeforeAngleCalls() throws {
        // A counter in .Page.Scratch: Hugo 0.168 runs every `{{% %}}` call (with what it holds)
        // before the `{{< >}}` calls, each kind in the page's order.
        let counter = """
            {{- with $.Page.Scratch.Get "c" -}}{{- $.Page.Scratch.Set "c" (add . 1) -}}{{- else -}}{{- $.Page.Scratch.Set "c" 1 -}}{{- end -}}
            <sup>{{ $.Page.Scratch.Get "c" }}</sup>[{{ .Inner }}]
            """
        let body = try HugoFidelity.body(
            """
            A{{< sn >}}a{{< /sn >}}

            {{< wrap >}}B{{< sn >}}b{{< /sn >}}{{< /wrap >}}

            C{{< sn >}}c{{< /sn >}}

            {{% wrap %}}D{{< sn >}}d{{< /sn >}}{{% /wrap %}}

            E{{% sn %}}e{{% /sn %}}

            F{{< sn >}}f{{< /sn >}}
            """, config: Self.unsafe,
            files: ["layouts/shortcodes/sn.html": counter + "\n", "layouts/shortcodes/wrap.html": "<div>{{ .Inner }}</div>"])
        let expected = """
            <p>A<sup>3</sup>[a]
            </p>
            <div>B<sup>4</sup>[b]
            </div>

            <p>C<sup>5</sup>[c]
            </p>
            <div>D<sup>1</sup>[d]
            </div>
            <p>E<sup>2</sup>[e]</p>
            <p>F<sup>6</sup>[f]
            </p>
            """
        // Blank lines between blocks aside (Hugo keeps one after the `{{< wrap >}}` div).
        #expect(body.replacingOccurrences(of: "\n\n", with: "\n") == expected.replacingOccurrences(of: "\n\n", with: "\n"), "got:\n\(body)")
    }

    @Test func aLanguagesTableTurnsOnTheEmbeddedLinkHook() throws {
        let markdown = "[pdf](my-thesis.pdf) and [raw](my%20thesis.pdf) and [none](nothing.pdf)\n"
        let files = ["content/unlisted/my thesis.pdf": "pdf\n"]
        // Hugo 0.168 with `[languages]` of one language: the bundle's file, found by Hugo's name for it.
        let declared = try HugoFidelity.body(
            markdown, config: "[languages]\n[languages.en]\nweight = 1\n", files: files, path: "content/unlisted/index.md",
            url: "/unlisted/")
        #expect(
            declared
                == "<p><a href=\"/unlisted/my%20thesis.pdf\">pdf</a> and <a href=\"/unlisted/my%20thesis.pdf\">raw</a> and "
                + "<a href=\"nothing.pdf\">none</a></p>",
            "got:\n\(declared)")
        // Without the table the links stay as written.
        let plain = try HugoFidelity.body(markdown, files: files, path: "content/unlisted/index.md", url: "/unlisted/")
        #expect(plain.hasPrefix("<p><a href=\"my-thesis.pdf\">pdf</a>"), "got:\n\(plain)")
    }

    @Test func aSummaryDividerInsideAParagraphEndsIt() throws {
        // Hugo 0.168: `<p>Hmm. It is <em>strange</em>.</p>\n<p>Furthermore, it is.\nNext line.</p>\n<p>Other.</p>`.
        let body = try HugoFidelity.body("Hmm. It is *strange*. <!--more--> Furthermore, it is.\nNext line.\n\nOther.\n")
        #expect(body == "<p>Hmm. It is <em>strange</em>.</p>\n<!--more-->\n<p>Furthermore, it is.\nNext line.</p>\n<p>Other.</p>", "got:\n\(body)")
        // At a paragraph's end (`A <!--more-->`), Hugo's `<p>A</p>`.
        let end = try HugoFidelity.body("A <!--more-->\n\nB\n")
        #expect(end == "<p>A</p>\n<!--more-->\n<p>B</p>", "got:\n\(end)")
    }
}
